/**
 * The public runtime API (`cdktf-ims-image-copy/runtime`): what a program needs to copy an IMS
 * image without the construct. The client and its configuration, the copy workflow, the waiter and
 * its delay strategies, and the errors they throw. Everything else under lib/runtime/ (request
 * signing, retry classification, HTTP transport, logging, the apply-time steps) is internal and may
 * change in any release; the package's `exports` map keeps it out of reach.
 */

// The client and its configuration.
export { ImsClient, isNotFound } from "./client";
export type { CopyBody, CopySubmission, Image, Job, PatchOp, Tag } from "./client";
export { ALLOW_INSECURE_HTTP_ENV, DEBUG_ENV, DEFAULT_RETRY, POLL_SECONDS_ENV, configFromEnv } from "./config";
export type { ClientConfig, ClientOptions, ConfigOverrides, RetryOptions } from "./config";
export type { AkSkCredentials } from "./signer";
export type { Logger } from "./log";

// The copy workflow.
export {
  copyImageAndWait,
  encryptionOf,
  resumeTargetOf,
  resumeWait,
  waitForImageActive,
  waitForJob,
} from "./copy";
export type {
  CopyHooks,
  CopyRequest,
  Finder,
  CopyProgress,
  CopyResult,
  ResumeTarget,
  WaitCopyOptions,
} from "./copy";

// The waiter and its delay strategies.
export { waitUntil } from "./waiter";
export type { Check, WaitOptions, WaitOutcome, WaitProgress } from "./waiter";
export { DEFAULT_MAX_DELAY_MS, DEFAULT_MIN_DELAY_MS, defaultDelayStrategy } from "./default-delay";
export type { DefaultDelayOptions } from "./default-delay";
export { exponentialDelay, fixedDelay } from "./poll-strategy";
export type { DelayStrategy, ExponentialDelayOptions, PollObservation, PollTuning } from "./poll-strategy";

// Errors.
export { ConfigError, ImsApiError, JobFailedError, WaitAbortedError, WaitTimeoutError } from "./errors";
export type { ImsApiErrorDetails, ImsErrorKind } from "./errors";
