/**
 * The JSON-patch update of `PATCH /v2/cloudimages/{id}` (pure): `[{op, path, value}]` with op
 * add/replace/remove; `replace`/`remove` of a missing attribute is IMG.0035 (TF then retries with
 * `add`); name and description follow the copy rules; identity, status and origin attributes
 * are read-only. The caller checks ownership and the `active` status.
 */
import { Ims } from "./ims-errors";
import { checkDescription, checkName } from "./rules";
import type { ImageInfo } from "./types";

/** Attributes a PATCH may not touch. */
const READ_ONLY_ATTRIBUTES = new Set([
  "id",
  "status",
  "owner",
  "visibility",
  "protected",
  "created_at",
  "updated_at",
  "active_at",
  "self",
  "file",
  "schema",
  "__imagetype",
  "__originalimagename",
  "__data_origin",
  "__system__cmkid",
  "__whole_image",
  "__image_size",
  "checksum",
  "size",
  "virtual_size",
  "disk_format",
  "container_format",
  "virtual_env_type",
  "tags",
]);

/** Refuses a body that is not a non-empty array. */
export function checkPatchShape(ops: unknown): asserts ops is unknown[] {
  if (!Array.isArray(ops) || ops.length === 0)
    throw Ims.badFormat('The body must be a non-empty JSON array of {"op", "path", "value"}.');
}

/** The image with every operation applied, or the IMS error of the first bad one. */
export function applyPatch(
  info: ImageInfo,
  ops: unknown,
  knownEnterpriseProject: (id: string) => boolean,
): ImageInfo {
  checkPatchShape(ops);
  const next = structuredClone(info) as Record<string, unknown>;
  for (const [index, raw] of ops.entries()) {
    if (typeof raw !== "object" || raw === null) throw Ims.badFormat(`Operation ${index} must be an object.`);
    const { op, path, value } = raw as Record<string, unknown>;
    if (op !== "add" && op !== "replace" && op !== "remove")
      throw Ims.badFormat(
        `Operation ${index}: "op" must be add, replace or remove, got ${JSON.stringify(op)}.`,
      );
    if (typeof path !== "string" || !/^\/[a-z0-9_]+$/.test(path)) {
      throw Ims.badFormat(
        `Operation ${index}: "path" must be "/" followed by a lower-case attribute name, got ${JSON.stringify(path)}.`,
      );
    }
    const attr = path.slice(1);
    if (READ_ONLY_ATTRIBUTES.has(attr))
      throw Ims.attributeConflict(`The attribute ${attr} cannot be modified.`);
    if ((op === "replace" || op === "remove") && !(attr in next)) {
      throw Ims.attributeConflict(`The attribute ${attr} does not exist; use "add" to create it.`);
    }
    if (op === "remove") {
      if (attr === "name") throw Ims.attributeConflict("The attribute name cannot be removed.");
      delete next[attr];
      continue;
    }
    next[attr] = patchValue(attr, value, knownEnterpriseProject);
  }
  return next as ImageInfo;
}

function patchValue(attr: string, value: unknown, knownEnterpriseProject: (id: string) => boolean): unknown {
  switch (attr) {
    case "name":
      return checkName(value);
    case "__description":
      return checkDescription(value);
    case "min_ram":
    case "min_disk":
      if (typeof value === "number" && Number.isInteger(value) && value >= 0) return value;
      if (typeof value === "string" && /^\d+$/.test(value)) return Number(value);
      throw Ims.badFormat(`"${attr}" must be a non-negative integer, got ${JSON.stringify(value)}.`);
    case "max_ram":
      if (
        (typeof value === "number" && Number.isInteger(value) && value >= 0) ||
        (typeof value === "string" && /^\d+$/.test(value))
      )
        return String(value);
      throw Ims.badFormat(`"max_ram" must be a non-negative integer, got ${JSON.stringify(value)}.`);
    case "enterprise_project_id":
      if (typeof value !== "string" || !knownEnterpriseProject(value))
        throw Ims.enterpriseProject(String(value));
      return value;
    default:
      if (typeof value !== "string")
        throw Ims.badFormat(`"${attr}" must be a string, got ${JSON.stringify(value)}.`);
      return value;
  }
}
