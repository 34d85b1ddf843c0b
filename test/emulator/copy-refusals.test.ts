import {
  EMULATOR_READONLY_ACCESS_KEY,
  EMULATOR_READONLY_SECRET_KEY,
  SeedImage,
  SeedKmsKey,
  SEED_ENTERPRISE_PROJECT_ID,
} from "../../lib/emulator/defaults";
import { ImsEmulator } from "../../lib/emulator";
import { call, startEmulator, type ManualClock } from "./helpers";

const READ_ONLY = { accessKey: EMULATOR_READONLY_ACCESS_KEY, secretKey: EMULATOR_READONLY_SECRET_KEY };

describe("copy refusals", () => {
  let emulator: ImsEmulator;
  let url: string;
  let clock: ManualClock;

  beforeEach(async () => {
    ({ emulator, url, clock } = await startEmulator({ jobSeconds: 60 }));
  });
  afterEach(async () => {
    await emulator.stop();
  });

  const copy = (body: unknown, source: string = SeedImage.ACTIVE_PRIVATE) =>
    call(url, "POST", `/v1/cloudimages/${source}/copy`, body);

  async function expectRefusal(
    body: unknown,
    status: number,
    code: string,
    source?: string,
  ): Promise<string> {
    const res = await copy(body, source);
    expect(res.status).toBe(status);
    expect(res.body.error.code).toBe(code);
    expect(emulator.jobs()).toHaveLength(0);
    return res.body.error.message;
  }

  test.each([
    ["a public image", "IMG.0083", SeedImage.PUBLIC],
    ["a full-ECS image", "IMG.0130", SeedImage.WHOLE_ECS],
    ["an image created from an ISO file", "IMG.0167", SeedImage.ISO],
    ["an image still saving", "IMG.0046", SeedImage.SAVING_PRIVATE],
    ["an unknown image", "IMG.0027", "00000000-0000-4000-8000-000000000000"],
  ])("copying %s is refused with 400 %s", async (_what, code, source) => {
    await expectRefusal({ name: "c" }, 400, code, source);
  });

  test("an unknown source answers 404 when unknownSourceStatus is 404", async () => {
    emulator.configure({ unknownSourceStatus: 404 });
    const message = await expectRefusal(
      { name: "c" },
      404,
      "IMG.0027",
      "00000000-0000-4000-8000-000000000000",
    );
    expect(message).toBe("The image ID in the request does not exist: 00000000-0000-4000-8000-000000000000.");
  });

  test.each([
    ["without a name", {}, "IMG.0013"],
    ["with an empty name", { name: "" }, "IMG.0013"],
    ["with a 129-character name", { name: "a".repeat(129) }, "IMG.0002"],
    ["with a leading space in the name", { name: " leading" }, "IMG.0003"],
    ["with a trailing space in the name", { name: "trailing " }, "IMG.0003"],
    ["with a slash in the name", { name: "bad/char" }, "IMG.0003"],
    ["with a 1025-character description", { name: "ok", description: "x".repeat(1025) }, "IMG.0004"],
    ["with a line feed in the description", { name: "ok", description: "two\nlines" }, "IMG.0054"],
    ["with angle brackets in the description", { name: "ok", description: "<b>" }, "IMG.0054"],
    ["with a tags field", { name: "ok", tags: [{ key: "a", value: "b" }] }, "IMG.0001"],
    ["with a numeric name", { name: 5 }, "IMG.0001"],
  ])("a copy body %s is refused with %s", async (_what, body, code) => {
    await expectRefusal(body, 400, code);
  });

  test("names of 128 characters with Chinese, digits, spaces and -_. are accepted", async () => {
    expect((await copy({ name: "镜像 copy-1_v2.0" })).status).toBe(200);
    expect((await copy({ name: "a".repeat(128) })).status).toBe(200);
  });

  test("the name rule message names the value and the rule", async () => {
    const message = await expectRefusal({ name: "bad/char" }, 400, "IMG.0003");
    expect(message).toBe(
      `The image name format is invalid: "bad/char". Use letters, digits, Chinese characters, spaces, '-', '_' and '.', not starting or ending with a space.`,
    );
  });

  test("an empty body is refused with IMG.0007 and invalid JSON with IMG.0001", async () => {
    const empty = await call(url, "POST", `/v1/cloudimages/${SeedImage.ACTIVE_PRIVATE}/copy`, "");
    expect(empty.body.error.code).toBe("IMG.0007");
    const broken = await call(url, "POST", `/v1/cloudimages/${SeedImage.ACTIVE_PRIVATE}/copy`, "{nope");
    expect(broken.body.error.code).toBe("IMG.0001");
  });

  test("an unknown KMS key is refused with IMG.0095 and a disabled one with IMG.0097", async () => {
    await expectRefusal({ name: "c", cmk_id: "11111111-2222-4333-8444-555555555555" }, 400, "IMG.0095");
    await expectRefusal({ name: "c", cmk_id: SeedKmsKey.DISABLED }, 400, "IMG.0097");
  });

  test("an unknown enterprise project is refused with IMG.0155", async () => {
    await expectRefusal(
      { name: "c", enterprise_project_id: "22222222-3333-4444-8555-666666666666" },
      400,
      "IMG.0155",
    );
  });

  test("the private image quota is enforced with IMG.0015", async () => {
    emulator.configure({ imageQuota: 4 });
    const message = await expectRefusal({ name: "c" }, 400, "IMG.0015");
    expect(message).toBe("The number of private images has reached the maximum allowed (4).");
  });

  test("flow control refuses a copy beyond the concurrent job limit with IMG.0060, and accepts again once a job ends", async () => {
    emulator.configure({ maxConcurrentCopyJobs: 2 });
    expect((await copy({ name: "one" })).status).toBe(200);
    expect((await copy({ name: "two" })).status).toBe(200);
    const refused = await copy({ name: "three" });
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe("IMG.0060");
    expect(refused.headers.get("retry-after")).toBeNull();
    clock.advance(61);
    expect((await copy({ name: "three" })).status).toBe(200);
  });

  test("flow control can answer HTTP 429 with Retry-After", async () => {
    emulator.configure({ maxConcurrentCopyJobs: 0, flowControl: "429", flowControlRetryAfterSeconds: 7 });
    const refused = await copy({ name: "c" });
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe("IMG.0060");
    expect(refused.headers.get("retry-after")).toBe("7");
  });

  test("a credential without ims:images:copy gets 403 naming the action", async () => {
    const res = await call(
      url,
      "POST",
      `/v1/cloudimages/${SeedImage.ACTIVE_PRIVATE}/copy`,
      { name: "c" },
      { credentials: READ_ONLY },
    );
    expect(res.status).toBe(403);
    expect(res.body).toEqual({
      error: {
        code: "IMG.0026",
        message:
          "The role is invalid. You need to apply for the required permissions or pass the real-name authentication. Policy doesn't allow ims:images:copy to be performed.",
      },
    });
  });

  test("a copy into an enterprise project needs ims:serverImages:create as well", async () => {
    const limited = new ImsEmulator({
      now: clock.now,
      seed: {
        credentials: [
          {
            accessKey: "COPYONLY000000000001",
            secretKey: "copy-only-secret",
            permissions: ["ims:images:copy"],
          },
        ],
      },
    });
    const limitedUrl = await limited.start();
    try {
      const creds = { accessKey: "COPYONLY000000000001", secretKey: "copy-only-secret" };
      const plain = await call(
        limitedUrl,
        "POST",
        `/v1/cloudimages/${SeedImage.ACTIVE_PRIVATE}/copy`,
        { name: "c" },
        { credentials: creds },
      );
      expect(plain.status).toBe(200);
      const ep = await call(
        limitedUrl,
        "POST",
        `/v1/cloudimages/${SeedImage.ACTIVE_PRIVATE}/copy`,
        { name: "c", enterprise_project_id: SEED_ENTERPRISE_PROJECT_ID },
        { credentials: creds },
      );
      expect(ep.status).toBe(403);
      expect(ep.body.error.message).toContain(
        "Policy doesn't allow ims:serverImages:create to be performed.",
      );
    } finally {
      await limited.stop();
    }
  });

  test("the read-only credential may still list images", async () => {
    const res = await call(url, "GET", "/v2/cloudimages?__imagetype=private", undefined, {
      credentials: READ_ONLY,
    });
    expect(res.status).toBe(200);
    expect(res.body.images.length).toBeGreaterThan(0);
  });
});
