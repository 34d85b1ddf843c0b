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
  /** How many recent observations the rate is computed over. @default 5 */
  readonly window?: number;
}

/**
 * Predicts when the job ends from its `process_percent` history (linear rate over the recent
 * window) and polls at that moment, clamped to [min, max]. When there is no usable rate
 * (progress absent, unchanged, going backwards, or jumping by more than `jumpThreshold`) it
 * falls back to capped exponential backoff, which restarts from `min` once a rate is known again.
 */
export function progressPredictingDelay(options: ProgressDelayOptions = {}): DelayStrategy {
  const min = options.minDelayMs ?? DEFAULT_MIN_DELAY_MS;
  const max = options.maxDelayMs ?? DEFAULT_MAX_DELAY_MS;
  const factor = options.factor ?? 2;
  const jump = options.jumpThreshold ?? 0.5;
  const windowSize = options.window ?? 5;
  requireRange("minDelayMs", min, "maxDelayMs", max);
  if (!Number.isFinite(factor) || factor < 1) throw invalidOption("factor", factor, "must be a finite number of at least 1");
  if (!(jump > 0 && jump <= 1)) throw invalidOption("jumpThreshold", jump, "must be greater than 0 and at most 1");
  if (!Number.isInteger(windowSize) || windowSize < 2) throw invalidOption("window", windowSize, "must be an integer of at least 2");

  let history: { t: number; p: number }[] = [];
  let fallbacks = 0;
  const fallback = (): number => Math.min(max, min * factor ** Math.min(fallbacks++, 60));

  return {
    nextDelayMs({ elapsedMs, progress }) {
      if (progress === undefined || !Number.isFinite(progress)) return fallback();
      const last = history[history.length - 1];
      if (last && (progress < last.p || progress - last.p > jump)) {
        history = [{ t: elapsedMs, p: progress }];
        return fallback();
      }
      if (last && progress === last.p) return fallback();
      history.push({ t: elapsedMs, p: progress });
      if (history.length > windowSize) history.shift();
      if (progress >= 1) {
        fallbacks = 0;
        return min;
      }
      if (history.length < 2) return fallback();
      const first = history[0];
      const rate = (progress - first.p) / (elapsedMs - first.t);
      if (!(rate > 0) || !Number.isFinite(rate)) return fallback();
      fallbacks = 0;
      const eta = (1 - progress) / rate;
      return Math.min(max, Math.max(min, Math.round(eta)));
    },
  };
}
