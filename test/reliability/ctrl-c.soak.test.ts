/**
 * Soak (`npm run test:soak` only): the plain story of an interrupted apply, with the REAL
 * terraform binary: Ctrl-C while the copy job runs, then the next apply resumes the same job and
 * ends with one image and a clean plan.
 *
 * `npm test` covers it, and more, in test/reliability/interruption.e2e.test.ts: SIGINT to terraform
 * (what this test sends) and four other ways to stop it, while the job runs and in three other
 * phases, each followed by an apply that must finish the same copy.
 */
import { join } from "path";
import { SeedImage } from "../../lib/emulator";
import { CopyStack, synthApp } from "../e2e/support/stacks";
import { startTerraform, tf } from "../e2e/support/terraform";
import { terraformSuite } from "../e2e/support/suite";

const suite = terraformSuite("test/reliability/ctrl-c.soak.test.ts", "ims-ctrl-c-", {
  jobSeconds: 6,
  deleteSeconds: 1,
});
const describeWithTerraform = suite.describe;
jest.setTimeout(240_000);

describeWithTerraform("an apply interrupted with Ctrl-C", () => {
  test("an apply interrupted (Ctrl-C) during the copy is resumed by the next apply without a second copy", async () => {
    const outdir = join(suite.work, "interrupted");
    synthApp(
      outdir,
      suite.bundle,
      (app) =>
        new CopyStack(app, "interrupted", {
          sourceImageId: SeedImage.ACTIVE_PRIVATE,
          name: "interrupted-copy",
        }),
    );
    const dir = join(outdir, "stacks", "interrupted");
    await tf(suite.bin(), ["init", "-input=false", "-no-color"], dir, suite.env);
    const first = startTerraform(
      suite.bin(),
      ["apply", "-auto-approve", "-input=false", "-no-color"],
      dir,
      suite.env,
    );
    await first.waitForStdout(/submitted the copy of .*: job [0-9a-f]{32}/);
    first.interrupt();
    const interrupted = await first.done;
    expect(interrupted.code).not.toBe(0);
    const [job] = suite.emulator.jobs();

    const second = await tf(
      suite.bin(),
      ["apply", "-auto-approve", "-input=false", "-no-color"],
      dir,
      suite.env,
    );

    expect(second.stdout).toContain(`resuming the copy started earlier: job ${job.jobId}`);
    expect(suite.emulator.jobs().map((j) => j.jobId)).toEqual([job.jobId]);
    expect((await tf(suite.bin(), ["output", "-raw", "image_id"], dir, suite.env)).stdout).toBe(job.imageId);
    expect(
      suite.emulator
        .images()
        .filter((i) => i.info.name === "interrupted-copy" && i.info.status !== "deleted")
        .map((i) => i.id),
    ).toEqual([job.imageId]);
    await tf(suite.bin(), ["plan", "-detailed-exitcode", "-input=false", "-no-color"], dir, suite.env, 0);
  });
});
