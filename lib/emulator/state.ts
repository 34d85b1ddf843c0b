/**
 * The emulated service's data (images, tags, jobs, KMS keys, enterprise projects) and the
 * operations on it, without HTTP. Time-driven changes (job progress, the new image going
 * queued → saving → active, deleted images vanishing) are derived from the injected clock by
 * `advance(now)`, which the server calls before every request and every snapshot.
 */
import { randomBytes, randomUUID } from "crypto";
import type { ListableImage } from "./image-list";
import { applyPatch, checkPatchShape } from "./image-patch";
import { jobStateAt } from "./job-model";
import { Ims } from "./ims-errors";
import {
  checkDescription,
  checkName,
  checkTagsToCreate,
  checkTagsToDelete,
  TAGS_PER_IMAGE_MAX,
} from "./rules";
import { commonImageFields, resolveSeed } from "./seed";
import type {
  EmulatedImage,
  EmulatedJob,
  EmulatorBehaviour,
  EmulatorSeed,
  ImageInfo,
  ImagePatch,
  ImageStatus,
  JobFailure,
  KmsKey,
  MemberStatus,
  Tag,
} from "./types";

export const COPY_JOB_TYPE = "imsCopyImageInRegionJob";
export const COPY_CURRENT_TASK = "CopyImageInRegionTask:";
const COPY_BODY_FIELDS = ["name", "description", "cmk_id", "enterprise_project_id"];
const DEFAULT_JOB_ERROR = { errorCode: "IMG.0061", failReason: "Unknown system error." };

interface ImageRecord {
  info: ImageInfo;
  tags: Tag[];
  /** This project's answer when the image is shared with it by another project. */
  memberStatus?: MemberStatus;
  deletedAt?: number;
  purgeAt?: number;
  jobId?: string;
}

interface JobRecord {
  readonly job: Omit<EmulatedJob, "status" | "processPercent">;
  finished: boolean;
}

export interface CopyRequest {
  readonly name: string;
  readonly description?: string;
  readonly cmkId?: string;
  readonly enterpriseProjectId: string;
}

/** UTC time without milliseconds, as image timestamps are shown: 2018-09-06T14:03:27Z. */
export function imageTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** UTC time with milliseconds, as job times are shown: 2024-11-06T06:19:43.195Z. */
export function jobTime(ms: number): string {
  return new Date(ms).toISOString();
}

/** The KMS key of an encrypted image (`__system__cmkid`), undefined for an unencrypted one. */
function encryptionKeyOf(info: ImageInfo): string | undefined {
  const key = info.__system__cmkid;
  return typeof key === "string" && key !== "" ? key : undefined;
}

function clone<T>(value: T): T {
  return structuredClone(value);
}

function withoutUndefined(info: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(info).filter(([, v]) => v !== undefined));
}

export class EmulatorState {
  readonly region: string;
  readonly projectId: string;
  readonly domainId: string;
  private readonly images = new Map<string, ImageRecord>();
  private readonly jobRecords = new Map<string, JobRecord>();
  private readonly kmsKeys: Map<string, KmsKey>;
  private readonly enterpriseProjects: Set<string>;

  constructor(
    seed: EmulatorSeed,
    private readonly behaviour: () => EmulatorBehaviour,
  ) {
    const resolved = resolveSeed(seed);
    this.region = resolved.region;
    this.projectId = resolved.projectId;
    this.domainId = resolved.domainId;
    this.kmsKeys = new Map(resolved.kmsKeys.map((k) => [k.id, { ...k }]));
    this.enterpriseProjects = new Set(["0", ...resolved.enterpriseProjects]);
    for (const spec of resolved.images) {
      const info = withoutUndefined(clone(spec.info)) as ImageInfo;
      this.images.set(info.id, {
        info,
        tags: clone([...(spec.tags ?? [])]),
        ...(spec.memberStatus !== undefined ? { memberStatus: spec.memberStatus } : {}),
      });
    }
  }

  // ---------------------------------------------------------------- time

  /** Applies every change due by `now`: job progress to images, deleted images vanishing. */
  advance(now: number): void {
    const b = this.behaviour();
    for (const record of this.jobRecords.values()) {
      if (record.finished) continue;
      const state = jobStateAt(this.timeline(record), now);
      const image = this.images.get(record.job.imageId);
      const inProgress =
        image !== undefined && (image.info.status === "queued" || image.info.status === "saving");
      if (state.status === "INIT" || state.status === "RUNNING") {
        if (inProgress) this.setStatus(image, state.status === "INIT" ? "queued" : "saving", now);
        continue;
      }
      record.finished = true;
      if (!inProgress) continue;
      if (state.status === "SUCCESS") {
        this.setStatus(image, "active", state.endedAt ?? now);
        image.info.active_at = imageTime(state.endedAt ?? now);
      } else if (b.failedImage === "removed") {
        this.images.delete(record.job.imageId);
      } else {
        this.setStatus(image, "killed", state.endedAt ?? now);
      }
    }
    for (const [id, image] of this.images) {
      if (image.purgeAt !== undefined && now >= image.purgeAt) this.images.delete(id);
    }
  }

  private setStatus(image: ImageRecord, status: ImageStatus, at: number): void {
    if (image.info.status === status) return;
    image.info.status = status;
    image.info.updated_at = imageTime(at);
  }

  private timeline(record: JobRecord) {
    const { submittedAt, initMs, runMs, curve, failure } = record.job;
    return {
      submittedAt,
      initMs,
      runMs,
      curve,
      failAtFraction: failure ? (failure.atFraction ?? 1) : undefined,
      rounding: this.behaviour().progressRounding,
    };
  }

  // ---------------------------------------------------------------- snapshots

  imageSnapshots(): EmulatedImage[] {
    return [...this.images.values()].map((r) => this.snapshot(r));
  }

  private snapshot(r: ImageRecord): EmulatedImage {
    return {
      id: r.info.id,
      info: clone(r.info),
      tags: clone(r.tags),
      ...(r.memberStatus !== undefined ? { memberStatus: r.memberStatus } : {}),
      ...(r.deletedAt !== undefined ? { deletedAt: r.deletedAt } : {}),
      ...(r.jobId !== undefined ? { jobId: r.jobId } : {}),
    };
  }

  jobSnapshots(now: number): EmulatedJob[] {
    return [...this.jobRecords.values()].map((r) => {
      const state = jobStateAt(this.timeline(r), now);
      return { ...clone(r.job), status: state.status, processPercent: state.processPercent };
    });
  }

  /** Images as the list API sees them (info and tags). */
  listable(): ListableImage[] {
    return [...this.images.values()]
      .filter((r) => this.visible(r))
      .map((r) => ({
        info: clone(r.info),
        tags: clone(r.tags),
        ...(r.memberStatus !== undefined ? { memberStatus: r.memberStatus } : {}),
      }));
  }

  /** An image as the show API sees it. */
  findInfo(id: string): ImageInfo | undefined {
    const r = this.images.get(id);
    return r && this.visible(r) ? clone(r.info) : undefined;
  }

  private visible(r: ImageRecord): boolean {
    const copying = r.jobId !== undefined && (r.info.status === "queued" || r.info.status === "saving");
    return !(copying && this.behaviour().hideCopiesUntilActive);
  }

  /** Test seam: change an image the way a test needs (protected, member status, status, attributes). */
  setImage(id: string, patch: ImagePatch, now: number): void {
    const r = this.images.get(id);
    if (!r) throw new Error(`No emulated image ${id}; known images: ${[...this.images.keys()].join(", ")}.`);
    checkImagePatch(patch);
    if (patch.status !== undefined) this.setStatus(r, patch.status, now);
    if (patch.protected !== undefined) r.info.protected = patch.protected;
    if (patch.memberStatus !== undefined) r.memberStatus = patch.memberStatus;
    if (patch.tags !== undefined) r.tags = clone([...patch.tags]);
    for (const [key, value] of Object.entries(patch.attributes ?? {})) {
      if (key === "id") throw new Error(`The id of emulated image ${id} cannot be changed.`);
      if (value === null) delete r.info[key];
      else r.info[key] = clone(value);
    }
  }

  // ---------------------------------------------------------------- copy

  /** Validates a copy body exactly as received (parsed JSON). */
  parseCopyBody(body: unknown): CopyRequest {
    if (body === undefined) throw Ims.emptyBody();
    if (typeof body !== "object" || body === null || Array.isArray(body))
      throw Ims.badFormat("The body must be a JSON object.");
    const fields = body as Record<string, unknown>;
    if (this.behaviour().rejectUnknownCopyFields) {
      const unknown = Object.keys(fields).filter((k) => !COPY_BODY_FIELDS.includes(k));
      if (unknown.length > 0) {
        throw Ims.badFormat(
          `Unknown field(s) ${unknown.map((k) => JSON.stringify(k)).join(", ")}; the copy body accepts only ${COPY_BODY_FIELDS.join(", ")}.`,
        );
      }
    }
    const name = checkName(fields.name);
    const description = fields.description === undefined ? undefined : checkDescription(fields.description);
    for (const key of ["cmk_id", "enterprise_project_id"]) {
      if (fields[key] !== undefined && typeof fields[key] !== "string")
        throw Ims.badFormat(`"${key}" must be a string.`);
    }
    const cmkId = (fields.cmk_id as string | undefined) || undefined;
    const enterpriseProjectId = (fields.enterprise_project_id as string | undefined) || "0";
    return { name, description, cmkId, enterpriseProjectId };
  }

  /** Everything the service checks about the source, the key, the project and the quotas. */
  submitCopy(sourceId: string, request: CopyRequest, now: number, failure?: JobFailure): { jobId: string } {
    const b = this.behaviour();
    const source = this.images.get(sourceId);
    if (!source || source.info.status === "deleted") throw Ims.imageNotFound(sourceId, b.unknownSourceStatus);
    const info = source.info;
    if (info.__imagetype === "gold" || info.visibility === "public") throw Ims.publicImage(sourceId);
    const shared = info.owner !== this.projectId;
    if (shared) {
      // Only an image shared with this project is visible to it; only an accepted one is copyable.
      if (source.memberStatus === undefined) throw Ims.otherTenant(sourceId);
      if (source.memberStatus !== "accepted") throw Ims.sharedNotAccepted(sourceId, source.memberStatus);
    }
    if (info.__whole_image === true || info.__whole_image === "true") throw Ims.wholeImage(sourceId);
    if (info.virtual_env_type === "IsoImage") throw Ims.isoImage(sourceId);
    if (info.status !== "active") throw Ims.unavailable(sourceId, info.status);
    if (b.windowsCopyCode !== null && (info.__os_type === "Windows" || info.__platform === "Windows"))
      throw Ims.windowsImage(b.windowsCopyCode, sourceId);
    const sizeBytes = Number(info.__image_size ?? 0);
    if (Number.isFinite(sizeBytes) && sizeBytes > b.maxCopySizeGiB * 2 ** 30)
      throw Ims.tooLarge(b.oversizedCopyCode, sourceId, sizeBytes, b.maxCopySizeGiB);
    const sourceKey = encryptionKeyOf(info);
    // A shared image can only be copied to an unencrypted image (复制共享镜像: 暂不支持复制为加密镜像).
    if (shared && (request.cmkId !== undefined || sourceKey !== undefined))
      throw Ims.sharedEncrypted(sourceId);
    if (sourceKey !== undefined) {
      // Reading an encrypted source needs its own key (IMG.0101 / IMG.0102: "the original key").
      const original = this.kmsKeys.get(sourceKey);
      if (!original) throw Ims.sourceKeyMissing(sourceKey);
      if (original.state !== "enabled") throw Ims.sourceKeyDisabled(sourceKey);
    }
    if (request.cmkId !== undefined) {
      const key = this.kmsKeys.get(request.cmkId);
      if (!key) throw Ims.kmsKeyMissing(request.cmkId);
      if (key.state !== "enabled") throw Ims.kmsKeyDisabled(request.cmkId);
      if (request.cmkId === sourceKey && b.sameKeyCopy === "refused") throw Ims.sameKmsKey(request.cmkId);
    }
    if (!this.enterpriseProjects.has(request.enterpriseProjectId))
      throw Ims.enterpriseProject(request.enterpriseProjectId);
    if (this.usedPrivateImages() >= b.imageQuota) throw Ims.quota(b.imageQuota);
    const running = this.jobSnapshots(now).filter(
      (j) => j.projectId === this.projectId && (j.status === "INIT" || j.status === "RUNNING"),
    ).length;
    if (running >= b.maxConcurrentCopyJobs) throw Ims.flowControl(b.maxConcurrentCopyJobs);

    const jobId = randomBytes(16).toString("hex");
    const imageId = randomUUID();
    const at = imageTime(now);
    // No cmk_id: an unencrypted copy (documented reading), or the source's key (UNVERIFIED option).
    const cmk = request.cmkId ?? (b.encryptedSourceWithoutCmk === "keep-source-key" ? sourceKey : undefined);
    const copied: Record<string, unknown> = {};
    for (const key of [
      "min_disk",
      "min_ram",
      "max_ram",
      "disk_format",
      "container_format",
      "virtual_env_type",
      "__os_type",
      "__os_bit",
      "__platform",
      "__os_version",
      "__image_size",
      "hw_firmware_type",
      "__support_kvm",
      "__support_xen",
      "__support_arm",
      "__support_amd",
      "__os_feature_list",
    ]) {
      if (info[key] !== undefined) copied[key] = clone(info[key]);
    }
    const newInfo = {
      ...commonImageFields(imageId),
      ...copied,
      id: imageId,
      name: request.name,
      status: "queued",
      visibility: "private",
      __imagetype: "private",
      protected: false,
      owner: this.projectId,
      created_at: at,
      updated_at: at,
      __originalimagename: sourceId,
      __data_origin: `image,${this.region},${sourceId}`,
      enterprise_project_id: request.enterpriseProjectId,
      ...(cmk !== undefined ? { __system__encrypted: "1", __system__cmkid: cmk } : {}),
      ...(request.description ? { __description: request.description } : {}),
    } as ImageInfo;
    this.images.set(imageId, { info: newInfo, tags: [], jobId });
    this.jobRecords.set(jobId, {
      finished: false,
      job: {
        jobId,
        jobType: COPY_JOB_TYPE,
        projectId: this.projectId,
        sourceImageId: sourceId,
        imageId,
        imageName: request.name,
        submittedAt: now,
        initMs: b.initSeconds * 1000,
        runMs: b.jobSeconds * 1000,
        curve: b.progressCurve,
        ...(failure ? { failure: { ...failure } } : {}),
      },
    });
    this.advance(now);
    return { jobId };
  }

  private usedPrivateImages(): number {
    return [...this.images.values()].filter(
      (r) =>
        r.info.owner === this.projectId && r.info.__imagetype === "private" && r.info.status !== "deleted",
    ).length;
  }

  quota(): { used: number; quota: number } {
    return { used: this.usedPrivateImages(), quota: this.behaviour().imageQuota };
  }

  // ---------------------------------------------------------------- jobs

  /** The job as ShowJob (`variant: "job"`) or ShowJobProgress (`"progress"`) returns it. */
  jobView(jobId: string, now: number, variant: "job" | "progress"): Record<string, unknown> {
    const b = this.behaviour();
    const record = this.jobRecords.get(jobId);
    if (!record) throw Ims.jobNotFound(jobId, b.unknownJobStatus, b.unknownJobCode);
    const { job } = record;
    const state = jobStateAt(this.timeline(record), now);
    const finished = state.status === "SUCCESS" || state.status === "FAIL";
    const failed = state.status === "FAIL";
    const namesSource =
      b.jobImageIdNames === "source" || (failed && b.jobImageIdNames === "source-when-failed");
    const showImageId =
      (failed && b.jobImageIdNames === "source-when-failed") ||
      b.jobImageIdFrom === "init" ||
      (b.jobImageIdFrom === "running" && state.status !== "INIT") ||
      state.status === "SUCCESS";
    const entities: Record<string, unknown> = {
      image_name: job.imageName,
      process_percent: state.status === "SUCCESS" ? b.successProcessPercent : state.processPercent,
    };
    if (!finished) entities.current_task = COPY_CURRENT_TASK;
    if (variant === "progress") entities.subJobId = jobId.split("").reverse().join("");
    if (showImageId) entities.image_id = namesSource ? job.sourceImageId : job.imageId;
    const failure = failed ? { ...DEFAULT_JOB_ERROR, ...job.failure } : undefined;
    const topLevel = failure !== undefined && b.jobFailureDetails !== "entities";
    if (failure !== undefined && b.jobFailureDetails !== "top-level") {
      entities.error_code = failure.errorCode;
      entities.error = failure.failReason;
      if (failure.additionErrorCode !== undefined) entities.addition_error_code = failure.additionErrorCode;
      if (failure.additionErrorMsg !== undefined) entities.addition_error_msg = failure.additionErrorMsg;
    }
    return {
      job_id: job.jobId,
      job_type: job.jobType,
      begin_time: jobTime(job.submittedAt),
      end_time: finished && state.endedAt !== undefined ? jobTime(state.endedAt) : "",
      status: state.status,
      error_code: topLevel ? failure.errorCode : null,
      fail_reason: topLevel ? failure.failReason : null,
      entities,
    };
  }

  // ---------------------------------------------------------------- update

  /** JSON-patch update of `PATCH /v2/cloudimages/{id}`; returns the updated image. */
  patchImage(id: string, ops: unknown, now: number): ImageInfo {
    const r = this.ownImage(id);
    if (r.info.status !== "active") {
      checkPatchShape(ops);
      throw Ims.unavailable(id, r.info.status);
    }
    const next = applyPatch(r.info, ops, (ep) => this.enterpriseProjects.has(ep));
    next.updated_at = imageTime(now);
    r.info = next;
    return clone(r.info);
  }

  /** An image of this project (not public, not another tenant's, not being purged). */
  private ownImage(id: string): ImageRecord {
    const r = this.images.get(id);
    if (!r || r.info.status === "deleted") throw Ims.imageNotFound(id, 404);
    if (r.info.owner !== this.projectId) throw Ims.notOwner(id);
    return r;
  }

  // ---------------------------------------------------------------- tags

  tags(id: string): Tag[] {
    return clone(this.ownImage(id).tags);
  }

  tagAction(id: string, body: { action: "create" | "delete"; tags: Tag[] }): void {
    const r = this.ownImage(id);
    if (body.action === "delete") {
      checkTagsToDelete(body.tags);
      const keys = new Set(body.tags.map((t) => t.key));
      r.tags = r.tags.filter((t) => !keys.has(t.key));
      return;
    }
    checkTagsToCreate(body.tags);
    if (!this.behaviour().tagsBeforeActive && r.info.status !== "active")
      throw Ims.unavailable(id, r.info.status);
    const merged = new Map(r.tags.map((t) => [t.key, t.value]));
    for (const t of body.tags) merged.set(t.key, t.value);
    if (merged.size > TAGS_PER_IMAGE_MAX) throw Ims.tagQuota(merged.size);
    r.tags = [...merged].map(([key, value]) => ({ key, value }));
  }

  // ---------------------------------------------------------------- delete

  deleteImage(id: string, now: number): void {
    const r = this.images.get(id);
    if (!r || r.info.status === "deleted") throw Ims.imageNotFound(id, 404);
    if (r.info.__imagetype === "gold" || r.info.visibility === "public") throw Ims.publicImage(id);
    if (r.info.owner !== this.projectId) throw Ims.notOwner(id);
    if (r.info.protected === true) throw Ims.protectedImage(id);
    if (r.info.status === "queued" || r.info.status === "saving") throw Ims.beingCreated(id);
    // Servers created from an image keep working when it is deleted (user guide 删除镜像): no "in use" refusal.
    this.setStatus(r, "deleted", now);
    r.deletedAt = now;
    r.purgeAt = now + this.behaviour().deleteSeconds * 1000;
    this.advance(now);
  }
}

const IMAGE_STATUSES: readonly ImageStatus[] = ["queued", "saving", "active", "killed", "deleted"];
export const MEMBER_STATUSES: readonly MemberStatus[] = ["accepted", "pending", "rejected"];

function checkImagePatch(patch: ImagePatch): void {
  const bad = (field: string, value: unknown, rule: string): never => {
    throw new Error(`Image patch field "${field}" = ${JSON.stringify(value)} is invalid: ${rule}.`);
  };
  const known = ["status", "protected", "memberStatus", "tags", "attributes"];
  for (const key of Object.keys(patch))
    if (!known.includes(key))
      bad(key, (patch as Record<string, unknown>)[key], `it is not patchable; use ${known.join(", ")}`);
  if (patch.status !== undefined && !IMAGE_STATUSES.includes(patch.status))
    bad("status", patch.status, `it must be one of ${IMAGE_STATUSES.join(", ")}`);
  if (patch.protected !== undefined && typeof patch.protected !== "boolean")
    bad("protected", patch.protected, "it must be true or false");
  if (patch.memberStatus !== undefined && !MEMBER_STATUSES.includes(patch.memberStatus))
    bad("memberStatus", patch.memberStatus, `it must be one of ${MEMBER_STATUSES.join(", ")}`);
  if (
    patch.tags !== undefined &&
    (!Array.isArray(patch.tags) ||
      patch.tags.some((t) => typeof t?.key !== "string" || typeof t?.value !== "string"))
  ) {
    bad("tags", patch.tags, 'it must be an array of {"key", "value"} strings');
  }
  if (
    patch.attributes !== undefined &&
    (typeof patch.attributes !== "object" || patch.attributes === null || Array.isArray(patch.attributes))
  ) {
    bad("attributes", patch.attributes, "it must be an object");
  }
}
