/**
 * Soak (`npm run test:soak` only): a copy that outlives `createTimeoutMinutes`, with the REAL
 * terraform binary and the wall clock: the apply fails with a message naming the job and the image
 * and saying that the next apply resumes; the next apply resumes the SAME copy (no second job) and
 * records its ID. The smallest timeout is one minute, so this waits more than a minute.
 *
 * `npm test` covers the same behaviour without the wait: test/handler/timeout.test.ts runs the
 * create step on a simulated clock (the timeout message, exit 5, the job record, the resumed
 * copy), and the interruption suite (test/reliability/interruption.e2e.test.ts) shows that a
 * failed apply through terraform is resumed by the next one with one copy and a clean plan.
 */
import { join } from "path";
import { ImsEmulator, SeedImage } from "../../lib/emulator";
import { buildBundle, removeDir } from "../handler/support/runtime";
import { CopyStack, synthApp } from "../e2e/support/stacks";
import { findTerraform, runTerraform, tempDir, terraformEnv, tf } from "../e2e/support/terraform";

const terraform = findTerraform();
if (!terraform)
  console.warn(
    "\n**********\n* terraform is NOT on PATH: test/reliability/timeout.soak.test.ts is SKIPPED.\n**********\n",
  );
const describeWithTerraform = terraform ? describe : describe.skip;

jest.setTimeout(240_000);

let work: string;
let emulator: ImsEmulator;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  if (!terraform) return;
  work = tempDir("ims-timeout-");
  emulator = new ImsEmulator({ jobSeconds: 68, deleteSeconds: 1 });
  env = terraformEnv(terraform, await emulator.start(), work);
});

afterAll(async () => {
  if (!terraform) return;
  await emulator.stop();
  removeDir(work);
});

describeWithTerraform("a copy slower than createTimeoutMinutes", () => {
  test("the apply fails naming the job and the image and saying the next apply resumes; the next apply resumes the same copy", async () => {
    const tfBin = terraform as string;
    const outdir = join(work, "out");
    synthApp(
      outdir,
      buildBundle(work),
      (app) =>
        new CopyStack(app, "slow", {
          sourceImageId: SeedImage.ACTIVE_PRIVATE,
          name: "slow-copy",
          createTimeoutMinutes: 1,
        }),
    );
    const dir = join(outdir, "stacks", "slow");
    await tf(tfBin, ["init", "-input=false", "-no-color"], dir, env);

    const first = await runTerraform(
      tfBin,
      ["apply", "-auto-approve", "-input=false", "-no-color"],
      dir,
      env,
    );

    expect(first.code).toBe(1);
    const [job] = emulator.jobs();
    // Terraform wraps long lines of the provisioner's output: compare without line breaks.
    const text = (first.stdout + first.stderr).replace(/\s+/g, " ");
    expect(text).toContain(
      `Timed out after 60 s waiting for the copy job (job ${job.jobId}, image ${job.imageId}); the copy continues in the cloud. Running the same command (or "terraform apply") again resumes the wait instead of copying again`,
    );

    const second = await tf(tfBin, ["apply", "-auto-approve", "-input=false", "-no-color"], dir, env);

    expect(second.stdout).toContain(`resuming the copy started earlier: job ${job.jobId}`);
    expect(emulator.jobs().map((j) => j.jobId)).toEqual([job.jobId]);
    expect((await tf(tfBin, ["output", "-raw", "image_id"], dir, env)).stdout).toBe(job.imageId);
    expect(
      emulator
        .images()
        .filter((i) => i.info.name === "slow-copy" && i.info.status !== "deleted")
        .map((i) => i.id),
    ).toEqual([job.imageId]);
    await tf(tfBin, ["plan", "-detailed-exitcode", "-input=false", "-no-color"], dir, env, 0);
  });
});
