/**
 * The `create` step run as Terraform runs it (`node <bundle> create`, inputs in the environment)
 * against the emulator over real HTTP.
 */
import { existsSync, readFileSync, rmSync } from "fs";
import { join } from "path";
import { type ImsEmulator, SeedImage } from "../../lib/emulator";
import { MARKER_TAG_KEY, RuntimeEnv } from "../../lib/shared/constants";
import { emulatorEnv, markerFor, runRuntime, startRuntime } from "./support/runtime";
import { useRuntimeFixture } from "./support/fixture";

const JOB_ID = /job ([0-9a-f]{32})/;
const NEW_IMAGE = /new image ID: ([0-9a-f-]{36})/;

const fx = useRuntimeFixture({ emulator: { jobSeconds: 2, deleteSeconds: 1 } });

function createEnv(overrides: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...emulatorEnv(fx.url),
    [RuntimeEnv.SOURCE_IMAGE_ID]: SeedImage.ACTIVE_PRIVATE,
    [RuntimeEnv.NAME]: "web-copy",
    [RuntimeEnv.DESCRIPTION]: "copied by the handler test",
    [RuntimeEnv.KMS_KEY_ID]: "",
    [RuntimeEnv.ENTERPRISE_PROJECT_ID]: "",
    [RuntimeEnv.TAGS]: JSON.stringify({ team: "web", env: "test" }),
    [RuntimeEnv.REGION]: "",
    [RuntimeEnv.PROJECT_ID]: "",
    [RuntimeEnv.ENDPOINT]: "",
    [RuntimeEnv.MARKER]: markerFor("stack/web-copy"),
    [RuntimeEnv.CONSTRUCT_PATH]: "stack/web-copy",
    [RuntimeEnv.CREATE_TIMEOUT_MINUTES]: "5",
    [RuntimeEnv.RESULT_FILE]: ".ims-image-copy/results/one.json",
    ...overrides,
  };
}

function resultOf(file = ".ims-image-copy/results/one.json"): unknown {
  return JSON.parse(readFileSync(join(fx.cwd, file), "utf8"));
}

function copies(): ReturnType<ImsEmulator["images"]> {
  return fx.emulator.images().filter((i) => i.info.__originalimagename === SeedImage.ACTIVE_PRIVATE);
}

function jobRecordPath(marker: string): string {
  return join(fx.cwd, ".ims-image-copy", "jobs", `${marker}.json`);
}

describe("create step", () => {
  test("it copies the image, prints the job and the new ID, writes the result file and tags the copy", async () => {
    const env = createEnv();
    const r = await runRuntime(fx.bundle, "create", env, fx.cwd);

    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const jobId = JOB_ID.exec(r.stdout)?.[1];
    const imageId = NEW_IMAGE.exec(r.stdout)?.[1];
    expect(r.stdout).toContain(
      `[stack/web-copy] submitted the copy of ${SeedImage.ACTIVE_PRIVATE} as "web-copy": job ${jobId}`,
    );
    expect(resultOf()).toEqual({ image_id: imageId });
    const [copy] = copies();
    expect(copies()).toHaveLength(1);
    expect(copy.id).toBe(imageId);
    expect(copy.info).toMatchObject({
      name: "web-copy",
      __description: "copied by the handler test",
      status: "active",
    });
    expect([...copy.tags].sort((a, b) => a.key.localeCompare(b.key))).toEqual([
      { key: MARKER_TAG_KEY, value: env[RuntimeEnv.MARKER] },
      { key: "env", value: "test" },
      { key: "team", value: "web" },
    ]);
    expect(fx.emulator.jobs().map((j) => j.jobId)).toEqual([jobId]);
    expect(existsSync(jobRecordPath(env[RuntimeEnv.MARKER] as string))).toBe(false);
  });

  test("a second create with the same marker adopts the copy instead of copying again, and brings its name up to date", async () => {
    const env = createEnv();
    const first = await runRuntime(fx.bundle, "create", env, fx.cwd);
    expect(first.code).toBe(0);
    const imageId = NEW_IMAGE.exec(first.stdout)?.[1];
    rmSync(join(fx.cwd, ".ims-image-copy"), { recursive: true });

    const second = await runRuntime(
      fx.bundle,
      "create",
      {
        ...env,
        [RuntimeEnv.NAME]: "web-copy-2",
        [RuntimeEnv.RESULT_FILE]: ".ims-image-copy/results/two.json",
      },
      fx.cwd,
    );

    expect(second.stderr).toBe("");
    expect(second.code).toBe(0);
    expect(second.stdout).toContain(
      `found the copy of this construct by its marker tag: image ${imageId} is active`,
    );
    expect(second.stdout).toContain(`image ${imageId}: renamed "web-copy" to "web-copy-2"`);
    expect(resultOf(".ims-image-copy/results/two.json")).toEqual({ image_id: imageId });
    expect(copies()).toHaveLength(1);
    expect(copies()[0].info.name).toBe("web-copy-2");
    expect(fx.emulator.jobs()).toHaveLength(1);
  });

  test.each(["SIGINT", "SIGTERM"] as const)(
    "a create interrupted by %s stops promptly, keeps its job record, and the next run resumes the same job",
    async (signal) => {
      fx.emulator.configure({ jobSeconds: 4 });
      const env = createEnv();
      const running = startRuntime(fx.bundle, "create", env, fx.cwd);
      const jobId = JOB_ID.exec(await running.waitForStdout(JOB_ID))?.[1];
      const sentAt = Date.now();
      running.child.kill(signal);
      const interrupted = await running.done;

      expect(Date.now() - sentAt).toBeLessThan(1500);
      expect(interrupted.code).toBe(130);
      expect(interrupted.stderr).toContain(`received ${signal}: stopping the wait; run again to resume`);
      expect(interrupted.stderr).toContain(
        `ims-image-copy create failed: Interrupted while waiting for copy job ${jobId}`,
      );
      expect(interrupted.stderr).toContain("Running again resumes the wait.");
      expect(JSON.parse(readFileSync(jobRecordPath(env[RuntimeEnv.MARKER] as string), "utf8"))).toMatchObject(
        { jobId, sourceImageId: SeedImage.ACTIVE_PRIVATE },
      );

      const resumed = await runRuntime(fx.bundle, "create", env, fx.cwd);

      expect(resumed.code).toBe(0);
      expect(resumed.stdout).toContain(`resuming the copy started earlier: job ${jobId}`);
      expect(fx.emulator.jobs().map((j) => j.jobId)).toEqual([jobId]);
      expect(copies()).toHaveLength(1);
      expect(resultOf()).toEqual({ image_id: copies()[0].id });
    },
  );

  test("a create killed right after the POST is adopted by a fresh runner without the local record", async () => {
    fx.emulator.configure({ jobSeconds: 4 });
    const env = createEnv();
    const running = startRuntime(fx.bundle, "create", env, fx.cwd);
    await running.waitForStdout(JOB_ID);
    running.child.kill("SIGKILL");
    await running.done;
    rmSync(join(fx.cwd, ".ims-image-copy"), { recursive: true, force: true });

    const resumed = await runRuntime(fx.bundle, "create", env, fx.cwd);

    expect(resumed.code).toBe(0);
    expect(resumed.stdout).toMatch(
      /found the copy of this construct by its marker tag|without marker: adopting image/,
    );
    expect(fx.emulator.jobs()).toHaveLength(1);
    expect(copies()).toHaveLength(1);
    expect(copies()[0].tags).toContainEqual({ key: MARKER_TAG_KEY, value: env[RuntimeEnv.MARKER] });
  });

  test("a copy request whose connection breaks after the service acted is adopted, not submitted twice", async () => {
    fx.emulator.addFault({ method: "POST", path: "/copy$", times: 1, reset: true, afterHandling: true });
    const env = createEnv();

    const r = await runRuntime(fx.bundle, "create", env, fx.cwd);

    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(fx.emulator.jobs()).toHaveLength(1);
    expect(copies()).toHaveLength(1);
    const [copy] = copies();
    expect(r.stdout).toContain(
      `the copy request of ${SeedImage.ACTIVE_PRIVATE} was interrupted but the service had accepted it: image ${copy.id}`,
    );
    expect(resultOf()).toEqual({ image_id: copy.id });
    expect(copy.tags).toContainEqual({ key: MARKER_TAG_KEY, value: env[RuntimeEnv.MARKER] });
  });

  test("when the service refuses tags on an image that is not active yet, the copy is tagged once, after success", async () => {
    fx.emulator.configure({ tagsBeforeActive: false });
    const env = createEnv();

    const r = await runRuntime(fx.bundle, "create", env, fx.cwd);

    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const [copy] = copies();
    expect(copy.tags).toContainEqual({ key: MARKER_TAG_KEY, value: env[RuntimeEnv.MARKER] });
    const tagCalls = fx.emulator
      .requests()
      .filter((q) => q.method === "POST" && q.path.endsWith(`/images/${copy.id}/tags/action`));
    expect(tagCalls.map((q) => q.status)).toEqual([400, 204]);
  });

  test("a failed copy job deletes the failed image and reports error_code and fail_reason", async () => {
    fx.emulator.configure({
      jobFailure: { errorCode: "IMG.0015", failReason: "image quota exceeded", atFraction: 0.5 },
    });
    const env = createEnv();

    const r = await runRuntime(fx.bundle, "create", env, fx.cwd);

    expect(r.code).toBe(4);
    const jobId = JOB_ID.exec(r.stdout)?.[1];
    const failed = fx.emulator.jobs()[0];
    expect(failed.jobId).toBe(jobId);
    expect(r.stderr).toContain(
      `ims-image-copy create failed: IMS copy job ${jobId} failed with IMG.0015: image quota exceeded. Its partial image ${failed.imageId} was deleted.`,
    );
    expect(copies().filter((i) => i.info.status !== "deleted")).toEqual([]);
    expect(existsSync(jobRecordPath(env[RuntimeEnv.MARKER] as string))).toBe(false);
    expect(existsSync(join(fx.cwd, ".ims-image-copy/results/one.json"))).toBe(false);
  });

  test("a service refusal exits 3 with the service's code, its message and what to do", async () => {
    const r = await runRuntime(
      fx.bundle,
      "create",
      createEnv({ [RuntimeEnv.SOURCE_IMAGE_ID]: SeedImage.WHOLE_ECS }),
      fx.cwd,
    );

    expect(r.code).toBe(3);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(
      /^ims-image-copy create failed: IMS copy image failed: HTTP 400 IMG\.0130: .*Full-ECS \(whole\) images cannot be copied within a region: copy a system-disk image instead\n$/,
    );
    expect(fx.emulator.jobs()).toEqual([]);
  });
});
