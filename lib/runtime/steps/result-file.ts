/**
 * The result file `{"image_id": "..."}` that the construct's `result` resource reads with
 * `file()` during the same apply. Written atomically so Terraform never reads half of it.
 */
import { isAbsolute, resolve } from "node:path";
import { writeFileAtomic } from "./fs-atomic";

/** Writes the result file; a relative path is relative to `cwd` (the stack directory). */
export function writeResultFile(path: string, cwd: string, imageId: string): string {
  const target = isAbsolute(path) ? path : resolve(cwd, path);
  writeFileAtomic(target, JSON.stringify({ image_id: imageId }) + "\n");
  return target;
}
