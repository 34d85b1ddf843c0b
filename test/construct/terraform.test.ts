/**
 * The synthesized resources under real Terraform (built-in terraform_data only, so no download),
 * with a recording test double in place of the runtime: checks the wiring of the resource model
 * (result capture, in-place updates, destroy-time environment), not the runtime itself.
 */
import { execFileSync, spawnSync } from "child_process";
import { createHash } from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { App, LocalBackend, TerraformOutput, TerraformStack, TerraformVariable, Testing } from "cdktf";
import { ImsImageCopy, RemovalPolicy } from "cdktf-ims-image-copy";
import { SeedImage } from "../../lib/emulator/defaults";
import { RUNTIME_BUNDLE_CONTEXT_KEY } from "../../lib/runtime-asset";

const terraformAvailable = spawnSync("terraform", ["version"], { stdio: "ignore" }).status === 0;
const describeWithTerraform = terraformAvailable ? describe : describe.skip;
const RECORDING_RUNTIME = path.join(__dirname, "fixtures", "recording-runtime.js");

interface Call {
  subcommand: string;
  cwd: string;
  env: Record<string, string>;
  /** The IMS_COPY_* variables as Terraform passed them (env: as the runtime reads them). */
  raw: Record<string, string>;
}

describeWithTerraform("the synthesized stack under Terraform", () => {
  let workdir: string;
  let outdir: string;
  let log: string;
  const stackDir = (): string => path.join(outdir, "stacks", "stack");

  beforeEach(() => {
    workdir = fs.mkdtempSync(path.join(os.tmpdir(), "ims-tf-"));
    outdir = path.join(workdir, "cdktf.out");
    log = path.join(workdir, "calls.jsonl");
  });
  afterEach(() => {
    fs.rmSync(workdir, { recursive: true, force: true });
  });

  function synth(options: { removalPolicy?: RemovalPolicy; name?: string } = {}): void {
    const app = new App({ outdir, context: { [RUNTIME_BUNDLE_CONTEXT_KEY]: RECORDING_RUNTIME } });
    Testing.stubVersion(app);
    const stack = new TerraformStack(app, "stack");
    new LocalBackend(stack, { path: path.join(workdir, "stack.tfstate") });
    const base = new ImsImageCopy(stack, "base", {
      sourceImageId: SeedImage.ACTIVE_PRIVATE,
      name: options.name ?? "base",
      tags: { team: "platform" },
      region: "cn-north-4",
      removalPolicy: options.removalPolicy,
    });
    const derived = new ImsImageCopy(stack, "derived", { sourceImageId: base.imageId, name: "derived" });
    new TerraformOutput(stack, "base_image_id", { value: base.imageId, staticId: true });
    new TerraformOutput(stack, "base_marker", { value: base.marker, staticId: true });
    new TerraformOutput(stack, "derived_image_id", { value: derived.imageId, staticId: true });
    app.synth();
  }

  function terraform(...args: string[]): string {
    return execFileSync("terraform", [...args], {
      cwd: stackDir(),
      env: {
        ...process.env,
        RECORDING_RUNTIME_LOG: log,
        TF_IN_AUTOMATION: "1",
        TF_INPUT: "0",
        NO_COLOR: "1",
      },
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    });
  }

  /** Runs terraform expecting failure; returns its exit status and stderr. */
  function terraformFailing(
    extraEnv: Record<string, string>,
    ...args: string[]
  ): { status: number | null; stderr: string } {
    const result = spawnSync("terraform", [...args], {
      cwd: stackDir(),
      env: {
        ...process.env,
        ...extraEnv,
        RECORDING_RUNTIME_LOG: log,
        TF_IN_AUTOMATION: "1",
        TF_INPUT: "0",
        NO_COLOR: "1",
      },
      encoding: "utf8",
    });
    return { status: result.status, stderr: result.stderr };
  }

  function calls(): Call[] {
    if (!fs.existsSync(log)) return [];
    const lines = fs.readFileSync(log, "utf8").trim().split("\n").filter(Boolean);
    fs.rmSync(log);
    return lines.map((line) => JSON.parse(line) as Call);
  }

  function outputs(): Record<string, string> {
    const parsed = JSON.parse(terraform("output", "-json")) as Record<string, { value: string }>;
    return Object.fromEntries(Object.entries(parsed).map(([k, v]) => [k, v.value]));
  }

  function plannedChanges(): { resources: Array<[string, string[]]>; unknownOutputs: string[] } {
    terraform("plan", "-out", "plan.bin", "-no-color");
    const plan = JSON.parse(terraform("show", "-json", "plan.bin"));
    const resources = (plan.resource_changes as Array<{ address: string; change: { actions: string[] } }>)
      .filter((rc) => rc.change.actions.join() !== "no-op")
      .map((rc): [string, string[]] => [rc.address.replace(/_[0-9A-F]{8}$/, ""), rc.change.actions]);
    const unknownOutputs = Object.entries(
      (plan.output_changes ?? {}) as Record<string, { after_unknown: boolean }>,
    )
      .filter(([, change]) => change.after_unknown)
      .map(([name]) => name);
    return { resources, unknownOutputs };
  }

  test("template sequences in user strings and in the construct path reach the runtime byte for byte, and the marker hashes the raw path", () => {
    const description = "a ${HOME} %{ if true }x%{ endif } $${x} %%{ 100% } ${path.module}";
    const app = new App({ outdir, context: { [RUNTIME_BUNDLE_CONTEXT_KEY]: RECORDING_RUNTIME } });
    Testing.stubVersion(app);
    const stack = new TerraformStack(app, "stack");
    new LocalBackend(stack, { path: path.join(workdir, "stack.tfstate") });
    const odd = new ImsImageCopy(stack, "odd ${id} %{x}", {
      sourceImageId: SeedImage.ACTIVE_PRIVATE,
      name: "n",
      description,
    });
    new TerraformOutput(stack, "marker", { value: odd.marker, staticId: true });
    app.synth();
    terraform("init", "-no-color");
    terraform("apply", "-auto-approve", "-no-color");

    const recorded = calls();
    expect(recorded.map((c) => c.subcommand)).toEqual(["create", "update"]);
    const rawPath = "stack/odd ${id} %{x}";
    const marker = createHash("sha256")
      .update([rawPath, SeedImage.ACTIVE_PRIVATE, "", "", "", ""].join("\n"))
      .digest("hex")
      .slice(0, 40);
    for (const call of recorded) {
      expect(call.env).toMatchObject({
        IMS_COPY_DESCRIPTION: description,
        IMS_COPY_CONSTRUCT_PATH: rawPath,
        IMS_COPY_MARKER: marker,
      });
    }
    expect(outputs().marker).toBe(marker);
  }, 60_000);

  test("literal text around a token (a `$` just before it, `${`, `%{`, quotes) reaches the runtime byte for byte, and so does a token in the marker", () => {
    const app = new App({ outdir, context: { [RUNTIME_BUNDLE_CONTEXT_KEY]: RECORDING_RUNTIME } });
    Testing.stubVersion(app);
    const stack = new TerraformStack(app, "stack");
    new LocalBackend(stack, { path: path.join(workdir, "stack.tfstate") });
    const price = new TerraformVariable(stack, "price", { type: "string", default: '5 "EUR" ${x}' });
    const region = new TerraformVariable(stack, "region", { type: "string", default: "cn-north-4" });
    const description = `costs $${price.stringValue} per \${HOME} %{x} "day"`;
    const copy = new ImsImageCopy(stack, "copy", {
      sourceImageId: SeedImage.ACTIVE_PRIVATE,
      name: "n",
      description,
      region: `${region.stringValue}`,
    });
    new TerraformOutput(stack, "marker", { value: copy.marker, staticId: true });
    app.synth();
    terraform("init", "-no-color");
    terraform("apply", "-auto-approve", "-no-color");

    const marker = createHash("sha256")
      .update(["stack/copy", SeedImage.ACTIVE_PRIVATE, "", "", "cn-north-4", ""].join("\n"))
      .digest("hex")
      .slice(0, 40);
    const recorded = calls();
    expect(recorded.map((c) => c.subcommand)).toEqual(["create", "update"]);
    for (const call of recorded) {
      expect(call.env).toMatchObject({
        IMS_COPY_DESCRIPTION: 'costs $5 "EUR" ${x} per ${HOME} %{x} "day"',
        IMS_COPY_REGION: "cn-north-4",
        IMS_COPY_MARKER: marker,
      });
    }
    expect(outputs().marker).toBe(marker);
  }, 60_000);

  test("quotes, backslashes and escape-like sequences in the construct path reach the runtime byte for byte, and the marker hashes the raw path", () => {
    const app = new App({ outdir, context: { [RUNTIME_BUNDLE_CONTEXT_KEY]: RECORDING_RUNTIME } });
    Testing.stubVersion(app);
    const stack = new TerraformStack(app, "stack");
    new LocalBackend(stack, { path: path.join(workdir, "stack.tfstate") });
    const odd = new ImsImageCopy(stack, 'q " b \\ n \\n t \\t u \\u0041 "', {
      sourceImageId: SeedImage.ACTIVE_PRIVATE,
      name: "n",
    });
    new TerraformOutput(stack, "marker", { value: odd.marker, staticId: true });
    app.synth();
    terraform("init", "-no-color");
    terraform("apply", "-auto-approve", "-no-color");

    const rawPath = 'stack/q " b \\ n \\n t \\t u \\u0041 "';
    const marker = createHash("sha256")
      .update([rawPath, SeedImage.ACTIVE_PRIVATE, "", "", "", ""].join("\n"))
      .digest("hex")
      .slice(0, 40);
    const recorded = calls();
    expect(recorded.map((c) => c.subcommand)).toEqual(["create", "update"]);
    for (const call of recorded)
      expect(call.env).toMatchObject({ IMS_COPY_CONSTRUCT_PATH: rawPath, IMS_COPY_MARKER: marker });
    expect(outputs().marker).toBe(marker);
  }, 60_000);

  test("a create step that exits 0 without a result file fails the apply with the recovery command, and that command recovers", () => {
    synth();
    terraform("init", "-no-color");
    const failed = terraformFailing(
      { RECORDING_RUNTIME_SKIP_RESULT: "1" },
      "apply",
      "-auto-approve",
      "-no-color",
    );
    expect(failed.status).toBe(1);
    const copyAddress = /-replace=(terraform_data\.base_copy_[0-9A-F]{8})/.exec(
      failed.stderr.replace(/\s+/g, " "),
    )?.[1];
    expect(copyAddress).toBeDefined();
    expect(failed.stderr.replace(/\s+/g, " ")).toContain(
      `ImsImageCopy "stack/base": the copy step finished without writing its result file, so the new image ID is unknown. Run "terraform apply -replace=${copyAddress}": the create step finds the copy it already made and writes the file again.`,
    );
    calls();

    terraform("apply", "-auto-approve", "-no-color", `-replace=${copyAddress}`);
    const out = outputs();
    expect(out.base_image_id).toMatch(/^[0-9a-f]{8}-/);
    expect(out.derived_image_id).toMatch(/^[0-9a-f]{8}-/);
    expect(plannedChanges()).toEqual({ resources: [], unknownOutputs: [] });
  }, 60_000);

  test("terraform validate accepts the synthesized JSON", () => {
    synth();
    terraform("init", "-no-color");
    expect(JSON.parse(terraform("validate", "-json", "-no-color"))).toMatchObject({
      valid: true,
      error_count: 0,
      warning_count: 0,
    });
  });

  test("apply captures the image IDs, survives lost result files, updates in place, and destroys with everything read from state", () => {
    synth();
    terraform("init", "-no-color");

    // GIVEN a first apply
    terraform("apply", "-auto-approve", "-no-color");
    const first = calls();
    const order = first.map((c) => `${c.env.IMS_COPY_CONSTRUCT_PATH} ${c.subcommand}`);
    expect([...order].sort()).toEqual([
      "stack/base create",
      "stack/base update",
      "stack/derived create",
      "stack/derived update",
    ]);
    expect(order.indexOf("stack/base create")).toBeLessThan(order.indexOf("stack/derived create"));
    const byStep = (step: string): Call =>
      first.find((c) => `${c.env.IMS_COPY_CONSTRUCT_PATH} ${c.subcommand}` === step) as Call;
    const out = outputs();
    const expectedMarker = createHash("sha256")
      .update(["stack/base", SeedImage.ACTIVE_PRIVATE, "", "", "cn-north-4", ""].join("\n"))
      .digest("hex")
      .slice(0, 40);
    expect(out.base_marker).toBe(expectedMarker);
    expect(out.base_image_id).toMatch(new RegExp(`^${expectedMarker.slice(0, 8)}-`));
    expect(byStep("stack/base create").cwd).toBe(stackDir());
    expect(byStep("stack/base create").env.IMS_COPY_RESULT_FILE).toMatch(
      /^\.ims-image-copy\/results\/[0-9a-f-]{36}\.json$/,
    );
    expect(byStep("stack/base create").env.IMS_COPY_MARKER).toBe(expectedMarker);
    expect(byStep("stack/base update").env).toMatchObject({
      IMS_COPY_IMAGE_ID: out.base_image_id,
      IMS_COPY_TAGS: '{"team":"platform"}',
      IMS_COPY_MARKER: expectedMarker,
    });
    expect(byStep("stack/derived create").env.IMS_COPY_SOURCE_IMAGE_ID).toBe(out.base_image_id);
    expect(out.derived_image_id).not.toBe(out.base_image_id);

    // WHEN the result files are gone (a fresh CI runner) THEN nothing changes
    fs.rmSync(path.join(stackDir(), ".ims-image-copy"), { recursive: true, force: true });
    expect(plannedChanges()).toEqual({ resources: [], unknownOutputs: [] });

    // WHEN only the removal policy changes THEN the image resource is updated in place and the ID stays known
    synth({ removalPolicy: RemovalPolicy.RETAIN });
    expect(plannedChanges()).toEqual({
      resources: [["terraform_data.base_image", ["update"]]],
      unknownOutputs: [],
    });
    terraform("apply", "-auto-approve", "-no-color");
    expect(calls()).toEqual([]);
    expect(outputs()).toEqual(out);

    // WHEN only the name changes THEN only the attributes step runs again
    synth({ removalPolicy: RemovalPolicy.RETAIN, name: "renamed" });
    expect(plannedChanges().resources).toEqual([["terraform_data.base_attributes", ["delete", "create"]]]);
    terraform("apply", "-auto-approve", "-no-color");
    expect(calls().map((c) => [c.subcommand, c.env.IMS_COPY_IMAGE_ID, c.env.IMS_COPY_NAME])).toEqual([
      ["update", out.base_image_id, "renamed"],
    ]);

    // WHEN the stack is destroyed THEN each image's delete step gets its settings from state
    terraform("destroy", "-auto-approve", "-no-color");
    const deletes = calls();
    expect(deletes.map((c) => c.subcommand)).toEqual(["delete", "delete"]);
    expect(deletes.map((c) => c.env.IMS_COPY_IMAGE_ID)).toEqual([out.derived_image_id, out.base_image_id]);
    // Everything in one variable (the runtime spreads IMS_COPY_SPEC); unset props are left out.
    expect(Object.keys(deletes[1].raw)).toEqual(["IMS_COPY_SPEC"]);
    expect(deletes[1].env).toEqual({
      IMS_COPY_IMAGE_ID: out.base_image_id,
      IMS_COPY_REMOVAL_POLICY: "retain",
      IMS_COPY_REGION: "cn-north-4",
      IMS_COPY_DELETE_TIMEOUT_MINUTES: "10",
      IMS_COPY_CONSTRUCT_PATH: "stack/base",
      // Who owns the image: the deployment's workspace and the copy resource whose claim it carries.
      IMS_COPY_MARKER: expectedMarker,
      IMS_COPY_WORKSPACE: "default",
      IMS_COPY_RESOURCE_ID: byStep("stack/base create").env.IMS_COPY_RESOURCE_ID,
      IMS_COPY_RESOURCE_ADDRESS: "terraform_data.base_copy_0170EE0B",
    });
    expect(byStep("stack/base create").env.IMS_COPY_RESOURCE_ID).toMatch(/^[0-9a-f-]{36}$/);
    expect(deletes[0].env.IMS_COPY_REMOVAL_POLICY).toBe("destroy");
  }, 180_000);
});
