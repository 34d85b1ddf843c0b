/**
 * Which failures may be retried, and how long to wait: capped exponential backoff with full
 * jitter, honouring `Retry-After`, bounded by a total deadline. Clock, sleep and randomness are
 * injected.
 */
import type { RetryOptions } from "./config";
import { ImsApiError, requestAborted } from "./errors";

/**
 * - `not-processed`: the service certainly did not act on the request (429, 503, IMG.0060,
 *   connection refused): retrying cannot duplicate anything.
 * - `ambiguous`: the request may have been processed (timeout, connection reset, 500/502/504, and
 *   `IMG.0061` "Unknown system error", which the error-code table lists as HTTP 400): idempotent
 *   calls retry; a copy must first look for what it may have created.
 * - `fatal`: retrying will not help (4xx other than the above, malformed responses, bugs).
 */
export type FailureClass = "not-processed" | "ambiguous" | "fatal";

export function classifyFailure(error: unknown): FailureClass {
  if (!ImsApiError.isImsApiError(error)) return "fatal";
  switch (error.kind) {
    case "connect":
      return "not-processed";
    case "network":
    case "timeout":
      return "ambiguous";
    case "invalid-response":
    case "tls":
      return "fatal";
    case "http":
      break;
  }
  if (error.code === "IMG.0060") return "not-processed";
  if (error.code?.startsWith("APIGW.0308")) return "not-processed"; // gateway throttling
  if (error.status === 429 || error.status === 503) return "not-processed";
  // A transient backend fault that arrives as HTTP 400: whether the service acted is unknown.
  if (error.code === "IMG.0061") return "ambiguous";
  if (error.status === 500 || error.status === 502 || error.status === 504) return "ambiguous";
  return "fatal";
}

/** `Retry-After` in ms (seconds or HTTP date); undefined when absent or unparsable. */
export function parseRetryAfter(value: string | undefined, nowMs: number): number | undefined {
  if (value === undefined) return undefined;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  if (!/[a-z]/i.test(v)) return undefined;
  const at = Date.parse(v);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - nowMs);
}

/** Full jitter: uniform in [0, min(maxDelay, base * 2^(retry-1))], `retry` counting from 1. */
export function backoffDelayMs(
  retry: number,
  random: () => number,
  policy: Pick<RetryOptions, "baseDelayMs" | "maxDelayMs">,
): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.min(retry - 1, 30));
  return Math.floor(random() * ceiling);
}

/** The wait before retry number `retry`: the jittered backoff, or at least the `Retry-After` the service asked for. */
export function retryDelayMs(
  error: unknown,
  retry: number,
  nowMs: number,
  random: () => number,
  policy: Pick<RetryOptions, "baseDelayMs" | "maxDelayMs">,
): number {
  const jitter = backoffDelayMs(retry, random, policy);
  const after = ImsApiError.isImsApiError(error) ? parseRetryAfter(error.retryAfter, nowMs) : undefined;
  return after === undefined ? jitter : Math.max(jitter, after);
}

/**
 * A flow-control refusal: the service did not process the request because too many tasks run in
 * the project (`IMG.0060`, documented as HTTP 400) or it asks to slow down (HTTP 429, also the
 * emulator's optional way of answering flow control). Retrying later cannot duplicate anything.
 */
export function isFlowControl(error: unknown): boolean {
  return (
    ImsApiError.isImsApiError(error) &&
    error.kind === "http" &&
    (error.code === "IMG.0060" || error.status === 429)
  );
}

/**
 * The wait before resubmitting after flow-control refusal number `refusal` (from 1): full jitter
 * over a short ceiling (`baseDelayMs` doubling up to `flowControlMaxDelayMs`), so that contenders
 * spread out and a freed slot is taken within about `flowControlMaxDelayMs / contenders`. A
 * `Retry-After` from the service is waited for first, with the jitter added on top so that every
 * contender told the same time does not come back at once.
 */
export function flowControlDelayMs(
  error: unknown,
  refusal: number,
  nowMs: number,
  random: () => number,
  policy: Pick<RetryOptions, "baseDelayMs" | "flowControlMaxDelayMs">,
): number {
  const jitter = backoffDelayMs(refusal, random, {
    baseDelayMs: policy.baseDelayMs,
    maxDelayMs: policy.flowControlMaxDelayMs,
  });
  const after = ImsApiError.isImsApiError(error) ? parseRetryAfter(error.retryAfter, nowMs) : undefined;
  return (after ?? 0) + jitter;
}

export interface RetryRuntime {
  readonly policy: RetryOptions;
  readonly now: () => number;
  readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  readonly random: () => number;
  readonly signal?: AbortSignal;
  /** Called before each wait, e.g. for debug logging. */
  readonly onRetry?: (error: unknown, retry: number, delayMs: number) => void;
}

/**
 * Tells whether another attempt fits: returns the delay to wait, or undefined when the attempt
 * budget or the deadline (measured from `startedAt`) is spent.
 */
export function nextRetryDelay(
  error: unknown,
  retry: number,
  startedAt: number,
  rt: RetryRuntime,
): number | undefined {
  if (retry >= rt.policy.maxAttempts) return undefined;
  const now = rt.now();
  const delay = retryDelayMs(error, retry, now, rt.random, rt.policy);
  if (now + delay - startedAt > rt.policy.deadlineMs) return undefined;
  return delay;
}

/**
 * Runs `attempt` until it succeeds, a failure is not retryable per `retryable`, or the budget is
 * spent; then throws the last error.
 */
export async function withRetries<T>(
  attempt: (n: number) => Promise<T>,
  retryable: (error: unknown) => boolean,
  rt: RetryRuntime,
): Promise<T> {
  const startedAt = rt.now();
  for (let n = 1; ; n++) {
    try {
      return await attempt(n);
    } catch (error) {
      if (!retryable(error) || rt.signal?.aborted) throw error;
      const delay = nextRetryDelay(error, n, startedAt, rt);
      if (delay === undefined) throw error;
      rt.onRetry?.(error, n, delay);
      await rt.sleep(delay, rt.signal);
      if (rt.signal?.aborted) throw abortedDuring(error);
    }
  }
}

/** The interruption to report when the signal fires during a backoff after `error`. */
export function abortedDuring(error: unknown): Error {
  return requestAborted(ImsApiError.isImsApiError(error) ? error.operation : "request");
}

/** Idempotent calls retry both certain and ambiguous failures. */
export const retryIdempotent = (error: unknown): boolean => classifyFailure(error) !== "fatal";
