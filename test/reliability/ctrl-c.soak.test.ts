/**
 * Soak (`npm run test:soak` only): the plain story of an interrupted apply, with the REAL
 * terraform binary: Ctrl-C while the copy job runs, then the next apply resumes the same job and
 * ends with one image and a clean plan.
 *
 * `npm test` covers it, and more, in test/reliability/interruption.e2e.test.ts: SIGINT to terraform
 * (what this test sends) and four other ways to stop it, while the job runs and in three other
 * phases, each followed by an apply that must finish the same copy.
 */
import { rmSync } from "fs";
import { join } from "path";
import { ImsEmulator, SeedImage } from "../../lib/emulator";
import { buildBundle } from "../handler/support/runtime";
import { CopyStack, synthApp } from "../e2e/support/stacks";
import {
  findTerraform,
  requireTerraform,
  startTerraform,
  tempDir,
  terraformEnv,
  tf,
} from "../e2e/support/terraform";

const terraform = findTerraform();
if (!terraform)
  console.warn(
    "\n**********\n* terraform is NOT on PATH: test/reliability/ctrl-c.soak.test.ts is SKIPPED.\n**********\n",
  );
const describeWithTerraform = terraform ? describe : describe.skip;

jest.setTimeout(240_000);

let work: string;
let bundle: string;
let emulator: ImsEmulator;
let env: NodeJS.ProcessEnv;

const tfBin = (): string => requireTerraform(terraform);

beforeAll(async () => {
  if (!terraform) return;
  work = tempDir("ims-ctrl-c-");
  bundle = buildBundle(work);
  emulator = new ImsEmulator({ jobSeconds: 6, deleteSeconds: 1 });
  env = terraformEnv(tfBin(), await emulator.start(), work);
});

afterAll(async () => {
  if (!terraform) return;
  await emulator.stop();
  rmSync(work, { recursive: true, force: true });
});

describeWithTerraform("an apply interrupted with Ctrl-C", () => {
  test("an apply interrupted (Ctrl-C) during the copy is resumed by the next apply without a second copy", async () => {
    const outdir = join(work, "interrupted");
    synthApp(
      outdir,
      bundle,
      (app) =>
        new CopyStack(app, "interrupted", {
          sourceImageId: SeedImage.ACTIVE_PRIVATE,
          name: "interrupted-copy",
        }),
    );
    const dir = join(outdir, "stacks", "interrupted");
    await tf(tfBin(), ["init", "-input=false", "-no-color"], dir, env);
    const first = startTerraform(tfBin(), ["apply", "-auto-approve", "-input=false", "-no-color"], dir, env);
    await first.waitForStdout(/submitted the copy of .*: job [0-9a-f]{32}/);
    first.interrupt();
    const interrupted = await first.done;
    expect(interrupted.code).not.toBe(0);
    const [job] = emulator.jobs();

    const second = await tf(tfBin(), ["apply", "-auto-approve", "-input=false", "-no-color"], dir, env);

    expect(second.stdout).toContain(`resuming the copy started earlier: job ${job.jobId}`);
    expect(emulator.jobs().map((j) => j.jobId)).toEqual([job.jobId]);
    expect((await tf(tfBin(), ["output", "-raw", "image_id"], dir, env)).stdout).toBe(job.imageId);
    expect(
      emulator
        .images()
        .filter((i) => i.info.name === "interrupted-copy" && i.info.status !== "deleted")
        .map((i) => i.id),
    ).toEqual([job.imageId]);
    await tf(tfBin(), ["plan", "-detailed-exitcode", "-input=false", "-no-color"], dir, env, 0);
  });
});
