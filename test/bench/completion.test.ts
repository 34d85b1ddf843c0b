import {
  completionReport,
  completionRow,
  finalHoldShare,
  standstillShare,
  goalFamilyOf,
  goalsFor,
  runCompletionBench,
  runShapeJob,
  type CompletionRow,
  type JobRun,
} from "../../bench/completion";
import { FAMILIES, SHAPES, shapeNamed, shownPercent } from "../../bench/progress-shapes";
import { runBenchmark } from "../../bench/run";
import { seededRandom } from "../../bench/support/stats";

jest.setTimeout(120_000);

describe("the completion benchmark's goals", () => {
  test("they are issue 10's, by family and job size", () => {
    expect(goalsFor("informative", 120)).toEqual({ lagP95Ms: 5000, maxCallRatio: undefined });
    expect(goalsFor("informative", 300)).toEqual({ lagP95Ms: 5000, maxCallRatio: 0.5 });
    expect(goalsFor("no-information", 120)).toEqual({ lagP95Ms: 10_000, maxCallRatio: 1.5 });
    expect(goalsFor("no-information", 2700)).toEqual({ lagP95Ms: 10_000, maxCallRatio: 1.2 });
    // Misleading: a quarter of each job's own duration, at most a minute.
    expect(goalsFor("misleading", 120)).toEqual({ lagP95Ms: 60_000, lagShare: 0.25, maxCallRatio: 1.5 });
    expect(goalsFor("misleading", 300)).toEqual({ lagP95Ms: 60_000, lagShare: 0.25, maxCallRatio: 1.2 });
    expect(goalsFor("misleading", 2700)).toEqual({ lagP95Ms: 60_000, lagShare: 0.25, maxCallRatio: 1.2 });
    // Jobs under 2 minutes (the emulator family's 30 s) keep only the lag goal.
    expect(goalsFor("no-information", 30)).toEqual({ lagP95Ms: 10_000, maxCallRatio: undefined });
  });

  test("a smooth curve that shows 99 % for more than 5 % of the job is held to the no-information goals", () => {
    const linear = shapeNamed("linear").curve(Math.random);
    const frontLoaded = shapeNamed("front-loaded").curve(Math.random);
    expect(finalHoldShare(linear, "nearest")).toBeCloseTo(0.015, 3);
    expect(finalHoldShare(linear, "down")).toBeCloseTo(0.01, 3);
    expect(finalHoldShare(frontLoaded, "nearest")).toBeCloseTo(0.122, 3);
    expect(finalHoldShare(shapeNamed("under-reports").curve(Math.random), "nearest")).toBe(0);
    expect(goalFamilyOf("informative", 0.015)).toBe("informative");
    expect(goalFamilyOf("informative", 0.122)).toBe("no-information");
    expect(goalFamilyOf("misleading", 0.5)).toBe("misleading");
  });

  test("a smooth curve has its calls goal counted at the no-information rate over the share of its time its value says nothing", () => {
    // A fifth of a 5-minute job standing still: 0.8 x 0.5 + 0.2 x 1.2.
    expect(goalsFor("informative", 300, 0.2).maxCallRatio).toBeCloseTo(0.64, 9);
    expect(goalsFor("informative", 2700, 0.1).maxCallRatio).toBeCloseTo(0.57, 9);
    expect(goalsFor("informative", 300, 0)).toEqual(goalsFor("informative", 300));
    expect(goalsFor("informative", 300).maxCallRatio).toBe(0.5);
    expect(goalsFor("informative", 120, 0.2)).toEqual(goalsFor("informative", 120));
    // The other families' goals do not read it.
    expect(goalsFor("no-information", 300, 0.5)).toEqual(goalsFor("no-information", 300));
    expect(goalsFor("misleading", 300, 0.5)).toEqual(goalsFor("misleading", 300));
  });

  test("a value says nothing while it has stood still for over 5 % of the time so far, or last moved after such a standstill", () => {
    const share = (points: readonly (readonly [number, number])[], rounding: "nearest" | "down" = "down") =>
      standstillShare((f) => {
        let p = 0;
        for (const [at, value] of points) if (f >= at) p = value;
        return p;
      }, rounding);
    // 0 until the end, or a constant: all of it.
    expect(share([])).toBe(1);
    expect(share([[0, 0.3]])).toBe(1);
    // A step at 40 % after a standstill from the start; the next at 41 % (1 % after it, under 5 % of
    // 41 %): the value said nothing until 41 %, then not until it stood still for 5 % of the time
    // (from 41 % / 0.95 = 43.2 %) while it stays until the end.
    expect(
      share([
        [0.4, 0.01],
        [0.41, 0.02],
      ]),
    ).toBeCloseTo(0.41 + (1 - 0.41 / 0.95), 3);
    // Steps every 1 % of the time: after 20 % (1 % is 5 % of 20 %: the boundary) each comes too soon
    // after the last, and none stands still that long.
    const steady = Array.from({ length: 99 }, (_, i) => [(i + 1) / 100, (i + 1) / 100] as const);
    expect(share(steady)).toBeGreaterThanOrEqual(0.2);
    expect(share(steady)).toBeLessThanOrEqual(0.21 + 1e-9);
  });

  test("the share a smooth curve's value says nothing is measured per rounding", () => {
    const cubic = shapeNamed("back-loaded-cubic").curve(Math.random);
    // f^3's steps come 1 / (3n) of the time apart at n %: under 5 % of it from 7 % on (f = 0.41),
    // and the 0 % start lasts to f = 0.171 rounded to nearest, 0.215 rounded down.
    const [nearest, down] = [standstillShare(cubic, "nearest"), standstillShare(cubic, "down")];
    expect(nearest).toBeGreaterThan(0.4);
    expect(down).toBeGreaterThan(0.4);
    expect(nearest).not.toBe(down);
    expect(standstillShare(shapeNamed("linear").curve(Math.random), "down")).toBeCloseTo(0.21, 2);
    expect(standstillShare(shapeNamed("zero").curve(Math.random), "nearest")).toBe(1);
  });

  test("a running job shows whole percents, at most 99 %, rounded to nearest or down", () => {
    expect([0.406, 0.994, 0.996, 1].map((p) => shownPercent(p, "nearest"))).toEqual([0.41, 0.99, 0.99, 0.99]);
    expect([0.406, 0.29, 0.994].map((p) => shownPercent(p, "down"))).toEqual([0.4, 0.29, 0.99]);
  });
});

/** Twelve jobs of each rounding with these lags (s) and calls, and fixed polling's with 30 calls. */
function runs(
  lagsSeconds: readonly number[],
  calls: number,
  minIntervalMs = 1000,
  jobMs = 300_000,
): JobRun[] {
  const common = { shape: "x", durationSeconds: 300, seed: 1, minIntervalMs, jobMs };
  return [
    ...(["nearest", "down"] as const).flatMap((rounding) =>
      lagsSeconds.map((s) => ({ ...common, poller: "ours" as const, rounding, lagMs: s * 1000, calls })),
    ),
    ...lagsSeconds.map(() => ({
      ...common,
      poller: "fixed-10s" as const,
      rounding: "nearest" as const,
      lagMs: 5000,
      calls: 30,
    })),
  ];
}

/** A generated 5-minute row of a smooth curve (99 % shown for 1.5 % of the time). */
const informative = {
  shape: "x",
  set: "tuned" as const,
  emulator: false,
  durationSeconds: 300,
  holdShare: 0.015,
  stillShare: 0,
  family: "informative" as const,
};

describe("a row's verdict", () => {
  const elevenLags = [0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4, 4, 4.2, 4.4];

  test("GIVEN an informative row whose p95 lag is 4.8 s at half of fixed polling's calls THEN it passes", () => {
    const row = completionRow(informative, runs([...elevenLags, 4.8], 15));
    expect(row).toMatchObject({ lagPass: true, callsPass: true, ratePass: true, pass: true, runs: 12 });
    expect(row.ours.nearest.p95LagMs).toBe(4800);
    expect(row.fixed.meanCalls).toBe(30);
  });

  test.each<[string, JobRun[], Partial<CompletionRow>]>([
    [
      "one of twelve lags is 5.2 s (the p95 of twelve is the largest)",
      runs([...elevenLags, 5.2], 15),
      { lagPass: false },
    ],
    [
      "it makes 15.1 calls against fixed polling's 30",
      runs([...elevenLags, 4.8], 15.1),
      { callsPass: false },
    ],
    ["two polls came 0.9 s apart", runs([...elevenLags, 4.8], 15, 900), { ratePass: false }],
  ])("GIVEN an informative row where %s THEN it fails", (_name, jobs, failing) => {
    const row = completionRow(informative, jobs);
    expect(row).toMatchObject({ ...failing, pass: false });
  });

  test("GIVEN the same jobs on a smooth curve with a slow end THEN the row is held to the no-information goals", () => {
    const row = completionRow({ ...informative, holdShare: 0.12 }, runs([...elevenLags, 9.5], 36));
    expect(row).toMatchObject({ goalFamily: "no-information", lagPass: true, callsPass: true, pass: true });
    expect(completionRow({ ...informative, holdShare: 0.12 }, runs([...elevenLags, 9.5], 37)).pass).toBe(
      false,
    );
  });
});

describe("each job's own curve", () => {
  /** Twelve jobs per rounding (seeds 1-12), each with its lag (s), calls and own shares; fixed polling: 30 calls. */
  function jobs(
    each: readonly { lag: number; calls: number; holdShare?: number; stillShare?: number }[],
  ): JobRun[] {
    const common = { shape: "x", durationSeconds: 300, minIntervalMs: 4500, jobMs: 300_000 };
    return [
      ...(["nearest", "down"] as const).flatMap((rounding) =>
        each.map((j, i) => ({
          ...common,
          ...j,
          seed: i + 1,
          poller: "ours" as const,
          rounding,
          lagMs: j.lag * 1000,
        })),
      ),
      ...each.map((_, i) => ({
        ...common,
        seed: i + 1,
        poller: "fixed-10s" as const,
        rounding: "nearest" as const,
        lagMs: 5000,
        calls: 30,
      })),
    ];
  }
  const quick = Array.from({ length: 9 }, () => ({ lag: 4, calls: 15, holdShare: 0.02 }));

  test("GIVEN three of twelve jobs whose curve shows 99 % for 12 % of the time THEN those are held to 10 s, the others to 5 s", () => {
    const slowEnds = Array.from({ length: 3 }, () => ({ lag: 9, calls: 15, holdShare: 0.12 }));
    const row = completionRow(informative, jobs([...quick, ...slowEnds]));
    expect(row).toMatchObject({ goalFamily: "informative", otherGoalJobs: 6, lagPass: true, pass: true });
    expect(row.holdShares).toEqual([0.02, 0.12]);
    // The same lags on jobs whose curves end quickly: 9 s is late.
    const quickEnds = slowEnds.map((j) => ({ ...j, holdShare: 0.02 }));
    expect(completionRow(informative, jobs([...quick, ...quickEnds])).lagPass).toBe(false);
  });

  test("GIVEN jobs whose value says nothing for a fifth of the time THEN their calls count at 0.64x, the others' at 0.5x", () => {
    // Nine jobs at 0.5x (15 of 30 calls) and three at 0.64x (19.2): 16.05 calls on average allowed.
    const lateStarts = Array.from({ length: 3 }, () => ({
      lag: 4,
      calls: 19.2,
      stillShare: 0.2,
      holdShare: 0.02,
    }));
    const row = completionRow(informative, jobs([...quick, ...lateStarts]));
    expect(row).toMatchObject({ callsPass: true, pass: true });
    expect(row.callRatioGoal).toBeCloseTo(0.535, 9);
    const over = lateStarts.map((j) => ({ ...j, calls: 19.4 }));
    expect(completionRow(informative, jobs([...quick, ...over])).callsPass).toBe(false);
    // Without their own shares the jobs take the row's: 0.5x for every job.
    const plain = [...quick, ...lateStarts].map(({ lag, calls }) => ({ lag, calls }));
    expect(completionRow(informative, jobs(plain))).toMatchObject({ callsPass: false, callRatioGoal: 0.5 });
  });

  test("a generated job carries its own curve's shares, drawn from its seed; a shape with no random draw gives every job the same", async () => {
    const shape = shapeNamed("tail-eases-to-stop");
    const own = await Promise.all([1, 2, 3, 4].map((seed) => runShapeJob(shape, 300, "down", seed, "ours")));
    expect(new Set(own.map((r) => r.holdShare)).size).toBeGreaterThan(1);
    for (const r of own) expect(r.holdShare).toBeGreaterThan(0);
    const linear = shapeNamed("linear");
    const plain = await Promise.all([1, 2].map((seed) => runShapeJob(linear, 300, "down", seed, "ours")));
    const share = finalHoldShare(linear.curve(Math.random), "down");
    expect(plain.map((r) => r.holdShare)).toEqual([share, share]);
    // Other families' jobs carry none, nor do fixed polling's: no goal reads them.
    expect((await runShapeJob(shapeNamed("zero"), 120, "down", 1, "ours")).holdShare).toBeUndefined();
    expect((await runShapeJob(shape, 300, "down", 1, "fixed-10s")).holdShare).toBeUndefined();
  });
});

describe("a misleading row's lag", () => {
  const misleading = {
    shape: "x",
    set: "tuned" as const,
    emulator: false,
    durationSeconds: 120,
    holdShare: 0,
    stillShare: 0,
    family: "misleading" as const,
  };
  const lags = [10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30, 32];

  test("GIVEN 2-minute jobs that ran 132 s THEN a 32 s lag is within a quarter of each (33 s): it passes", () => {
    expect(completionRow(misleading, runs(lags, 8, 1000, 132_000)).lagPass).toBe(true);
  });

  test("GIVEN the same lags on jobs that ran 110 s THEN 32 s is over a quarter of each (27.5 s): it fails", () => {
    expect(completionRow(misleading, runs(lags, 8, 1000, 110_000)).lagPass).toBe(false);
  });

  test("GIVEN 45-minute jobs THEN the limit is a minute, not a quarter of the job", () => {
    const long = { ...misleading, durationSeconds: 2700 };
    expect(completionRow(long, runs([...lags.slice(1), 59], 100, 1000, 2_700_000)).lagPass).toBe(true);
    expect(completionRow(long, runs([...lags.slice(1), 61], 100, 1000, 2_700_000)).lagPass).toBe(false);
  });
});

describe("the completion benchmark", () => {
  test("the held-out shapes are shapes of their own in every family, not new seeds of the others", () => {
    const others = new Set(SHAPES.filter((s) => s.set !== "held-out").map((s) => s.name));
    for (const family of FAMILIES) {
      const held = SHAPES.filter((s) => s.set === "held-out" && s.family === family);
      expect(held.length).toBeGreaterThanOrEqual(5);
      for (const s of held) expect(others.has(s.name)).toBe(false);
    }
    expect(new Set(SHAPES.map((s) => s.name)).size).toBe(SHAPES.length);
  });

  test("no two shapes draw the same curve: each pair differs by more than half a percent somewhere", () => {
    const grid = Array.from({ length: 201 }, (_, i) => i / 200);
    const drawn = SHAPES.map((s) => ({ name: s.name, at: grid.map(s.curve(seededRandom(0))) }));
    const same: string[] = [];
    for (let i = 0; i < drawn.length; i++)
      for (let j = i + 1; j < drawn.length; j++)
        if (grid.every((_, k) => Math.abs(drawn[i].at[k] - drawn[j].at[k]) <= 0.005))
          same.push(`${drawn[i].name} = ${drawn[j].name}`);
    expect(same).toEqual([]);
  });

  test("GIVEN one shape of each family and two emulator curves THEN every row passes its goals, and the report prints each row", async () => {
    const shapes = ["linear", "zero", "under-reports"].map(shapeNamed);
    const { rows, runs: jobs } = await runCompletionBench({
      shapes,
      durationsSeconds: [120, 300],
      emulatorCurves: ["linear", "stalling"],
      emulatorDurationsSeconds: [120],
      seeds: 3,
    });
    expect(rows.map((r) => `${r.shape} ${r.durationSeconds} ${r.goalFamily}`)).toEqual([
      "linear 120 informative",
      "linear 300 informative",
      "zero 120 no-information",
      "zero 300 no-information",
      "under-reports 120 misleading",
      "under-reports 300 misleading",
      "emulator:linear 120 informative",
      "emulator:stalling 120 no-information",
    ]);
    // Three jobs per rounding with our strategy, three with fixed polling, per row.
    expect(jobs).toHaveLength(rows.length * 9);
    for (const row of rows)
      expect({ shape: row.shape, pass: row.pass }).toEqual({ shape: row.shape, pass: true });
    const report = completionReport(rows, jobs);
    for (const heading of [
      "### Family: informative",
      "### Family: no-information",
      "### Family: misleading",
      "### Family: the emulator's curves",
    ])
      expect(report).toContain(heading);
    expect(report).toMatch(
      /^\| linear \| tuned \| 5 min \| 3 \| 1\.5 % \| 21\.0 % \| informative \| .* \| PASS \|$/m,
    );
    expect(report).toMatch(
      /^\| emulator:stalling \| tuned \| 2 min \| 3 \| .* \| no-information \| .* \| PASS \|$/m,
    );
    expect(report.match(/^\| [^|]+ \| (tuned|seen|held-out) \|/gm)).toHaveLength(rows.length);
  });

  test("npm run bench:completion:heldout prints only the held-out shapes", async () => {
    const section = await runBenchmark("completion-heldout", true);
    const names = [...section.matchAll(/^\| ([a-z0-9-]+) \| (tuned|seen|held-out) \|/gm)].map((m) => [
      m[1],
      m[2],
    ]);
    expect(names.map(([name]) => name).sort()).toEqual(
      SHAPES.filter((s) => s.set === "held-out")
        .map((s) => s.name)
        .sort(),
    );
    expect(names.every(([, set]) => set === "held-out")).toBe(true);
    expect(section).not.toContain("emulator:");
  });
});
