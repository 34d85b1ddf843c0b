/**
 * The ownership contract (README "Ownership, re-runs and adoption") with the REAL terraform binary
 * against the emulator: an image belongs to exactly one deployment. Two deployments of one app
 * (two checkouts with their own state), two workspaces of one stack, a construct moved with
 * `moveTo`, and the explicit adoption of a retained image.
 */
import { App, LocalBackend, TerraformOutput, TerraformStack } from "cdktf";
import { join } from "path";
import { ImsEmulator, SeedImage } from "../../lib/emulator";
import { ImsImageCopy, type ImsImageCopyProps } from "../../lib";
import { RUNTIME_BUNDLE_CONTEXT_KEY } from "../../lib/runtime-asset";
import { MARKER_TAG_KEY, RemovalPolicy } from "../../lib/shared/constants";
import { CopyStack, synthApp } from "./support/stacks";
import { tf } from "./support/terraform";
import { terraformSuite } from "./support/suite";

const suite = terraformSuite("the ownership e2e tests", "ims-e2e-owner-", {
  jobSeconds: 1,
  deleteSeconds: 1,
});
const describeWithTerraform = suite.describe;
jest.setTimeout(240_000);

/** Live images (not deleted) named `name`. */
const live = (name: string): ReturnType<ImsEmulator["images"]> =>
  suite.emulator.images().filter((i) => i.info.name === name && i.info.status !== "deleted");
const statusOf = (id: string): string | undefined =>
  suite.emulator.images().find((i) => i.id === id)?.info.status;

const run = (dir: string, ...args: string[]) => tf(suite.bin(), [...args, "-no-color"], dir, suite.env);
const apply = async (dir: string): Promise<string> => {
  await run(dir, "init", "-input=false");
  return (await run(dir, "apply", "-auto-approve", "-input=false")).stdout;
};
const imageIdOf = async (dir: string): Promise<string> =>
  (await tf(suite.bin(), ["output", "-raw", "image_id"], dir, suite.env)).stdout;
const planIsClean = async (dir: string): Promise<void> => {
  const r = await tf(
    suite.bin(),
    ["plan", "-detailed-exitcode", "-no-color", "-input=false"],
    dir,
    suite.env,
    0,
  );
  expect(r.stdout).toContain("No changes.");
};

/** The same app (stack `app`, construct `copy`) synthesized into its own checkout directory. */
function checkout(name: string, props: ImsImageCopyProps): string {
  const outdir = join(suite.work, name);
  synthApp(outdir, suite.bundle, (app) => new CopyStack(app, "app", props));
  return join(outdir, "stacks", "app");
}

describeWithTerraform("ownership: an image belongs to exactly one deployment", () => {
  test("two deployments of one app make two images; destroying one leaves the other active and its plan clean", async () => {
    const props = { sourceImageId: SeedImage.ACTIVE_PRIVATE, name: "shared-name" };
    const first = checkout("team-a", props);
    const second = checkout("team-b", props);

    await apply(first);
    const out = await apply(second);

    const [a, b] = [await imageIdOf(first), await imageIdOf(second)];
    expect(a).not.toBe(b);
    expect(
      live("shared-name")
        .map((i) => i.id)
        .sort(),
    ).toEqual([a, b].sort());
    expect(out).toContain("submitted the copy of");
    await run(second, "destroy", "-auto-approve");
    expect(statusOf(a)).toBe("active");
    expect(["deleted", undefined]).toContain(statusOf(b));
    await planIsClean(first);
    await run(first, "destroy", "-auto-approve");
    expect(live("shared-name")).toEqual([]);
  });

  test("two workspaces of one stack own two images; destroying one workspace leaves the other's", async () => {
    const dir = checkout("workspaces", { sourceImageId: SeedImage.ACTIVE_PRIVATE, name: "per-workspace" });
    await apply(dir);
    const defaultImage = await imageIdOf(dir);
    await run(dir, "workspace", "new", "staging");
    await run(dir, "apply", "-auto-approve", "-input=false");
    const stagingImage = await imageIdOf(dir);

    expect(stagingImage).not.toBe(defaultImage);
    expect(live("per-workspace")).toHaveLength(2);
    await run(dir, "destroy", "-auto-approve");
    expect(statusOf(defaultImage)).toBe("active");
    await run(dir, "workspace", "select", "default");
    await planIsClean(dir);
    await run(dir, "destroy", "-auto-approve");
    expect(live("per-workspace")).toEqual([]);
  });

  test("a construct moved with moveTo keeps its image: the plan shows moves and no replacement, the apply copies nothing", async () => {
    const outdir = join(suite.work, "moved");
    const dir = join(outdir, "stacks", "app");
    const props = { sourceImageId: SeedImage.ACTIVE_PRIVATE, name: "moved-copy", tags: { team: "web" } };
    const synth = (build: (stack: TerraformStack) => void): void => {
      const app = new App({
        outdir,
        stackTraces: false,
        context: { [RUNTIME_BUNDLE_CONTEXT_KEY]: suite.bundle },
      });
      const stack = new TerraformStack(app, "app");
      new LocalBackend(stack, { path: "terraform.tfstate" });
      build(stack);
      app.synth();
    };
    synth((stack) => {
      const copy = new ImsImageCopy(stack, "old", props);
      new TerraformOutput(stack, "image_id", { value: copy.imageId, staticId: true });
    });
    await apply(dir);
    const imageId = await imageIdOf(dir);
    const jobs = suite.emulator.jobs().length;

    synth((stack) => {
      new ImsImageCopy(stack, "old", props).moveTo("golden");
      const copy = new ImsImageCopy(stack, "renamed", props);
      copy.addMoveTarget("golden");
      new TerraformOutput(stack, "image_id", { value: copy.imageId, staticId: true });
    });
    const plan = (await run(dir, "plan", "-input=false")).stdout;
    for (const part of ["copy", "result", "image", "attributes"])
      expect(plan).toMatch(
        new RegExp(
          `moved from terraform_data\\.old_${part}_|old_${part}_[0-9A-F]{8} has moved to terraform_data\\.renamed_${part}_`,
        ),
      );
    // Only the attributes step runs again (its marker holds the construct path): it re-tags the
    // image in place. The copy, the captured ID and the image stay.
    expect(plan.match(/# terraform_data\.\S+ must be replaced/g)).toEqual([
      expect.stringMatching(/renamed_attributes_/),
    ]);
    expect(plan).not.toContain("will be destroyed");
    await run(dir, "apply", "-auto-approve", "-input=false");

    expect(await imageIdOf(dir)).toBe(imageId);
    expect(statusOf(imageId)).toBe("active");
    expect(suite.emulator.jobs()).toHaveLength(jobs);
    await planIsClean(dir);
    await run(dir, "destroy", "-auto-approve");
    expect(["deleted", undefined]).toContain(statusOf(imageId));
  });

  test("a retained image is released at destroy; another deployment adopts it explicitly (the plan shows it), and its removal policy then applies", async () => {
    const first = checkout("retainer", {
      sourceImageId: SeedImage.ACTIVE_PRIVATE,
      name: "kept-copy",
      removalPolicy: RemovalPolicy.RETAIN,
    });
    await apply(first);
    const kept = await imageIdOf(first);
    await run(first, "destroy", "-auto-approve");
    expect(statusOf(kept)).toBe("active");
    expect(
      suite.emulator
        .images()
        .find((i) => i.id === kept)
        ?.tags.map((t) => t.key),
    ).not.toContain(MARKER_TAG_KEY);

    const adopter = checkout("adopter", {
      sourceImageId: SeedImage.ACTIVE_PRIVATE,
      name: "adopted-copy",
      adoptImageId: kept,
    });
    await run(adopter, "init", "-input=false");
    const plan = (await run(adopter, "plan", "-input=false")).stdout;
    expect(plan).toContain(`adopt_image_id  = "${kept}"`);
    const jobs = suite.emulator.jobs().length;
    const out = (await run(adopter, "apply", "-auto-approve", "-input=false")).stdout;

    expect(out).toContain(`adopting image ${kept} (active) as adoptImageId asks`);
    expect(await imageIdOf(adopter)).toBe(kept);
    expect(suite.emulator.jobs()).toHaveLength(jobs);
    expect(suite.emulator.images().find((i) => i.id === kept)?.info.name).toBe("adopted-copy");
    await planIsClean(adopter);
    await run(adopter, "destroy", "-auto-approve");
    expect(["deleted", undefined]).toContain(statusOf(kept));
  });
});
