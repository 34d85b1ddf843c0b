/**
 * `update`: brings the copied image's name, description and tags in line with the configuration,
 * in place (`PATCH /v2/cloudimages/{id}` for name and description, the tag API for tags). Tags
 * end up exactly the user's tags plus the marker tag.
 */
import { reconcileAttributes } from "./attributes";
import { clientFor } from "./client-factory";
import type { StepContext } from "./context";
import { readUpdateInput } from "./env";
import { imageToUpdateGone } from "./messages";
import { ProgressPrinter } from "./progress";

export async function runUpdate(ctx: StepContext): Promise<void> {
  const input = readUpdateInput(ctx.env);
  const client = clientFor(ctx, input.target);
  const printer = new ProgressPrinter({ write: ctx.out, now: ctx.now, label: input.constructPath });

  const image = await client.getImage(input.imageId);
  if (!image || image.status === "deleted") throw imageToUpdateGone(input.imageId);

  const done = await reconcileAttributes(client, image, input);
  printer.line(
    done.length > 0 ? `image ${input.imageId}: ${done.join("; ")}` : `image ${input.imageId} is up to date`,
  );
}
