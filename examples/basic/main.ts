/**
 * The smallest use: copy one private image and output the new image ID.
 *
 *   cdktf synth                      # or: CDKTF_OUTDIR=/tmp/out npx ts-node main.ts
 *   cd cdktf.out/stacks/basic && terraform init && terraform apply
 *
 * Settings come from the environment (see ../settings.ts); by default they target the local
 * emulator (`ims-emulator`). The app's output directory is `CDKTF_OUTDIR` when set (read by cdktf's
 * `App`), else `cdktf.out`.
 */
import { App, TerraformOutput, TerraformStack } from "cdktf";
import { ImsImageCopy } from "cdktf-ims-image-copy";
import { settingsFromEnv } from "../settings";

export function build(
  app: App,
  env: NodeJS.ProcessEnv = process.env,
): { stack: TerraformStack; copy: ImsImageCopy } {
  const settings = settingsFromEnv(env);
  const stack = new TerraformStack(app, "basic");
  const copy = new ImsImageCopy(stack, "copy", {
    sourceImageId: settings.sourceImageId,
    name: "basic-copy",
    region: settings.region,
    projectId: settings.projectId,
    endpoint: settings.endpoint,
  });
  new TerraformOutput(stack, "image_id", { value: copy.imageId, description: "ID of the copied image" });
  return { stack, copy };
}

if (require.main === module) {
  const app = new App();
  build(app);
  app.synth();
}
