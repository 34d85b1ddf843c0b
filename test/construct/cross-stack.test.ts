import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { DataResource, LocalBackend, TerraformOutput, TerraformStack } from "cdktf";
import { ImsImageCopy } from "cdktf-ims-image-copy";
import { SeedImage } from "../../lib/emulator/defaults";
import { logicalId, testApp } from "./helpers";

describe("cross-stack references to imageId", () => {
  let outdir: string;
  beforeEach(() => {
    outdir = fs.mkdtempSync(path.join(os.tmpdir(), "ims-xstack-"));
  });
  afterEach(() => {
    fs.rmSync(outdir, { recursive: true, force: true });
  });

  test("a consumer stack reads the producer's image ID through remote state, and copies it again", () => {
    const app = testApp({ outdir });
    const producer = new TerraformStack(app, "producer");
    new LocalBackend(producer, { path: path.join(outdir, "producer.tfstate") });
    const base = new ImsImageCopy(producer, "base", {
      sourceImageId: SeedImage.ACTIVE_PRIVATE,
      name: "base",
    });

    const consumer = new TerraformStack(app, "consumer");
    new LocalBackend(consumer, { path: path.join(outdir, "consumer.tfstate") });
    const derived = new ImsImageCopy(consumer, "derived", { sourceImageId: base.imageId, name: "derived" });
    const user = new DataResource(consumer, "user", { input: { image_id: base.imageId } });
    new TerraformOutput(consumer, "derived_image_id", { value: derived.imageId });
    app.synth();

    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const read = (stack: string): any =>
      JSON.parse(fs.readFileSync(path.join(outdir, "stacks", stack, "cdk.tf.json"), "utf8"));
    const producerJson = read("producer");
    const consumerJson = read("consumer");

    const outputs = Object.entries(
      producerJson.output as Record<string, { value: string; sensitive?: boolean }>,
    ).filter(([name]) => name.startsWith("cross-stack-output-"));
    expect(outputs).toHaveLength(1);
    const [outputName, output] = outputs[0];
    expect(output).toEqual({
      value: `\${terraform_data.${logicalId(base.imageResource)}.input.image_id}`,
      sensitive: true,
    });

    const remoteStates = consumerJson.data.terraform_remote_state;
    expect(Object.keys(remoteStates)).toEqual(["cross-stack-reference-input-producer"]);
    expect(remoteStates["cross-stack-reference-input-producer"]).toEqual({
      backend: "local",
      config: { path: path.join(outdir, "producer.tfstate") },
      workspace: "${terraform.workspace}",
    });

    const reference = `data.terraform_remote_state.cross-stack-reference-input-producer.outputs.${outputName}`;
    expect(consumerJson.resource.terraform_data[logicalId(user)].input).toEqual({
      image_id: `\${${reference}}`,
    });
    const derivedCopy = consumerJson.resource.terraform_data[logicalId(derived.copyResource)];
    // A token is encoded by Terraform's jsonencode at apply time, whatever characters it holds.
    expect(derivedCopy.triggers_replace).toBe(`{"source_image_id":\${jsonencode(${reference})}}`);
    expect(derivedCopy.provisioner[0]["local-exec"].environment.IMS_COPY_SPEC).toContain(
      `{"source_image_id":\${jsonencode(${reference})},`,
    );
    expect(derivedCopy.input).toBe(
      `\${substr(sha256(join("\\n", ["consumer/derived", ${reference}, "", "", "", ""])), 0, 40)}`,
    );

    const manifest = JSON.parse(fs.readFileSync(path.join(outdir, "manifest.json"), "utf8"));
    expect(manifest.stacks.consumer.dependencies).toEqual(["producer"]);
  });
});
