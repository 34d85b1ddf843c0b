import { Fn, TerraformOutput, TerraformResource, TerraformStack, TerraformVariable } from "cdktf";
import { Construct } from "constructs";
import { ImsImageCopy, MARKER_TAG_KEY, RemovalPolicy } from "cdktf-ims-image-copy";
import { TerraformData } from "../../lib/cdktf";
import {
  EMULATOR_PROJECT_ID,
  SEED_ENTERPRISE_PROJECT_ID,
  SeedImage,
  SeedKmsKey,
} from "../../lib/emulator/defaults";
import { expandSpec, readCreateInput, readDeleteInput, readUpdateInput } from "../../lib/runtime/steps/env";
import { RuntimeEnv } from "../../lib/shared/constants";
import {
  SPEC_KEYS,
  evaluatedSpecOf,
  localExec,
  logicalId,
  resourcesOf,
  specOf,
  synthesize,
  testStack,
} from "./helpers";

const SOURCE = SeedImage.ACTIVE_PRIVATE;
const RUNTIME_PATH = "assets/ImsImageCopyRuntime/[0-9A-F]{32}/runtime-bundle\\.js";
const COMMAND = (subcommand: string): RegExp => new RegExp(`^node "${RUNTIME_PATH}" ${subcommand}$`);
const MARKER_EXPR = (path: string, source: string, kms = "", ep = "", region = "", project = ""): string =>
  `\${substr(sha256(join("\\n", [${[path, source, kms, ep, region, project].map((v) => (v.startsWith("${") ? v.slice(2, -1) : JSON.stringify(v))).join(", ")}])), 0, 40)}`;
const RESULT_FILE = ".ims-image-copy/results/${self.id}.json";
const FULL_TAGS = '{"env":"prod","team":"platform","成本中心":"cc-1.2"}';

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

/** The four specs of a copy: the copy's triggers, the create step's, the stored delete spec and the update step's. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function specTexts(resources: { copy: any; image: any; attributes: any }): {
  triggers: string;
  create: string;
  delete: string;
  update: string;
} {
  return {
    triggers: resources.copy.triggers_replace,
    create: localExec(resources.copy).environment[RuntimeEnv.SPEC],
    delete: resources.image.input.delete,
    update: resources.attributes.triggers_replace,
  };
}

/** What the update and delete specs say of who owns the copy: the workspace and the copy resource. */
function ownerSpec(construct: ImsImageCopy): Record<string, string> {
  const copy = `terraform_data.${logicalId(construct.copyResource)}`;
  return { workspace: "${terraform.workspace}", resource_id: `\${${copy}.id}`, resource_address: copy };
}

describe("resources of one ImsImageCopy", () => {
  test("it synthesizes exactly four terraform_data resources named copy, result, image and attributes, each commented with its construct path", () => {
    const stack = testStack();
    const construct = minimal(stack);
    const json = synthesize(stack);
    expect(Object.keys(json.resource)).toEqual(["terraform_data"]);
    expect(construct.node.children.filter((c) => c instanceof TerraformData).map((c) => c.node.id)).toEqual([
      "copy",
      "result",
      "image",
      "attributes",
    ]);
    const keys = [
      construct.copyResource,
      construct.resultResource,
      construct.imageResource,
      construct.attributesResource,
    ].map(logicalId);
    expect(Object.keys(json.resource.terraform_data).sort()).toEqual([...keys].sort());
    expect(json.provider).toBeUndefined();
    // Testing.synth drops "//" comments: read them from the stack's own JSON.
    const resources = (
      stack.toTerraform() as { resource: { terraform_data: Record<string, { "//": unknown }> } }
    ).resource.terraform_data;
    expect(keys.map((key) => resources[key]["//"])).toEqual([
      "stack/copy/copy",
      "stack/copy/result",
      "stack/copy/image",
      "stack/copy/attributes",
    ]);
  });

  test("the copy resource is replaced when a force-new input changes, unset inputs are left out, and its input is the marker", () => {
    const stack = testStack();
    const construct = minimal(stack);
    const { copy } = resourcesOf(synthesize(stack), construct);
    expect(copy.triggers_replace).toBe(`{"source_image_id":"${SOURCE}"}`);
    expect(copy.input).toBe(MARKER_EXPR("stack/copy", SOURCE));
  });

  test("the copy resource passes every prop to the create step in one spec, with defaults for the timeout and unset props left out", () => {
    const stack = testStack();
    const construct = minimal(stack);
    const exec = localExec(resourcesOf(synthesize(stack), construct).copy);
    expect(exec.command).toMatch(COMMAND("create"));
    expect(exec.when).toBeUndefined();
    expect(Object.keys(exec.environment)).toEqual([RuntimeEnv.SPEC]);
    expect(specOf(exec.environment[RuntimeEnv.SPEC])).toStrictEqual({
      source_image_id: SOURCE,
      name: "web-base copy",
      tags: "{}",
      marker: "${self.output}",
      construct_path: "stack/copy",
      workspace: "${terraform.workspace}",
      resource_id: "${self.id}",
      create_timeout_minutes: 60,
      result_file: RESULT_FILE,
    });
  });

  test("every prop set reaches the copy resource's triggers, marker and create spec", () => {
    const stack = testStack();
    const construct = full(stack);
    const { copy } = resourcesOf(synthesize(stack), construct);
    expect(specOf(copy.triggers_replace)).toStrictEqual({
      source_image_id: SOURCE,
      kms_key_id: SeedKmsKey.ENABLED,
      enterprise_project_id: SEED_ENTERPRISE_PROJECT_ID,
      region: "cn-north-4",
      project_id: EMULATOR_PROJECT_ID,
    });
    expect(copy.input).toBe(
      MARKER_EXPR(
        "stack/copy",
        SOURCE,
        SeedKmsKey.ENABLED,
        SEED_ENTERPRISE_PROJECT_ID,
        "cn-north-4",
        EMULATOR_PROJECT_ID,
      ),
    );
    expect(specOf(localExec(copy).environment[RuntimeEnv.SPEC])).toStrictEqual({
      source_image_id: SOURCE,
      name: "web-base 加密 v1.2",
      description: "Nightly copy: see runbook #7",
      kms_key_id: SeedKmsKey.ENABLED,
      enterprise_project_id: SEED_ENTERPRISE_PROJECT_ID,
      tags: FULL_TAGS,
      region: "cn-north-4",
      project_id: EMULATOR_PROJECT_ID,
      endpoint: "https://ims.cn-north-4.myhuaweicloud.com",
      marker: "${self.output}",
      construct_path: "stack/copy",
      workspace: "${terraform.workspace}",
      resource_id: "${self.id}",
      create_timeout_minutes: 90,
      result_file: RESULT_FILE,
    });
  });

  test("the result resource reads the image ID from the copy's result file once and keeps it", () => {
    const stack = testStack();
    const construct = minimal(stack);
    const json = synthesize(stack);
    const copyKey = logicalId(construct.copyResource);
    const { result } = resourcesOf(json, construct);
    const file = `".ims-image-copy/results/\${terraform_data.${copyKey}.id}.json"`;
    expect(result.triggers_replace).toBe(`\${terraform_data.${copyKey}.id}`);
    expect(result.input).toBe(
      `\${fileexists(${file}) ? lookup(jsondecode(file(${file})), "image_id", "") : ""}`,
    );
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

  test("the image resource holds the captured ID and the delete spec, with defaults and unset props left out", () => {
    const stack = testStack();
    const construct = minimal(stack);
    const json = synthesize(stack);
    const captured = `\${terraform_data.${logicalId(construct.resultResource)}.output}`;
    const { image } = resourcesOf(json, construct);
    expect(image.triggers_replace).toBe(captured);
    expect(Object.keys(image.input).sort()).toEqual(["delete", "image_id"]);
    expect(image.input.image_id).toBe(captured);
    expect(specOf(image.input.delete)).toStrictEqual({
      image_id: captured,
      removal_policy: "destroy",
      delete_timeout_minutes: 10,
      construct_path: "stack/copy",
      marker: `\${terraform_data.${logicalId(construct.copyResource)}.output}`,
      ...ownerSpec(construct),
    });
    expect(image.lifecycle).toBeUndefined();
  });

  test("the image resource deletes the image at destroy time reading only self", () => {
    const stack = testStack();
    const construct = full(stack);
    const json = synthesize(stack);
    const { image } = resourcesOf(json, construct);
    expect(specOf(image.input.delete)).toStrictEqual({
      image_id: `\${terraform_data.${logicalId(construct.resultResource)}.output}`,
      removal_policy: "retain",
      region: "cn-north-4",
      project_id: EMULATOR_PROJECT_ID,
      endpoint: "https://ims.cn-north-4.myhuaweicloud.com",
      delete_timeout_minutes: 5,
      construct_path: "stack/copy",
      marker: `\${terraform_data.${logicalId(construct.copyResource)}.output}`,
      ...ownerSpec(construct),
    });
    const exec = localExec(image);
    expect(exec.command).toMatch(COMMAND("delete"));
    expect(exec.when).toBe("destroy");
    expect(exec.environment).toEqual({ [RuntimeEnv.SPEC]: "${self.output.delete}" });
    // Terraform refuses a destroy-time provisioner that refers to anything but self (and its
    // command holds no reference at all).
    expect(exec.command).not.toContain("${");
    for (const value of Object.values(exec.environment) as string[]) {
      const references = value.match(/\$\{[^}]*\}/g) ?? [];
      expect(references.length).toBeGreaterThan(0);
      for (const reference of references) expect(reference).toMatch(/^\$\{self\.output\.[a-z_]+\}$/);
    }
  });

  test("the attributes resource applies name, description and tags in place whenever one of them changes", () => {
    const stack = testStack();
    const construct = full(stack);
    const json = synthesize(stack);
    const { attributes } = resourcesOf(json, construct);
    expect(specOf(attributes.triggers_replace)).toStrictEqual({
      image_id: `\${terraform_data.${logicalId(construct.imageResource)}.input.image_id}`,
      name: "web-base 加密 v1.2",
      description: "Nightly copy: see runbook #7",
      tags: FULL_TAGS,
      marker: `\${terraform_data.${logicalId(construct.copyResource)}.output}`,
      region: "cn-north-4",
      project_id: EMULATOR_PROJECT_ID,
      endpoint: "https://ims.cn-north-4.myhuaweicloud.com",
      construct_path: "stack/copy",
      ...ownerSpec(construct),
    });
    expect(attributes.input).toBeUndefined();
    const exec = localExec(attributes);
    expect(exec.command).toMatch(COMMAND("update"));
    expect(exec.when).toBeUndefined();
    expect(exec.environment).toEqual({ [RuntimeEnv.SPEC]: "${self.triggers_replace}" });
  });

  test("the attributes spec of a minimal copy leaves the unset description, region, project and endpoint out", () => {
    const stack = testStack();
    const construct = minimal(stack);
    const { attributes } = resourcesOf(synthesize(stack), construct);
    expect(specOf(attributes.triggers_replace)).toStrictEqual({
      image_id: `\${terraform_data.${logicalId(construct.imageResource)}.input.image_id}`,
      name: "web-base copy",
      tags: "{}",
      marker: `\${terraform_data.${logicalId(construct.copyResource)}.output}`,
      construct_path: "stack/copy",
      ...ownerSpec(construct),
    });
  });

  test("an empty description is left out like an unset one, so that the update step clears the image's description", () => {
    const stack = testStack();
    const construct = new ImsImageCopy(stack, "copy", { sourceImageId: SOURCE, name: "n", description: "" });
    const specs = specTexts(resourcesOf(synthesize(stack), construct));
    expect(specOf(specs.create)).not.toHaveProperty("description");
    expect(specOf(specs.update)).not.toHaveProperty("description");
    expect(specs.update).not.toContain("description");
    const update = readUpdateInput({
      [RuntimeEnv.SPEC]: JSON.stringify(
        evaluatedSpecOf(specs.update, {
          [`terraform_data.${logicalId(construct.imageResource)}.input.image_id`]: SOURCE,
          [`terraform_data.${logicalId(construct.copyResource)}.output`]: "0".repeat(40),
          [`terraform_data.${logicalId(construct.copyResource)}.id`]: "copy-id",
        }),
      ),
    });
    expect(update.description).toBe("");
  });

  test.each([
    ["minimal", minimal],
    ["full", full],
  ])(
    "the spec of every step of a %s copy is a JSON object of the runtime's keys, with string or number values, that the runtime accepts",
    (_, make) => {
      const stack = testStack();
      const construct = make(stack);
      const specs = specTexts(resourcesOf(synthesize(stack), construct));
      for (const [step, text] of Object.entries(specs)) {
        const spec = specOf(text);
        expect({ step, keys: Object.keys(spec).filter((key) => !SPEC_KEYS.includes(key)) }).toEqual({
          step,
          keys: [],
        });
        for (const [key, value] of Object.entries(spec)) {
          const stringOrNumber =
            (typeof value === "string" && value !== "") ||
            (typeof value === "number" && Number.isFinite(value));
          expect({ step, key, value, stringOrNumber }).toEqual({ step, key, value, stringOrNumber: true });
        }
        expect(() => expandSpec({ [RuntimeEnv.SPEC]: text })).not.toThrow();
      }
    },
  );

  test("the runtime reads every prop of a full copy back from the spec of the step that needs it", () => {
    const stack = testStack();
    const construct = full(stack);
    const json = synthesize(stack);
    const specs = specTexts(resourcesOf(json, construct));
    const marker = "0123456789abcdef0123456789abcdef01234567";
    const imageId = "3f2a1b0c-9d8e-4f7a-8b6c-5d4e3f2a1b0c";
    const [copyKey, resultKey, imageKey] = [
      construct.copyResource,
      construct.resultResource,
      construct.imageResource,
    ].map(logicalId);
    const spec = (text: string, references: Record<string, string>): NodeJS.ProcessEnv => ({
      [RuntimeEnv.SPEC]: JSON.stringify(evaluatedSpecOf(text, references)),
    });
    const target = {
      region: "cn-north-4",
      projectId: EMULATOR_PROJECT_ID,
      imsEndpoint: "https://ims.cn-north-4.myhuaweicloud.com",
    };
    const tags = { team: "platform", env: "prod", 成本中心: "cc-1.2" };
    expect(readCreateInput(spec(specs.create, { "self.output": marker, "self.id": "copy-id" }))).toEqual({
      sourceImageId: SOURCE,
      name: "web-base 加密 v1.2",
      description: "Nightly copy: see runbook #7",
      kmsKeyId: SeedKmsKey.ENABLED,
      enterpriseProjectId: SEED_ENTERPRISE_PROJECT_ID,
      tags,
      marker,
      constructPath: "stack/copy",
      createTimeoutMinutes: 90,
      resultFile: ".ims-image-copy/results/copy-id.json",
      stateDir: ".ims-image-copy",
      workspace: "default",
      resourceId: "copy-id",
      unencrypted: false,
      target,
    });
    expect(
      readUpdateInput(
        spec(specs.update, {
          [`terraform_data.${imageKey}.input.image_id`]: imageId,
          [`terraform_data.${copyKey}.output`]: marker,
          [`terraform_data.${copyKey}.id`]: "copy-id",
        }),
      ),
    ).toEqual({
      imageId,
      name: "web-base 加密 v1.2",
      description: "Nightly copy: see runbook #7",
      tags,
      marker,
      constructPath: "stack/copy",
      workspace: "default",
      resourceId: "copy-id",
      resourceAddress: `terraform_data.${copyKey}`,
      target,
    });
    expect(
      readDeleteInput(
        spec(specs.delete, {
          [`terraform_data.${resultKey}.output`]: imageId,
          [`terraform_data.${copyKey}.output`]: marker,
          [`terraform_data.${copyKey}.id`]: "copy-id",
        }),
      ),
    ).toEqual({
      imageId,
      removalPolicy: RemovalPolicy.RETAIN,
      deleteTimeoutMinutes: 5,
      constructPath: "stack/copy",
      resourceId: "copy-id",
      marker,
      workspace: "default",
      target,
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
    const other = new ImsImageCopy(stack, "other", {
      sourceImageId: SOURCE,
      name: "other",
      description: copy.marker,
    });
    new TerraformOutput(stack, "upper", { value: Fn.upper(copy.marker) });
    new TerraformOutput(stack, "joined", { value: Fn.join("-", [copy.marker, "x"]) });
    new TerraformOutput(stack, "prefixed", { value: `m-${copy.marker}` });
    const json = synthesize(stack);
    const expression = MARKER_EXPR("stack/copy", SOURCE).slice(2, -1);
    expect(json.output.upper.value).toBe(`\${upper(${expression})}`);
    expect(json.output.joined.value).toBe(`\${join("-", [${expression}, "x"])}`);
    expect(json.output.prefixed.value).toBe(`m-\${${expression}}`);
    expect(localExec(resourcesOf(json, other).copy).environment[RuntimeEnv.SPEC]).toContain(
      `,"description":\${jsonencode(${expression})},`,
    );
    expect(copy.marker).toBe(copy.marker);
  });

  test("two copies of the same image in one stack get different markers because their paths differ", () => {
    const stack = testStack();
    const a = minimal(stack, "a");
    const b = minimal(stack, "b");
    const json = synthesize(stack);
    expect(resourcesOf(json, a).copy.input).toBe(MARKER_EXPR("stack/a", SOURCE));
    expect(resourcesOf(json, b).copy.input).toBe(MARKER_EXPR("stack/b", SOURCE));
    expect(specOf(localExec(resourcesOf(json, a).copy).environment[RuntimeEnv.SPEC]).construct_path).toBe(
      "stack/a",
    );
    expect(specOf(localExec(resourcesOf(json, b).copy).environment[RuntimeEnv.SPEC]).construct_path).toBe(
      "stack/b",
    );
  });

  test("the underlying resources are exposed as TerraformData escape hatches of type terraform_data", () => {
    const stack = testStack();
    const copy = minimal(stack);
    const resources = [copy.copyResource, copy.resultResource, copy.imageResource, copy.attributesResource];
    for (const resource of resources) {
      expect(resource).toBeInstanceOf(TerraformData);
      expect(resource).toBeInstanceOf(TerraformResource);
      expect(resource.terraformResourceType).toBe("terraform_data");
    }
    expect(TerraformData.tfResourceType).toBe("terraform_data");
    expect(resources.map((r) => r.node.id)).toEqual(["copy", "result", "image", "attributes"]);
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
  test("commands stay constant whatever the values; shell metacharacters travel only in the spec", () => {
    const stack = testStack();
    const description = "pwned\"; rm -rf / ; echo $(id) `id` $HOME ' & | ; \\ end";
    const construct = new ImsImageCopy(stack, "copy", {
      sourceImageId: SOURCE,
      name: "a b-c_d.e",
      description,
    });
    const baseline = minimal(testStack());
    const json = synthesize(stack);
    const { copy, image, attributes } = resourcesOf(json, construct);
    const base = resourcesOf(synthesize(TerraformStack.of(baseline)), baseline);
    for (const [resource, baseResource, subcommand] of [
      [copy, base.copy, "create"],
      [image, base.image, "delete"],
      [attributes, base.attributes, "update"],
    ] as const) {
      expect(localExec(resource).command).toMatch(COMMAND(subcommand));
      expect(localExec(resource).command).toBe(localExec(baseResource).command);
    }
    const specs = specTexts({ copy, image, attributes });
    expect(specOf(specs.create).description).toBe(description);
    expect(specOf(specs.update).description).toBe(description);
    expect(specs.create).toContain(`"description":${JSON.stringify(description)}`);
  });

  test("Terraform template sequences in user strings are escaped so that they arrive byte for byte", () => {
    const stack = testStack();
    const description = 'a ${HOME} %{ if true }x%{ endif } $${x} %%{ 100% } "q" \\ b';
    const construct = new ImsImageCopy(stack, "copy", { sourceImageId: SOURCE, name: "n", description });
    const { copy, attributes } = resourcesOf(synthesize(stack), construct);
    const escaped = 'a $${HOME} %%{ if true }x%%{ endif } $$${x} %%%{ 100% } "q" \\ b';
    expect(specOf(localExec(copy).environment[RuntimeEnv.SPEC]).description).toBe(escaped);
    expect(specOf(attributes.triggers_replace).description).toBe(escaped);
    // What the runtime reads once Terraform has evaluated the template: the description itself.
    expect(
      evaluatedSpecOf(localExec(copy).environment[RuntimeEnv.SPEC], { "self.output": "m", "self.id": "i" })
        .description,
    ).toBe(description);
    expect(
      evaluatedSpecOf(attributes.triggers_replace, {
        [`terraform_data.${logicalId(construct.imageResource)}.input.image_id`]: "i",
        [`terraform_data.${logicalId(construct.copyResource)}.output`]: "m",
        [`terraform_data.${logicalId(construct.copyResource)}.id`]: "c",
      }).description,
    ).toBe(description);
  });

  test("a value mixing a token and literal text is encoded by jsonencode, with only the literal text escaped", () => {
    const stack = testStack();
    const suffix = new TerraformVariable(stack, "suffix", { type: "string" });
    const construct = new ImsImageCopy(stack, "copy", {
      sourceImageId: SOURCE,
      name: "n",
      description: `built by \${USER} %{x} for $${suffix.stringValue}`,
    });
    const warn = jest.spyOn(console, "warn");
    let json;
    try {
      json = synthesize(stack);
      // The literal parts are expression strings, not template text in an Fn argument: nothing for cdktf to warn about.
      expect(warn).not.toHaveBeenCalled();
    } finally {
      warn.mockRestore();
    }
    const { copy, attributes } = resourcesOf(json, construct);
    // A template string would have read the "$" before the token as the escape "$${".
    const member = ',"description":${jsonencode(join("", ["built by $${USER} %%{x} for $", var.suffix]))},';
    expect(localExec(copy).environment[RuntimeEnv.SPEC]).toContain(member);
    expect(attributes.triggers_replace).toContain(member);
  });

  test("a construct path with template sequences is escaped in the specs and inside the marker expression", () => {
    const stack = testStack();
    const construct = new ImsImageCopy(stack, "odd ${id} %{x}", { sourceImageId: SOURCE, name: "n" });
    const { copy, image, attributes } = resourcesOf(synthesize(stack), construct);
    for (const text of Object.values(specTexts({ copy, image, attributes })).slice(1)) {
      expect(specOf(text).construct_path).toBe("stack/odd $${id} %%{x}");
    }
    expect(
      evaluatedSpecOf(image.input.delete, {
        [`terraform_data.${logicalId(construct.resultResource)}.output`]: "i",
        [`terraform_data.${logicalId(construct.copyResource)}.output`]: "m",
        [`terraform_data.${logicalId(construct.copyResource)}.id`]: "c",
      }).construct_path,
    ).toBe("stack/odd ${id} %{x}");
    expect(copy.input).toBe(
      `\${substr(sha256(join("\\n", ["stack/odd $\${id} %%{x}", "${SOURCE}", "", "", "", ""])), 0, 40)}`,
    );
  });

  test("quotes and backslashes in the construct path are JSON-escaped in the specs and escaped inside the marker expression", () => {
    const stack = testStack();
    const construct = new ImsImageCopy(stack, 'q " b \\ n \\n', { sourceImageId: SOURCE, name: "n" });
    const { copy, image, attributes } = resourcesOf(synthesize(stack), construct);
    for (const text of Object.values(specTexts({ copy, image, attributes })).slice(1)) {
      expect(text).toContain(String.raw`"construct_path":"stack/q \" b \\ n \\n"`);
      expect(specOf(text).construct_path).toBe('stack/q " b \\ n \\n');
    }
    expect(copy.input).toBe(
      `\${substr(sha256(join("\\n", ["stack/q \\" b \\\\ n \\\\n", "${SOURCE}", "", "", "", ""])), 0, 40)}`,
    );
  });

  test("tags without tokens are JSON with sorted keys, as a string in the create and update specs", () => {
    const stack = testStack();
    const construct = new ImsImageCopy(stack, "copy", {
      sourceImageId: SOURCE,
      name: "n",
      tags: { zeta: "", alpha: "1", Mid: "v.2" },
    });
    const { copy, image, attributes } = resourcesOf(synthesize(stack), construct);
    const specs = specTexts({ copy, image, attributes });
    expect(specOf(specs.create).tags).toBe('{"Mid":"v.2","alpha":"1","zeta":""}');
    expect(specOf(specs.update).tags).toBe('{"Mid":"v.2","alpha":"1","zeta":""}');
    // The copy is not replaced and the image is not deleted differently when tags change.
    expect(specOf(specs.triggers).tags).toBeUndefined();
    expect(specOf(specs.delete).tags).toBeUndefined();
  });

  test("tags holding a token are encoded by Terraform's jsonencode, as a string in the spec", () => {
    const stack = testStack();
    const owner = new TerraformVariable(stack, "owner", { type: "string" });
    const construct = new ImsImageCopy(stack, "copy", {
      sourceImageId: SOURCE,
      name: "n",
      tags: { team: "platform", owner: owner.stringValue },
    });
    const { copy, attributes } = resourcesOf(synthesize(stack), construct);
    const member = ',"tags":${jsonencode(jsonencode({"team" = "platform", "owner" = var.owner}))},';
    expect(localExec(copy).environment[RuntimeEnv.SPEC]).toContain(member);
    expect(attributes.triggers_replace).toContain(member);
  });

  test("a whole tag map from a variable is encoded by jsonencode", () => {
    const stack = testStack();
    const tags = new TerraformVariable(stack, "tags", { type: "map(string)" });
    const construct = new ImsImageCopy(stack, "copy", { sourceImageId: SOURCE, name: "n", tags: tags.value });
    const { copy, attributes } = resourcesOf(synthesize(stack), construct);
    expect(localExec(copy).environment[RuntimeEnv.SPEC]).toContain(
      ',"tags":${jsonencode(jsonencode(var.tags))},',
    );
    expect(attributes.triggers_replace).toContain(',"tags":${jsonencode(jsonencode(var.tags))},');
  });

  test("every prop accepts a token from another resource and is passed through jsonencode unvalidated", () => {
    const stack = testStack();
    const v = (name: string, type = "string"): TerraformVariable =>
      new TerraformVariable(stack, name, { type });
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
    const source = `terraform_data.${logicalId(producer.imageResource)}.input.image_id`;
    const { copy, image, attributes } = resourcesOf(json, construct);
    const [copyKey, resultKey, imageKey] = [
      construct.copyResource,
      construct.resultResource,
      construct.imageResource,
    ].map(logicalId);
    const target =
      '"region":${jsonencode(var.region)},"project_id":${jsonencode(var.project)},"endpoint":${jsonencode(var.endpoint)}';
    const owner = `"workspace":"\${terraform.workspace}","resource_id":"\${terraform_data.${copyKey}.id}","resource_address":"terraform_data.${copyKey}"`;
    expect(copy.triggers_replace).toBe(
      `{"source_image_id":\${jsonencode(${source})},"kms_key_id":\${jsonencode(var.kms)},"enterprise_project_id":\${jsonencode(var.ep)},"region":\${jsonencode(var.region)},"project_id":\${jsonencode(var.project)}}`,
    );
    expect(copy.input).toBe(
      MARKER_EXPR(
        "stack/copy",
        `\${${source}}`,
        "${var.kms}",
        "${var.ep}",
        "${var.region}",
        "${var.project}",
      ),
    );
    expect(localExec(copy).environment[RuntimeEnv.SPEC]).toBe(
      `{"source_image_id":\${jsonencode(${source})},"name":\${jsonencode(var.name)},"description":\${jsonencode(var.description)},"kms_key_id":\${jsonencode(var.kms)},` +
        `"enterprise_project_id":\${jsonencode(var.ep)},"tags":"{}",${target},"marker":"\${self.output}","construct_path":"stack/copy",` +
        `"workspace":"\${terraform.workspace}","resource_id":"\${self.id}",` +
        `"create_timeout_minutes":\${jsonencode(var.create)},"result_file":"${RESULT_FILE}"}`,
    );
    expect(image.input.delete).toBe(
      `{"image_id":"\${terraform_data.${resultKey}.output}","removal_policy":\${jsonencode(var.policy)},${target},"delete_timeout_minutes":\${jsonencode(var.delete)},"construct_path":"stack/copy",` +
        `"marker":"\${terraform_data.${copyKey}.output}",${owner}}`,
    );
    expect(attributes.triggers_replace).toBe(
      `{"image_id":"\${terraform_data.${imageKey}.input.image_id}","name":\${jsonencode(var.name)},"description":\${jsonencode(var.description)},"tags":"{}",` +
        `"marker":"\${terraform_data.${copyKey}.output}",${target},"construct_path":"stack/copy",${owner}}`,
    );
  });
});
