/**
 * End to end with the REAL terraform binary against the emulator, offline: the construct is
 * synthesized by a cdktf App, then `terraform init/apply/plan/output/destroy` run in the stack
 * directory with the emulator's credentials in the environment, as a user would run them.
 */
import { existsSync, readdirSync, readFileSync, rmSync } from "fs";
import { LocalBackend, TerraformOutput, TerraformStack } from "cdktf";
import { join } from "path";
import {
  EMULATOR_ACCESS_KEY,
  EMULATOR_PROJECT_ID,
  EMULATOR_SECRET_KEY,
  ImsEmulator,
  SeedImage,
  defaultSeedImages,
} from "../../lib/emulator";
import { ImsImageCopy } from "../../lib";
import { MARKER_TAG_KEY, RemovalPolicy } from "../../lib/shared/constants";
import { buildBundle } from "../handler/support/runtime";
import { CopyStack, ConsumerStack, synthApp } from "./support/stacks";
import {
  filesUnder,
  findTerraform,
  requireTerraform,
  freshCopyOfStack,
  runTerraform,
  tempDir,
  terraformEnv,
  tf,
} from "./support/terraform";

const terraform = findTerraform();
if (!terraform) {
  console.warn(
    "\n**********\n* terraform is NOT on PATH: the end-to-end tests of test/e2e are SKIPPED.\n* Install terraform >= 1.4 to run them.\n**********\n",
  );
}
const describeWithTerraform = terraform ? describe : describe.skip;

jest.setTimeout(240_000);

/** A second copyable private image, so that a source change can be tested. */
const SECOND_SOURCE = "3e4f5a6b-7c8d-4e9f-8a0b-1c2d3e4f5a6b";
/** Everything a shell would interpret, plus unicode; each command would create `canary`. */
function shellDescription(canary: string): string {
  return `$(touch ${canary}) \`touch ${canary}\`; touch ${canary} && echo x | cat '"' "'" \\ $HOME \\$(touch ${canary}) 100% ünïcödé 中文 🚀`;
}
/** What Terraform's template language would interpret: `\${...}` and `%{...}`. */
const TEMPLATE_DESCRIPTION = `\${HOME} \${path.module} $\${x} %{ if true }x%{ endif } %%{ 100%`;

let work: string;
let canary: string;
let bundle: string;
let emulator: ImsEmulator;
let url: string;
let env: NodeJS.ProcessEnv;

const tfBin = (): string => requireTerraform(terraform);

function stackDir(outdir: string, stack: string): string {
  return join(outdir, "stacks", stack);
}

function copiesOf(source: string): ReturnType<ImsEmulator["images"]> {
  return emulator
    .images()
    .filter((i) => i.info.__originalimagename === source && i.info.status !== "deleted");
}

function image(id: string): ReturnType<ImsEmulator["images"]>[number] | undefined {
  return emulator.images().find((i) => i.id === id && i.info.status !== "deleted");
}

async function output(dir: string, name: string): Promise<string> {
  return (await tf(tfBin(), ["output", "-raw", name], dir, env)).stdout;
}

async function initAndApply(dir: string): Promise<string> {
  await tf(tfBin(), ["init", "-input=false", "-no-color"], dir, env);
  return (await tf(tfBin(), ["apply", "-auto-approve", "-input=false", "-no-color"], dir, env)).stdout;
}

beforeAll(async () => {
  if (!terraform) return;
  work = tempDir("ims-e2e-");
  canary = join(work, "pwned");
  bundle = buildBundle(work);
  const seedImages = defaultSeedImages(EMULATOR_PROJECT_ID);
  const active = seedImages.find((s) => s.info.id === SeedImage.ACTIVE_PRIVATE);
  if (!active) throw new Error("the default seed has no active private image");
  emulator = new ImsEmulator({
    jobSeconds: 1,
    deleteSeconds: 1,
    seed: {
      images: [...seedImages, { info: { ...active.info, id: SECOND_SOURCE, name: "seed-second-source" } }],
    },
  });
  url = await emulator.start();
  env = terraformEnv(tfBin(), url, work);
});

afterAll(async () => {
  if (!terraform) return;
  await emulator.stop();
  rmSync(work, { recursive: true, force: true });
});

describeWithTerraform("ImsImageCopy with the real terraform binary", () => {
  describe("one copy through its life cycle", () => {
    let outdir: string;
    let dir: string;
    let firstImageId: string;

    const props = {
      sourceImageId: SeedImage.ACTIVE_PRIVATE,
      name: "web-copy",
      description: "first",
      tags: { team: "web" },
      createTimeoutMinutes: 5,
      deleteTimeoutMinutes: 2,
    };

    beforeAll(() => {
      outdir = join(work, "lifecycle");
      dir = stackDir(outdir, "main");
    });

    test("the runtime bundle in the stack cannot see the repository's node_modules", async () => {
      synthApp(outdir, bundle, (app) => new CopyStack(app, "main", props));
      const r = await runTerraform("node", ["-e", "require.resolve('axios')"], dir, env);
      expect(r.code).not.toBe(0);
      expect(r.stderr).toContain("Cannot find module 'axios'");
    });

    test("apply creates exactly one copy and the output is its ID", async () => {
      const applied = await initAndApply(dir);

      firstImageId = await output(dir, "image_id");
      expect(firstImageId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      expect(applied).toContain(`new image ID: ${firstImageId}`);
      const copies = copiesOf(SeedImage.ACTIVE_PRIVATE);
      expect(copies.map((c) => c.id)).toEqual([firstImageId]);
      expect(copies[0].info).toMatchObject({ name: "web-copy", __description: "first", status: "active" });
      expect(copies[0].tags).toContainEqual({ key: "team", value: "web" });
      expect(copies[0].tags.some((t) => t.key === MARKER_TAG_KEY)).toBe(true);
      expect(emulator.jobs()).toHaveLength(1);
    });

    test("a second plan shows no changes, also from a fresh copy of the stack without .ims-image-copy/", async () => {
      await tf(tfBin(), ["plan", "-detailed-exitcode", "-input=false", "-no-color"], dir, env, 0);

      const fresh = freshCopyOfStack(dir, ["cdk.tf.json", "terraform.tfstate"]);
      expect(existsSync(join(fresh, ".ims-image-copy"))).toBe(false);
      await tf(tfBin(), ["init", "-input=false", "-no-color"], fresh, env);
      await tf(tfBin(), ["plan", "-detailed-exitcode", "-input=false", "-no-color"], fresh, env, 0);
      expect(await output(fresh, "image_id")).toBe(firstImageId);
      rmSync(fresh, { recursive: true, force: true });
    });

    test("a new name and description update the image in place", async () => {
      synthApp(
        outdir,
        bundle,
        (app) =>
          new CopyStack(app, "main", {
            ...props,
            name: "web copy renamed",
            description: "second",
            tags: { team: "platform" },
          }),
      );

      await tf(tfBin(), ["apply", "-auto-approve", "-input=false", "-no-color"], dir, env);

      expect(await output(dir, "image_id")).toBe(firstImageId);
      expect(image(firstImageId)?.info).toMatchObject({ name: "web copy renamed", __description: "second" });
      expect(image(firstImageId)?.tags).toContainEqual({ key: "team", value: "platform" });
      expect(emulator.jobs()).toHaveLength(1);
      await tf(tfBin(), ["plan", "-detailed-exitcode", "-input=false", "-no-color"], dir, env, 0);
    });

    test("a new source replaces the copy: the old image is deleted and a new one created", async () => {
      synthApp(
        outdir,
        bundle,
        (app) => new CopyStack(app, "main", { ...props, sourceImageId: SECOND_SOURCE }),
      );

      await tf(tfBin(), ["apply", "-auto-approve", "-input=false", "-no-color"], dir, env);

      const newImageId = await output(dir, "image_id");
      expect(newImageId).not.toBe(firstImageId);
      expect(image(firstImageId)).toBeUndefined();
      expect(copiesOf(SECOND_SOURCE).map((c) => c.id)).toEqual([newImageId]);
      expect(copiesOf(SeedImage.ACTIVE_PRIVATE)).toEqual([]);
      await tf(tfBin(), ["plan", "-detailed-exitcode", "-input=false", "-no-color"], dir, env, 0);
    });

    test("destroy deletes the image", async () => {
      const id = await output(dir, "image_id");

      await tf(tfBin(), ["destroy", "-auto-approve", "-input=false", "-no-color"], dir, env);

      expect(image(id)).toBeUndefined();
      expect(copiesOf(SECOND_SOURCE)).toEqual([]);
    });
  });

  test("with removal policy retain, destroy keeps the image", async () => {
    const outdir = join(work, "retain");
    synthApp(
      outdir,
      bundle,
      (app) =>
        new CopyStack(app, "kept", {
          sourceImageId: SeedImage.ACTIVE_PRIVATE,
          name: "kept-copy",
          removalPolicy: RemovalPolicy.RETAIN,
        }),
    );
    const dir = stackDir(outdir, "kept");
    await initAndApply(dir);
    const id = await output(dir, "image_id");

    const destroyed = await tf(tfBin(), ["destroy", "-auto-approve", "-input=false", "-no-color"], dir, env);

    expect(destroyed.stdout).toContain(`removal policy is "retain": keeping image ${id}`);
    expect(image(id)?.info.status).toBe("active");
  });

  test("a failed copy job fails the apply with the service's reason and leaves no image; the next apply copies again", async () => {
    const outdir = join(work, "failing");
    synthApp(
      outdir,
      bundle,
      (app) =>
        new CopyStack(app, "failing", { sourceImageId: SeedImage.ACTIVE_PRIVATE, name: "failing-copy" }),
    );
    const dir = stackDir(outdir, "failing");
    await tf(tfBin(), ["init", "-input=false", "-no-color"], dir, env);
    emulator.configure({
      jobFailure: { errorCode: "IMG.0061", failReason: "Unknown system error.", atFraction: 0.5 },
    });
    let failed;
    try {
      failed = await tf(tfBin(), ["apply", "-auto-approve", "-input=false", "-no-color"], dir, env, 1);
    } finally {
      emulator.configure({ jobFailure: null });
    }
    const named = (): ReturnType<ImsEmulator["images"]> =>
      emulator.images().filter((i) => i.info.name === "failing-copy" && i.info.status !== "deleted");

    // Terraform relays the provisioner's stderr within its own stdout.
    expect(failed.stdout).toMatch(
      /IMS copy job [0-9a-f]{32} failed with IMG\.0061: Unknown system error\. Its partial image [0-9a-f-]{36} was deleted\./,
    );
    expect(named()).toEqual([]);

    await tf(tfBin(), ["apply", "-auto-approve", "-input=false", "-no-color"], dir, env);

    const id = await output(dir, "image_id");
    expect(named().map((i) => i.id)).toEqual([id]);
    await tf(tfBin(), ["plan", "-detailed-exitcode", "-input=false", "-no-color"], dir, env, 0);
  });

  test("two copies in one stack run side by side with one runtime asset and get distinct images", async () => {
    const outdir = join(work, "two");
    synthApp(outdir, bundle, (app) => {
      const stack = new TerraformStack(app, "two");
      new LocalBackend(stack, { path: "terraform.tfstate" });
      for (const id of ["a", "b"]) {
        const copy = new ImsImageCopy(stack, id, {
          sourceImageId: SeedImage.ACTIVE_PRIVATE,
          name: `twin-${id}`,
        });
        new TerraformOutput(stack, `image_${id}`, { value: copy.imageId, staticId: true });
      }
    });
    const dir = stackDir(outdir, "two");
    const jobsBefore = emulator.jobs().length;

    await initAndApply(dir);

    const ids = [await output(dir, "image_a"), await output(dir, "image_b")];
    expect(new Set(ids).size).toBe(2);
    expect(ids.map((id) => image(id)?.info.name)).toEqual(["twin-a", "twin-b"]);
    expect(emulator.jobs().length - jobsBefore).toBe(2);
    expect(readdirSync(join(dir, "assets"))).toHaveLength(1);
    await tf(tfBin(), ["plan", "-detailed-exitcode", "-input=false", "-no-color"], dir, env, 0);
  });

  test("another stack can consume the image ID through a cross-stack reference", async () => {
    const outdir = join(work, "cross");
    synthApp(outdir, bundle, (app) => {
      const producer = new CopyStack(
        app,
        "producer",
        { sourceImageId: SeedImage.ACTIVE_PRIVATE, name: "shared-copy" },
        join(stackDir(outdir, "producer"), "terraform.tfstate"),
      );
      new ConsumerStack(
        app,
        "consumer",
        producer.copy.imageId,
        join(stackDir(outdir, "consumer"), "terraform.tfstate"),
      );
    });
    await initAndApply(stackDir(outdir, "producer"));
    const produced = await output(stackDir(outdir, "producer"), "image_id");

    await initAndApply(stackDir(outdir, "consumer"));

    expect(await output(stackDir(outdir, "consumer"), "consumed_image_id")).toBe(produced);
    expect(image(produced)?.info.name).toBe("shared-copy");
  });

  async function copyWithDescription(stack: string, name: string, description: string): Promise<string> {
    const outdir = join(work, stack);
    synthApp(
      outdir,
      bundle,
      (app) => new CopyStack(app, stack, { sourceImageId: SeedImage.ACTIVE_PRIVATE, name, description }),
    );
    const dir = stackDir(outdir, stack);
    await initAndApply(dir);
    const id = await output(dir, "image_id");
    await tf(tfBin(), ["plan", "-detailed-exitcode", "-input=false", "-no-color"], dir, env, 0);
    return id;
  }

  test("a description full of shell metacharacters and a Chinese name with spaces reach the API byte for byte and execute nothing", async () => {
    const name = "镜像 副本 copy-1";

    const description = shellDescription(canary);

    const id = await copyWithDescription("shell", name, description);

    expect(image(id)?.info.name).toBe(name);
    expect(
      Buffer.from(String(image(id)?.info.__description), "utf8").equals(Buffer.from(description, "utf8")),
    ).toBe(true);
    expect(existsSync(canary)).toBe(false);
  });

  test("a description holding Terraform template sequences (${...}, %{...}) reaches the API byte for byte", async () => {
    const id = await copyWithDescription("template", "template-copy", TEMPLATE_DESCRIPTION);

    expect(image(id)?.info.__description).toBe(TEMPLATE_DESCRIPTION);
  });

  test("the credentials appear in no synthesized file, no state file and no terraform output", async () => {
    const files = filesUnder(work);
    expect(files.some((f) => f.endsWith("terraform.tfstate"))).toBe(true);
    expect(files.some((f) => f.endsWith("cdk.tf.json"))).toBe(true);
    for (const file of files) {
      const text = readFileSync(file, "utf8");
      expect({
        file,
        hasAk: text.includes(EMULATOR_ACCESS_KEY),
        hasSk: text.includes(EMULATOR_SECRET_KEY),
      }).toEqual({ file, hasAk: false, hasSk: false });
    }
    const out = await tf(tfBin(), ["output", "-json"], stackDir(join(work, "cross"), "producer"), env);
    expect(out.stdout).not.toContain(EMULATOR_ACCESS_KEY);
    expect(out.stdout).not.toContain(EMULATOR_SECRET_KEY);
  });
});
