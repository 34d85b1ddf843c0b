/**
 * Copy an image and wait for it: submit (or adopt), then wait for the job (or, when only the
 * image is known, for the image to become active). Failed jobs leave no partial image behind.
 */
import type { CopyBody, CopySubmission, Image, ImsClient, Job } from "./client";
import {
  imageKilled,
  invalidOption,
  jobFailed,
  unexpectedResponse,
  waitAborted,
  waitTimedOut,
} from "./errors";
import { isNotFound } from "./client";
import { progressPredictingDelay, type DelayStrategy } from "./poll-strategy";
import { waitUntil, type WaitOutcome } from "./waiter";

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

export interface PollTuning {
  /** Smallest delay between polls. @default 1000 (at most one call per second) */
  readonly minDelayMs?: number;
  /** Largest delay between polls. @default 30000 */
  readonly maxDelayMs?: number;
  /** Replaces the default progress-predicting strategy (create one per wait). */
  readonly delay?: () => DelayStrategy;
}

export interface WaitCopyOptions {
  /** Budget for the whole wait. */
  readonly timeoutMs: number;
  readonly signal?: AbortSignal;
  readonly onProgress?: (p: CopyProgress) => void;
  readonly poll?: PollTuning;
}

export interface CopyAndWaitOptions extends WaitCopyOptions {
  readonly sourceImageId: string;
  readonly body: CopyBody;
  /** Called once the copy is submitted or adopted, before waiting (e.g. to record the job ID so a re-run can resume). */
  readonly onSubmitted?: (s: CopySubmission) => void | Promise<void>;
}

export interface CopyResult {
  readonly imageId: string;
  readonly jobId?: string;
  readonly adopted: boolean;
}

export type ResumeTarget =
  | { readonly jobId: string; readonly imageId?: string }
  | { readonly jobId?: undefined; readonly imageId: string };

/** IMS job IDs are 32 hexadecimal characters; image IDs are UUIDs. */
const JOB_ID = /^[0-9a-f]{32}$/;
const IMAGE_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Reads a bare ID as a job ID (32 hex characters) or an image ID (a UUID). */
export function resumeTargetOf(id: string): ResumeTarget {
  const lower = id.toLowerCase();
  if (JOB_ID.test(lower)) return { jobId: id };
  if (IMAGE_ID.test(lower)) return { imageId: id };
  throw invalidOption(
    "id",
    JSON.stringify(id),
    "must be a copy job ID (32 hexadecimal characters) or an image ID (a UUID)",
  );
}

function delayOf(poll: PollTuning | undefined): DelayStrategy {
  return poll?.delay
    ? poll.delay()
    : progressPredictingDelay({ minDelayMs: poll?.minDelayMs, maxDelayMs: poll?.maxDelayMs });
}

function requireTimeout(timeoutMs: number): void {
  if (typeof timeoutMs !== "number" || !Number.isFinite(timeoutMs) || timeoutMs <= 0)
    throw invalidOption("timeoutMs", timeoutMs, "must be a finite number of milliseconds greater than 0");
}

/**
 * Polls the job (`GET /v1/cloudimages/job/{id}`, which reports `process_percent`; falls back to
 * `GET /v1/{project_id}/jobs/{id}` if that route is missing) until SUCCESS or FAIL.
 */
export function waitForJob(
  client: ImsClient,
  jobId: string,
  opts: WaitCopyOptions,
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
      if (image === undefined) return { done: "failure", value: undefined };
      if (image.status === "active") return { done: "success", value: image };
      if (image.status === "killed" || image.status === "deleted") return { done: "failure", value: image };
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

type Cleanup =
  { readonly state: "deleted" | "none" } | { readonly state: "delete-failed"; readonly reason: string };

/** Deletes a failed copy's image. A failure to delete is reported in the job-failure message (the job failure stays the main error). */
async function removeFailedImage(client: ImsClient, imageId: string | undefined): Promise<Cleanup> {
  if (!imageId) return { state: "none" };
  try {
    const image = await client.getImage(imageId);
    if (!image || image.status === "deleted") return { state: "none" };
    await client.deleteImage(imageId);
    return { state: "deleted" };
  } catch (error) {
    return { state: "delete-failed", reason: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Waits for an existing copy: by job when the job ID is known (the usual case, and what a
 * re-run after a timeout passes), else by image. A bare string is read as a job ID (32 hex
 * characters) or an image ID (a UUID). Throws `JobFailedError` (after deleting the
 * failed copy's image), `WaitTimeoutError` or `WaitAbortedError`.
 */
export async function resumeWait(
  client: ImsClient,
  what: ResumeTarget | string,
  opts: WaitCopyOptions,
): Promise<CopyResult> {
  const target = typeof what === "string" ? resumeTargetOf(what) : what;
  if (target.jobId) {
    let lastImageId = target.imageId;
    const outcome = await waitForJob(client, target.jobId, {
      ...opts,
      onProgress: (p) => {
        if (p.imageId) lastImageId = p.imageId;
        opts.onProgress?.(p);
      },
    });
    switch (outcome.state) {
      case "success": {
        const imageId = outcome.value.imageId ?? lastImageId;
        if (!imageId)
          throw unexpectedResponse(
            "show job",
            200,
            undefined,
            `job ${target.jobId} succeeded but names no image (entities.image_id)`,
          );
        return { imageId, jobId: target.jobId, adopted: false };
      }
      case "failure": {
        const job = outcome.value;
        const imageId = job.imageId ?? lastImageId;
        const cleanup = await removeFailedImage(client, imageId);
        throw jobFailed(
          target.jobId,
          job.errorCode ?? undefined,
          job.failReason ?? undefined,
          imageId,
          cleanup.state,
          cleanup.state === "delete-failed" ? cleanup.reason : undefined,
        );
      }
      case "timeout":
        throw waitTimedOut(
          "the copy job",
          target.jobId,
          outcome.last?.imageId ?? lastImageId,
          opts.timeoutMs,
        );
      case "aborted":
        throw waitAborted("the copy job", target.jobId, outcome.last?.imageId ?? lastImageId);
    }
  }
  const imageId = target.imageId;
  if (!imageId) throw invalidOption("target", JSON.stringify(target), "must name a jobId or an imageId");
  const outcome = await waitForImageActive(client, imageId, opts);
  switch (outcome.state) {
    case "success":
      return { imageId, adopted: true };
    case "failure": {
      const cleanup = outcome.value ? await removeFailedImage(client, imageId) : { state: "none" as const };
      throw imageKilled(imageId, outcome.value?.status, cleanup.state === "deleted");
    }
    case "timeout":
      throw waitTimedOut("the copied image to become active", undefined, imageId, opts.timeoutMs);
    case "aborted":
      throw waitAborted("the copied image to become active", undefined, imageId);
  }
}

/** Submits the copy (or adopts one an ambiguous failure left behind) and waits for it. */
export async function copyImageAndWait(client: ImsClient, opts: CopyAndWaitOptions): Promise<CopyResult> {
  requireTimeout(opts.timeoutMs);
  const started = client.now();
  const submission = await client.copyImageInRegion(opts.sourceImageId, opts.body, {
    signal: opts.signal,
    deadlineMs: opts.timeoutMs,
  });
  await opts.onSubmitted?.(submission);
  const remaining = Math.max(1, opts.timeoutMs - (client.now() - started));
  const target: ResumeTarget = submission.jobId
    ? { jobId: submission.jobId }
    : { imageId: submission.imageId ?? "" };
  if (!target.jobId && !target.imageId)
    throw unexpectedResponse(
      "copy image",
      200,
      undefined,
      "the submission returned neither a job nor an image",
    );
  const result = await resumeWait(client, target, { ...opts, timeoutMs: remaining });
  return submission.adopted ? { ...result, adopted: true } : result;
}
