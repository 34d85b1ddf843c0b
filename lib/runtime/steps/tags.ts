/**
 * Tags of a copied image are authoritative, like the official provider's: exactly the user's tags
 * plus the marker tag. Keys that should not be there are deleted first (an image holds at most
 * 10 tags), then missing or changed ones are written (`create` overwrites a key's value).
 */
import type { ImsClient, Tag } from "../client";

/** User tags plus the marker tag, sorted by key. */
export function desiredTags(userTags: Readonly<Record<string, string>>, markerTag: Tag): Tag[] {
  return [...Object.entries(userTags).map(([key, value]) => ({ key, value })), markerTag].sort((a, b) =>
    a.key.localeCompare(b.key),
  );
}

export interface TagChanges {
  readonly removed: Tag[];
  readonly written: Tag[];
}

/** What to delete and what to write so that `current` becomes `desired`. */
export function tagChanges(current: readonly Tag[], desired: readonly Tag[]): TagChanges {
  const want = new Map(desired.map((t) => [t.key, t.value]));
  const have = new Map(current.map((t) => [t.key, t.value]));
  return {
    removed: current.filter((t) => !want.has(t.key)),
    written: desired.filter((t) => have.get(t.key) !== t.value),
  };
}

/** Makes the image's tags exactly `desired`; returns what changed. */
export async function syncTags(
  client: ImsClient,
  imageId: string,
  desired: readonly Tag[],
): Promise<TagChanges> {
  const changes = tagChanges(await client.listTags(imageId), desired);
  await client.deleteTags(imageId, changes.removed);
  await client.addTags(imageId, changes.written);
  return changes;
}
