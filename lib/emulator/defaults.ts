/**
 * The emulator's default identity and seed: documented in the README so users can write tests
 * against it. Nothing here is a real credential.
 */
export const EMULATOR_REGION = "cn-north-4";
export const EMULATOR_PROJECT_ID = "0e5cbc8a6a754d6b9c7e42d6f0a1b2c3";
export const EMULATOR_DOMAIN_ID = "d0d0d0d0d0d04d0d8d0d0d0d0d0d0d0d";

/** A credential with every permission. */
export const EMULATOR_ACCESS_KEY = "EMULATORACCESSKEY001";
export const EMULATOR_SECRET_KEY = "emulatorSecretKey0000000000000000000000000";
/** A credential that may read but lacks `ims:images:copy` (to exercise 403 handling). */
export const EMULATOR_READONLY_ACCESS_KEY = "EMULATORREADONLY0001";
export const EMULATOR_READONLY_SECRET_KEY = "emulatorReadOnlySecret00000000000000000000";

export const SeedImage = {
  /** An active private system-disk image: the one to copy. */
  ACTIVE_PRIVATE: "6f0a2b34-1c5d-4e7f-8a9b-0c1d2e3f4a5b",
  /** A full-ECS (whole) image: copy refused with IMG.0130. */
  WHOLE_ECS: "7a1b3c45-2d6e-4f80-9b1c-1d2e3f4a5b6c",
  /** A private image created from an ISO file: copy refused with IMG.0167. */
  ISO: "8b2c4d56-3e7f-4091-8c2d-2e3f4a5b6c7d",
  /** A public (gold) image: copy refused. */
  PUBLIC: "9c3d5e67-4f80-41a2-9d3e-3f4a5b6c7d8e",
  /** A private image still `saving` (not yet usable): copy refused with IMG.0046. */
  SAVING_PRIVATE: "ad4e6f78-5091-42b3-8e4f-4a5b6c7d8e9f",
  /**
   * An active private image encrypted with {@link SeedKmsKey.ENCRYPTED_IMAGE}
   * (`__system__encrypted: "1"`, `__system__cmkid`). A copy without `cmk_id` is unencrypted
   * (option `encryptedSourceWithoutCmk`); with `cmk_id` = its own key it is refused with IMG.0096
   * (option `sameKeyCopy`).
   */
  ENCRYPTED_PRIVATE: "be5f7089-61a2-43c4-9f50-5b6c7d8e9fa0",
  /** An active system-disk image of {@link SEED_SHARING_PROJECT_ID} shared with this project and accepted: copyable, but not to an encrypted copy (IMG.0197). */
  SHARED_ACCEPTED: "cf608190-72b3-44d5-8a61-6c7d8e9fa0b1",
  /** An image shared with this project that it has not accepted (member status pending): copy refused with IMG.0196. */
  SHARED_PENDING: "d0719201-83c4-45e6-9b72-7d8e9fa0b1c2",
} as const;

export const SeedKmsKey = {
  ENABLED: "bd66288c-9081-460a-8227-4cbd0c814cb4",
  DISABLED: "ce77399d-a192-471b-9338-5dce1d925dc5",
  /** Enabled; the key of {@link SeedImage.ENCRYPTED_PRIVATE}. */
  ENCRYPTED_IMAGE: "e1820312-94d5-46f7-8c83-8e9fa0b1c2d3",
} as const;

/** The project that owns the shared seed images. */
export const SEED_SHARING_PROJECT_ID = "5a4b3c2d1e0f4a9b8c7d6e5f4a3b2c1d";

/** An enterprise project that exists (besides the default `0`). */
export const SEED_ENTERPRISE_PROJECT_ID = "1f2e3d4c-5b6a-4798-8a7b-6c5d4e3f2a1b";

/**
 * A temporary credential (as issued by IAM with a security token): requests signed with it must
 * carry `X-Security-Token` with exactly this token, else the gateway answers 401.
 */
export const EMULATOR_TEMPORARY_ACCESS_KEY = "EMULATORTEMPORARY001";
export const EMULATOR_TEMPORARY_SECRET_KEY = "emulatorTemporarySecret0000000000000000000";
export const EMULATOR_TEMPORARY_SECURITY_TOKEN = "emulator-security-token-0000000000000000";

/** Default host and port of the `ims-emulator` command. */
export const EMULATOR_DEFAULT_HOST = "127.0.0.1";
export const EMULATOR_DEFAULT_PORT = 8090;

/**
 * What a user exports before `terraform apply` (or the CLI) to talk to an emulator at `url`:
 * its full-permission credential, region, project, and the URL as both IMS and IAM endpoint.
 */
export function emulatorClientEnv(url: string): Record<string, string> {
  return {
    HW_ACCESS_KEY: EMULATOR_ACCESS_KEY,
    HW_SECRET_KEY: EMULATOR_SECRET_KEY,
    HW_REGION_NAME: EMULATOR_REGION,
    HW_PROJECT_ID: EMULATOR_PROJECT_ID,
    HW_IMS_ENDPOINT: url,
    HW_IAM_ENDPOINT: url,
  };
}
