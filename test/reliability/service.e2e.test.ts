/**
 * The service misbehaving or refusing, with the REAL terraform binary against the emulator:
 * faults on every route during an apply, images deleted or protected behind Terraform's
 * back at destroy, and credentials without a permission or with a wrong key.
 */
import { join } from "path";
import {
  EMULATOR_READONLY_ACCESS_KEY,
  EMULATOR_READONLY_SECRET_KEY,
  EMULATOR_SECRET_KEY,
  SeedImage,
} from "../../lib/emulator";
import { ImsClient } from "../../lib/runtime/client";
import { emulatorEnv } from "../handler/support/runtime";
import { CopyStack, synthApp } from "../e2e/support/stacks";
import { runTerraform, tf } from "../e2e/support/terraform";
import { terraformSuite } from "../e2e/support/suite";

const suite = terraformSuite("test/reliability/service.e2e.test.ts", "ims-service-", {
  jobSeconds: 1,
  deleteSeconds: 1,
});
const describeWithTerraform = suite.describe;
jest.setTimeout(180_000);

const apply = ["apply", "-auto-approve", "-input=false", "-no-color"];
const destroy = ["destroy", "-auto-approve", "-input=false", "-no-color"];
const plan = ["plan", "-detailed-exitcode", "-input=false", "-no-color"];

const live = (name: string): string[] =>
  suite.emulator
    .images()
    .filter((i) => i.info.name === name && i.info.status !== "deleted" && i.info.status !== "killed")
    .map((i) => i.id);

/** Synthesizes and initializes a one-copy stack named `stack`; returns its directory. */
async function stackWith(stack: string, name: string): Promise<string> {
  const outdir = join(suite.work, stack);
  synthApp(
    outdir,
    suite.bundle,
    (app) =>
      new CopyStack(app, stack, { sourceImageId: SeedImage.ACTIVE_PRIVATE, name, deleteTimeoutMinutes: 1 }),
  );
  const dir = join(outdir, "stacks", stack);
  await tf(suite.bin(), ["init", "-input=false", "-no-color"], dir, suite.env);
  return dir;
}

async function stateList(dir: string): Promise<string[]> {
  return (await tf(suite.bin(), ["state", "list"], dir, suite.env)).stdout
    .split("\n")
    .filter((l) => l !== "");
}

async function output(dir: string): Promise<string> {
  return (await tf(suite.bin(), ["output", "-raw", "image_id"], dir, suite.env)).stdout;
}

describeWithTerraform("faults during apply", () => {
  test("429 with Retry-After, 500/502/503/504 bursts, connection resets and IMG.0060 on every route: the apply completes with exactly one image", async () => {
    const dir = await stackWith("faults", "faulty-copy");
    // The copy POST: refused four times in ways that say "not processed", then processed but
    // answered 504 (ambiguous: the runtime must find the copy instead of submitting again).
    suite.emulator.addFault({ method: "POST", path: "/copy$", status: 429, retryAfterSeconds: 1, times: 1 });
    suite.emulator.addFault({
      method: "POST",
      path: "/copy$",
      status: 400,
      imsCode: "IMG.0060",
      message: "The number of concurrent jobs exceeds the limit.",
      times: 1,
    });
    suite.emulator.addFault({ method: "POST", path: "/copy$", status: 503, times: 1 });
    suite.emulator.addFault({ method: "POST", path: "/copy$", status: 504, afterHandling: true, times: 1 });
    // Reads: bursts of 5xx and resets.
    suite.emulator.addFault({ method: "GET", path: "^/v2/cloudimages$", status: 503, times: 2 });
    suite.emulator.addFault({ method: "GET", path: "^/v2/cloudimages$", reset: true, times: 1 });
    suite.emulator.addFault({ method: "GET", path: "^/v1/[^/]+/jobs/", status: 500, times: 2 });
    suite.emulator.addFault({ method: "GET", path: "^/v1/[^/]+/jobs/", status: 502, times: 1 });
    suite.emulator.addFault({
      method: "GET",
      path: "^/v1/[^/]+/jobs/",
      reset: true,
      afterHandling: true,
      times: 1,
    });
    suite.emulator.addFault({
      method: "GET",
      path: "^/v2/[^/]+/images/[^/]+/tags$",
      status: 429,
      retryAfterSeconds: 1,
      times: 1,
    });
    suite.emulator.addFault({
      method: "POST",
      path: "/tags/action$",
      status: 502,
      afterHandling: true,
      times: 1,
    });
    try {
      await tf(suite.bin(), apply, dir, suite.env);
    } finally {
      suite.emulator.clearFaults();
    }

    const id = await output(dir);
    expect(live("faulty-copy")).toEqual([id]);
    expect(suite.emulator.jobs().filter((j) => j.imageName === "faulty-copy")).toHaveLength(1);
    const faulted = suite.emulator.requests().filter((r) => r.faultId !== undefined);
    // Every kind of fault was met: 429, IMG.0060 (400), 5xx, and resets (logged as status 0).
    expect([...new Set(faulted.map((r) => r.status))].sort()).toEqual(
      expect.arrayContaining([0, 400, 429, 503, 504]),
    );
    expect(faulted.some((r) => r.status === 500 || r.status === 502)).toBe(true);
    expect(faulted.length).toBeGreaterThanOrEqual(8);
    await tf(suite.bin(), plan, dir, suite.env, 0);
  });
});

describeWithTerraform("destroy when the image changed behind Terraform's back", () => {
  test("an image already deleted out of band: destroy succeeds and says so", async () => {
    const dir = await stackWith("gone", "gone-copy");
    await tf(suite.bin(), apply, dir, suite.env);
    const id = await output(dir);
    await ImsClient.fromEnv(emulatorEnv(suite.url)).deleteImage(id);

    const destroyed = await tf(suite.bin(), destroy, dir, suite.env);

    expect(destroyed.stdout).toContain(`image ${id} was already deleted`);
    expect(await stateList(dir)).toEqual([]);
  });

  test("an image that is protected: destroy fails with a clear message, keeps the image and its state; once freed, destroy completes", async () => {
    const dir = await stackWith("protected", "protected-copy");
    await tf(suite.bin(), apply, dir, suite.env);
    const id = await output(dir);
    const jobs = suite.emulator.jobs().length;
    suite.emulator.setImage(id, { protected: true });

    const failed = await runTerraform(suite.bin(), destroy, dir, suite.env);

    expect(failed.code).toBe(1);
    expect(failed.stdout + failed.stderr).toMatch(
      /IMG\.0028: .*The image is protected \(for example published to KooGallery, the Marketplace\): take it off the shelf or remove its protection first/,
    );
    expect(failed.stdout + failed.stderr).toContain(
      `Run "terraform destroy" again once it can be deleted, or set removalPolicy to "retain" to keep it`,
    );
    expect(live("protected-copy")).toEqual([id]);
    // The state still holds the image: its ID is intact and an apply restores the rest without a new copy.
    expect(await stateList(dir)).toContain(`terraform_data.copy_image_19FD2F62`);
    await tf(suite.bin(), apply, dir, suite.env);
    expect(await output(dir)).toBe(id);
    expect(suite.emulator.jobs()).toHaveLength(jobs);
    await tf(suite.bin(), plan, dir, suite.env, 0);

    suite.emulator.setImage(id, { protected: false });
    await tf(suite.bin(), destroy, dir, suite.env);
    expect(live("protected-copy")).toEqual([]);
    expect(await stateList(dir)).toEqual([]);
  });
});

describeWithTerraform("credentials", () => {
  test("IMG.0026 (no permission): a credential without ims:images:copy fails the apply naming the missing permission; nothing is created; the right credential then copies once", async () => {
    const dir = await stackWith("readonly", "readonly-copy");
    const readOnly = {
      ...suite.env,
      HW_ACCESS_KEY: EMULATOR_READONLY_ACCESS_KEY,
      HW_SECRET_KEY: EMULATOR_READONLY_SECRET_KEY,
    };

    const refused = await runTerraform(suite.bin(), apply, dir, readOnly);

    expect(refused.code).toBe(1);
    expect(refused.stdout + refused.stderr).toMatch(/HTTP 400 IMG\.0026: .*ims:images:copy/);
    expect(refused.stdout + refused.stderr).not.toContain(EMULATOR_READONLY_SECRET_KEY);
    expect(live("readonly-copy")).toEqual([]);

    await tf(suite.bin(), apply, dir, suite.env);
    expect(live("readonly-copy")).toEqual([await output(dir)]);
  });

  test("401: a wrong secret key fails the apply naming the credential variables to check, without the key", async () => {
    const dir = await stackWith("wrongkey", "wrongkey-copy");
    const wrong = "wrongSecretKey000000000000000000000000000";

    const refused = await runTerraform(suite.bin(), apply, dir, { ...suite.env, HW_SECRET_KEY: wrong });

    expect(refused.code).toBe(1);
    const text = refused.stdout + refused.stderr;
    expect(text).toContain("APIGW.0301");
    expect(text).toContain(
      "check HW_ACCESS_KEY or HUAWEICLOUD_SDK_AK and HW_SECRET_KEY or HUAWEICLOUD_SDK_SK",
    );
    expect(text).not.toContain(wrong);
    expect(text).not.toContain(EMULATOR_SECRET_KEY);
    expect(live("wrongkey-copy")).toEqual([]);
  });
});
