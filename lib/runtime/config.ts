/**
 * Client configuration: where to send requests and with which credentials, read from the
 * environment once, validated up front. The result is plain data; nothing here does I/O.
 */
import type { AxiosInstance } from "axios";
import { CredentialEnv } from "../shared/constants";
import {
  checkEndpoint,
  checkProjectId,
  checkRegion,
  isLoopbackHost,
  normalizeEndpoint,
} from "../shared/rules";
import type { AkSkCredentials } from "./signer";
import { invalidConfigValue, invalidOption, missingCredential, missingRegion } from "./errors";
import type { Logger } from "./log";
import { DEFAULT_MIN_DELAY_MS } from "./default-delay";
import { fixedDelay, type PollTuning } from "./poll-strategy";

/** Set to `1` to allow plain `http://` endpoints on non-loopback hosts. */
export const ALLOW_INSECURE_HTTP_ENV = "IMS_COPY_ALLOW_INSECURE_HTTP";
/** Set to `1` to log every request and response (credentials redacted) to stderr. */
export const DEBUG_ENV = "IMS_COPY_DEBUG";
/**
 * Set to a whole number of seconds to poll copy jobs at that fixed interval instead of the default
 * strategy: for a service whose `process_percent` misleads it, such as a value that says nothing but
 * moves in a burst after a standstill, or in a few ticks close together (BENCHMARKS.md, "Results").
 * From one call a second (DEFAULT_MIN_DELAY_MS) to one a minute (the end is still seen within a
 * minute).
 */
export const POLL_SECONDS_ENV = "IMS_COPY_POLL_SECONDS";
const POLL_SECONDS_MAX = 60;

export interface ClientConfig {
  /** Region ID, e.g. `cn-north-4`. */
  readonly region: string;
  /** Project ID; when absent it is looked up in IAM by region name (`GET /v3/projects?name=`). */
  readonly projectId?: string;
  /** IMS base URL without trailing slash. @default `https://ims.{region}.myhuaweicloud.com` */
  readonly imsEndpoint: string;
  /** IAM base URL without trailing slash. @default `https://iam.{region}.myhuaweicloud.com` */
  readonly iamEndpoint: string;
  readonly credentials: AkSkCredentials;
}

export interface RetryOptions {
  /** First backoff ceiling. @default 1000 */
  readonly baseDelayMs: number;
  /** Largest jittered backoff; a longer `Retry-After` from the service is still honoured while it fits the deadline. @default 30000 */
  readonly maxDelayMs: number;
  /** Total time budget of one call including its retries. @default 180000 */
  readonly deadlineMs: number;
  /**
   * Most consecutive attempts of one call that end in a transient failure. With 10 % of requests
   * failing at random, 8 attempts all fail with probability 0.1^8 = 1e-8; the full-jitter waits
   * between them add up to at most 1+2+4+8+16+30+30 = 91 s, well inside `deadlineMs`.
   * @default 8
   */
  readonly maxAttempts: number;
  /**
   * Largest jittered wait between copy submissions refused by flow control (`IMG.0060`, HTTP
   * 429). Such refusals mean "not processed, try later": they are retried until the call's own
   * deadline (the create timeout) and do not use up `maxAttempts`. Kept short so that a freed job
   * slot does not stay idle long; full jitter spreads the contenders; a longer `Retry-After` is
   * still honoured. Measured on the fleet benchmark (BENCHMARKS.md, "Fleet apply"): 2 s, 4 s and
   * 8 s all keep the job slots 95-98 % busy; 8 s makes the fewest refused submissions.
   * @default 8000
   */
  readonly flowControlMaxDelayMs: number;
}

export const DEFAULT_RETRY: RetryOptions = {
  baseDelayMs: 1000,
  maxDelayMs: 30_000,
  deadlineMs: 180_000,
  maxAttempts: 8,
  flowControlMaxDelayMs: 8000,
};

export interface ClientOptions {
  /** Axios instance to send requests with. @default - a new instance (`axios.create()`) */
  readonly axios?: AxiosInstance;
  /** Timeout of one HTTP request. @default 30000 */
  readonly requestTimeoutMs?: number;
  /** Largest response body accepted. @default 8 MiB */
  readonly maxResponseBytes?: number;
  /** Retry tuning. @default DEFAULT_RETRY */
  readonly retry?: Partial<RetryOptions>;
  /** Clock (ms since epoch). @default Date.now */
  readonly now?: () => number;
  /** Clock for `X-Sdk-Date` (kept separate so tests can fake `now` for deadlines). @default Date.now */
  readonly signingClock?: () => number;
  /** Sleep, rejecting or resolving early when the signal aborts. @default - a timer */
  readonly sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Uniform [0, 1) for backoff jitter. @default Math.random */
  readonly random?: () => number;
  /** Where debug lines go. @default - stderr when IMS_COPY_DEBUG=1, else nowhere */
  readonly logger?: Logger;
  /**
   * How much earlier than the submission an image's `created_at` may be and still be adopted
   * after an ambiguous copy failure (client/server clock difference).
   * @default 300000
   */
  readonly adoptionClockSkewMs?: number;
}

export interface ConfigOverrides {
  readonly region?: string;
  readonly projectId?: string;
  readonly imsEndpoint?: string;
}

function firstOf(env: NodeJS.ProcessEnv, names: readonly string[]): string | undefined {
  for (const name of names) {
    const v = env[name];
    if (v !== undefined && v !== "") return v;
  }
  return undefined;
}

/** Throws when `problem` (from a rule of lib/shared/rules.ts) is set. */
function refuse(subject: string, value: string, problem: string | undefined, next: string): void {
  if (problem !== undefined) throw invalidConfigValue(subject, value, problem, next);
}

/**
 * Checks an endpoint with the shared rule (`checkEndpoint` of lib/shared/rules.ts) and returns
 * it normalised (`normalizeEndpoint`). `subject` names where it came from (a variable or an override).
 */
function endpointFrom(subject: string, value: string, env: NodeJS.ProcessEnv): string {
  const allowInsecureHttp = env[ALLOW_INSECURE_HTTP_ENV] === "1";
  const insecure = checkEndpoint(value, { allowInsecureHttp: true }) === undefined;
  refuse(
    subject,
    value,
    checkEndpoint(value, { allowInsecureHttp }),
    insecure
      ? `Plain http:// would send signed requests unencrypted: use https://, or set ${ALLOW_INSECURE_HTTP_ENV}=1 if you really mean it (for example an emulator on another machine)`
      : `Fix ${subject}, or leave it unset to use the public endpoint of the region`,
  );
  return normalizeEndpoint(value);
}

/**
 * Reads the configuration from the environment (see `CredentialEnv`), with explicit overrides.
 *
 * Endpoints: `HW_IMS_ENDPOINT` / `HW_IAM_ENDPOINT` override the defaults. When only the IMS
 * endpoint is overridden and it is a loopback URL (a local emulator, which serves IAM too),
 * IAM defaults to the same URL; otherwise IAM keeps its public default, so a private IMS
 * endpoint never silently receives IAM calls.
 */
export function configFromEnv(
  env: NodeJS.ProcessEnv = process.env,
  overrides: ConfigOverrides = {},
): ClientConfig {
  const accessKey = firstOf(env, CredentialEnv.ACCESS_KEY);
  if (!accessKey) throw missingCredential("access key", CredentialEnv.ACCESS_KEY);
  const secretKey = firstOf(env, CredentialEnv.SECRET_KEY);
  if (!secretKey) throw missingCredential("secret key", CredentialEnv.SECRET_KEY);
  const securityToken = firstOf(env, CredentialEnv.SECURITY_TOKEN);

  const regionSubject = overrides.region !== undefined ? "overrides.region" : CredentialEnv.REGION[0];
  const region = overrides.region ?? firstOf(env, CredentialEnv.REGION);
  if (!region) throw missingRegion();
  refuse(
    regionSubject,
    region,
    checkRegion(region),
    `Fix ${regionSubject}: it is the ID of the region that holds the image (see "Regions and Endpoints" in the Huawei Cloud documentation)`,
  );

  const projectSubject =
    overrides.projectId !== undefined ? "overrides.projectId" : CredentialEnv.PROJECT_ID[0];
  const projectId = overrides.projectId ?? firstOf(env, CredentialEnv.PROJECT_ID);
  if (projectId !== undefined)
    refuse(
      projectSubject,
      projectId,
      checkProjectId(projectId),
      `Copy the project ID of the region from "My Credentials" > "API Credentials" in the console, or leave ${projectSubject} unset to look it up by region name`,
    );

  const imsRaw = overrides.imsEndpoint ?? firstOf(env, CredentialEnv.IMS_ENDPOINT);
  const imsSubject =
    overrides.imsEndpoint !== undefined ? "overrides.imsEndpoint" : CredentialEnv.IMS_ENDPOINT[0];
  const imsEndpoint =
    imsRaw !== undefined ? endpointFrom(imsSubject, imsRaw, env) : `https://ims.${region}.myhuaweicloud.com`;
  const iamRaw = firstOf(env, CredentialEnv.IAM_ENDPOINT);
  let iamEndpoint: string;
  if (iamRaw !== undefined) iamEndpoint = endpointFrom(CredentialEnv.IAM_ENDPOINT[0], iamRaw, env);
  else if (imsRaw !== undefined && isLoopbackHost(new URL(imsEndpoint).hostname)) iamEndpoint = imsEndpoint;
  else iamEndpoint = `https://iam.${region}.myhuaweicloud.com`;

  const credentials: AkSkCredentials = securityToken
    ? { accessKey, secretKey, securityToken }
    : { accessKey, secretKey };
  return projectId
    ? { region, projectId, imsEndpoint, iamEndpoint, credentials }
    : { region, imsEndpoint, iamEndpoint, credentials };
}

/** The poll tuning POLL_SECONDS_ENV asks for; undefined (the default strategy) when it is unset or empty. */
export function pollFromEnv(env: NodeJS.ProcessEnv): PollTuning | undefined {
  const raw = env[POLL_SECONDS_ENV];
  if (raw === undefined || raw === "") return undefined;
  const seconds = /^[0-9]+$/.test(raw) ? Number(raw) : Number.NaN;
  const min = DEFAULT_MIN_DELAY_MS / 1000;
  refuse(
    POLL_SECONDS_ENV,
    raw,
    seconds >= min && seconds <= POLL_SECONDS_MAX
      ? undefined
      : `a poll interval is a whole number of seconds from ${min} to ${POLL_SECONDS_MAX}`,
    `Set it to 10 to poll as the official provider does, or leave it unset for the default strategy`,
  );
  return { delay: () => fixedDelay(seconds * 1000) };
}

/** Validates client options, naming the bad value. */
export function resolveRetry(retry: Partial<RetryOptions> | undefined): RetryOptions {
  const r: RetryOptions = { ...DEFAULT_RETRY, ...(retry ?? {}) };
  positive("retry.baseDelayMs", r.baseDelayMs, true);
  positive("retry.maxDelayMs", r.maxDelayMs, true);
  positive("retry.deadlineMs", r.deadlineMs, true);
  positive("retry.flowControlMaxDelayMs", r.flowControlMaxDelayMs);
  if (!Number.isInteger(r.maxAttempts) || r.maxAttempts < 1)
    throw invalidOption("retry.maxAttempts", r.maxAttempts, "must be an integer of at least 1");
  if (r.maxDelayMs < r.baseDelayMs)
    throw invalidOption(
      "retry.maxDelayMs",
      r.maxDelayMs,
      `must be at least retry.baseDelayMs (${r.baseDelayMs})`,
    );
  return r;
}

export function positive(name: string, value: number, allowZero = false): void {
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0 || (!allowZero && value === 0)) {
    throw invalidOption(
      name,
      value,
      allowZero ? "must be a finite number of at least 0" : "must be a finite number greater than 0",
    );
  }
}
