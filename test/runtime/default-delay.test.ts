import fc from "fast-check";
import {
  DEFAULT_MAX_DELAY_MS,
  DEFAULT_MIN_DELAY_MS,
  defaultDelayStrategy,
} from "../../lib/runtime/default-delay";
import type { DelayStrategy } from "../../lib/runtime/poll-strategy";
import { waitUntil } from "../../lib/runtime/waiter";
import { FakeClock } from "./fake-clock";

type Rounding = "nearest" | "down";

/** What a running job shows for true progress `p`: whole percents, at most 99 %. */
function shown(p: number, rounding: Rounding): number {
  const percent = Math.min(1, Math.max(0, p)) * 100;
  return Math.min(99, rounding === "down" ? Math.floor(percent + 1e-9) : Math.round(percent)) / 100;
}

interface Poll {
  readonly t: number;
  readonly progress?: number;
  readonly delay: number;
}

/**
 * Waits with the default strategy for a job that ends at `endMs` and shows `shownAt(t)` until
 * then (polls take no time); returns every poll and how late the end was seen.
 */
async function watch(job: { endMs: number; shownAt: (t: number) => number | undefined }) {
  const clock = new FakeClock();
  const strategy = defaultDelayStrategy();
  const polls: Poll[] = [];
  const delay: DelayStrategy = {
    nextDelayMs: (o) => {
      const d = strategy.nextDelayMs(o);
      polls.push({ t: o.elapsedMs, progress: o.progress, delay: d });
      return d;
    },
  };
  const outcome = await waitUntil<number>({
    check: async () => {
      const t = clock.now();
      if (t >= job.endMs) return { done: "success", value: t };
      return { done: false, progress: job.shownAt(t) };
    },
    delay,
    timeoutMs: 10 * job.endMs + 600_000,
    now: clock.now,
    sleep: clock.sleep,
  });
  if (outcome.state !== "success") throw new Error(`the job was not seen to end: ${outcome.state}`);
  return { polls, lagMs: outcome.value - job.endMs };
}

/** A job in INIT (0) for `initMs`, then steady from 0 to 100 % in `runMs`. */
function steady(initMs: number, runMs: number, rounding: Rounding): (t: number) => number {
  return (t) => (t < initMs ? 0 : shown((t - initMs) / runMs, rounding));
}

/**
 * Jobs of 30 s to 45 min whose value climbs in steps of random sizes (1 to 30 %) at random
 * intervals (1 to 90 s), to as high as 99 %: steady, speeding, slowing, stalling or jumping by turns.
 */
const staircaseJob = fc
  .record({
    endMs: fc.integer({ min: 30_000, max: 2_700_000 }),
    steps: fc.array(
      fc.record({ gapMs: fc.integer({ min: 1000, max: 90_000 }), rise: fc.integer({ min: 1, max: 30 }) }),
      { minLength: 1, maxLength: 40 },
    ),
  })
  .map(({ endMs, steps }) => {
    let [at, value] = [0, 0];
    const climb = steps.map(({ gapMs, rise }) => ({
      at: (at += gapMs),
      value: (value = Math.min(99, value + rise)),
    }));
    const shownAt = (t: number) => Math.max(0, ...climb.filter((s) => s.at <= t).map((s) => s.value)) / 100;
    return { endMs, shownAt };
  });

describe("the default delay strategy", () => {
  test.each([
    [
      () => defaultDelayStrategy({ minDelayMs: 0 }),
      "minDelayMs 0 is invalid: it must be a finite number of milliseconds greater than 0.",
    ],
    [
      () => defaultDelayStrategy({ minDelayMs: 5000, maxDelayMs: 1000 }),
      "maxDelayMs 1000 is invalid: it must be at least minDelayMs (5000).",
    ],
  ])("bad options are refused with the value and the rule (%#)", (make, message) => {
    expect(make).toThrow(message);
  });

  test("its defaults are one call per second at most and a wait of 59.5 s at most", () => {
    expect([DEFAULT_MIN_DELAY_MS, DEFAULT_MAX_DELAY_MS]).toEqual([1000, 59_500]);
  });

  test("whatever it is told, it waits at least minDelayMs and at most maxDelayMs, in whole milliseconds", () => {
    const observation = fc.record({
      gapMs: fc.integer({ min: 0, max: 120_000 }),
      progress: fc.option(fc.oneof(fc.double({ min: -0.5, max: 1.5 }), fc.constant(Number.NaN)), {
        nil: undefined,
      }),
    });
    fc.assert(
      fc.property(fc.array(observation, { minLength: 1, maxLength: 80 }), fc.boolean(), (seq, custom) => {
        const [min, max] = custom ? [200, 1000] : [1000, 59_500];
        const s = custom
          ? defaultDelayStrategy({ minDelayMs: min, maxDelayMs: max })
          : defaultDelayStrategy();
        let t = 0;
        seq.forEach(({ gapMs, progress }, i) => {
          t += gapMs;
          const d = s.nextDelayMs({ attempt: i + 1, elapsedMs: t, progress });
          expect(Number.isInteger(d)).toBe(true);
          expect(d).toBeGreaterThanOrEqual(min);
          expect(d).toBeLessThanOrEqual(max);
        });
      }),
      { seed: 20261123, numRuns: 300 },
    );
  });

  test("GIVEN a wait that begins with a check and no progress THEN it waits 4.5 s, then at most twice the time waited, and never more than 9.5 s", () => {
    const s = defaultDelayStrategy();
    const at = [0, 1000, 4500, 13_500, 23_000, 600_000];
    expect(at.map((elapsedMs, i) => s.nextDelayMs({ attempt: i + 1, elapsedMs }))).toEqual([
      4500, 4500, 9000, 9500, 9500, 9500,
    ]);
  });

  test.each([0, 0.2, 0.99])(
    "a value that has not moved (%p from the first poll) is polled as if there were no progress",
    (value) => {
      const s = defaultDelayStrategy();
      const at = [0, 4500, 13_500, 23_000, 600_000];
      expect(at.map((elapsedMs, i) => s.nextDelayMs({ attempt: i + 1, elapsedMs, progress: value }))).toEqual(
        [4500, 9000, 9500, 9500, 9500],
      );
    },
  );

  test("GIVEN the wait before the first check (attempt 0) THEN it is 9.5 s, as for progress that says nothing, and the job is taken to be at 0 % then", () => {
    const fresh = defaultDelayStrategy();
    expect(fresh.nextDelayMs({ attempt: 0, elapsedMs: 0 })).toBe(9500);
    // 0 % at 0 s, then 15 % and 30 % at 10 s steps: a run of three values, whose pace (30 steps in
    // the 20 s since the submission) is no guess.
    fresh.nextDelayMs({ attempt: 1, elapsedMs: 10_000, progress: 0.15 });
    const seen = fresh.nextDelayMs({ attempt: 2, elapsedMs: 20_000, progress: 0.3 });
    const blind = defaultDelayStrategy();
    blind.nextDelayMs({ attempt: 1, elapsedMs: 10_000, progress: 0.15 });
    expect(blind.nextDelayMs({ attempt: 2, elapsedMs: 20_000, progress: 0.3 })).toBeLessThanOrEqual(9500);
    expect(seen).toBeGreaterThan(9500);
  });

  test("progress that goes back starts over: the next wait is at most 9.5 s", () => {
    const s = defaultDelayStrategy();
    [0, 0.1, 0.2, 0.3, 0.4].forEach((progress, i) =>
      s.nextDelayMs({ attempt: i + 1, elapsedMs: i * 20_000, progress }),
    );
    expect(s.nextDelayMs({ attempt: 6, elapsedMs: 100_000, progress: 0.05 })).toBe(9500);
  });

  test("GIVEN a value that has gone back THEN no pace it shows after is trusted: every wait is at most 9.5 s", () => {
    // Five steps every 20 s, back by one step, then five steps every 20 s again: without the fall,
    // the same climb waits far longer than 9.5 s once its pace held.
    const times = Array.from({ length: 10 }, (_, i) => 20 * i);
    const climb = [0.3, 0.35, 0.4, 0.45];
    const afterFall = waitsAfter(times, [0.05, 0.1, 0.15, 0.2, 0.25, 0.24, ...climb]).slice(6);
    expect(Math.max(...afterFall)).toBeLessThanOrEqual(9500);
    const steadyPace = waitsAfter(times, [0.0, 0.05, 0.1, 0.15, 0.2, 0.25, ...climb]).slice(6);
    expect(Math.max(...steadyPace)).toBeGreaterThan(9500);
  });

  test("GIVEN a value that moved, then stood still by both measures of a stall THEN no pace it shows after is trusted: every wait is at most 9.5 s", () => {
    // 5 % every 10 s to 40 %, then 40 % for 170 s (more than a quarter of the time and three steps at
    // its pace), then 3 % every 20 s. Without the stand-still, the same slower steps right after the
    // climb are taken for a slower job: its waits grow past 9.5 s.
    const climb = Array.from({ length: 9 }, (_, i) => 0.05 * i);
    const ticks = [0.43, 0.43, 0.46, 0.46, 0.49, 0.49, 0.52, 0.52];
    const everyTen = (values: readonly number[]) => values.map((_, i) => 10 * i);
    const frozen = [...climb, ...Array<number>(17).fill(0.4), ...ticks];
    expect(Math.max(...waitsAfter(everyTen(frozen), frozen).slice(26))).toBeLessThanOrEqual(9500);
    const slowedOnly = [...climb, ...ticks, ...ticks.map((p) => p + 0.12)];
    expect(Math.max(...waitsAfter(everyTen(slowedOnly), slowedOnly).slice(9))).toBeGreaterThan(9500);
  });

  test("GIVEN a value at 99 % past the end its pace explains THEN it still polls every 4.5 s, until its calls would pass those of polling every 9.5 s, plus 3; then every 9.5 s", () => {
    // 1 % every 10 s, seen every 20 s (calls 1 to 10), to 95 % at 190 s, then 99 % from 200 s on.
    // Earliest end: 200 s (the hidden step is the one shown); even at the slowest pace the last
    // three steps allow (4 % in 10 s less 1.5 steps of rounding: 0.25 %/s) the hidden 1.5 % takes
    // 6 s. The 4.5 s polls go on past that: the n-th call, at 200 + 4.5 (n - 11) s, may wait 4.5 s
    // while n + 1 <= (t + 4.5 s) / 9.5 s + 3, which holds up to n = 34 (303.5 s); the 35th waits
    // 9.5 s, and so do the next ones.
    const times = [
      ...Array.from({ length: 10 }, (_, i) => 10 + 20 * i),
      ...Array.from({ length: 25 }, (_, k) => 200 + 4.5 * k),
      317.5,
      327,
    ];
    const values = times.map((t) => (t < 200 ? t / 200 : 0.99));
    const waits = waitsAfter(times, values).slice(10);
    expect(waits).toEqual([...Array<number>(24).fill(4500), 9500, 9500, 9500]);
  });

  test("GIVEN a value that moves for the first time THEN its pace is a guess: waits stay at most 9.5 s until it moves again", () => {
    const s = defaultDelayStrategy();
    [0, 10_000, 20_000, 30_000, 40_000, 50_000, 60_000].forEach((elapsedMs, i) =>
      s.nextDelayMs({ attempt: i + 1, elapsedMs, progress: 0 }),
    );
    expect(s.nextDelayMs({ attempt: 8, elapsedMs: 69_500, progress: 0.05 })).toBe(9500);
    // Seen for 19 s since 0 % was last seen: at most half that (9.5 s); seen for 28.5 s: 14.25 s.
    expect(s.nextDelayMs({ attempt: 9, elapsedMs: 79_000, progress: 0.1 })).toBe(9500);
    expect(s.nextDelayMs({ attempt: 10, elapsedMs: 88_500, progress: 0.15 })).toBe(14_250);
  });

  test("GIVEN a value that stood still for minutes, then moved fast THEN its pace is trusted for at most half as long as it has been seen", () => {
    // 0 % for 150 s, then 10 % a poll (the end 75 s away at that pace): a burst may stop as suddenly
    // as it began, so 19 s of it are trusted for 9.5 s, not for half the time to the end (37 s).
    const still = Array.from({ length: 17 }, (_, i) => 9.5 * i);
    const times = [...still, 161.5, 171];
    const values = [...still.map(() => 0), 0.1, 0.2];
    expect(waitAfter(times, values)).toBe(9500);
    // Seen for 40 s, it is trusted for 20 s.
    expect(waitAfter([...times, 180.5, 192], [...values, 0.3, 0.42])).toBe(20_000);
  });

  test("GIVEN a steady pace THEN a value that falls far short of it starts over: the next wait is 9.5 s", () => {
    const steadyPace = (): DelayStrategy => {
      const s = defaultDelayStrategy();
      [0, 10_000, 20_000, 30_000].forEach((elapsedMs, i) =>
        s.nextDelayMs({ attempt: i + 1, elapsedMs, progress: elapsedMs / 100_000 }),
      );
      return s;
    };
    // 1 % a second until 30 s; the next poll comes at 30 s + the wait, where a steady job shows more.
    const wait = steadyPace().nextDelayMs({ attempt: 5, elapsedMs: 40_000, progress: 0.4 });
    expect(wait).toBeGreaterThan(9500);
    const at = 40_000 + wait;
    expect(steadyPace().nextDelayMs({ attempt: 5, elapsedMs: 40_000, progress: 0.4 })).toBe(wait);
    const stalled = steadyPace();
    stalled.nextDelayMs({ attempt: 5, elapsedMs: 40_000, progress: 0.4 });
    expect(stalled.nextDelayMs({ attempt: 6, elapsedMs: at, progress: 0.41 })).toBe(9500);
    const going = steadyPace();
    going.nextDelayMs({ attempt: 5, elapsedMs: 40_000, progress: 0.4 });
    expect(going.nextDelayMs({ attempt: 6, elapsedMs: at, progress: Math.min(0.99, at / 100_000) })).not.toBe(
      9500,
    );
  });

  /** The waits after polls that showed `values` at `times` (seconds), and the last of them. */
  const waitsAfter = (times: readonly number[], values: readonly number[]): number[] => {
    const s = defaultDelayStrategy();
    return times.map((t, i) => s.nextDelayMs({ attempt: i + 1, elapsedMs: t * 1000, progress: values[i] }));
  };
  const waitAfter = (times: readonly number[], values: readonly number[]): number =>
    waitsAfter(times, values)[times.length - 1];

  test("GIVEN a pace that has only slowed lately THEN the end it waits for is the local pace's, not the faster pace before", () => {
    // Moves of 30, 20, 12 and 6 steps, 20 s apart: at the local pace (the last three steps or more:
    // 0.3 %/s) the end (less a step) is 36.7 s away; at the recent half's (0.45 %/s) 24.4 s.
    const wait = waitAfter([0, 20, 40, 60, 80], [0.2, 0.5, 0.7, 0.82, 0.88]);
    const localEnd = (1 - 0.88 - 0.01) / 0.003;
    expect(wait).toBeGreaterThanOrEqual(0.5 * localEnd * 1000 - 1);
    expect(wait).toBeLessThanOrEqual(0.8 * localEnd * 1000 + 1);
    expect(wait).toBeGreaterThan(0.5 * ((1 - 0.88 - 0.01) / 0.0045) * 1000);
  });

  test("GIVEN a pace that rose and fell during the recent half THEN the faster pace bounds the end: it may rise again", () => {
    // Moves of 20, 5, 15 and 8 steps, 20 s apart: the pace rose (5 -> 15 steps) before it fell. At the
    // recent half's pace (0.575 %/s) the end is 71 s away; at the local pace (0.4 %/s) 102 s.
    const wait = waitAfter([0, 20, 40, 60, 80], [0.1, 0.3, 0.35, 0.5, 0.58]);
    const halfEnd = (1 - 0.58 - 0.01) / ((0.58 - 0.35) / 40);
    expect(wait).toBeGreaterThan(9500);
    expect(wait).toBeLessThanOrEqual(0.5 * halfEnd * 1000 + 1);
  });

  test("GIVEN a last move twice as fast as the one before THEN it waits for the end at twice the last pace", () => {
    // 10 steps in 20 s, then 20 steps in 20 s: at 1 %/s the end is 59 s away, at twice that 29.5 s.
    const wait = waitAfter([0, 20, 40], [0.1, 0.2, 0.4]);
    expect(wait).toBeLessThanOrEqual(0.5 * 29_500 + 1);
    expect(waitAfter([0, 20, 40], [0.0, 0.2, 0.4])).toBeGreaterThan(0.5 * 29_500 + 1);
  });

  test("GIVEN a pace that held THEN it waits the held share only once it has made a third of the calls of 10 s polling since the last guess: before, half the time to the end", () => {
    // 18 steps a minute, polled every 37.5 s: at 300 s the end (less a step) is 30 s away. Seven calls
    // since the guess at 37.5 s are under a third of 10 s polling's 26.25 (not under a quarter): the
    // spare calls go on a sooner look (15 s).
    const times = [0, 37.5, 75, 112.5, 150, 187.5, 225, 262.5, 300];
    const toEnd = (1 - 0.9 - 0.01) / 0.003;
    expect(
      waitAfter(
        times,
        times.map((t) => 0.003 * t),
      ),
    ).toBeLessThanOrEqual(0.5 * toEnd * 1000 + 1);
    // The same pace polled every 10 s has made 31 calls by then: it waits the held share (24 s).
    const dense = Array.from({ length: 31 }, (_, i) => 10 * i);
    expect(
      waitAfter(
        dense,
        dense.map((t) => 0.003 * t),
      ),
    ).toBeGreaterThan(0.75 * toEnd * 1000);
  });

  test("GIVEN ticks polled every 10 s, then a held pace THEN its calls to spare are counted from the last guess: it waits half the time to the end", () => {
    // A percent every 30 s to 10 % at 300 s (guesses, polled every 10 s: 31 calls), then 18 steps a
    // minute, polled every minute: at 540 s the end (less a step) is 56.7 s away. Four calls since
    // the last guess (300 s) are under a third of 10 s polling's 24: half the time (28.3 s), not
    // the held share (45.3 s) that 35 calls since the submission would give.
    const times = [...Array.from({ length: 31 }, (_, i) => 10 * i), 360, 420, 480, 540];
    const values = [...times.slice(0, 31).map((t) => Math.floor(t / 30) / 100), 0.28, 0.46, 0.64, 0.82];
    const toEnd = (1 - 0.82 - 0.01) / 0.003;
    expect(waitAfter(times, values)).toBeLessThanOrEqual(0.5 * toEnd * 1000 + 1);
  });

  test("GIVEN a value seen stalled THEN the move it makes next is a guess: the wait after it is at most 9.5 s", () => {
    // 1 % after 10 s, then still for four minutes (polled every 9.5 s: stalled), then 3 %: the job
    // may have resumed at any moment of the last wait, so the pace since 1 % was first seen (an
    // hour-long job) says nothing.
    const times = [0, 4.5, 10];
    const values = [0, 0, 0.01];
    for (let t = 19.5; t < 250; t += 9.5) {
      times.push(t);
      values.push(0.01);
    }
    const s = defaultDelayStrategy();
    const waits = times.map((t, i) =>
      s.nextDelayMs({ attempt: i + 1, elapsedMs: t * 1000, progress: values[i] }),
    );
    expect(waits.slice(-5)).toEqual([9500, 9500, 9500, 9500, 9500]);
    const at = times[times.length - 1] + 9.5;
    expect(
      s.nextDelayMs({ attempt: times.length + 1, elapsedMs: at * 1000, progress: 0.03 }),
    ).toBeLessThanOrEqual(9500);
  });

  test("GIVEN a value that moved once, then stood still for three quarters of the time since the submission THEN it froze: no pace it shows after is trusted", () => {
    // A stage shown as a percent: 0, then 3 % from 96 s, then a percent a poll (every 9.6 s). Still
    // until 874 s (89 % of the time), it froze: every wait after is at most 9.5 s. Still until
    // 300 s (68 %), the pace after it is trusted for longer waits.
    const waitsOnceMoving = (until: number) => {
      const times = Array.from({ length: Math.ceil(until / 9.6) + 8 }, (_, i) => 9.6 * (i + 1));
      const values = times.map((t) =>
        t < 96 ? 0 : t < until ? 0.03 : 0.03 + 0.01 * Math.round((t - until) / 9.6 + 0.5),
      );
      return waitsAfter(times, values).slice(-8);
    };
    for (const wait of waitsOnceMoving(874)) expect(wait).toBeLessThanOrEqual(9500);
    expect(Math.max(...waitsOnceMoving(300))).toBeGreaterThan(9500);
  });

  test("GIVEN a value that ticks a percent every 30 s THEN every wait is at most 9.5 s (its pace makes under 20 steps in the time since the submission), and its end at 8 % is seen within 10 s", async () => {
    const { polls, lagMs } = await watch({ endMs: 255_000, shownAt: (t) => Math.floor(t / 30_000) / 100 });
    expect(polls.length).toBeGreaterThan(20);
    for (const p of polls) expect(p.delay).toBeLessThanOrEqual(9500);
    expect(lagMs).toBeLessThanOrEqual(9500);
  });

  test("GIVEN a value that ticks a percent every 10 s THEN its waits pass 9.5 s only once its pace has made 20 steps in the time since the submission (200 s)", async () => {
    const { polls } = await watch({ endMs: 600_000, shownAt: (t) => Math.floor(t / 10_000) / 100 });
    const long = polls.filter((p) => p.delay > 9500);
    expect(long.length).toBeGreaterThan(3);
    // The pace is measured between polls, over three steps: within a poll of 200 s.
    expect(Math.min(...long.map((p) => p.t))).toBeGreaterThanOrEqual(190_000);
  });

  test("GIVEN a value that stops moving THEN once it has been still for three steps at the pace it showed, every wait is at most 9.5 s", async () => {
    // 1 % every 3 s up to 40 %, reached 120 s in; stuck there until the job ends at 10 minutes. The
    // first poll that shows 40 % comes at most 59.5 s after 120 s, the pace it shows is at least two
    // steps in 59.5 s, so three steps take at most 90 s more, and the poll after that (59.5 s) is the
    // last long one: from 120 + 59.5 + 90 + 59.5 s on, the value is known to have stalled.
    const { polls, lagMs } = await watch({
      endMs: 600_000,
      shownAt: (t) => shown(Math.min(0.4, t / 300_000), "down"),
    });
    const stalled = polls.filter((p) => p.t >= 120_000 + 59_500 + 90_000 + 59_500);
    expect(stalled.length).toBeGreaterThan(25);
    expect(Math.max(...stalled.map((p) => p.delay))).toBe(9500);
    expect(lagMs).toBeLessThanOrEqual(9500);
  });

  test("GIVEN a slow creep that stops THEN once it has been still for two minutes, however slow its pace, every wait is at most 9.5 s", async () => {
    // 1 % every 90 s up to 4 %, reached 360 s in; stuck there until the job ends at 20 minutes. At
    // that pace three steps take 270 s; the first poll that shows 4 % comes at most 59.5 s after
    // 360 s, and the poll that comes two minutes after it (at most 59.5 s later) is the last long one.
    const { polls, lagMs } = await watch({
      endMs: 1_200_000,
      shownAt: (t) => shown(Math.min(0.04, Math.floor(t / 90_000) / 100), "down"),
    });
    const stalled = polls.filter((p) => p.t >= 360_000 + 59_500 + 120_000 + 59_500);
    expect(Math.max(...stalled.map((p) => p.delay))).toBe(9500);
    expect(stalled.length).toBeGreaterThan(60);
    expect(lagMs).toBeLessThanOrEqual(9500);
  });

  test("GIVEN a slow creep that stops early in a short job THEN once it has been still for a quarter of the time since the submission, every wait is at most 9.5 s", async () => {
    // 1 % every 40 s up to 2 %, reached 80 s in; stuck there until the job ends at 4 minutes. Three
    // steps at that pace take 120 s, as do two minutes: both would call it stalled at 200 s, 40 s
    // before the end. Still for a quarter of the time since the submission, it is stalled from
    // 107 s on (80 s + 26.7 s), and the poll after that is at most 26.5 s later.
    const { polls, lagMs } = await watch({
      endMs: 240_000,
      shownAt: (t) => shown(Math.min(0.02, Math.floor(t / 40_000) / 100), "down"),
    });
    const stalled = polls.filter((p) => p.t >= 107_000 + 26_500);
    expect(Math.max(...stalled.map((p) => p.delay))).toBe(9500);
    expect(stalled.length).toBeGreaterThan(8);
    expect(lagMs).toBeLessThanOrEqual(9500);
  });

  test("GIVEN a job stuck at 99 % THEN it polls every 4.5 s while its long waits before left calls to spare, then every 9.5 s: never more calls than polling every 9.5 s, plus 3", async () => {
    // 1 % every 30 s: 99 % is shown from 98.5 % (2955 s) on, and the job ends an hour later. The long
    // waits of the climb saved calls, which the 4.5 s polls at 99 % spend: far beyond the end the
    // pace explains (about 90 s at the latest), until the n-th call would come before 9.5 s (n - 3).
    const endMs = 6_600_000;
    const { polls, lagMs } = await watch({
      endMs,
      shownAt: (t) => shown(Math.min(0.99, t / 3_000_000), "nearest"),
    });
    const at99 = polls.filter((p) => p.progress === 0.99);
    const close = at99.filter((p) => p.delay === 4500);
    const quiet = at99.filter((p) => p.delay === 9500);
    expect(close.length + quiet.length).toBe(at99.length);
    expect(Math.max(...close.map((p) => p.t))).toBeLessThan(Math.min(...quiet.map((p) => p.t)));
    expect(Math.max(...close.map((p) => p.t)) - at99[0].t).toBeGreaterThan(600_000);
    expect(quiet.length).toBeGreaterThan(100);
    expect(polls.length).toBeLessThanOrEqual(endMs / 9500 + 4);
    expect(lagMs).toBeLessThanOrEqual(9500);
  });

  test("whatever the progress says, the n-th call comes no sooner than 9.5 s times (n - 3): at most three calls beyond polling every 9.5 s", async () => {
    await fc.assert(
      fc.asyncProperty(staircaseJob, async (job) => {
        const { polls } = await watch(job);
        polls.forEach((p, n) => expect(p.t).toBeGreaterThanOrEqual(9500 * (n - 3)));
      }),
      { seed: 20261203, numRuns: 200 },
    );
    // A value that halves what is left every 40 s: without the allowance, each new value buys close
    // polls around the end its pace predicts, and the 5-minute job makes 43 calls.
    const { polls } = await watch({
      endMs: 300_000,
      shownAt: (t) => shown(1 - 2 ** -Math.floor(t / 40_000), "nearest"),
    });
    polls.forEach((p, n) => expect(p.t).toBeGreaterThanOrEqual(9500 * (n - 3)));
    expect(polls.length).toBeLessThanOrEqual(300_000 / 9500 + 4);
  });

  test("whatever the progress says, no wait is longer than a quarter of the time since the submission less 0.5 s, or 26.5 s, or 59.5 s", async () => {
    // A job that ends at any moment is seen within a quarter of its running time (27 s at least),
    // and within a minute, however its progress misleads.
    await fc.assert(
      fc.asyncProperty(staircaseJob, async (job) => {
        const { polls } = await watch(job);
        for (const p of polls)
          expect(p.delay).toBeLessThanOrEqual(
            Math.min(59_500, Math.round(Math.max(26_500, 0.25 * p.t - 500))),
          );
      }),
      { seed: 20261203, numRuns: 200 },
    );
  });

  test("GIVEN a steady job THEN its end is seen within 5 s, whichever way the value is rounded and however long the job", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 120, max: 3 * 3600 }),
        fc.integer({ min: 0, max: 10_000 }),
        fc.constantFrom<Rounding>("nearest", "down"),
        async (seconds, initMs, rounding) => {
          const runMs = seconds * 1000;
          const { lagMs } = await watch({ endMs: initMs + runMs, shownAt: steady(initMs, runMs, rounding) });
          expect(lagMs).toBeGreaterThanOrEqual(0);
          expect(lagMs).toBeLessThanOrEqual(4500);
        },
      ),
      { seed: 20261123, numRuns: 60 },
    );
  });

  test("GIVEN a long steady job THEN its waits grow to 59.5 s and no further", async () => {
    const { polls } = await watch({ endMs: 2_700_000, shownAt: steady(0, 2_700_000, "nearest") });
    expect(Math.max(...polls.map((p) => p.delay))).toBe(59_500);
  });

  test("GIVEN a steady job THEN no wait is longer than a quarter of the time since the submission, or 26.5 s", async () => {
    for (const endMs of [120_000, 300_000, 900_000]) {
      const { polls } = await watch({ endMs, shownAt: steady(0, endMs, "nearest") });
      for (const p of polls)
        expect(p.delay).toBeLessThanOrEqual(Math.round(Math.max(26_500, 0.25 * p.t - 500)));
      expect(Math.max(...polls.map((p) => p.delay))).toBeGreaterThan(26_000);
    }
  });

  test("GIVEN a steady 40-second job THEN no wait is longer than a quarter of its predicted length, though 26.5 s would be allowed", async () => {
    const { polls } = await watch({ endMs: 40_000, shownAt: steady(0, 40_000, "nearest") });
    // The pace is measured between polls: the predicted length is within a few seconds of 40 s.
    expect(Math.max(...polls.map((p) => p.delay))).toBeLessThanOrEqual(0.25 * 45_000);
  });

  test.each([120_000, 300_000, 900_000, 3_600_000])(
    "GIVEN progress that under-reports its end (SUCCESS at half, after %d ms) THEN the end is seen within a quarter of the job, at most 59.5 s",
    async (endMs) => {
      const { lagMs } = await watch({ endMs, shownAt: (t) => shown((0.5 * t) / endMs, "nearest") });
      expect(lagMs).toBeLessThanOrEqual(Math.min(59_500, Math.max(26_500, 0.25 * endMs)));
    },
  );
});
