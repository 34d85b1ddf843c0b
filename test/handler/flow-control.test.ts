/**
 * The create step when the project's copy-job slots are all busy (IMG.0060 flow control), on a
 * simulated clock: the handler runs in-process (`runHandler`) with an injected `now()` and
 * `sleep()` that advance the clock the emulator's jobs run on. Requests go over real HTTP.
 */
import { existsSync, readdirSync } from "fs";
import { join } from "path";
import { SeedImage } from "../../lib/emulator";
import { ImsClient } from "../../lib/runtime/client";
import { ExitCode, RuntimeEnv } from "../../lib/shared/constants";
import { emulatorEnv, markerFor, TEST_RESOURCE_ID } from "./support/runtime";
import { useRuntimeFixture } from "./support/fixture";
import { runInProcess, type Captured, type SimulatedClock } from "./support/in-process";

let clock: number;
const simulated: SimulatedClock = { now: () => clock, advance: (ms) => void (clock += ms) };
const fx = useRuntimeFixture({
  emulator: { now: () => clock, jobSeconds: 600, initSeconds: 0, maxConcurrentCopyJobs: 1 },
  cwdPrefix: "ims-handler-flow-",
  bundle: false,
  beforeEach: () => {
    clock = Date.parse("2026-01-01T00:00:00Z");
  },
});

async function run(name: string, timeoutMinutes: number): Promise<Captured> {
  const env: NodeJS.ProcessEnv = {
    ...emulatorEnv(fx.url),
    [RuntimeEnv.SOURCE_IMAGE_ID]: SeedImage.ACTIVE_PRIVATE,
    [RuntimeEnv.NAME]: name,
    [RuntimeEnv.MARKER]: markerFor(`stack/${name}`),
    [RuntimeEnv.RESOURCE_ID]: TEST_RESOURCE_ID,
    [RuntimeEnv.CREATE_TIMEOUT_MINUTES]: String(timeoutMinutes),
    [RuntimeEnv.RESULT_FILE]: `${name}.json`,
  };
  return runInProcess(simulated, ["create"], env, fx.cwd);
}

/** Submits a 10 min copy that holds the only job slot; returns when the slot frees. */
async function occupySlot(): Promise<number> {
  const client = ImsClient.fromEnv(emulatorEnv(fx.url), undefined, { now: () => clock });
  await client.copyImageInRegion(SeedImage.ACTIVE_PRIVATE, { name: "holder" });
  const [job] = fx.emulator.jobs();
  return job.submittedAt + job.initMs + job.runMs;
}

const copiesNamed = (name: string) =>
  fx.emulator
    .images()
    .filter((i) => i.jobId !== undefined && i.info.name === name && i.info.status !== "deleted");
const SLOT_LINE =
  /^\[ims-image-copy\] waiting for a copy slot: IMG\.0060 flow control, (\d+) attempts?, elapsed (\d+m)?\d+s$/;

describe("create step waiting for a copy slot", () => {
  test("GIVEN the only slot is held for 10 min THEN the copy waits for it, printing a line at most every 30 s, and is submitted once the slot frees", async () => {
    const freeAt = await occupySlot();
    const r = await run("waiter", 60);

    expect(r.stderr).toEqual([]);
    expect(r.code).toBe(ExitCode.OK);
    const waiting = r.stdout
      .map((l, i) => ({ l, at: r.at[i] }))
      .filter(({ l }) => l.includes("waiting for a copy slot"));
    expect(waiting[0].l).toBe(
      "[ims-image-copy] waiting for a copy slot: IMG.0060 flow control, 1 attempt, elapsed 0s",
    );
    // 10 min of waiting: about one line per 30 s, never two within 30 s
    expect(waiting.length).toBeGreaterThanOrEqual(14);
    expect(waiting.length).toBeLessThanOrEqual(21);
    for (const { l } of waiting) expect(l).toMatch(SLOT_LINE);
    for (let i = 1; i < waiting.length; i++)
      expect(waiting[i].at - waiting[i - 1].at).toBeGreaterThanOrEqual(30_000);
    const attempts = waiting.map(({ l }) => Number(SLOT_LINE.exec(l)![1]));
    expect(attempts).toEqual([...attempts].sort((x, y) => x - y));
    // submitted once the slot freed (within one short wait), and exactly one image
    const submitted = r.stdout.findIndex((l) =>
      l.startsWith(`[ims-image-copy] submitted the copy of ${SeedImage.ACTIVE_PRIVATE} as "waiter": job `),
    );
    expect(submitted).toBeGreaterThan(waiting.length - 1);
    expect(r.at[submitted]).toBeGreaterThanOrEqual(freeAt);
    expect(r.at[submitted]).toBeLessThanOrEqual(freeAt + 8000 + 1000);
    expect(copiesNamed("waiter")).toHaveLength(1);
    expect(copiesNamed("holder")).toHaveLength(1);
    expect(fx.emulator.jobs()).toHaveLength(2);
  });

  test("GIVEN the slot stays busy past the create timeout THEN the step fails naming IMG.0060 flow control, and nothing is left behind", async () => {
    await occupySlot();
    const started = clock;
    const r = await run("too-late", 3);

    expect(r.code).not.toBe(ExitCode.OK);
    expect(r.stderr).toHaveLength(1);
    expect(r.stderr[0]).toMatch(
      /^ims-image-copy create failed: IMS copy image failed: HTTP 400 IMG\.0060: The number of tasks exceeds the flow control limit \(1 concurrent copy jobs\)\. Submit again later\. \(request ID [0-9a-f]+\)\. IMS flow control: gave up waiting for a copy slot after \d+ refused submissions over \d+ s \(the create timeout\); too many image tasks are running in this project\. Raise createTimeoutMinutes, lower terraform's -parallelism, or run again when fewer tasks are running$/,
    );
    expect(clock - started).toBeLessThanOrEqual(3 * 60_000);
    expect(clock - started).toBeGreaterThan(3 * 60_000 - 9000);
    expect(r.stdout.filter((l) => SLOT_LINE.test(l)).length).toBeGreaterThanOrEqual(6);
    expect(copiesNamed("too-late")).toHaveLength(0);
    expect(fx.emulator.jobs()).toHaveLength(1);
    expect(existsSync(join(fx.cwd, "too-late.json"))).toBe(false);
    const jobs = join(fx.cwd, ".ims-image-copy", "jobs");
    expect(existsSync(jobs) ? readdirSync(jobs) : []).toEqual([]);
  });
});
