/**
 * The ONE copy workflow, run by the Terraform create step and by the `ims-image-copy` CLI alike:
 * find something to resume (the caller's finders, in order: its adoption policy), else decide the
 * encryption and submit the copy, then wait for the job (or, when only the image is known, for the
 * image to become active), and on failure delete the partial image only when it is proven to be
 * the copy. The callers add what is theirs through hooks (the create step tags and records the
 * image as soon as its ID is known).
 */
import type { CopyBody, FlowControlWait, Image, ImsClient, Job } from "./client";
import { isNotFound } from "./client";
import {
  encryptedSourceNeedsKey,
  imageKilled,
  invalidOption,
  jobFailed,
  unexpectedResponse,
  waitAborted,
  waitTimedOut,
} from "./errors";
import { ACTIVE_IMAGE_STATUS, isDead, notACopyOf } from "./images";
import { markerStateOf } from "./ownership";
import { formatElapsed } from "./steps/progress";
import { defaultDelayStrategy } from "./default-delay";
import type { DelayStrategy, PollTuning } from "./poll-strategy";
import { waitUntil, type WaitOutcome } from "./waiter";
import { checkImageId, checkJobId } from "../shared/rules";

export interface CopyProgress {
  readonly jobId?: string;
  /** Known as soon as the job reveals it (often while still RUNNING). */
  readonly imageId?: string;
  /** Job status (`INIT`, `RUNNING`) or image status (`queued`, `saving`) while waiting on the image. */
  readonly status?: string;
  /** 0..1 when the service reports it. */
  readonly percent?: number;
  readonly attempt: number;
  readonly elapsedMs: number;
}

export interface WaitCopyOptions {
  /** Budget for the whole wait. */
  readonly timeoutMs: number;
  readonly signal?: AbortSignal;
  readonly onProgress?: (p: CopyProgress) => void;
  readonly poll?: PollTuning;
}

/** What a finder found to resume: a job (maybe with its image), or an image alone. */
export type ResumeTarget =
  | { readonly jobId: string; readonly imageId?: string }
  | { readonly jobId?: undefined; readonly imageId: string };

/** Looks for a copy to resume instead of submitting one; undefined when there is none. It may also refuse (throw). */
export type Finder = () => Promise<ResumeTarget | undefined>;

export interface CopyHooks {
  /** One progress line (a submission, a resumption, a slot wait, a cleanup). */
  readonly line?: (text: string) => void;
  readonly warn?: (text: string) => void;
  /** After the copy was submitted, before waiting (e.g. to record the job so a re-run resumes it). */
  readonly onSubmitted?: (target: ResumeTarget) => void | Promise<void>;
  /**
   * Right before submitting: a last look that may find something to resume instead (e.g. a copy a
   * concurrent process submitted meanwhile). The caller may take a lock here that `onSubmitted`
   * releases.
   */
  readonly beforeSubmit?: () => Promise<ResumeTarget | undefined>;
  /**
   * The copy's image ID became known and the image was checked to be a copy of the source (not the
   * source itself): while the job runs, or at the start when a finder named it. Called once per ID.
   */
  readonly onImageKnown?: (imageId: string, jobId: string | undefined) => void | Promise<void>;
  /**
   * Whether a failed copy's image may be deleted, given its tags: the caller's ownership rule
   * (beyond the checks that it is a copy of the source and not active). @default - no marker tag
   */
  readonly mayDeletePartial?: (imageId: string) => Promise<boolean>;
}

export interface CopyRequest extends WaitCopyOptions {
  readonly sourceImageId: string;
  /** Name, description, enterprise project; `cmk_id` comes from `kmsKeyId` / `unencrypted`. */
  readonly body: Omit<CopyBody, "cmk_id">;
  /** KMS key of the copy. @default - the source's key when it is encrypted (see `encryptionOf`) */
  readonly kmsKeyId?: string;
  /** Make the copy of an encrypted source unencrypted (Huawei's documented way to decrypt). @default false */
  readonly unencrypted?: boolean;
  /** Tried in order before submitting; the first that finds something wins. @default - none */
  readonly finders?: readonly Finder[];
  readonly hooks?: CopyHooks;
}

export interface CopyResult {
  readonly imageId: string;
  readonly jobId?: string;
  /** Resumed from a finder or from an ambiguous submission, not a fresh job of this run. */
  readonly adopted: boolean;
  /** The finished image as last read. */
  readonly image: Image;
}

/** The settings of a copy as both executables hold them (the create step's input, the CLI's arguments). */
export interface CopySettings {
  readonly sourceImageId: string;
  readonly name: string;
  readonly description?: string;
  readonly kmsKeyId?: string;
  readonly enterpriseProjectId?: string;
  readonly unencrypted: boolean;
}

/** The part of a `CopyRequest` that `settings` decide. */
export function copyRequestOf(
  settings: CopySettings,
): Pick<CopyRequest, "sourceImageId" | "body" | "kmsKeyId" | "unencrypted"> {
  return {
    sourceImageId: settings.sourceImageId,
    body: {
      name: settings.name,
      ...(settings.description !== undefined ? { description: settings.description } : {}),
      ...(settings.enterpriseProjectId !== undefined
        ? { enterprise_project_id: settings.enterpriseProjectId }
        : {}),
    },
    ...(settings.kmsKeyId !== undefined ? { kmsKeyId: settings.kmsKeyId } : {}),
    unencrypted: settings.unencrypted,
  };
}

/**
 * After an ambiguous POST failure: the copy this run's request made (same name and source,
 * created since it started, see `ImsClient.findCopy`), carrying no marker tag yet: never an image
 * a deployment of the construct has tagged.
 */
function submittedByThisRun(client: ImsClient, sourceImageId: string, name: string) {
  return async (since: number): Promise<Image | undefined> => {
    const found = await client.findCopy(sourceImageId, name, since);
    return found && (await carriesNoMarker(client, found.id)) ? found : undefined;
  };
}

/** Spacing of the "waiting for a copy slot" lines. */
const SLOT_WAIT_LINE_INTERVAL_MS = 30_000;

/** Reads a bare ID as a job ID (32 hex characters) or an image ID (a UUID). */
export function resumeTargetOf(id: string): ResumeTarget {
  const lower = id.toLowerCase();
  if (checkJobId(lower) === undefined) return { jobId: id };
  if (checkImageId(lower) === undefined) return { imageId: id };
  throw invalidOption("id", id, "must be a copy job ID (32 hexadecimal characters) or an image ID (a UUID)");
}

function requireTimeout(timeoutMs: number): void {
  if (typeof timeoutMs !== "number" || !Number.isFinite(timeoutMs) || timeoutMs <= 0)
    throw invalidOption("timeoutMs", timeoutMs, "must be a finite number of milliseconds greater than 0");
}

const delayOf = (poll: PollTuning | undefined): DelayStrategy =>
  poll?.delay ? poll.delay() : defaultDelayStrategy();

/**
 * The encryption of a new copy. Huawei's guide presents an in-region copy WITHOUT `cmk_id` as the
 * way to make an unencrypted copy of an encrypted image, and its error table has IMG.0096 ("the KMS
 * key must differ from the image's key") among the copy's KMS codes; neither is verified. The one
 * choice safe under both: a copy of an encrypted source needs an explicit key (`kmsKeyId`) or an
 * explicit `unencrypted`; without either it is refused before anything is submitted.
 */
export function encryptionOf(
  source: Image,
  kmsKeyId: string | undefined,
  unencrypted: boolean,
): { readonly cmkId?: string; readonly note?: string } {
  if (kmsKeyId !== undefined) return { cmkId: kmsKeyId };
  const sourceKey = typeof source.__system__cmkid === "string" ? source.__system__cmkid : "";
  const encrypted = source.__system__encrypted === "1" || sourceKey !== "";
  if (!encrypted) return {};
  if (unencrypted)
    return { note: `the source ${source.id} is encrypted; the copy is made unencrypted, as asked` };
  throw encryptedSourceNeedsKey(source.id, sourceKey || undefined);
}

/**
 * Submits the copy (or resumes what a finder found, or what an ambiguous failure left behind) and
 * waits for it. Throws `JobFailedError` (after deleting a partial image proven to be the copy),
 * `WaitTimeoutError` or `WaitAbortedError`.
 */
export async function copyImageAndWait(client: ImsClient, req: CopyRequest): Promise<CopyResult> {
  requireTimeout(req.timeoutMs);
  const started = client.now();
  const hooks = req.hooks ?? {};
  for (const find of req.finders ?? []) {
    const found = await find();
    if (!found) continue;
    const remaining = Math.max(1, req.timeoutMs - (client.now() - started));
    return { ...(await resumeWait(client, found, { ...req, timeoutMs: remaining })), adopted: true };
  }

  const source = await client.getImage(req.sourceImageId);
  const encryption = source ? encryptionOf(source, req.kmsKeyId, req.unencrypted === true) : {};
  if (!source && req.kmsKeyId === undefined && !req.unencrypted)
    hooks.warn?.(`the source image ${req.sourceImageId} is not listed: its encryption cannot be checked`);
  if (encryption.note) hooks.line?.(encryption.note);
  const body: CopyBody = { ...req.body, ...(encryption.cmkId ? { cmk_id: encryption.cmkId } : {}) };
  const meanwhile = await hooks.beforeSubmit?.();
  if (meanwhile) {
    const remaining = Math.max(1, req.timeoutMs - (client.now() - started));
    return { ...(await resumeWait(client, meanwhile, { ...req, timeoutMs: remaining })), adopted: true };
  }
  const submission = await client.copyImageInRegion(req.sourceImageId, body, {
    signal: req.signal,
    deadlineMs: req.timeoutMs,
    onFlowControl: slotWaitLines(client, hooks, started),
    findSubmitted: submittedByThisRun(client, req.sourceImageId, body.name),
  });
  const target: ResumeTarget | undefined = submission.jobId
    ? { jobId: submission.jobId, ...(submission.imageId ? { imageId: submission.imageId } : {}) }
    : submission.imageId
      ? { imageId: submission.imageId }
      : undefined;
  if (!target)
    throw unexpectedResponse(
      "copy image",
      200,
      undefined,
      "the submission returned neither a job ID nor an image ID",
    );
  hooks.line?.(
    target.jobId
      ? `submitted the copy of ${req.sourceImageId} as ${JSON.stringify(body.name)}: job ${target.jobId}`
      : `the copy request of ${req.sourceImageId} was interrupted but the service had accepted it: image ${target.imageId}`,
  );
  await hooks.onSubmitted?.(target);
  const remaining = Math.max(1, req.timeoutMs - (client.now() - started));
  // A job submitted just now has not ended: its first poll waits the strategy's first delay.
  const result = await resumeWait(client, target, {
    ...req,
    timeoutMs: remaining,
    delayFirst: !submission.adopted,
  });
  return submission.adopted ? { ...result, adopted: true } : result;
}

/** "waiting for a copy slot" at the first flow-control refusal, then at most every 30 s while they go on. */
function slotWaitLines(
  client: ImsClient,
  hooks: CopyHooks,
  started: number,
): ((wait: FlowControlWait) => void) | undefined {
  if (!hooks.line) return undefined;
  let lastAt: number | undefined;
  return (wait) => {
    const now = client.now();
    if (lastAt !== undefined && now - lastAt < SLOT_WAIT_LINE_INTERVAL_MS) return;
    lastAt = now;
    const why =
      wait.error.code === "IMG.0060"
        ? "IMG.0060"
        : `HTTP ${wait.error.status}${wait.error.code ? ` ${wait.error.code}` : ""}`;
    hooks.line?.(
      `waiting for a copy slot: ${why} flow control, ${wait.attempts} ${wait.attempts === 1 ? "attempt" : "attempts"}, elapsed ${formatElapsed(now - started)}`,
    );
  };
}

/**
 * Polls the job (`GET /v1/cloudimages/job/{id}`, which reports `process_percent`; falls back to
 * `GET /v1/{project_id}/jobs/{id}` if that route is missing) until SUCCESS or FAIL. This is the
 * loop every copy waits in (and the one the completion benchmark measures).
 */
export function waitForJob(
  client: ImsClient,
  jobId: string,
  opts: WaitCopyOptions & {
    readonly onJob?: (job: Job) => void | Promise<void>;
    /** The job was submitted just now: the first poll waits the strategy's first delay. */
    readonly delayFirst?: boolean;
  },
): Promise<WaitOutcome<Job>> {
  requireTimeout(opts.timeoutMs);
  let useProgressRoute = true;
  const fetchJob = async (): Promise<Job> => {
    if (useProgressRoute) {
      try {
        return await client.showJobProgress(jobId);
      } catch (error) {
        if (!isNotFound(error)) throw error;
        useProgressRoute = false;
      }
    }
    return client.showJob(jobId);
  };
  return waitUntil<Job>({
    check: async () => {
      const job = await fetchJob();
      await opts.onJob?.(job);
      if (job.status === "SUCCESS") return { done: "success", value: job };
      if (job.status === "FAIL") return { done: "failure", value: job };
      return { done: false, value: job, progress: job.processPercent };
    },
    onProgress: (p) =>
      opts.onProgress?.({
        jobId,
        imageId: p.value?.imageId,
        status: p.value?.status,
        percent: p.progress,
        attempt: p.attempt,
        elapsedMs: p.elapsedMs,
      }),
    delay: delayOf(opts.poll),
    delayFirst: opts.delayFirst,
    timeoutMs: opts.timeoutMs,
    now: client.now,
    sleep: client.sleep,
    signal: opts.signal,
  });
}

/** Polls the image until `active` (success) or `killed` / `deleted` / gone (failure). */
export function waitForImageActive(
  client: ImsClient,
  imageId: string,
  opts: WaitCopyOptions,
): Promise<WaitOutcome<Image | undefined>> {
  requireTimeout(opts.timeoutMs);
  return waitUntil<Image | undefined>({
    check: async () => {
      const image = await client.getImage(imageId);
      if (image === undefined || isDead(image)) return { done: "failure", value: image };
      if (image.status === ACTIVE_IMAGE_STATUS) return { done: "success", value: image };
      return { done: false, value: image };
    },
    onProgress: (p) =>
      opts.onProgress?.({ imageId, status: p.value?.status, attempt: p.attempt, elapsedMs: p.elapsedMs }),
    delay: delayOf(opts.poll),
    timeoutMs: opts.timeoutMs,
    now: client.now,
    sleep: client.sleep,
    signal: opts.signal,
  });
}

/** Whether the image carries no marker tag of this library (the CLI's adoption rule, the default cleanup rule). */
export async function carriesNoMarker(client: ImsClient, imageId: string): Promise<boolean> {
  return markerStateOf(await client.listTags(imageId)).kind === "none";
}

type Cleanup =
  { readonly state: "deleted" | "none" } | { readonly state: "delete-failed"; readonly reason: string };

/**
 * Deletes a failed copy's image, but only one proven to be the copy: it is a copy of the source
 * (not the source), not active, and the caller's ownership rule allows it. A failure to delete is
 * reported in the job-failure message (the job failure stays the main error).
 */
async function removeFailedImage(
  client: ImsClient,
  imageId: string | undefined,
  sourceImageId: string | undefined,
  hooks: CopyHooks,
): Promise<Cleanup> {
  if (!imageId) return { state: "none" };
  try {
    const image = await client.getImage(imageId);
    if (!image || image.status === "deleted") return { state: "none" };
    const notCopy = sourceImageId ? notACopyOf(image, sourceImageId) : undefined;
    const refusal =
      notCopy ??
      (image.status === ACTIVE_IMAGE_STATUS ? `image ${imageId} is active` : undefined) ??
      ((await (hooks.mayDeletePartial ?? ((id: string) => carriesNoMarker(client, id)))(imageId))
        ? undefined
        : `image ${imageId} carries a marker that is not this copy's`);
    if (refusal) {
      hooks.warn?.(`not deleting the image the failed job names: ${refusal}`);
      return { state: "none" };
    }
    await client.deleteImage(imageId);
    hooks.line?.(`deleted the failed copy, image ${imageId}`);
    return { state: "deleted" };
  } catch (error) {
    return { state: "delete-failed", reason: error instanceof Error ? error.message : String(error) };
  }
}

/** The finished image, checked to be the copy of the source before anyone tags or records it. */
async function finishedImage(
  client: ImsClient,
  imageId: string,
  sourceImageId: string | undefined,
  what: string,
): Promise<Image> {
  const image = await client.getImage(imageId);
  if (!image)
    throw unexpectedResponse("get image", 200, undefined, `image ${imageId} is not listed although ${what}`);
  const notCopy = sourceImageId ? notACopyOf(image, sourceImageId) : undefined;
  if (notCopy)
    throw unexpectedResponse(
      "show job",
      200,
      undefined,
      `${what}, but ${notCopy}: it was not tagged, recorded or deleted`,
    );
  return image;
}

/**
 * Waits for an existing copy: by job when the job ID is known (the usual case, and what a re-run
 * after a timeout passes), else by image. A bare string is read as a job ID (32 hex characters) or
 * an image ID (a UUID).
 */
export async function resumeWait(
  client: ImsClient,
  what: ResumeTarget | string,
  opts: WaitCopyOptions & {
    readonly sourceImageId?: string;
    readonly hooks?: CopyHooks;
    /** The job was submitted just now (waitForJob). */
    readonly delayFirst?: boolean;
  },
): Promise<CopyResult> {
  const target = typeof what === "string" ? resumeTargetOf(what) : what;
  const hooks = opts.hooks ?? {};
  const source = opts.sourceImageId;
  /** IDs already checked (and reported to onImageKnown), and the last one that proved to be the copy. */
  const checked = new Set<string>();
  let known: string | undefined;
  const learn = async (
    imageId: string | undefined,
    jobId: string | undefined,
    read?: Image,
  ): Promise<void> => {
    if (!imageId || checked.has(imageId)) return;
    checked.add(imageId);
    const image = read ?? (source ? await client.getImage(imageId) : undefined);
    const notCopy =
      image && source ? notACopyOf(image, source) : source === imageId ? "it is the source" : undefined;
    if (notCopy) {
      hooks.warn?.(`the copy job names image ${imageId} as its result, but ${notCopy}: ignoring it`);
      return;
    }
    known = imageId;
    await hooks.onImageKnown?.(imageId, jobId);
  };

  if (target.jobId) {
    const jobId = target.jobId;
    await learn(target.imageId, jobId);
    const outcome = await waitForJob(client, jobId, {
      ...opts,
      // The image is tagged and recorded while the job runs; a SUCCESS or FAIL answer is handled below.
      onJob: (job) =>
        job.status === "SUCCESS" || job.status === "FAIL" ? undefined : learn(job.imageId, jobId),
    });
    switch (outcome.state) {
      case "success": {
        const imageId = outcome.value.imageId ?? known;
        if (!imageId)
          throw unexpectedResponse(
            "show job",
            200,
            undefined,
            `job ${jobId} succeeded but names no image ID (entities.image_id)`,
          );
        const image = await finishedImage(client, imageId, source, `copy job ${jobId} succeeded`);
        await learn(imageId, jobId, image);
        return { imageId, jobId, adopted: false, image };
      }
      case "failure": {
        const job = outcome.value;
        const imageId = job.imageId ?? known;
        const cleanup = await removeFailedImage(client, imageId, source, hooks);
        throw jobFailed(
          jobId,
          job.errorCode ?? undefined,
          job.failReason ?? undefined,
          imageId,
          cleanup.state,
          cleanup.state === "delete-failed" ? cleanup.reason : undefined,
        );
      }
      case "timeout":
        throw waitTimedOut("the copy job", jobId, outcome.last?.imageId ?? known, opts.timeoutMs);
      case "aborted":
        throw waitAborted("the copy job", jobId, outcome.last?.imageId ?? known);
    }
  }
  const imageId = target.imageId;
  if (!imageId) throw invalidOption("target", target, "must name a jobId or an imageId");
  await learn(imageId, undefined);
  const outcome = await waitForImageActive(client, imageId, opts);
  switch (outcome.state) {
    case "success": {
      const image = await finishedImage(client, imageId, source, `image ${imageId} became active`);
      return { imageId, adopted: true, image };
    }
    case "failure": {
      const cleanup = outcome.value
        ? await removeFailedImage(client, imageId, source, hooks)
        : { state: "none" as const };
      throw imageKilled(imageId, outcome.value?.status, cleanup.state === "deleted");
    }
    case "timeout":
      throw waitTimedOut("the copied image to become active", undefined, imageId, opts.timeoutMs);
    case "aborted":
      throw waitAborted("the copied image to become active", undefined, imageId);
  }
}
