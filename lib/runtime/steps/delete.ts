/**
 * `delete`: removes the copied image when the construct is destroyed or replaced, unless its
 * removal policy is `retain` (then the image is released: its marker tag is removed, so that a
 * later declaration never finds it as its own). An image already deleted out of band counts as
 * success; a protected one fails with what to do next. An image that another deployment claims
 * (see ../ownership.ts) is never deleted: this state lets go of it and says so.
 */
import { MARKER_TAG_KEY, RemovalPolicy } from "../../shared/constants";
import { deploymentMarker, deploymentOf, heldBy, markerStateOf } from "../ownership";
import { imageDeleteTimedOut, isServiceRefusal, waitAborted } from "../errors";
import { clientFor } from "./client-factory";
import type { StepContext } from "./context";
import { readDeleteInput } from "./env";
import { deleteRefused } from "./messages";
import { formatElapsed, ProgressPrinter } from "./progress";

export async function runDelete(ctx: StepContext): Promise<void> {
  const input = readDeleteInput(ctx.env);
  const printer = new ProgressPrinter({ write: ctx.out, now: ctx.now, label: input.constructPath });
  if (input.imageId === undefined) {
    printer.line("no image ID was recorded (the copy never completed): nothing to delete");
    return;
  }
  const client = clientFor(ctx, input.target);
  const image = await client.getImage(input.imageId);
  if (!image || image.status === "deleted") {
    printer.line(`image ${input.imageId} was already deleted`);
    return;
  }
  const tags = await client.listTags(input.imageId);
  const marker =
    input.marker !== undefined
      ? deploymentMarker(input.marker, deploymentOf(ctx.cwd, ctx.env, input.workspace))
      : undefined;
  const held = heldBy(markerStateOf(tags), marker, input.resourceId);
  if (!held.ours) {
    ctx.warn(
      `not deleting image ${input.imageId}: ${held.why}. This state no longer manages it; the deployment that claims it keeps it (delete it by hand with "ims-image-copy delete ${input.imageId}" if nobody needs it)`,
    );
    return;
  }
  if (input.removalPolicy === RemovalPolicy.RETAIN) {
    const marked = tags.filter((t) => t.key === MARKER_TAG_KEY);
    await client.deleteTags(input.imageId, marked);
    printer.line(
      `removal policy is "retain": keeping image ${input.imageId}; it is no longer managed by Terraform${marked.length > 0 ? ` (its ${MARKER_TAG_KEY} tag was removed)` : ""}`,
    );
    return;
  }
  const timeoutMs = input.deleteTimeoutMinutes * 60_000;
  let result: "deleted" | "already-gone";
  try {
    result = await client.deleteImage(input.imageId);
  } catch (error) {
    if (isServiceRefusal(error)) {
      throw deleteRefused(input.imageId, error);
    }
    throw error;
  }
  if (result === "already-gone") {
    printer.line(`image ${input.imageId} was already deleted`);
    return;
  }
  const outcome = await client.waitImageDeleted(input.imageId, { timeoutMs, signal: ctx.signal });
  switch (outcome.state) {
    case "success":
      printer.line(`deleted image ${input.imageId} (${formatElapsed(outcome.elapsedMs)})`);
      return;
    case "failure":
    case "timeout":
      throw imageDeleteTimedOut(input.imageId, timeoutMs);
    case "aborted":
      throw waitAborted(`image ${input.imageId} to be deleted`, undefined, input.imageId);
  }
}
