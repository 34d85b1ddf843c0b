/**
 * Where Huawei's documents leave the service's behaviour open, with the REAL terraform binary
 * against the emulator: an encrypted source is never copied unencrypted by accident, and a job
 * that names the source image as its result never makes the apply touch the source.
 */
import { join } from "path";
import { SeedImage, SeedKmsKey } from "../../lib/emulator";
import type { ImsImageCopyProps } from "../../lib";
import { CopyStack, synthApp } from "./support/stacks";
import { runTerraform, tf } from "./support/terraform";
import { terraformSuite } from "./support/suite";

const suite = terraformSuite("the fidelity e2e tests", "ims-e2e-fidelity-", {
  jobSeconds: 1,
  deleteSeconds: 1,
});
const describeWithTerraform = suite.describe;
jest.setTimeout(240_000);

async function stack(name: string, props: ImsImageCopyProps): Promise<string> {
  const outdir = join(suite.work, name);
  synthApp(outdir, suite.bundle, (app) => new CopyStack(app, name, props));
  const dir = join(outdir, "stacks", name);
  await tf(suite.bin(), ["init", "-input=false", "-no-color"], dir, suite.env);
  return dir;
}
const apply = ["apply", "-auto-approve", "-input=false", "-no-color"];
const copiesOf = (source: string) =>
  suite.emulator.images().filter((i) => i.info.__originalimagename === source && i.info.status !== "deleted");

describeWithTerraform("documented behaviours the service may have", () => {
  test("an encrypted source without kmsKeyId fails the apply before any copy, naming kmsKeyId and unencrypted; unencrypted: true then copies unencrypted", async () => {
    const refusedDir = await stack("encrypted", {
      sourceImageId: SeedImage.ENCRYPTED_PRIVATE,
      name: "enc-copy",
    });
    const refused = await runTerraform(suite.bin(), apply, refusedDir, suite.env);

    expect(refused.code).toBe(1);
    const text = (refused.stdout + refused.stderr).replace(/\s+/g, " ");
    expect(text).toContain(`the source image ${SeedImage.ENCRYPTED_PRIVATE} is encrypted`);
    expect(text).toContain("Set kmsKeyId (CLI: --kms-key-id)");
    expect(text).toContain("or set unencrypted: true");
    expect(suite.emulator.jobs()).toEqual([]);

    const plainDir = await stack("decrypted", {
      sourceImageId: SeedImage.ENCRYPTED_PRIVATE,
      name: "dec-copy",
      unencrypted: true,
    });
    await tf(suite.bin(), apply, plainDir, suite.env);
    const [copy] = copiesOf(SeedImage.ENCRYPTED_PRIVATE);
    expect(copy.info.name).toBe("dec-copy");
    expect(copy.info.__system__encrypted ?? "0").not.toBe("1");

    const keyedDir = await stack("reencrypted", {
      sourceImageId: SeedImage.ENCRYPTED_PRIVATE,
      name: "rekeyed-copy",
      kmsKeyId: SeedKmsKey.ENABLED,
    });
    await tf(suite.bin(), apply, keyedDir, suite.env);
    expect(
      copiesOf(SeedImage.ENCRYPTED_PRIVATE).find((i) => i.info.name === "rekeyed-copy")?.info,
    ).toMatchObject({
      __system__encrypted: "1",
      __system__cmkid: SeedKmsKey.ENABLED,
    });
  });

  test("a job that names the source image as its result fails the apply and leaves the source untouched", async () => {
    suite.emulator.configure({ jobImageIdNames: "source" });
    try {
      const before = suite.emulator.images().find((i) => i.id === SeedImage.ACTIVE_PRIVATE);
      const dir = await stack("wrongid", { sourceImageId: SeedImage.ACTIVE_PRIVATE, name: "wrong-id-copy" });

      const failed = await runTerraform(suite.bin(), apply, dir, suite.env);

      expect(failed.code).toBe(1);
      expect((failed.stdout + failed.stderr).replace(/\s+/g, " ")).toContain(
        `image ${SeedImage.ACTIVE_PRIVATE} is the source image itself: it was not tagged, recorded or deleted`,
      );
      expect(suite.emulator.images().find((i) => i.id === SeedImage.ACTIVE_PRIVATE)).toEqual(before);
      const touched = suite.emulator
        .requests()
        .filter(
          (q) => q.method !== "GET" && q.path.includes(SeedImage.ACTIVE_PRIVATE) && !q.path.endsWith("/copy"),
        );
      expect(touched).toEqual([]);
    } finally {
      suite.emulator.configure({ jobImageIdNames: "copy" });
    }
  });
});
