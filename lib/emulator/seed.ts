/**
 * The emulator's starting content: the default seed built from defaults.ts, and loading a seed
 * from a JSON file (format: {@link EmulatorSeed}).
 */
import { readFileSync } from "fs";
import {
  EMULATOR_ACCESS_KEY,
  EMULATOR_DOMAIN_ID,
  EMULATOR_PROJECT_ID,
  EMULATOR_READONLY_ACCESS_KEY,
  EMULATOR_READONLY_SECRET_KEY,
  EMULATOR_REGION,
  EMULATOR_SECRET_KEY,
  EMULATOR_TEMPORARY_ACCESS_KEY,
  EMULATOR_TEMPORARY_SECRET_KEY,
  EMULATOR_TEMPORARY_SECURITY_TOKEN,
  SEED_ENTERPRISE_PROJECT_ID,
  SEED_SHARING_PROJECT_ID,
  SeedImage,
  SeedKmsKey,
} from "./defaults";
import type { EmulatorCredential, EmulatorSeed, KmsKey, SeedImageSpec } from "./types";

/** Project that owns the public seed image (not the emulator's project). */
export const PUBLIC_IMAGE_OWNER = "1bed856811654c1cb661a6ca845ebc77";
const SEED_TIME = "2026-01-05T08:00:00Z";

export const DEFAULT_CREDENTIALS: readonly EmulatorCredential[] = [
  { accessKey: EMULATOR_ACCESS_KEY, secretKey: EMULATOR_SECRET_KEY, permissions: ["*"] },
  {
    accessKey: EMULATOR_READONLY_ACCESS_KEY,
    secretKey: EMULATOR_READONLY_SECRET_KEY,
    permissions: ["ims:images:get", "ims:images:list"],
  },
  {
    accessKey: EMULATOR_TEMPORARY_ACCESS_KEY,
    secretKey: EMULATOR_TEMPORARY_SECRET_KEY,
    securityToken: EMULATOR_TEMPORARY_SECURITY_TOKEN,
    permissions: ["*"],
  },
];

export const DEFAULT_KMS_KEYS: readonly KmsKey[] = [
  { id: SeedKmsKey.ENABLED, state: "enabled" },
  { id: SeedKmsKey.DISABLED, state: "disabled" },
  { id: SeedKmsKey.ENCRYPTED_IMAGE, state: "enabled" },
];

/** The attributes every image the emulator shows carries (reference §2.3). */
export function commonImageFields(id: string): Record<string, unknown> {
  return {
    schema: "/v2/schemas/image",
    file: `/v2/images/${id}/file`,
    self: `/v2/images/${id}`,
    container_format: "bare",
    disk_format: "zvhd2",
    min_disk: 40,
    min_ram: 0,
    max_ram: "0",
    __isregistered: "true",
    __image_source_type: "uds",
    __lazyloading: "true",
    __is_config_init: "false",
    __whole_image: false,
    __os_type: "Linux",
    __os_bit: "64",
    __platform: "CentOS",
    __os_version: "CentOS 7.9 64bit",
    __image_size: "2147483648",
    __support_kvm: "true",
    virtual_env_type: "FusionCompute",
    hw_firmware_type: "bios",
    enterprise_project_id: "0",
    tags: [],
    checksum: "d41d8cd98f00b204e9800998ecf8427e",
    size: 0,
    virtual_size: null,
  };
}

function privateImage(
  projectId: string,
  id: string,
  name: string,
  extra: Record<string, unknown> = {},
): SeedImageSpec {
  return {
    info: {
      ...commonImageFields(id),
      id,
      name,
      status: "active",
      visibility: "private",
      __imagetype: "private",
      protected: false,
      owner: projectId,
      created_at: SEED_TIME,
      updated_at: SEED_TIME,
      active_at: SEED_TIME,
      __originalimagename: "",
      __data_origin: "instance,3a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
      __description: "",
      ...extra,
    },
  };
}

/** A system-disk image of SEED_SHARING_PROJECT_ID shared with the emulator's project. */
function sharedImage(id: string, name: string, memberStatus: "accepted" | "pending"): SeedImageSpec {
  const spec = privateImage(SEED_SHARING_PROJECT_ID, id, name, {
    visibility: "shared",
    __imagetype: "shared",
  });
  return { ...spec, memberStatus };
}

export function defaultSeedImages(projectId: string): SeedImageSpec[] {
  return [
    privateImage(projectId, SeedImage.ACTIVE_PRIVATE, "seed-centos7-system", {
      __description: "Seed system-disk image to copy",
    }),
    privateImage(projectId, SeedImage.WHOLE_ECS, "seed-whole-ecs", {
      __whole_image: true,
      __backup_id: "5b6a7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d",
    }),
    privateImage(projectId, SeedImage.ISO, "seed-from-iso", {
      virtual_env_type: "IsoImage",
      disk_format: "iso",
      __data_origin: "file,obs://seed/os.iso",
      __root_origin: "file",
    }),
    {
      info: {
        ...commonImageFields(SeedImage.PUBLIC),
        id: SeedImage.PUBLIC,
        name: "CentOS 7.9 64bit",
        status: "active",
        visibility: "public",
        __imagetype: "gold",
        protected: true,
        owner: PUBLIC_IMAGE_OWNER,
        created_at: SEED_TIME,
        updated_at: SEED_TIME,
        __originalimagename: "",
        __data_origin: "",
      },
    },
    privateImage(projectId, SeedImage.SAVING_PRIVATE, "seed-still-saving", {
      status: "saving",
      active_at: undefined,
    }),
    privateImage(projectId, SeedImage.ENCRYPTED_PRIVATE, "seed-encrypted-system", {
      __description: "Seed system-disk image encrypted with a KMS key",
      __system__encrypted: "1",
      __system__cmkid: SeedKmsKey.ENCRYPTED_IMAGE,
    }),
    sharedImage(SeedImage.SHARED_ACCEPTED, "seed-shared-accepted", "accepted"),
    sharedImage(SeedImage.SHARED_PENDING, "seed-shared-pending", "pending"),
  ];
}

/** A complete seed: the given parts, the defaults of defaults.ts for the rest. */
export function resolveSeed(seed: EmulatorSeed = {}): Required<EmulatorSeed> {
  const projectId = seed.projectId ?? EMULATOR_PROJECT_ID;
  return {
    region: seed.region ?? EMULATOR_REGION,
    projectId,
    domainId: seed.domainId ?? EMULATOR_DOMAIN_ID,
    images: seed.images ?? defaultSeedImages(projectId),
    kmsKeys: seed.kmsKeys ?? DEFAULT_KMS_KEYS,
    enterpriseProjects: seed.enterpriseProjects ?? [SEED_ENTERPRISE_PROJECT_ID],
    credentials: seed.credentials ?? DEFAULT_CREDENTIALS,
  };
}

/** Reads a seed JSON file; throws naming the file and the problem. */
export function loadSeedFile(path: string): EmulatorSeed {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, "utf8"));
  } catch (err) {
    throw new Error(
      `Cannot read the seed file ${path}: ${(err as Error).message}. Pass a JSON file shaped like EmulatorSeed.`,
    );
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw new Error(
      `The seed file ${path} must hold a JSON object (EmulatorSeed), got ${Array.isArray(parsed) ? "an array" : typeof parsed}.`,
    );
  }
  const seed = parsed as EmulatorSeed;
  for (const [index, image] of (seed.images ?? []).entries()) {
    const unknown = Object.keys(image ?? {}).filter((k) => !["info", "tags", "memberStatus"].includes(k));
    if (unknown.length > 0)
      throw new Error(
        `The seed file ${path}: images[${index}] has unknown field(s) ${unknown.join(", ")}; an image is {info, tags?, memberStatus?}.`,
      );
    const memberStatus = (image as SeedImageSpec).memberStatus;
    if (memberStatus !== undefined && !["accepted", "pending", "rejected"].includes(memberStatus))
      throw new Error(
        `The seed file ${path}: images[${index}].memberStatus ${JSON.stringify(memberStatus)} must be accepted, pending or rejected.`,
      );
    const info = (image as SeedImageSpec | undefined)?.info;
    if (
      !info ||
      typeof info.id !== "string" ||
      typeof info.name !== "string" ||
      typeof info.status !== "string"
    ) {
      throw new Error(`The seed file ${path}: images[${index}].info needs string "id", "name" and "status".`);
    }
  }
  return seed;
}
