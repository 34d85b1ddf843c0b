/**
 * Public types of the IMS emulator: its options, run-time behaviour flags, fault rules and the
 * snapshots it hands to tests. Wire objects (images, jobs) keep the service's snake_case names.
 */
import type { ProgressCurve, ProgressRounding } from "./job-model";

export type ImageStatus = "queued" | "saving" | "active" | "killed" | "deleted";
export type JobStatus = "INIT" | "RUNNING" | "SUCCESS" | "FAIL";

/** An image as IMS returns it (ImageInfo, reference §2.3): many boolean-ish values are strings. */
export type ImageInfo = Record<string, unknown> & {
  id: string;
  name: string;
  status: ImageStatus;
  protected: boolean;
  visibility: string;
  __imagetype: string;
  owner: string;
};

/** A project's answer to an image shared with it (`member_status`). */
export type MemberStatus = "accepted" | "pending" | "rejected";

export interface Tag {
  readonly key: string;
  readonly value: string;
}

/** One image held by the emulator: what the API shows (`info`) plus emulator-only state. */
export interface EmulatedImage {
  readonly id: string;
  /** Exactly what `GET /v2/cloudimages` shows for this image. */
  readonly info: ImageInfo;
  /** Tags of the `tags/action` API (not the legacy `info.tags` string list). */
  readonly tags: readonly Tag[];
  /**
   * For an image another project shared with this one: whether this project accepted it
   * (`member_status`). Only accepted shared images can be copied (IMG.0196 otherwise).
   */
  readonly memberStatus?: MemberStatus;
  /** Emulator clock (ms) at which DELETE was accepted; the image vanishes `deleteSeconds` later. */
  readonly deletedAt?: number;
  /** The copy job that creates this image, when it is a copy made by the emulator. */
  readonly jobId?: string;
}

/** What a test may change on an image (`setImage`, `PATCH /_emulator/images/{id}`). */
export interface ImagePatch {
  readonly status?: ImageStatus;
  /** Protected (for example published) images cannot be deleted (IMG.0028). */
  readonly protected?: boolean;
  /** Of a shared image (owned by another project): this project's member status. */
  readonly memberStatus?: MemberStatus;
  readonly tags?: readonly Tag[];
  /** Extra wire attributes merged into `info` (a `null` value removes the attribute). */
  readonly attributes?: Readonly<Record<string, unknown>>;
}

/** How a copy job ends when it fails. */
export interface JobFailure {
  /** @default "IMG.0061" */
  readonly errorCode?: string;
  /** @default "Unknown system error." */
  readonly failReason?: string;
  /** `entities.addition_error_code` (shown where `jobFailureDetails` puts entities). @default absent */
  readonly additionErrorCode?: string;
  /** `entities.addition_error_msg`. @default absent */
  readonly additionErrorMsg?: string;
  /**
   * Fraction (0..1] of the running phase after which the job fails.
   * @default 1 - the job fails when it would have succeeded
   */
  readonly atFraction?: number;
}

/** A copy job as the emulator holds it. */
export interface EmulatedJob {
  readonly jobId: string;
  readonly jobType: "imsCopyImageInRegionJob";
  readonly projectId: string;
  readonly sourceImageId: string;
  readonly imageId: string;
  readonly imageName: string;
  /** Emulator clock (ms) at submission. */
  readonly submittedAt: number;
  readonly initMs: number;
  readonly runMs: number;
  readonly curve: ProgressCurve;
  readonly failure?: JobFailure;
  /** Status and progress at the time of the snapshot. */
  readonly status: JobStatus;
  readonly processPercent: number;
}

/**
 * Behaviour flags, settable in the constructor and at run time (`POST /_emulator/config`).
 * Where the real service's behaviour is UNVERIFIED the flag says so and the default is our best guess.
 */
export interface EmulatorBehaviour {
  /**
   * Seconds a copy job spends RUNNING.
   * @default 20
   */
  readonly jobSeconds: number;
  /**
   * Seconds a copy job spends in INIT before RUNNING (the image is `queued` meanwhile).
   * @default 0
   */
  readonly initSeconds: number;
  /**
   * The shape of `process_percent` while RUNNING (UNVERIFIED for the real service: job-model.ts
   * PROGRESS_CURVES, from smooth curves to no progress at all).
   * @default "linear"
   */
  readonly progressCurve: ProgressCurve;
  /**
   * How `process_percent` is cut to two decimals: to the nearest percent, or down. The API
   * reference does not say; UNVERIFIED (job-model.ts PROGRESS_ROUNDINGS). Read when a job is shown,
   * so a change applies to running jobs too.
   * @default "nearest"
   */
  readonly progressRounding: ProgressRounding;
  /**
   * When `entities.image_id` of a copy job becomes visible. Huawei's only copy example (of
   * ShowJobProgress) shows it while RUNNING; ShowJob's only example is at SUCCESS; whether it
   * is there during INIT is UNVERIFIED. `"success"`: only once the job succeeded.
   * @default "running"
   */
  readonly jobImageIdFrom: "init" | "running" | "success";
  /**
   * Every new copy job fails this way (null: jobs succeed unless a fault rule says otherwise).
   * @default null
   */
  readonly jobFailure: JobFailure | null;
  /**
   * What happens to the target image when its copy job fails: status `killed`, or removed.
   * UNVERIFIED.
   * @default "killed"
   */
  readonly failedImage: "killed" | "removed";
  /**
   * Seconds a deleted image stays listed with status `deleted` before it disappears.
   * @default 3
   */
  readonly deleteSeconds: number;
  /**
   * Answer to a copy of an unknown source image: 400 IMG.0027, or 404 with the same body.
   * The copy page lists both 400 and 404; which one is real is UNVERIFIED.
   * @default 400
   */
  readonly unknownSourceStatus: 400 | 404;
  /**
   * HTTP status for an unknown job ID (body `{"error":{"code": unknownJobCode, ...}}`). UNVERIFIED.
   * @default 404
   */
  readonly unknownJobStatus: number;
  /** @default "IMG.0086" */
  readonly unknownJobCode: string;
  /**
   * Whether tags may be set on an image that is not yet `active` (queued/saving). UNVERIFIED.
   * @default true
   */
  readonly tagsBeforeActive: boolean;
  /**
   * Which image `entities.image_id` names. Nothing documents which image a job names (Huawei's
   * only examples name the new one), so a client must check before it tags, records or deletes
   * it: `"source"` makes every copy job name its SOURCE image (a misbehaving service), and
   * `"source-when-failed"` makes a FAIL job name the source (shown even when `jobImageIdFrom`
   * would hide it). UNVERIFIED.
   * @default "copy"
   */
  readonly jobImageIdNames: "copy" | "source" | "source-when-failed";
  /**
   * Where a FAIL job carries its error: top-level `error_code` / `fail_reason`, `entities.error_code`
   * / `entities.error` (plus `addition_error_code` / `addition_error_msg` when the failure sets
   * them), or both. ShowJob documents both places; which the service fills is UNVERIFIED.
   * @default "both"
   */
  readonly jobFailureDetails: "top-level" | "entities" | "both";
  /**
   * `process_percent` of a SUCCESS job. A documented ShowJob example shows 0.20 at SUCCESS, so a
   * client must not read progress as proof of completion.
   * @default 1
   */
  readonly successProcessPercent: number;
  /**
   * What a copy of an ENCRYPTED source (`__system__cmkid` set) gets when the body has no
   * `cmk_id`. Huawei's user guide presents the in-region copy as the way to make an encrypted
   * image unencrypted, and the console asks for a key only "to encrypt or change the key":
   * so the documented reading is an unencrypted copy. `"keep-source-key"` (the copy inherits the
   * source's key) is the UNVERIFIED alternative.
   * @default "unencrypted"
   */
  readonly encryptedSourceWithoutCmk: "unencrypted" | "keep-source-key";
  /**
   * A copy whose `cmk_id` is the source's own key: refused with IMG.0096 ("The specified KMS key
   * ID must be different from the image key ID", in the copy's KMS code range) or allowed.
   * Which one the service does is UNVERIFIED; the code's text describes exactly this case.
   * @default "refused"
   */
  readonly sameKeyCopy: "refused" | "allowed";
  /**
   * Largest source image (`__image_size`, bytes) an in-region copy accepts, in GiB (the copy
   * page: "不能超过128GiB"). Which attribute the service measures is not documented.
   * @default 128
   */
  readonly maxCopySizeGiB: number;
  /**
   * Code of the refusal of a source larger than `maxCopySizeGiB`. Not published (UNVERIFIED):
   * the default is the generic "The operation is not supported."
   * @default "IMG.0105"
   */
  readonly oversizedCopyCode: string;
  /**
   * Code of the refusal of a Windows source (`__os_type` or `__platform` "Windows"): the copy
   * page says the API no longer copies Windows images. Not published (UNVERIFIED); `null`
   * copies Windows images like any other.
   * @default "IMG.0105"
   */
  readonly windowsCopyCode: string | null;
  /**
   * HTTP status of the IMS permission refusal IMG.0026. The error-code table lists every IMS
   * code, IMG.0026 included, as 400; 403 is the other plausible answer.
   * @default 400
   */
  readonly permissionDeniedStatus: 400 | 403;
  /**
   * The account has enterprise projects enabled, so every copy needs `ims:serverImages:create`
   * besides `ims:images:copy` (the permission table: "仅开通企业项目用户需要"). A copy naming an
   * enterprise project other than "0" needs it either way (only such accounts have one).
   * @default false
   */
  readonly enterpriseProjectsEnabled: boolean;
  /**
   * Maximum image-creation (copy) jobs in INIT/RUNNING per project; one more is refused with
   * IMG.0060 (flow control). The product limits page gives 40 concurrent tasks for creating
   * private images (5 is the cross-region copy limit).
   * @default 40
   */
  readonly maxConcurrentCopyJobs: number;
  /**
   * How flow control answers: 400 IMG.0060 (documented), or HTTP 429 (UNVERIFIED that IMS does this).
   * @default "IMG.0060"
   */
  readonly flowControl: "IMG.0060" | "429";
  /**
   * `Retry-After` seconds sent with flow-control refusals (0: no header).
   * @default 0
   */
  readonly flowControlRetryAfterSeconds: number;
  /**
   * Private image quota of the project (IMG.0015 beyond it): 50 per region by default, raisable
   * (product limits page).
   * @default 50
   */
  readonly imageQuota: number;
  /**
   * Refuse copy bodies with fields other than name, description, cmk_id, enterprise_project_id
   * (IMG.0001). The real service's reaction to unknown fields is UNVERIFIED; refusing catches
   * client bugs such as sending tags in the copy body.
   * @default true
   */
  readonly rejectUnknownCopyFields: boolean;
  /**
   * Hide copies from `GET /v2/cloudimages` and `GET /v2/images/{id}` until they are `active`.
   * Whether the real service lists a copy while its job runs is UNVERIFIED; Huawei's job
   * example reveals the new image ID while RUNNING, so listing it is the default.
   * @default false
   */
  readonly hideCopiesUntilActive: boolean;
  /**
   * Lock an access key after this many consecutive authentication failures (bad signature,
   * clock skew, bad token): the gateway does so after more than 5. 0 disables the lock, so
   * tests that provoke failures do not lock the shared key.
   * @default 0
   */
  readonly akLockAfterFailures: number;
  /** @default 300 */
  readonly akLockSeconds: number;
}

/** A credential the emulated gateway accepts. */
export interface EmulatorCredential {
  readonly accessKey: string;
  readonly secretKey: string;
  /** When set, the credential is temporary and requests must carry this `X-Security-Token`. */
  readonly securityToken?: string;
  /** IAM actions granted, e.g. `ims:images:copy`; `"*"` grants everything. */
  readonly permissions: readonly string[];
}

export interface KmsKey {
  readonly id: string;
  readonly state: "enabled" | "disabled";
}

/** The starting content of the emulator (also the JSON format of `--seed FILE`). */
export interface EmulatorSeed {
  /** @default EMULATOR_REGION */
  readonly region?: string;
  /** @default EMULATOR_PROJECT_ID */
  readonly projectId?: string;
  /** @default EMULATOR_DOMAIN_ID */
  readonly domainId?: string;
  /** Images (wire form plus optional tags). @default the images of SeedImage */
  readonly images?: readonly SeedImageSpec[];
  /** @default SeedKmsKey: one enabled, one disabled */
  readonly kmsKeys?: readonly KmsKey[];
  /** Enterprise projects besides `0`. @default [SEED_ENTERPRISE_PROJECT_ID] */
  readonly enterpriseProjects?: readonly string[];
  /** @default the full-permission, read-only and temporary credentials of defaults.ts */
  readonly credentials?: readonly EmulatorCredential[];
}

export interface SeedImageSpec {
  /** The image's wire attributes; `id`, `name` and `status` are required. */
  readonly info: Record<string, unknown>;
  readonly tags?: readonly Tag[];
  /** For an image owned by another project and shared with this one: this project's answer. */
  readonly memberStatus?: MemberStatus;
}

/** A fault injected on matching requests (not on `/_emulator/` routes). */
export interface FaultRule {
  /** HTTP method to match; any when absent. */
  readonly method?: string;
  /** Regular expression (string) tested against the request path (without the query). */
  readonly path: string;
  /** Number of matching requests to affect; unlimited when absent. */
  readonly times?: number;
  /** Status to answer with. @default 500 when neither `latencyMs`, `reset` nor `jobFailure` alone is given */
  readonly status?: number;
  /** IMS error code for the body `{"error":{"code","message"}}`. */
  readonly imsCode?: string;
  readonly message?: string;
  /** Exact JSON body to send instead of an IMS error body. */
  readonly body?: unknown;
  /** Delay before answering (or before handling, when no status is given). */
  readonly latencyMs?: number;
  /** Destroy the socket instead of answering. */
  readonly reset?: boolean;
  readonly retryAfterSeconds?: number;
  /** Perform the operation first, then fail or reset the response (the ambiguous case). */
  readonly afterHandling?: boolean;
  /** Chance (0..1) that a matching request is affected, drawn from the seeded PRNG. @default 1 */
  readonly probability?: number;
  /** On a copy request: answer normally but make the created job end in FAIL. */
  readonly jobFailure?: JobFailure;
}

export interface RequestLogEntry {
  readonly requestId: string;
  readonly method: string;
  /** Path without the query string. */
  readonly path: string;
  /** Raw query string without `?` ("" when none). */
  readonly query: string;
  readonly status: number;
  /** Wall-clock ISO time the request arrived. */
  readonly time: string;
  /** Access key of a verified signature, masked (never the secret or the Authorization header). */
  readonly accessKey?: string;
  /** Id of the fault rule applied, if any. */
  readonly faultId?: string;
  /** True when the socket was destroyed instead of answered. */
  readonly reset?: boolean;
}

export interface EmulatorOptions extends Partial<EmulatorBehaviour> {
  /** @default "127.0.0.1" */
  readonly host?: string;
  /** 0 picks a free port. @default 0 */
  readonly port?: number;
  /**
   * Emulator clock in ms, driving jobs, deletion and timestamps. @default Date.now
   */
  readonly now?: () => number;
  /**
   * Clock the gateway checks `X-Sdk-Date` against (15-minute skew). Clients sign with the wall
   * clock, so this stays the wall clock even when `now` is simulated.
   * @default Date.now
   */
  readonly authNow?: () => number;
  /** Starting content. @default the seed of defaults.ts */
  readonly seed?: EmulatorSeed;
  /**
   * How fault `latencyMs` waits (tests may inject a controllable delay).
   * @default a real timer (setTimeout)
   */
  readonly delay?: (ms: number) => Promise<void>;
  /** Seed of the PRNG used by fault `probability`. @default 1 */
  readonly randomSeed?: number;
}
