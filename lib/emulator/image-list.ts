/**
 * `GET /v2/cloudimages` filtering, sorting and marker paging over image infos (pure).
 *
 * Supported filters (exact match unless stated): id, name, status, __imagetype, visibility, owner,
 * protected, __whole_image, __system__cmkid, __os_type, disk_format, virtual_env_type,
 * tag (`key=value`), enterprise_project_id (`all_granted_eps` or absent = every EP: TF's comment
 * says an absent filter lists all EPs), member_status (this project's answer to a shared image). Any other parameter, notably the undocumented
 * `__originalimagename`, is IGNORED as an unsupported parameter would be: the emulator does not
 * pretend the service filters on it.
 * Paging: `limit` (default 500, 1..1000), `marker` = id of the last image of the previous page;
 * `sort_key` (created_at default, name, status, id, size, disk_format, container_format),
 * `sort_dir` (desc default, asc). The answer is `{"images": [...]}` only (no next link).
 */
import { Ims } from "./ims-errors";
import type { ImageInfo, MemberStatus, Tag } from "./types";

export const DEFAULT_LIMIT = 500;
export const MAX_LIMIT = 1000;
const SORT_KEYS = ["created_at", "name", "container_format", "disk_format", "status", "id", "size"];
const EXACT_FILTERS = [
  "id",
  "name",
  "status",
  "__imagetype",
  "visibility",
  "owner",
  "__system__cmkid",
  "__os_type",
  "disk_format",
  "virtual_env_type",
];

export interface ListableImage {
  readonly info: ImageInfo;
  readonly tags: readonly Tag[];
  /** This project's answer, for an image shared with it. */
  readonly memberStatus?: MemberStatus;
}

function asString(value: unknown): string {
  return value === undefined || value === null ? "" : String(value);
}

function matches(image: ListableImage, query: URLSearchParams): boolean {
  const { info } = image;
  for (const key of EXACT_FILTERS) {
    const wanted = query.get(key);
    if (wanted !== null && asString(info[key]) !== wanted) return false;
  }
  for (const key of ["protected", "__whole_image"]) {
    const wanted = query.get(key);
    if (wanted !== null && asString(info[key]).toLowerCase() !== wanted.toLowerCase()) return false;
  }
  const ep = query.get("enterprise_project_id");
  if (ep !== null && ep !== "all_granted_eps" && asString(info.enterprise_project_id || "0") !== ep)
    return false;
  const member = query.get("member_status");
  if (member !== null && image.memberStatus !== member) return false;
  const tag = query.get("tag");
  if (tag !== null) {
    const eq = tag.indexOf("=");
    const key = eq < 0 ? tag : tag.slice(0, eq);
    const value = eq < 0 ? undefined : tag.slice(eq + 1);
    if (!image.tags.some((t) => t.key === key && (value === undefined || t.value === value))) return false;
  }
  return true;
}

function compare(a: ImageInfo, b: ImageInfo, key: string): number {
  const x = a[key];
  const y = b[key];
  if (typeof x === "number" && typeof y === "number") return x - y;
  return asString(x) < asString(y) ? -1 : asString(x) > asString(y) ? 1 : 0;
}

/** One page of matching images, or an IMS 400 for a bad limit, sort or marker. */
export function listImages(images: readonly ListableImage[], query: URLSearchParams): ImageInfo[] {
  const limitRaw = query.get("limit");
  let limit = DEFAULT_LIMIT;
  if (limitRaw !== null) {
    if (!/^\d+$/.test(limitRaw) || Number(limitRaw) < 1 || Number(limitRaw) > MAX_LIMIT) {
      throw Ims.badFormat(
        `"limit" must be an integer from 1 to ${MAX_LIMIT}, got ${JSON.stringify(limitRaw)}.`,
      );
    }
    limit = Number(limitRaw);
  }
  const sortKey = query.get("sort_key") ?? "created_at";
  if (!SORT_KEYS.includes(sortKey))
    throw Ims.badFormat(`"sort_key" must be one of ${SORT_KEYS.join(", ")}, got ${JSON.stringify(sortKey)}.`);
  const sortDir = query.get("sort_dir") ?? "desc";
  if (sortDir !== "asc" && sortDir !== "desc")
    throw Ims.badFormat(`"sort_dir" must be asc or desc, got ${JSON.stringify(sortDir)}.`);
  const sign = sortDir === "asc" ? 1 : -1;
  const sorted = images
    .filter((image) => matches(image, query))
    .map((image) => image.info)
    // Ties broken by id in the same direction, so paging is stable.
    .sort((a, b) => sign * (compare(a, b, sortKey) || compare(a, b, "id")));
  const marker = query.get("marker");
  let start = 0;
  if (marker !== null) {
    const at = sorted.findIndex((info) => info.id === marker);
    if (at < 0) throw Ims.imageNotFound(`${marker} (marker)`);
    start = at + 1;
  }
  return sorted.slice(start, start + limit);
}
