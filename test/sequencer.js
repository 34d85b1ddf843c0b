/**
 * The order in which jest starts the test files: the suites that drive the real terraform binary
 * (`*.e2e.test.ts`) first, as they are the longest (the interruption suite most of all) and mostly
 * wait; then the rest. Larger files first within each group, as jest does when it has no timings.
 * Started late, the interruption suite alone would decide when the run ends.
 */
const fs = require("fs");

const E2E = /\.e2e\.test\.ts$/;

function sizeOf(path) {
  try {
    return fs.statSync(path).size;
  } catch {
    return 0;
  }
}

class TestSequencer {
  sort(tests) {
    const rank = (test) => (E2E.test(test.path) ? 0 : 1);
    return [...tests].sort((a, b) => rank(a) - rank(b) || sizeOf(b.path) - sizeOf(a.path));
  }

  /** Nothing is cached: the order depends only on the files. */
  cacheResults() {}

  /** `--shard i/n`: every n-th file of the sorted list, so each shard gets long and short suites. */
  shard(tests, { shardIndex, shardCount }) {
    return this.sort(tests).filter((_, i) => i % shardCount === shardIndex - 1);
  }

  allFailedTests() {
    throw new Error(
      "--onlyFailures needs jest's default sequencer: run jest with --testSequencer=@jest/test-sequencer",
    );
  }
}

module.exports = TestSequencer;
