/**
 * `update`: brings the copied image's name, description and tags in line with the configuration,
 * in place (`PATCH /v2/cloudimages/{id}` for name and description, the tag API for tags). Tags
 * end up exactly the user's tags plus the marker tag.
 */
import type { PatchOp } from "../client";
import { clientFor } from "./client-factory";
import type { StepContext } from "./context";
import { readUpdateInput } from "./env";
import { imageToUpdateGone } from "./messages";
import { ProgressPrinter } from "./progress";
import { desiredTags, syncTags } from "./tags";

export async function runUpdate(ctx: StepContext): Promise<void> {
  const input = readUpdateInput(ctx.env);
  const client = clientFor(ctx, input.target);
  const printer = new ProgressPrinter({ write: ctx.out, now: ctx.now, label: input.constructPath });

  const image = await client.getImage(input.imageId);
  if (!image || image.status === "deleted") throw imageToUpdateGone(input.imageId);

  const ops: PatchOp[] = [];
  if (image.name !== input.name) ops.push({ op: "replace", path: "/name", value: input.name });
  const currentDescription = typeof image.__description === "string" ? image.__description : "";
  if (currentDescription !== input.description) ops.push({ op: "replace", path: "/__description", value: input.description });
  if (ops.length > 0) await client.updateImage(input.imageId, ops);

  const changes = await syncTags(client, input.imageId, desiredTags(input.tags, input.marker));
  const done: string[] = [];
  if (image.name !== input.name) done.push(`renamed ${JSON.stringify(image.name)} to ${JSON.stringify(input.name)}`);
  if (currentDescription !== input.description) done.push("updated the description");
  if (changes.removed.length > 0) done.push(`removed tags ${changes.removed.map((t) => t.key).join(", ")}`);
  if (changes.written.length > 0) done.push(`set tags ${changes.written.map((t) => t.key).join(", ")}`);
  printer.line(done.length > 0 ? `image ${input.imageId}: ${done.join("; ")}` : `image ${input.imageId} is up to date`);
}
