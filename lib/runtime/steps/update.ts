/**
 * `update`: brings the copied image's name, description and tags in line with the configuration,
 * in place (`PATCH /v2/cloudimages/{id}` for name and description, the tag API for tags). Tags
 * end up exactly the user's tags plus this resource's claim (see ../ownership.ts); an image that
 * another deployment claims is refused, not changed.
 */
import { isDead } from "../images";
import { claimedTag, deploymentMarker, deploymentOf, heldBy, markerStateOf } from "../ownership";
import { reconcileAttributes } from "./attributes";
import { clientFor } from "./client-factory";
import type { StepContext } from "./context";
import { readUpdateInput } from "./env";
import { heldElsewhere, imageToUpdateGone } from "./messages";
import { ProgressPrinter } from "./progress";

export async function runUpdate(ctx: StepContext): Promise<void> {
  const input = readUpdateInput(ctx.env);
  const client = clientFor(ctx, input.target);
  const printer = new ProgressPrinter({ write: ctx.out, now: ctx.now, label: input.constructPath });
  const marker = deploymentMarker(input.marker, deploymentOf(ctx.cwd, ctx.env, input.workspace));

  const image = await client.getImage(input.imageId);
  if (!image || isDead(image)) throw imageToUpdateGone(input.imageId, input.resourceAddress);
  const held = heldBy(markerStateOf(await client.listTags(image.id)), marker, input.resourceId);
  if (!held.ours) throw heldElsewhere(input.imageId, held.why, input.resourceAddress);

  const done = await reconcileAttributes(client, image, {
    name: input.name,
    description: input.description,
    tags: input.tags,
    markerTag: claimedTag(marker, input.resourceId),
  });
  printer.line(
    done.length > 0 ? `image ${input.imageId}: ${done.join("; ")}` : `image ${input.imageId} is up to date`,
  );
}
