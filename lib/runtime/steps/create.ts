/**
 * `create`: the create step of the contract (docs/CONTRACTS.md, "Create step"), idempotent, with
 * the ownership rules of lib/runtime/ownership.ts. It runs the one copy workflow
 * (`copyImageAndWait` of ../copy.ts) with this step's adoption policy, in order:
 * 1. `adoptImageId` set: that image and nothing else (explicit adoption);
 * 2. the local records of this directory (fast path): an unfinished job, or a copy a create step
 *    here completed whose state was lost;
 * 3. an image tagged with this deployment's marker and not yet completed (an interrupted attempt
 *    of this deployment, found even from a fresh runner);
 * 4. a completed copy of this declaration in this deployment that this state does not hold: a
 *    clear error, never a silent adoption (an unmarked copy under way is named in a warning);
 * else it submits a copy. As soon as the job names the image it is recorded and tagged with the
 * deployment marker; at the end the marker becomes this resource's claim, the user's tags are set
 * and the result file written.
 */
import { resolve } from "node:path";
import { MARKER_TAG_KEY } from "../../shared/constants";
import { isNotFound, type ImsClient, type Image } from "../client";
import { pollFromEnv } from "../config";
import { isServiceRefusal, JobFailedError } from "../errors";
import { copyImageAndWait, copyRequestOf, type Finder, type ResumeTarget } from "../copy";
import { ACTIVE_IMAGE_STATUS, isDead, notACopyOf, pickPreferred } from "../images";
import {
  claimedTag,
  deploymentMarker,
  deploymentOf,
  markerStateOf,
  pendingTag,
  type MarkerState,
} from "../ownership";
import { reconcileAttributes } from "./attributes";
import { clientFor } from "./client-factory";
import type { StepContext } from "./context";
import { readCreateInput, type CreateInput } from "./env";
import {
  readDoneRecord,
  readJobRecord,
  removeJobRecord,
  writeDoneRecord,
  writeJobRecord,
  type JobRecord,
} from "./job-record";
import { adoptionRefused, completedElsewhere } from "./messages";
import { formatElapsed, ProgressPrinter } from "./progress";
import { writeResultFile } from "./result-file";
import { clearStaleSubmitLock, submitLockPath, takeSubmitLock } from "./submit-lock";

interface Run {
  readonly ctx: StepContext;
  readonly input: CreateInput;
  readonly client: ImsClient;
  readonly printer: ProgressPrinter;
  readonly stateDir: string;
  /** This deployment's marker of the declared copy (see ownership.ts). */
  readonly marker: string;
  /** Wall-clock start of this run: the create timeout counts from here. */
  readonly startedAt: number;
}

export async function runCreate(ctx: StepContext): Promise<void> {
  const input = readCreateInput(ctx.env);
  const poll = pollFromEnv(ctx.env);
  const run: Run = {
    ctx,
    input,
    client: clientFor(ctx, input.target),
    printer: new ProgressPrinter({ write: ctx.out, now: ctx.now, label: input.constructPath }),
    stateDir: resolve(ctx.cwd, input.stateDir),
    marker: deploymentMarker(input.marker, deploymentOf(ctx.cwd, ctx.env, input.workspace)),
    startedAt: ctx.now(),
  };
  const { client, printer } = run;

  let releaseLock = (): void => undefined;
  printer.start();
  const result = await copyImageAndWait(client, {
    ...copyRequestOf(input),
    timeoutMs: input.createTimeoutMinutes * 60_000,
    signal: ctx.signal,
    poll,
    finders: input.adoptImageId ? [explicitAdoption(run, input.adoptImageId)] : finders(run),
    onProgress: (p) =>
      printer.tick(p.jobId ? `job ${p.jobId}` : `image ${p.imageId}`, {
        status: p.status,
        progress: p.percent,
        elapsedMs: ctx.now() - run.startedAt,
      }),
    hooks: {
      line: (text) => printer.line(text),
      warn: ctx.warn,
      // One submitter per directory and marker (see submit-lock.ts), with a last look at the job
      // record: a concurrent run (an orphaned runtime of a killed terraform, or the apply after it)
      // may have submitted and recorded the copy meanwhile.
      beforeSubmit: async () => {
        const look = () => fromJobRecord(run);
        const lock = await takeSubmitLock(
          submitLockPath(run.stateDir, run.marker),
          ctx.sleep,
          look,
          ctx.signal,
        );
        if ("found" in lock) return lock.found;
        releaseLock = lock.release;
        return look();
      },
      onSubmitted: (target) => {
        record(run, target);
        releaseLock();
      },
      onImageKnown: async (imageId, jobId) => {
        record(run, { jobId, imageId });
        await tagPendingEarly(run, imageId);
        if (jobId) printer.line(`job ${jobId} is creating image ${imageId}`);
      },
      mayDeletePartial: async (imageId) => {
        const state = markerStateOf(await client.listTags(imageId));
        return state.kind === "none" || (state.kind === "pending" && state.marker === run.marker);
      },
    },
  })
    .catch((error: unknown) => {
      // A failed job is over (its partial image was dealt with): the next apply copies again.
      if (error instanceof JobFailedError) removeJobRecord(run.stateDir, run.marker);
      throw error;
    })
    .finally(() => releaseLock());

  // A fresh copy only gets its tags here; an adopted one may also carry an older name or description.
  const changed = await reconcileAttributes(client, result.image, {
    name: input.name,
    description: input.description ?? "",
    tags: input.tags,
    markerTag: claimedTag(run.marker, input.resourceId),
  });
  const untagged = changed.filter((c) => !c.startsWith("set tags"));
  if (untagged.length > 0) printer.line(`image ${result.imageId}: ${untagged.join("; ")}`);
  const resultPath = writeResultFile(input.resultFile, ctx.cwd, result.imageId);
  writeDoneRecord(run.stateDir, {
    version: 1,
    marker: run.marker,
    sourceImageId: input.sourceImageId,
    imageId: result.imageId,
  });
  removeJobRecord(run.stateDir, run.marker);
  clearStaleSubmitLock(submitLockPath(run.stateDir, run.marker));
  printer.line(
    `new image ID: ${result.imageId} (copy of ${input.sourceImageId} named ${JSON.stringify(input.name)}, ${formatElapsed(ctx.now() - run.startedAt)}; result in ${resultPath})`,
  );
}

/** Records the job (and, once known, the image) so that a re-run in this directory resumes it. */
function record(run: Run, target: { readonly jobId?: string; readonly imageId?: string }): void {
  const known = readJobRecord(run.stateDir, run.marker, run.ctx.warn);
  const jobId = target.jobId ?? known?.jobId;
  const imageId = target.imageId ?? known?.imageId;
  const entry: JobRecord = {
    version: 1,
    marker: run.marker,
    sourceImageId: run.input.sourceImageId,
    name: run.input.name,
    ...(jobId ? { jobId } : {}),
    ...(imageId ? { imageId } : {}),
    submittedAt: known?.submittedAt ?? run.ctx.now(),
  };
  writeJobRecord(run.stateDir, entry);
}

// ------------------------------------------------------------------ adoption policy

function finders(run: Run): Finder[] {
  return [
    () => fromJobRecord(run),
    () => fromDoneRecord(run),
    () => byPendingMarker(run),
    () => checkNamesakes(run),
  ];
}

/** Reads an image and its marker; undefined when it is gone or is not a copy of the source. */
async function candidate(
  run: Run,
  imageId: string,
): Promise<{ readonly image: Image; readonly marker: MarkerState } | undefined> {
  const image = await run.client.getImage(imageId);
  if (!image || isDead(image)) return undefined;
  const notCopy = notACopyOf(image, run.input.sourceImageId);
  if (notCopy) {
    run.ctx.warn(`not resuming image ${imageId}: ${notCopy}`);
    return undefined;
  }
  return { image, marker: markerStateOf(await run.client.listTags(imageId)) };
}

/** The job this directory submitted (and did not finish), or the image it revealed. */
async function fromJobRecord(run: Run): Promise<ResumeTarget | undefined> {
  const { ctx, input, client, printer } = run;
  const rec = readJobRecord(run.stateDir, run.marker, ctx.warn);
  if (!rec) return undefined;
  if (rec.sourceImageId !== input.sourceImageId) {
    ctx.warn(
      `ignoring the local job record of marker ${run.marker}: it is for source ${rec.sourceImageId}, not ${input.sourceImageId}`,
    );
    return undefined;
  }
  if (rec.jobId) {
    try {
      const job = await client.showJob(rec.jobId);
      const imageId = rec.imageId ?? job.imageId;
      printer.line(
        `resuming the copy started earlier: job ${rec.jobId} is ${job.status}${imageId ? `, image ${imageId}` : ""}`,
      );
      return imageId ? { jobId: rec.jobId, imageId } : { jobId: rec.jobId };
    } catch (error) {
      if (!isNotFound(error)) throw error;
      ctx.warn(
        `the local job record names job ${rec.jobId}, which IMS no longer knows: looking for the image instead`,
      );
    }
  }
  if (rec.imageId) {
    const found = await candidate(run, rec.imageId);
    if (found && ownMarker(run, found.marker)) {
      printer.line(`resuming the copy started earlier: image ${rec.imageId} is ${found.image.status}`);
      return { imageId: rec.imageId };
    }
  }
  return undefined;
}

/** A copy a create step in this directory completed, whose resource's state was lost before it was saved. */
async function fromDoneRecord(run: Run): Promise<ResumeTarget | undefined> {
  const rec = readDoneRecord(run.stateDir, run.marker, run.ctx.warn);
  if (!rec || rec.sourceImageId !== run.input.sourceImageId) return undefined;
  const found = await candidate(run, rec.imageId);
  // Released (retained) or taken over images no longer carry this deployment's marker.
  if (!found || !ownMarker(run, found.marker)) return undefined;
  run.printer.line(
    `resuming the copy completed earlier in this directory (its state was not saved): image ${rec.imageId}`,
  );
  return { imageId: rec.imageId };
}

/** An interrupted attempt of this deployment: tagged with its marker, never completed. */
async function byPendingMarker(run: Run): Promise<ResumeTarget | undefined> {
  const tag = pendingTag(run.marker);
  const images = (await run.client.listImages({ tag: `${tag.key}=${tag.value}` })).filter(
    (i) => !isDead(i) && notACopyOf(i, run.input.sourceImageId) === undefined,
  );
  if (images.length === 0) return undefined;
  const chosen = pickPreferred(images);
  if (images.length > 1)
    run.ctx.warn(
      `${images.length} images carry ${tag.key}=${tag.value} (${images.map((i) => i.id).join(", ")}); resuming ${chosen.id}`,
    );
  run.printer.line(
    `found the interrupted copy of this deployment by its marker tag: image ${chosen.id} is ${chosen.status}`,
  );
  return { imageId: chosen.id };
}

/**
 * Among the live copies of the source with this name: a completed copy of this declaration in
 * this deployment that this state does not hold is refused with what to do (never adopted
 * silently); one under way with this deployment's marker (tagged since the marker lookup, by a
 * concurrent run) is resumed; an unmarked one still under way may be an attempt killed before the
 * job named its image, which nothing proves to be this deployment's: it is named in a warning,
 * not adopted.
 */
async function checkNamesakes(run: Run): Promise<ResumeTarget | undefined> {
  const { client, input } = run;
  const named = (await client.listImages({ name: input.name })).filter(
    (i) => i.name === input.name && !isDead(i) && notACopyOf(i, input.sourceImageId) === undefined,
  );
  for (const image of named) {
    const state = markerStateOf(await client.listTags(image.id));
    if (state.kind === "claimed" && state.marker === run.marker)
      throw completedElsewhere(image.id, `${state.marker}.${state.claim}`, input.constructPath);
    if (state.kind === "pending" && state.marker === run.marker) {
      run.printer.line(
        `found a copy of this deployment under way (tagged meanwhile): image ${image.id} is ${image.status}`,
      );
      return { imageId: image.id };
    }
    if (state.kind === "none" && image.status !== ACTIVE_IMAGE_STATUS)
      run.ctx.warn(
        `image ${image.id} is a copy of ${input.sourceImageId} named ${JSON.stringify(input.name)} without a marker, still ${image.status}: perhaps an attempt interrupted before the service named its image. Nothing shows it is this deployment's, so it is not adopted; delete it if nobody needs it (ims-image-copy delete ${image.id})`,
      );
  }
  return undefined;
}

/** The marker of this deployment (under way or completed), or none yet (a job this directory submitted). */
function ownMarker(run: Run, state: MarkerState): boolean {
  return (
    state.kind === "none" ||
    ((state.kind === "pending" || state.kind === "claimed") && state.marker === run.marker)
  );
}

/** `adoptImageId`: that image, whoever made it, once it is shown to be a usable copy of the source. */
function explicitAdoption(run: Run, imageId: string): Finder {
  return async () => {
    const image = await run.client.getImage(imageId);
    if (!image || isDead(image))
      throw adoptionRefused(imageId, image ? `it is ${image.status}` : "it does not exist");
    const notCopy = notACopyOf(image, run.input.sourceImageId);
    if (notCopy) throw adoptionRefused(imageId, notCopy);
    const state = markerStateOf(await run.client.listTags(imageId));
    const from =
      state.kind === "claimed" || state.kind === "pending"
        ? ` (it carried ${MARKER_TAG_KEY}=${state.marker}${state.kind === "claimed" ? `.${state.claim}` : ""}: this resource now claims it, and the deployment that made it will neither update nor delete it)`
        : "";
    run.printer.line(`adopting image ${imageId} (${image.status}) as adoptImageId asks${from}`);
    return { imageId };
  };
}

/**
 * Tags the image with this deployment's marker as soon as its ID is known, so that a later run
 * finds it even without the local record. A refusal for a not-yet-active image is fine: the tags
 * are set after success.
 */
async function tagPendingEarly(run: Run, imageId: string): Promise<void> {
  try {
    await run.client.addTags(imageId, [pendingTag(run.marker)]);
  } catch (error) {
    if (!isServiceRefusal(error)) throw error;
  }
}
