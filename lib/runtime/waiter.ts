/**
 * A service-agnostic poller: calls `check` until it reports done, the time budget is spent, or
 * the signal aborts, and returns a tagged outcome. Turning an outcome into an exception is the
 * caller's job. Clock and sleep are injected, so tests assert exact delay sequences.
 */
import { invalidOption } from "./errors";
import type { DelayStrategy } from "./poll-strategy";

export type WaitOutcome<T> =
  | { readonly state: "success"; readonly value: T; readonly attempts: number; readonly elapsedMs: number }
  | { readonly state: "failure"; readonly value: T; readonly attempts: number; readonly elapsedMs: number }
  | { readonly state: "timeout"; readonly last?: T; readonly attempts: number; readonly elapsedMs: number }
  | { readonly state: "aborted"; readonly last?: T; readonly attempts: number; readonly elapsedMs: number };

export type Check<T> =
  | { readonly done: "success" | "failure"; readonly value: T }
  | { readonly done: false; readonly value?: T; readonly progress?: number };

export interface WaitProgress<T> {
  readonly attempt: number;
  readonly elapsedMs: number;
  readonly value?: T;
  readonly progress?: number;
}

export interface WaitOptions<T> {
  /** One poll; `attempt` counts from 1. A thrown error ends the wait with that error. */
  check(attempt: number): Promise<Check<T>>;
  /** Delay after each unfinished check (create a fresh strategy per wait). */
  readonly delay: DelayStrategy;
  /** Budget from the start of the wait; one last check happens at the deadline. */
  readonly timeoutMs: number;
  now(): number;
  /** Sleeps `ms`; may resolve or reject early when `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  readonly signal?: AbortSignal;
  /** Called after every unfinished check. */
  onProgress?(p: WaitProgress<T>): void;
  /**
   * Wait the strategy's first delay (asked with attempt 0) before the first check: for a wait on
   * something that has only just begun, where a check at once would only cost a call.
   */
  readonly delayFirst?: boolean;
}

/** A real sleep that resolves early when the signal aborts. */
export function realSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const onAbort = (): void => {
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

export async function waitUntil<T>(opts: WaitOptions<T>): Promise<WaitOutcome<T>> {
  const { timeoutMs, signal } = opts;
  if (typeof timeoutMs !== "number" || !Number.isFinite(timeoutMs) || timeoutMs < 0)
    throw invalidOption("timeoutMs", timeoutMs, "must be a finite number of milliseconds of at least 0");
  const start = opts.now();
  const elapsed = (): number => opts.now() - start;
  let last: T | undefined;
  let attempts = 0;
  const aborted = (): WaitOutcome<T> => ({ state: "aborted", last, attempts, elapsedMs: elapsed() });
  const pause = async (ms: unknown): Promise<WaitOutcome<T> | undefined> => {
    if (typeof ms !== "number" || !Number.isFinite(ms) || ms < 0)
      throw invalidOption(
        "delay",
        ms,
        "must be a finite number of milliseconds of at least 0 (returned by the delay strategy)",
      );
    try {
      await opts.sleep(Math.min(ms, Math.max(0, timeoutMs - elapsed())), signal);
    } catch (error) {
      if (signal?.aborted) return aborted();
      throw error;
    }
    return undefined;
  };

  if (opts.delayFirst) {
    if (signal?.aborted) return aborted();
    const stopped = await pause(opts.delay.nextDelayMs({ attempt: 0, elapsedMs: 0 }));
    if (stopped) return stopped;
  }

  for (;;) {
    if (signal?.aborted) return aborted();
    attempts++;
    let result: Check<T>;
    try {
      result = await opts.check(attempts);
    } catch (error) {
      if (signal?.aborted) return aborted();
      throw error;
    }
    const elapsedMs = elapsed();
    if (result.done) return { state: result.done, value: result.value, attempts, elapsedMs };
    if (result.value !== undefined) last = result.value;
    opts.onProgress?.({ attempt: attempts, elapsedMs, value: result.value, progress: result.progress });
    const remaining = timeoutMs - elapsedMs;
    if (remaining <= 0) return { state: "timeout", last, attempts, elapsedMs };
    const stopped = await pause(
      opts.delay.nextDelayMs({ attempt: attempts, elapsedMs, progress: result.progress }),
    );
    if (stopped) return stopped;
  }
}
