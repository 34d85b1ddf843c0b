/**
 * Defaults of the emulator's behaviour flags and the validation of a change to them (from the
 * constructor or `POST /_emulator/config`). Bad values are refused with the flag, the value and
 * the rule; nothing is coerced.
 */
import { PROGRESS_CURVES, PROGRESS_ROUNDINGS } from "./job-model";
import type { EmulatorBehaviour, JobFailure } from "./types";

export const DEFAULT_BEHAVIOUR: EmulatorBehaviour = {
  jobSeconds: 20,
  initSeconds: 0,
  progressCurve: "linear",
  progressRounding: "nearest",
  jobImageIdFrom: "running",
  jobFailure: null,
  failedImage: "killed",
  deleteSeconds: 3,
  unknownSourceStatus: 400,
  unknownJobStatus: 404,
  unknownJobCode: "IMG.0086",
  tagsBeforeActive: true,
  maxConcurrentCopyJobs: 5,
  flowControl: "IMG.0060",
  flowControlRetryAfterSeconds: 0,
  imageQuota: 100,
  rejectUnknownCopyFields: true,
  hideCopiesUntilActive: false,
  akLockAfterFailures: 0,
  akLockSeconds: 300,
};

const KEYS = Object.keys(DEFAULT_BEHAVIOUR) as (keyof EmulatorBehaviour)[];

function fail(key: string, value: unknown, rule: string): never {
  throw new Error(`Emulator option "${key}" = ${JSON.stringify(value)} is invalid: ${rule}.`);
}

function nonNegative(key: string, value: unknown): void {
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0)
    fail(key, value, "it must be a finite number >= 0");
}

function oneOf(key: string, value: unknown, allowed: readonly unknown[]): void {
  if (!allowed.includes(value))
    fail(key, value, `it must be one of ${allowed.map((a) => JSON.stringify(a)).join(", ")}`);
}

export function checkJobFailure(key: string, value: unknown): JobFailure {
  if (typeof value !== "object" || value === null || Array.isArray(value))
    fail(key, value, "it must be an object {errorCode?, failReason?, atFraction?}");
  const { errorCode, failReason, atFraction } = value as Record<string, unknown>;
  if (errorCode !== undefined && typeof errorCode !== "string")
    fail(`${key}.errorCode`, errorCode, "it must be a string");
  if (failReason !== undefined && typeof failReason !== "string")
    fail(`${key}.failReason`, failReason, "it must be a string");
  if (atFraction !== undefined && (typeof atFraction !== "number" || !(atFraction > 0 && atFraction <= 1))) {
    fail(`${key}.atFraction`, atFraction, "it must be a number in (0, 1]");
  }
  return value as JobFailure;
}

/**
 * Returns the behaviour with `change` applied. Unknown keys are refused (pass `ignoreUnknown`
 * when `change` also holds non-behaviour options such as `port`).
 */
export function applyBehaviour(
  current: EmulatorBehaviour,
  change: Record<string, unknown>,
  ignoreUnknown = false,
): EmulatorBehaviour {
  const next: Record<string, unknown> = { ...current };
  for (const [key, value] of Object.entries(change)) {
    if (!KEYS.includes(key as keyof EmulatorBehaviour)) {
      if (ignoreUnknown) continue;
      fail(key, value, `it is not a behaviour flag; known flags: ${KEYS.join(", ")}`);
    }
    if (value === undefined) continue;
    switch (key as keyof EmulatorBehaviour) {
      case "jobSeconds":
      case "initSeconds":
      case "deleteSeconds":
      case "flowControlRetryAfterSeconds":
      case "akLockSeconds":
        nonNegative(key, value);
        break;
      case "maxConcurrentCopyJobs":
      case "imageQuota":
      case "akLockAfterFailures":
        if (!Number.isInteger(value) || (value as number) < 0) fail(key, value, "it must be an integer >= 0");
        break;
      case "progressCurve":
        oneOf(key, value, PROGRESS_CURVES);
        break;
      case "progressRounding":
        oneOf(key, value, PROGRESS_ROUNDINGS);
        break;
      case "jobImageIdFrom":
        oneOf(key, value, ["init", "running", "success"]);
        break;
      case "failedImage":
        oneOf(key, value, ["killed", "removed"]);
        break;
      case "unknownSourceStatus":
        oneOf(key, value, [400, 404]);
        break;
      case "unknownJobStatus":
        if (!Number.isInteger(value) || (value as number) < 400 || (value as number) > 599)
          fail(key, value, "it must be an HTTP error status 400..599");
        break;
      case "unknownJobCode":
        if (typeof value !== "string" || value === "") fail(key, value, "it must be a non-empty string");
        break;
      case "flowControl":
        oneOf(key, value, ["IMG.0060", "429"]);
        break;
      case "tagsBeforeActive":
      case "rejectUnknownCopyFields":
      case "hideCopiesUntilActive":
        if (typeof value !== "boolean") fail(key, value, "it must be true or false");
        break;
      case "jobFailure":
        if (value !== null) checkJobFailure(key, value);
        break;
    }
    next[key] = value;
  }
  return next as unknown as EmulatorBehaviour;
}
