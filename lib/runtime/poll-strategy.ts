/**
 * Delay strategies for `waitUntil`: how long to wait after an unfinished check. A strategy's delays
 * depend only on the observations it is given (it reads no clock); the default one
 * (`default-delay.ts`) remembers them, so create one per wait.
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

export function requireRange(minName: string, min: number, maxName: string, max: number): void {
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
