import {
  EMULATOR_ACCESS_KEY,
  EMULATOR_REGION,
  EMULATOR_SECRET_KEY,
  ImsEmulator,
  SeedImage,
} from "../../lib/emulator";
import { ImsClient } from "../../lib/runtime/client";
import {
  copyImageAndWait,
  resumeWait,
  waitForJob,
  type CopyProgress,
  type ResumeTarget,
} from "../../lib/runtime/copy";
import { DEFAULT_MAX_DELAY_MS, DEFAULT_MIN_DELAY_MS } from "../../lib/runtime/default-delay";
import { exponentialDelay, fixedDelay, type PollTuning } from "../../lib/runtime/poll-strategy";
import { JobFailedError, WaitAbortedError, WaitTimeoutError } from "../../lib/runtime/errors";
import { copies } from "./harness";
import { useHarness } from "./support/harness-hooks";

const h = useHarness();

const COPY_PATH = `^/v1/cloudimages/${SeedImage.ACTIVE_PRIVATE}/copy$`;
const statusOf = (id: string) => h.emulator.images().find((i) => i.id === id)?.info.status;

async function caught<T extends Error>(p: Promise<unknown>, type: new (...args: never[]) => T): Promise<T> {
  try {
    await p;
  } catch (error) {
    if (error instanceof type) return error;
    throw error;
  }
  throw new Error(`expected ${type.name}`);
}

describe("copyImageAndWait", () => {
  test("it submits, reports the submission before waiting, learns the image ID while RUNNING, and returns the active copy", async () => {
    h.emulator.configure({ jobSeconds: 10 });
    const events: string[] = [];
    const progress: CopyProgress[] = [];
    let submitted: ResumeTarget | undefined;
    const result = await copyImageAndWait(h.client(), {
      sourceImageId: SeedImage.ACTIVE_PRIVATE,
      body: { name: "copy-and-wait", description: "d" },
      timeoutMs: 120_000,
      hooks: {
        onSubmitted: (s) => {
          submitted = s;
          events.push("submitted");
        },
      },
      onProgress: (p) => {
        progress.push(p);
        events.push("progress");
      },
    });
    const made = copies(h.emulator);
    expect(made).toHaveLength(1);
    expect(result).toMatchObject({ imageId: made[0], jobId: submitted?.jobId, adopted: false });
    expect(result.image).toMatchObject({ id: made[0], status: "active" });
    expect(submitted).toEqual({ jobId: expect.stringMatching(/^[0-9a-f]{32}$/) });
    expect(events[0]).toBe("submitted");
    expect(progress.length).toBeGreaterThan(0);
    expect(
      progress.every((p) => p.jobId === submitted?.jobId && p.imageId === made[0] && p.status === "RUNNING"),
    ).toBe(true);
    expect(statusOf(made[0])).toBe("active");
    // polled near the predicted end, not every second
    expect(
      h.emulator.requests().filter((r) => r.path.startsWith("/v1/cloudimages/job/")).length,
    ).toBeLessThan(8);
  });

  test("a failed job throws the service's error code and reason and deletes the partial image", async () => {
    h.emulator.addFault({
      method: "POST",
      path: COPY_PATH,
      jobFailure: {
        errorCode: "IMG.0187",
        failReason: "KMS access traffic has reached the upper limit.",
        atFraction: 0.5,
      },
      times: 1,
    });
    const e = await caught(
      copyImageAndWait(h.client(), {
        sourceImageId: SeedImage.ACTIVE_PRIVATE,
        body: { name: "will-fail" },
        timeoutMs: 60_000,
      }),
      JobFailedError,
    );
    const [image] = copies(h.emulator);
    expect(e).toMatchObject({
      errorCode: "IMG.0187",
      failReason: "KMS access traffic has reached the upper limit.",
      imageId: image,
    });
    expect(e.message).toBe(
      `IMS copy job ${e.jobId} failed with IMG.0187: KMS access traffic has reached the upper limit. Its partial image ${image} was deleted. KMS throttled the request: wait and run again.`,
    );
    expect(statusOf(image)).toBe("deleted");
  });

  test("a failed job whose partial image cannot be deleted says so, with the reason", async () => {
    h.emulator.addFault({ method: "POST", path: COPY_PATH, jobFailure: {}, times: 1 });
    h.emulator.addFault({
      method: "DELETE",
      path: "^/v2/images/",
      status: 400,
      imsCode: "IMG.0028",
      message: "The image in the request is protected.",
    });
    const e = await caught(
      copyImageAndWait(h.client(), {
        sourceImageId: SeedImage.ACTIVE_PRIVATE,
        body: { name: "undeletable" },
        timeoutMs: 60_000,
      }),
      JobFailedError,
    );
    const [image] = copies(h.emulator);
    expect(e.message).toContain(
      `Its partial image ${image} could not be deleted (IMS delete image failed: HTTP 400 IMG.0028: The image in the request is protected.`,
    );
    expect(e.message).toContain("delete it by hand.");
    expect(statusOf(image)).toBe("killed");
  });

  test("a failed job whose image the service already removed reports no cleanup", async () => {
    h.emulator.configure({ failedImage: "removed" });
    h.emulator.addFault({ method: "POST", path: COPY_PATH, jobFailure: {}, times: 1 });
    const e = await caught(
      copyImageAndWait(h.client(), {
        sourceImageId: SeedImage.ACTIVE_PRIVATE,
        body: { name: "fail-removed" },
        timeoutMs: 60_000,
      }),
      JobFailedError,
    );
    expect(e.errorCode).toBe("IMG.0061");
    expect(e.message).not.toContain("partial image");
    expect(h.emulator.requests().filter((r) => r.method === "DELETE")).toHaveLength(0);
  });

  test("GIVEN a job longer than the timeout THEN it throws a timeout naming the job and the image, and resumeWait finishes it without a second copy", async () => {
    h.emulator.configure({ jobSeconds: 600 });
    const client = h.client();
    const e = await caught(
      copyImageAndWait(client, {
        sourceImageId: SeedImage.ACTIVE_PRIVATE,
        body: { name: "slow-copy" },
        timeoutMs: 60_000,
      }),
      WaitTimeoutError,
    );
    const [image] = copies(h.emulator);
    expect(e.jobId).toMatch(/^[0-9a-f]{32}$/);
    expect(e.imageId).toBe(image);
    expect(e.message).toBe(
      `Timed out after 60 s waiting for the copy job (job ${e.jobId}, image ${image}); the copy continues in the cloud. Running the same command (or "terraform apply") again resumes the wait instead of copying again; raise the timeout if copies of this image take longer.`,
    );
    const resumed = await resumeWait(client, { jobId: e.jobId! }, { timeoutMs: 3_600_000 });
    expect(resumed).toMatchObject({ imageId: image, jobId: e.jobId, adopted: false });
    expect(copies(h.emulator)).toHaveLength(1);
    expect(h.emulator.requests().filter((r) => r.method === "POST" && r.path.endsWith("/copy"))).toHaveLength(
      1,
    );
  });

  test("an abort during the wait throws an interruption that says running again resumes", async () => {
    h.emulator.configure({ jobSeconds: 600 });
    const controller = new AbortController();
    const e = await caught(
      copyImageAndWait(h.client(), {
        sourceImageId: SeedImage.ACTIVE_PRIVATE,
        body: { name: "aborted" },
        timeoutMs: 3_600_000,
        signal: controller.signal,
        onProgress: (p) => p.attempt === 2 && controller.abort(),
      }),
      WaitAbortedError,
    );
    expect(e.message).toBe(
      `Interrupted while waiting for the copy job (job ${e.jobId}, image ${copies(h.emulator)[0]}); the copy continues in the cloud. Running again resumes the wait.`,
    );
  });

  test("timeoutMs must be positive", async () => {
    await expect(
      copyImageAndWait(h.client(), {
        sourceImageId: SeedImage.ACTIVE_PRIVATE,
        body: { name: "x" },
        timeoutMs: 0,
      }),
    ).rejects.toThrow("timeoutMs 0 is invalid: it must be a finite number of milliseconds greater than 0.");
    expect(copies(h.emulator)).toHaveLength(0);
  });

  test("an adopted copy that ends killed fails the copy and is deleted", async () => {
    h.emulator.configure({ jobSeconds: 5 });
    h.emulator.addFault({
      method: "POST",
      path: COPY_PATH,
      status: 500,
      afterHandling: true,
      jobFailure: { atFraction: 0.5 },
      times: 1,
    });
    const e = await caught(
      copyImageAndWait(h.client(), {
        sourceImageId: SeedImage.ACTIVE_PRIVATE,
        body: { name: "adopt-killed" },
        timeoutMs: 60_000,
      }),
      JobFailedError,
    );
    const [image] = copies(h.emulator);
    expect(e.message).toBe(
      `The copied image ${image} ended in status "killed" before becoming active, so the copy failed. It was deleted. Run again to copy again.`,
    );
    expect(statusOf(image)).toBe("deleted");
  });
});

describe("resumeWait and waitForJob", () => {
  test("resumeWait by image ID waits until the image is active", async () => {
    const client = h.client();
    await client.copyImageInRegion(SeedImage.ACTIVE_PRIVATE, { name: "by-image" });
    const [image] = copies(h.emulator);
    expect(await resumeWait(client, { imageId: image }, { timeoutMs: 60_000 })).toMatchObject({
      imageId: image,
      adopted: true,
    });
  });

  test("resumeWait takes a bare job ID or image ID, and refuses anything else", async () => {
    const client = h.client();
    const { jobId } = await client.copyImageInRegion(SeedImage.ACTIVE_PRIVATE, { name: "bare-ids" });
    const [image] = copies(h.emulator);
    expect(await resumeWait(client, jobId!, { timeoutMs: 60_000 })).toMatchObject({
      imageId: image,
      jobId,
      adopted: false,
    });
    expect(await resumeWait(client, image, { timeoutMs: 60_000 })).toMatchObject({
      imageId: image,
      adopted: true,
    });
    await expect(resumeWait(client, "my-image", { timeoutMs: 60_000 })).rejects.toThrow(
      'id "my-image" is invalid: it must be a copy job ID (32 hexadecimal characters) or an image ID (a UUID).',
    );
  });

  test("GIVEN a job submitted just now THEN copyImageAndWait polls it first after the strategy's first wait (9.5 s), while resumeWait polls a resumed job at once", async () => {
    h.emulator.configure({ jobSeconds: 30 });
    const fresh: CopyProgress[] = [];
    await copyImageAndWait(h.client(), {
      sourceImageId: SeedImage.ACTIVE_PRIVATE,
      body: { name: "fresh" },
      timeoutMs: 120_000,
      onProgress: (p) => fresh.push(p),
    });
    expect(fresh[0]).toMatchObject({ attempt: 1, status: "RUNNING" });
    expect(fresh[0].elapsedMs).toBeGreaterThanOrEqual(9500);

    const client = h.client();
    const { jobId } = await client.copyImageInRegion(SeedImage.ACTIVE_PRIVATE, { name: "resumed" });
    const resumed: CopyProgress[] = [];
    await resumeWait(client, jobId!, { timeoutMs: 120_000, onProgress: (p) => resumed.push(p) });
    expect(resumed[0]).toMatchObject({ attempt: 1, status: "RUNNING" });
    expect(resumed[0].elapsedMs).toBeLessThan(1000);
  });

  test("without the progress route, waitForJob falls back to ShowJob", async () => {
    const client = h.client();
    const { jobId } = await client.copyImageInRegion(SeedImage.ACTIVE_PRIVATE, { name: "fallback" });
    h.emulator.addFault({ method: "GET", path: "^/v1/cloudimages/job/", status: 404, imsCode: "IMG.0086" });
    const outcome = await waitForJob(client, jobId!, { timeoutMs: 60_000 });
    expect(outcome.state).toBe("success");
    expect(h.emulator.requests().filter((r) => r.path.startsWith("/v1/cloudimages/job/"))).toHaveLength(1);
    expect(h.emulator.requests().some((r) => r.path === `/v1/${h.emulator.projectId}/jobs/${jobId}`)).toBe(
      true,
    );
  });

  test("an unknown job ID is an error naming the call", async () => {
    await expect(waitForJob(h.client(), "0".repeat(32), { timeoutMs: 60_000 })).rejects.toMatchObject({
      status: 404,
      code: "IMG.0086",
      operation: "show job",
    });
  });
});

describe("real time", () => {
  test("a 1 s emulator job is copied and awaited with short poll delays and real sleeps", async () => {
    const emulator = new ImsEmulator({ jobSeconds: 1 });
    const url = await emulator.start();
    try {
      const client = ImsClient.fromEnv({
        HW_ACCESS_KEY: EMULATOR_ACCESS_KEY,
        HW_SECRET_KEY: EMULATOR_SECRET_KEY,
        HW_REGION_NAME: EMULATOR_REGION,
        HW_IMS_ENDPOINT: url,
      });
      const started = Date.now();
      const result = await copyImageAndWait(client, {
        sourceImageId: SeedImage.ACTIVE_PRIVATE,
        body: { name: "real-time" },
        timeoutMs: 10_000,
        poll: { delay: () => exponentialDelay({ minDelayMs: 100, maxDelayMs: 500 }) },
      });
      expect(Date.now() - started).toBeLessThan(3000);
      expect(emulator.images().find((i) => i.id === result.imageId)?.info.status).toBe("active");
    } finally {
      await emulator.stop();
    }
  });
});

describe("a value that ticks a percent at rare, irregular times (the emulator's rare-ticks curve)", () => {
  /** Waits for a fresh 5-minute rare-ticks job; the lag is from the job's end to the wait's return. */
  async function waitOnTicks(poll?: PollTuning) {
    h.emulator.configure({ jobSeconds: 300, progressCurve: "rare-ticks" });
    const client = h.client();
    const { jobId } = await client.copyImageInRegion(SeedImage.ACTIVE_PRIVATE, { name: "ticks" });
    const polls: CopyProgress[] = [];
    const outcome = await waitForJob(client, jobId!, {
      timeoutMs: 3_600_000,
      delayFirst: true,
      poll,
      onProgress: (p) => polls.push(p),
    });
    const job = h.emulator.jobs().find((j) => j.jobId === jobId)!;
    const lagMs = h.clock.now() - (job.submittedAt + job.initMs + job.runMs);
    const gaps = polls.slice(1).map((p, i) => p.elapsedMs - polls[i].elapsedMs);
    return { outcome, lagMs, polls, gaps };
  }

  test("GIVEN the default strategy THEN the wait ends at SUCCESS within a minute of the job's end (the longest wait), never two polls within 1 s", async () => {
    const { outcome, lagMs, polls, gaps } = await waitOnTicks();
    expect(outcome.state).toBe("success");
    const shown = polls.map((p) => p.percent ?? 0);
    expect(Math.max(...shown)).toBeGreaterThan(0);
    expect(Math.max(...shown)).toBeLessThanOrEqual(0.06);
    expect(lagMs).toBeGreaterThanOrEqual(0);
    expect(lagMs).toBeLessThanOrEqual(DEFAULT_MAX_DELAY_MS);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(DEFAULT_MIN_DELAY_MS);
  });

  test("GIVEN fixed 10 s polling through the poll option THEN the job's end is seen within 10 s", async () => {
    const { outcome, lagMs, gaps } = await waitOnTicks({ delay: () => fixedDelay(10_000) });
    expect(outcome.state).toBe("success");
    expect(lagMs).toBeLessThanOrEqual(10_000);
    expect(new Set(gaps)).toEqual(new Set([10_000]));
  });
});
