/**
 * One stack copies the image; another stack uses the new image ID. cdktf wires the reference
 * through an output of the producer and a `terraform_remote_state` in the consumer, so apply the
 * producer first (`cdktf deploy images app` does it in dependency order).
 *
 * The consumer's `terraform_data` stands in for what would really use the image, such as a
 * `huaweicloud_compute_instance` `image_id`.
 */
import { App, DataResource, TerraformOutput, TerraformStack } from "cdktf";
import { ImsImageCopy } from "cdktf-ims-image-copy";
import { settingsFromEnv } from "../settings";

export function build(
  app: App,
  env: NodeJS.ProcessEnv = process.env,
): { producer: TerraformStack; consumer: TerraformStack; copy: ImsImageCopy; server: DataResource } {
  const settings = settingsFromEnv(env);

  const producer = new TerraformStack(app, "images");
  const copy = new ImsImageCopy(producer, "golden", {
    sourceImageId: settings.sourceImageId,
    name: "golden-image",
    region: settings.region,
    projectId: settings.projectId,
    endpoint: settings.endpoint,
  });

  const consumer = new TerraformStack(app, "app");
  const server = new DataResource(consumer, "server", {
    input: { image_id: copy.imageId, flavor: "s6.small.1" },
  });
  new TerraformOutput(consumer, "server_image_id", { value: server.getStringAttribute("output.image_id") });
  return { producer, consumer, copy, server };
}

if (require.main === module) {
  const app = new App();
  build(app);
  app.synth();
}
