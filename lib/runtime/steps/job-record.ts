/**
 * The local job record `<state dir>/jobs/<marker>.json`: what a create step started, so an
 * interrupted apply resumes the same copy quickly. A fast path only: when it is missing (a fresh
 * CI runner) the create step finds the copy by its deployment marker tag instead.
 */
import { existsSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { writeFileAtomic } from "./fs-atomic";

export interface JobRecord {
  /** Version of this file's format. */
  readonly version: 1;
  readonly marker: string;
  readonly sourceImageId: string;
  readonly name: string;
  /** Copy job ID (absent when an ambiguous submission was resolved by finding the image). */
  readonly jobId?: string;
  /** New image ID, once the job revealed it. */
  readonly imageId?: string;
  /** Wall-clock ms when the copy was submitted. */
  readonly submittedAt: number;
}

/** Where the record of `marker` lives. */
export function jobRecordPath(stateDir: string, marker: string): string {
  return join(stateDir, "jobs", `${marker}.json`);
}

/**
 * Reads the record; undefined when there is none. A corrupt record is reported through `warn`
 * and ignored (the slower lookups still find the copy), never trusted.
 */
export function readJobRecord(
  stateDir: string,
  marker: string,
  warn: (line: string) => void,
): JobRecord | undefined {
  const path = jobRecordPath(stateDir, marker);
  if (!existsSync(path)) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, "utf8"));
  } catch (err) {
    warn(`ignoring unreadable job record ${path}: ${err instanceof Error ? err.message : String(err)}`);
    return undefined;
  }
  if (!isJobRecord(parsed) || parsed.marker !== marker) {
    warn(`ignoring job record ${path}: it is not a record of marker ${marker}`);
    return undefined;
  }
  return parsed;
}

export function writeJobRecord(stateDir: string, record: JobRecord): void {
  writeFileAtomic(jobRecordPath(stateDir, record.marker), JSON.stringify(record, null, 2) + "\n");
}

export function removeJobRecord(stateDir: string, marker: string): void {
  rmSync(jobRecordPath(stateDir, marker), { force: true });
}

function isJobRecord(x: unknown): x is JobRecord {
  if (typeof x !== "object" || x === null) return false;
  const r = x as Record<string, unknown>;
  const optString = (v: unknown): boolean => v === undefined || (typeof v === "string" && v !== "");
  return (
    r.version === 1 &&
    typeof r.marker === "string" &&
    typeof r.sourceImageId === "string" &&
    typeof r.name === "string" &&
    typeof r.submittedAt === "number" &&
    optString(r.jobId) &&
    optString(r.imageId) &&
    (r.jobId !== undefined || r.imageId !== undefined)
  );
}

/**
 * The record `<state dir>/done/<marker>.json` of a copy a create step of this directory completed:
 * proof, for a later create step here, that an image claimed by an earlier resource (whose state
 * was lost, e.g. a remote backend that had not saved it yet) is this deployment's own.
 */
export interface DoneRecord {
  readonly version: 1;
  readonly marker: string;
  readonly sourceImageId: string;
  readonly imageId: string;
}

export function doneRecordPath(stateDir: string, marker: string): string {
  return join(stateDir, "done", `${marker}.json`);
}

export function writeDoneRecord(stateDir: string, record: DoneRecord): void {
  writeFileAtomic(doneRecordPath(stateDir, record.marker), JSON.stringify(record, null, 2) + "\n");
}

/** The done record of `marker`; undefined when there is none or it is unreadable (reported through `warn`). */
export function readDoneRecord(
  stateDir: string,
  marker: string,
  warn: (line: string) => void,
): DoneRecord | undefined {
  const path = doneRecordPath(stateDir, marker);
  if (!existsSync(path)) return undefined;
  try {
    const r = JSON.parse(readFileSync(path, "utf8")) as Partial<DoneRecord>;
    if (
      r.version === 1 &&
      r.marker === marker &&
      typeof r.imageId === "string" &&
      typeof r.sourceImageId === "string"
    )
      return r as DoneRecord;
    warn(`ignoring done record ${path}: it is not a record of marker ${marker}`);
  } catch (err) {
    warn(`ignoring unreadable done record ${path}: ${err instanceof Error ? err.message : String(err)}`);
  }
  return undefined;
}
