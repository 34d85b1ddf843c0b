/** The default delay strategy: rules a reader can check, no fitted curve; each constant says its rule. */
import { requireRange, type DelayStrategy } from "./poll-strategy";

/** Shortest wait: never more than one call per second. */
export const DEFAULT_MIN_DELAY_MS = 1000;
/** Each lag bound below leaves this long for the poll's own request. */
const REQUEST_MS = 500;
/** Longest wait: an end the progress does not announce is seen within a minute. */
export const DEFAULT_MAX_DELAY_MS = 60_000 - REQUEST_MS;
/** While the progress says nothing, poll as the official provider does (first 10 s after submission). */
const QUIET_DELAY_MS = 10_000 - REQUEST_MS;
/** Where the end may come at any moment, it is seen within 5 s. */
const CLOSE_DELAY_MS = 5000 - REQUEST_MS;
/** A wait that begins with a check (a job found running) grows from CLOSE_DELAY_MS, at most doubling. */
const GROWTH = 2;
/**
 * A wait is at most a quarter of the predicted length and of the time since the submission (at least
 * of the shortest job the goals name, 2 min - 10 %): a job that ends sooner than predicted or shown
 * (Huawei's example has SUCCESS at 20 %) is seen within a quarter of its running time.
 */
const LENGTH_SHARE = 0.25;
const SHORT_JOB_WAIT_MS = LENGTH_SHARE * 108_000 - REQUEST_MS;
/** A pace may be off by this share: waiting HELD_SHARE of the time to the earliest end still polls first. */
const TOLERANCE = 0.25;
const HELD_SHARE = 1 / (1 + TOLERANCE);
/** A pace may be off by 2x until it has held: wait half the time to the earliest end. */
const NEW_SHARE = 0.5;
/**
 * While its calls since the last guess are under this multiple of 10 s polling's (two-thirds of the
 * 0.5x allowed for informative progress; the rest is the end's), a held pace waits NEW_SHARE: spare
 * calls see a change sooner.
 */
const SPARE_CALLS = 1 / 3;
/** A pace is trusted for at most half as long as it has been seen: a burst may stop as suddenly. */
const SEEN_SHARE = 0.5;
/** A move short of 1/SURPRISE of the predicted one, beyond the rounding, is a stall or a slow-down. */
const SURPRISE = 2;
/**
 * A pace of under TICK_STEPS steps in the time since the submission moves once per twentieth of it
 * or less: it does not move for a long time, and may end at any moment, as one that says nothing.
 */
const TICK_STEPS = 20;
/** `process_percent` moves in whole percents; a running job shows at most 99 %. */
const STEP = 0.01;
const SHOWN_MAX = 0.99;
/** A shown value is off the true one by up to 1 step (rounded down) or 0.5 (to nearest): two by 1.5. */
const ROUNDING_STEPS = 1.5;
/** The local pace spans the last three steps: it follows a job that slows down or speeds up. */
const LOCAL_STEPS = 3;
/**
 * A value has stalled when unmoved for three steps at its pace (rounding and timing explain one), or
 * whatever its pace for a quarter of the time since the submission (at least SHORT_JOB_WAIT_MS, at
 * most two of the longest waits).
 */
const STALL_STEPS = 3;
const STALL_MAX_MS = 2 * (DEFAULT_MAX_DELAY_MS + REQUEST_MS);
/** After one move, a value still for all but a quarter of the time since the submission froze. */
const FROZEN_SHARE = 1 - LENGTH_SHARE;
/**
 * Waits below the quiet one spend at most this many calls beyond polling every QUIET_DELAY_MS:
 * a 5-minute job makes at most 1.17x the calls of 10 s polling ((300 / 9.5 + 1 + 3) / 30.5), a
 * 2-minute one 1.33x, whatever the progress says (goals: 1.2x and 1.5x).
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
 * A run's paces: `local`, over its last LOCAL_STEPS steps; `slow`, the same with the values
 * ROUNDING_STEPS closer (a lower bound); `fast`, the local one or, if some move in the recent half
 * outran the one before beyond the rounding (a pace that rose and fell may rise again), the half's
 * if faster; `speedUp`, how much faster the last move was than the one before (it may again).
 */
function paces(run: readonly Sighting[]) {
  const top = run[run.length - 1];
  const from = top.first - (top.first - run[0].first) / 2;
  const halfAt = Math.min(
    run.length - 2,
    run.findIndex((s) => s.first >= from),
  );
  let start = run[0];
  for (const s of run) if (top.p - s.p >= LOCAL_STEPS * STEP - 1e-9) start = s;
  const [half, local] = [pace(run[halfAt], top), pace(start, top)];
  const rounding = ROUNDING_STEPS * STEP;
  let rose = false;
  for (let k = Math.max(2, halfAt + 1); k < run.length; k++)
    rose ||= pace(run[k - 1], run[k], rounding) > pace(run[k - 2], run[k - 1], -rounding);
  const before = run.length < 3 ? 0 : pace(run[run.length - 3], run[run.length - 2]);
  return {
    local,
    slow: pace(start, top, rounding),
    fast: rose ? Math.max(half, local) : local,
    speedUp: before > 0 ? Math.max(1, pace(run[run.length - 2], top) / before) : 1,
  };
}

/**
 * The create step's and the CLI's strategy; create one per wait. It keeps the run of values since
 * the progress last went back or fell far short of its pace; polls every QUIET_DELAY_MS while the
 * progress says nothing (absent, not moved yet, stalled), every CLOSE_DELAY_MS from the earliest end
 * (the fast pace times its speed-up, from the top value less a step), and before that after
 * HELD_SHARE (a held pace, SPARE_CALLS spent) or NEW_SHARE of the time to it, within the LENGTH_SHARE
 * and SEEN_SHARE bounds; at most QUIET_DELAY_MS for a guess: a pace from one move, from the move of
 * a value seen stalled, of under TICK_STEPS steps, or once the value has gone back or stood still by
 * both measures of a stall (after one move: for FROZEN_SHARE of the time since the submission). No
 * wait is below the quiet one once it would overdraw CLOSE_ALLOWANCE. `attempt` 0 asks for the wait
 * before the first poll of a job just submitted (at 0 %).
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
  /** The attempt and time of the last guess: calls to spare count from it (10 s polling: 1 per 10 s). */
  let guessed = { attempt: 0, t: 0 };
  /** The value has gone back, or stood still by both measures of a stall (after one move, FROZEN_SHARE). */
  let distrusted = false;
  /** A stall's two measures at time `at`: STALL_STEPS steps at `pace`, and the share of the time. */
  const stallTimes = (at: number, pace: number): [number, number] => [
    (STALL_STEPS * STEP) / pace,
    Math.min(STALL_MAX_MS, Math.max(SHORT_JOB_WAIT_MS, LENGTH_SHARE * at)),
  ];
  const stalled = (top: Sighting, at: number, pace: number): boolean =>
    top.p < SHOWN_MAX && run.length >= 2 && at - top.first > Math.min(...stallTimes(at, pace));

  return {
    nextDelayMs({ attempt, elapsedMs: t, progress: p }) {
      const quiet = bound(Math.min(QUIET_DELAY_MS, Math.max(CLOSE_DELAY_MS, GROWTH * t)));
      const soon = (ms: number): number =>
        attempt + 1 > (t + ms) / QUIET_DELAY_MS + CLOSE_ALLOWANCE ? Math.max(ms, quiet) : ms;
      if (attempt === 0) {
        run = [{ p: 0, first: t, last: t }];
        return bound(QUIET_DELAY_MS);
      }
      const expected = expect?.(t);
      expect = undefined;
      if (p === undefined || !Number.isFinite(p)) return quiet;
      const prev = run[run.length - 1];
      const want = expected !== undefined && prev ? expected - prev.p : undefined;
      const moved = prev ? p - prev.p : 0;
      const resumed = still && moved > 0;
      still = false;
      if (moved < 0) distrusted = true;
      else if (prev && moved === 0 && prev.p > 0) {
        // A pace from one move says nothing of a stall's steps: FROZEN_SHARE measures it. A run of
        // one value has no pace: the time alone measures its stall.
        const [steps, time] = stallTimes(t, run.length > 2 ? paces(run).local : Infinity);
        const frozen = run.length === 2 ? FROZEN_SHARE * t : Math.max(steps, time);
        if (t - prev.first > frozen) distrusted = true;
      }
      if (!prev || moved < 0 || (want !== undefined && moved < want / SURPRISE - ROUNDING_STEPS * STEP)) {
        run = [{ p, first: t, last: t }];
        return quiet;
      }
      if (moved === 0) prev.last = t;
      else {
        // After a first move or a stall, the job moved on after the old value's last sighting.
        if (run.length === 1 || stalled(prev, prev.last, paces(run).slow))
          run = [{ p: prev.p, first: prev.last, last: prev.last }];
        run.push({ p, first: t, last: t });
      }
      if (run.length < 2) return quiet;
      const top = run[run.length - 1];
      const { local, fast, speedUp } = paces(run);
      if (stalled(top, t, local)) {
        still = true;
        return quiet;
      }
      const earliest = top.first + Math.max(0, 1 - top.p - STEP) / (fast * speedUp);
      const guess = run.length < 3 || resumed || distrusted || local * t < TICK_STEPS * STEP;
      if (!guess) expect = (at) => Math.min(SHOWN_MAX, top.p + fast * (at - top.first));
      if (t >= earliest - CLOSE_DELAY_MS) return soon(bound(CLOSE_DELAY_MS));
      const held =
        want !== undefined && Math.abs(moved - want) <= Math.max(ROUNDING_STEPS * STEP, TOLERANCE * want);
      if (guess) guessed = { attempt, t };
      const spare =
        attempt - guessed.attempt < (SPARE_CALLS * (t - guessed.t)) / (QUIET_DELAY_MS + REQUEST_MS);
      const wait = Math.min(
        (held && !spare ? HELD_SHARE : NEW_SHARE) * (earliest - t),
        guess ? QUIET_DELAY_MS : Infinity,
        Math.max(QUIET_DELAY_MS, SEEN_SHARE * (t - run[0].first)),
        LENGTH_SHARE * earliest,
        Math.max(SHORT_JOB_WAIT_MS, LENGTH_SHARE * t - REQUEST_MS),
      );
      return soon(bound(Math.max(CLOSE_DELAY_MS, wait)));
    },
  };
}
