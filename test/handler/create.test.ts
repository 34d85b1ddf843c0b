/**
 * The `create` step run as Terraform runs it (`node <bundle> create`, inputs in the environment)
 * against the emulator over real HTTP.
 */
import { existsSync, readFileSync, rmSync } from "fs";
import { join } from "path";
import { type ImsEmulator, SeedImage, SeedKmsKey } from "../../lib/emulator";
import { MARKER_TAG_KEY, RuntimeEnv } from "../../lib/shared/constants";
import {
  emulatorEnv,
  markerFor,
  markerTagsFor,
  runRuntime,
  startRuntime,
  TEST_RESOURCE_ID,
} from "./support/runtime";
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
    [RuntimeEnv.RESOURCE_ID]: TEST_RESOURCE_ID,
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

/** The local job record of the copy whose configuration marker is `configMarker`. */
function jobRecordPath(configMarker: string): string {
  return join(fx.cwd, ".ims-image-copy", "jobs", `${markerTagsFor(configMarker, fx.cwd).marker}.json`);
}

const claimedTagOf = (env: NodeJS.ProcessEnv) =>
  markerTagsFor(env[RuntimeEnv.MARKER] as string, fx.cwd).claimed;
const pendingTagOf = (env: NodeJS.ProcessEnv) =>
  markerTagsFor(env[RuntimeEnv.MARKER] as string, fx.cwd).pending;

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
      claimedTagOf(env),
      { key: "env", value: "test" },
      { key: "team", value: "web" },
    ]);
    expect(fx.emulator.jobs().map((j) => j.jobId)).toEqual([jobId]);
    expect(existsSync(jobRecordPath(env[RuntimeEnv.MARKER] as string))).toBe(false);
  });

  test("GIVEN IMS_COPY_POLL_SECONDS=1 THEN the job is polled every second, where the default strategy's first wait (9.5 s) outlasts this 2 s job", async () => {
    const jobPolls = () =>
      fx.emulator.requests().filter((r) => r.method === "GET" && r.path.includes("/job"));
    expect((await runRuntime(fx.bundle, "create", createEnv(), fx.cwd)).code).toBe(0);
    expect(jobPolls()).toHaveLength(1);
    fx.emulator.reset();
    const env = createEnv({ IMS_COPY_POLL_SECONDS: "1", [RuntimeEnv.MARKER]: markerFor("stack/polled") });
    expect((await runRuntime(fx.bundle, "create", env, fx.cwd)).code).toBe(0);
    expect(jobPolls().length).toBeGreaterThanOrEqual(2);
  });

  test("a completed copy that this state does not hold is not adopted silently; adoptImageId adopts it and brings its name up to date", async () => {
    const env = createEnv();
    const first = await runRuntime(fx.bundle, "create", env, fx.cwd);
    expect(first.code).toBe(0);
    const imageId = NEW_IMAGE.exec(first.stdout)?.[1] as string;
    // A fresh runner (no local records) and a state that lost the first resource.
    rmSync(join(fx.cwd, ".ims-image-copy"), { recursive: true });
    const again = { ...env, [RuntimeEnv.RESOURCE_ID]: "5f0c1d2e-3a4b-4c5d-8e9f-0a1b2c3d4e5f" };

    const refused = await runRuntime(fx.bundle, "create", again, fx.cwd);

    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(
      `ims-image-copy create failed: image ${imageId} is a completed copy of this declaration in this deployment (${MARKER_TAG_KEY}=${claimedTagOf(env).value}), but this Terraform state does not hold it`,
    );
    expect(refused.stderr).toContain(`set adoptImageId: "${imageId}" on stack/web-copy and apply again`);
    expect(fx.emulator.jobs()).toHaveLength(1);

    const adopted = await runRuntime(
      fx.bundle,
      "create",
      {
        ...again,
        [RuntimeEnv.ADOPT_IMAGE_ID]: imageId,
        [RuntimeEnv.NAME]: "web-copy-2",
        [RuntimeEnv.RESULT_FILE]: ".ims-image-copy/results/two.json",
      },
      fx.cwd,
    );

    expect(adopted.stderr).toBe("");
    expect(adopted.code).toBe(0);
    expect(adopted.stdout).toContain(`adopting image ${imageId} (active) as adoptImageId asks`);
    expect(adopted.stdout).toContain(`image ${imageId}: renamed "web-copy" to "web-copy-2"`);
    expect(resultOf(".ims-image-copy/results/two.json")).toEqual({ image_id: imageId });
    expect(copies()).toHaveLength(1);
    expect(copies()[0].info.name).toBe("web-copy-2");
    expect(copies()[0].tags).toContainEqual(
      markerTagsFor(env[RuntimeEnv.MARKER] as string, fx.cwd, again[RuntimeEnv.RESOURCE_ID]).claimed,
    );
    expect(fx.emulator.jobs()).toHaveLength(1);
  });

  test("adoptImageId refuses an image that is not a copy of the source, naming both", async () => {
    const r = await runRuntime(
      fx.bundle,
      "create",
      createEnv({ [RuntimeEnv.ADOPT_IMAGE_ID]: SeedImage.ACTIVE_PRIVATE }),
      fx.cwd,
    );

    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      `ims-image-copy create failed: image ${SeedImage.ACTIVE_PRIVATE} cannot be adopted: image ${SeedImage.ACTIVE_PRIVATE} is the source image itself. Check adoptImageId`,
    );
    expect(fx.emulator.jobs()).toEqual([]);
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
        `ims-image-copy create failed: Interrupted while waiting for the copy job (job ${jobId}`,
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

  test("a create killed once the job named the image is resumed by a fresh runner without the local record, by its deployment marker", async () => {
    fx.emulator.configure({ jobSeconds: 4 });
    const env = createEnv();
    const running = startRuntime(fx.bundle, "create", env, fx.cwd);
    await running.waitForStdout(/is creating image/);
    running.child.kill("SIGKILL");
    await running.done;
    rmSync(join(fx.cwd, ".ims-image-copy"), { recursive: true, force: true });
    expect(copies()[0].tags).toContainEqual(pendingTagOf(env));

    const resumed = await runRuntime(fx.bundle, "create", env, fx.cwd);

    expect(resumed.code).toBe(0);
    expect(resumed.stdout).toContain(
      `found the interrupted copy of this deployment by its marker tag: image ${copies()[0].id}`,
    );
    expect(fx.emulator.jobs()).toHaveLength(1);
    expect(copies()).toHaveLength(1);
    expect(copies()[0].tags).toContainEqual(claimedTagOf(env));
  });

  test("a fresh runner cannot prove that a copy killed before the job named it is its own: it copies anew and names the unmarked one", async () => {
    fx.emulator.configure({ jobSeconds: 4 });
    const env = createEnv();
    const running = startRuntime(fx.bundle, "create", env, fx.cwd);
    await running.waitForStdout(JOB_ID);
    running.child.kill("SIGKILL");
    await running.done;
    rmSync(join(fx.cwd, ".ims-image-copy"), { recursive: true, force: true });
    const [orphan] = copies();
    expect(orphan.tags).toEqual([]);

    const next = await runRuntime(fx.bundle, "create", env, fx.cwd);

    expect(next.code).toBe(0);
    expect(next.stderr).toContain(
      `image ${orphan.id} is a copy of ${SeedImage.ACTIVE_PRIVATE} named "web-copy" without a marker`,
    );
    expect(copies()).toHaveLength(2);
    expect(copies().find((i) => i.id === orphan.id)?.tags).toEqual([]);
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
    expect(copy.tags).toContainEqual(claimedTagOf(env));
  });

  test("when the service refuses tags on an image that is not active yet, the copy is tagged once, after success", async () => {
    // A job long enough for the first poll (9.5 s after the submission) to see it running.
    fx.emulator.configure({ tagsBeforeActive: false, jobSeconds: 12 });
    const env = createEnv();

    const r = await runRuntime(fx.bundle, "create", env, fx.cwd);

    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const [copy] = copies();
    expect(copy.tags).toContainEqual(claimedTagOf(env));
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

describe("create step: encrypted sources and jobs that name the wrong image", () => {
  const source = (id: string) => fx.emulator.images().find((i) => i.id === id);
  const copiesOf = (id: string) =>
    fx.emulator.images().filter((i) => i.info.__originalimagename === id && i.info.status !== "deleted");

  test("a copy of an encrypted source without kmsKeyId is refused before anything is submitted, naming kmsKeyId and unencrypted", async () => {
    const r = await runRuntime(
      fx.bundle,
      "create",
      createEnv({ [RuntimeEnv.SOURCE_IMAGE_ID]: SeedImage.ENCRYPTED_PRIVATE }),
      fx.cwd,
    );

    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `ims-image-copy create failed: the source image ${SeedImage.ENCRYPTED_PRIVATE} is encrypted (KMS key ${SeedKmsKey.ENCRYPTED_IMAGE}), and a copy without a key would be unencrypted (Huawei documents the in-region copy without cmk_id as the way to decrypt an image): nothing was copied. Set kmsKeyId (CLI: --kms-key-id) to the key of the copy (another key than the source's: Huawei's error table lists IMG.0096, "the KMS key must differ from the image key"), or set unencrypted: true (CLI: --unencrypted) to make an unencrypted copy on purpose\n`,
    );
    expect(fx.emulator.jobs()).toEqual([]);
  });

  test("with kmsKeyId the copy is encrypted with that key; with unencrypted it is unencrypted, on purpose and said so", async () => {
    const keyed = await runRuntime(
      fx.bundle,
      "create",
      createEnv({
        [RuntimeEnv.SOURCE_IMAGE_ID]: SeedImage.ENCRYPTED_PRIVATE,
        [RuntimeEnv.KMS_KEY_ID]: SeedKmsKey.ENABLED,
      }),
      fx.cwd,
    );
    expect(keyed.code).toBe(0);
    const [encrypted] = copiesOf(SeedImage.ENCRYPTED_PRIVATE);
    expect(encrypted.info).toMatchObject({ __system__encrypted: "1", __system__cmkid: SeedKmsKey.ENABLED });

    const plain = await runRuntime(
      fx.bundle,
      "create",
      createEnv({
        [RuntimeEnv.SOURCE_IMAGE_ID]: SeedImage.ENCRYPTED_PRIVATE,
        [RuntimeEnv.UNENCRYPTED]: "true",
        [RuntimeEnv.NAME]: "web-copy-plain",
        [RuntimeEnv.MARKER]: markerFor("stack/plain"),
      }),
      fx.cwd,
    );
    expect(plain.code).toBe(0);
    expect(plain.stdout).toContain(
      `the source ${SeedImage.ENCRYPTED_PRIVATE} is encrypted; the copy is made unencrypted, as asked`,
    );
    const unencrypted = copiesOf(SeedImage.ENCRYPTED_PRIVATE).find((i) => i.info.name === "web-copy-plain");
    expect(unencrypted?.info.__system__cmkid ?? "").toBe("");
    expect(unencrypted?.info.__system__encrypted ?? "0").not.toBe("1");
  });

  test("unencrypted with a kmsKeyId is refused naming both, before any call", async () => {
    const r = await runRuntime(
      fx.bundle,
      "create",
      createEnv({ [RuntimeEnv.UNENCRYPTED]: "true", [RuntimeEnv.KMS_KEY_ID]: SeedKmsKey.ENABLED }),
      fx.cwd,
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      'IMS_COPY_UNENCRYPTED "true" is invalid: it cannot be combined with IMS_COPY_KMS_KEY_ID',
    );
    expect(fx.emulator.requests()).toEqual([]);
  });

  test("GIVEN a job that names the SOURCE as its image THEN the source is neither tagged, recorded nor deleted, and the step fails saying so", async () => {
    // A job long enough for the first poll (9.5 s after the submission) to see it running.
    fx.emulator.configure({ jobImageIdNames: "source", jobSeconds: 12 });
    const before = source(SeedImage.ACTIVE_PRIVATE);
    const env = createEnv();

    const r = await runRuntime(fx.bundle, "create", env, fx.cwd);

    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain(
      `the copy job names image ${SeedImage.ACTIVE_PRIVATE} as its result, but image ${SeedImage.ACTIVE_PRIVATE} is the source image itself: ignoring it`,
    );
    expect(r.stderr).toContain(
      `image ${SeedImage.ACTIVE_PRIVATE} is the source image itself: it was not tagged, recorded or deleted`,
    );
    expect(source(SeedImage.ACTIVE_PRIVATE)).toEqual(before);
    const touching = fx.emulator
      .requests()
      .filter(
        (q) => q.method !== "GET" && q.path.includes(SeedImage.ACTIVE_PRIVATE) && !q.path.endsWith("/copy"),
      );
    expect(touching).toEqual([]);
    // The job record (if the step wrote one) names the job only, never the source as its image.
    const record = jobRecordPath(env[RuntimeEnv.MARKER] as string);
    const recorded = existsSync(record) ? JSON.parse(readFileSync(record, "utf8")) : {};
    expect(recorded.imageId).toBeUndefined();
  });

  test("GIVEN a service whose job names the image only at SUCCESS, with process_percent 0.20 THEN the copy completes, recorded and tagged after success", async () => {
    fx.emulator.configure({ jobImageIdFrom: "success", successProcessPercent: 0.2 });
    const env = createEnv();

    const r = await runRuntime(fx.bundle, "create", env, fx.cwd);

    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const [copy] = copies();
    expect(copies()).toHaveLength(1);
    expect(r.stdout).toContain(`new image ID: ${copy.id}`);
    expect(copy.tags).toContainEqual(claimedTagOf(env));
    expect(resultOf()).toEqual({ image_id: copy.id });
  });

  test("GIVEN a FAIL job that names the SOURCE THEN the cleanup deletes nothing: the source stays active", async () => {
    fx.emulator.configure({
      jobImageIdNames: "source-when-failed",
      jobFailure: { errorCode: "IMG.0061", failReason: "disk copy failed", atFraction: 0.5 },
    });
    const r = await runRuntime(fx.bundle, "create", createEnv(), fx.cwd);

    expect(r.code).toBe(4);
    expect(source(SeedImage.ACTIVE_PRIVATE)?.info.status).toBe("active");
    expect(fx.emulator.requests().filter((q) => q.method === "DELETE")).toEqual([]);
  });
});
