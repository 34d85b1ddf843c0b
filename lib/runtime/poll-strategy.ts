/**
 * Delay strategies for `waitUntil`: how long to wait after an unfinished check. Strategies may
 * keep state (the progress predictor does), so create one per wait.
 */
import { invalidOption } from "./errors";

export interface PollObservation {
  /** 1 for the first check. */
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

/** Smallest delay by default: never more than one call per second. */
export const DEFAULT_MIN_DELAY_MS = 1000;
export const DEFAULT_MAX_DELAY_MS = 30_000;

function requireDelay(name: string, value: number): void {
  if (typeof value !== "number" || !Number.isFinite(value) || value <= 0) throw invalidOption(name, value, "must be a finite number of milliseconds greater than 0");
}

function requireRange(minName: string, min: number, maxName: string, max: number): void {
  requireDelay(minName, min);
  requireDelay(maxName, max);
  if (max < min) throw invalidOption(maxName, max, `must be at least ${minName} [${min}]`);
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

/** `min * factor^(attempt-1)`, capped at `max`. */
export function exponentialDelay(options: ExponentialDelayOptions = {}): DelayStrategy {
  const min = options.minDelayMs ?? DEFAULT_MIN_DELAY_MS;
  const max = options.maxDelayMs ?? DEFAULT_MAX_DELAY_MS;
  const factor = options.factor ?? 2;
  requireRange("minDelayMs", min, "maxDelayMs", max);
  if (!Number.isFinite(factor) || factor < 1) throw invalidOption("factor", factor, "must be a finite number of at least 1");
  return { nextDelayMs: ({ attempt }) => Math.min(max, min * factor ** Math.min(attempt - 1, 60)) };
}

export interface ProgressDelayOptions extends ExponentialDelayOptions {
  /** A single step larger than this (as a fraction) is treated as a jump, not a rate. @default 0.5 */
  readonly jumpThreshold?: number;
  /** The fit uses at least this many recent observations (and at least the last half of the wait). @default 8 */
  readonly window?: number;
  /**
   * Growth of the delay while the job is past its predicted end, from `minDelayMs` (up to 3 s
   * for a while, then up to `maxDelayMs`). @default 1.2
   */
  readonly overdueFactor?: number;
}

/** The fit uses at least this share of the time since the first observation (curvature needs a long span at 1 % resolution). */
const FIT_SPAN_SHARE = 0.5;
/** Observations kept. */
const KEPT_OBSERVATIONS = 400;
/** `process_percent` is shown in whole percents, and 99 % until the job ends: values at or above this are censored. */
const CENSORED_FROM = 0.99;
/** The value a prediction aims at: a little below 100 %, so that rounding makes a poll early (one more call) rather than late. */
const END_TARGET = 0.998;
/** A slowing curve whose top is at most this far above 1 ends at its top. */
const FLAT_TOP_TOLERANCE = 0.03;
/** Early in a wait, a delay is at most this multiple of the time waited so far. */
const EARLY_GROWTH = 2;
/** While overdue for less than this share of the wait before, the overdue delay stays at most OVERDUE_CAP_MS. */
const OVERDUE_SHARE = 0.25;
const OVERDUE_CAP_MS = 3000;
/** A stalled job is polled after this share of the time it has been stalled. */
const STALL_SHARE = 0.5;
/** A new value this far from what the last fit expected means the pace changed. */
const SURPRISE = 0.1;
/** A value unchanged for this many predicted steps of 1 % means a stall. */
const STALL_STEPS = 3;

interface Obs {
  readonly t: number;
  readonly p: number;
}

/**
 * Least-squares fit of p(t) = c0 + c1 (t - t0) + c2 (t - t0)^2 around `t0` (linear when `quadratic`
 * is false); undefined when the points do not determine it.
 */
function fit(points: readonly Obs[], t0: number, quadratic: boolean): [number, number, number] | undefined {
  const n = points.length;
  const scale = Math.max(1, points[n - 1].t - points[0].t);
  // Normal equations on x = (t - t0) / scale.
  let s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, y0 = 0, y1 = 0, y2 = 0;
  // Each observation weighs the time it stands for (half the gaps to its neighbours), so that the
  // dense polls near a predicted end do not outweigh the long history.
  for (let i = 0; i < n; i++) {
    const { t, p } = points[i];
    const before = i > 0 ? t - points[i - 1].t : 0;
    const after = i < n - 1 ? points[i + 1].t - t : 0;
    const w = n === 1 ? 1 : Math.max(1e-6, (before + after) / 2 / scale);
    const x = (t - t0) / scale;
    s0 += w; s1 += w * x; s2 += w * x * x; s3 += w * x * x * x; s4 += w * x * x * x * x;
    y0 += w * p; y1 += w * p * x; y2 += w * p * x * x;
  }
  if (!quadratic) {
    const det = s0 * s2 - s1 * s1;
    if (!(Math.abs(det) > 1e-12)) return undefined;
    const c1 = (s0 * y1 - s1 * y0) / det;
    const c0 = (y0 - c1 * s1) / s0;
    return [c0, c1 / scale, 0];
  }
  const m = [
    [s0, s1, s2, y0],
    [s1, s2, s3, y1],
    [s2, s3, s4, y2],
  ];
  for (let col = 0; col < 3; col++) {
    let pivot = col;
    for (let r = col + 1; r < 3; r++) if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) pivot = r;
    if (!(Math.abs(m[pivot][col]) > 1e-9)) return undefined;
    [m[col], m[pivot]] = [m[pivot], m[col]];
    for (let r = 0; r < 3; r++) {
      if (r === col) continue;
      const f = m[r][col] / m[col][col];
      for (let k = col; k < 4; k++) m[r][k] -= f * m[col][k];
    }
  }
  return [m[0][3] / m[0][0], m[1][3] / m[1][1] / scale, m[2][3] / m[2][2] / (scale * scale)];
}

/** Time from t0 until the fitted curve reaches 1; undefined when it does not move towards 1. */
function timeToOne([c0, c1, c2]: readonly [number, number, number]): number | undefined {
  const left = END_TARGET - c0;
  if (left <= 0) return 0;
  if (Math.abs(c2) < 1e-18) return c1 > 0 ? left / c1 : undefined;
  if (c2 < 0) {
    // Slowing down. When the top of the curve is about 1 (within the 1 % rounding and some noise),
    // the job creeps to 100 % at that top: where the curve crosses 1 is then very sensitive to the
    // rounding (a square root of it), the top is not.
    const top = -c1 / (2 * c2);
    const peak = c0 - (c1 * c1) / (4 * c2);
    if (top >= 0 && peak <= 1 + FLAT_TOP_TOLERANCE) return top;
  }
  const disc = c1 * c1 + 4 * c2 * left;
  if (disc < 0) return undefined;
  const roots = [(-c1 + Math.sqrt(disc)) / (2 * c2), (-c1 - Math.sqrt(disc)) / (2 * c2)].filter((r) => r >= 0);
  return roots.length > 0 ? Math.min(...roots) : undefined;
}

/** The value a fit expects at `t`, kept between `floor` and 1 (a fitted parabola turns down after its top). */
function expected(f: { readonly c: readonly [number, number, number]; readonly t0: number }, t: number, floor: number): number {
  const x = t - f.t0;
  const [c0, c1, c2] = f.c;
  const top = c2 < 0 ? -c1 / (2 * c2) : Number.POSITIVE_INFINITY;
  const at = Math.min(x, top);
  return Math.min(1, Math.max(floor, c0 + c1 * at + c2 * at * at));
}

/**
 * Predicts when the job ends from its `process_percent` history and polls at that moment,
 * clamped to [min, max]. Tuned with `bench/completion.ts` (see BENCHMARKS.md) on the emulator's
 * job model: 30 s to 60 min jobs with linear, front-loaded, back-loaded and stalling progress.
 *
 * - The prediction fits the recent observations, weighted by the time each stands for: a
 *   quadratic when there are enough values (progress that slows down or speeds up towards the
 *   end is followed; a curve that flattens out at about 100 % ends at its top), else a straight
 *   line, and solves for 100 %. Every observation is a sample of a value rounded to 1 %, so all
 *   count, except 99 %, which the service shows until the job ends.
 * - Early in the wait (and after a restart) a delay is at most twice the time waited so far.
 * - Past the predicted end and not done (overdue), the delay grows from `min` by
 *   `overdueFactor`, at most 3 s while the overdue time is short compared with the wait, then
 *   up to `max`. A prediction that came true without the job ending caps the next delays the
 *   same way. A new value far from the fitted curve (the job stalled or sped up between two
 *   polls) restarts the learning of the pace. At 99 % (which hides how close the end is) it
 *   closes in on the predicted end by halves.
 * - A value that has not moved for several predicted 1 % steps is a stall: capped backoff
 *   (at least half the stalled time, from `min` by `factor`); when it moves again, the fit
 *   restarts from the stall.
 * - Without a usable rate (progress absent, not moved yet, going backwards, or jumping by more
 *   than `jumpThreshold`) it is capped exponential backoff from `min` by `factor`.
 */
export function progressPredictingDelay(options: ProgressDelayOptions = {}): DelayStrategy {
  const min = options.minDelayMs ?? DEFAULT_MIN_DELAY_MS;
  const max = options.maxDelayMs ?? DEFAULT_MAX_DELAY_MS;
  const factor = options.factor ?? 2;
  const jump = options.jumpThreshold ?? 0.5;
  const windowSize = options.window ?? 8;
  const overdueFactor = options.overdueFactor ?? 1.2;
  requireRange("minDelayMs", min, "maxDelayMs", max);
  if (!Number.isFinite(factor) || factor < 1) throw invalidOption("factor", factor, "must be a finite number of at least 1");
  if (!(jump > 0 && jump <= 1)) throw invalidOption("jumpThreshold", jump, "must be greater than 0 and at most 1");
  if (!Number.isInteger(windowSize) || windowSize < 2) throw invalidOption("window", windowSize, "must be an integer of at least 2");
  if (!Number.isFinite(overdueFactor) || overdueFactor < 1) throw invalidOption("overdueFactor", overdueFactor, "must be a finite number of at least 1");

  /** Recent observations since the last restart or stall, oldest first. */
  let observations: Obs[] = [];
  /** When the current value was first seen. */
  let since = 0;
  /** When the wait began, or restarted after a jump or a stall. */
  let start: number | undefined;
  let stalled = false;
  /** When the last prediction said the job would end. */
  let predictedEnd: number | undefined;
  /** When the job was first seen past its predicted end (in this spell). */
  let overdueSince: number | undefined;
  /** The last fit and the time it is centred on, to notice a job that leaves it. */
  let lastFit: { readonly c: readonly [number, number, number]; readonly t0: number } | undefined;
  let fallbacks = 0;
  let overdue = 0;
  let stallSteps = 0;
  const fallback = (): number => Math.min(max, min * factor ** Math.min(fallbacks++, 60));
  // A stalled job is polled at a share of the time it has been stalled: capped backoff that does not start over at min.
  const stallDelay = (t: number): number => Math.min(max, Math.max(min * factor ** Math.min(stallSteps++, 60), Math.round(STALL_SHARE * (t - since))));
  const overdueDelay = (t: number): number => {
    overdueSince ??= t;
    // Overdue for a short while compared with the wait so far: the end is close, keep polling often.
    const cap = t - overdueSince < OVERDUE_SHARE * (overdueSince - (start ?? 0)) ? Math.max(min, Math.min(max, OVERDUE_CAP_MS)) : max;
    return Math.min(cap, Math.round(min * overdueFactor ** Math.min(overdue++, 60)));
  };

  return {
    nextDelayMs({ elapsedMs: t, progress: p }) {
      start ??= t;
      if (p === undefined || !Number.isFinite(p)) return fallback();
      const last = observations[observations.length - 1];
      if (!last || p < last.p || p - last.p > jump) {
        observations = [{ t, p }];
        since = t;
        if (last) start = t;
        stalled = false;
        overdue = 0;
        stallSteps = 0;
        overdueSince = undefined;
        predictedEnd = undefined;
        lastFit = undefined;
        return fallback();
      }
      // The predicted end has come and the job is not done: trust the next predictions less.
      const missed = predictedEnd !== undefined && t >= predictedEnd - min / 2;
      if (p > last.p) {
        since = t;
        overdue = 0;
        stallSteps = 0;
        overdueSince = undefined;
        if (lastFit && Math.abs(p - expected(lastFit, t, last.p)) > SURPRISE) {
          // The job left the fitted curve (it stalled or sped up between two polls): learn the pace again.
          observations = [last];
          start = t;
          stalled = false;
        } else if (stalled) {
          // Only the last stalled observation and what follows describe the new pace; when the
          // job moved again within the last interval is unknown, so learn the pace again.
          observations = [last];
          start = t;
          stalled = false;
        }
      }
      observations.push({ t, p });
      if (observations.length > KEPT_OBSERVATIONS) observations.shift();
      if (p >= 1) {
        fallbacks = 0;
        return min;
      }
      const uncensored = observations.filter((o) => o.p < CENSORED_FROM);
      const fromTime = t - FIT_SPAN_SHARE * (t - observations[0].t);
      const recent = uncensored.slice(-windowSize);
      const usable = recent.length > 0 && recent[0].t > fromTime ? uncensored.filter((o) => o.t >= fromTime || recent.includes(o)) : recent;
      const distinct = new Set(usable.map((o) => o.p)).size;
      if (distinct < 2) {
        if (stalled) return stallDelay(t);
        return overdueSince !== undefined ? overdueDelay(t) : fallback();
      }
      fallbacks = 0;
      const linear = fit(usable, t, false);
      let rate = linear ? linear[1] : 0;
      let ahead = linear ? timeToOne(linear) : undefined;
      lastFit = linear ? { c: linear, t0: t } : undefined;
      if (distinct >= 3 && usable.length >= 4) {
        const quad = fit(usable, t, true);
        const q = quad ? timeToOne(quad) : undefined;
        if (quad && q !== undefined) {
          ahead = q;
          rate = quad[1];
          lastFit = { c: quad, t0: t };
        }
      }
      // Stalled: the value has not moved for several steps of 1 % at the current pace.
      if (p < CENSORED_FROM && rate > 0 && t - since > (STALL_STEPS * 0.01) / rate) stalled = true;
      if (stalled || ahead === undefined) {
        predictedEnd = undefined;
        return stallDelay(t);
      }
      predictedEnd = t + ahead;
      if (ahead < min) return overdueDelay(t);
      // At 99 % the job may end any moment before the predicted end: close in by halves.
      if (p >= CENSORED_FROM) ahead = Math.max(min, ahead / 2);
      if (missed || overdue > 0) return Math.min(overdueDelay(t), Math.round(ahead));
      // Early on (and after a restart) the prediction rests on few points: never wait longer than twice what the wait has lasted.
      return Math.min(max, Math.max(min, EARLY_GROWTH * (t - start)), Math.round(ahead));
    },
  };
}
