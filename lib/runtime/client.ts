/**
 * A faithful client of the IMS calls this library needs (and the IAM project lookup). Every
 * request is signed; idempotent calls retry transient failures; the copy POST never retries
 * blindly (see `copyImageInRegion`).
 */
import axios from "axios";
import {
  configFromEnv,
  DEBUG_ENV,
  resolveRetry,
  type ClientConfig,
  type ClientOptions,
  type ConfigOverrides,
  type RetryOptions,
} from "./config";
import {
  flowControlExhausted,
  ImsApiError,
  invalidOption,
  manyProjectsForRegion,
  noProjectForRegion,
  unexpectedResponse,
} from "./errors";
import { isDead } from "./images";
import { HttpTransport, path, type HttpRequest, type HttpResponse } from "./http";
import { loggerFromEnv, SILENT, type Logger } from "./log";
import { exponentialDelay } from "./poll-strategy";
import {
  abortedDuring,
  classifyFailure,
  flowControlDelayMs,
  isFlowControl,
  nextRetryDelay,
  retryIdempotent,
  withRetries,
  type RetryRuntime,
} from "./retry";
import type { QueryPair } from "./signer";
import { realSleep, waitUntil, type WaitOutcome } from "./waiter";

export interface CopyBody {
  readonly name: string;
  readonly description?: string;
  readonly cmk_id?: string;
  readonly enterprise_project_id?: string;
}

/** A copy submission refused by flow control, about to be resubmitted. */
export interface FlowControlWait {
  /** The refusal (`IMG.0060` or HTTP 429). */
  readonly error: ImsApiError;
  /** Copy requests sent so far, refused or failed. */
  readonly attempts: number;
  /** Flow-control refusals so far. */
  readonly refusals: number;
  /** Since the call started. */
  readonly elapsedMs: number;
  /** Wait before the next submission. */
  readonly delayMs: number;
}

export interface CopyOptions {
  readonly signal?: AbortSignal;
  /**
   * How long flow-control refusals are resubmitted, from the call's start; also caps the retries
   * of other failures. The create step passes what is left of its create timeout.
   * @default retry.deadlineMs
   */
  readonly deadlineMs?: number;
  /** Called at each flow-control refusal before waiting (e.g. to print a progress line). */
  readonly onFlowControl?: (wait: FlowControlWait) => void;
  /**
   * After an ambiguous failure: the copy this call may have created (submitted since `startedAt`).
   * @default - `findCopy(sourceImageId, body.name, startedAt)`
   */
  readonly findSubmitted?: (startedAt: number) => Promise<Image | undefined>;
}

/** `jobId` when the POST answered; only `imageId` when an ambiguous failure was resolved by finding the copy. */
export interface CopySubmission {
  readonly jobId?: string;
  readonly imageId?: string;
  readonly adopted: boolean;
}

export interface Job {
  readonly jobId: string;
  readonly jobType?: string;
  /** `INIT`, `RUNNING`, `SUCCESS`, `FAIL`. */
  readonly status: string;
  readonly imageId?: string;
  /**
   * 0..1. Progress only: it may stay low even at SUCCESS (a documented example shows 0.20), so
   * it never decides whether the job is done.
   */
  readonly processPercent?: number;
  /** The failure's code: top-level `error_code`, else `entities.error_code`, else `entities.addition_error_code`. */
  readonly errorCode?: string | null;
  /**
   * The failure's reason: top-level `fail_reason`, else `entities.error`, else
   * `entities.addition_error_msg`; the additional code and message follow in parentheses when
   * they add something, e.g. `disk copy failed (KMS.0205: key disabled)`.
   */
  readonly failReason?: string | null;
  /** `entities.addition_error_code`, verbatim. */
  readonly additionErrorCode?: string;
  /** `entities.addition_error_msg`, verbatim. */
  readonly additionErrorMessage?: string;
  readonly beginTime?: string;
  readonly endTime?: string;
  readonly raw: unknown;
}

export interface Tag {
  readonly key: string;
  readonly value: string;
}

export type Image = Record<string, unknown> & { id: string; name: string; status: string };

export interface PatchOp {
  readonly op: "add" | "replace" | "remove";
  readonly path: string;
  readonly value?: unknown;
}

/** Codes meaning "no such image". */
const NOT_FOUND_CODES = new Set(["IMG.0027", "IMG.0086", "IMG.0144"]);
const DEFAULT_PAGE_SIZE = 100;

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}

function optString(x: unknown): string | undefined {
  return typeof x === "string" && x !== "" ? x : undefined;
}

export function isNotFound(error: unknown): boolean {
  return (
    ImsApiError.isImsApiError(error) &&
    error.kind === "http" &&
    (error.status === 404 || NOT_FOUND_CODES.has(error.code ?? ""))
  );
}

/**
 * Where a job carries its failure: ShowJob documents top-level `error_code` / `fail_reason`, and
 * `entities` "returns an error code and message when the job is abnormal" (`error_code`, `error`,
 * `addition_error_code`, `addition_error_msg`). Which the service fills is UNVERIFIED: read all.
 */
function failureOf(
  data: Record<string, unknown>,
  entities: Record<string, unknown>,
): Pick<Job, "errorCode" | "failReason" | "additionErrorCode" | "additionErrorMessage"> {
  const additionErrorCode = optString(entities.addition_error_code);
  const additionErrorMessage = optString(entities.addition_error_msg);
  const errorCode = optString(data.error_code) ?? optString(entities.error_code) ?? additionErrorCode ?? null;
  const reason = optString(data.fail_reason) ?? optString(entities.error);
  const addition = [additionErrorCode !== errorCode ? additionErrorCode : undefined, additionErrorMessage]
    .filter((part): part is string => part !== undefined && !(reason ?? "").includes(part))
    .join(": ");
  const failReason =
    reason !== undefined ? (addition ? `${reason} (${addition})` : reason) : addition ? addition : null;
  return {
    errorCode,
    failReason,
    ...(additionErrorCode !== undefined ? { additionErrorCode } : {}),
    ...(additionErrorMessage !== undefined ? { additionErrorMessage } : {}),
  };
}

/** Parses a ShowJob / ShowJobProgress body. */
export function parseJob(data: unknown, operation: string, res: HttpResponse): Job {
  if (!isObject(data) || typeof data.status !== "string" || data.status === "")
    throw unexpectedResponse(operation, res.status, res.requestId, "the job has no status");
  const entities = isObject(data.entities) ? data.entities : {};
  const rawPercent = entities.process_percent;
  const percent =
    typeof rawPercent === "number"
      ? rawPercent
      : typeof rawPercent === "string" && rawPercent.trim() !== ""
        ? Number(rawPercent)
        : undefined;
  const job: Job = {
    jobId: optString(data.job_id) ?? "",
    jobType: optString(data.job_type),
    status: data.status,
    imageId: optString(entities.image_id),
    processPercent:
      percent !== undefined && Number.isFinite(percent) ? Math.min(1, Math.max(0, percent)) : undefined,
    ...failureOf(data, entities),
    beginTime: optString(data.begin_time),
    endTime: optString(data.end_time),
    raw: data,
  };
  return job;
}

function parseImage(x: unknown, operation: string, res: HttpResponse): Image {
  if (
    !isObject(x) ||
    typeof x.id !== "string" ||
    typeof x.status !== "string" ||
    typeof x.name !== "string"
  ) {
    throw unexpectedResponse(operation, res.status, res.requestId, "an image has no id, name or status");
  }
  return x as Image;
}

function parseImages(res: HttpResponse, operation: string): Image[] {
  if (!isObject(res.data) || !Array.isArray(res.data.images))
    throw unexpectedResponse(operation, res.status, res.requestId, 'the body has no "images" array');
  return res.data.images.map((i) => parseImage(i, operation, res));
}

/** Milliseconds since epoch of an IMS timestamp such as `2018-09-06T14:03:27Z`; undefined when unparsable. */
export function parseImsTime(value: unknown): number | undefined {
  if (typeof value !== "string" || value === "") return undefined;
  const ms = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value : value.replace(" ", "T") + "Z");
  return Number.isNaN(ms) ? undefined : ms;
}

export class ImsClient {
  /** Reads credentials, region, project and endpoints from `env` (see `configFromEnv`). */
  static fromEnv(
    env: NodeJS.ProcessEnv = process.env,
    overrides?: ConfigOverrides,
    options: ClientOptions = {},
  ): ImsClient {
    const config = configFromEnv(env, overrides);
    return new ImsClient(config, { ...options, logger: options.logger ?? loggerFromEnv(env, DEBUG_ENV) });
  }

  /** Held in an ES private field so that inspecting or serializing the client never shows the credentials. */
  readonly #config: ClientConfig;
  private readonly transport: HttpTransport;
  private readonly retry: RetryOptions;
  private readonly logger: Logger;
  /** Clock for deadlines and adoption windows. */
  readonly now: () => number;
  readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  private readonly random: () => number;
  private readonly adoptionSkewMs: number;
  private project?: Promise<string>;

  constructor(config: ClientConfig, options: ClientOptions = {}) {
    this.#config = config;
    this.retry = resolveRetry(options.retry);
    this.logger = options.logger ?? SILENT;
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? realSleep;
    this.random = options.random ?? Math.random;
    this.adoptionSkewMs = options.adoptionClockSkewMs ?? 5 * 60_000;
    this.transport = new HttpTransport(options.axios ?? axios.create(), {
      credentials: config.credentials,
      requestTimeoutMs: options.requestTimeoutMs ?? 30_000,
      maxResponseBytes: options.maxResponseBytes ?? 8 * 1024 * 1024,
      logger: this.logger,
      signingClock: options.signingClock ?? Date.now,
    });
  }

  /** Region, endpoints and (when configured) project ID; never the credentials. */
  get settings(): {
    readonly region: string;
    readonly projectId?: string;
    readonly imsEndpoint: string;
    readonly iamEndpoint: string;
  } {
    const { region, projectId, imsEndpoint, iamEndpoint } = this.#config;
    return projectId ? { region, projectId, imsEndpoint, iamEndpoint } : { region, imsEndpoint, iamEndpoint };
  }

  private runtime(signal?: AbortSignal): RetryRuntime {
    return {
      policy: this.retry,
      now: this.now,
      sleep: this.sleep,
      random: this.random,
      signal,
      onRetry: (error, retry, delayMs) =>
        this.logger.debug(`retry ${retry} in ${delayMs} ms after: ${(error as Error).message}`),
    };
  }

  /** Sends an idempotent request with retries. */
  private call(req: HttpRequest): Promise<HttpResponse> {
    return withRetries(() => this.transport.send(req), retryIdempotent, this.runtime(req.signal));
  }

  private async ims(req: Omit<HttpRequest, "baseUrl" | "projectId">): Promise<HttpResponse> {
    const projectId = await this.projectId();
    return this.call({ ...req, baseUrl: this.#config.imsEndpoint, projectId });
  }

  /** `HW_PROJECT_ID`, or the one IAM project named after the region (cached). */
  projectId(): Promise<string> {
    if (this.#config.projectId) return Promise.resolve(this.#config.projectId);
    if (!this.project) {
      this.project = this.lookUpProject();
      this.project.catch(() => (this.project = undefined));
    }
    return this.project;
  }

  private async lookUpProject(): Promise<string> {
    const operation = "look up project";
    const res = await this.call({
      method: "GET",
      baseUrl: this.#config.iamEndpoint,
      path: "/v3/projects",
      query: [["name", this.#config.region]],
      operation,
    });
    if (!isObject(res.data) || !Array.isArray(res.data.projects))
      throw unexpectedResponse(operation, res.status, res.requestId, 'the body has no "projects" array');
    const ids = res.data.projects
      .filter(isObject)
      .map((p) => optString(p.id))
      .filter((id): id is string => id !== undefined);
    if (ids.length === 0) throw noProjectForRegion(this.#config.region, res.requestId);
    if (ids.length > 1) throw manyProjectsForRegion(this.#config.region, ids);
    return ids[0];
  }

  /**
   * `POST /v1/cloudimages/{id}/copy`. Never retried blindly:
   * - flow-control refusals (`IMG.0060`, HTTP 429: the service did nothing, a job slot is busy)
   *   are resubmitted after short jittered waits (`retry.flowControlMaxDelayMs`, honouring
   *   `Retry-After`) until `opts.deadlineMs` runs out, however many attempts that takes; each one
   *   is reported to `opts.onFlowControl`. They end any streak of other failures;
   * - other failures where the service certainly did nothing (503, connection refused) are
   *   retried with backoff, at most `retry.maxAttempts` consecutive attempts within
   *   `retry.deadlineMs` of the streak's first attempt (and within `opts.deadlineMs`);
   * - after an ambiguous failure (timeout, reset, 500/502/504) it first looks for the copy
   *   (same name, `__originalimagename` = source, not deleted/killed, created at/after the
   *   submission started minus `adoptionClockSkewMs`); found: `{ imageId, adopted: true }`;
   *   not found: resubmits, within the same budget. It looks once more at the first flow-control
   *   refusal after that (the refused slot may be taken by our own processed request).
   */
  async copyImageInRegion(
    sourceImageId: string,
    body: CopyBody,
    opts: CopyOptions = {},
  ): Promise<CopySubmission> {
    const operation = "copy image";
    const projectId = await this.projectId();
    const rt = this.runtime(opts.signal);
    const startedAt = this.now();
    const deadlineMs = opts.deadlineMs ?? this.retry.deadlineMs;
    if (!Number.isFinite(deadlineMs) || deadlineMs < 0)
      throw invalidOption("deadlineMs", deadlineMs, "must be a finite number of milliseconds of at least 0");
    const deadlineAt = startedAt + deadlineMs;
    const req: HttpRequest = {
      method: "POST",
      baseUrl: this.#config.imsEndpoint,
      path: path`/v1/cloudimages/${sourceImageId}/copy`,
      body,
      projectId,
      operation,
      enterpriseProject:
        body.enterprise_project_id !== undefined &&
        body.enterprise_project_id !== "" &&
        body.enterprise_project_id !== "0",
      signal: opts.signal,
    };
    const findSubmitted =
      opts.findSubmitted ?? ((since: number) => this.findCopy(sourceImageId, body.name, since));
    let sawAmbiguous = false;
    /** An ambiguous failure happened and no flow-control refusal has been checked against it yet. */
    let recheckOnRefusal = false;
    let refusals = 0;
    /** Consecutive failures other than flow control, and when the first of them was sent. */
    let streak = 0;
    let streakStartedAt = startedAt;
    for (let attempt = 1; ; attempt++) {
      const sentAt = this.now();
      try {
        const res = await this.transport.send(req);
        const jobId = isObject(res.data) ? optString(res.data.job_id) : undefined;
        if (!jobId)
          throw unexpectedResponse(
            operation,
            res.status,
            res.requestId,
            'the copy was accepted but the body has no "job_id"',
          );
        return { jobId, adopted: false };
      } catch (error) {
        if (opts.signal?.aborted) throw error;
        if (isFlowControl(error)) {
          refusals++;
          streak = 0;
          if (recheckOnRefusal) {
            recheckOnRefusal = false;
            const found = await findSubmitted(startedAt);
            if (found) {
              this.logger.debug(`adopted image ${found.id} after: ${(error as Error).message}`);
              return { imageId: found.id, adopted: true };
            }
          }
          const now = this.now();
          const delay = flowControlDelayMs(error, refusals, now, this.random, this.retry);
          if (now + delay > deadlineAt)
            throw flowControlExhausted(error as ImsApiError, refusals, now - startedAt);
          opts.onFlowControl?.({
            error: error as ImsApiError,
            attempts: attempt,
            refusals,
            elapsedMs: now - startedAt,
            delayMs: delay,
          });
          this.logger.debug(
            `flow control: resubmitting in ${delay} ms (attempt ${attempt}, refusal ${refusals}) after: ${(error as Error).message}`,
          );
          await this.sleep(delay, opts.signal);
          if (opts.signal?.aborted) throw abortedDuring(error);
          continue;
        }
        const kind = classifyFailure(error);
        const nameTaken = sawAmbiguous && ImsApiError.isImsApiError(error) && error.code === "IMG.0009";
        if (kind === "fatal" && !nameTaken) throw error;
        if (streak++ === 0) streakStartedAt = sentAt;
        let delay = nextRetryDelay(error, streak, streakStartedAt, rt);
        if (delay !== undefined && this.now() + delay > deadlineAt) delay = undefined;
        if (delay !== undefined) {
          rt.onRetry?.(error, streak, delay);
          // Back off first: a request the service is still processing then shows up in the listing.
          await this.sleep(delay, opts.signal);
          if (opts.signal?.aborted) throw abortedDuring(error);
        }
        if (kind === "ambiguous" || nameTaken) {
          sawAmbiguous = true;
          recheckOnRefusal = true;
          const found = await findSubmitted(startedAt);
          if (found) {
            this.logger.debug(`adopted image ${found.id} after: ${(error as Error).message}`);
            return { imageId: found.id, adopted: true };
          }
          // The name is taken by something that is not our copy: resubmitting cannot help.
          if (nameTaken) throw error;
        }
        if (delay === undefined) throw error;
      }
    }
  }

  /**
   * The copy of `sourceImageId` named `name` created at or after `notBefore` (minus the clock
   * skew allowance) that is not deleted or killed; the newest when several match.
   */
  async findCopy(sourceImageId: string, name: string, notBefore: number): Promise<Image | undefined> {
    const images = await this.listImages({ name });
    const candidates = images.filter((i) => {
      if (i.name !== name || i.__originalimagename !== sourceImageId || isDead(i)) return false;
      const created = parseImsTime(i.created_at);
      return created !== undefined && created >= notBefore - this.adoptionSkewMs;
    });
    candidates.sort((a, b) => (parseImsTime(b.created_at) ?? 0) - (parseImsTime(a.created_at) ?? 0));
    return candidates[0];
  }

  /** `GET /v1/{project_id}/jobs/{job_id}` */
  async showJob(jobId: string): Promise<Job> {
    const projectId = await this.projectId();
    const operation = "show job";
    const res = await this.ims({ method: "GET", path: path`/v1/${projectId}/jobs/${jobId}`, operation });
    return parseJob(res.data, operation, res);
  }

  /** `GET /v1/cloudimages/job/{job_id}`: like `showJob`, with `process_percent`. */
  async showJobProgress(jobId: string): Promise<Job> {
    const operation = "show job progress";
    const res = await this.ims({ method: "GET", path: path`/v1/cloudimages/job/${jobId}`, operation });
    return parseJob(res.data, operation, res);
  }

  /** `GET /v2/cloudimages?id=`; undefined when the image does not exist. */
  async getImage(imageId: string): Promise<Image | undefined> {
    const operation = "get image";
    const res = await this.ims({
      method: "GET",
      path: "/v2/cloudimages",
      query: [["id", imageId]],
      operation,
    });
    return parseImages(res, operation).find((i) => i.id === imageId);
  }

  /** `GET /v2/cloudimages` with the filter, following `marker` paging until an empty or short page. */
  async listImages(filter: Record<string, string>, opts: { pageSize?: number } = {}): Promise<Image[]> {
    const operation = "list images";
    const pageSize = opts.pageSize ?? DEFAULT_PAGE_SIZE;
    if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 500)
      throw invalidOption("pageSize", pageSize, "must be an integer from 1 to 500");
    for (const key of ["limit", "marker"]) {
      if (key in filter)
        throw invalidOption(
          `filter.${key}`,
          filter[key],
          "is set by the paging itself; pass opts.pageSize instead",
        );
    }
    const base: QueryPair[] = Object.entries(filter);
    const all: Image[] = [];
    const seen = new Set<string>();
    let marker: string | undefined;
    for (;;) {
      const query: QueryPair[] = [...base, ["limit", String(pageSize)]];
      if (marker) query.push(["marker", marker]);
      const res = await this.ims({ method: "GET", path: "/v2/cloudimages", query, operation });
      const page = parseImages(res, operation);
      for (const image of page) {
        if (seen.has(image.id))
          throw unexpectedResponse(
            operation,
            res.status,
            res.requestId,
            `image ${image.id} was listed twice while paging`,
          );
        seen.add(image.id);
        all.push(image);
      }
      if (page.length < pageSize) return all;
      marker = page[page.length - 1].id;
    }
  }

  /** `PATCH /v2/cloudimages/{id}`; a `replace` refused with IMG.0035 (attribute absent) is retried as `add`, as the official provider does. */
  async updateImage(imageId: string, ops: PatchOp[]): Promise<Image> {
    const operation = "update image";
    const send = (body: PatchOp[]): Promise<HttpResponse> =>
      this.ims({ method: "PATCH", path: path`/v2/cloudimages/${imageId}`, body, operation });
    let res: HttpResponse;
    try {
      res = await send(ops);
    } catch (error) {
      const retryAsAdd =
        ImsApiError.isImsApiError(error) && error.code === "IMG.0035" && ops.some((o) => o.op === "replace");
      if (!retryAsAdd) throw error;
      this.logger.debug(`IMG.0035 on replace: retrying as add`);
      res = await send(ops.map((o) => (o.op === "replace" ? { ...o, op: "add" as const } : o)));
    }
    return parseImage(res.data, operation, res);
  }

  /** `GET /v2/{project_id}/images/{id}/tags` */
  async listTags(imageId: string): Promise<Tag[]> {
    const operation = "list tags";
    const projectId = await this.projectId();
    const res = await this.ims({
      method: "GET",
      path: path`/v2/${projectId}/images/${imageId}/tags`,
      operation,
    });
    if (!isObject(res.data) || !Array.isArray(res.data.tags))
      throw unexpectedResponse(operation, res.status, res.requestId, 'the body has no "tags" array');
    return res.data.tags
      .filter(isObject)
      .map((t) => ({ key: String(t.key ?? ""), value: String(t.value ?? "") }));
  }

  /** `POST /v2/{project_id}/images/{id}/tags/action` with `create` (adds or overwrites). */
  async addTags(imageId: string, tags: Tag[]): Promise<void> {
    await this.tagAction(imageId, "create", tags, "add tags");
  }

  /** `POST /v2/{project_id}/images/{id}/tags/action` with `delete` (absent tags are fine). */
  async deleteTags(imageId: string, tags: Tag[]): Promise<void> {
    await this.tagAction(imageId, "delete", tags, "delete tags");
  }

  private async tagAction(
    imageId: string,
    action: "create" | "delete",
    tags: Tag[],
    operation: string,
  ): Promise<void> {
    if (tags.length === 0) return;
    const projectId = await this.projectId();
    await this.ims({
      method: "POST",
      path: path`/v2/${projectId}/images/${imageId}/tags/action`,
      body: { action, tags: tags.map((t) => ({ key: t.key, value: t.value })) },
      operation,
    });
  }

  /** `DELETE /v2/images/{id}`; "already-gone" when the service says it does not exist. */
  async deleteImage(imageId: string): Promise<"deleted" | "already-gone"> {
    try {
      await this.ims({ method: "DELETE", path: path`/v2/images/${imageId}`, operation: "delete image" });
      return "deleted";
    } catch (error) {
      if (isNotFound(error)) return "already-gone";
      throw error;
    }
  }

  /** Polls `GET /v2/cloudimages?id=` until the image is no longer listed (or listed as deleted). */
  waitImageDeleted(
    imageId: string,
    opts: { timeoutMs: number; signal?: AbortSignal; minDelayMs?: number; maxDelayMs?: number },
  ): Promise<WaitOutcome<void>> {
    return waitUntil<void>({
      check: async () => {
        const image = await this.getImage(imageId);
        return image === undefined || image.status === "deleted"
          ? { done: "success", value: undefined }
          : { done: false };
      },
      delay: exponentialDelay({ minDelayMs: opts.minDelayMs ?? 1000, maxDelayMs: opts.maxDelayMs ?? 10_000 }),
      timeoutMs: opts.timeoutMs,
      now: this.now,
      sleep: this.sleep,
      signal: opts.signal,
    });
  }
}
