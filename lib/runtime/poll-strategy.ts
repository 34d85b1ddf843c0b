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
/** While the progress says nothing, poll as often as the official provider (every 10 s): the end is seen within 10 s. */
const QUIET_DELAY_MS = 10_000 - REQUEST_MS;
/** While the end may come at any moment, it is seen within 5 s; so is an end right after the submission (the first wait). */
const CLOSE_DELAY_MS = 5000 - REQUEST_MS;
/** Without progress, a wait is at most twice the time waited. */
const GROWTH = 2;
/**
 * A wait is at most a quarter of the job's predicted length, and a quarter of the time since the
 * submission (less the request; never less than SHORT_JOB_WAIT_MS): a job that ends sooner than
 * predicted, or than its progress says (Huawei's own example shows SUCCESS at 20 %), is seen
 * within a quarter of its running time.
 */
const LENGTH_SHARE = 0.25;
/** A quarter of the shortest job the second rule is kept for, 2 minutes less 10 % (108 s), less the request. */
const SHORT_JOB_WAIT_MS = LENGTH_SHARE * 108_000 - REQUEST_MS;
/**
 * A pace holds when the value moved within this share of what it predicted (or within the rounding
 * of two values), and the local pace is within this share of the recent half's (it is not rising)...
 */
const TOLERANCE = 0.25;
/** ...and then the next poll waits this share of the time to the predicted end: a pace off by TOLERANCE still polls before the end. */
const HELD_SHARE = 1 / (1 + TOLERANCE);
/** A pace not yet confirmed waits half the time to the end: it may be off by up to 2x. */
const NEW_SHARE = 0.5;
/**
 * A value that moved less than half what the pace expected, beyond the rounding (more than the 2x a
 * pace may be off by), shows a job that stalled or slowed during the wait.
 */
const SURPRISE = 2;
/** `process_percent` moves in whole percents, and a running job shows at most 99 %. */
const STEP = 0.01;
const SHOWN_MAX = 0.99;
/** The local pace is measured over the last three steps: it follows a job that slows down or speeds up. */
const LOCAL_STEPS = 3;
/** A value that has not moved for three steps at its pace has stalled (rounding and timing explain one)... */
const STALL_STEPS = 3;
/**
 * ...and so has one that has not moved, whatever its pace (a creep that stopped), for a quarter of the
 * time since the submission (the share a wait may take; SHORT_JOB_WAIT_MS at least) or two minutes
 * (two of the longest default waits), whichever is shorter.
 */
const STALL_MAX_MS = 2 * (DEFAULT_MAX_DELAY_MS + REQUEST_MS);
/** Two shown values differ from the true progress by up to 1.5 steps between them (a step rounded down, half a step rounded to nearest). */
const ROUNDING_STEPS = 1.5;

export interface DefaultDelayOptions {
  /** Shortest wait. @default 1000 (DEFAULT_MIN_DELAY_MS) */
  readonly minDelayMs?: number;
  /** Longest wait. @default 59500 (DEFAULT_MAX_DELAY_MS) */
  readonly maxDelayMs?: number;
}

/** A value of `process_percent`: when it was first and last seen. */
interface Sighting {
  readonly p: number;
  readonly first: number;
  last: number;
}

interface Paces {
  /**
   * The earliest the job can get on: the local pace, or the faster of the recent half's and the
   * local pace if the pace rose during the recent half (a pace that rose and fell may rise again).
   */
  readonly fast: number;
  /** The slower of the two: when a new value is due. */
  readonly typical: number;
  /** A lower bound: the slower of the two with their values off by the rounding (ROUNDING_STEPS). */
  readonly slow: number;
  /** The local pace is more than TOLERANCE faster than the recent half's: it may rise further before the end. */
  readonly rising: boolean;
}

/** The pace from sighting `a` to sighting `b` (progress per ms), with the values `less` apart less. */
function pace(a: Sighting, b: Sighting, less = 0): number {
  return Math.max(0, b.p - a.p - less) / Math.max(1, b.first - a.first);
}

/** Whether a move from sighting `i` on was faster than the move before it, beyond the rounding of both. */
function roseSince(run: readonly Sighting[], i: number): boolean {
  for (let k = Math.max(2, i + 2); k < run.length; k++)
    if (
      pace(run[k - 1], run[k], ROUNDING_STEPS * STEP) > pace(run[k - 2], run[k - 1], -ROUNDING_STEPS * STEP)
    )
      return true;
  return false;
}

/**
 * How much faster the last move was than the one before (at least 1), at face value: a job that sped
 * up may speed up as much again before the next poll, and a speed-up the rounding made up only
 * shortens the wait.
 */
function speedUp(run: readonly Sighting[]): number {
  if (run.length < 3) return 1;
  const [a, b, c] = run.slice(-3);
  const before = pace(a, b);
  return before > 0 ? Math.max(1, pace(b, c) / before) : 1;
}

/** The pace of a run (progress per ms) over its recent half and over its last LOCAL_STEPS steps. */
function paces(run: readonly Sighting[]): Paces {
  const top = run[run.length - 1];
  const from = top.first - (top.first - run[0].first) / 2;
  const halfAt = Math.min(
    run.length - 2,
    run.findIndex((s) => s.first >= from),
  );
  const half = run[halfAt];
  let local = run[0];
  for (const s of run) if (top.p - s.p >= LOCAL_STEPS * STEP - 1e-9) local = s;
  const [halfPace, localPace] = [pace(half, top), pace(local, top)];
  return {
    rising: localPace > (1 + TOLERANCE) * halfPace,
    fast: roseSince(run, halfAt - 1) ? Math.max(halfPace, localPace) : localPace,
    typical: Math.min(halfPace, localPace),
    slow: Math.min(pace(half, top, ROUNDING_STEPS * STEP), pace(local, top, ROUNDING_STEPS * STEP)),
  };
}

/**
 * The delay strategy of the create step and the CLI: rules a reader can check, no fitted curve.
 *
 * - Quiet: while the progress says nothing (absent, not moved yet, stalled: no new value for three
 *   steps at its pace, or for a quarter of the time since the submission or two minutes, or past
 *   the end its pace explains), poll every 9.5 s (at first 4.5 s, then at most twice the time
 *   waited): the end is seen within 10 s, and an end right after the submission within 5 s (a job
 *   submitted just now is at 0 %: its first poll comes after the first wait, and that 0 % starts
 *   its run).
 * - Run: the values since the progress last went back, or fell far short of its pace (SURPRISE);
 *   when a value that had not moved yet, or had stalled, moves, the job is taken to have moved on
 *   only after its last sighting.
 * - Pace and end: from the top value, the rest at the fast pace, less a step (the value may be a
 *   step ahead of what it shows), gives the earliest end; the fast pace is the local one, or the
 *   recent half's if that is faster and the pace rose during the recent half (it may rise again), and
 *   times the speed-up of the last move over the one before (a job that sped up may do so again).
 *   The rest plus half a step at the slow pace gives the latest end. From the earliest end to the
 *   latest, poll every 4.5 s: the end is seen within 5 s.
 * - Before it: wait a share of the time to the earliest end (HELD_SHARE once the pace has held and is
 *   not rising, else NEW_SHARE: a rising pace is slower than the one to come, as on a job whose pace
 *   rises to its end), at most a quarter of the predicted length and of the time since the
 *   submission (26.5 s at least: the end of a job that under-reports it is seen within a quarter of
 *   its running time), and 59.5 s; a pace from a single move, from the move of a value seen
 *   stalled, or from any value once it has gone back (a value that flickers is not progress), waits
 *   no longer than the quiet delay.
 */
export function defaultDelayStrategy(options: DefaultDelayOptions = {}): DelayStrategy {
  const min = options.minDelayMs ?? DEFAULT_MIN_DELAY_MS;
  const max = options.maxDelayMs ?? DEFAULT_MAX_DELAY_MS;
  requireRange("minDelayMs", min, "maxDelayMs", max);
  const bound = (ms: number): number => Math.round(Math.min(max, Math.max(min, ms)));
  let run: Sighting[] = [];
  /** The value the last pace expects at a time. */
  let expect: ((t: number) => number) | undefined;
  /** The last poll found the top value stalled. */
  let still = false;
  /** The value has gone back at least once: it is not progress, and no pace from it is trusted. */
  let wentBack = false;
  /** No new value for STALL_STEPS steps at `pace` (progress per ms), or for a quarter of the time `at` (at most STALL_MAX_MS). */
  const stalled = (top: Sighting, at: number, pace: number): boolean =>
    top.p < SHOWN_MAX &&
    run.length >= 2 &&
    at - top.first >
      Math.min(STALL_MAX_MS, Math.max(SHORT_JOB_WAIT_MS, LENGTH_SHARE * at), (STALL_STEPS * STEP) / pace);

  return {
    nextDelayMs({ attempt, elapsedMs: t, progress: p }) {
      const quiet = bound(Math.min(QUIET_DELAY_MS, Math.max(CLOSE_DELAY_MS, GROWTH * t)));
      // Before the first check of a job submitted just now: it is at 0 %.
      if (attempt === 0) {
        run = [{ p: 0, first: t, last: t }];
        return quiet;
      }
      const expected = expect?.(t);
      expect = undefined;
      if (p === undefined || !Number.isFinite(p)) return quiet;
      const prev = run[run.length - 1];
      // What the last pace expected the value to move by, and what it did.
      const want = expected !== undefined && prev ? expected - prev.p : undefined;
      const moved = prev ? p - prev.p : 0;
      // A value that moves on after it was seen stalled: the job may have resumed at any time since.
      const resumed = still && moved > 0;
      still = false;
      // Back to a lower value, or far short of the pace (the job stalled or slowed during the wait): start over.
      if (moved < 0) wentBack = true;
      if (!prev || moved < 0 || (want !== undefined && moved < want / SURPRISE - ROUNDING_STEPS * STEP)) {
        run = [{ p, first: t, last: t }];
        return quiet;
      }
      if (moved === 0) prev.last = t;
      else {
        if (run.length === 1 || stalled(prev, prev.last, paces(run).slow))
          run = [{ p: prev.p, first: prev.last, last: prev.last }];
        run.push({ p, first: t, last: t });
      }
      const top = run[run.length - 1];
      if (run.length < 2) return quiet;
      const { fast, typical, slow, rising } = paces(run);
      if (stalled(top, t, typical)) {
        still = true;
        return quiet;
      }
      const earliest = top.first + Math.max(0, 1 - top.p - STEP) / (fast * speedUp(run));
      // Too few steps for the rounding to leave a lower bound of the pace: the latest end is the typical pace's.
      const latest = top.first + (1 - top.p + STEP / 2) / (slow > 0 ? slow : typical);
      if (t >= latest) return quiet;
      // A pace from a single move is a guess (the job may have moved on at any time since the old value's
      // last sighting), and so is the move of a job that resumed, and every move of a value that has
      // gone back (a flicker up is not progress): nothing is expected of it, and the wait is no longer
      // than when the progress says nothing.
      const guess = run.length < 3 || resumed || wentBack;
      if (!guess) expect = (at) => Math.min(SHOWN_MAX, top.p + fast * (at - top.first));
      if (t >= earliest - CLOSE_DELAY_MS) return bound(CLOSE_DELAY_MS);
      const held =
        !rising &&
        want !== undefined &&
        Math.abs(moved - want) <= Math.max(ROUNDING_STEPS * STEP, TOLERANCE * want);
      const wait = Math.min(
        (held ? HELD_SHARE : NEW_SHARE) * (earliest - t),
        guess ? QUIET_DELAY_MS : Infinity,
        LENGTH_SHARE * earliest,
        Math.max(SHORT_JOB_WAIT_MS, LENGTH_SHARE * t - REQUEST_MS),
      );
      return bound(Math.max(CLOSE_DELAY_MS, wait));
    },
  };
}
