import { DataResource, Fn, TerraformOutput, TerraformStack, TerraformVariable } from "cdktf";
import { Construct } from "constructs";
import { ImsImageCopy, MARKER_TAG_KEY, RemovalPolicy } from "cdktf-ims-image-copy";
import { EMULATOR_PROJECT_ID, SEED_ENTERPRISE_PROJECT_ID, SeedImage, SeedKmsKey } from "../../lib/emulator/defaults";
import { localExec, logicalId, resourcesOf, synthesize, testStack } from "./helpers";

const SOURCE = SeedImage.ACTIVE_PRIVATE;
const RUNTIME_PATH = /^assets\/ImsImageCopyRuntime\/[0-9A-F]{32}\/runtime-bundle\.js$/;
const MARKER_EXPR = (path: string, source: string, kms = "", ep = "", region = "", project = ""): string =>
  `\${substr(sha256(join("\\n", [${[path, source, kms, ep, region, project].map((v) => (v.startsWith("${") ? v.slice(2, -1) : JSON.stringify(v))).join(", ")}])), 0, 40)}`;

function minimal(stack: TerraformStack, id = "copy"): ImsImageCopy {
  return new ImsImageCopy(stack, id, { sourceImageId: SOURCE, name: "web-base copy" });
}

function full(stack: TerraformStack): ImsImageCopy {
  return new ImsImageCopy(stack, "copy", {
    sourceImageId: SOURCE,
    name: "web-base 加密 v1.2",
    description: "Nightly copy: see runbook #7",
    kmsKeyId: SeedKmsKey.ENABLED,
    enterpriseProjectId: SEED_ENTERPRISE_PROJECT_ID,
    tags: { team: "platform", env: "prod", 成本中心: "cc-1.2" },
    region: "cn-north-4",
    projectId: EMULATOR_PROJECT_ID,
    endpoint: "https://ims.cn-north-4.myhuaweicloud.com",
    createTimeoutMinutes: 90,
    deleteTimeoutMinutes: 5,
    removalPolicy: RemovalPolicy.RETAIN,
  });
}

describe("resources of one ImsImageCopy", () => {
  test("it synthesizes exactly four terraform_data resources named copy, result, image and attributes", () => {
    const stack = testStack();
    const construct = minimal(stack);
    const json = synthesize(stack);
    expect(Object.keys(json.resource)).toEqual(["terraform_data"]);
    expect(construct.node.children.filter((c) => c instanceof DataResource).map((c) => c.node.id)).toEqual(["copy", "result", "image", "attributes"]);
    const keys = [construct.copyResource, construct.resultResource, construct.imageResource, construct.attributesResource].map(logicalId);
    expect(Object.keys(json.resource.terraform_data).sort()).toEqual([...keys].sort());
    expect(json.provider).toBeUndefined();
  });

  test("the copy resource is replaced when a force-new input changes, and unset inputs are empty strings", () => {
    const stack = testStack();
    const construct = minimal(stack);
    const { copy } = resourcesOf(synthesize(stack), construct);
    expect(copy.triggers_replace).toEqual({
      source_image_id: SOURCE,
      kms_key_id: "",
      enterprise_project_id: "",
      region: "",
      project_id: "",
      marker: MARKER_EXPR("stack/copy", SOURCE),
    });
  });

  test("the copy resource passes every prop to the create step through its environment, with defaults for the unset ones", () => {
    const stack = testStack();
    const construct = minimal(stack);
    const exec = localExec(resourcesOf(synthesize(stack), construct).copy);
    expect(exec.command).toBe('node "$IMS_COPY_RUNTIME" create');
    expect(exec.when).toBeUndefined();
    expect(exec.environment).toEqual({
      IMS_COPY_RUNTIME: expect.stringMatching(RUNTIME_PATH),
      IMS_COPY_SOURCE_IMAGE_ID: SOURCE,
      IMS_COPY_NAME: "web-base copy",
      IMS_COPY_DESCRIPTION: "",
      IMS_COPY_KMS_KEY_ID: "",
      IMS_COPY_ENTERPRISE_PROJECT_ID: "",
      IMS_COPY_TAGS: "{}",
      IMS_COPY_REGION: "",
      IMS_COPY_PROJECT_ID: "",
      IMS_COPY_ENDPOINT: "",
      IMS_COPY_MARKER: MARKER_EXPR("stack/copy", SOURCE),
      IMS_COPY_CONSTRUCT_PATH: "stack/copy",
      IMS_COPY_CREATE_TIMEOUT_MINUTES: "60",
      IMS_COPY_RESULT_FILE: ".ims-image-copy/results/${self.id}.json",
    });
  });

  test("every prop set reaches the copy resource's triggers and environment", () => {
    const stack = testStack();
    const construct = full(stack);
    const { copy } = resourcesOf(synthesize(stack), construct);
    const marker = MARKER_EXPR("stack/copy", SOURCE, SeedKmsKey.ENABLED, SEED_ENTERPRISE_PROJECT_ID, "cn-north-4", EMULATOR_PROJECT_ID);
    expect(copy.triggers_replace).toEqual({
      source_image_id: SOURCE,
      kms_key_id: SeedKmsKey.ENABLED,
      enterprise_project_id: SEED_ENTERPRISE_PROJECT_ID,
      region: "cn-north-4",
      project_id: EMULATOR_PROJECT_ID,
      marker,
    });
    expect(localExec(copy).environment).toEqual({
      IMS_COPY_RUNTIME: expect.stringMatching(RUNTIME_PATH),
      IMS_COPY_SOURCE_IMAGE_ID: SOURCE,
      IMS_COPY_NAME: "web-base 加密 v1.2",
      IMS_COPY_DESCRIPTION: "Nightly copy: see runbook #7",
      IMS_COPY_KMS_KEY_ID: SeedKmsKey.ENABLED,
      IMS_COPY_ENTERPRISE_PROJECT_ID: SEED_ENTERPRISE_PROJECT_ID,
      IMS_COPY_TAGS: '{"env":"prod","team":"platform","成本中心":"cc-1.2"}',
      IMS_COPY_REGION: "cn-north-4",
      IMS_COPY_PROJECT_ID: EMULATOR_PROJECT_ID,
      IMS_COPY_ENDPOINT: "https://ims.cn-north-4.myhuaweicloud.com",
      IMS_COPY_MARKER: marker,
      IMS_COPY_CONSTRUCT_PATH: "stack/copy",
      IMS_COPY_CREATE_TIMEOUT_MINUTES: "90",
      IMS_COPY_RESULT_FILE: ".ims-image-copy/results/${self.id}.json",
    });
  });

  test("the result resource reads the image ID from the copy's result file once and keeps it", () => {
    const stack = testStack();
    const construct = minimal(stack);
    const json = synthesize(stack);
    const copyKey = logicalId(construct.copyResource);
    const { result } = resourcesOf(json, construct);
    const file = `format(".ims-image-copy/results/%s.json", terraform_data.${copyKey}.id)`;
    expect(result.triggers_replace).toBe(`\${terraform_data.${copyKey}.id}`);
    expect(result.input).toBe(`\${fileexists(${file}) ? lookup(jsondecode(file(${file})), "image_id", "") : ""}`);
    expect(result.lifecycle).toEqual({
      ignore_changes: ["input"],
      postcondition: [
        {
          condition: '${self.output != ""}',
          error_message:
            'ImsImageCopy "stack/copy": the copy step finished without writing its result file, so the new image ID is unknown. ' +
            `Run "terraform apply -replace=terraform_data.${copyKey}": the create step finds the copy it already made and writes the file again.`,
        },
      ],
    });
    expect(result.provisioner).toBeUndefined();
  });

  test("the image resource holds the captured ID and the deletion settings, with defaults", () => {
    const stack = testStack();
    const construct = minimal(stack);
    const json = synthesize(stack);
    const resultKey = logicalId(construct.resultResource);
    const { image } = resourcesOf(json, construct);
    expect(image.triggers_replace).toBe(`\${terraform_data.${resultKey}.output}`);
    expect(image.input).toEqual({
      image_id: `\${terraform_data.${resultKey}.output}`,
      removal_policy: "destroy",
      region: "",
      project_id: "",
      endpoint: "",
      delete_timeout_minutes: 10,
      marker: MARKER_EXPR("stack/copy", SOURCE),
    });
    expect(image.lifecycle).toBeUndefined();
  });

  test("the image resource deletes the image at destroy time reading only self and literals", () => {
    const stack = testStack();
    const construct = full(stack);
    const { image } = resourcesOf(synthesize(stack), construct);
    expect(image.input).toMatchObject({ removal_policy: "retain", delete_timeout_minutes: 5, region: "cn-north-4", project_id: EMULATOR_PROJECT_ID, endpoint: "https://ims.cn-north-4.myhuaweicloud.com" });
    const exec = localExec(image);
    expect(exec.command).toBe('node "$IMS_COPY_RUNTIME" delete');
    expect(exec.when).toBe("destroy");
    expect(exec.environment).toEqual({
      IMS_COPY_RUNTIME: expect.stringMatching(RUNTIME_PATH),
      IMS_COPY_IMAGE_ID: "${self.output.image_id}",
      IMS_COPY_REMOVAL_POLICY: "${self.output.removal_policy}",
      IMS_COPY_REGION: "${self.output.region}",
      IMS_COPY_PROJECT_ID: "${self.output.project_id}",
      IMS_COPY_ENDPOINT: "${self.output.endpoint}",
      IMS_COPY_DELETE_TIMEOUT_MINUTES: "${self.output.delete_timeout_minutes}",
      IMS_COPY_MARKER: "${self.output.marker}",
      IMS_COPY_CONSTRUCT_PATH: "stack/copy",
    });
    for (const value of Object.values(exec.environment) as string[]) {
      const references = value.match(/\$\{[^}]*\}/g) ?? [];
      for (const reference of references) expect(reference).toMatch(/^\$\{self\.output\.[a-z_]+\}$/);
    }
  });

  test("the attributes resource applies name, description and tags in place whenever one of them changes", () => {
    const stack = testStack();
    const construct = full(stack);
    const json = synthesize(stack);
    const imageKey = logicalId(construct.imageResource);
    const { attributes } = resourcesOf(json, construct);
    const imageId = `\${terraform_data.${imageKey}.input.image_id}`;
    const tags = '{"env":"prod","team":"platform","成本中心":"cc-1.2"}';
    expect(attributes.triggers_replace).toEqual({ image_id: imageId, name: "web-base 加密 v1.2", description: "Nightly copy: see runbook #7", tags });
    const exec = localExec(attributes);
    expect(exec.command).toBe('node "$IMS_COPY_RUNTIME" update');
    expect(exec.when).toBeUndefined();
    expect(exec.environment).toEqual({
      IMS_COPY_RUNTIME: expect.stringMatching(RUNTIME_PATH),
      IMS_COPY_IMAGE_ID: imageId,
      IMS_COPY_NAME: "web-base 加密 v1.2",
      IMS_COPY_DESCRIPTION: "Nightly copy: see runbook #7",
      IMS_COPY_TAGS: tags,
      IMS_COPY_MARKER: MARKER_EXPR("stack/copy", SOURCE, SeedKmsKey.ENABLED, SEED_ENTERPRISE_PROJECT_ID, "cn-north-4", EMULATOR_PROJECT_ID),
      IMS_COPY_REGION: "cn-north-4",
      IMS_COPY_PROJECT_ID: EMULATOR_PROJECT_ID,
      IMS_COPY_ENDPOINT: "https://ims.cn-north-4.myhuaweicloud.com",
      IMS_COPY_CONSTRUCT_PATH: "stack/copy",
    });
  });
});

describe("attributes of ImsImageCopy", () => {
  test("imageId refers to the image resource's input, so dependents are destroyed before the image and stay known on in-place updates", () => {
    const stack = testStack();
    const copy = minimal(stack);
    new TerraformOutput(stack, "image_id", { value: copy.imageId });
    const json = synthesize(stack);
    const imageKey = logicalId(copy.imageResource);
    expect(json.output.image_id.value).toBe(`\${terraform_data.${imageKey}.input.image_id}`);
  });

  test("marker is the Terraform expression hashing the construct path and the force-new inputs, and markerTagKey is the library's tag key", () => {
    const stack = testStack();
    const copy = minimal(stack);
    new TerraformOutput(stack, "marker", { value: copy.marker });
    expect(synthesize(stack).output.marker.value).toBe(MARKER_EXPR("stack/copy", SOURCE));
    expect(copy.markerTagKey).toBe("cdktf-ims-image-copy");
    expect(copy.markerTagKey).toBe(MARKER_TAG_KEY);
  });

  test("the marker token composes like a cdktf expression: inside Fn calls, in a longer string, and as a prop of another copy", () => {
    const stack = testStack();
    const copy = minimal(stack);
    const other = new ImsImageCopy(stack, "other", { sourceImageId: SOURCE, name: "other", description: copy.marker });
    new TerraformOutput(stack, "upper", { value: Fn.upper(copy.marker) });
    new TerraformOutput(stack, "joined", { value: Fn.join("-", [copy.marker, "x"]) });
    new TerraformOutput(stack, "prefixed", { value: `m-${copy.marker}` });
    const json = synthesize(stack);
    const expression = MARKER_EXPR("stack/copy", SOURCE).slice(2, -1);
    expect(json.output.upper.value).toBe(`\${upper(${expression})}`);
    expect(json.output.joined.value).toBe(`\${join("-", [${expression}, "x"])}`);
    expect(json.output.prefixed.value).toBe(`m-\${${expression}}`);
    expect(localExec(resourcesOf(json, other).copy).environment.IMS_COPY_DESCRIPTION).toBe(`\${${expression}}`);
    expect(copy.marker).toBe(copy.marker);
  });

  test("two copies of the same image in one stack get different markers because their paths differ", () => {
    const stack = testStack();
    const a = minimal(stack, "a");
    const b = minimal(stack, "b");
    const json = synthesize(stack);
    expect(resourcesOf(json, a).copy.triggers_replace.marker).toBe(MARKER_EXPR("stack/a", SOURCE));
    expect(resourcesOf(json, b).copy.triggers_replace.marker).toBe(MARKER_EXPR("stack/b", SOURCE));
  });

  test("the underlying resources are exposed as DataResource escape hatches", () => {
    const stack = testStack();
    const copy = minimal(stack);
    for (const resource of [copy.copyResource, copy.resultResource, copy.imageResource, copy.attributesResource]) {
      expect(resource).toBeInstanceOf(DataResource);
    }
    expect([copy.copyResource, copy.resultResource, copy.imageResource, copy.attributesResource].map((r) => r.node.id)).toEqual(["copy", "result", "image", "attributes"]);
    copy.imageResource.addOverride("lifecycle.prevent_destroy", true);
    expect(resourcesOf(synthesize(stack), copy).image.lifecycle).toEqual({ prevent_destroy: true });
  });

  test("isImsImageCopy recognises instances by symbol and rejects everything else", () => {
    const stack = testStack();
    const copy = minimal(stack);
    expect(ImsImageCopy.isImsImageCopy(copy)).toBe(true);
    expect(ImsImageCopy.isImsImageCopy(new Construct(stack, "other"))).toBe(false);
    expect(ImsImageCopy.isImsImageCopy(stack)).toBe(false);
    expect(ImsImageCopy.isImsImageCopy({ imageId: "x" })).toBe(false);
    expect(ImsImageCopy.isImsImageCopy(null)).toBe(false);
    expect(ImsImageCopy.isImsImageCopy(undefined)).toBe(false);
    expect(ImsImageCopy.isImsImageCopy("copy")).toBe(false);
    const lookalike = Object.create(null) as object;
    Object.defineProperty(lookalike, Symbol.for("cdktf-ims-image-copy.ImsImageCopy"), { value: true });
    expect(ImsImageCopy.isImsImageCopy(lookalike)).toBe(true);
  });
});

describe("commands and values", () => {
  test("commands stay constant whatever the values; shell metacharacters travel only in the environment", () => {
    const stack = testStack();
    const description = 'pwned"; rm -rf / ; echo $(id) `id` $HOME \' & | ;';
    const construct = new ImsImageCopy(stack, "copy", { sourceImageId: SOURCE, name: "a b-c_d.e", description });
    const { copy, image, attributes } = resourcesOf(synthesize(stack), construct);
    expect(localExec(copy).command).toBe('node "$IMS_COPY_RUNTIME" create');
    expect(localExec(image).command).toBe('node "$IMS_COPY_RUNTIME" delete');
    expect(localExec(attributes).command).toBe('node "$IMS_COPY_RUNTIME" update');
    expect(localExec(copy).environment.IMS_COPY_DESCRIPTION).toBe(description);
    expect(localExec(attributes).environment.IMS_COPY_DESCRIPTION).toBe(description);
  });

  test("Terraform template sequences in user strings are escaped so that they arrive byte for byte", () => {
    const stack = testStack();
    const description = "a ${HOME} %{ if true }x%{ endif } $${x} %%{ 100% }";
    const construct = new ImsImageCopy(stack, "copy", { sourceImageId: SOURCE, name: "n", description });
    const { copy, attributes } = resourcesOf(synthesize(stack), construct);
    const escaped = "a $${HOME} %%{ if true }x%%{ endif } $$${x} %%%{ 100% }";
    expect(localExec(copy).environment.IMS_COPY_DESCRIPTION).toBe(escaped);
    expect(localExec(attributes).environment.IMS_COPY_DESCRIPTION).toBe(escaped);
    expect(attributes.triggers_replace.description).toBe(escaped);
  });

  test("in a string mixing a token and literal text only the literal text is escaped", () => {
    const stack = testStack();
    const suffix = new TerraformVariable(stack, "suffix", { type: "string" });
    const construct = new ImsImageCopy(stack, "copy", { sourceImageId: SOURCE, name: "n", description: `built by \${USER} %{x} for ${suffix.stringValue}` });
    const { copy } = resourcesOf(synthesize(stack), construct);
    expect(localExec(copy).environment.IMS_COPY_DESCRIPTION).toBe("built by $${USER} %%{x} for ${var.suffix}");
  });

  test("a construct path with template sequences is escaped in the environment and inside the marker expression", () => {
    const stack = testStack();
    const construct = new ImsImageCopy(stack, "odd ${id} %{x}", { sourceImageId: SOURCE, name: "n" });
    const { copy } = resourcesOf(synthesize(stack), construct);
    expect(localExec(copy).environment.IMS_COPY_CONSTRUCT_PATH).toBe("stack/odd $${id} %%{x}");
    expect(copy.triggers_replace.marker).toBe(`\${substr(sha256(join("\\n", ["stack/odd $\${id} %%{x}", "${SOURCE}", "", "", "", ""])), 0, 40)}`);
  });

  test("quotes and backslashes in the construct path are escaped inside the marker expression", () => {
    const stack = testStack();
    const construct = new ImsImageCopy(stack, 'q " b \\ n \\n', { sourceImageId: SOURCE, name: "n" });
    const { copy } = resourcesOf(synthesize(stack), construct);
    expect(localExec(copy).environment.IMS_COPY_CONSTRUCT_PATH).toBe('stack/q " b \\ n \\n');
    expect(copy.triggers_replace.marker).toBe(`\${substr(sha256(join("\\n", ["stack/q \\" b \\\\ n \\\\n", "${SOURCE}", "", "", "", ""])), 0, 40)}`);
  });

  test("tags without tokens are JSON with sorted keys", () => {
    const stack = testStack();
    const construct = new ImsImageCopy(stack, "copy", { sourceImageId: SOURCE, name: "n", tags: { zeta: "", alpha: "1", Mid: "v.2" } });
    const { copy } = resourcesOf(synthesize(stack), construct);
    expect(localExec(copy).environment.IMS_COPY_TAGS).toBe('{"Mid":"v.2","alpha":"1","zeta":""}');
  });

  test("tags holding a token are encoded by Terraform's jsonencode", () => {
    const stack = testStack();
    const owner = new TerraformVariable(stack, "owner", { type: "string" });
    const construct = new ImsImageCopy(stack, "copy", { sourceImageId: SOURCE, name: "n", tags: { team: "platform", owner: owner.stringValue } });
    const { copy, attributes } = resourcesOf(synthesize(stack), construct);
    const expected = '${jsonencode({"team" = "platform", "owner" = var.owner})}';
    expect(localExec(copy).environment.IMS_COPY_TAGS).toBe(expected);
    expect(attributes.triggers_replace.tags).toBe(expected);
  });

  test("a whole tag map from a variable is encoded by jsonencode", () => {
    const stack = testStack();
    const tags = new TerraformVariable(stack, "tags", { type: "map(string)" });
    const construct = new ImsImageCopy(stack, "copy", { sourceImageId: SOURCE, name: "n", tags: tags.value });
    const { copy } = resourcesOf(synthesize(stack), construct);
    expect(localExec(copy).environment.IMS_COPY_TAGS).toBe("${jsonencode(var.tags)}");
  });

  test("every prop accepts a token from another resource and is passed through unvalidated", () => {
    const stack = testStack();
    const v = (name: string, type = "string"): TerraformVariable => new TerraformVariable(stack, name, { type });
    const producer = minimal(stack, "producer");
    const construct = new ImsImageCopy(stack, "copy", {
      sourceImageId: producer.imageId,
      name: v("name").stringValue,
      description: v("description").stringValue,
      kmsKeyId: v("kms").stringValue,
      enterpriseProjectId: v("ep").stringValue,
      region: v("region").stringValue,
      projectId: v("project").stringValue,
      endpoint: v("endpoint").stringValue,
      createTimeoutMinutes: v("create", "number").numberValue,
      deleteTimeoutMinutes: v("delete", "number").numberValue,
      removalPolicy: v("policy").stringValue as RemovalPolicy,
    });
    const json = synthesize(stack);
    const source = `\${terraform_data.${logicalId(producer.imageResource)}.input.image_id}`;
    const { copy, image } = resourcesOf(json, construct);
    expect(localExec(copy).environment).toMatchObject({
      IMS_COPY_SOURCE_IMAGE_ID: source,
      IMS_COPY_NAME: "${var.name}",
      IMS_COPY_DESCRIPTION: "${var.description}",
      IMS_COPY_KMS_KEY_ID: "${var.kms}",
      IMS_COPY_ENTERPRISE_PROJECT_ID: "${var.ep}",
      IMS_COPY_REGION: "${var.region}",
      IMS_COPY_PROJECT_ID: "${var.project}",
      IMS_COPY_ENDPOINT: "${var.endpoint}",
      IMS_COPY_CREATE_TIMEOUT_MINUTES: "${var.create}",
      IMS_COPY_MARKER: MARKER_EXPR("stack/copy", source, "${var.kms}", "${var.ep}", "${var.region}", "${var.project}"),
    });
    expect(image.input).toMatchObject({ removal_policy: "${var.policy}", delete_timeout_minutes: "${var.delete}", region: "${var.region}" });
  });

});
