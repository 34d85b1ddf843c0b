/**
 * Image statuses and the one test of "this image is the copy of that source": every step that
 * adopts, tags, records or deletes an image named by a job or found in a listing asks these.
 */
import type { Image } from "./client";

/** Statuses of an image that is gone or will never become usable. */
export const DEAD_IMAGE_STATUSES: ReadonlySet<string> = new Set(["deleted", "killed"]);
/** The status of an image ready for use. */
export const ACTIVE_IMAGE_STATUS = "active";

export function isDead(image: Image | undefined): boolean {
  return image === undefined || DEAD_IMAGE_STATUSES.has(image.status);
}

/**
 * Why `image` cannot be the copy of `sourceImageId`, or undefined when it can be: it must not BE
 * the source, and where the service records the origin (`__originalimagename`), that must be the
 * source. A job that names the wrong image (UNVERIFIED what a FAIL names) must never make us tag or
 * delete it.
 */
export function notACopyOf(image: Image, sourceImageId: string): string | undefined {
  if (image.id === sourceImageId) return `image ${image.id} is the source image itself`;
  const origin = image.__originalimagename;
  if (typeof origin === "string" && origin !== "" && origin !== sourceImageId)
    return `image ${image.id} is a copy of ${origin}, not of ${sourceImageId}`;
  return undefined;
}

/** Prefers an active image, then the newest (by `created_at`). */
export function pickPreferred(images: readonly Image[]): Image {
  const created = (i: Image): string => (typeof i.created_at === "string" ? i.created_at : "");
  return [...images].sort(
    (a, b) =>
      Number(b.status === ACTIVE_IMAGE_STATUS) - Number(a.status === ACTIVE_IMAGE_STATUS) ||
      created(b).localeCompare(created(a)),
  )[0];
}
