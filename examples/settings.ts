/**
 * Settings shared by the examples, read from the environment when the app is synthesized.
 *
 * | variable            | prop            | default (the local emulator's seed)     |
 * |---------------------|-----------------|-----------------------------------------|
 * | IMS_SOURCE_IMAGE_ID | sourceImageId   | SeedImage.ACTIVE_PRIVATE                |
 * | HW_REGION_NAME      | region          | EMULATOR_REGION (cn-north-4)            |
 * | HW_PROJECT_ID       | projectId       | EMULATOR_PROJECT_ID                     |
 * | HW_IMS_ENDPOINT     | endpoint        | http://EMULATOR_DEFAULT_HOST:EMULATOR_DEFAULT_PORT |
 *
 * Set a variable to the empty string to leave its prop unset: the runtime then reads the same
 * `HW_*` variable (or its own default) at `terraform apply`. Credentials are never read here; the
 * runtime takes them from `HW_ACCESS_KEY` / `HW_SECRET_KEY` at apply time.
 */
import {
  EMULATOR_DEFAULT_HOST,
  EMULATOR_DEFAULT_PORT,
  EMULATOR_PROJECT_ID,
  EMULATOR_REGION,
  SeedImage,
} from "cdktf-ims-image-copy/emulator";

export interface ExampleSettings {
  readonly sourceImageId: string;
  readonly region?: string;
  readonly projectId?: string;
  readonly endpoint?: string;
}

/** The value of `name`, its default when unset, or undefined when set to "". */
export function setting(env: NodeJS.ProcessEnv, name: string, fallback: string): string | undefined {
  const value = env[name];
  if (value === undefined) return fallback;
  return value === "" ? undefined : value;
}

export function settingsFromEnv(env: NodeJS.ProcessEnv = process.env): ExampleSettings {
  return {
    sourceImageId: setting(env, "IMS_SOURCE_IMAGE_ID", SeedImage.ACTIVE_PRIVATE) ?? SeedImage.ACTIVE_PRIVATE,
    region: setting(env, "HW_REGION_NAME", EMULATOR_REGION),
    projectId: setting(env, "HW_PROJECT_ID", EMULATOR_PROJECT_ID),
    endpoint: setting(env, "HW_IMS_ENDPOINT", `http://${EMULATOR_DEFAULT_HOST}:${EMULATOR_DEFAULT_PORT}`),
  };
}
