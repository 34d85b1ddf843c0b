import { EMULATOR_PROJECT_ID, ImsEmulator, SeedImage } from "../../lib/emulator";
import { ImsClient, type FlowControlWait } from "../../lib/runtime/client";
import { copyImageAndWait } from "../../lib/runtime/copy";
import { ImsApiError } from "../../lib/runtime/errors";
import { copies } from "./harness";
import { useHarness } from "./support/harness-hooks";

const h = useHarness();

const COPY_PATH = `^/v1/cloudimages/${SeedImage.ACTIVE_PRIVATE}/copy$`;
const copyPosts = () => h.emulator.requests().filter((r) => r.method === "POST" && r.path.endsWith("/copy"));
const listCalls = () =>
  h.emulator.requests().filter((r) => r.method === "GET" && r.path === "/v2/cloudimages");

describe("retries of idempotent calls", () => {
  test.each([500, 502, 503, 504])(
    "a burst of three %p answers on a read is retried with backoff until it succeeds",
    async (status) => {
      const client = h.client();
      await client.projectId();
      h.emulator.addFault({ method: "GET", path: "^/v2/cloudimages$", status, times: 3 });
      expect((await client.getImage(SeedImage.ACTIVE_PRIVATE))?.id).toBe(SeedImage.ACTIVE_PRIVATE);
      expect(h.clock.sleeps).toEqual([500, 1000, 2000]);
      expect(listCalls().map((r) => r.status)).toEqual([status, status, status, 200]);
    },
  );

  test("a 429 with Retry-After waits as long as the service asks", async () => {
    const client = h.client();
    await client.projectId();
    h.emulator.addFault({
      method: "GET",
      path: "^/v2/cloudimages$",
      status: 429,
      retryAfterSeconds: 4,
      times: 1,
    });
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
    // The emulator still holds the abandoned request: let it finish here, or it is logged in a later test.
    while (!listCalls().some((r) => r.faultId !== undefined)) await new Promise((r) => setTimeout(r, 50));
  });

  test("retries stop at the attempt budget and report the last error", async () => {
    const client = h.client({ retry: { maxAttempts: 3 } });
    await client.projectId();
    h.emulator.addFault({ method: "GET", path: "^/v2/cloudimages$", status: 502 });
    await expect(client.getImage(SeedImage.ACTIVE_PRIVATE)).rejects.toMatchObject({
      status: 502,
      operation: "get image",
    });
    expect(listCalls()).toHaveLength(3);
  });

  test("IMG.0061 (unknown system error, HTTP 400 as documented) on a read is retried", async () => {
    const client = h.client();
    await client.projectId();
    h.emulator.addFault({ method: "GET", path: "^/v2/cloudimages$", imsCode: "IMG.0061", times: 2 });
    expect((await client.getImage(SeedImage.ACTIVE_PRIVATE))?.id).toBe(SeedImage.ACTIVE_PRIVATE);
    expect(listCalls().map((r) => r.status)).toEqual([400, 400, 200]);
    expect(h.clock.sleeps).toEqual([500, 1000]);
  });

  test("a single failed poll (IMG.0061) does not end a copy's wait: the job poll is retried and the copy completes", async () => {
    h.emulator.addFault({ method: "GET", path: "^/v1/cloudimages/job/", imsCode: "IMG.0061", times: 1 });
    const result = await copyImageAndWait(h.client(), {
      sourceImageId: SeedImage.ACTIVE_PRIVATE,
      body: { name: "poll-hiccup" },
      timeoutMs: 3_600_000,
    });
    expect(result.imageId).toBe(copies(h.emulator)[0]);
    const polls = h.emulator.requests().filter((r) => r.path.startsWith("/v1/cloudimages/job/"));
    expect(polls[0].status).toBe(400);
    expect(polls.at(-1)?.status).toBe(200);
    expect(copies(h.emulator)).toHaveLength(1);
  });

  test("a 400 is not retried", async () => {
    const client = h.client();
    await client.projectId();
    h.emulator.addFault({
      method: "GET",
      path: "^/v2/cloudimages$",
      status: 400,
      imsCode: "IMG.0001",
      times: 1,
    });
    await expect(client.getImage(SeedImage.ACTIVE_PRIVATE)).rejects.toMatchObject({
      status: 400,
      code: "IMG.0001",
    });
    expect(h.clock.sleeps).toEqual([]);
  });
});

describe("the copy POST under faults creates exactly one image", () => {
  test("429 + Retry-After: the request was not processed, so it is resubmitted after the wait", async () => {
    h.emulator.addFault({ method: "POST", path: COPY_PATH, status: 429, retryAfterSeconds: 3, times: 1 });
    const s = await h.client().copyImageInRegion(SeedImage.ACTIVE_PRIVATE, { name: "c429" });
    expect(s.adopted).toBe(false);
    // 3 s asked for, plus the first flow-control jitter (0.5 x 1 s)
    expect(h.clock.sleeps).toEqual([3500]);
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

  test("IMG.0061 (HTTP 400) BEFORE processing: the client looks for the copy, finds none, and resubmits once", async () => {
    h.emulator.addFault({ method: "POST", path: COPY_PATH, imsCode: "IMG.0061", times: 1 });
    const s = await h.client().copyImageInRegion(SeedImage.ACTIVE_PRIVATE, { name: "c0061" });
    expect(s).toEqual({ jobId: expect.any(String), adopted: false });
    expect(copyPosts().map((r) => r.status)).toEqual([400, 200]);
    expect(listCalls()).toHaveLength(1);
    expect(copies(h.emulator)).toHaveLength(1);
  });

  test("IMG.0061 (HTTP 400) AFTER processing: the copy is found and adopted, not submitted twice", async () => {
    h.emulator.addFault({
      method: "POST",
      path: COPY_PATH,
      imsCode: "IMG.0061",
      afterHandling: true,
      times: 1,
    });
    const s = await h.client().copyImageInRegion(SeedImage.ACTIVE_PRIVATE, { name: "adopt-0061" });
    const made = copies(h.emulator);
    expect(made).toHaveLength(1);
    expect(s).toEqual({ imageId: made[0], adopted: true });
    expect(copyPosts()).toHaveLength(1);
  });

  test("connection refused is retried: the request never reached the service", async () => {
    // GIVEN an endpoint where nothing listens yet, and a service that starts during the first backoff
    const probe = new ImsEmulator();
    const url = await probe.start();
    await probe.stop();
    let late: ImsEmulator | undefined;
    const sleeps: number[] = [];
    const client = ImsClient.fromEnv(
      h.env({ HW_IMS_ENDPOINT: url, HW_PROJECT_ID: EMULATOR_PROJECT_ID }),
      undefined,
      {
        random: () => 0.5,
        sleep: async (ms) => {
          sleeps.push(ms);
          if (!late) {
            late = new ImsEmulator({ port: Number(new URL(url).port) });
            await late.start();
          }
        },
      },
    );
    try {
      // WHEN copying THEN the refused attempt is retried without looking for a copy, and one image exists
      const s = await client.copyImageInRegion(SeedImage.ACTIVE_PRIVATE, { name: "refused" });
      expect(s.adopted).toBe(false);
      expect(sleeps).toEqual([500]);
      expect(late!.requests().map((r) => `${r.method} ${r.path}`)).toEqual([
        `POST /v1/cloudimages/${SeedImage.ACTIVE_PRIVATE}/copy`,
      ]);
      expect(copies(late!)).toHaveLength(1);
    } finally {
      await late?.stop();
    }
  });

  test.each([500, 502, 504])(
    "a %p before processing: nothing is found, so it is resubmitted once",
    async (status) => {
      h.emulator.addFault({ method: "POST", path: COPY_PATH, status, times: 1 });
      const s = await h.client().copyImageInRegion(SeedImage.ACTIVE_PRIVATE, { name: `c${status}` });
      expect(s).toEqual({ jobId: expect.any(String), adopted: false });
      expect(copyPosts().map((r) => r.status)).toEqual([status, 200]);
      expect(listCalls()).toHaveLength(1);
      expect(copies(h.emulator)).toHaveLength(1);
    },
  );

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

  test("IMG.0060 refusals do not use up the attempt budget of other failures: a 503 after many refusals is still retried", async () => {
    h.emulator.addFault({ method: "POST", path: COPY_PATH, status: 400, imsCode: "IMG.0060", times: 10 });
    h.emulator.addFault({ method: "POST", path: COPY_PATH, status: 503, times: 2 });
    const s = await h
      .client({ retry: { maxAttempts: 3 } })
      .copyImageInRegion(SeedImage.ACTIVE_PRIVATE, { name: "refused-then-503" });
    expect(s.adopted).toBe(false);
    expect(copyPosts().map((r) => r.status)).toEqual([...Array<number>(10).fill(400), 503, 503, 200]);
    // flow-control waits (jitter 0.5 of 1, 2, 4, 8, 8... s), then the 503 backoff starts over at 0.5 s
    expect(h.clock.sleeps).toEqual([500, 1000, 2000, 4000, 4000, 4000, 4000, 4000, 4000, 4000, 500, 1000]);
    expect(copies(h.emulator)).toHaveLength(1);
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

describe("waiting for a copy slot (flow control)", () => {
  /** One copy holds the only slot for `jobSeconds`. */
  async function occupySlot(jobSeconds: number): Promise<string> {
    h.emulator.configure({ maxConcurrentCopyJobs: 1, jobSeconds, initSeconds: 0 });
    const first = await h.client().copyImageInRegion(SeedImage.ACTIVE_PRIVATE, { name: "holds-the-slot" });
    h.clock.clearSleeps();
    return first.jobId!;
  }

  test("GIVEN one slot held by a 5 min job THEN a second copy waits for it beyond the generic retry deadline and is submitted once the first job ends", async () => {
    const firstJob = await occupySlot(300);
    const client = h.client(); // generic budget: 6 attempts within 120 s
    const started = h.clock.now();
    const waits: FlowControlWait[] = [];
    const s = await client.copyImageInRegion(
      SeedImage.ACTIVE_PRIVATE,
      { name: "waits-for-the-slot" },
      { deadlineMs: 3_600_000, onFlowControl: (w) => waits.push(w) },
    );

    expect(s).toEqual({ jobId: expect.stringMatching(/^[0-9a-f]{32}$/), adopted: false });
    const firstEnd = h.emulator.jobs().find((j) => j.jobId === firstJob)!;
    const waited = h.clock.now() - started;
    expect(waited).toBeGreaterThanOrEqual(firstEnd.submittedAt + firstEnd.initMs + firstEnd.runMs - started);
    expect(waited).toBeGreaterThan(180_000);
    // the slot is taken within one short wait (at most 8 s) of its release
    expect(waited).toBeLessThanOrEqual(300_000 + 8000);
    expect(Math.max(...h.clock.sleeps)).toBeLessThanOrEqual(8000);
    const posts = copyPosts();
    expect(posts[0].status).toBe(200); // the first copy
    expect(posts.slice(1, -1).every((r) => r.status === 400)).toBe(true);
    expect(posts[posts.length - 1].status).toBe(200);
    // every refusal was reported, counting the attempts
    expect(waits.length).toBe(posts.length - 2);
    expect(waits.map((w) => w.attempts)).toEqual(waits.map((_w, i) => i + 1));
    expect(waits.every((w) => w.error.code === "IMG.0060" && w.delayMs <= 8000)).toBe(true);
    expect(listCalls()).toHaveLength(0);
    // exactly one image per copy
    const names = h.emulator
      .images()
      .filter((i) => i.jobId !== undefined)
      .map((i) => i.info.name);
    expect(names.sort()).toEqual(["holds-the-slot", "waits-for-the-slot"]);
  });

  test("GIVEN the slot stays busy past the call's deadline THEN it fails with the flow-control refusal and creates nothing", async () => {
    await occupySlot(600);
    const started = h.clock.now();
    const e = await h
      .client()
      .copyImageInRegion(SeedImage.ACTIVE_PRIVATE, { name: "gives-up" }, { deadlineMs: 240_000 })
      .catch((x: unknown) => x);
    expect(ImsApiError.isImsApiError(e) && e.code).toBe("IMG.0060");
    expect((e as Error).message).toMatch(
      /^IMS copy image failed: HTTP 400 IMG\.0060: The number of tasks exceeds the flow control limit \(1 concurrent copy jobs\)\. Submit again later\. \(request ID [0-9a-f]+\)\. IMS flow control: gave up waiting for a copy slot after \d+ refused submissions over \d+ s \(the create timeout\); too many image tasks are running in this project\. Raise createTimeoutMinutes, lower terraform's -parallelism, or run again when fewer tasks are running$/,
    );
    expect(h.clock.now() - started).toBeLessThanOrEqual(240_000);
    expect(h.clock.now() - started).toBeGreaterThan(232_000);
    expect(copies(h.emulator)).toHaveLength(1);
  });

  test("HTTP 429 flow control with Retry-After is waited out the same way", async () => {
    await occupySlot(200);
    h.emulator.configure({ flowControl: "429", flowControlRetryAfterSeconds: 10 });
    const s = await h
      .client()
      .copyImageInRegion(SeedImage.ACTIVE_PRIVATE, { name: "after-429s" }, { deadlineMs: 3_600_000 });
    expect(s.adopted).toBe(false);
    expect(
      copyPosts()
        .slice(1, -1)
        .every((r) => r.status === 429),
    ).toBe(true);
    expect(h.clock.sleeps.every((ms) => ms >= 10_000 && ms <= 18_000)).toBe(true);
    expect(copies(h.emulator)).toHaveLength(2);
  });

  test("without a deadline option, flow control is waited for up to retry.deadlineMs", async () => {
    await occupySlot(600);
    const started = h.clock.now();
    await expect(
      h
        .client({ retry: { deadlineMs: 30_000 } })
        .copyImageInRegion(SeedImage.ACTIVE_PRIVATE, { name: "default-deadline" }),
    ).rejects.toMatchObject({ code: "IMG.0060" });
    expect(h.clock.now() - started).toBeLessThanOrEqual(30_000);
    expect(copyPosts().length).toBeGreaterThan(10);
  });

  test("a refusal right after an ambiguous failure looks for the copy again: the slot may be held by our own request", async () => {
    // GIVEN a copy POST that times out after the service processed it, and a listing that does
    // not show the new image at the first look (as a slow index would)
    h.emulator.configure({ maxConcurrentCopyJobs: 1, jobSeconds: 600 });
    h.emulator.addFault({ method: "POST", path: COPY_PATH, status: 504, afterHandling: true, times: 1 });
    h.emulator.addFault({
      method: "GET",
      path: "^/v2/cloudimages$",
      body: { images: [] },
      status: 200,
      times: 1,
    });
    // WHEN copying
    const s = await h
      .client()
      .copyImageInRegion(SeedImage.ACTIVE_PRIVATE, { name: "own-slot" }, { deadlineMs: 3_600_000 });
    // THEN the resubmission is refused (our own job holds the slot) and the second look adopts it
    const made = copies(h.emulator);
    expect(made).toHaveLength(1);
    expect(s).toEqual({ imageId: made[0], adopted: true });
    expect(copyPosts().map((r) => r.status)).toEqual([504, 400]);
  });

  test("the deadline option must be a finite number of at least 0", async () => {
    await expect(
      h.client().copyImageInRegion(SeedImage.ACTIVE_PRIVATE, { name: "x" }, { deadlineMs: Number.NaN }),
    ).rejects.toThrow("deadlineMs NaN is invalid: it must be a finite number of milliseconds of at least 0.");
    expect(copyPosts()).toHaveLength(0);
  });
});

describe("chaos", () => {
  const outcomes: boolean[] = [];
  test.each([1, 2, 3, 4, 5, 6, 7, 8])(
    "GIVEN seeded random 5xx, 429, IMG.0060 and resets on every call (seed %p) THEN the copy completes with exactly one image",
    async (seed) => {
      const emulator = new ImsEmulator({ jobSeconds: 20, now: h.clock.now, randomSeed: seed });
      const url = await emulator.start();
      try {
        emulator.addFault({ path: ".", status: 503, probability: 0.1 });
        emulator.addFault({ path: ".", status: 502, probability: 0.08 });
        emulator.addFault({ path: ".", status: 500, afterHandling: true, probability: 0.08 });
        emulator.addFault({ path: ".", status: 429, retryAfterSeconds: 2, probability: 0.05 });
        emulator.addFault({ path: ".", reset: true, afterHandling: true, probability: 0.05 });
        emulator.addFault({
          method: "POST",
          path: "/copy$",
          status: 504,
          afterHandling: true,
          probability: 0.3,
        });
        emulator.addFault({
          method: "POST",
          path: "/copy$",
          status: 400,
          imsCode: "IMG.0060",
          probability: 0.3,
        });
        const client = h.client({}, { HW_IMS_ENDPOINT: url });
        const result = await copyImageAndWait(client, {
          sourceImageId: SeedImage.ACTIVE_PRIVATE,
          body: { name: `chaos-${seed}` },
          timeoutMs: 600_000,
        });
        const made = copies(emulator);
        outcomes.push(result.adopted);
        expect(made).toEqual([result.imageId]);
        expect(emulator.images().find((i) => i.id === result.imageId)?.info.status).toBe("active");
        expect(emulator.requests().some((r) => r.faultId !== undefined)).toBe(true);
      } finally {
        await emulator.stop();
      }
    },
  );

  test("the seeds above covered both an adopted copy and a plain submission", () => {
    expect(outcomes).toHaveLength(8);
    expect(outcomes).toContain(true);
    expect(outcomes).toContain(false);
  });
});

describe("copyImageAndWait after an ambiguous failure", () => {
  test("the adopted copy is waited for until active, without a job ID", async () => {
    h.emulator.addFault({ method: "POST", path: COPY_PATH, status: 500, afterHandling: true, times: 1 });
    const result = await copyImageAndWait(h.client(), {
      sourceImageId: SeedImage.ACTIVE_PRIVATE,
      body: { name: "adopted-wait" },
      timeoutMs: 60_000,
    });
    const made = copies(h.emulator);
    expect(result).toMatchObject({ imageId: made[0], adopted: true });
    expect(h.emulator.images().find((i) => i.id === made[0])?.info.status).toBe("active");
  });
});
