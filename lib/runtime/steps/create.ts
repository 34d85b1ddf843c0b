/**
 * `create`: the create step of the contract (docs/CONTRACTS.md, "Create step"), idempotent.
 *
 * 1. Validate the environment.
 * 2. Adopt an existing copy for this marker: the local job record (fast path), then images tagged
 *    with the marker, then images with the same name whose `__originalimagename` is the source,
 *    alive, and carrying no other marker.
 * 3. Else POST the copy (refused by flow control: resubmitted until the create timeout, with a
 *    "waiting for a copy slot" line at most every 30 s), record the job locally, learn the new image ID from the job as soon as
 *    it appears and tag it with the marker at once (after success if the service refuses).
 * 4. Wait with progress-predicting polling, printing progress; on FAIL delete the failed image.
 * 5. Set user tags + marker, write the result file, remove the local job record.
 */
import { resolve } from "node:path";
import { MARKER_TAG_KEY } from "../../shared/constants";
import type { FlowControlWait, ImsClient, Image, Job } from "../client";
import { isNotFound } from "../client";
import {
  ImsApiError,
  JobFailedError,
  jobFailed,
  unexpectedResponse,
  waitAborted,
  waitTimedOut,
} from "../errors";
import { progressPredictingDelay } from "../poll-strategy";
import { waitUntil } from "../waiter";
import { clientFor } from "./client-factory";
import type { StepContext } from "./context";
import { readCreateInput, type CreateInput } from "./env";
import { readJobRecord, removeJobRecord, writeJobRecord, type JobRecord } from "./job-record";
import { adoptionConflict } from "./messages";
import { formatElapsed, PROGRESS_INTERVAL_MS, ProgressPrinter } from "./progress";
import { writeResultFile } from "./result-file";
import { reconcileAttributes } from "./attributes";
import { markerOf, markerTag } from "./tags";

/** Statuses of an image that will never become usable. */
const DEAD = new Set(["deleted", "killed"]);
/** Polling bounds of the copy wait. */
export const MIN_POLL_MS = 1000;
export const MAX_POLL_MS = 60_000;

/** What the create step tracks: a job to wait for, or (adopted without job) an image. */
type Tracked =
  | { readonly jobId: string; readonly imageId?: string }
  | { readonly jobId?: undefined; readonly imageId: string };

interface Run {
  readonly ctx: StepContext;
  readonly input: CreateInput;
  readonly client: ImsClient;
  readonly printer: ProgressPrinter;
  readonly stateDir: string;
  /** Wall-clock start of this run: the create timeout counts from here. */
  readonly startedAt: number;
}

export async function runCreate(ctx: StepContext): Promise<void> {
  const input = readCreateInput(ctx.env);
  const client = clientFor(ctx, input.target);
  const run: Run = {
    ctx,
    input,
    client,
    printer: new ProgressPrinter({ write: ctx.out, now: ctx.now, label: input.constructPath }),
    stateDir: resolve(ctx.cwd, input.stateDir),
    startedAt: ctx.now(),
  };

  const tracked = (await adopt(run)) ?? (await submit(run));
  const imageId =
    tracked.jobId !== undefined
      ? await waitForJob(run, tracked.jobId, tracked.imageId)
      : await waitForImage(run, tracked.imageId);

  // A fresh copy only gets its tags here; an adopted one may also carry an older name or description.
  const image = await client.getImage(imageId);
  if (!image)
    throw unexpectedResponse(
      "get image",
      200,
      undefined,
      `image ${imageId} is not listed although its copy succeeded`,
    );
  const changed = await reconcileAttributes(client, image, {
    name: input.name,
    description: input.description ?? "",
    tags: input.tags,
    marker: input.marker,
  });
  const untagged = changed.filter((c) => !c.startsWith("set tags"));
  if (untagged.length > 0) run.printer.line(`image ${imageId}: ${untagged.join("; ")}`);
  const resultPath = writeResultFile(input.resultFile, ctx.cwd, imageId);
  removeJobRecord(run.stateDir, input.marker);
  run.printer.line(
    `new image ID: ${imageId} (copy of ${input.sourceImageId} named ${JSON.stringify(input.name)}, ${formatElapsed(ctx.now() - run.startedAt)}; result in ${resultPath})`,
  );
}

// ------------------------------------------------------------------ step 2: adoption

async function adopt(run: Run): Promise<Tracked | undefined> {
  return (await fromRecord(run)) ?? (await byMarkerTag(run)) ?? (await byNameAndSource(run));
}

async function fromRecord(run: Run): Promise<Tracked | undefined> {
  const { ctx, input, client, printer } = run;
  const record = readJobRecord(run.stateDir, input.marker, ctx.warn);
  if (!record) return undefined;
  if (record.sourceImageId !== input.sourceImageId) {
    ctx.warn(
      `ignoring the local job record of marker ${input.marker}: it is for source ${record.sourceImageId}, not ${input.sourceImageId}`,
    );
    return undefined;
  }
  if (record.jobId) {
    try {
      const job = await client.showJob(record.jobId);
      printer.line(
        `resuming the copy started earlier: job ${record.jobId} is ${job.status}${(record.imageId ?? job.imageId) ? `, image ${record.imageId ?? job.imageId}` : ""}`,
      );
      return { jobId: record.jobId, imageId: job.imageId ?? record.imageId };
    } catch (error) {
      if (!isNotFound(error)) throw error;
      ctx.warn(
        `the local job record names job ${record.jobId}, which IMS no longer knows: looking for the image instead`,
      );
    }
  }
  if (record.imageId) {
    const image = await client.getImage(record.imageId);
    if (image && !DEAD.has(image.status)) {
      printer.line(`resuming the copy started earlier: image ${image.id} is ${image.status}`);
      return { imageId: image.id };
    }
  }
  return undefined;
}

async function byMarkerTag(run: Run): Promise<Tracked | undefined> {
  const { input, client, printer } = run;
  const images = (await client.listImages({ tag: `${MARKER_TAG_KEY}=${input.marker}` })).filter(
    (i) => !DEAD.has(i.status),
  );
  if (images.length === 0) return undefined;
  const chosen = pick(images);
  if (images.length > 1)
    run.ctx.warn(
      `${images.length} images carry ${MARKER_TAG_KEY}=${input.marker} (${images.map((i) => i.id).join(", ")}); adopting ${chosen.id}`,
    );
  printer.line(`found the copy of this construct by its marker tag: image ${chosen.id} is ${chosen.status}`);
  return { imageId: chosen.id };
}

async function byNameAndSource(run: Run): Promise<Tracked | undefined> {
  const { input, client, printer, ctx } = run;
  const candidates = (await client.listImages({ name: input.name })).filter(
    (i) =>
      i.name === input.name &&
      i.__originalimagename === input.sourceImageId &&
      !DEAD.has(i.status) &&
      (input.kmsKeyId === undefined || i.__system__cmkid === input.kmsKeyId),
  );
  const free: Image[] = [];
  for (const image of candidates) {
    const other = markerOf(await client.listTags(image.id));
    if (other !== undefined && other !== input.marker) ctx.warn(adoptionConflict(image.id, other));
    else free.push(image);
  }
  if (free.length === 0) return undefined;
  const chosen = pick(free);
  printer.line(
    `found a copy of ${input.sourceImageId} named ${JSON.stringify(input.name)} without marker: adopting image ${chosen.id} (${chosen.status})`,
  );
  await tagMarkerEarly(run, chosen.id);
  return { imageId: chosen.id };
}

/** Prefers an active image, then the newest. */
function pick(images: readonly Image[]): Image {
  const created = (i: Image): string => (typeof i.created_at === "string" ? i.created_at : "");
  return [...images].sort(
    (a, b) =>
      Number(b.status === "active") - Number(a.status === "active") || created(b).localeCompare(created(a)),
  )[0];
}

// ------------------------------------------------------------------ step 3: submission

async function submit(run: Run): Promise<Tracked> {
  const { input, client, printer, ctx } = run;
  const body = {
    name: input.name,
    ...(input.description !== undefined ? { description: input.description } : {}),
    ...(input.kmsKeyId !== undefined ? { cmk_id: input.kmsKeyId } : {}),
    ...(input.enterpriseProjectId !== undefined ? { enterprise_project_id: input.enterpriseProjectId } : {}),
  };
  const submission = await client.copyImageInRegion(input.sourceImageId, body, {
    signal: ctx.signal,
    deadlineMs: remainingMs(run),
    onFlowControl: slotWaitPrinter(run),
  });
  const record: JobRecord = {
    version: 1,
    marker: input.marker,
    sourceImageId: input.sourceImageId,
    name: input.name,
    ...(submission.jobId ? { jobId: submission.jobId } : {}),
    ...(submission.imageId ? { imageId: submission.imageId } : {}),
    submittedAt: ctx.now(),
  };
  writeJobRecord(run.stateDir, record);
  if (submission.jobId) {
    printer.line(
      `submitted the copy of ${input.sourceImageId} as ${JSON.stringify(input.name)}: job ${submission.jobId}`,
    );
    return { jobId: submission.jobId, imageId: submission.imageId };
  }
  if (!submission.imageId)
    throw unexpectedResponse(
      "copy image",
      200,
      undefined,
      "the copy returned neither a job ID nor an image ID",
    );
  printer.line(
    `the copy request of ${input.sourceImageId} was interrupted but the service had accepted it: image ${submission.imageId}`,
  );
  await tagMarkerEarly(run, submission.imageId);
  return { imageId: submission.imageId };
}

/**
 * Prints "waiting for a copy slot" at the first flow-control refusal, then at most once per
 * progress interval while the refusals go on (the client resubmits until the create timeout).
 */
function slotWaitPrinter(run: Run): (wait: FlowControlWait) => void {
  let lastAt: number | undefined;
  return (wait) => {
    const now = run.ctx.now();
    if (lastAt !== undefined && now - lastAt < PROGRESS_INTERVAL_MS) return;
    lastAt = now;
    const why =
      wait.error.code === "IMG.0060"
        ? "IMG.0060"
        : `HTTP ${wait.error.status}${wait.error.code ? ` ${wait.error.code}` : ""}`;
    run.printer.line(
      `waiting for a copy slot: ${why} flow control, ${wait.attempts} ${wait.attempts === 1 ? "attempt" : "attempts"}, elapsed ${formatElapsed(now - run.startedAt)}`,
    );
  };
}

/**
 * Tags the image with the marker as soon as its ID is known, so that a later run finds it even
 * without the local record. Returns false when the service refuses tags on a not-yet-active image
 * (the tags are then set after success).
 */
async function tagMarkerEarly(run: Run, imageId: string): Promise<boolean> {
  try {
    await run.client.addTags(imageId, [markerTag(run.input.marker)]);
    return true;
  } catch (error) {
    if (
      ImsApiError.isImsApiError(error) &&
      error.kind === "http" &&
      error.status !== undefined &&
      error.status >= 400 &&
      error.status < 500 &&
      error.status !== 401 &&
      error.status !== 403
    ) {
      return false;
    }
    throw error;
  }
}

// ------------------------------------------------------------------ step 4: waiting

function remainingMs(run: Run): number {
  return Math.max(0, run.input.createTimeoutMinutes * 60_000 - (run.ctx.now() - run.startedAt));
}

async function waitForJob(run: Run, jobId: string, knownImageId: string | undefined): Promise<string> {
  const { ctx, input, client, printer } = run;
  let imageId = knownImageId;
  /** Marker tag placed, or refused once (then it is set with the other tags after success). */
  let tagSettled = false;
  printer.start();
  const outcome = await waitUntil<Job>({
    check: async () => {
      const job = await client.showJob(jobId);
      if (job.imageId && job.imageId !== imageId) {
        imageId = job.imageId;
        const known = readJobRecord(run.stateDir, input.marker, ctx.warn);
        writeJobRecord(run.stateDir, {
          version: 1,
          marker: input.marker,
          sourceImageId: input.sourceImageId,
          name: input.name,
          jobId,
          imageId,
          submittedAt: known?.submittedAt ?? run.startedAt,
        });
        printer.line(`job ${jobId} is creating image ${imageId}`);
      }
      if (imageId && !tagSettled && job.status !== "FAIL" && job.status !== "SUCCESS") {
        await tagMarkerEarly(run, imageId);
        tagSettled = true;
      }
      if (job.status === "SUCCESS") return { done: "success", value: job };
      if (job.status === "FAIL") return { done: "failure", value: job };
      return { done: false, value: job, progress: job.processPercent };
    },
    delay: progressPredictingDelay({ minDelayMs: MIN_POLL_MS, maxDelayMs: MAX_POLL_MS }),
    timeoutMs: remainingMs(run),
    now: ctx.now,
    sleep: ctx.sleep,
    signal: ctx.signal,
    onProgress: (p) =>
      printer.tick(`job ${jobId}`, {
        status: p.value?.status,
        progress: p.progress,
        elapsedMs: ctx.now() - run.startedAt,
      }),
  });
  switch (outcome.state) {
    case "success": {
      const id = outcome.value.imageId ?? imageId;
      if (!id)
        throw unexpectedResponse(
          "show job",
          200,
          undefined,
          `job ${jobId} succeeded but names no image ID (entities.image_id)`,
        );
      return id;
    }
    case "failure": {
      const job = outcome.value;
      const failedImage = job.imageId ?? imageId;
      const cleanup = failedImage ? await deleteFailedImage(run, failedImage) : "none";
      removeJobRecord(run.stateDir, input.marker);
      throw jobFailed(jobId, job.errorCode ?? undefined, job.failReason ?? undefined, failedImage, cleanup);
    }
    case "timeout":
      throw waitTimedOut(`copy job ${jobId}`, jobId, imageId, input.createTimeoutMinutes * 60_000);
    case "aborted":
      throw waitAborted(`copy job ${jobId}`, jobId, imageId);
  }
}

/** Waits for an adopted image (no job known) to become active. */
async function waitForImage(run: Run, imageId: string): Promise<string> {
  const { ctx, input, client, printer } = run;
  printer.start();
  const outcome = await waitUntil<Image | undefined>({
    check: async () => {
      const image = await client.getImage(imageId);
      if (image?.status === "active") return { done: "success", value: image };
      if (image === undefined || DEAD.has(image.status)) return { done: "failure", value: image };
      return { done: false, value: image };
    },
    delay: progressPredictingDelay({ minDelayMs: MIN_POLL_MS, maxDelayMs: MAX_POLL_MS }),
    timeoutMs: remainingMs(run),
    now: ctx.now,
    sleep: ctx.sleep,
    signal: ctx.signal,
    onProgress: (p) =>
      printer.tick(`image ${imageId}`, { status: p.value?.status, elapsedMs: ctx.now() - run.startedAt }),
  });
  switch (outcome.state) {
    case "success":
      return imageId;
    case "failure": {
      const status = outcome.value?.status ?? "gone";
      const cleanup = outcome.value?.status === "killed" ? await deleteFailedImage(run, imageId) : "none";
      removeJobRecord(run.stateDir, input.marker);
      throw new JobFailedError(
        `The adopted copy, image ${imageId}, ended ${status === "gone" ? "deleted" : `in status "${status}"`}${cleanup === "deleted" ? " and was deleted" : cleanup === "delete-failed" ? " and could not be deleted: delete it by hand" : ""}. Run "terraform apply" again to start a new copy.`,
        "",
        undefined,
        `image status ${status}`,
        imageId,
      );
    }
    case "timeout":
      throw waitTimedOut(
        `image ${imageId} to become active`,
        undefined,
        imageId,
        input.createTimeoutMinutes * 60_000,
      );
    case "aborted":
      throw waitAborted(`image ${imageId} to become active`, undefined, imageId);
  }
}

async function deleteFailedImage(run: Run, imageId: string): Promise<"deleted" | "delete-failed"> {
  try {
    const r = await run.client.deleteImage(imageId);
    run.printer.line(
      r === "deleted"
        ? `deleted the failed copy, image ${imageId}`
        : `the failed copy, image ${imageId}, is already gone`,
    );
    return "deleted";
  } catch (error) {
    run.ctx.warn(
      `could not delete the failed copy, image ${imageId}: ${error instanceof Error ? error.message : String(error)}`,
    );
    return "delete-failed";
  }
}
