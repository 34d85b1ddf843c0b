/**
 * The service's input rules as the emulator enforces them (reference ims-api.md §0, §3 and
 * ims-docs-zh.md §4.3). Each check throws the IMS error the service answers with.
 */
import { Ims } from "./ims-errors";
import type { Tag } from "./types";

export const NAME_MAX = 128;
export const DESCRIPTION_MAX = 1024;
export const TAG_KEY_MAX = 36;
export const TAG_VALUE_MAX = 43;
export const TAGS_PER_IMAGE_MAX = 10;

const NAME_CHARS = /^[A-Za-z0-9\p{Script=Han}\-_. ]+$/u;
const TAG_KEY_CHARS = /^[A-Za-z0-9\p{Script=Han}_-]+$/u;
const TAG_VALUE_CHARS = /^[A-Za-z0-9\p{Script=Han}_.-]*$/u;

export function checkName(name: unknown): string {
  if (name === undefined || name === null || name === "") throw Ims.nameMissing();
  if (typeof name !== "string") throw Ims.badFormat(`"name" must be a string, got ${typeof name}.`);
  const length = [...name].length;
  if (length > NAME_MAX) throw Ims.nameTooLong(length);
  if (!NAME_CHARS.test(name) || name.startsWith(" ") || name.endsWith(" ")) throw Ims.nameFormat(name);
  return name;
}

export function checkDescription(description: unknown): string {
  if (typeof description !== "string")
    throw Ims.badFormat(`"description" must be a string, got ${typeof description}.`);
  const length = [...description].length;
  if (length > DESCRIPTION_MAX) throw Ims.descriptionTooLong(length);
  if (/[\r\n<>]/.test(description)) throw Ims.descriptionFormat();
  return description;
}

/** Tags of a `tags/action` create request: characters, lengths, duplicates. */
export function checkTagsToCreate(tags: readonly Tag[]): void {
  checkNoDuplicateKeys(tags);
  for (const { key, value } of tags) {
    if (key.trim() === "") throw Ims.tagInvalid("A tag key must not be empty or blank.");
    if ([...key].length > TAG_KEY_MAX)
      throw Ims.tagInvalid(`Tag key ${JSON.stringify(key)} is longer than ${TAG_KEY_MAX} characters.`);
    if (!TAG_KEY_CHARS.test(key)) {
      throw Ims.tagInvalid(
        `Tag key ${JSON.stringify(key)} may contain only letters, digits, Chinese characters, '_' and '-'.`,
      );
    }
    if ([...value].length > TAG_VALUE_MAX)
      throw Ims.tagInvalid(`Tag value ${JSON.stringify(value)} is longer than ${TAG_VALUE_MAX} characters.`);
    if (!TAG_VALUE_CHARS.test(value)) {
      throw Ims.tagInvalid(
        `Tag value ${JSON.stringify(value)} may contain only letters, digits, Chinese characters, '_', '.' and '-'.`,
      );
    }
  }
}

/** Batch delete checks only lengths (key ≤ 127, value ≤ 255) and non-blank keys. */
export function checkTagsToDelete(tags: readonly Tag[]): void {
  checkNoDuplicateKeys(tags);
  for (const { key, value } of tags) {
    if (key.trim() === "") throw Ims.tagInvalid("A tag key must not be empty or blank.");
    if ([...key].length > 127 || [...value].length > 255)
      throw Ims.tagInvalid(`Tag ${JSON.stringify(key)} is too long to delete.`);
  }
}

function checkNoDuplicateKeys(tags: readonly Tag[]): void {
  const seen = new Set<string>();
  for (const { key } of tags) {
    if (seen.has(key))
      throw Ims.tagInvalid(`Tag key ${JSON.stringify(key)} appears more than once in the request.`);
    seen.add(key);
  }
}

/** Parses `[{key, value}]` from a request body field; refuses anything else. */
export function parseTagList(raw: unknown, valueRequired: boolean): Tag[] {
  if (!Array.isArray(raw)) throw Ims.badFormat('"tags" must be an array of {"key", "value"} objects.');
  return raw.map((item, index) => {
    if (typeof item !== "object" || item === null) throw Ims.badFormat(`tags[${index}] must be an object.`);
    const { key, value } = item as Record<string, unknown>;
    if (typeof key !== "string") throw Ims.badFormat(`tags[${index}].key must be a string.`);
    if (value === undefined && !valueRequired) return { key, value: "" };
    if (typeof value !== "string")
      throw Ims.badFormat(`tags[${index}].value must be a string (it may be empty).`);
    return { key, value };
  });
}
