/** The public runtime API: the IMS client, the waiter and the copy flow (`cdktf-ims-image-copy/runtime`). */
export { ImsClient, isNotFound, parseImsTime, parseJob } from "./client";
export type { CopyBody, CopySubmission, Image, Job, PatchOp, Tag } from "./client";
export { ALLOW_INSECURE_HTTP_ENV, DEBUG_ENV, DEFAULT_RETRY, configFromEnv, isLoopbackHost } from "./config";
export type { ClientConfig, ClientOptions, ConfigOverrides, RetryOptions } from "./config";
export {
  ConfigError,
  ImsApiError,
  JobFailedError,
  WaitAbortedError,
  WaitTimeoutError,
  exitCodeFor,
  hintFor,
  parseErrorBody,
} from "./errors";
export type { ImsApiErrorDetails, ImsErrorKind } from "./errors";
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
  PollTuning,
  ResumeTarget,
  WaitCopyOptions,
} from "./copy";
export { realSleep, waitUntil } from "./waiter";
export type { Check, WaitOptions, WaitOutcome, WaitProgress } from "./waiter";
export {
  DEFAULT_MAX_DELAY_MS,
  DEFAULT_MIN_DELAY_MS,
  defaultDelayStrategy,
  exponentialDelay,
  fixedDelay,
} from "./poll-strategy";
export type {
  DefaultDelayOptions,
  DelayStrategy,
  ExponentialDelayOptions,
  PollObservation,
} from "./poll-strategy";
export { classifyFailure, parseRetryAfter } from "./retry";
export type { FailureClass } from "./retry";
export { loggerFromEnv, redactHeaders } from "./log";
export type { Logger } from "./log";
export { escape, signRequest } from "./signer";
export type { AkSkCredentials } from "./signer";
