/**
 * The order in which jest starts the test files: first the suites that run real processes and wait
 * on them, the terraform suites (`*.e2e.test.ts`) and the runtime run as a child process
 * (test/handler/), as they are the longest (the interruption suite most of all); then the rest.
 * Larger files first within each group, as jest does when it has no timings. Started late, the
 * interruption suite alone would decide when the run ends.
 */
const fs = require("fs");

const WAITING = [/\.e2e\.test\.ts$/, /[/\\]test[/\\]handler[/\\]/];

function sizeOf(path) {
  try {
    return fs.statSync(path).size;
  } catch {
    return 0;
  }
}

class TestSequencer {
  sort(tests) {
    const rank = (test) => (WAITING.some((pattern) => pattern.test(test.path)) ? 0 : 1);
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
