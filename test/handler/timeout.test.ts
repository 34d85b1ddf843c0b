/**
 * Long waits on a simulated clock: the handler runs in-process (`runHandler`) with an injected
 * `now()` and `sleep()` that advance the same clock the emulator's jobs run on, so an hour-long
 * copy takes milliseconds and nothing really sleeps. Requests still go over real HTTP.
 */
import { existsSync, readFileSync } from "fs";
import { join } from "path";
import { SeedImage } from "../../lib/emulator";
import { ExitCode, RuntimeEnv } from "../../lib/shared/constants";
import { emulatorEnv, markerFor, markerTagsFor, TEST_RESOURCE_ID } from "./support/runtime";
import { useRuntimeFixture } from "./support/fixture";
import { runInProcess, type Captured, type SimulatedClock } from "./support/in-process";

const MARKER = markerFor("stack/slow");

let clock: number;
const simulated: SimulatedClock = { now: () => clock, advance: (ms) => void (clock += ms) };
const fx = useRuntimeFixture({
  emulator: { now: () => clock, jobSeconds: 300, initSeconds: 0 },
  cwdPrefix: "ims-handler-slow-",
  bundle: false,
  beforeEach: () => {
    clock = Date.parse("2026-01-01T00:00:00Z");
  },
});

const run = (sub: string, env: NodeJS.ProcessEnv): Promise<Captured> =>
  runInProcess(simulated, [sub], env, fx.cwd);

const env = (): NodeJS.ProcessEnv => ({
  ...emulatorEnv(fx.url),
  [RuntimeEnv.SOURCE_IMAGE_ID]: SeedImage.ACTIVE_PRIVATE,
  [RuntimeEnv.NAME]: "slow-copy",
  [RuntimeEnv.MARKER]: MARKER,
  [RuntimeEnv.RESOURCE_ID]: TEST_RESOURCE_ID,
  [RuntimeEnv.CREATE_TIMEOUT_MINUTES]: "2",
  [RuntimeEnv.RESULT_FILE]: "result.json",
});

describe("create step on a slow copy", () => {
  test("a timeout exits 5 naming the job and the image, and the next run resumes the same copy", async () => {
    const first = await run("create", env());

    expect(first.code).toBe(ExitCode.TIMEOUT);
    const [job] = fx.emulator.jobs();
    expect(first.stderr).toEqual([
      `ims-image-copy create failed: Timed out after 120 s waiting for the copy job (job ${job.jobId}, image ${job.imageId}); the copy continues in the cloud. Running the same command (or "terraform apply") again resumes the wait instead of copying again; raise the timeout if copies of this image take longer.`,
    ]);
    expect(
      JSON.parse(
        readFileSync(
          join(fx.cwd, ".ims-image-copy/jobs", `${markerTagsFor(MARKER, fx.cwd).marker}.json`),
          "utf8",
        ),
      ),
    ).toMatchObject({ jobId: job.jobId, imageId: job.imageId });
    expect(existsSync(join(fx.cwd, "result.json"))).toBe(false);

    clock += 60_000;
    const second = await run("create", { ...env(), [RuntimeEnv.CREATE_TIMEOUT_MINUTES]: "10" });

    expect(second.stderr).toEqual([]);
    expect(second.code).toBe(ExitCode.OK);
    expect(second.stdout[0]).toMatch(
      new RegExp(
        `^\\[ims-image-copy\\] resuming the copy started earlier: job ${job.jobId} is RUNNING, image ${job.imageId}$`,
      ),
    );
    expect(fx.emulator.jobs()).toHaveLength(1);
    expect(JSON.parse(readFileSync(join(fx.cwd, "result.json"), "utf8"))).toEqual({ image_id: job.imageId });
  });

  test("while waiting it prints the job on submit, then at most one progress line every 30 s, then the new image ID", async () => {
    const r = await run("create", { ...env(), [RuntimeEnv.CREATE_TIMEOUT_MINUTES]: "10" });

    expect(r.code).toBe(ExitCode.OK);
    const [job] = fx.emulator.jobs();
    expect(r.stdout[0]).toBe(
      `[ims-image-copy] submitted the copy of ${SeedImage.ACTIVE_PRIVATE} as "slow-copy": job ${job.jobId}`,
    );
    expect(r.stdout[1]).toBe(`[ims-image-copy] job ${job.jobId} is creating image ${job.imageId}`);
    const progress = r.stdout
      .map((l, i) => ({ l, at: r.at[i] }))
      .filter(({ l }) => l.includes(`job ${job.jobId}: RUNNING`));
    expect(progress.length).toBeGreaterThanOrEqual(3);
    for (const { l } of progress)
      expect(l).toMatch(
        new RegExp(`^\\[ims-image-copy\\] job ${job.jobId}: RUNNING \\d{1,2}% elapsed (\\d+m)?\\d+s$`),
      );
    for (let i = 1; i < progress.length; i++)
      expect(progress[i].at - progress[i - 1].at).toBeGreaterThanOrEqual(30_000);
    expect(r.stdout[r.stdout.length - 1]).toMatch(
      new RegExp(
        `^\\[ims-image-copy\\] new image ID: ${job.imageId} \\(copy of ${SeedImage.ACTIVE_PRIVATE} named "slow-copy", 5m\\d\\ds; result in .*result\\.json\\)$`,
      ),
    );
  });
});
