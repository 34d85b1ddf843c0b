import { PROGRESS_CURVES, progressAt as curveAt, type ProgressCurve } from "../../lib/emulator/job-model";
import { exponentialDelay, fixedDelay, progressPredictingDelay } from "../../lib/runtime/poll-strategy";
import { waitUntil } from "../../lib/runtime/waiter";
import { FakeClock } from "./fake-clock";

describe("fixed and exponential delays", () => {
  test("a fixed delay is the same every time", () => {
    const s = fixedDelay(2500);
    expect([1, 2, 3].map((attempt) => s.nextDelayMs({ attempt, elapsedMs: 0 }))).toEqual([2500, 2500, 2500]);
  });

  test("the exponential delay doubles from minDelayMs and is capped at maxDelayMs", () => {
    const s = exponentialDelay({ minDelayMs: 1000, maxDelayMs: 10_000 });
    expect([1, 2, 3, 4, 5, 6].map((attempt) => s.nextDelayMs({ attempt, elapsedMs: 0 }))).toEqual([
      1000, 2000, 4000, 8000, 10_000, 10_000,
    ]);
  });

  test("the defaults poll at most once per second", () => {
    expect(exponentialDelay().nextDelayMs({ attempt: 1, elapsedMs: 0 })).toBe(1000);
    expect(progressPredictingDelay().nextDelayMs({ attempt: 1, elapsedMs: 0 })).toBe(1000);
  });

  test.each([
    [() => fixedDelay(0), "delayMs [0] must be a finite number of milliseconds greater than 0."],
    [
      () => exponentialDelay({ minDelayMs: 10, maxDelayMs: 5 }),
      "maxDelayMs [5] must be at least minDelayMs [10].",
    ],
    [
      () => exponentialDelay({ minDelayMs: -1 }),
      "minDelayMs [-1] must be a finite number of milliseconds greater than 0.",
    ],
    [() => exponentialDelay({ factor: 0.5 }), "factor [0.5] must be a finite number of at least 1."],
    [
      () => progressPredictingDelay({ jumpThreshold: 0 }),
      "jumpThreshold [0] must be greater than 0 and at most 1.",
    ],
    [() => progressPredictingDelay({ window: 1 }), "window [1] must be an integer of at least 2."],
  ])("bad options are refused with the value and the rule (%#)", (make, message) => {
    expect(make).toThrow(message);
  });
});

/**
 * A simulated copy job: progress is reported in whole percents and shows 99 % until the job
 * ends, as the service does. Returns when the waiter saw it end, and what it cost.
 */
async function simulate(
  job: { endMs: number; progressAt: (t: number) => number; round?: boolean },
  opts: { minDelayMs: number; maxDelayMs: number },
) {
  const clock = new FakeClock();
  const delays: number[] = [];
  const inner = progressPredictingDelay(opts);
  const outcome = await waitUntil<number>({
    check: async () => {
      const t = clock.now();
      if (t >= job.endMs) return { done: "success", value: t };
      const p = Math.min(0.99, (job.round ? Math.round : Math.floor)(job.progressAt(t) * 100) / 100);
      return { done: false, value: p, progress: p };
    },
    delay: {
      nextDelayMs: (o) => {
        const d = inner.nextDelayMs(o);
        delays.push(d);
        return d;
      },
    },
    timeoutMs: 10 * job.endMs,
    now: clock.now,
    sleep: clock.sleep,
  });
  if (outcome.state !== "success") throw new Error(`simulated job not seen to end: ${outcome.state}`);
  return { lagMs: outcome.value - job.endMs, calls: outcome.attempts, delays };
}

describe("the progress-predicting delay", () => {
  // The create step's bounds (lib/runtime/steps/create.ts MIN_POLL_MS / MAX_POLL_MS).
  const opts = { minDelayMs: 1000, maxDelayMs: 60_000 };

  test("without progress it is capped exponential backoff from minDelayMs", () => {
    const s = progressPredictingDelay({ minDelayMs: 500, maxDelayMs: 3000 });
    expect([1, 2, 3, 4, 5].map((attempt) => s.nextDelayMs({ attempt, elapsedMs: attempt * 1000 }))).toEqual([
      500, 1000, 2000, 3000, 3000,
    ]);
  });

  test("progress going backwards is not trusted: the next poll comes after minDelayMs", () => {
    const s = progressPredictingDelay(opts);
    s.nextDelayMs({ attempt: 1, elapsedMs: 0, progress: 0.4 });
    s.nextDelayMs({ attempt: 2, elapsedMs: 1000, progress: 0.5 });
    expect(s.nextDelayMs({ attempt: 3, elapsedMs: 6000, progress: 0.2 })).toBe(1000);
  });

  test("at 100 % but not yet finished it polls again after minDelayMs", () => {
    const s = progressPredictingDelay(opts);
    s.nextDelayMs({ attempt: 1, elapsedMs: 0, progress: 0.8 });
    expect(s.nextDelayMs({ attempt: 2, elapsedMs: 4000, progress: 1 })).toBe(1000);
  });

  test("the default upper bound is 60 s", async () => {
    const r = await simulate(
      { endMs: 3_600_000, progressAt: (t) => t / 3_600_000 },
      { minDelayMs: 1000, maxDelayMs: 60_000 },
    );
    const d = await simulate(
      { endMs: 3_600_000, progressAt: (t) => t / 3_600_000 },
      { minDelayMs: 1000, maxDelayMs: undefined as unknown as number },
    );
    expect(Math.max(...r.delays)).toBe(60_000);
    expect(d.delays).toEqual(r.delays);
  });

  test.each([
    ["1 minute", 60_000, 2000, 10],
    ["10 minutes", 600_000, 5000, 20],
    ["1 hour", 3_600_000, 5000, 75],
  ])(
    "GIVEN a steady %s job (%p ms) THEN it sees the end within %p ms using at most %p calls, never polling faster than minDelayMs",
    async (_name, endMs, maxLag, maxCalls) => {
      const r = await simulate({ endMs, progressAt: (t) => t / endMs }, opts);
      expect(r.lagMs).toBeGreaterThanOrEqual(0);
      expect(r.lagMs).toBeLessThanOrEqual(maxLag);
      expect(r.calls).toBeLessThanOrEqual(maxCalls);
      expect(Math.min(...r.delays)).toBeGreaterThanOrEqual(1000);
      expect(Math.max(...r.delays)).toBeLessThanOrEqual(60_000);
    },
  );

  // Fixed 10 s polling (the official provider: first poll at 10 s, then every 10 s) spends about
  // 31 calls on a 5-minute job; issue 5 asks for at most half of that (15), on every curve and
  // whether progress is rounded to the nearest percent or down (the service's rounding is unknown).
  test.each([
    ["linear", 15],
    ["front-loaded", 15],
    ["back-loaded", 15],
    ["stalling", 15],
  ] as const)(
    "GIVEN a 5-minute %s job (2 s of INIT, whole percents) THEN it sees the end within 5 s using at most %p calls, never faster than 1 per second",
    async (curve: ProgressCurve, budget: number) => {
      const initMs = 2000;
      const runMs = 300_000;
      for (const round of [true, false]) {
        const r = await simulate(
          {
            endMs: initMs + runMs,
            progressAt: (t) => (t < initMs ? 0 : curveAt(curve, (t - initMs) / runMs)),
            round,
          },
          opts,
        );
        expect(r.lagMs).toBeLessThanOrEqual(5000);
        expect(r.calls).toBeLessThanOrEqual(budget);
        expect(Math.min(...r.delays)).toBeGreaterThanOrEqual(1000);
      }
    },
  );

  test("every curve of the job model is pinned above", () => {
    expect([...PROGRESS_CURVES].sort()).toEqual(["back-loaded", "front-loaded", "linear", "stalling"]);
  });

  test.each([
    ["rounded", 5000, true],
    // Rounded down, every value reads up to a step low (half a step on average): the strategy aims
    // half a step early for it, and the limit keeps a second of margin.
    ["rounded down", 6000, false],
  ])(
    "GIVEN a job that slows down towards the end (%s) THEN the end is still seen within %p ms",
    async (_name, maxLag, round) => {
      const endMs = 600_000;
      const r = await simulate(
        { endMs, progressAt: (t) => Math.sqrt(t / endMs), round: round as boolean },
        opts,
      );
      expect(r.lagMs).toBeLessThanOrEqual(maxLag as number);
      expect(r.calls).toBeLessThanOrEqual(25);
    },
  );

  test.each([
    ["rounded down", false],
    ["rounded to nearest", true],
  ])(
    "GIVEN a 30-second back-loaded job whose first value above 0 is seen 15 s in (%s) THEN the end is still seen within 2 s",
    async (_name, round) => {
      // INIT for 5.28 s, then p = f^2 over 27 s: polls at 0, 1, 3 and 7 s read 0, the one at 15 s reads 0.13.
      // A straight line from the last 0 says 53 s more; the job needs 17 s (it speeds up, and may have left INIT late).
      const initMs = 5280;
      const runMs = 27_000;
      const r = await simulate(
        {
          endMs: initMs + runMs,
          progressAt: (t) => (t < initMs ? 0 : curveAt("back-loaded", (t - initMs) / runMs)),
          round: round as boolean,
        },
        opts,
      );
      expect(r.lagMs).toBeGreaterThanOrEqual(0);
      expect(r.lagMs).toBeLessThanOrEqual(2000);
      expect(Math.min(...r.delays)).toBeGreaterThanOrEqual(1000);
    },
  );

  /** Feeds the strategy the values a bench job showed (rounded to nearest) at these poll times; returns when it polls next. */
  function replay(
    curve: ProgressCurve,
    initMs: number,
    runMs: number,
    times: readonly number[],
  ): { next: number; delay: number } {
    const s = progressPredictingDelay(opts);
    let delay = 0;
    times.forEach((t, i) => {
      const progress = Math.min(
        0.99,
        Math.round(curveAt(curve, Math.max(0, t - initMs) / runMs) * 100) / 100,
      );
      delay = s.nextDelayMs({ attempt: i + 1, elapsedMs: t, progress });
    });
    return { next: times[times.length - 1] + delay, delay };
  }

  test("GIVEN a 2-minute front-loaded job whose four values after a change of pace fit k = 2 and k = 3 about equally THEN the next poll comes before the earlier end", () => {
    // The bench's 2-minute front-loaded job of seed 15 (0.738 s of INIT, 108.109 s running), polled
    // at these times. From 33.8 s on, k = 3 fits the values as closely as the true k = 2 (within the
    // rounding) and ends 28 s later: waiting for that end polled again at 126 s.
    const { next, delay } = replay(
      "front-loaded",
      738,
      108_109,
      [100, 1300, 3800, 11_400, 33_800, 39_600, 44_500, 66_100],
    );
    expect(next).toBeLessThan(738 + 108_109);
    expect(delay).toBeGreaterThanOrEqual(1000);
  });

  test("GIVEN a 2-minute stalling job that moves again just before a poll still showing the stalled value THEN the next poll comes before its end", () => {
    // The bench's 2-minute stalling job of seed 41 (1.073 s of INIT, 130.071 s running: 40 % in the
    // first 20 %, stuck until 70 %, then the rest at the first pace), polled at these times. At 92.3 s
    // it has been stuck for 63 s (75 % of that is 47 s) and has just moved again (still showing
    // 40 %); the rest takes 39 s. The pace measured when the value last moved is low (few values, the last one
    // already in the stall), so the rest looked like 47 s.
    const { next, delay } = replay("stalling", 1073, 130_071, [0, 1200, 3200, 9700, 29_300, 65_400, 92_300]);
    expect(next).toBeLessThan(1073 + 130_071);
    expect(delay).toBeGreaterThanOrEqual(1000);
  });

  test("GIVEN progress that stalls for 5 minutes THEN it backs off during the stall instead of polling every second", async () => {
    // 0 -> 30 % in 60 s, stuck for 300 s, then 30 -> 100 % in 140 s
    const progressAt = (t: number) =>
      t < 60_000 ? (0.3 * t) / 60_000 : t < 360_000 ? 0.3 : 0.3 + (0.7 * (t - 360_000)) / 140_000;
    const r = await simulate({ endMs: 500_000, progressAt }, opts);
    expect(r.calls).toBeLessThanOrEqual(20);
    expect(r.lagMs).toBeLessThanOrEqual(5000);
  });
});
