import axios from "axios";
import { inspect } from "util";
import {
  EMULATOR_PROJECT_ID,
  EMULATOR_READONLY_ACCESS_KEY,
  EMULATOR_READONLY_SECRET_KEY,
  EMULATOR_TEMPORARY_ACCESS_KEY,
  EMULATOR_TEMPORARY_SECRET_KEY,
  EMULATOR_TEMPORARY_SECURITY_TOKEN,
  SEED_ENTERPRISE_PROJECT_ID,
  SeedImage,
  SeedKmsKey,
} from "../../lib/emulator";
import { ConfigError, ImsApiError } from "../../lib/runtime/errors";
import { waitForJob } from "../../lib/runtime/copy";
import { exponentialDelay } from "../../lib/runtime/poll-strategy";
import { copies } from "./harness";
import { useHarness } from "./support/harness-hooks";

const h = useHarness();

async function apiError(p: Promise<unknown>): Promise<ImsApiError> {
  try {
    await p;
  } catch (error) {
    if (ImsApiError.isImsApiError(error)) return error;
    throw error;
  }
  throw new Error("expected an ImsApiError");
}

describe("project ID", () => {
  test("without HW_PROJECT_ID the project is looked up once in IAM by region name and cached", async () => {
    const client = h.client();
    expect(await client.projectId()).toBe(EMULATOR_PROJECT_ID);
    expect(await client.projectId()).toBe(EMULATOR_PROJECT_ID);
    const lookups = h.emulator.requests().filter((r) => r.path === "/v3/projects");
    expect(lookups).toHaveLength(1);
    expect(lookups[0].query).toBe("name=cn-north-4");
  });

  test("HW_PROJECT_ID skips the IAM lookup", async () => {
    const client = h.client({}, { HW_PROJECT_ID: EMULATOR_PROJECT_ID });
    await client.getImage(SeedImage.ACTIVE_PRIVATE);
    expect(h.emulator.requests().filter((r) => r.path === "/v3/projects")).toHaveLength(0);
  });

  test("no project for the region is a clear error naming the variables", async () => {
    const client = h.client({}, { HW_REGION_NAME: "ap-southeast-9" });
    await expect(client.projectId()).rejects.toThrow(ConfigError);
    await expect(client.projectId()).rejects.toThrow(
      /^IAM returned no project named "ap-southeast-9" \(request ID [^)]+\): check HW_REGION_NAME, or set HW_PROJECT_ID to the project ID\.$/,
    );
  });

  test("several projects for the region is a clear error listing them", async () => {
    h.emulator.addFault({
      path: "^/v3/projects$",
      status: 200,
      body: { projects: [{ id: "a".repeat(32) }, { id: "b".repeat(32) }] },
    });
    await expect(h.client().projectId()).rejects.toThrow(
      `IAM returned 2 projects named "cn-north-4" (${"a".repeat(32)}, ${"b".repeat(32)}): set HW_PROJECT_ID to the one to use.`,
    );
  });
});

describe("operations", () => {
  test("copy, show job and show job progress: the job runs to SUCCESS and names the new image", async () => {
    const client = h.client();
    const submission = await client.copyImageInRegion(SeedImage.ACTIVE_PRIVATE, {
      name: "copy-1",
      description: "first copy",
    });
    expect(submission).toEqual({ jobId: expect.stringMatching(/^[0-9a-f]{32}$/), adopted: false });
    const jobId = submission.jobId!;
    const job = await client.showJob(jobId);
    expect(job).toMatchObject({
      jobId,
      jobType: "imsCopyImageInRegionJob",
      errorCode: null,
      failReason: null,
    });
    expect(["INIT", "RUNNING"]).toContain(job.status);
    h.clock.advance(1000);
    const progress = await client.showJobProgress(jobId);
    expect(progress.status).toBe("RUNNING");
    expect(progress.processPercent).toBeCloseTo(0.5, 5);
    h.clock.advance(1500);
    const done = await client.showJob(jobId);
    expect(done).toMatchObject({ status: "SUCCESS", imageId: copies(h.emulator)[0] });
    const image = await client.getImage(done.imageId!);
    expect(image).toMatchObject({
      id: done.imageId,
      name: "copy-1",
      status: "active",
      __originalimagename: SeedImage.ACTIVE_PRIVATE,
      __description: "first copy",
    });
    // the copy POST was signed with X-Project-Id and a JSON body
    const post = h.emulator.requests().find((r) => r.method === "POST" && r.path.endsWith("/copy"));
    expect(post?.status).toBe(200);
  });

  test("waitForJob polls until the job ends and reports progress", async () => {
    const client = h.client();
    const { jobId } = await client.copyImageInRegion(SeedImage.ACTIVE_PRIVATE, { name: "copy-wait" });
    const seen: number[] = [];
    const outcome = await waitForJob(client, jobId!, {
      timeoutMs: 60_000,
      onProgress: (p) => p.percent !== undefined && seen.push(p.percent),
      poll: { delay: () => exponentialDelay({ minDelayMs: 200, maxDelayMs: 1000 }) },
    });
    expect(outcome.state).toBe("success");
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((p) => p >= 0 && p < 1)).toBe(true);
  });

  test("getImage returns undefined for an image that does not exist", async () => {
    expect(await h.client().getImage("00000000-0000-4000-8000-000000000000")).toBeUndefined();
  });

  test.each([
    [3, 3], // 8 seed images: 3 + 3 + 2
    [4, 3], // 4 + 4 + an empty page
    [500, 1],
  ])(
    "listImages with pages of %p follows the marker until a short page (%p requests)",
    async (pageSize, requests) => {
      const client = h.client({}, { HW_PROJECT_ID: EMULATOR_PROJECT_ID });
      const all = await client.listImages({}, { pageSize });
      expect(all.map((i) => i.id).sort()).toEqual(Object.values(SeedImage).sort());
      const lists = h.emulator.requests().filter((r) => r.path === "/v2/cloudimages");
      expect(lists).toHaveLength(requests);
      expect(lists.slice(1).every((r) => /(^|&)marker=/.test(r.query))).toBe(true);
    },
  );

  test("listImages stops with an error when the service repeats a page (a marker it ignores)", async () => {
    const client = h.client();
    const [a, b] = await client.listImages({}, { pageSize: 2 });
    h.emulator.addFault({ method: "GET", path: "^/v2/cloudimages$", status: 200, body: { images: [a, b] } });
    await expect(client.listImages({}, { pageSize: 2 })).rejects.toThrow(
      `image ${a.id} was listed twice while paging`,
    );
  });

  test("listImages refuses paging parameters in the filter and a bad page size", async () => {
    const client = h.client();
    await expect(client.listImages({ limit: "10" })).rejects.toThrow(
      'filter.limit "10" is invalid: it is set by the paging itself; pass opts.pageSize instead.',
    );
    await expect(client.listImages({}, { pageSize: 0 })).rejects.toThrow(
      "pageSize 0 is invalid: it must be an integer from 1 to 500.",
    );
  });

  test("listImages passes filters through", async () => {
    const images = await h.client().listImages({ name: "seed-whole-ecs" });
    expect(images.map((i) => i.id)).toEqual([SeedImage.WHOLE_ECS]);
  });

  test("updateImage replaces the name, and a replace of an absent attribute is retried as add (IMG.0035)", async () => {
    const client = h.client();
    const renamed = await client.updateImage(SeedImage.WHOLE_ECS, [
      { op: "replace", path: "/name", value: "renamed" },
    ]);
    expect(renamed.name).toBe("renamed");
    expect((await client.getImage(SeedImage.WHOLE_ECS))?.x_owner_note).toBeUndefined();
    const noted = await client.updateImage(SeedImage.WHOLE_ECS, [
      { op: "replace", path: "/x_owner_note", value: "now noted" },
    ]);
    expect(noted.x_owner_note).toBe("now noted");
    const patches = h.emulator.requests().filter((r) => r.method === "PATCH");
    expect(patches.map((r) => r.status)).toEqual([200, 400, 200]);
  });

  test("updateImage of a read-only attribute reports IMG.0035 after the add retry", async () => {
    const e = await apiError(
      h.client().updateImage(SeedImage.WHOLE_ECS, [{ op: "replace", path: "/id", value: "x" }]),
    );
    expect(e).toMatchObject({ status: 400, code: "IMG.0035", operation: "update image" });
  });

  test("tags: add, list, overwrite and delete", async () => {
    const client = h.client();
    const id = SeedImage.WHOLE_ECS;
    await client.addTags(id, [
      { key: "env", value: "dev" },
      { key: "team", value: "a" },
    ]);
    await client.addTags(id, [{ key: "env", value: "prod" }]);
    expect((await client.listTags(id)).sort((a, b) => a.key.localeCompare(b.key))).toEqual([
      { key: "env", value: "prod" },
      { key: "team", value: "a" },
    ]);
    await client.deleteTags(id, [
      { key: "team", value: "a" },
      { key: "absent", value: "" },
    ]);
    expect(await client.listTags(id)).toEqual([{ key: "env", value: "prod" }]);
  });

  test("deleteImage then waitImageDeleted: a listed status of deleted already counts as gone; deleting again is already-gone", async () => {
    const client = h.client();
    expect(await client.deleteImage(SeedImage.WHOLE_ECS)).toBe("deleted");
    expect((await client.getImage(SeedImage.WHOLE_ECS))?.status).toBe("deleted");
    expect(await client.deleteImage(SeedImage.WHOLE_ECS)).toBe("already-gone");
    expect(await client.waitImageDeleted(SeedImage.WHOLE_ECS, { timeoutMs: 30_000 })).toMatchObject({
      state: "success",
      attempts: 1,
    });
    h.clock.advance(3000); // the emulator's deleteSeconds
    expect(await client.getImage(SeedImage.WHOLE_ECS)).toBeUndefined();
    expect(await client.waitImageDeleted(SeedImage.WHOLE_ECS, { timeoutMs: 30_000 })).toMatchObject({
      state: "success",
      attempts: 1,
    });
  });

  test("waitImageDeleted reports timeout while an image stays listed", async () => {
    const outcome = await h.client().waitImageDeleted(SeedImage.ACTIVE_PRIVATE, { timeoutMs: 5000 });
    expect(outcome).toMatchObject({ state: "timeout" });
    expect(h.clock.sleeps).toEqual([1000, 2000, 2000]);
  });

  test("the client sends through the axios instance it is given", async () => {
    const instance = axios.create();
    const seen: string[] = [];
    instance.interceptors.request.use((config) => {
      seen.push(`${config.method?.toUpperCase()} ${new URL(config.url!).pathname}`);
      return config;
    });
    await h.client({ axios: instance }).getImage(SeedImage.ACTIVE_PRIVATE);
    expect(seen).toEqual(["GET /v3/projects", "GET /v2/cloudimages"]);
  });

  test("temporary credentials send and sign X-Security-Token", async () => {
    const client = h.client(
      {},
      {
        HW_ACCESS_KEY: EMULATOR_TEMPORARY_ACCESS_KEY,
        HW_SECRET_KEY: EMULATOR_TEMPORARY_SECRET_KEY,
        HW_SECURITY_TOKEN: EMULATOR_TEMPORARY_SECURITY_TOKEN,
      },
    );
    expect((await client.getImage(SeedImage.ACTIVE_PRIVATE))?.id).toBe(SeedImage.ACTIVE_PRIVATE);
  });

  test("path segments are escaped: an image ID with reserved characters reaches the service as one segment", async () => {
    expect(await h.client().deleteImage("a/b?c")).toBe("already-gone");
    expect(
      h.emulator.requests().some((r) => r.method === "DELETE" && r.path === "/v2/images/a%2Fb%3Fc"),
    ).toBe(true);
  });
});

describe("errors from the service", () => {
  test("IMG.0026 (HTTP 400, as documented) on copy names ims:images:copy and is not retried", async () => {
    const client = h.client(
      {},
      { HW_ACCESS_KEY: EMULATOR_READONLY_ACCESS_KEY, HW_SECRET_KEY: EMULATOR_READONLY_SECRET_KEY },
    );
    const e = await apiError(client.copyImageInRegion(SeedImage.ACTIVE_PRIVATE, { name: "nope" }));
    expect(e).toMatchObject({ status: 400, code: "IMG.0026", operation: "copy image" });
    expect(e.message).toMatch(
      /^IMS copy image failed: HTTP 400 IMG\.0026: .* \(request ID [^)]+\)\. The credentials lack permission: grant the IAM action "ims:images:copy" to the user or agency \(accounts with enterprise projects enabled also need "ims:serverImages:create"\)$/,
    );
    expect(h.emulator.requests().filter((r) => r.path.endsWith("/copy"))).toHaveLength(1);
    expect(copies(h.emulator)).toEqual([]);
  });

  test("IMG.0026 answered with HTTP 403 gets the same hint (hints key on the code)", async () => {
    h.emulator.configure({ permissionDeniedStatus: 403 });
    const client = h.client(
      {},
      { HW_ACCESS_KEY: EMULATOR_READONLY_ACCESS_KEY, HW_SECRET_KEY: EMULATOR_READONLY_SECRET_KEY },
    );
    const e = await apiError(client.copyImageInRegion(SeedImage.ACTIVE_PRIVATE, { name: "nope" }));
    expect(e).toMatchObject({ status: 403, code: "IMG.0026" });
    expect(e.hint).toBe(
      'The credentials lack permission: grant the IAM action "ims:images:copy" to the user or agency (accounts with enterprise projects enabled also need "ims:serverImages:create")',
    );
  });

  test("IMG.0026 on copy into an enterprise project asks for ims:serverImages:create as well", async () => {
    const client = h.client(
      {},
      { HW_ACCESS_KEY: EMULATOR_READONLY_ACCESS_KEY, HW_SECRET_KEY: EMULATOR_READONLY_SECRET_KEY },
    );
    const e = await apiError(
      client.copyImageInRegion(SeedImage.ACTIVE_PRIVATE, {
        name: "nope",
        enterprise_project_id: SEED_ENTERPRISE_PROJECT_ID,
      }),
    );
    expect(e.hint).toBe(
      'The credentials lack permission: grant the IAM actions "ims:images:copy" and "ims:serverImages:create" (needed by accounts with enterprise projects enabled) to the user or agency',
    );
  });

  test("a wrong secret key gives 401 APIGW.0301 naming the credential variables and the clock, without the secret", async () => {
    const client = h.client({}, { HW_SECRET_KEY: "wrong-secret-value" });
    const e = await apiError(client.getImage(SeedImage.ACTIVE_PRIVATE));
    expect(e).toMatchObject({ status: 401, code: "APIGW.0301" });
    expect(e.hint).toContain(
      "check HW_ACCESS_KEY or HUAWEICLOUD_SDK_AK and HW_SECRET_KEY or HUAWEICLOUD_SDK_SK",
    );
    expect(e.hint).toContain("clock is within 15 minutes");
    expect(e.message).not.toContain("wrong-secret-value");
  });

  test("a client clock 20 minutes off is refused by the gateway with the same hint", async () => {
    const client = h.client({ signingClock: () => Date.now() - 20 * 60_000 });
    const e = await apiError(client.getImage(SeedImage.ACTIVE_PRIVATE));
    expect(e).toMatchObject({ status: 401, code: "APIGW.0301" });
    expect(e.serviceMessage).toContain("15 minutes");
  });

  test.each([
    [
      "a missing source",
      "00000000-0000-4000-8000-000000000000",
      {},
      "IMG.0027",
      "The image does not exist in this region and project",
    ],
    ["a full-ECS image", SeedImage.WHOLE_ECS, {}, "IMG.0130", "Full-ECS (whole) images cannot be copied"],
    ["an ISO image", SeedImage.ISO, {}, "IMG.0167", "Images created from ISO files cannot be copied"],
    ["a source still saving", SeedImage.SAVING_PRIVATE, {}, "IMG.0046", "wait until its status is active"],
    ["a public image", SeedImage.PUBLIC, {}, "IMG.0083", "Public images cannot be copied"],
    [
      "a missing KMS key",
      SeedImage.ACTIVE_PRIVATE,
      { cmk_id: "00000000-0000-4000-8000-00000000000a" },
      "IMG.0095",
      "Check the KMS key",
    ],
    [
      "a disabled KMS key",
      SeedImage.ACTIVE_PRIVATE,
      { cmk_id: SeedKmsKey.DISABLED },
      "IMG.0097",
      "Check the KMS key",
    ],
    [
      "an unknown enterprise project",
      SeedImage.ACTIVE_PRIVATE,
      { enterprise_project_id: "99999999-0000-4000-8000-000000000000" },
      "IMG.0155",
      "The enterprise project ID is invalid",
    ],
  ])("copying %s fails at once with its code and hint", async (_what, source, extra, code, hint) => {
    const client = h.client();
    const e = await apiError(client.copyImageInRegion(source, { name: "x", ...extra }));
    expect(e).toMatchObject({ kind: "http", status: 400, code, operation: "copy image" });
    expect(e.hint).toContain(hint);
    expect(h.clock.sleeps).toEqual([]);
    expect(copies(h.emulator)).toEqual([]);
  });

  test("the quota error IMG.0015 says to free images or raise the quota", async () => {
    h.emulator.configure({ imageQuota: 4 });
    const e = await apiError(h.client().copyImageInRegion(SeedImage.ACTIVE_PRIVATE, { name: "x" }));
    expect(e).toMatchObject({ code: "IMG.0015" });
    expect(e.hint).toBe(
      "The private image quota of the project is used up (50 per region unless raised): delete unused private images or ask for a higher quota, then run again",
    );
  });

  test("IMG.0060 flow control is retried until the deadline, then reported as flow control", async () => {
    h.emulator.configure({ maxConcurrentCopyJobs: 0 });
    const client = h.client({
      retry: {
        baseDelayMs: 1000,
        maxDelayMs: 4000,
        deadlineMs: 10_000,
        maxAttempts: 10,
        flowControlMaxDelayMs: 4000,
      },
    });
    const e = await apiError(client.copyImageInRegion(SeedImage.ACTIVE_PRIVATE, { name: "x" }));
    expect(e.code).toBe("IMG.0060");
    expect(e.message).toContain("IMS flow control");
    // jittered delays (random 0.5) while they fit in the 10 s budget: 9.5 s slept, the next 2 s would overrun it
    expect(h.clock.sleeps).toEqual([500, 1000, 2000, 2000, 2000, 2000]);
    expect(copies(h.emulator)).toEqual([]);
  });

  test("deleting a protected or a public image fails with the service's code and a hint", async () => {
    const client = h.client();
    h.emulator.setImage(SeedImage.WHOLE_ECS, { protected: true });
    const protectedError = await apiError(client.deleteImage(SeedImage.WHOLE_ECS));
    expect(protectedError.code).toBe("IMG.0028");
    expect(protectedError.hint).toBe(
      "The image is protected (for example published to KooGallery, the Marketplace): take it off the shelf or remove its protection first",
    );
    expect((await apiError(client.deleteImage(SeedImage.PUBLIC))).code).toBe("IMG.0083");
  });

  test("deleting the source of a copy succeeds and leaves the copy active (deleting is not refused for images in use)", async () => {
    const client = h.client();
    const { jobId } = await client.copyImageInRegion(SeedImage.ACTIVE_PRIVATE, { name: "keeps-working" });
    h.clock.advance(3000);
    const copy = (await client.showJob(jobId!)).imageId!;
    expect(await client.deleteImage(SeedImage.ACTIVE_PRIVATE)).toBe("deleted");
    expect((await client.getImage(copy))?.status).toBe("active");
  });
});

describe("copies the documents allow or refuse", () => {
  test("a copy of an encrypted source without a KMS key comes out unencrypted (the emulator's documented default)", async () => {
    const client = h.client();
    const { jobId } = await client.copyImageInRegion(SeedImage.ENCRYPTED_PRIVATE, { name: "decrypted" });
    h.clock.advance(3000);
    const job = await client.showJob(jobId!);
    expect(job.status).toBe("SUCCESS");
    const copy = await client.getImage(job.imageId!);
    expect(copy).toMatchObject({ status: "active", __originalimagename: SeedImage.ENCRYPTED_PRIVATE });
    expect(copy?.__system__cmkid).toBeUndefined();
    const source = await client.getImage(SeedImage.ENCRYPTED_PRIVATE);
    expect(source).toMatchObject({ __system__encrypted: "1", __system__cmkid: SeedKmsKey.ENCRYPTED_IMAGE });
  });

  test("a copy with the source's own key is refused with IMG.0096 and a hint that warns about the unencrypted alternative", async () => {
    const e = await apiError(
      h.client().copyImageInRegion(SeedImage.ENCRYPTED_PRIVATE, {
        name: "same-key",
        cmk_id: SeedKmsKey.ENCRYPTED_IMAGE,
      }),
    );
    expect(e).toMatchObject({ status: 400, code: "IMG.0096" });
    expect(e.hint).toBe(
      "IMS refuses a copy encrypted with the source image's own key: choose another enabled KMS key (a copy without a key is unencrypted)",
    );
  });

  test("an accepted shared image is copied; a pending one is refused with IMG.0196, an encrypted copy with IMG.0197", async () => {
    const client = h.client();
    const { jobId } = await client.copyImageInRegion(SeedImage.SHARED_ACCEPTED, { name: "mine-now" });
    expect(jobId).toMatch(/^[0-9a-f]{32}$/);
    const pending = await apiError(client.copyImageInRegion(SeedImage.SHARED_PENDING, { name: "x" }));
    expect(pending).toMatchObject({ code: "IMG.0196" });
    expect(pending.hint).toContain("accept it (Image Management Service > Shared Images)");
    const encrypted = await apiError(
      client.copyImageInRegion(SeedImage.SHARED_ACCEPTED, { name: "y", cmk_id: SeedKmsKey.ENABLED }),
    );
    expect(encrypted).toMatchObject({ code: "IMG.0197" });
    expect(encrypted.hint).toContain("copy it without a KMS key");
    expect(copies(h.emulator)).toHaveLength(1);
  });

  test.each([
    ["larger than 128 GiB", { __image_size: String(129 * 2 ** 30) }],
    ["a Windows image", { __os_type: "Windows" }],
  ])("a source %s is refused with the hint about the in-region copy's limits", async (_what, attributes) => {
    h.emulator.setImage(SeedImage.ACTIVE_PRIVATE, { attributes });
    const e = await apiError(h.client().copyImageInRegion(SeedImage.ACTIVE_PRIVATE, { name: "too-much" }));
    expect(e).toMatchObject({ status: 400, code: "IMG.0105" });
    expect(e.hint).toBe(
      "IMS does not support this copy: an in-region copy takes images of at most 128 GB, and no Windows images (Huawei no longer replicates them with this API)",
    );
    expect(copies(h.emulator)).toEqual([]);
  });
});

describe("job bodies the documents leave open", () => {
  test("failure details only in entities are read: the FAIL job carries the code and reason", async () => {
    h.emulator.configure({
      jobFailureDetails: "entities",
      jobFailure: { errorCode: "IMG.0061", failReason: "disk copy failed", additionErrorMsg: "backend busy" },
    });
    const client = h.client();
    const { jobId } = await client.copyImageInRegion(SeedImage.ACTIVE_PRIVATE, { name: "doomed" });
    h.clock.advance(3000);
    const job = await client.showJob(jobId!);
    expect(job).toMatchObject({
      status: "FAIL",
      errorCode: "IMG.0061",
      failReason: "disk copy failed (backend busy)",
      additionErrorMessage: "backend busy",
    });
    expect((job.raw as { error_code: unknown }).error_code).toBeNull();
  });

  test("when ShowJob reveals the image ID only at SUCCESS, the wait still ends with it", async () => {
    h.emulator.configure({ jobImageIdFrom: "success", jobSeconds: 60 });
    const client = h.client();
    const { jobId } = await client.copyImageInRegion(SeedImage.ACTIVE_PRIVATE, { name: "late-id" });
    const seen: (string | undefined)[] = [];
    const outcome = await waitForJob(client, jobId!, {
      timeoutMs: 300_000,
      onProgress: (p) => seen.push(p.imageId),
    });
    expect(outcome.state).toBe("success");
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((id) => id === undefined)).toBe(true);
    expect(outcome.state === "success" && outcome.value.imageId).toBe(copies(h.emulator)[0]);
  });

  test("a SUCCESS whose process_percent is 0.20 ends the wait as a success (progress never decides completion)", async () => {
    h.emulator.configure({ successProcessPercent: 0.2 });
    const client = h.client();
    const { jobId } = await client.copyImageInRegion(SeedImage.ACTIVE_PRIVATE, { name: "low" });
    const outcome = await waitForJob(client, jobId!, { timeoutMs: 300_000 });
    expect(outcome).toMatchObject({ state: "success", value: { status: "SUCCESS", processPercent: 0.2 } });
  });

  test("a job that names the SOURCE image is reported as the service said (the workflow must check it)", async () => {
    h.emulator.configure({ jobImageIdNames: "source" });
    const client = h.client();
    const { jobId } = await client.copyImageInRegion(SeedImage.ACTIVE_PRIVATE, { name: "misnamed" });
    h.clock.advance(3000);
    expect((await client.showJob(jobId!)).imageId).toBe(SeedImage.ACTIVE_PRIVATE);
    expect((await client.showJobProgress(jobId!)).imageId).toBe(SeedImage.ACTIVE_PRIVATE);
  });
});

describe("no credentials on the client object", () => {
  test("inspecting or serializing a client shows neither the secret key nor the token", () => {
    const client = h.client(
      {},
      {
        HW_ACCESS_KEY: EMULATOR_TEMPORARY_ACCESS_KEY,
        HW_SECRET_KEY: EMULATOR_TEMPORARY_SECRET_KEY,
        HW_SECURITY_TOKEN: EMULATOR_TEMPORARY_SECURITY_TOKEN,
      },
    );
    const shown = inspect(client, { depth: 20, showHidden: true }) + JSON.stringify(client);
    expect(shown).not.toContain(EMULATOR_TEMPORARY_SECRET_KEY);
    expect(shown).not.toContain(EMULATOR_TEMPORARY_SECURITY_TOKEN);
    expect(client.settings).toEqual({ region: "cn-north-4", imsEndpoint: h.url, iamEndpoint: h.url });
  });
});

describe("debug logging", () => {
  test("IMS_COPY_DEBUG logs requests with Authorization and X-Security-Token redacted and no secret anywhere", async () => {
    const lines: string[] = [];
    const client = h.client(
      { logger: { debug: (l) => lines.push(l) } },
      {
        HW_ACCESS_KEY: EMULATOR_TEMPORARY_ACCESS_KEY,
        HW_SECRET_KEY: EMULATOR_TEMPORARY_SECRET_KEY,
        HW_SECURITY_TOKEN: EMULATOR_TEMPORARY_SECURITY_TOKEN,
      },
    );
    await client.getImage(SeedImage.ACTIVE_PRIVATE);
    const all = lines.join("\n");
    expect(all).toContain("GET http://127.0.0.1");
    expect(all).toContain('"Authorization":"[redacted]"');
    expect(all).toContain('"X-Security-Token":"[redacted]"');
    expect(all).not.toContain(EMULATOR_TEMPORARY_SECRET_KEY);
    expect(all).not.toContain(EMULATOR_TEMPORARY_SECURITY_TOKEN);
    expect(all).not.toMatch(/Signature=/);
  });
});
