/**
 * Where Huawei's documents leave the service's behaviour open, with the REAL terraform binary
 * against the emulator: an encrypted source is never copied unencrypted by accident, and a job
 * that names the source image as its result never makes the apply touch the source.
 */
import { rmSync } from "fs";
import { join } from "path";
import { ImsEmulator, SeedImage, SeedKmsKey } from "../../lib/emulator";
import type { ImsImageCopyProps } from "../../lib";
import { buildBundle } from "../handler/support/runtime";
import { CopyStack, synthApp } from "./support/stacks";
import {
  findTerraform,
  requireTerraform,
  runTerraform,
  tempDir,
  terraformEnv,
  tf,
} from "./support/terraform";

const terraform = findTerraform();
if (!terraform)
  console.warn("\n**********\n* terraform is NOT on PATH: the fidelity e2e tests are SKIPPED.\n**********\n");
const describeWithTerraform = terraform ? describe : describe.skip;
jest.setTimeout(240_000);

let work: string;
let bundle: string;
let emulator: ImsEmulator;
let env: NodeJS.ProcessEnv;
const tfBin = (): string => requireTerraform(terraform);

beforeAll(async () => {
  if (!terraform) return;
  work = tempDir("ims-e2e-fidelity-");
  bundle = buildBundle(work);
  emulator = new ImsEmulator({ jobSeconds: 1, deleteSeconds: 1 });
  env = terraformEnv(tfBin(), await emulator.start(), work);
});

afterAll(async () => {
  if (!terraform) return;
  await emulator.stop();
  rmSync(work, { recursive: true, force: true });
});

async function stack(name: string, props: ImsImageCopyProps): Promise<string> {
  const outdir = join(work, name);
  synthApp(outdir, bundle, (app) => new CopyStack(app, name, props));
  const dir = join(outdir, "stacks", name);
  await tf(tfBin(), ["init", "-input=false", "-no-color"], dir, env);
  return dir;
}
const apply = ["apply", "-auto-approve", "-input=false", "-no-color"];
const copiesOf = (source: string) =>
  emulator.images().filter((i) => i.info.__originalimagename === source && i.info.status !== "deleted");

describeWithTerraform("documented behaviours the service may have", () => {
  test("an encrypted source without kmsKeyId fails the apply before any copy, naming kmsKeyId and unencrypted; unencrypted: true then copies unencrypted", async () => {
    const refusedDir = await stack("encrypted", {
      sourceImageId: SeedImage.ENCRYPTED_PRIVATE,
      name: "enc-copy",
    });
    const refused = await runTerraform(tfBin(), apply, refusedDir, env);

    expect(refused.code).toBe(1);
    const text = (refused.stdout + refused.stderr).replace(/\s+/g, " ");
    expect(text).toContain(`the source image ${SeedImage.ENCRYPTED_PRIVATE} is encrypted`);
    expect(text).toContain("Set kmsKeyId (CLI: --kms-key-id)");
    expect(text).toContain("or set unencrypted: true");
    expect(emulator.jobs()).toEqual([]);

    const plainDir = await stack("decrypted", {
      sourceImageId: SeedImage.ENCRYPTED_PRIVATE,
      name: "dec-copy",
      unencrypted: true,
    });
    await tf(tfBin(), apply, plainDir, env);
    const [copy] = copiesOf(SeedImage.ENCRYPTED_PRIVATE);
    expect(copy.info.name).toBe("dec-copy");
    expect(copy.info.__system__encrypted ?? "0").not.toBe("1");

    const keyedDir = await stack("reencrypted", {
      sourceImageId: SeedImage.ENCRYPTED_PRIVATE,
      name: "rekeyed-copy",
      kmsKeyId: SeedKmsKey.ENABLED,
    });
    await tf(tfBin(), apply, keyedDir, env);
    expect(
      copiesOf(SeedImage.ENCRYPTED_PRIVATE).find((i) => i.info.name === "rekeyed-copy")?.info,
    ).toMatchObject({
      __system__encrypted: "1",
      __system__cmkid: SeedKmsKey.ENABLED,
    });
  });

  test("a job that names the source image as its result fails the apply and leaves the source untouched", async () => {
    emulator.configure({ jobImageIdNames: "source" });
    try {
      const before = emulator.images().find((i) => i.id === SeedImage.ACTIVE_PRIVATE);
      const dir = await stack("wrongid", { sourceImageId: SeedImage.ACTIVE_PRIVATE, name: "wrong-id-copy" });

      const failed = await runTerraform(tfBin(), apply, dir, env);

      expect(failed.code).toBe(1);
      expect((failed.stdout + failed.stderr).replace(/\s+/g, " ")).toContain(
        `image ${SeedImage.ACTIVE_PRIVATE} is the source image itself: it was not tagged, recorded or deleted`,
      );
      expect(emulator.images().find((i) => i.id === SeedImage.ACTIVE_PRIVATE)).toEqual(before);
      const touched = emulator
        .requests()
        .filter(
          (q) => q.method !== "GET" && q.path.includes(SeedImage.ACTIVE_PRIVATE) && !q.path.endsWith("/copy"),
        );
      expect(touched).toEqual([]);
    } finally {
      emulator.configure({ jobImageIdNames: "copy" });
    }
  });
});
