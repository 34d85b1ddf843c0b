import { DEFAULT_RETRY, resolveRetry } from "../../lib/runtime/config";
import {
  connectError,
  httpError,
  ImsApiError,
  networkError,
  requestTimeout,
  responseNotJson,
  WaitAbortedError,
} from "../../lib/runtime/errors";
import {
  backoffDelayMs,
  classifyFailure,
  flowControlDelayMs,
  isFlowControl,
  parseRetryAfter,
  retryDelayMs,
  retryIdempotent,
  withRetries,
} from "../../lib/runtime/retry";
import { FakeClock } from "./fake-clock";

const http = (status: number, code?: string, retryAfter?: string): ImsApiError =>
  httpError(
    "copy image",
    status,
    code ? { error: { code, message: "m" } } : undefined,
    "req-1",
    retryAfter ? { retryAfter } : undefined,
  );

describe("failure classification", () => {
  test.each([
    ["429", http(429), "not-processed"],
    ["503", http(503), "not-processed"],
    ["400 IMG.0060 (flow control)", http(400, "IMG.0060"), "not-processed"],
    ["connection refused", connectError("copy image", "http://127.0.0.1:1", "ECONNREFUSED"), "not-processed"],
    ["500", http(500), "ambiguous"],
    ["502", http(502), "ambiguous"],
    ["504", http(504), "ambiguous"],
    ["400 IMG.0061 (unknown system error, documented as 400)", http(400, "IMG.0061"), "ambiguous"],
    ["400 IMG.0026 (no permission)", http(400, "IMG.0026"), "fatal"],
    ["connection reset", networkError("copy image", "http://x", "ECONNRESET"), "ambiguous"],
    ["request timeout", requestTimeout("copy image", "POST http://x/", 1000), "ambiguous"],
    ["400 IMG.0027", http(400, "IMG.0027"), "fatal"],
    ["403", http(403), "fatal"],
    ["401", http(401), "fatal"],
    ["404", http(404), "fatal"],
    ["a non-JSON 200", responseNotJson("show job", 200, undefined, "<html>"), "fatal"],
    ["a plain Error (a bug)", new Error("bug"), "fatal"],
  ])("%s is %s", (_name, error, expected) => {
    expect(classifyFailure(error)).toBe(expected);
  });
});

describe("backoff", () => {
  test("full jitter draws from [0, min(max, base * 2^(retry-1))]", () => {
    const policy = { baseDelayMs: 1000, maxDelayMs: 10_000 };
    expect([1, 2, 3, 4, 5, 6].map((r) => backoffDelayMs(r, () => 0.5, policy))).toEqual([
      500, 1000, 2000, 4000, 5000, 5000,
    ]);
    expect(backoffDelayMs(3, () => 0, policy)).toBe(0);
    expect(backoffDelayMs(3, () => 0.999999, policy)).toBe(3999);
  });

  test("Retry-After in seconds or as an HTTP date is honoured as a minimum", () => {
    const now = Date.UTC(2026, 10, 22, 12, 0, 0);
    expect(parseRetryAfter("7", now)).toBe(7000);
    expect(parseRetryAfter("Sun, 22 Nov 2026 12:00:30 GMT", now)).toBe(30_000);
    expect(parseRetryAfter("Sun, 22 Nov 2026 11:00:00 GMT", now)).toBe(0);
    expect(parseRetryAfter("soon", now)).toBeUndefined();
    expect(parseRetryAfter("-3", now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
    const policy = { baseDelayMs: 1000, maxDelayMs: 10_000 };
    expect(retryDelayMs(http(429, undefined, "4"), 1, now, () => 0.5, policy)).toBe(4000);
    expect(retryDelayMs(http(429, undefined, "0"), 3, now, () => 0.5, policy)).toBe(2000);
  });
});

describe("flow control", () => {
  test.each([
    ["400 IMG.0060", http(400, "IMG.0060"), true],
    ["429", http(429), true],
    ["429 APIGW.0308 (gateway throttling)", http(429, "APIGW.0308"), true],
    ["503", http(503), false],
    ["400 IMG.0027", http(400, "IMG.0027"), false],
    ["connection refused", connectError("copy image", "http://127.0.0.1:1", "ECONNREFUSED"), false],
    ["a plain Error", new Error("IMG.0060"), false],
  ])("%s is a flow-control refusal: %p", (_name, error, expected) => {
    expect(isFlowControl(error)).toBe(expected);
  });

  test("the wait is full jitter over a ceiling that doubles from the base up to the short flow-control cap", () => {
    const policy = { baseDelayMs: 1000, flowControlMaxDelayMs: 4000 };
    expect(
      [1, 2, 3, 4, 10].map((r) => flowControlDelayMs(http(400, "IMG.0060"), r, 0, () => 0.5, policy)),
    ).toEqual([500, 1000, 2000, 2000, 2000]);
    expect(flowControlDelayMs(http(400, "IMG.0060"), 10, 0, () => 0.999999, policy)).toBe(3999);
    expect(flowControlDelayMs(http(400, "IMG.0060"), 10, 0, () => 0, policy)).toBe(0);
  });

  test("a Retry-After is waited for first, with the jitter on top so that contenders told the same time spread out", () => {
    const policy = { baseDelayMs: 1000, flowControlMaxDelayMs: 4000 };
    expect(flowControlDelayMs(http(429, undefined, "10"), 3, 0, () => 0.25, policy)).toBe(11_000);
    expect(flowControlDelayMs(http(429, undefined, "10"), 3, 0, () => 0.75, policy)).toBe(13_000);
  });

  test("the default cap is 8 s and it must be greater than 0", () => {
    expect(DEFAULT_RETRY.flowControlMaxDelayMs).toBe(8000);
    expect(resolveRetry({ flowControlMaxDelayMs: 2500 }).flowControlMaxDelayMs).toBe(2500);
    expect(() => resolveRetry({ flowControlMaxDelayMs: 0 })).toThrow(
      "retry.flowControlMaxDelayMs 0 is invalid: it must be a finite number greater than 0.",
    );
  });

  test("the default budget of other failures survives 10 % random failures: 8 attempts all fail with probability 1e-8, and the attempt count, not the deadline, ends it", async () => {
    expect(0.1 ** DEFAULT_RETRY.maxAttempts).toBeCloseTo(1e-8, 20);
    // WHEN every attempt fails and every wait is the longest the jitter allows
    const clock = new FakeClock();
    let calls = 0;
    const rt = { policy: DEFAULT_RETRY, now: clock.now, sleep: clock.sleep, random: () => 0.999999 };
    await expect(
      withRetries(
        async () => Promise.reject(http(503, undefined, undefined)).finally(() => calls++),
        retryIdempotent,
        rt,
      ),
    ).rejects.toMatchObject({ status: 503 });
    // THEN all 8 attempts were made, within 91 s of the 180 s deadline
    expect(calls).toBe(8);
    expect(clock.sleeps).toEqual([999, 1999, 3999, 7999, 15_999, 29_999, 29_999]);
    expect(clock.now()).toBeLessThan(DEFAULT_RETRY.deadlineMs);
  });
});

describe("withRetries", () => {
  const runtime = (clock: FakeClock, overrides: Partial<typeof DEFAULT_RETRY> = {}) => ({
    policy: {
      ...DEFAULT_RETRY,
      baseDelayMs: 1000,
      maxDelayMs: 8000,
      deadlineMs: 60_000,
      maxAttempts: 5,
      ...overrides,
    },
    now: clock.now,
    sleep: clock.sleep,
    random: () => 0.5,
  });

  test("GIVEN two 503s THEN it succeeds on the third attempt after the jittered backoff delays", async () => {
    const clock = new FakeClock();
    let calls = 0;
    const result = await withRetries(
      async () => {
        calls++;
        if (calls < 3) throw http(503);
        return "ok";
      },
      retryIdempotent,
      runtime(clock),
    );
    expect(result).toBe("ok");
    expect(clock.sleeps).toEqual([500, 1000]);
  });

  test("a 429 with Retry-After waits at least that long", async () => {
    const clock = new FakeClock();
    let calls = 0;
    await withRetries(
      async () => {
        if (++calls === 1) throw http(429, undefined, "3");
        return calls;
      },
      retryIdempotent,
      runtime(clock),
    );
    expect(clock.sleeps).toEqual([3000]);
  });

  test("an abort during a backoff ends the retries with an interruption, not the last API error", async () => {
    const clock = new FakeClock();
    const controller = new AbortController();
    const sleep = async (ms: number): Promise<void> => {
      await clock.sleep(ms);
      controller.abort();
    };
    const rt = { ...runtime(clock), signal: controller.signal, sleep };
    await expect(withRetries(async () => Promise.reject(http(503)), retryIdempotent, rt)).rejects.toThrow(
      new WaitAbortedError("Interrupted during IMS copy image; running again resumes.", undefined, undefined),
    );
  });

  test("a fatal error is thrown at once", async () => {
    const clock = new FakeClock();
    await expect(
      withRetries(async () => Promise.reject(http(400, "IMG.0027")), retryIdempotent, runtime(clock)),
    ).rejects.toMatchObject({ code: "IMG.0027" });
    expect(clock.sleeps).toEqual([]);
  });

  test("the attempt budget ends the retries with the last error", async () => {
    const clock = new FakeClock();
    let calls = 0;
    await expect(
      withRetries(
        async () => {
          calls++;
          throw http(502);
        },
        retryIdempotent,
        runtime(clock, { maxAttempts: 3 }),
      ),
    ).rejects.toMatchObject({ status: 502 });
    expect(calls).toBe(3);
    expect(clock.sleeps).toEqual([500, 1000]);
  });

  test("the total deadline ends the retries: a Retry-After beyond it is not waited for", async () => {
    const clock = new FakeClock();
    let calls = 0;
    await expect(
      withRetries(
        async () => {
          calls++;
          throw http(429, undefined, "120");
        },
        retryIdempotent,
        runtime(clock, { deadlineMs: 60_000 }),
      ),
    ).rejects.toMatchObject({ status: 429 });
    expect(calls).toBe(1);
    expect(clock.sleeps).toEqual([]);
  });
});
