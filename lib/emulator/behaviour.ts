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
  jobImageIdNames: "copy",
  jobFailureDetails: "both",
  successProcessPercent: 1,
  encryptedSourceWithoutCmk: "unencrypted",
  sameKeyCopy: "refused",
  maxCopySizeGiB: 128,
  oversizedCopyCode: "IMG.0105",
  windowsCopyCode: "IMG.0105",
  permissionDeniedStatus: 400,
  enterpriseProjectsEnabled: false,
  maxConcurrentCopyJobs: 40,
  flowControl: "IMG.0060",
  flowControlRetryAfterSeconds: 0,
  imageQuota: 50,
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
    fail(
      key,
      value,
      "it must be an object {errorCode?, failReason?, additionErrorCode?, additionErrorMsg?, atFraction?}",
    );
  const fields = value as Record<string, unknown>;
  const known = ["errorCode", "failReason", "additionErrorCode", "additionErrorMsg", "atFraction"];
  for (const name of Object.keys(fields))
    if (!known.includes(name))
      fail(`${key}.${name}`, fields[name], `it is not a field; use ${known.join(", ")}`);
  for (const name of known.slice(0, 4))
    if (fields[name] !== undefined && typeof fields[name] !== "string")
      fail(`${key}.${name}`, fields[name], "it must be a string");
  const { atFraction } = fields;
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
      case "maxCopySizeGiB":
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
      case "jobImageIdNames":
        oneOf(key, value, ["copy", "source", "source-when-failed"]);
        break;
      case "jobFailureDetails":
        oneOf(key, value, ["top-level", "entities", "both"]);
        break;
      case "successProcessPercent":
        if (typeof value !== "number" || !(value >= 0 && value <= 1))
          fail(key, value, "it must be a fraction from 0 to 1");
        break;
      case "encryptedSourceWithoutCmk":
        oneOf(key, value, ["unencrypted", "keep-source-key"]);
        break;
      case "sameKeyCopy":
        oneOf(key, value, ["refused", "allowed"]);
        break;
      case "oversizedCopyCode":
        if (typeof value !== "string" || value === "") fail(key, value, "it must be a non-empty string");
        break;
      case "windowsCopyCode":
        if (value !== null && (typeof value !== "string" || value === ""))
          fail(key, value, "it must be a non-empty string, or null to copy Windows images");
        break;
      case "permissionDeniedStatus":
        oneOf(key, value, [400, 403]);
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
      case "enterpriseProjectsEnabled":
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
