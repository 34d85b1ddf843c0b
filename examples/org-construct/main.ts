/**
 * Teams copy images through the organisation's GoldenImageCopy, which enforces encryption and
 * mandatory tags at synth time (see golden-image-copy.ts).
 *
 * Besides ../settings.ts: IMS_KMS_KEY_ID (default: the emulator's enabled key).
 */
import { App, TerraformOutput, TerraformStack } from "cdktf";
import { SeedKmsKey } from "cdktf-ims-image-copy/emulator";
import { setting, settingsFromEnv } from "../settings";
import { GoldenImageCopy } from "./golden-image-copy";

export function build(
  app: App,
  env: NodeJS.ProcessEnv = process.env,
): { stack: TerraformStack; golden: GoldenImageCopy } {
  const settings = settingsFromEnv(env);
  const stack = new TerraformStack(app, "org");
  const golden = new GoldenImageCopy(stack, "web-golden", {
    sourceImageId: settings.sourceImageId,
    name: "web-golden",
    kmsKeyId: setting(env, "IMS_KMS_KEY_ID", SeedKmsKey.ENABLED) ?? "",
    tags: { owner: "web-team", "cost-center": "cc-1042" },
    region: settings.region,
    projectId: settings.projectId,
    endpoint: settings.endpoint,
  });
  new TerraformOutput(stack, "image_id", { value: golden.imageId });
  return { stack, golden };
}

if (require.main === module) {
  const app = new App();
  build(app);
  app.synth();
}
