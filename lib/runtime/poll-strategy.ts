/**
 * Delay strategies for `waitUntil`: how long to wait after an unfinished check. A strategy's delays
 * depend only on the observations it is given (it reads no clock); the default one remembers them,
 * so create one per wait.
 */
import { invalidOption } from "./errors";

export interface PollObservation {
  /**
   * 1 for the first check; 0 asks for the wait before the first check, when the wait begins with
   * one (a job just submitted, at 0 %: `WaitOptions.delayFirst`).
   */
  readonly attempt: number;
  /** Time since the wait began, measured when the check returned. */
  readonly elapsedMs: number;
  /** Reported completion in [0, 1], when the check knows it. */
  readonly progress?: number;
}

export interface DelayStrategy {
  /** Milliseconds to wait before the next check. */
  nextDelayMs(observation: PollObservation): number;
}

/** How a wait for a copy job polls. */
export interface PollTuning {
  /** Replaces the default strategy (`defaultDelayStrategy()`; create one per wait). */
  readonly delay?: () => DelayStrategy;
}

function requireDelay(name: string, value: number): void {
  if (typeof value !== "number" || !Number.isFinite(value) || value <= 0)
    throw invalidOption(name, value, "must be a finite number of milliseconds greater than 0");
}

function requireRange(minName: string, min: number, maxName: string, max: number): void {
  requireDelay(minName, min);
  requireDelay(maxName, max);
  if (max < min) throw invalidOption(maxName, max, `must be at least ${minName} (${min})`);
}

/** The same delay every time. */
export function fixedDelay(delayMs: number): DelayStrategy {
  requireDelay("delayMs", delayMs);
  return { nextDelayMs: () => delayMs };
}

export interface ExponentialDelayOptions {
  /** Delay after the first check. @default 1000 */
  readonly minDelayMs?: number;
  /** Largest delay. @default 30000 */
  readonly maxDelayMs?: number;
  /** Growth per check. @default 2 */
  readonly factor?: number;
}

/** `min * factor^(attempt-1)`, capped at `max` (`min` before the first check). */
export function exponentialDelay(options: ExponentialDelayOptions = {}): DelayStrategy {
  const min = options.minDelayMs ?? 1000;
  const max = options.maxDelayMs ?? 30_000;
  const factor = options.factor ?? 2;
  requireRange("minDelayMs", min, "maxDelayMs", max);
  if (!Number.isFinite(factor) || factor < 1)
    throw invalidOption("factor", factor, "must be a finite number of at least 1");
  return {
    nextDelayMs: ({ attempt }) => Math.min(max, min * factor ** Math.min(Math.max(0, attempt - 1), 60)),
  };
}

/** Shortest wait of the default strategy: never more than one call per second. */
export const DEFAULT_MIN_DELAY_MS = 1000;
/** Each lag bound below leaves this long for the poll's own request. */
const REQUEST_MS = 500;
/** Longest wait: an end the progress does not announce is seen within a minute. */
export const DEFAULT_MAX_DELAY_MS = 60_000 - REQUEST_MS;
/** While the progress says nothing, poll as often as the official provider: the end is seen within 10 s. */
const QUIET_DELAY_MS = 10_000 - REQUEST_MS;
/** Where the end may come at any moment, and right after the submission, it is seen within 5 s. */
const CLOSE_DELAY_MS = 5000 - REQUEST_MS;
/** A quiet wait is at most twice the time waited (the first one is thus CLOSE_DELAY_MS). */
const GROWTH = 2;
/**
 * A wait is at most a quarter of the predicted length and of the time since the submission: a job
 * that ends sooner than predicted, or than its progress says (Huawei's example shows SUCCESS at
 * 20 %), is seen within a quarter of its running time; but at least a quarter of the shortest job
 * kept to that goal, 2 minutes less 10 % (SHORT_JOB_WAIT_MS).
 */
const LENGTH_SHARE = 0.25;
const SHORT_JOB_WAIT_MS = LENGTH_SHARE * 108_000 - REQUEST_MS;
/** A pace holds if it moved within this share of its prediction (or the rounding) and is not rising... */
const TOLERANCE = 0.25;
/** ...and then waits this share of the time to the earliest end: off by TOLERANCE, it still polls first. */
const HELD_SHARE = 1 / (1 + TOLERANCE);
/** A pace not confirmed may be off by 2x: it waits half the time to the earliest end. */
const NEW_SHARE = 0.5;
/**
 * While its calls are under this multiple of 10 s polling's, half of what the goal for progress that
 * informs allows (0.5x), a held pace waits NEW_SHARE too: it spends calls it has to spare on seeing
 * a pace that changes sooner, not on a shorter wait far from the end.
 */
const SPARE_CALLS = 0.25;
/** Moving less than 1/SURPRISE of the prediction, beyond the rounding, is a stall or a slow-down. */
const SURPRISE = 2;
/** `process_percent` moves in whole percents, and a running job shows at most 99 %. */
const STEP = 0.01;
const SHOWN_MAX = 0.99;
/** Two shown values differ from the true progress by up to 1.5 steps (rounded down: 1, to nearest: 0.5). */
const ROUNDING_STEPS = 1.5;
/** The local pace spans the last three steps: it follows a job that slows down or speeds up. */
const LOCAL_STEPS = 3;
/**
 * A value has stalled when unmoved for three steps at its pace (rounding and timing explain one),
 * or for a quarter of the time since the submission (as a wait; SHORT_JOB_WAIT_MS at least) up to
 * two of the longest waits, whatever its pace (a creep that stopped).
 */
const STALL_STEPS = 3;
const STALL_MAX_MS = 2 * (DEFAULT_MAX_DELAY_MS + REQUEST_MS);
/**
 * Waits shorter than the quiet one spend an allowance of this many calls beyond polling every
 * QUIET_DELAY_MS since the submission (5 % more calls than 10 s polling): whatever the progress says,
 * a 5-minute job makes at most 1.17x the calls of 10 s polling ((300 / 9.5 + 1 + 3) / 30.5), longer
 * ones less, a 2-minute one 1.33x: within the goals of 1.2x and 1.5x, with a call to spare.
 */
const CLOSE_ALLOWANCE = 3;

export interface DefaultDelayOptions {
  /** Shortest wait. @default 1000 (DEFAULT_MIN_DELAY_MS) */
  readonly minDelayMs?: number;
  /** Longest wait. @default 59500 (DEFAULT_MAX_DELAY_MS) */
  readonly maxDelayMs?: number;
}

/** A value of `process_percent`, when it was first and last seen. */
interface Sighting {
  readonly p: number;
  readonly first: number;
  last: number;
}

/** The pace from sighting `a` to `b` (progress per ms), the values taken `less` closer. */
function pace(a: Sighting, b: Sighting, less = 0): number {
  return Math.max(0, b.p - a.p - less) / Math.max(1, b.first - a.first);
}

/**
 * The paces of a run over its recent half and its last LOCAL_STEPS steps: `fast`, the local one, or
 * the faster if some move since the half began outran the one before it beyond the rounding (a pace
 * that rose and fell may rise again); `typical`, the slower, when a new value is due; `slow`, the
 * slower with the values ROUNDING_STEPS closer, a lower bound; `rising`, the local one more than
 * TOLERANCE faster; `speedUp`, how much faster the last move was than the one before, at face value
 * (a job that sped up may do so again).
 */
function paces(run: readonly Sighting[]) {
  const top = run[run.length - 1];
  const from = top.first - (top.first - run[0].first) / 2;
  const halfAt = Math.min(
    run.length - 2,
    run.findIndex((s) => s.first >= from),
  );
  let local = run[0];
  for (const s of run) if (top.p - s.p >= LOCAL_STEPS * STEP - 1e-9) local = s;
  const [halfPace, localPace] = [pace(run[halfAt], top), pace(local, top)];
  const rounding = ROUNDING_STEPS * STEP;
  let rose = false;
  for (let k = Math.max(2, halfAt + 1); k < run.length; k++)
    rose ||= pace(run[k - 1], run[k], rounding) > pace(run[k - 2], run[k - 1], -rounding);
  const before = run.length < 3 ? 0 : pace(run[run.length - 3], run[run.length - 2]);
  return {
    fast: rose ? Math.max(halfPace, localPace) : localPace,
    typical: Math.min(halfPace, localPace),
    slow: Math.min(pace(run[halfAt], top, rounding), pace(local, top, rounding)),
    rising: localPace > (1 + TOLERANCE) * halfPace,
    speedUp: before > 0 ? Math.max(1, pace(run[run.length - 2], top) / before) : 1,
  };
}

/**
 * The delay strategy of the create step and the CLI: rules a reader can check, no fitted curve. It
 * keeps the run of values since the progress last went back or fell far short of its pace, and:
 * - polls every QUIET_DELAY_MS (growing to it from CLOSE_DELAY_MS) while the progress says nothing:
 *   absent, not moved yet, or stalled;
 * - from the top value, puts the earliest end at the fast pace times its speed-up (less a step: the
 *   value may be a step ahead of what it shows), and polls every CLOSE_DELAY_MS from then on (a
 *   pace that goes on slowing ends later than any bound its past gives);
 * - before that, waits HELD_SHARE of the time to the earliest end once the pace has held, is not
 *   rising (a rising pace is slower than the one to come) and has used SPARE_CALLS, else NEW_SHARE;
 *   within the LENGTH_SHARE bounds and DEFAULT_MAX_DELAY_MS;
 * - takes as a guess (no longer than the quiet wait, nothing expected of it) a pace from a single
 *   move, from the move of a value seen stalled (the job may have resumed at any time since), and
 *   from any value once it has gone back (a value that flickers is not progress) or has stood still
 *   by both measures of a stall (a value that froze and then ticks is not progress either);
 * - waits no less than the quiet wait once sooner polls would overdraw CLOSE_ALLOWANCE: it spends
 *   the calls its long waits saved where the end may come, and no more.
 * A job submitted just now is at 0 %: `attempt` 0 asks for the wait before its first poll.
 */
export function defaultDelayStrategy(options: DefaultDelayOptions = {}): DelayStrategy {
  const min = options.minDelayMs ?? DEFAULT_MIN_DELAY_MS;
  const max = options.maxDelayMs ?? DEFAULT_MAX_DELAY_MS;
  requireRange("minDelayMs", min, "maxDelayMs", max);
  const bound = (ms: number): number => Math.round(Math.min(max, Math.max(min, ms)));
  let run: Sighting[] = [];
  /** The value the last trusted pace expects at a time. */
  let expect: ((t: number) => number) | undefined;
  /** The last poll found the top value stalled. */
  let still = false;
  /** The value has gone back, or stood still by both measures of a stall, at least once. */
  let distrusted = false;
  /** A stall's two measures at time `at`: STALL_STEPS steps at `pace`, and a share of the time. */
  const stallTimes = (at: number, pace: number): [number, number] => [
    (STALL_STEPS * STEP) / pace,
    Math.min(STALL_MAX_MS, Math.max(SHORT_JOB_WAIT_MS, LENGTH_SHARE * at)),
  ];
  const stalled = (top: Sighting, at: number, pace: number): boolean =>
    top.p < SHOWN_MAX && run.length >= 2 && at - top.first > Math.min(...stallTimes(at, pace));

  return {
    nextDelayMs({ attempt, elapsedMs: t, progress: p }) {
      const quiet = bound(Math.min(QUIET_DELAY_MS, Math.max(CLOSE_DELAY_MS, GROWTH * t)));
      // A wait shorter than the quiet one, unless its call would overdraw the allowance.
      const soon = (ms: number): number =>
        attempt + 1 > (t + ms) / QUIET_DELAY_MS + CLOSE_ALLOWANCE ? Math.max(ms, quiet) : ms;
      if (attempt === 0) {
        run = [{ p: 0, first: t, last: t }];
        return quiet;
      }
      const expected = expect?.(t);
      expect = undefined;
      if (p === undefined || !Number.isFinite(p)) return quiet;
      const prev = run[run.length - 1];
      const want = expected !== undefined && prev ? expected - prev.p : undefined;
      const moved = prev ? p - prev.p : 0;
      const resumed = still && moved > 0;
      still = false;
      // A value that went back, or stood still by both measures (those of a trusted pace, or after
      // falling short of one, the time alone), is not progress: from then on no pace is trusted.
      if (moved < 0) distrusted = true;
      else if (prev && moved === 0 && prev.p > 0 && run.length !== 2) {
        // With no pace (a run of one value) the steps take no time: the time alone counts.
        const [steps, time] = stallTimes(t, run.length > 2 ? paces(run).typical : Infinity);
        if (t - prev.first > Math.max(steps, time)) distrusted = true;
      }
      // Back to a lower value, or far short of the pace (a stall or slow-down during the wait): start over.
      if (!prev || moved < 0 || (want !== undefined && moved < want / SURPRISE - ROUNDING_STEPS * STEP)) {
        run = [{ p, first: t, last: t }];
        return quiet;
      }
      if (moved === 0) prev.last = t;
      else {
        // After a first move or a stall the job moved on after the old value's last sighting.
        if (run.length === 1 || stalled(prev, prev.last, paces(run).slow))
          run = [{ p: prev.p, first: prev.last, last: prev.last }];
        run.push({ p, first: t, last: t });
      }
      if (run.length < 2) return quiet;
      const top = run[run.length - 1];
      const { fast, typical, rising, speedUp } = paces(run);
      if (stalled(top, t, typical)) {
        still = true;
        return quiet;
      }
      const earliest = top.first + Math.max(0, 1 - top.p - STEP) / (fast * speedUp);
      const guess = run.length < 3 || resumed || distrusted;
      if (!guess) expect = (at) => Math.min(SHOWN_MAX, top.p + fast * (at - top.first));
      if (t >= earliest - CLOSE_DELAY_MS) return soon(bound(CLOSE_DELAY_MS));
      const held =
        !rising &&
        want !== undefined &&
        Math.abs(moved - want) <= Math.max(ROUNDING_STEPS * STEP, TOLERANCE * want);
      // Calls to spare go on a sooner look at the pace (10 s polling makes one call per 10 s).
      const spare = attempt < (SPARE_CALLS * t) / (QUIET_DELAY_MS + REQUEST_MS);
      const wait = Math.min(
        (held && !spare ? HELD_SHARE : NEW_SHARE) * (earliest - t),
        guess ? QUIET_DELAY_MS : Infinity,
        LENGTH_SHARE * earliest,
        Math.max(SHORT_JOB_WAIT_MS, LENGTH_SHARE * t - REQUEST_MS),
      );
      return soon(bound(Math.max(CLOSE_DELAY_MS, wait)));
    },
  };
}
