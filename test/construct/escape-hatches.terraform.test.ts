/**
 * Escape hatches under real Terraform (built-in terraform_data only), with the recording test
 * double in place of the runtime: a copy whose four resources all have overridden logical IDs
 * applies, plans clean and destroys; a copy moved to another construct with moveTo is not copied
 * again.
 */
import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { App, LocalBackend, TerraformOutput, TerraformStack, Testing } from "cdktf";
import { ImsImageCopy } from "cdktf-ims-image-copy";
import { SeedImage } from "../../lib/emulator/defaults";
import { RUNTIME_BUNDLE_CONTEXT_KEY } from "../../lib/runtime-asset";

const terraformAvailable = spawnSync("terraform", ["version"], { stdio: "ignore" }).status === 0;
const describeWithTerraform = terraformAvailable ? describe : describe.skip;
const RECORDING_RUNTIME = path.join(__dirname, "fixtures", "recording-runtime.js");
const RESOURCES = ["copyResource", "resultResource", "imageResource", "attributesResource"] as const;

describeWithTerraform("escape hatches under Terraform", () => {
  let workdir: string;
  let outdir: string;
  let log: string;
  const stackDir = (): string => path.join(outdir, "stacks", "stack");

  beforeEach(() => {
    workdir = fs.mkdtempSync(path.join(os.tmpdir(), "ims-tf-hatch-"));
    outdir = path.join(workdir, "cdktf.out");
    log = path.join(workdir, "calls.jsonl");
  });
  afterEach(() => {
    fs.rmSync(workdir, { recursive: true, force: true });
  });

  function synth(build: (stack: TerraformStack) => void): void {
    const app = new App({ outdir, context: { [RUNTIME_BUNDLE_CONTEXT_KEY]: RECORDING_RUNTIME } });
    Testing.stubVersion(app);
    const stack = new TerraformStack(app, "stack");
    new LocalBackend(stack, { path: path.join(workdir, "stack.tfstate") });
    build(stack);
    app.synth();
  }

  function terraform(...args: string[]): string {
    return execFileSync("terraform", [...args, "-no-color"], {
      cwd: stackDir(),
      env: { ...process.env, RECORDING_RUNTIME_LOG: log, TF_IN_AUTOMATION: "1", TF_INPUT: "0" },
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    });
  }

  /** Subcommands the runtime double ran since the last call, with the image ID each was given. */
  function calls(): string[] {
    if (!fs.existsSync(log)) return [];
    const lines = fs.readFileSync(log, "utf8").trim().split("\n").filter(Boolean);
    fs.rmSync(log);
    return lines.map((line) => {
      const call = JSON.parse(line) as { subcommand: string; env: Record<string, string> };
      return `${call.subcommand} ${call.env.IMS_COPY_IMAGE_ID ?? "-"}`;
    });
  }

  /** The planned changes: [address, actions, moved from] of each resource whose plan is not a plain no-op. */
  function planned(): Array<[string, string, string | undefined]> {
    terraform("plan", "-out", "plan.bin");
    const plan = JSON.parse(terraform("show", "-json", "plan.bin")) as {
      resource_changes: Array<{ address: string; previous_address?: string; change: { actions: string[] } }>;
    };
    return plan.resource_changes
      .filter((rc) => rc.change.actions.join() !== "no-op" || rc.previous_address !== undefined)
      .map((rc) => [rc.address, rc.change.actions.join(), rc.previous_address]);
  }

  test("a copy whose four resources have overridden logical IDs applies, plans clean and destroys", () => {
    synth((stack) => {
      const copy = new ImsImageCopy(stack, "c", { sourceImageId: SeedImage.ACTIVE_PRIVATE, name: "n" });
      for (const name of RESOURCES) copy[name].overrideLogicalId(name.replace("Resource", ""));
      new TerraformOutput(stack, "image_id", { value: copy.imageId, staticId: true });
    });
    terraform("init");
    terraform("apply", "-auto-approve");
    const imageId = (JSON.parse(terraform("output", "-json")) as { image_id: { value: string } }).image_id
      .value;
    expect(imageId).toMatch(/^[0-9a-f]{8}-/);
    expect(calls()).toEqual(["create -", `update ${imageId}`]);
    expect(terraform("state", "list").trim().split("\n").sort()).toEqual([
      "terraform_data.attributes",
      "terraform_data.copy",
      "terraform_data.image",
      "terraform_data.result",
    ]);
    expect(planned()).toEqual([]);
    terraform("destroy", "-auto-approve");
    expect(calls()).toEqual([`delete ${imageId}`]);
  }, 60_000);

  test("a copy moved to another construct with moveTo is moved in state, not copied again", () => {
    const props = { sourceImageId: SeedImage.ACTIVE_PRIVATE, name: "n" };
    synth((stack) => {
      new ImsImageCopy(stack, "old", props);
    });
    terraform("init");
    terraform("apply", "-auto-approve");
    const created = calls();
    expect(created.map((c) => c.split(" ")[0])).toEqual(["create", "update"]);
    const imageId = created[1].split(" ")[1];

    // WHEN the copy is declared at a new construct path, the old one's resources moved to it
    const addresses: Record<string, string> = {};
    synth((stack) => {
      const old = new ImsImageCopy(stack, "old", props);
      const moved = new ImsImageCopy(stack, "new", props);
      for (const name of RESOURCES) {
        moved[name].addMoveTarget(`new-${name}`);
        old[name].moveTo(`new-${name}`);
        addresses[name] = `terraform_data.${moved[name].friendlyUniqueId}`;
      }
    });

    // THEN Terraform moves the four resources, and the copy, its result and the image stay (in
    // place: the marker and the delete settings hold the construct path); the attributes step,
    // keyed by the construct path, runs again
    const plan = planned();
    expect(plan.map(([address]) => address).sort()).toEqual(Object.values(addresses).sort());
    for (const [address, actions, previous] of plan) {
      expect(previous).toMatch(/^terraform_data\.old_/);
      if (address !== addresses.attributesResource) expect(actions).not.toContain("create");
    }
    terraform("apply", "-auto-approve");
    expect(calls()).toEqual([`update ${imageId}`]);
    terraform("destroy", "-auto-approve");
    expect(calls()).toEqual([`delete ${imageId}`]);
  }, 90_000);
});
