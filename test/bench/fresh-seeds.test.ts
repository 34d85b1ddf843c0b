import { FRESH_FIRST_SEEDS, runCompletionBench, runShapeJob, TUNED_FIRST_SEED } from "../../bench/completion";
import { missed, runSeedsBench, seedsReport } from "../../bench/fresh-seeds";
import { shapeNamed } from "../../bench/progress-shapes";
import { runBenchmark } from "../../bench/run";
import { fixedDelay } from "../../lib/runtime/poll-strategy";

jest.setTimeout(120_000);

const linear = shapeNamed("linear");
/** The rows of the linear shape alone, at one size, without the emulator's curves. */
const linearAt = (durationSeconds: number) => ({
  shapes: [linear],
  durationsSeconds: [durationSeconds],
  emulatorCurves: [],
});

describe("the completion benchmark's seeds", () => {
  test("firstSeed runs the jobs of those seeds: the same jobs as runShapeJob with them", async () => {
    const { runs } = await runCompletionBench({ ...linearAt(120), seeds: 2, firstSeed: 1001 });
    expect([...new Set(runs.map((r) => r.seed))]).toEqual([1001, 1002]);
    const [ours] = runs.filter((r) => r.seed === 1002 && r.poller === "ours" && r.rounding === "down");
    expect(ours).toEqual(await runShapeJob(linear, 120, "down", 1002, "ours"));
    // Fresh seeds are other jobs: other lengths than the tuned seeds'.
    const tuned = await runShapeJob(linear, 120, "down", TUNED_FIRST_SEED + 1, "ours");
    expect(tuned.jobMs).not.toBe(ours.jobMs);
  });

  test("the fresh seeds are none of the tuned ones, and no two sets overlap", () => {
    const sets = [TUNED_FIRST_SEED, ...FRESH_FIRST_SEEDS].map((first) =>
      Array.from({ length: 12 }, (_, i) => first + i),
    );
    expect(new Set(sets.flat()).size).toBe(12 * sets.length);
  });
});

describe("the fresh-seeds report", () => {
  test("each row has each set's verdict, as runCompletionBench gives it for that set", async () => {
    const options = { ...linearAt(120), seeds: 2 };
    const report = await runSeedsBench({ ...options, firstSeeds: [1, 2001] });
    expect(report.rows).toHaveLength(1);
    const [row] = report.rows;
    expect(row).toMatchObject({ shape: "linear", durationSeconds: 120, family: "informative" });
    for (const [i, firstSeed] of [1, 2001].entries())
      expect(row.bySeeds[i]).toEqual((await runCompletionBench({ ...options, firstSeed })).rows[0]);
  });

  test("a row that fails is listed with what it missed on each set; one that passes everywhere is not", async () => {
    // Two-minute jobs, three per set of seeds, polled every `ms`.
    const polledEvery = (ms: number, shapes = [linear]) =>
      runSeedsBench({
        ...linearAt(120),
        shapes,
        seeds: 3,
        firstSeeds: [1, 1001],
        strategy: () => fixedDelay(ms),
      });
    // 30 s polling: a 2-minute smooth job is seen up to 30 s late (goal 5 s), a job that shows 0 too (goal 10 s).
    const report = await polledEvery(30_000, [linear, shapeNamed("zero")]);
    const text = seedsReport(report);
    expect(text).toMatch(
      /^\| linear \| tuned \| 2 min \| informative \| FAIL \(lag \d+\.\d s\) \| FAIL \(lag \d+\.\d s\) \| 2 of 2 \|$/m,
    );
    expect(text).toMatch(/^\| all \| 0 of 2 \| 0 of 2 \| 0 of 2 \| 0 of 2 \|$/m);
    expect(text).toContain("| family | passing on seeds 1-3 (tuned) | passing on seeds 1001-1003 |");

    const quiet = seedsReport(await polledEvery(4000));
    expect(quiet).toMatch(/^\| informative \| 1 of 1 \| 1 of 1 \| 1 of 1 \| 0 of 1 \|$/m);
    expect(quiet).not.toMatch(/^\| linear \|/m);
  });

  test("what a row missed names the lag and the calls it failed by", async () => {
    // 1 s polling of a 5-minute smooth job: seen at once, but with about 9 times the calls of fixed polling (its requests take time too).
    const { rows } = await runCompletionBench({
      ...linearAt(300),
      seeds: 1,
      strategy: () => fixedDelay(1000),
    });
    expect(missed(rows[0])).toMatch(/^FAIL \(calls [89]\.\d\dx\)$/);
  });

  test("npm run bench -- --quick completion-seeds prints the summary and the failing rows of each set", async () => {
    const section = await runBenchmark("completion-seeds", true);
    expect(section).toContain("## Completion detection on fresh seeds");
    expect(section).toContain(
      "| family | passing on seeds 1-2 (tuned) | passing on seeds 1001-1002 | passing on seeds 2001-2002 | passing on seeds 3001-3002 | passing on every set | verdict changes with the seeds |",
    );
    expect(section).toMatch(/^\| all \| \d+ of \d+ \|/m);
  });
});
