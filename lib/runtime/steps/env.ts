/**
 * Reads and re-validates the runtime's inputs from the environment (names in `RuntimeEnv`), with
 * the same rules the construct applies at synth time (`lib/shared/rules.ts`): the runtime can be
 * run by hand, so nothing is trusted. The construct passes them all in one JSON variable,
 * `IMS_COPY_SPEC` (see `expandSpec`); "" means "not set". Every complaint names the variable, the
 * value and the rule.
 */
import {
  DEFAULT_CREATE_TIMEOUT_MINUTES,
  DEFAULT_DELETE_TIMEOUT_MINUTES,
  RemovalPolicy,
  RuntimeEnv,
  STATE_DIR,
  STATE_DIR_ENV,
  specKey,
} from "../../shared/constants";
import {
  checkDescription,
  checkEndpoint,
  checkEnterpriseProjectId,
  checkImageId,
  checkKmsKeyId,
  checkMarker,
  checkName,
  checkProjectId,
  checkRegion,
  checkRemovalPolicy,
  checkTags,
  checkTimeoutMinutesText,
  checkUnencryptedWithKey,
} from "../../shared/rules";
import { ALLOW_INSECURE_HTTP_ENV, type ConfigOverrides } from "../config";
import { invalidEnv, invalidSpec, missingEnv } from "./messages";

/** Where to send requests, when the construct pinned it (else the credential variables decide). */
export type Target = ConfigOverrides;

export interface CreateInput {
  readonly sourceImageId: string;
  readonly name: string;
  readonly description?: string;
  readonly kmsKeyId?: string;
  readonly enterpriseProjectId?: string;
  readonly tags: Readonly<Record<string, string>>;
  /** The configuration marker (Terraform computes it from the construct path and force-new inputs). */
  readonly marker: string;
  readonly constructPath?: string;
  /** `terraform.workspace`. */
  readonly workspace: string;
  /** The Terraform ID of the copy resource (its `self.id`). */
  readonly resourceId: string;
  readonly resourceAddress?: string;
  /** Put this existing image under the construct instead of copying. */
  readonly adoptImageId?: string;
  /** Make the copy of an encrypted source unencrypted. */
  readonly unencrypted: boolean;
  readonly createTimeoutMinutes: number;
  readonly resultFile: string;
  readonly stateDir: string;
  readonly target: Target;
}

export interface UpdateInput {
  readonly imageId: string;
  readonly name: string;
  readonly description: string;
  readonly tags: Readonly<Record<string, string>>;
  readonly marker: string;
  readonly constructPath?: string;
  readonly workspace: string;
  readonly resourceId: string;
  readonly resourceAddress?: string;
  readonly target: Target;
}

export interface DeleteInput {
  /** Undefined: nothing was created (empty image ID). */
  readonly imageId?: string;
  readonly removalPolicy: RemovalPolicy;
  readonly deleteTimeoutMinutes: number;
  readonly constructPath?: string;
  /** Absent in the delete input of a state written before 0.2.0 (as the two below). */
  readonly resourceId?: string;
  readonly marker?: string;
  readonly workspace: string;
  readonly target: Target;
}

type Env = NodeJS.ProcessEnv;

/** The variables a spec stands for, by their key in it. */
const SPEC_VARIABLES: ReadonlyMap<string, string> = new Map(
  Object.values(RuntimeEnv)
    .filter((name) => name !== RuntimeEnv.SPEC)
    .map((name) => [specKey(name), name]),
);

/**
 * The environment with `IMS_COPY_SPEC` (a JSON object such as `{"name":"web","image_id":"..."}`)
 * spread into the variables it stands for. A spec is the whole input: the single variables of the
 * caller's environment are dropped, so that a stray `IMS_COPY_REGION` in the shell that runs
 * `terraform apply` cannot change what the construct asked for. Values are strings, or numbers
 * (a timeout written by Terraform's `jsonencode`); null means not set.
 */
export function expandSpec(env: Env): Env {
  const raw = env[RuntimeEnv.SPEC];
  if (raw === undefined || raw === "") return env;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw invalidSpec(raw, "it is not valid JSON");
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed))
    throw invalidSpec(raw, "it must be a JSON object");
  const expanded: Env = { ...env };
  for (const name of SPEC_VARIABLES.values()) delete expanded[name];
  for (const [key, value] of Object.entries(parsed)) {
    const name = SPEC_VARIABLES.get(key);
    if (name === undefined)
      throw invalidSpec(raw, `its key "${key}" is not one of ${[...SPEC_VARIABLES.keys()].join(", ")}`);
    if (value === null) continue;
    if (typeof value === "string") expanded[name] = value;
    else if (typeof value === "number" && Number.isFinite(value)) expanded[name] = String(value);
    else throw invalidSpec(raw, `the value of "${key}" must be a string or a number`);
  }
  return expanded;
}

function opt(env: Env, name: string): string | undefined {
  const v = env[name];
  return v === undefined || v === "" ? undefined : v;
}

function req(env: Env, name: string, what: string): string {
  const v = opt(env, name);
  if (v === undefined) throw missingEnv(name, what);
  return v;
}

/** Applies a rule of `rules.ts` (returns a problem or undefined) to a variable's value. */
function check(name: string, value: string, rule: (v: string) => string | undefined): string {
  const problem = rule(value);
  if (problem !== undefined) throw invalidEnv(name, value, problem);
  return value;
}

function minutes(env: Env, name: string, fallback: number): number {
  const raw = opt(env, name);
  if (raw === undefined) return fallback;
  return Number(check(name, raw, checkTimeoutMinutesText));
}

function tags(env: Env): Record<string, string> {
  const raw = opt(env, RuntimeEnv.TAGS);
  if (raw === undefined) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw invalidEnv(
      RuntimeEnv.TAGS,
      raw,
      'it must be a JSON object of string values, such as {"team":"web"}',
    );
  }
  // The same rule as the construct's `tags` prop: an object of string values (checkTags).
  const problem = checkTags(parsed);
  if (problem !== undefined) throw invalidEnv(RuntimeEnv.TAGS, raw, problem);
  return parsed as Record<string, string>;
}

function marker(env: Env): string {
  return check(
    RuntimeEnv.MARKER,
    req(env, RuntimeEnv.MARKER, "the copy's marker (40 hexadecimal digits)"),
    checkMarker,
  );
}

/** The copy resource's ID and address, and the workspace: who owns the copy. */
function owner(env: Env): { workspace: string; resourceId: string; resourceAddress?: string } {
  const resourceAddress = opt(env, RuntimeEnv.RESOURCE_ADDRESS);
  return {
    workspace: opt(env, RuntimeEnv.WORKSPACE) ?? "default",
    resourceId: req(env, RuntimeEnv.RESOURCE_ID, "the Terraform ID of the copy resource"),
    ...(resourceAddress !== undefined ? { resourceAddress } : {}),
  };
}

function flag(env: Env, name: string): boolean {
  const raw = opt(env, name);
  if (raw === undefined || raw === "false") return false;
  if (raw === "true") return true;
  throw invalidEnv(name, raw, 'it must be "true" or "false"');
}

function target(env: Env): Target {
  const region = opt(env, RuntimeEnv.REGION);
  const projectId = opt(env, RuntimeEnv.PROJECT_ID);
  const imsEndpoint = opt(env, RuntimeEnv.ENDPOINT);
  if (region !== undefined) check(RuntimeEnv.REGION, region, checkRegion);
  if (projectId !== undefined) check(RuntimeEnv.PROJECT_ID, projectId, checkProjectId);
  const allowInsecureHttp = env[ALLOW_INSECURE_HTTP_ENV] === "1";
  if (imsEndpoint !== undefined)
    check(RuntimeEnv.ENDPOINT, imsEndpoint, (v) => checkEndpoint(v, { allowInsecureHttp }));
  return {
    ...(region !== undefined ? { region } : {}),
    ...(projectId !== undefined ? { projectId } : {}),
    ...(imsEndpoint !== undefined ? { imsEndpoint } : {}),
  };
}

export function readCreateInput(given: Env): CreateInput {
  const env = expandSpec(given);
  const description = opt(env, RuntimeEnv.DESCRIPTION);
  const kmsKeyId = opt(env, RuntimeEnv.KMS_KEY_ID);
  const enterpriseProjectId = opt(env, RuntimeEnv.ENTERPRISE_PROJECT_ID);
  const constructPath = opt(env, RuntimeEnv.CONSTRUCT_PATH);
  const adoptImageId = opt(env, RuntimeEnv.ADOPT_IMAGE_ID);
  const keyConflict = checkUnencryptedWithKey(
    flag(env, RuntimeEnv.UNENCRYPTED),
    kmsKeyId !== undefined ? RuntimeEnv.KMS_KEY_ID : undefined,
  );
  if (keyConflict) throw invalidEnv(RuntimeEnv.UNENCRYPTED, "true", keyConflict);
  return {
    sourceImageId: check(
      RuntimeEnv.SOURCE_IMAGE_ID,
      req(env, RuntimeEnv.SOURCE_IMAGE_ID, "the ID of the image to copy"),
      checkImageId,
    ),
    name: check(RuntimeEnv.NAME, req(env, RuntimeEnv.NAME, "the name of the new image"), checkName),
    ...(description !== undefined
      ? { description: check(RuntimeEnv.DESCRIPTION, description, checkDescription) }
      : {}),
    ...(kmsKeyId !== undefined ? { kmsKeyId: check(RuntimeEnv.KMS_KEY_ID, kmsKeyId, checkKmsKeyId) } : {}),
    ...(enterpriseProjectId !== undefined
      ? {
          enterpriseProjectId: check(
            RuntimeEnv.ENTERPRISE_PROJECT_ID,
            enterpriseProjectId,
            checkEnterpriseProjectId,
          ),
        }
      : {}),
    tags: tags(env),
    marker: marker(env),
    ...(constructPath !== undefined ? { constructPath } : {}),
    ...owner(env),
    ...(adoptImageId !== undefined
      ? { adoptImageId: check(RuntimeEnv.ADOPT_IMAGE_ID, adoptImageId, checkImageId) }
      : {}),
    unencrypted: flag(env, RuntimeEnv.UNENCRYPTED),
    createTimeoutMinutes: minutes(env, RuntimeEnv.CREATE_TIMEOUT_MINUTES, DEFAULT_CREATE_TIMEOUT_MINUTES),
    resultFile: req(env, RuntimeEnv.RESULT_FILE, "the path of the result file"),
    stateDir: opt(env, STATE_DIR_ENV) ?? STATE_DIR,
    target: target(env),
  };
}

export function readUpdateInput(given: Env): UpdateInput {
  const env = expandSpec(given);
  const description = opt(env, RuntimeEnv.DESCRIPTION) ?? "";
  const constructPath = opt(env, RuntimeEnv.CONSTRUCT_PATH);
  return {
    imageId: check(
      RuntimeEnv.IMAGE_ID,
      req(
        env,
        RuntimeEnv.IMAGE_ID,
        'the ID of the copied image (the create step did not record one: run "terraform apply" again)',
      ),
      checkImageId,
    ),
    name: check(RuntimeEnv.NAME, req(env, RuntimeEnv.NAME, "the name of the image"), checkName),
    description: description === "" ? "" : check(RuntimeEnv.DESCRIPTION, description, checkDescription),
    tags: tags(env),
    marker: marker(env),
    ...(constructPath !== undefined ? { constructPath } : {}),
    ...owner(env),
    target: target(env),
  };
}

export function readDeleteInput(given: Env): DeleteInput {
  const env = expandSpec(given);
  const imageId = opt(env, RuntimeEnv.IMAGE_ID);
  const policyRaw = opt(env, RuntimeEnv.REMOVAL_POLICY) ?? RemovalPolicy.DESTROY;
  const removalPolicy = check(RuntimeEnv.REMOVAL_POLICY, policyRaw, checkRemovalPolicy) as RemovalPolicy;
  const constructPath = opt(env, RuntimeEnv.CONSTRUCT_PATH);
  const resourceId = opt(env, RuntimeEnv.RESOURCE_ID);
  const configMarker = opt(env, RuntimeEnv.MARKER);
  return {
    ...(imageId !== undefined ? { imageId: check(RuntimeEnv.IMAGE_ID, imageId, checkImageId) } : {}),
    ...(resourceId !== undefined ? { resourceId } : {}),
    ...(configMarker !== undefined ? { marker: check(RuntimeEnv.MARKER, configMarker, checkMarker) } : {}),
    workspace: opt(env, RuntimeEnv.WORKSPACE) ?? "default",
    removalPolicy,
    deleteTimeoutMinutes: minutes(env, RuntimeEnv.DELETE_TIMEOUT_MINUTES, DEFAULT_DELETE_TIMEOUT_MINUTES),
    ...(constructPath !== undefined ? { constructPath } : {}),
    target: target(env),
  };
}
