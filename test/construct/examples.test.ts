import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { TerraformStack } from "cdktf";
import type { ImsImageCopy } from "cdktf-ims-image-copy";
import {
  EMULATOR_PROJECT_ID,
  SEED_ENTERPRISE_PROJECT_ID,
  SeedImage,
  SeedKmsKey,
} from "cdktf-ims-image-copy/emulator";
import { build as buildBasic } from "../../examples/basic/main";
import { build as buildEncrypted } from "../../examples/encrypted/main";
import { build as buildCrossStack } from "../../examples/cross-stack/main";
import { build as buildOrg } from "../../examples/org-construct/main";
import { GoldenImageCopy, OrgPolicyError } from "../../examples/org-construct/golden-image-copy";
import { localExec, logicalId, resourcesOf, specOf, synthesize, testApp, testStack } from "./helpers";

const EXAMPLES = path.resolve(__dirname, "..", "..", "examples");
const OTHER_IMAGE = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";

/** The spec the create step of a copy receives, parsed. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function createSpec(json: any, copy: ImsImageCopy): Record<string, any> {
  return specOf(localExec(resourcesOf(json, copy).copy).environment.IMS_COPY_SPEC);
}

describe("examples", () => {
  test.each([["basic"], ["encrypted"], ["cross-stack"], ["org-construct"]])(
    "%s is a TypeScript cdktf app run with ts-node",
    (name) => {
      const config = JSON.parse(fs.readFileSync(path.join(EXAMPLES, name, "cdktf.json"), "utf8"));
      expect(config).toMatchObject({ language: "typescript", app: "npx ts-node main.ts" });
      expect(fs.existsSync(path.join(EXAMPLES, name, "main.ts"))).toBe(true);
    },
  );

  test("basic copies the emulator's seed image by default and outputs the new image ID", () => {
    const { stack, copy } = buildBasic(testApp(), {});
    const json = synthesize(stack);
    expect(createSpec(json, copy)).toMatchObject({
      source_image_id: SeedImage.ACTIVE_PRIVATE,
      name: "basic-copy",
      region: "cn-north-4",
      project_id: EMULATOR_PROJECT_ID,
      endpoint: "http://127.0.0.1:8090",
    });
    expect(json.output).toEqual({
      image_id: {
        value: `\${terraform_data.${logicalId(copy.imageResource)}.input.image_id}`,
        description: "ID of the copied image",
      },
    });
  });

  test("basic takes its settings from the environment, and an empty variable leaves the prop unset", () => {
    const { stack, copy } = buildBasic(testApp(), {
      IMS_SOURCE_IMAGE_ID: OTHER_IMAGE,
      HW_REGION_NAME: "ap-southeast-1",
      HW_PROJECT_ID: "",
      HW_IMS_ENDPOINT: "http://127.0.0.1:43125",
    });
    const json = synthesize(stack);
    const spec = createSpec(json, copy);
    expect(spec).toMatchObject({
      source_image_id: OTHER_IMAGE,
      region: "ap-southeast-1",
      endpoint: "http://127.0.0.1:43125",
    });
    expect(spec).not.toHaveProperty("project_id");
    const { copy: copyResource, image, attributes } = resourcesOf(json, copy);
    expect(specOf(copyResource.triggers_replace)).toStrictEqual({
      source_image_id: OTHER_IMAGE,
      region: "ap-southeast-1",
    });
    expect(specOf(image.input.delete)).not.toHaveProperty("project_id");
    expect(specOf(attributes.triggers_replace)).not.toHaveProperty("project_id");
  });

  test("encrypted sets the KMS key, the enterprise project, tags, a longer timeout and retains the image", () => {
    const { stack, copy } = buildEncrypted(testApp(), {});
    const { copy: copyResource, image } = resourcesOf(synthesize(stack), copy);
    expect(specOf(copyResource.triggers_replace)).toMatchObject({
      kms_key_id: SeedKmsKey.ENABLED,
      enterprise_project_id: SEED_ENTERPRISE_PROJECT_ID,
    });
    expect(specOf(localExec(copyResource).environment.IMS_COPY_SPEC)).toMatchObject({
      kms_key_id: SeedKmsKey.ENABLED,
      enterprise_project_id: SEED_ENTERPRISE_PROJECT_ID,
      tags: '{"data-class":"internal","team":"platform"}',
      create_timeout_minutes: 120,
    });
    expect(specOf(image.input.delete).removal_policy).toBe("retain");
  });

  test("cross-stack wires the producer's image ID into the consumer through remote state", () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "ims-example-xstack-"));
    try {
      const app = testApp({ outdir });
      const { copy, server } = buildCrossStack(app, {});
      app.synth();
      const read = (stack: string) =>
        JSON.parse(fs.readFileSync(path.join(outdir, "stacks", stack, "cdk.tf.json"), "utf8"));
      const images = read("images");
      const consumer = read("app");
      const [outputName, output] = Object.entries(images.output as Record<string, { value: string }>).find(
        ([name]) => name.startsWith("cross-stack-output-"),
      ) as [string, { value: string }];
      expect(output.value).toBe(`\${terraform_data.${logicalId(copy.imageResource)}.input.image_id}`);
      expect(Object.keys(consumer.data.terraform_remote_state)).toEqual([
        "cross-stack-reference-input-images",
      ]);
      expect(consumer.resource.terraform_data[logicalId(server)].input).toEqual({
        image_id: `\${data.terraform_remote_state.cross-stack-reference-input-images.outputs.${outputName}}`,
        flavor: "s6.small.1",
      });
      expect(consumer.resource.terraform_data[logicalId(server)].provisioner).toBeUndefined();
    } finally {
      fs.rmSync(outdir, { recursive: true, force: true });
    }
  });

  test("org-construct encrypts, carries the mandatory tags and adds managed-by", () => {
    const { stack, golden } = buildOrg(testApp(), {});
    const json = synthesize(stack);
    expect(specOf(resourcesOf(json, golden.copy).copy.triggers_replace).kms_key_id).toBe(SeedKmsKey.ENABLED);
    const spec = createSpec(json, golden.copy);
    expect(spec.tags).toBe('{"cost-center":"cc-1042","managed-by":"cdktf","owner":"web-team"}');
    expect(spec.construct_path).toBe("org/web-golden/copy");
  });

  test("org-construct refuses an unencrypted copy at synth time", () => {
    expect(() => buildOrg(testApp(), { IMS_KMS_KEY_ID: "" })).toThrow(
      new OrgPolicyError(
        "org/web-golden",
        "images must be encrypted: set kmsKeyId to the team's KMS key ID.",
      ),
    );
    expect(() => buildOrg(testApp(), { IMS_KMS_KEY_ID: "" })).toThrow(
      'GoldenImageCopy "org/web-golden": images must be encrypted: set kmsKeyId to the team\'s KMS key ID.',
    );
  });

  test("org-construct refuses missing or empty mandatory tags at synth time, and the library's own rules still apply", () => {
    const props = { sourceImageId: SeedImage.ACTIVE_PRIVATE, name: "golden", kmsKeyId: SeedKmsKey.ENABLED };
    const stack: TerraformStack = testStack();
    expect(() => new GoldenImageCopy(stack, "a", { ...props, tags: { owner: "web" } })).toThrow(
      'GoldenImageCopy "stack/a": the tag "cost-center" is mandatory and must not be empty: add it to tags.',
    );
    expect(() => new GoldenImageCopy(stack, "b", { ...props, tags: { owner: "", other: "x" } })).toThrow(
      'GoldenImageCopy "stack/b": the tags "owner" and "cost-center" are mandatory and must not be empty: add them to tags.',
    );
    expect(
      () =>
        new GoldenImageCopy(stack, "c", {
          ...props,
          kmsKeyId: "not-a-uuid",
          tags: { owner: "w", "cost-center": "c" },
        }),
    ).toThrow('ImsImageCopy "stack/c/copy": prop "kmsKeyId" "not-a-uuid" is invalid');
  });
});
