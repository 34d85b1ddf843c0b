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
/** Largest delay of the progress-predicting strategy by default: it closes in on the predicted end, so long delays cost no lag. */
export const DEFAULT_PROGRESS_MAX_DELAY_MS = 60_000;

function requireDelay(name: string, value: number): void {
  if (typeof value !== "number" || !Number.isFinite(value) || value <= 0)
    throw invalidOption(name, value, "must be a finite number of milliseconds greater than 0");
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
  if (!Number.isFinite(factor) || factor < 1)
    throw invalidOption("factor", factor, "must be a finite number of at least 1");
  return { nextDelayMs: ({ attempt }) => Math.min(max, min * factor ** Math.min(attempt - 1, 60)) };
}

export interface ProgressDelayOptions extends ExponentialDelayOptions {
  /** Largest delay. @default 60000 (DEFAULT_PROGRESS_MAX_DELAY_MS) */
  readonly maxDelayMs?: number;
  /** A single step larger than this (as a fraction) is a change of pace: the pace is learned again. @default 0.5 */
  readonly jumpThreshold?: number;
  /** The fit uses at least this many recent observations (and at least the last half of the wait). @default 8 */
  readonly window?: number;
  /**
   * Growth of the delay while the job is past its predicted end, from `minDelayMs` (up to 2.5 s
   * for a while, then up to `maxDelayMs`). @default 1.5
   */
  readonly overdueFactor?: number;
}

/** The fit uses at least this share of the time since the first observation (curvature needs a long span at 1 % resolution). */
const FIT_SPAN_SHARE = 0.5;
/** Observations kept. */
const KEPT_OBSERVATIONS = 400;
/** `process_percent` is shown in whole percents, and 99 % until the job ends: values at or above this are censored. */
const CENSORED_FROM = 0.99;
/**
 * Straight lines, quadratics and power curves that do not flatten (k <= 1) aim at the time the
 * fitted value reaches this, not 100 %. Whether the service rounds `process_percent` to the nearest
 * percent (the emulator) or down is unknown: rounded down, every value reads on average half a step
 * low, and the job ends when the fitted values reach 99.5 %; rounded to nearest, that is half a step
 * early, which costs a few overdue polls, not lag. (A curve that flattens at its end is not moved by
 * a constant offset: its top is where it ends either way.)
 */
const END_TARGET = 0.995;
/** One step of `process_percent`. */
const STEP = 0.01;
/**
 * How far a shown value is below the true progress on average, as used by the curves that flatten
 * (k > 1). Rounded to nearest it is 0, rounded down half a step: the midpoint of the two, since the
 * service's rounding is unknown. Near the end of such a curve 1 - p is a few steps, so the offset
 * moves the fitted end a lot: without it, rounded down, a 30-minute front-loaded job was predicted
 * about 30 s late for its last five minutes (the end seen 18.5 s late); with a full half step, jobs
 * rounded to nearest would pay for it in overdue polls.
 */
const ROUNDING_OFFSET = STEP / 4;
/**
 * Variance of the rounding error of one observation (uniform over one step). Two fits whose squared
 * errors are both about this size per observation are told apart by the rounding, not by the job:
 * the comparisons of fits add it (a quadratic through five values can follow them much more
 * closely than that by chance, and then wins with a late end).
 */
const ROUNDING_VARIANCE = STEP ** 2 / 12;
/**
 * Exponents whose fits are within this many ROUNDING_VARIANCEs of the best fit's squared error are
 * told apart by the rounding, not by the job (two standard deviations of one fitted parameter): the
 * end is the earliest of theirs. With four values, k = 2 and k = 3 often fit a front-loaded job
 * equally well and k = 3 ends much later: a 2-minute job took a 60 s poll from 66 s to 126 s (the
 * job ended at 109 s).
 */
const PLAUSIBLE_CHI_SQUARE = 4;
/** A slowing curve whose top is at most this far from 1 ends at its top (a top well below 1 is a curve that never gets there). */
const FLAT_TOP_TOLERANCE = 0.03;
/** Exponents k of the curves 1 - p = (s (E - t))^k tried against the quadratic: k = 1 a steady pace, k > 1 slowing down to the end, k < 1 speeding up. */
const EXPONENTS = [0.5, 0.75, 1, 1.5, 2, 3];
/** The quadratic (three parameters) must fit this much better than the best power curve (two) to be chosen. */
const QUADRATIC_PENALTY = 1.5;
/** A curve whose root-mean-square distance from the observations is more than this does not describe them. */
const MISFIT = 0.025;
/** Two fits whose squared errors are within this factor of each other both describe the values. */
const COMPARABLE_FIT = 3;
/** Early in a wait, a delay is at most this multiple of the time waited so far. */
const EARLY_GROWTH = 2;
/**
 * Share of the predicted time to the end that the next delay waits, by how much the prediction
 * rests on: a fitted curve; a straight line through values within one step of it (a steady pace);
 * any other straight line (an accelerating pace is invisible to it); two values just after a
 * restart; the 99 % that hides the last percent. Closing in by these shares costs a few calls per
 * decade of remaining time; below CLOSE_MS the poll aims at the predicted end itself.
 */
const CURVE_SHARE = 0.85;
const STEADY_SHARE = 0.75;
const STRAIGHT_SHARE = 0.5;
const RESTART_SHARE = 0.25;
/**
 * A straight line through the last 0 and the first value above it takes the job to have started
 * at that 0 and to keep one pace; a job still in INIT at that 0, or one that speeds up, ends much
 * earlier. Rounded down, a back-loaded job shows 0 for its first 10 % of time: with STRAIGHT_SHARE
 * a 30-second one was seen 8.6 s late.
 */
const FROM_ZERO_SHARE = 0.3;
/**
 * After a stall ends, once two values at the new pace are in (the value before the change
 * dropped): the pace is measured, not guessed across the change, so the next poll may wait longer
 * than RESTART_SHARE (a stall costs a call less). Only after a stall: after a surprise the curve
 * itself may bend (a job that slows down all the way), and the longer wait was late there.
 */
const NEW_PACE_SHARE = 0.65;
const CENSORED_SHARE = 0.5;
/**
 * At 99 %, the share when a curve or a steady line predicts an end within the 99 % bound
 * (CENSORED_SPAN): the prediction then agrees with the pace that led to 99 % and is good to a few
 * seconds, so the next poll comes close to the end instead of halving the way there (each halving
 * is a call). A prediction beyond the bound has missed a change of pace: CENSORED_SHARE of the bound.
 */
const CENSORED_TRUSTED_SHARE = 0.8;
const CLOSE_MS = 3000;
/** The 99 % shown after a pace p lasts at most this many times 1.5 % / p (it hides 1-1.5 %; a slowing job takes longer). */
const CENSORED_SPAN = 2;
/**
 * While overdue for less than this share of the wait before, the overdue delay stays at most
 * OVERDUE_CAP_MS. The aim is half a step early when progress is rounded to nearest (END_TARGET), so
 * a steady job regularly ends in this phase: the cap is its lag (2.5 s keeps the median under 2 s).
 * The default overdueFactor (1.5) reaches the cap in four polls (1, 1.5, 2.25, 2.5 s), 1.2 took
 * six: a front-loaded job spends its last 10-12 % of time at 99 %, where the earlier end of two
 * fits (the safe side) is often early, and the 5-minute ones had up to eight polls at 99 %.
 */
const OVERDUE_SHARE = 0.1;
const OVERDUE_CAP_MS = 2500;
/** While overdue, the delay is at least this share of the time overdue (capped backoff, log-many calls). */
const OVERDUE_GROWTH = 0.3;
/** A stalled job is polled after this share of the time it has been stalled... */
const STALL_SHARE = 0.75;
/**
 * ...and at least after this share of the time the rest would take at the pace when the value last
 * moved: once the job moves again at that pace, the next poll still comes before its end, so a long
 * stall costs a poll per MAX delay, not a slow restart of the backoff.
 */
const STALL_REST_SHARE = 0.5;
/**
 * ...and at most this share of it: once the job moves again, the next poll comes before its end
 * even if the pace measured when the value last moved (from a few values) was low. Without it, 75 %
 * of the stalled time outgrew the rest of a 2-minute job stalled for half of it (the end seen 9 s late).
 */
const STALL_REST_CAP = 0.75;
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
  let s0 = 0,
    s1 = 0,
    s2 = 0,
    s3 = 0,
    s4 = 0,
    y0 = 0,
    y1 = 0,
    y2 = 0;
  // Each observation weighs the time it stands for (half the gaps to its neighbours), so that the
  // dense polls near a predicted end do not outweigh the long history.
  for (let i = 0; i < n; i++) {
    const { t, p } = points[i];
    const before = i > 0 ? t - points[i - 1].t : 0;
    const after = i < n - 1 ? points[i + 1].t - t : 0;
    const w = n === 1 ? 1 : Math.max(1e-6, (before + after) / 2 / scale);
    const x = (t - t0) / scale;
    s0 += w;
    s1 += w * x;
    s2 += w * x * x;
    s3 += w * x * x * x;
    s4 += w * x * x * x * x;
    y0 += w * p;
    y1 += w * p * x;
    y2 += w * p * x * x;
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
  if (c2 < 0) {
    // Slowing down. When the top of the curve is about 1 (within the 1 % rounding and some noise),
    // the job creeps to 100 % at that top: where the curve crosses 1 is then very sensitive to the
    // rounding (a square root of it), the top is not. Checked before the curve's value at t0: a
    // flat top above END_TARGET still ends at the top, not now.
    const top = -c1 / (2 * c2);
    const peak = c0 - (c1 * c1) / (4 * c2);
    if (top >= 0 && Math.abs(peak - 1) <= FLAT_TOP_TOLERANCE) return top;
  }
  if (left <= 0) return 0;
  if (Math.abs(c2) < 1e-18) return c1 > 0 ? left / c1 : undefined;
  const disc = c1 * c1 + 4 * c2 * left;
  const roots =
    disc < 0
      ? []
      : [(-c1 + Math.sqrt(disc)) / (2 * c2), (-c1 - Math.sqrt(disc)) / (2 * c2)].filter((r) => r >= 0);
  return roots.length > 0 ? Math.min(...roots) : undefined;
}

/** The value a fit expects at `t`, kept between `floor` and 1 (a fitted parabola turns down after its top). */
function expected(
  f: { readonly c: readonly [number, number, number]; readonly t0: number },
  t: number,
  floor: number,
): number {
  const x = t - f.t0;
  const [c0, c1, c2] = f.c;
  const top = c2 < 0 ? -c1 / (2 * c2) : Number.POSITIVE_INFINITY;
  const at = Math.min(x, top);
  return Math.min(1, Math.max(floor, c0 + c1 * at + c2 * at * at));
}

interface Model {
  /** Time from the reference time until the job ends. */
  readonly ahead: number;
  /** Progress per ms at the reference time. */
  readonly rate: number;
  /** The modelled value at `t`. */
  at(t: number): number;
  /** Sum of squared differences from the observations. */
  readonly err: number;
}

function squaredError(points: readonly Obs[], at: (t: number) => number): number {
  let err = 0;
  for (const o of points) err += (o.p - at(o.t)) ** 2;
  return err;
}

/**
 * Fits 1 - p = (s (E - t))^k for each k of EXPONENTS (a straight line through (1 - p)^(1/k)) and
 * keeps the k whose curve is closest to the observations, with the earliest end of the exponents
 * that fit about as well (PLAUSIBLE_CHI_SQUARE): few values cannot tell them apart, and the
 * earlier end is the safe side for the lag. A curve that slows down to its end (k = 2) ends where
 * it flattens at 100 %: the end is found from the straight line through sqrt(1 - p), much better
 * conditioned than the top of a fitted parabola. Those curves fit the values raised by ROUNDING_OFFSET.
 */
function powerFit(points: readonly Obs[], t0: number): Model | undefined {
  const fits: Model[] = [];
  for (const k of EXPONENTS) {
    const offset = k > 1 ? ROUNDING_OFFSET : 0;
    const line = fit(
      points.map((o) => ({ t: o.t, p: Math.max(0, 1 - o.p - offset) ** (1 / k) })),
      t0,
      false,
    );
    if (!line) continue;
    const [c0, c1] = line;
    if (!(c1 < 0)) continue;
    const s = -c1;
    const end = t0 + c0 / s;
    const at = (t: number): number => 1 - offset - Math.max(0, s * (end - t)) ** k;
    // A curve that flattens (k > 1) ends at its top; the others aim at END_TARGET like the straight line.
    const short = k <= 1 ? (1 - END_TARGET) ** (1 / k) : 0;
    fits.push({
      ahead: Math.max(0, (c0 - short) / s),
      rate: k * s * Math.max(0, c0) ** (k - 1),
      at,
      err: squaredError(points, at),
    });
  }
  if (fits.length === 0) return undefined;
  const best = fits.reduce((a, b) => (b.err < a.err ? b : a));
  // The pace and the expected values stay the best fit's; only the end is the earliest plausible one.
  const plausible = fits.filter((f) => f.err <= best.err + PLAUSIBLE_CHI_SQUARE * ROUNDING_VARIANCE);
  return { ...best, ahead: Math.min(...plausible.map((f) => f.ahead)) };
}

/** The quadratic of `fit`, solved for 100 % by `timeToOne`. */
function quadraticFit(points: readonly Obs[], t0: number): Model | undefined {
  const c = fit(points, t0, true);
  const ahead = c ? timeToOne(c) : undefined;
  if (!c || ahead === undefined) return undefined;
  const at = (t: number): number => expected({ c, t0 }, t, 0);
  return { ahead, rate: c[1], at, err: squaredError(points, at) };
}

/**
 * Predicts when the job ends from its `process_percent` history and closes in on that moment in
 * a few polls, each bounded by [min, max] (default 1 s .. 60 s). Its delays depend only on the
 * observations it is given (no clock reads); it keeps them, so create one per wait. Tuned with `bench/completion.ts` (see BENCHMARKS.md) on the
 * emulator's job model (30 s to 60 min jobs, linear, front-loaded, back-loaded and stalling
 * progress, jittered; `process_percent` rounded to nearest, and rounded down as a robustness
 * check): about log(duration) + a constant calls per job.
 *
 * - Prediction: with three or more distinct values (each a sample of a value rounded to 1 %; 99 %,
 *   which the service shows until the end, is censored; of the 0 % shown before the job starts only
 *   the last is kept), the observations of the recent half of the wait are fitted with curves
 *   1 - p = (s (E - t))^k for a few k (steady, slowing down, speeding up; of the k that fit within
 *   the rounding noise of the closest, the earliest end) and with a quadratic; the closest wins
 *   (the quadratic must be clearly closer), and when both follow the values (within a
 *   factor 3 in squared error, each error counted above the rounding noise of the values: a
 *   quadratic through five values may follow them by chance) the earlier end wins; so does a
 *   straight line that follows the values within a step. A best curve more than 2.5 % (rms) from
 *   the values means the pace changed unseen: the last three values decide. With fewer values it
 *   is a straight line.
 * - Rounding: the service may round to the nearest percent or down (UNVERIFIED; the emulator's
 *   `progressRounding` and the robustness table of `bench/completion.ts` cover both). Curves that do
 *   not flatten aim at 99.5 % of the fitted values (the end if rounded down, half a step early if
 *   rounded to nearest); curves that flatten fit the values raised by a quarter step (the middle of
 *   the two roundings' bias: near such an end 1 - p is a few steps, and values read low put the
 *   end late).
 * - Closing in: the next poll waits a share of the predicted time to the end, larger when the
 *   prediction rests on more (85 % for a curve, 75 % for a steady straight line, 50 % for other
 *   straight lines, 30 % for a line from the last 0 (the job may have started later and be faster),
 *   25 % for the first two values after a change of pace, 65 % for the first two at the pace after
 *   a stall); within 3 s of the predicted end it aims at the end itself (at 99 % too). Early in the
 *   wait a delay is at most twice the time waited so far.
 * - 99 %: it hides the last 1-1.5 %, so the end is also bounded by twice the time those take at
 *   the pace that led to 99 %. A curve or steady line that ends within that bound is trusted
 *   (80 % of the way); otherwise 50 %.
 * - Overdue (past the predicted end and not done): backoff from `min` by `overdueFactor` (1.5) and
 *   at least 30 % of the time overdue, capped at 2.5 s while overdue for less than 10 % of the wait
 *   before, then by a cap growing with 30 % of the time overdue beyond that, up to `max`.
 * - A new value far from the fitted curve, or a step larger than `jumpThreshold` (the job stalled
 *   or sped up between two polls), or a move after a stall: the pace is learned again from the
 *   value before the change (the growth limit counts from there, not from the change), the end
 *   being the earlier of what the two values and the pace before predict; once a second value
 *   at the new pace arrives, the value before the change is dropped (that value is not a surprise).
 * - A value that has not moved for several predicted 1 % steps is a stall: capped backoff (at
 *   least 75 % of the stalled time, from `min` by `factor`, and between half and three quarters of
 *   the time the rest would take at the pace when the value last moved).
 * - Without a usable rate (progress absent, not moved yet, going backwards) it is capped
 *   exponential backoff from `min` by `factor`.
 */
export function progressPredictingDelay(options: ProgressDelayOptions = {}): DelayStrategy {
  const min = options.minDelayMs ?? DEFAULT_MIN_DELAY_MS;
  const max = options.maxDelayMs ?? DEFAULT_PROGRESS_MAX_DELAY_MS;
  const factor = options.factor ?? 2;
  const jump = options.jumpThreshold ?? 0.5;
  const windowSize = options.window ?? 8;
  const overdueFactor = options.overdueFactor ?? 1.5;
  requireRange("minDelayMs", min, "maxDelayMs", max);
  if (!Number.isFinite(factor) || factor < 1)
    throw invalidOption("factor", factor, "must be a finite number of at least 1");
  if (!(jump > 0 && jump <= 1))
    throw invalidOption("jumpThreshold", jump, "must be greater than 0 and at most 1");
  if (!Number.isInteger(windowSize) || windowSize < 2)
    throw invalidOption("window", windowSize, "must be an integer of at least 2");
  if (!Number.isFinite(overdueFactor) || overdueFactor < 1)
    throw invalidOption("overdueFactor", overdueFactor, "must be a finite number of at least 1");

  /** Recent observations since the last restart, oldest first. */
  let observations: Obs[] = [];
  /** When the current value was first seen. */
  let since = 0;
  /** When the wait began, or the value before the last restart was seen. */
  let start: number | undefined;
  let stalled = false;
  /** The last restart was a move after a stall. */
  let afterStall = false;
  /** When the last prediction said the job would end. */
  let predictedEnd: number | undefined;
  /** When the job was first seen past its predicted end (in this spell). */
  let overdueSince: number | undefined;
  /** What the last fit expects at a time, to notice a job that leaves it. */
  let lastFit: ((t: number) => number) | undefined;
  /** The pace of the last prediction, and the pace before the last restart. */
  let pace = 0;
  let paceBefore = 0;
  /** The first observation is the value before a change of pace (dropped once the new pace has two values). */
  let corner = false;
  let fallbacks = 0;
  let overdue = 0;
  let stallSteps = 0;
  /** The pace when the value last moved (a fit through a value that has stopped flattens). */
  let movingRate = 0;
  const fallback = (): number => Math.min(max, min * factor ** Math.min(fallbacks++, 60));
  const stallDelay = (t: number, p: number): number => {
    const rest = movingRate > 0 ? (1 - p) / movingRate : Number.POSITIVE_INFINITY;
    const floor = Number.isFinite(rest) ? Math.round(STALL_REST_SHARE * rest) : 0;
    const backoff = Math.max(
      min * factor ** Math.min(stallSteps++, 60),
      Math.round(STALL_SHARE * (t - since)),
      floor,
    );
    return Math.min(max, Math.max(min, Math.min(backoff, Math.round(STALL_REST_CAP * rest))));
  };
  const overdueDelay = (t: number): number => {
    overdueSince ??= t;
    // Overdue for a short while compared with the wait so far: the end is close, keep polling often.
    // then the cap grows by OVERDUE_GROWTH of the time overdue beyond that.
    const short = Math.max(min, Math.min(max, OVERDUE_CAP_MS));
    const cap = Math.min(
      max,
      Math.max(short, OVERDUE_GROWTH * (t - overdueSince - OVERDUE_SHARE * (overdueSince - (start ?? 0)))),
    );
    return Math.min(
      cap,
      Math.max(
        Math.round(min * overdueFactor ** Math.min(overdue++, 60)),
        Math.round(OVERDUE_GROWTH * (t - overdueSince)),
      ),
    );
  };

  return {
    nextDelayMs({ elapsedMs: t, progress: p }) {
      start ??= t;
      if (p === undefined || !Number.isFinite(p)) return fallback();
      const last = observations[observations.length - 1];
      if (!last || p < last.p) {
        // First value, or going backwards: start over.
        observations = [{ t, p }];
        since = t;
        if (last) start = t;
        stalled = false;
        afterStall = false;
        corner = false;
        overdue = 0;
        stallSteps = 0;
        overdueSince = undefined;
        predictedEnd = undefined;
        lastFit = undefined;
        movingRate = 0;
        return fallback();
      }
      // The predicted end has come and the job is not done: trust the next predictions less.
      const missed = predictedEnd !== undefined && t >= predictedEnd - min / 2;
      if (p > last.p) {
        since = t;
        overdue = 0;
        stallSteps = 0;
        overdueSince = undefined;
        // The first value after a change is expected to be off the line through the value before it
        // (the change came somewhere between them): it is not a surprise, the next value decides.
        const secondAfterChange = corner && observations.length === 2;
        if (
          (!secondAfterChange &&
            lastFit &&
            Math.abs(p - Math.min(1, Math.max(last.p, lastFit(t)))) > SURPRISE) ||
          stalled ||
          p - last.p > jump
        ) {
          // The job left the fitted curve (it stalled or sped up between two polls), or moved again
          // after a stall: learn the pace again from the last value before the change.
          paceBefore = pace;
          start = last.t;
          observations = [last];
          afterStall = stalled;
          stalled = false;
          corner = true;
        } else if (corner && observations.length === 2) {
          // The change happened at some time between the first two values: with two values at the new pace, drop the first.
          observations = [last];
          start = last.t;
          corner = false;
        } else corner = false;
      }
      // Progress 0 (INIT, queued) says nothing about the pace: keep only the last 0, the latest the job can have started.
      if (p === 0) observations = [];
      observations.push({ t, p });
      if (observations.length > KEPT_OBSERVATIONS) observations.shift();
      if (p >= 1) {
        fallbacks = 0;
        return min;
      }
      const uncensored = observations.filter((o) => o.p < CENSORED_FROM);
      const fromTime = t - FIT_SPAN_SHARE * (t - observations[0].t);
      const recent = uncensored.slice(-windowSize);
      const usable =
        recent.length > 0 && recent[0].t > fromTime
          ? uncensored.filter((o) => o.t >= fromTime || recent.includes(o))
          : recent;
      const distinct = new Set(usable.map((o) => o.p)).size;
      if (distinct < 2) {
        if (stalled) return stallDelay(t, p);
        return overdueSince !== undefined ? overdueDelay(t) : fallback();
      }
      fallbacks = 0;
      const linear = fit(usable, t, false);
      let rate = linear ? linear[1] : 0;
      let ahead = linear ? timeToOne(linear) : undefined;
      lastFit = linear ? (x: number) => expected({ c: linear, t0: t }, x, 0) : undefined;
      let share = usable.length === 2 && usable[0].p === 0 ? FROM_ZERO_SHARE : STRAIGHT_SHARE;
      if (
        linear &&
        usable.length >= 3 &&
        usable.every((o) => Math.abs(o.p - (linear[0] + linear[1] * (o.t - t))) <= 0.01)
      )
        share = STEADY_SHARE;
      if (distinct >= 3 && usable.length >= 4) {
        const power = powerFit(usable, t);
        const quad = quadraticFit(usable, t);
        // Errors compared above the rounding noise (ROUNDING_VARIANCE).
        const noise = usable.length * ROUNDING_VARIANCE;
        const quadErr = quad ? quad.err + noise : 0;
        const powerErr = power ? power.err + noise : 0;
        let model = quad && (!power || quadErr * QUADRATIC_PENALTY < powerErr) ? quad : power;
        // Two shapes that both follow the values (the window mixes parts of the curve): trust the earlier end, the safe side for the lag.
        if (quad && power && Math.max(quadErr, powerErr) <= COMPARABLE_FIT * Math.min(quadErr, powerErr))
          model = quad.ahead < power.ahead ? quad : power;
        if (model && model.err <= usable.length * MISFIT ** 2) {
          // A straight line that follows the values within a step (rms) describes them as well as
          // the curve (a short span, or the start of a curve): the earlier end, the safe side for the lag.
          const lineFollows =
            linear !== undefined &&
            squaredError(usable, (x) => linear[0] + linear[1] * (x - t)) <= usable.length * STEP ** 2;
          ahead = lineFollows && ahead !== undefined ? Math.min(ahead, model.ahead) : model.ahead;
          rate = model.rate;
          lastFit = model.at;
          share = CURVE_SHARE;
        } else if (model) {
          // No curve follows the values (the pace changed unseen between two polls): go by the last few values.
          const tail = fit(usable.slice(-3), t, false);
          if (tail) {
            ahead = timeToOne(tail);
            rate = tail[1];
            lastFit = (x: number) => expected({ c: tail, t0: t }, x, 0);
            share = STRAIGHT_SHARE;
          }
        }
      }
      if (since === t && rate > 0) movingRate = rate;
      // Stalled: the value has not moved for several steps of 1 % at the current pace.
      if (p < CENSORED_FROM && rate > 0 && t - since > (STALL_STEPS * 0.01) / rate) stalled = true;
      if (stalled || ahead === undefined) {
        predictedEnd = undefined;
        return stallDelay(t, p);
      }
      if (usable.length <= 2 && paceBefore > 0 && p < CENSORED_FROM) {
        // Just after a restart: two values, and the change happened somewhere between them (or, once
        // the value before the change is dropped, both at the new pace); the pace before bounds the end too.
        ahead = Math.min(ahead, (1 - p) / paceBefore);
        share = !corner && afterStall ? NEW_PACE_SHARE : RESTART_SHARE;
      }
      if (p >= CENSORED_FROM) {
        const first = observations.findIndex((o) => o.p >= CENSORED_FROM);
        const fitted = share === CURVE_SHARE || share === STEADY_SHARE;
        share = CENSORED_SHARE;
        if (first > 0) {
          const before = observations[first - 1];
          const entry = observations[first];
          const pace99 = (entry.p - before.p) / Math.max(1, entry.t - before.t);
          const bound = Math.max(0, (CENSORED_SPAN * 0.015) / pace99 - (t - entry.t));
          if (fitted && ahead <= bound) share = CENSORED_TRUSTED_SHARE;
          ahead = Math.min(ahead, bound);
        }
      }
      if (rate > 0) pace = rate;
      predictedEnd = t + ahead;
      if (ahead < min) return overdueDelay(t);
      // At 99 % too, within CLOSE_MS of the predicted end the poll aims at the end itself: a share of
      // a second or two is a poll that cannot see the end, and then one more.
      if (p >= CENSORED_FROM) ahead = ahead <= CLOSE_MS ? Math.max(min, ahead) : Math.max(min, share * ahead);
      else if (ahead > CLOSE_MS) ahead = Math.max(CLOSE_MS, share * ahead);
      if (missed || overdue > 0) return Math.min(overdueDelay(t), Math.round(ahead));
      // Early on (and after a restart) the prediction rests on few points: never wait longer than twice what the wait has lasted.
      return Math.min(max, Math.max(min, EARLY_GROWTH * (t - start)), Math.round(ahead));
    },
  };
}

/** The strategy every copy wait uses (the create step and the CLI). */
export function defaultDelayStrategy(): DelayStrategy {
  return progressPredictingDelay({ minDelayMs: 1000, maxDelayMs: 60_000 });
}
