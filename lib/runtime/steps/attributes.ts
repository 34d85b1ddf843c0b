/**
 * Brings an image's name, description and tags in line with the configuration, in place:
 * `PATCH /v2/cloudimages/{id}` for what differs, then tags set to exactly the user's tags plus the
 * marker tag. Shared by `update` and by `create` (an adopted copy may carry an older name).
 */
import type { Image, ImsClient, PatchOp, Tag } from "../client";
import { desiredTags, syncTags } from "./tags";

export interface DesiredAttributes {
  readonly name: string;
  /** "" for no description. */
  readonly description: string;
  readonly tags: Readonly<Record<string, string>>;
  /** The marker tag (this resource's claim). */
  readonly markerTag: Tag;
}

/** What changed, as short phrases (empty when nothing did). */
export async function reconcileAttributes(
  client: ImsClient,
  image: Image,
  desired: DesiredAttributes,
): Promise<string[]> {
  const done: string[] = [];
  const ops: PatchOp[] = [];
  if (image.name !== desired.name) {
    ops.push({ op: "replace", path: "/name", value: desired.name });
    done.push(`renamed ${JSON.stringify(image.name)} to ${JSON.stringify(desired.name)}`);
  }
  const currentDescription = typeof image.__description === "string" ? image.__description : "";
  if (currentDescription !== desired.description) {
    ops.push({ op: "replace", path: "/__description", value: desired.description });
    done.push("updated the description");
  }
  if (ops.length > 0) await client.updateImage(image.id, ops);

  const changes = await syncTags(client, image.id, desiredTags(desired.tags, desired.markerTag));
  if (changes.removed.length > 0) done.push(`removed tags ${changes.removed.map((t) => t.key).join(", ")}`);
  if (changes.written.length > 0) done.push(`set tags ${changes.written.map((t) => t.key).join(", ")}`);
  return done;
}
