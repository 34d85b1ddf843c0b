/**
 * Every error the runtime raises, built by the factories below. Each message says what happened
 * and what to do next. Messages never contain credentials or signed headers: the factories only
 * receive the variable *names*, the operation, the status, the service's code and message.
 */
import { CredentialEnv, ExitCode } from "../shared/constants";
import { invalidValueMessage } from "../shared/rules";

/** What went wrong on the wire, independent of the HTTP status. */
export type ImsErrorKind =
  /** The service answered with a non-2xx status. */
  | "http"
  /** No answer: connection refused before anything was sent (safe to retry). */
  | "connect"
  /** The connection broke or timed out after the request may have been sent (ambiguous). */
  | "network"
  /** The request outlived its per-request timeout (ambiguous). */
  | "timeout"
  /** The service answered 2xx but the body was not what the API documents. */
  | "invalid-response"
  /** The endpoint's TLS certificate was not trusted: nothing was sent, and retrying cannot help. */
  | "tls";

export interface ImsApiErrorDetails {
  readonly kind: ImsErrorKind;
  /** Short name of the call, e.g. `copy image`, `show job`. */
  readonly operation: string;
  /** HTTP status; undefined when there was no response. */
  readonly status?: number;
  /** `IMG.xxxx` (service), `APIGW.xxxx` (gateway), or a Node error code such as `ECONNRESET`. */
  readonly code?: string;
  /** The service's own message, verbatim. */
  readonly serviceMessage?: string;
  /** `X-Request-Id` of the response, to quote to Huawei support. */
  readonly requestId?: string;
  /** What to do next. */
  readonly hint?: string;
  /** Seconds or HTTP date from `Retry-After`, when the service sent one. */
  readonly retryAfter?: string;
}

const IMS_API_ERROR = Symbol.for("cdktf-ims-image-copy.ImsApiError");

/** A failed call to IMS or IAM. */
export class ImsApiError extends Error {
  /** True for any `ImsApiError`, even from another copy of this library. */
  static isImsApiError(x: unknown): x is ImsApiError {
    return typeof x === "object" && x !== null && (x as Record<symbol, unknown>)[IMS_API_ERROR] === true;
  }
  readonly kind: ImsErrorKind;
  readonly operation: string;
  readonly status?: number;
  readonly code?: string;
  readonly serviceMessage?: string;
  readonly requestId?: string;
  readonly hint?: string;
  readonly retryAfter?: string;

  constructor(details: ImsApiErrorDetails) {
    super(formatApiMessage(details));
    Object.defineProperty(this, IMS_API_ERROR, { value: true });
    this.name = "ImsApiError";
    this.kind = details.kind;
    this.operation = details.operation;
    this.status = details.status;
    this.code = details.code;
    this.serviceMessage = details.serviceMessage;
    this.requestId = details.requestId;
    this.hint = details.hint;
    this.retryAfter = details.retryAfter;
  }
}

function formatApiMessage(d: ImsApiErrorDetails): string {
  const what =
    d.kind === "http"
      ? `HTTP ${d.status}${d.code ? ` ${d.code}` : ""}${d.serviceMessage ? `: ${d.serviceMessage}` : ""}`
      : (d.serviceMessage ?? d.kind);
  const id = d.requestId ? ` (request ID ${d.requestId})` : "";
  const hint = d.hint ? `. ${d.hint}` : "";
  return `IMS ${d.operation} failed: ${what}${id}${hint}`;
}

/** Missing or invalid environment / configuration. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ConfigError";
  }
}

/** The copy (or another) job ended in `FAIL`. */
export class JobFailedError extends Error {
  constructor(
    message: string,
    readonly jobId: string,
    readonly errorCode: string | undefined,
    readonly failReason: string | undefined,
    readonly imageId: string | undefined,
  ) {
    super(message);
    this.name = "JobFailedError";
  }
}

/** A wait outlived its timeout; running again resumes it. */
export class WaitTimeoutError extends Error {
  constructor(
    message: string,
    readonly jobId: string | undefined,
    readonly imageId: string | undefined,
  ) {
    super(message);
    this.name = "WaitTimeoutError";
  }
}

/** A wait was interrupted by its AbortSignal; running again resumes it. */
export class WaitAbortedError extends Error {
  constructor(
    message: string,
    readonly jobId: string | undefined,
    readonly imageId: string | undefined,
  ) {
    super(message);
    this.name = "WaitAbortedError";
  }
}

// ---------------------------------------------------------------- configuration

const either = (names: readonly string[]): string => names.join(" or ");

export function missingCredential(which: "access key" | "secret key", names: readonly string[]): ConfigError {
  return new ConfigError(
    `No Huawei Cloud ${which} found: set ${either(names)} in the environment of the command that runs the copy (for example the shell that runs "terraform apply").`,
  );
}

export function missingRegion(): ConfigError {
  return new ConfigError(
    `No region given: set ${either(CredentialEnv.REGION)} (for example cn-north-4) or pass the region explicitly.`,
  );
}

/**
 * A configuration value (an environment variable such as HW_REGION_NAME, or an explicit override)
 * breaks a rule of `lib/shared/rules.ts`: `<subject> "<value>" is invalid: <problem>. <next>.`
 */
export function invalidConfigValue(
  subject: string,
  value: string,
  problem: string,
  next: string,
): ConfigError {
  return new ConfigError(`${invalidValueMessage(subject, value, problem)}. ${next}.`);
}

/** An option of the runtime's API, in the one sentence of every refusal: `name value is invalid: it rule.` */
export function invalidOption(name: string, value: unknown, rule: string): ConfigError {
  return new ConfigError(`${invalidValueMessage(name, value, `it ${rule}`)}.`);
}

export function noProjectForRegion(region: string, requestId?: string): ConfigError {
  const id = requestId ? ` (request ID ${requestId})` : "";
  return new ConfigError(
    `IAM returned no project named "${region}"${id}: check ${either(CredentialEnv.REGION)}, or set ${either(CredentialEnv.PROJECT_ID)} to the project ID.`,
  );
}

export function manyProjectsForRegion(region: string, ids: readonly string[]): ConfigError {
  return new ConfigError(
    `IAM returned ${ids.length} projects named "${region}" (${ids.join(", ")}): set ${either(CredentialEnv.PROJECT_ID)} to the one to use.`,
  );
}

// ---------------------------------------------------------------- API errors

/** The IAM action each write needs, for 403 messages. */
const ACTION_FOR: Readonly<Record<string, string>> = {
  "copy image": "ims:images:copy",
  "update image": "ims:images:update",
  "add tags": "ims:images:update",
  "delete tags": "ims:images:update",
  "list tags": "ims:images:list",
  "delete image": "ims:images:delete",
  "get image": "ims:images:list",
  "list images": "ims:images:list",
  "show job": "ims:images:get",
  "show job progress": "ims:images:get",
  "look up project": "iam:projects:listProjects",
};

export interface HintContext {
  readonly operation: string;
  readonly status?: number;
  readonly code?: string;
  /** True when the copy request named an enterprise project. */
  readonly enterpriseProject?: boolean;
}

/** IMS's permission refusals: HTTP 400 in the error-code table (IMG.0026), so hints key on the code. */
const PERMISSION_CODES = new Set(["IMG.0026", "IMG.0161"]);

function permissionHint(ctx: HintContext): string {
  if (ctx.operation === "copy image") {
    // The permission table: ims:serverImages:create is needed by accounts with enterprise projects enabled.
    return ctx.enterpriseProject
      ? `The credentials lack permission: grant the IAM actions "ims:images:copy" and "ims:serverImages:create" (needed by accounts with enterprise projects enabled) to the user or agency`
      : `The credentials lack permission: grant the IAM action "ims:images:copy" to the user or agency (accounts with enterprise projects enabled also need "ims:serverImages:create")`;
  }
  const action = ACTION_FOR[ctx.operation];
  return action
    ? `The credentials lack permission: grant the IAM action "${action}" to the user or agency`
    : "The credentials lack permission for this call: check the IAM policies of the user or agency";
}

/** What to do next for a given failure; undefined when there is nothing better to say than the service's message. */
export function hintFor(ctx: HintContext): string | undefined {
  const code = ctx.code ?? "";
  if (PERMISSION_CODES.has(code)) return permissionHint(ctx);
  const byOperation = OPERATION_CODE_HINTS[`${ctx.operation} ${code}`];
  if (byOperation) return byOperation;
  const byCode = CODE_HINTS[code];
  if (byCode) return byCode;
  if (code.startsWith("APIGW.0301") || code.startsWith("APIG.0301") || ctx.status === 401) {
    return `The signature was refused: check ${either(CredentialEnv.ACCESS_KEY)} and ${either(CredentialEnv.SECRET_KEY)} (and ${either(CredentialEnv.SECURITY_TOKEN)} for temporary credentials, which expire), and that this machine's clock is within 15 minutes of the real time`;
  }
  if (ctx.status === 403) return permissionHint(ctx);
  if (code.startsWith("APIGW.0308") || ctx.status === 429)
    return "The API gateway throttled the request: wait a minute and run again, or run fewer copies at once";
  if (ctx.status === 404) return "The resource does not exist (check the ID and the region)";
  if (ctx.status !== undefined && ctx.status >= 500)
    return "The service had an internal error: run again later; if it persists, contact Huawei Cloud support with the request ID";
  return undefined;
}

const NOT_FOUND =
  "The image does not exist in this region and project: check the source image ID, the region and the project";
const KMS =
  "Check the KMS key: it must exist in this region, be enabled, and the credentials need KMS access to it (kms:cmk:get, kms:dek:create)";
const SOURCE_KEY =
  "The source image is encrypted and its own KMS key is missing, disabled or not accessible: an encrypted image can only be copied while its key is enabled and the credentials may use it (kms:cmk:get, kms:dek:create)";
/** Hints for a code that means something specific to one operation (key: `<operation> <code>`). */
const OPERATION_CODE_HINTS: Readonly<Record<string, string>> = {
  // The refusal codes of these documented limits are not published; IMG.0105 is the generic one.
  "copy image IMG.0105":
    "IMS does not support this copy: an in-region copy takes images of at most 128 GB, and no Windows images (Huawei no longer replicates them with this API)",
};
const CODE_HINTS: Readonly<Record<string, string>> = {
  "IMG.0060":
    "IMS flow control: too many image tasks are running in this project (the product limits allow 40 concurrent image-creation tasks); wait for some to finish and run again",
  "IMG.0061":
    "IMS reported an unknown system error, usually a passing fault in the service: run again later; if it persists, contact Huawei Cloud support with the request ID",
  "IMG.0015":
    "The private image quota of the project is used up (50 per region unless raised): delete unused private images or ask for a higher quota, then run again",
  "IMG.0116": "An image may carry at most 10 tags: remove some tags",
  "IMG.0115": "A tag key or value is invalid: keys are 1-36 characters, values 0-43",
  "IMG.0027": NOT_FOUND,
  "IMG.0086": NOT_FOUND,
  "IMG.0144": NOT_FOUND,
  "IMG.0066": "The image ID is malformed: use the image's UUID",
  "IMG.0067": `The project ID is wrong: check ${either(CredentialEnv.PROJECT_ID)} (or unset it to look it up from the region)`,
  "IMG.0095": KMS,
  "IMG.0097": KMS,
  "IMG.0099": KMS,
  "IMG.0100": KMS,
  "IMG.0101": SOURCE_KEY,
  "IMG.0102": SOURCE_KEY,
  "IMG.0103": SOURCE_KEY,
  "IMG.0187": "KMS throttled the request: wait and run again",
  "IMG.0096":
    "IMS refuses a copy encrypted with the source image's own key: choose another enabled KMS key (a copy without a key is unencrypted)",
  "IMG.0196":
    "The shared image has not been accepted by this project: accept it (Image Management Service > Shared Images), then run again",
  "IMG.0197":
    "A shared image can only be copied to an unencrypted image: copy it without a KMS key (that private copy can then be copied with a key)",
  "IMG.0154": "The enterprise project service could not be reached: run again later",
  "IMG.0155":
    'The enterprise project ID is invalid: use "0" (default) or the UUID of an enterprise project you can use',
  "IMG.0156":
    "The image could not be put in the enterprise project: check that the project exists and that you may use it",
  "IMG.0130": "Full-ECS (whole) images cannot be copied within a region: copy a system-disk image instead",
  "IMG.0167": "Images created from ISO files cannot be copied within a region",
  "IMG.0046": "The source image is not usable yet: wait until its status is active (Normal), then run again",
  "IMG.0028":
    "The image is protected (for example published to KooGallery, the Marketplace): take it off the shelf or remove its protection first",
  "IMG.0091":
    "The image is protected because it is published: take it off KooGallery (the Marketplace) first",
  "IMG.0093": "Marketplace images cannot be deleted",
  "IMG.0090": "The image is still being created: wait for it to become active, then delete it",
  "IMG.0083": "Public images cannot be copied or changed: use a private image",
  "IMG.0094": "Public images cannot be deleted",
  "IMG.0092": "Only the image's owner can delete it",
  "IMG.0047": "Only the image's owner can do this",
  "IMG.0106": "The image belongs to another tenant: only its owner can copy it",
  "IMG.0009": "An image with this name already exists: choose another name",
  "IMG.0105":
    "The service does not support this operation on this image: check the image's type and state in the console",
};

/** Extracts `{code, message}` from either error body shape (IMS `{"error":{...}}` or gateway `{"error_code","error_msg"}`). */
export function parseErrorBody(body: unknown): { code?: string; message?: string } {
  if (typeof body !== "object" || body === null) return {};
  const b = body as Record<string, unknown>;
  const str = (v: unknown): string | undefined => (typeof v === "string" && v !== "" ? v : undefined);
  if (typeof b.error === "object" && b.error !== null) {
    const e = b.error as Record<string, unknown>;
    return { code: str(e.code), message: str(e.message) };
  }
  return { code: str(b.error_code) ?? str(b.code), message: str(b.error_msg) ?? str(b.message) };
}

export function httpError(
  operation: string,
  status: number,
  body: unknown,
  requestId: string | undefined,
  extra?: { enterpriseProject?: boolean; retryAfter?: string },
): ImsApiError {
  const { code, message } = parseErrorBody(body);
  return new ImsApiError({
    kind: "http",
    operation,
    status,
    code,
    serviceMessage: message,
    requestId,
    retryAfter: extra?.retryAfter,
    hint: hintFor({ operation, status, code, enterpriseProject: extra?.enterpriseProject }),
  });
}

export function connectError(operation: string, url: string, code: string | undefined): ImsApiError {
  return new ImsApiError({
    kind: "connect",
    operation,
    code,
    serviceMessage: `could not connect to ${url}${code ? ` (${code})` : ""}`,
    hint: "Check the endpoint, your network and HTTPS_PROXY/NO_PROXY, then run again",
  });
}

export function networkError(operation: string, url: string, code: string | undefined): ImsApiError {
  return new ImsApiError({
    kind: "network",
    operation,
    code,
    serviceMessage: `the connection to ${url} failed${code ? ` (${code})` : ""}`,
    hint: "Check your network and run again",
  });
}

/**
 * The TLS certificate of `url` failed verification (`code` is Node's, e.g.
 * `UNABLE_TO_VERIFY_LEAF_SIGNATURE`). Verification is never turned off by this library.
 */
export function tlsError(operation: string, url: string, code: string): ImsApiError {
  return new ImsApiError({
    kind: "tls",
    operation,
    code,
    serviceMessage: `the TLS certificate of ${url} is not trusted (${code})`,
    hint: "Check the endpoint; if a proxy or firewall re-signs TLS, trust its CA with NODE_EXTRA_CA_CERTS=/path/to/ca.pem (TLS verification stays on)",
  });
}

export function requestTimeout(operation: string, url: string, timeoutMs: number): ImsApiError {
  return new ImsApiError({
    kind: "timeout",
    operation,
    code: "ETIMEDOUT",
    serviceMessage: `no complete response from ${url} within ${timeoutMs} ms`,
    hint: "The service is slow or unreachable: run again later",
  });
}

export function responseNotJson(
  operation: string,
  status: number,
  requestId: string | undefined,
  snippet: string,
): ImsApiError {
  return new ImsApiError({
    kind: "invalid-response",
    operation,
    status,
    requestId,
    serviceMessage: `the response body is not JSON (starts with ${JSON.stringify(snippet)})`,
    hint: "Check that the endpoint is an IMS/IAM endpoint and not a proxy or login page",
  });
}

export function responseTooLarge(
  operation: string,
  status: number | undefined,
  limitBytes: number,
): ImsApiError {
  return new ImsApiError({
    kind: "invalid-response",
    operation,
    status,
    serviceMessage: `the response body is larger than ${limitBytes} bytes`,
    hint: "Check that the endpoint is an IMS/IAM endpoint; list calls are paged, so no legitimate answer is this large",
  });
}

export function unexpectedResponse(
  operation: string,
  status: number,
  requestId: string | undefined,
  what: string,
): ImsApiError {
  return new ImsApiError({
    kind: "invalid-response",
    operation,
    status,
    requestId,
    serviceMessage: what,
    hint: "This looks like an API change or a faulty proxy; please report it with the request ID",
  });
}

// ---------------------------------------------------------------- jobs and waits

/** `cleanupError`: why deleting the partial image failed, when `cleanup` is "delete-failed". */
export function jobFailed(
  jobId: string,
  errorCode: string | undefined,
  failReason: string | undefined,
  imageId: string | undefined,
  cleanup: "deleted" | "none" | "delete-failed",
  cleanupError?: string,
): JobFailedError {
  const code = errorCode ? ` with ${errorCode}` : "";
  const reason = failReason ? `: ${failReason.replace(/[.\s]+$/, "")}` : "";
  const hint = errorCode ? hintFor({ operation: "copy image", code: errorCode }) : undefined;
  const cleaned =
    cleanup === "deleted"
      ? ` Its partial image ${imageId} was deleted.`
      : cleanup === "delete-failed"
        ? ` Its partial image ${imageId} could not be deleted${cleanupError ? ` (${cleanupError})` : ""}: delete it by hand.`
        : "";
  return new JobFailedError(
    `IMS copy job ${jobId} failed${code}${reason}.${cleaned}${hint ? ` ${hint}.` : ""}`,
    jobId,
    errorCode,
    failReason,
    imageId,
  );
}

function describeTarget(jobId: string | undefined, imageId: string | undefined): string {
  const parts: string[] = [];
  if (jobId) parts.push(`job ${jobId}`);
  if (imageId) parts.push(`image ${imageId}`);
  return parts.length ? parts.join(", ") : "the copy";
}

export function waitTimedOut(
  what: string,
  jobId: string | undefined,
  imageId: string | undefined,
  timeoutMs: number,
): WaitTimeoutError {
  return new WaitTimeoutError(
    `Timed out after ${Math.round(timeoutMs / 1000)} s waiting for ${what} (${describeTarget(jobId, imageId)}); the copy continues in the cloud. Running the same command (or "terraform apply") again resumes the wait instead of copying again; raise the timeout if copies of this image take longer.`,
    jobId,
    imageId,
  );
}

export function waitAborted(
  what: string,
  jobId: string | undefined,
  imageId: string | undefined,
): WaitAbortedError {
  return new WaitAbortedError(
    `Interrupted while waiting for ${what} (${describeTarget(jobId, imageId)}); the copy continues in the cloud. Running again resumes the wait.`,
    jobId,
    imageId,
  );
}

/** An adopted copy (no job known) ended `killed`/`deleted`, or vanished; `deleted` tells whether its leftover was removed. */
export function imageKilled(imageId: string, status: string | undefined, deleted = false): JobFailedError {
  const what = status ? `ended in status "${status}"` : "disappeared";
  const cleaned = deleted
    ? " It was deleted."
    : status === "killed"
      ? " It could not be deleted: delete it by hand."
      : "";
  return new JobFailedError(
    `The copied image ${imageId} ${what} before becoming active, so the copy failed.${cleaned} Run again to copy again.`,
    "",
    undefined,
    `image ${status ?? "gone"}`,
    imageId,
  );
}

export function imageDeleteTimedOut(imageId: string, timeoutMs: number): WaitTimeoutError {
  return new WaitTimeoutError(
    `Image ${imageId} was still listed ${Math.round(timeoutMs / 1000)} s after it was deleted; run again to keep waiting, or check it in the console.`,
    undefined,
    imageId,
  );
}

/** Exit code of the runtime/CLI for an error (see `ExitCode`). */
/**
 * The copy POST met flow control (IMG.0060 / 429) until its deadline (the create timeout) ran out.
 * Keeps the service's code, message and request ID; the hint says how long it waited and what to do.
 */
export function flowControlExhausted(last: ImsApiError, refusals: number, elapsedMs: number): ImsApiError {
  return new ImsApiError({
    kind: last.kind,
    operation: last.operation,
    status: last.status,
    code: last.code,
    serviceMessage: last.serviceMessage,
    requestId: last.requestId,
    retryAfter: last.retryAfter,
    hint: `IMS flow control: gave up waiting for a copy slot after ${refusals} refused submissions over ${Math.round(elapsedMs / 1000)} s (the create timeout); too many image tasks are running in this project. Raise createTimeoutMinutes, lower terraform's -parallelism, or run again when fewer tasks are running`,
  });
}

/**
 * The service refused the request (an HTTP 4xx other than 401/403): it did nothing, and the same
 * request will be refused again until something changes (a protected image, a tag on an image
 * that is not active yet). Credential and permission failures are not refusals of this kind.
 */
export function isServiceRefusal(error: unknown): error is ImsApiError {
  return (
    ImsApiError.isImsApiError(error) &&
    error.kind === "http" &&
    error.status !== undefined &&
    error.status >= 400 &&
    error.status < 500 &&
    error.status !== 401 &&
    error.status !== 403
  );
}

export function exitCodeFor(error: unknown): number {
  if (error instanceof ConfigError) return ExitCode.USAGE;
  if (error instanceof JobFailedError) return ExitCode.JOB_FAILED;
  if (error instanceof WaitTimeoutError) return ExitCode.TIMEOUT;
  if (error instanceof WaitAbortedError) return ExitCode.INTERRUPTED;
  if (ImsApiError.isImsApiError(error)) return ExitCode.API;
  return ExitCode.INTERNAL;
}

/** The caller's AbortSignal fired during a request. */
export function requestAborted(operation: string): WaitAbortedError {
  return new WaitAbortedError(
    `Interrupted during IMS ${operation}; running again resumes.`,
    undefined,
    undefined,
  );
}

/** A copy of an encrypted source was asked for without a key and without `unencrypted`. */
export function encryptedSourceNeedsKey(sourceImageId: string, sourceKey: string | undefined): ConfigError {
  return new ConfigError(
    `the source image ${sourceImageId} is encrypted${sourceKey ? ` (KMS key ${sourceKey})` : ""}, and a copy without a key would be unencrypted (Huawei documents the in-region copy without cmk_id as the way to decrypt an image): nothing was copied. Set kmsKeyId (CLI: --kms-key-id) to the key of the copy (another key than the source's: Huawei's error table lists IMG.0096, "the KMS key must differ from the image key"), or set unencrypted: true (CLI: --unencrypted) to make an unencrypted copy on purpose`,
  );
}
