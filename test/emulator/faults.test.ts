import { EMULATOR_PROJECT_ID, SeedImage } from "../../lib/emulator/defaults";
import { ImsEmulator } from "../../lib/emulator";
import { admin, call, startEmulator, type ManualClock } from "./helpers";

const COPY_PATH = `/v1/cloudimages/${SeedImage.ACTIVE_PRIVATE}/copy`;

describe("fault injection", () => {
  let emulator: ImsEmulator;
  let url: string;
  let clock: ManualClock;

  beforeEach(async () => {
    ({ emulator, url, clock } = await startEmulator({ jobSeconds: 10 }));
  });
  afterEach(async () => {
    await emulator.stop();
  });

  test("a status rule with an IMS code fails the matching request `times` times, then lets requests through", async () => {
    emulator.addFault({
      method: "POST",
      path: "/copy$",
      times: 1,
      status: 500,
      imsCode: "IMG.0061",
      message: "boom",
    });
    const first = await call(url, "POST", COPY_PATH, { name: "a" });
    expect(first.status).toBe(500);
    expect(first.body).toEqual({ error: { code: "IMG.0061", message: "boom" } });
    expect(emulator.jobs()).toHaveLength(0);
    const second = await call(url, "POST", COPY_PATH, { name: "a" });
    expect(second.status).toBe(200);
    expect(emulator.requests().map((r) => [r.status, r.faultId])).toEqual([
      [500, "fault-1"],
      [200, undefined],
    ]);
  });

  test("an IMG.0061 rule without a status answers 400, as the error-code table lists it", async () => {
    emulator.addFault({
      method: "POST",
      path: "/copy$",
      times: 1,
      imsCode: "IMG.0061",
      message: "Unknown system error.",
    });
    const res = await call(url, "POST", COPY_PATH, { name: "a" });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error: { code: "IMG.0061", message: "Unknown system error." } });
  });

  test("a rule only matches its method and path", async () => {
    emulator.addFault({ method: "GET", path: "^/v2/cloudimages$", status: 503 });
    expect((await call(url, "GET", "/v2/cloudimages")).status).toBe(503);
    expect((await call(url, "GET", "/v1/cloudimages/quota")).status).toBe(200);
    expect((await call(url, "POST", COPY_PATH, { name: "a" })).status).toBe(200);
  });

  test("a 429 rule with retryAfterSeconds sends Retry-After and the gateway throttling body", async () => {
    emulator.addFault({ path: "/jobs/", status: 429, retryAfterSeconds: 3 });
    const res = await call(url, "GET", `/v1/${EMULATOR_PROJECT_ID}/jobs/0123456789abcdef0123456789abcdef`);
    expect(res.status).toBe(429);
    expect(res.headers.get("retry-after")).toBe("3");
    expect(res.body).toEqual({
      error_code: "APIGW.0308",
      error_msg: "The throttling threshold has been reached",
      request_id: res.headers.get("x-request-id"),
    });
  });

  test("a reset rule destroys the connection", async () => {
    emulator.addFault({ path: "/copy$", reset: true, times: 1 });
    await expect(call(url, "POST", COPY_PATH, { name: "a" })).rejects.toThrow();
    expect(emulator.requests()[0]).toMatchObject({ status: 0, reset: true, faultId: "fault-1" });
    expect(emulator.jobs()).toHaveLength(0);
  });

  test("an afterHandling rule performs the copy, then fails the response (the ambiguous case)", async () => {
    emulator.addFault({ path: "/copy$", afterHandling: true, status: 503, times: 1 });
    const res = await call(url, "POST", COPY_PATH, { name: "ambiguous" });
    expect(res.status).toBe(503);
    expect(emulator.jobs()).toHaveLength(1);
    expect(emulator.images().filter((i) => i.info.name === "ambiguous")).toHaveLength(1);
  });

  test("an afterHandling reset performs the copy and then drops the connection", async () => {
    emulator.addFault({ path: "/copy$", afterHandling: true, reset: true, times: 1 });
    await expect(call(url, "POST", COPY_PATH, { name: "dropped" })).rejects.toThrow();
    expect(emulator.jobs()).toHaveLength(1);
  });

  test("a latency rule waits for the delay, then handles the request normally", async () => {
    const delays: number[] = [];
    let release = (): void => undefined;
    const slow = new ImsEmulator({
      delay: (ms) =>
        new Promise<void>((resolve) => {
          delays.push(ms);
          release = resolve;
        }),
    });
    const slowUrl = await slow.start();
    try {
      slow.addFault({ path: "^/v1/cloudimages/quota$", latencyMs: 120, times: 1 });
      let answered = false;
      const pending = call(slowUrl, "GET", "/v1/cloudimages/quota").then((res) => {
        answered = true;
        return res;
      });
      while (delays.length === 0) await new Promise((resolve) => setImmediate(resolve));
      expect(delays).toEqual([120]);
      expect(answered).toBe(false);
      release();
      expect((await pending).status).toBe(200);
    } finally {
      await slow.stop();
    }
  });

  test("a jobFailure rule lets the copy answer 200 but makes its job end in FAIL", async () => {
    emulator.addFault({
      path: "/copy$",
      jobFailure: { errorCode: "IMG.0018", failReason: "copy task failed" },
      times: 1,
    });
    const res = await call(url, "POST", COPY_PATH, { name: "will-fail" });
    expect(res.status).toBe(200);
    clock.advance(11);
    const job = (await call(url, "GET", `/v1/${EMULATOR_PROJECT_ID}/jobs/${res.body.job_id}`)).body;
    expect(job).toMatchObject({ status: "FAIL", error_code: "IMG.0018", fail_reason: "copy task failed" });
  });

  test("probability draws from a seeded PRNG, so the same seed gives the same failures", async () => {
    const outcomes = async (): Promise<number[]> => {
      const e = new ImsEmulator({ randomSeed: 42 });
      const u = await e.start();
      try {
        e.addFault({ path: "quota", status: 500, probability: 0.5 });
        const statuses: number[] = [];
        for (let n = 0; n < 12; n++) statuses.push((await call(u, "GET", "/v1/cloudimages/quota")).status);
        return statuses;
      } finally {
        await e.stop();
      }
    };
    const first = await outcomes();
    expect(await outcomes()).toEqual(first);
    expect(first).toContain(500);
    expect(first).toContain(200);
  });

  test("faults are managed over HTTP and never apply to /_emulator routes", async () => {
    const added = await admin(url, "POST", "/_emulator/faults", { path: ".*", status: 500 });
    expect(added.status).toBe(201);
    expect(added.body.id).toBe("fault-1");
    expect((await admin(url, "GET", "/_emulator/faults")).body.faults).toEqual([
      { id: "fault-1", rule: { path: ".*", status: 500 }, hits: 0 },
    ]);
    expect((await call(url, "GET", "/v2/cloudimages")).status).toBe(500);
    expect((await admin(url, "DELETE", "/_emulator/faults")).status).toBe(204);
    expect((await call(url, "GET", "/v2/cloudimages")).status).toBe(200);
  });

  test("an invalid rule is refused naming the field, the value and the rule", async () => {
    const res = await admin(url, "POST", "/_emulator/faults", { path: "(", status: 500 });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatch(
      /^Fault rule field "path" = "\(" is invalid: it is not a valid regular expression/,
    );
    expect(() => emulator.addFault({ path: "x", probability: 2 })).toThrow(
      'Fault rule field "probability" = 2 is invalid: it must be a number from 0 to 1.',
    );
  });
});
