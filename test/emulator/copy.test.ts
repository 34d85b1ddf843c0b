import {
  EMULATOR_PROJECT_ID,
  EMULATOR_REGION,
  SeedImage,
  SeedKmsKey,
  SEED_ENTERPRISE_PROJECT_ID,
} from "../../lib/emulator/defaults";
import type { ImsEmulator } from "../../lib/emulator";
import { admin, call, startEmulator, type ManualClock } from "./helpers";

describe("copying an image within the region", () => {
  let emulator: ImsEmulator;
  let url: string;
  let clock: ManualClock;

  beforeEach(async () => {
    ({ emulator, url, clock } = await startEmulator({ jobSeconds: 100, initSeconds: 10 }));
  });
  afterEach(async () => {
    await emulator.stop();
  });

  const copy = (body: unknown, source: string = SeedImage.ACTIVE_PRIVATE) =>
    call(url, "POST", `/v1/cloudimages/${source}/copy`, body);

  test("the copy answers 200 with a 32-hex job ID and an X-Request-Id header", async () => {
    const res = await copy({ name: "copy-1", description: "d" });
    expect(res.status).toBe(200);
    expect(Object.keys(res.body)).toEqual(["job_id"]);
    expect(res.body.job_id).toMatch(/^[0-9a-f]{32}$/);
    expect(res.headers.get("x-request-id")).toMatch(/^[0-9a-f]{32}$/);
  });

  test("the job goes INIT, RUNNING with growing progress and the new image ID, then SUCCESS, and the image becomes active", async () => {
    const { body } = await copy({ name: "copy-2", description: "my copy", cmk_id: SeedKmsKey.ENABLED });
    const jobPath = `/v1/${EMULATOR_PROJECT_ID}/jobs/${body.job_id}`;

    // INIT: image queued, no image ID yet.
    let job = (await call(url, "GET", jobPath)).body;
    expect(job).toMatchObject({
      job_id: body.job_id,
      job_type: "imsCopyImageInRegionJob",
      status: "INIT",
      end_time: "",
      error_code: null,
      fail_reason: null,
    });
    expect(job.entities.image_id).toBeUndefined();
    expect(job.begin_time).toBe(new Date(clock.ms).toISOString());
    const images = (await admin(url, "GET", "/_emulator/images")).body.images;
    const created = images.find((i: { info: { name: string } }) => i.info.name === "copy-2");
    expect(created.info.status).toBe("queued");

    // RUNNING at 40%.
    clock.advance(10 + 40);
    job = (await call(url, "GET", jobPath)).body;
    expect(job.status).toBe("RUNNING");
    expect(job.entities).toMatchObject({
      process_percent: 0.4,
      current_task: "CopyImageInRegionTask:",
      image_id: created.id,
      image_name: "copy-2",
    });
    const progress = (await call(url, "GET", `/v1/cloudimages/job/${body.job_id}`)).body;
    expect(progress).toMatchObject({
      status: "RUNNING",
      job_type: "imsCopyImageInRegionJob",
      entities: { process_percent: 0.4, image_id: created.id },
    });
    let listed = (await call(url, "GET", `/v2/cloudimages?id=${created.id}`)).body;
    expect(listed.images[0].status).toBe("saving");

    // SUCCESS.
    clock.advance(60);
    job = (await call(url, "GET", jobPath)).body;
    expect(job).toMatchObject({
      status: "SUCCESS",
      error_code: null,
      fail_reason: null,
      entities: { image_id: created.id, process_percent: 1 },
    });
    expect(job.end_time).toBe(new Date(clock.ms).toISOString());
    listed = (await call(url, "GET", `/v2/cloudimages?id=${created.id}`)).body;
    expect(Object.keys(listed)).toEqual(["images"]);
    const image = listed.images[0];
    expect(image).toMatchObject({
      id: created.id,
      name: "copy-2",
      status: "active",
      __originalimagename: SeedImage.ACTIVE_PRIVATE,
      __data_origin: `image,${EMULATOR_REGION},${SeedImage.ACTIVE_PRIVATE}`,
      __system__cmkid: SeedKmsKey.ENABLED,
      __system__encrypted: "1",
      __description: "my copy",
      enterprise_project_id: "0",
      __imagetype: "private",
      visibility: "private",
      owner: EMULATOR_PROJECT_ID,
      protected: false,
      __os_version: "CentOS 7.9 64bit",
      min_disk: 40,
      disk_format: "zvhd2",
      self: `/v2/images/${created.id}`,
    });
    expect(image.created_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(image.active_at).toBe(image.updated_at);
    const native = await call(url, "GET", `/v2/images/${created.id}`);
    expect(native.body).toEqual(image);
    expect(emulator.images().find((i) => i.id === created.id)?.jobId).toBe(body.job_id);
    expect(emulator.jobs()[0]).toMatchObject({ status: "SUCCESS", processPercent: 1, imageId: created.id });
  });

  test("a copy into an existing enterprise project is accepted with the full credential", async () => {
    const res = await copy({ name: "ep-copy", enterprise_project_id: SEED_ENTERPRISE_PROJECT_ID });
    expect(res.status).toBe(200);
    const image = emulator.images().find((i) => i.info.name === "ep-copy");
    expect(image?.info.enterprise_project_id).toBe(SEED_ENTERPRISE_PROJECT_ID);
  });

  test("a failing job ends in FAIL with its error both at the top level and in entities (by default), and the image is killed", async () => {
    emulator.configure({
      jobFailure: { errorCode: "IMG.0061", failReason: "disk copy failed", atFraction: 0.5 },
    });
    const { body } = await copy({ name: "doomed" });
    clock.advance(10 + 50);
    const job = (await call(url, "GET", `/v1/${EMULATOR_PROJECT_ID}/jobs/${body.job_id}`)).body;
    expect(job).toMatchObject({ status: "FAIL", error_code: "IMG.0061", fail_reason: "disk copy failed" });
    expect(job.entities).toMatchObject({ error_code: "IMG.0061", error: "disk copy failed" });
    expect(job.entities.addition_error_code).toBeUndefined();
    expect(job.end_time).not.toBe("");
    expect(emulator.images().find((i) => i.info.name === "doomed")?.info.status).toBe("killed");
  });

  test("with failedImage removed, the image of a failed job disappears", async () => {
    emulator.configure({ jobFailure: {}, failedImage: "removed" });
    await copy({ name: "vanishing" });
    clock.advance(200);
    expect(emulator.images().find((i) => i.info.name === "vanishing")).toBeUndefined();
    expect(emulator.jobs()[0]).toMatchObject({ status: "FAIL" });
  });

  test("the image ID appears in the job entities from INIT when jobImageIdFrom is init", async () => {
    emulator.configure({ jobImageIdFrom: "init" });
    const { body } = await copy({ name: "early" });
    const job = (await call(url, "GET", `/v1/cloudimages/job/${body.job_id}`)).body;
    expect(job.status).toBe("INIT");
    expect(job.entities.image_id).toBe(emulator.images().find((i) => i.info.name === "early")?.id);
  });

  describe("job answers the documents leave open", () => {
    const failing = { errorCode: "IMG.0061", failReason: "disk copy failed", atFraction: 0.5 };
    const showJob = async (jobId: string) =>
      (await call(url, "GET", `/v1/${EMULATOR_PROJECT_ID}/jobs/${jobId}`)).body;

    test("jobFailureDetails entities: the error is only in entities, with the addition fields when set", async () => {
      emulator.configure({
        jobFailureDetails: "entities",
        jobFailure: { ...failing, additionErrorCode: "KMS.0205", additionErrorMsg: "key disabled" },
      });
      const { body } = await copy({ name: "doomed" });
      clock.advance(10 + 50);
      const job = await showJob(body.job_id);
      expect(job).toMatchObject({ status: "FAIL", error_code: null, fail_reason: null });
      expect(job.entities).toMatchObject({
        error_code: "IMG.0061",
        error: "disk copy failed",
        addition_error_code: "KMS.0205",
        addition_error_msg: "key disabled",
      });
    });

    test("jobFailureDetails top-level: the error is only at the top level", async () => {
      emulator.configure({ jobFailureDetails: "top-level", jobFailure: failing });
      const { body } = await copy({ name: "doomed" });
      clock.advance(10 + 50);
      const job = await showJob(body.job_id);
      expect(job).toMatchObject({ error_code: "IMG.0061", fail_reason: "disk copy failed" });
      expect(job.entities.error_code).toBeUndefined();
      expect(job.entities.error).toBeUndefined();
    });

    test("jobImageIdNames source: the job names the SOURCE image while running and at SUCCESS; the copy is still made", async () => {
      emulator.configure({ jobImageIdNames: "source" });
      const { body } = await copy({ name: "misnamed" });
      clock.advance(10 + 50);
      expect((await showJob(body.job_id)).entities.image_id).toBe(SeedImage.ACTIVE_PRIVATE);
      clock.advance(60);
      const done = await showJob(body.job_id);
      expect(done).toMatchObject({ status: "SUCCESS", entities: { image_id: SeedImage.ACTIVE_PRIVATE } });
      const made = emulator.images().find((i) => i.info.name === "misnamed")!;
      expect(made.info).toMatchObject({ status: "active", __originalimagename: SeedImage.ACTIVE_PRIVATE });
      expect(made.id).not.toBe(SeedImage.ACTIVE_PRIVATE);
    });

    test("jobImageIdNames source-when-failed: a FAIL job names the source, even when image IDs show only at SUCCESS", async () => {
      emulator.configure({
        jobImageIdNames: "source-when-failed",
        jobImageIdFrom: "success",
        jobFailure: failing,
      });
      const { body } = await copy({ name: "doomed" });
      clock.advance(10 + 10);
      expect((await showJob(body.job_id)).entities.image_id).toBeUndefined();
      clock.advance(40);
      expect(await showJob(body.job_id)).toMatchObject({
        status: "FAIL",
        entities: { image_id: SeedImage.ACTIVE_PRIVATE },
      });
    });

    test("jobImageIdFrom success: neither ShowJob nor ShowJobProgress reveals the image while RUNNING", async () => {
      emulator.configure({ jobImageIdFrom: "success" });
      const { body } = await copy({ name: "late-id" });
      clock.advance(10 + 99);
      expect((await showJob(body.job_id)).entities.image_id).toBeUndefined();
      const progress = (await call(url, "GET", `/v1/cloudimages/job/${body.job_id}`)).body;
      expect(progress).toMatchObject({ status: "RUNNING", entities: { process_percent: 0.99 } });
      expect(progress.entities.image_id).toBeUndefined();
      clock.advance(1);
      const id = emulator.images().find((i) => i.info.name === "late-id")!.id;
      expect((await showJob(body.job_id)).entities.image_id).toBe(id);
    });

    test("successProcessPercent: a SUCCESS job may show 0.2 (as a documented example does)", async () => {
      emulator.configure({ successProcessPercent: 0.2 });
      const { body } = await copy({ name: "low-percent" });
      clock.advance(10 + 100);
      expect(await showJob(body.job_id)).toMatchObject({
        status: "SUCCESS",
        entities: { process_percent: 0.2 },
      });
    });

    test("bad values of the new flags are refused naming the flag and the rule", () => {
      expect(() => emulator.configure({ jobImageIdNames: "other" } as never)).toThrow(
        'Emulator option "jobImageIdNames" = "other" is invalid: it must be one of "copy", "source", "source-when-failed".',
      );
      expect(() => emulator.configure({ successProcessPercent: 2 })).toThrow(
        'Emulator option "successProcessPercent" = 2 is invalid: it must be a fraction from 0 to 1.',
      );
      expect(() => emulator.configure({ jobFailure: { errorcode: "x" } } as never)).toThrow(
        'Emulator option "jobFailure.errorcode" = "x" is invalid: it is not a field; use errorCode, failReason, additionErrorCode, additionErrorMsg, atFraction.',
      );
      expect(() => emulator.configure({ windowsCopyCode: "" })).toThrow(
        'Emulator option "windowsCopyCode" = "" is invalid: it must be a non-empty string, or null to copy Windows images.',
      );
    });
  });

  test("an unknown job answers 404 with an IMS error body", async () => {
    const res = await call(url, "GET", `/v1/${EMULATOR_PROJECT_ID}/jobs/0123456789abcdef0123456789abcdef`);
    expect(res.status).toBe(404);
    expect(res.body).toEqual({
      error: { code: "IMG.0086", message: "The job does not exist: 0123456789abcdef0123456789abcdef." },
    });
  });

  test("a job path with another project ID is refused with IMG.0067", async () => {
    const { body } = await copy({ name: "x" });
    const res = await call(url, "GET", `/v1/ffffffffffffffffffffffffffffffff/jobs/${body.job_id}`);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("IMG.0067");
  });

  test("the quota API counts private images of the project", async () => {
    const before = (await call(url, "GET", "/v1/cloudimages/quota")).body;
    expect(before).toEqual({
      quotas: { resources: [{ type: "image", used: 5, quota: 50, min: 1, max: 1000 }] },
    });
    await copy({ name: "counted" });
    const after = (await call(url, "GET", "/v1/cloudimages/quota")).body;
    expect(after.quotas.resources[0].used).toBe(6);
  });

  test("IAM answers the project of the region by name, and nothing for another region", async () => {
    const res = await call(url, "GET", `/v3/projects?name=${EMULATOR_REGION}`);
    expect(res.status).toBe(200);
    expect(res.body.projects).toHaveLength(1);
    expect(res.body.projects[0]).toMatchObject({
      id: EMULATOR_PROJECT_ID,
      name: EMULATOR_REGION,
      domain_id: expect.any(String),
    });
    const other = await call(url, "GET", "/v3/projects?name=ap-southeast-1");
    expect(other.body.projects).toEqual([]);
  });
});
