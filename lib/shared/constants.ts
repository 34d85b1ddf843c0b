/**
 * The only coupling between synth-time code (the construct) and apply-time code (the runtime):
 * environment variable names, subcommands and tag names. Renaming one is a compile error on both
 * sides, never a failed `terraform apply`.
 */

/** Subcommands of the bundled runtime (`node <runtime> <subcommand>`). */
export const Subcommand = {
  CREATE: "create",
  UPDATE: "update",
  DELETE: "delete",
} as const;
export type Subcommand = (typeof Subcommand)[keyof typeof Subcommand];

/**
 * Variables the runtime reads (never credentials). The construct passes them all in ONE variable,
 * `IMS_COPY_SPEC`: a JSON object whose key for `IMS_COPY_<NAME>` is `<name>` in lower case (see
 * `specKey`); by hand they can also be set one by one.
 */
export const RuntimeEnv = {
  /** JSON object of the settings below, keyed by `specKey(name)`; when set, the single variables are ignored. */
  SPEC: "IMS_COPY_SPEC",
  SOURCE_IMAGE_ID: "IMS_COPY_SOURCE_IMAGE_ID",
  NAME: "IMS_COPY_NAME",
  DESCRIPTION: "IMS_COPY_DESCRIPTION",
  KMS_KEY_ID: "IMS_COPY_KMS_KEY_ID",
  ENTERPRISE_PROJECT_ID: "IMS_COPY_ENTERPRISE_PROJECT_ID",
  /** JSON object of the user's tags. */
  TAGS: "IMS_COPY_TAGS",
  REGION: "IMS_COPY_REGION",
  PROJECT_ID: "IMS_COPY_PROJECT_ID",
  ENDPOINT: "IMS_COPY_ENDPOINT",
  MARKER: "IMS_COPY_MARKER",
  IMAGE_ID: "IMS_COPY_IMAGE_ID",
  RESULT_FILE: "IMS_COPY_RESULT_FILE",
  CREATE_TIMEOUT_MINUTES: "IMS_COPY_CREATE_TIMEOUT_MINUTES",
  DELETE_TIMEOUT_MINUTES: "IMS_COPY_DELETE_TIMEOUT_MINUTES",
  REMOVAL_POLICY: "IMS_COPY_REMOVAL_POLICY",
  CONSTRUCT_PATH: "IMS_COPY_CONSTRUCT_PATH",
  /** `terraform.workspace`: part of the deployment that owns the copy. */
  WORKSPACE: "IMS_COPY_WORKSPACE",
  /** The Terraform ID of the copy resource (`terraform_data.<copy>.id`): whose claim the image carries. */
  RESOURCE_ID: "IMS_COPY_RESOURCE_ID",
  /** The copy resource's address (`terraform_data.<logical ID>`), for recovery hints. */
  RESOURCE_ADDRESS: "IMS_COPY_RESOURCE_ADDRESS",
  /** An existing image to put under the construct instead of copying (explicit adoption). */
  ADOPT_IMAGE_ID: "IMS_COPY_ADOPT_IMAGE_ID",
  /** `true`: the copy of an encrypted source is made unencrypted (without `cmk_id`). */
  UNENCRYPTED: "IMS_COPY_UNENCRYPTED",
} as const;

/**
 * Directory of the runtime's local files, relative to the stack directory (where Terraform runs the
 * provisioners): `results/` holds the result file of each copy (written by the create step, read by
 * the construct's result resource), `jobs/` the job records of unfinished copies.
 */
export const STATE_DIR = ".ims-image-copy";
/** Where the construct tells the create step to write its result file, relative to the stack directory. */
export const RESULTS_DIR = `${STATE_DIR}/results`;

/** Not part of a spec: another state directory than {@link STATE_DIR}, for tests and manual runs. */
export const STATE_DIR_ENV = "IMS_COPY_STATE_DIR";

/**
 * How long a copy may take before the create step (or the CLI's `copy`) gives up waiting, in
 * minutes: the create timeout of the official provider's image resources.
 */
export const DEFAULT_CREATE_TIMEOUT_MINUTES = 60;
/** How long the delete step (or the CLI's `delete`) waits for a deleted image to disappear, in minutes. */
export const DEFAULT_DELETE_TIMEOUT_MINUTES = 10;

const RUNTIME_ENV_PREFIX = "IMS_COPY_";

/** The key of `IMS_COPY_SPEC` that stands for the variable `name`: `IMS_COPY_NAME` -> `name`. */
export function specKey(name: string): string {
  return name.slice(RUNTIME_ENV_PREFIX.length).toLowerCase();
}

/** Credential and endpoint variables read at apply time from the caller's environment. */
export const CredentialEnv = {
  ACCESS_KEY: ["HW_ACCESS_KEY", "HUAWEICLOUD_SDK_AK"],
  SECRET_KEY: ["HW_SECRET_KEY", "HUAWEICLOUD_SDK_SK"],
  SECURITY_TOKEN: ["HW_SECURITY_TOKEN", "HUAWEICLOUD_SDK_SECURITY_TOKEN"],
  REGION: ["HW_REGION_NAME"],
  PROJECT_ID: ["HW_PROJECT_ID"],
  IMS_ENDPOINT: ["HW_IMS_ENDPOINT"],
  IAM_ENDPOINT: ["HW_IAM_ENDPOINT"],
} as const;

/** Tag key that marks an image as created by this library for one construct. */
export const MARKER_TAG_KEY = "cdktf-ims-image-copy";

/**
 * What happens to the image when its `ImsImageCopy` is destroyed or replaced. A string enum, so
 * that other jsii languages see an enum; TypeScript users may also write the values (`"retain"`):
 * the published declarations accept them (scripts/flavours.mjs, `widenStringEnums`).
 */
export enum RemovalPolicy {
  /** Delete the image. */
  DESTROY = "destroy",
  /** Leave the image in the account, out of Terraform's management. */
  RETAIN = "retain",
}

/** Exit codes of the runtime and the `ims-image-copy` CLI. */
export const ExitCode = {
  OK: 0,
  /** Unexpected failure (a bug): please report it. */
  INTERNAL: 1,
  /** Bad arguments or environment (missing credentials, invalid value). */
  USAGE: 2,
  /** The service refused the request (4xx, permission, quota, validation). */
  API: 3,
  /** The copy job ended in FAIL. */
  JOB_FAILED: 4,
  /** The wait outlived its timeout; running it again resumes. */
  TIMEOUT: 5,
  /** Interrupted (SIGINT/SIGTERM); running it again resumes. */
  INTERRUPTED: 130,
} as const;
