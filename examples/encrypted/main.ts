/**
 * An encrypted copy in an enterprise project, with a description, tags, a longer create timeout,
 * and a retained image (destroying the stack leaves the image in the account).
 *
 * Besides ../settings.ts: IMS_KMS_KEY_ID (default: the emulator's enabled key) and
 * IMS_ENTERPRISE_PROJECT_ID (default: the emulator's seeded enterprise project).
 */
import { App, TerraformOutput, TerraformStack } from "cdktf";
import { ImsImageCopy, RemovalPolicy } from "cdktf-ims-image-copy";
import { SEED_ENTERPRISE_PROJECT_ID, SeedKmsKey } from "cdktf-ims-image-copy/emulator";
import { setting, settingsFromEnv } from "../settings";

export function build(
  app: App,
  env: NodeJS.ProcessEnv = process.env,
): { stack: TerraformStack; copy: ImsImageCopy } {
  const settings = settingsFromEnv(env);
  const stack = new TerraformStack(app, "encrypted");
  const copy = new ImsImageCopy(stack, "encrypted-copy", {
    sourceImageId: settings.sourceImageId,
    name: "web-base encrypted",
    description: "Copy of the web base image, encrypted with the platform key",
    kmsKeyId: setting(env, "IMS_KMS_KEY_ID", SeedKmsKey.ENABLED),
    enterpriseProjectId: setting(env, "IMS_ENTERPRISE_PROJECT_ID", SEED_ENTERPRISE_PROJECT_ID),
    tags: { team: "platform", "data-class": "internal" },
    region: settings.region,
    projectId: settings.projectId,
    endpoint: settings.endpoint,
    createTimeoutMinutes: 120,
    removalPolicy: RemovalPolicy.RETAIN,
  });
  new TerraformOutput(stack, "image_id", { value: copy.imageId, description: "ID of the encrypted copy" });
  return { stack, copy };
}

if (require.main === module) {
  const app = new App();
  build(app);
  app.synth();
}
