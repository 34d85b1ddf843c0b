import { EMULATOR_PROJECT_ID, ImsEmulator, SeedImage } from "../../lib/emulator";
import { ImsClient } from "../../lib/runtime/client";
import { copyImageAndWait } from "../../lib/runtime/copy";
import { ImsApiError } from "../../lib/runtime/errors";
import { copies, startHarness, type Harness } from "./harness";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.stop();
});
beforeEach(() => {
  h.emulator.reset();
  h.clock.clearSleeps();
});

const COPY_PATH = `^/v1/cloudimages/${SeedImage.ACTIVE_PRIVATE}/copy$`;
const copyPosts = () => h.emulator.requests().filter((r) => r.method === "POST" && r.path.endsWith("/copy"));
const listCalls = () => h.emulator.requests().filter((r) => r.method === "GET" && r.path === "/v2/cloudimages");

describe("retries of idempotent calls", () => {
  test.each([500, 502, 503, 504])("a burst of three %p answers on a read is retried with backoff until it succeeds", async (status) => {
    const client = h.client();
    await client.projectId();
    h.emulator.addFault({ method: "GET", path: "^/v2/cloudimages$", status, times: 3 });
    expect((await client.getImage(SeedImage.ACTIVE_PRIVATE))?.id).toBe(SeedImage.ACTIVE_PRIVATE);
    expect(h.clock.sleeps).toEqual([500, 1000, 2000]);
    expect(listCalls().map((r) => r.status)).toEqual([status, status, status, 200]);
  });

  test("a 429 with Retry-After waits as long as the service asks", async () => {
    const client = h.client();
    await client.projectId();
    h.emulator.addFault({ method: "GET", path: "^/v2/cloudimages$", status: 429, retryAfterSeconds: 4, times: 1 });
    await client.getImage(SeedImage.ACTIVE_PRIVATE);
    expect(h.clock.sleeps).toEqual([4000]);
  });

  test("a connection reset on a read is retried", async () => {
    const client = h.client();
    await client.projectId();
    h.emulator.addFault({ method: "GET", path: "^/v2/cloudimages$", reset: true, times: 2 });
    expect((await client.getImage(SeedImage.ACTIVE_PRIVATE))?.id).toBe(SeedImage.ACTIVE_PRIVATE);
    expect(h.clock.sleeps).toEqual([500, 1000]);
  });

  test("a response slower than the request timeout is abandoned and retried", async () => {
    const client = h.client({ requestTimeoutMs: 300 });
    await client.projectId();
    h.emulator.addFault({ method: "GET", path: "^/v2/cloudimages$", latencyMs: 1500, times: 1 });
    const started = Date.now();
    expect((await client.getImage(SeedImage.ACTIVE_PRIVATE))?.id).toBe(SeedImage.ACTIVE_PRIVATE);
    expect(Date.now() - started).toBeLessThan(1400);
    expect(h.clock.sleeps).toEqual([500]);
  });

  test("retries stop at the attempt budget and report the last error", async () => {
    const client = h.client({ retry: { maxAttempts: 3 } });
    await client.projectId();
    h.emulator.addFault({ method: "GET", path: "^/v2/cloudimages$", status: 502 });
    await expect(client.getImage(SeedImage.ACTIVE_PRIVATE)).rejects.toMatchObject({ status: 502, operation: "get image" });
    expect(listCalls()).toHaveLength(3);
  });

  test("a 400 is not retried", async () => {
    const client = h.client();
    await client.projectId();
    h.emulator.addFault({ method: "GET", path: "^/v2/cloudimages$", status: 400, imsCode: "IMG.0001", times: 1 });
    await expect(client.getImage(SeedImage.ACTIVE_PRIVATE)).rejects.toMatchObject({ status: 400, code: "IMG.0001" });
    expect(h.clock.sleeps).toEqual([]);
  });
});

describe("the copy POST under faults creates exactly one image", () => {
  test("429 + Retry-After: the request was not processed, so it is resubmitted after the wait", async () => {
    h.emulator.addFault({ method: "POST", path: COPY_PATH, status: 429, retryAfterSeconds: 3, times: 1 });
    const s = await h.client().copyImageInRegion(SeedImage.ACTIVE_PRIVATE, { name: "c429" });
    expect(s.adopted).toBe(false);
    expect(h.clock.sleeps).toEqual([3000]);
    expect(copyPosts().map((r) => r.status)).toEqual([429, 200]);
    expect(listCalls()).toHaveLength(0);
    expect(copies(h.emulator)).toHaveLength(1);
  });

  test("IMG.0060 and 503 are retried without looking for the copy", async () => {
    h.emulator.addFault({ method: "POST", path: COPY_PATH, status: 400, imsCode: "IMG.0060", times: 1 });
    h.emulator.addFault({ method: "POST", path: COPY_PATH, status: 503, times: 1 });
    await h.client().copyImageInRegion(SeedImage.ACTIVE_PRIVATE, { name: "c0060" });
    expect(copyPosts().map((r) => r.status)).toEqual([400, 503, 200]);
    expect(listCalls()).toHaveLength(0);
    expect(copies(h.emulator)).toHaveLength(1);
  });

  test("connection refused is retried: the request never reached the service", async () => {
    // GIVEN an endpoint where nothing listens yet, and a service that starts during the first backoff
    const probe = new ImsEmulator();
    const url = await probe.start();
    await probe.stop();
    let late: ImsEmulator | undefined;
    const sleeps: number[] = [];
    const client = ImsClient.fromEnv(h.env({ HW_IMS_ENDPOINT: url, HW_PROJECT_ID: EMULATOR_PROJECT_ID }), undefined, {
      random: () => 0.5,
      sleep: async (ms) => {
        sleeps.push(ms);
        if (!late) {
          late = new ImsEmulator({ port: Number(new URL(url).port) });
          await late.start();
        }
      },
    });
    try {
      // WHEN copying THEN the refused attempt is retried without looking for a copy, and one image exists
      const s = await client.copyImageInRegion(SeedImage.ACTIVE_PRIVATE, { name: "refused" });
      expect(s.adopted).toBe(false);
      expect(sleeps).toEqual([500]);
      expect(late!.requests().map((r) => `${r.method} ${r.path}`)).toEqual([`POST /v1/cloudimages/${SeedImage.ACTIVE_PRIVATE}/copy`]);
      expect(copies(late!)).toHaveLength(1);
    } finally {
      await late?.stop();
    }
  });

  test.each([500, 502, 504])("a %p before processing: nothing is found, so it is resubmitted once", async (status) => {
    h.emulator.addFault({ method: "POST", path: COPY_PATH, status, times: 1 });
    const s = await h.client().copyImageInRegion(SeedImage.ACTIVE_PRIVATE, { name: `c${status}` });
    expect(s).toEqual({ jobId: expect.any(String), adopted: false });
    expect(copyPosts().map((r) => r.status)).toEqual([status, 200]);
    expect(listCalls()).toHaveLength(1);
    expect(copies(h.emulator)).toHaveLength(1);
  });

  test("a connection reset before processing: nothing is found, so it is resubmitted once", async () => {
    h.emulator.addFault({ method: "POST", path: COPY_PATH, reset: true, times: 1 });
    const s = await h.client().copyImageInRegion(SeedImage.ACTIVE_PRIVATE, { name: "creset" });
    expect(s.adopted).toBe(false);
    expect(copies(h.emulator)).toHaveLength(1);
  });

  test.each([
    ["a 500", { status: 500 }],
    ["a 502", { status: 502 }],
    ["a 504", { status: 504 }],
    ["a connection reset", { reset: true }],
  ])("%s AFTER processing: the copy is found and adopted instead of duplicated", async (_what, fault) => {
    h.emulator.addFault({ method: "POST", path: COPY_PATH, afterHandling: true, times: 1, ...fault });
    const s = await h.client().copyImageInRegion(SeedImage.ACTIVE_PRIVATE, { name: "adopt-me" });
    const made = copies(h.emulator);
    expect(made).toHaveLength(1);
    expect(s).toEqual({ imageId: made[0], adopted: true });
    expect(copyPosts()).toHaveLength(1);
  });

  test("a response slower than the request timeout, processed while the client backs off, is adopted", async () => {
    h.emulator.addFault({ method: "POST", path: COPY_PATH, latencyMs: 800, times: 1 });
    const client = h.client({
      requestTimeoutMs: 300,
      // fake time for the backoff, plus a real pause during which the service finishes the slow request
      sleep: async (ms) => {
        await h.clock.sleep(ms);
        await new Promise((r) => setTimeout(r, 1000));
      },
    });
    await client.projectId();
    const s = await client.copyImageInRegion(SeedImage.ACTIVE_PRIVATE, { name: "slow" });
    const made = copies(h.emulator);
    expect(made).toHaveLength(1);
    expect(s).toEqual({ imageId: made[0], adopted: true });
  });

  test("an older copy with the same name and source (before the submission, beyond the skew) is not adopted", async () => {
    const client = h.client({ adoptionClockSkewMs: 60_000 });
    await client.copyImageInRegion(SeedImage.ACTIVE_PRIVATE, { name: "same-name" });
    h.clock.advance(10 * 60_000);
    h.emulator.addFault({ method: "POST", path: COPY_PATH, status: 502, times: 1 });
    const s = await client.copyImageInRegion(SeedImage.ACTIVE_PRIVATE, { name: "same-name" });
    expect(s.adopted).toBe(false);
    expect(copies(h.emulator)).toHaveLength(2);
  });

  test("a killed copy with the same name is not adopted", async () => {
    // GIVEN an earlier copy with the same name and source that ended killed
    const client = h.client();
    const first = await client.copyImageInRegion(SeedImage.ACTIVE_PRIVATE, { name: "killed-one" });
    const firstImage = copies(h.emulator)[0];
    expect(first.jobId).toBeDefined();
    h.emulator.setImage(firstImage, { status: "killed" });
    // WHEN a new copy fails ambiguously before processing
    h.emulator.addFault({ method: "POST", path: COPY_PATH, status: 502, times: 1 });
    const again = await client.copyImageInRegion(SeedImage.ACTIVE_PRIVATE, { name: "killed-one" });
    // THEN the killed image is ignored and the copy is resubmitted
    expect(again.adopted).toBe(false);
    expect(copies(h.emulator)).toHaveLength(2);
  });

  test("when the deadline is spent, the last error is reported", async () => {
    h.emulator.addFault({ method: "POST", path: COPY_PATH, status: 503 });
    const e = await h
      .client({ retry: { deadlineMs: 5000 } })
      .copyImageInRegion(SeedImage.ACTIVE_PRIVATE, { name: "never" })
      .catch((x: unknown) => x);
    expect(ImsApiError.isImsApiError(e) && e.status).toBe(503);
    expect(copies(h.emulator)).toHaveLength(0);
  });
});

describe("chaos", () => {
  const outcomes: boolean[] = [];
  test.each([1, 2, 3, 4, 5, 6, 7, 8])("GIVEN seeded random 5xx, 429, IMG.0060 and resets on every call (seed %p) THEN the copy completes with exactly one image", async (seed) => {
    const emulator = new ImsEmulator({ jobSeconds: 20, now: h.clock.now, randomSeed: seed });
    const url = await emulator.start();
    try {
      emulator.addFault({ path: ".", status: 503, probability: 0.1 });
      emulator.addFault({ path: ".", status: 502, probability: 0.08 });
      emulator.addFault({ path: ".", status: 500, afterHandling: true, probability: 0.08 });
      emulator.addFault({ path: ".", status: 429, retryAfterSeconds: 2, probability: 0.05 });
      emulator.addFault({ path: ".", reset: true, afterHandling: true, probability: 0.05 });
      emulator.addFault({ method: "POST", path: "/copy$", status: 504, afterHandling: true, probability: 0.3 });
      emulator.addFault({ method: "POST", path: "/copy$", status: 400, imsCode: "IMG.0060", probability: 0.3 });
      const client = h.client({}, { HW_IMS_ENDPOINT: url });
      const result = await copyImageAndWait(client, { sourceImageId: SeedImage.ACTIVE_PRIVATE, body: { name: `chaos-${seed}` }, timeoutMs: 600_000 });
      const made = copies(emulator);
      outcomes.push(result.adopted);
      expect(made).toEqual([result.imageId]);
      expect(emulator.images().find((i) => i.id === result.imageId)?.info.status).toBe("active");
      expect(emulator.requests().some((r) => r.faultId !== undefined)).toBe(true);
    } finally {
      await emulator.stop();
    }
  });

  test("the seeds above covered both an adopted copy and a plain submission", () => {
    expect(outcomes).toHaveLength(8);
    expect(outcomes).toContain(true);
    expect(outcomes).toContain(false);
  });
});

describe("copyImageAndWait after an ambiguous failure", () => {
  test("the adopted copy is waited for until active, without a job ID", async () => {
    h.emulator.addFault({ method: "POST", path: COPY_PATH, status: 500, afterHandling: true, times: 1 });
    const result = await copyImageAndWait(h.client(), { sourceImageId: SeedImage.ACTIVE_PRIVATE, body: { name: "adopted-wait" }, timeoutMs: 60_000 });
    const made = copies(h.emulator);
    expect(result).toEqual({ imageId: made[0], adopted: true });
    expect(h.emulator.images().find((i) => i.id === made[0])?.info.status).toBe("active");
  });
});
