/**
 * `delete`: removes the copied image when the construct is destroyed or replaced, unless its
 * removal policy is `retain`. An image already deleted out of band counts as success; a
 * protected or in-use image fails with what to do next.
 */
import { RemovalPolicy } from "../../shared/constants";
import { ImsApiError, imageDeleteTimedOut, waitAborted } from "../errors";
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
  if (input.removalPolicy === RemovalPolicy.RETAIN) {
    printer.line(
      `removal policy is "retain": keeping image ${input.imageId}; it is no longer managed by Terraform`,
    );
    return;
  }
  const client = clientFor(ctx, input.target);
  const timeoutMs = input.deleteTimeoutMinutes * 60_000;
  let result: "deleted" | "already-gone";
  try {
    result = await client.deleteImage(input.imageId);
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
