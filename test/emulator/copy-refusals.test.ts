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

  test("a credential without ims:images:copy gets IMG.0026 with HTTP 400 (the error-code table) naming the action, or 403 when configured", async () => {
    const refuse = () =>
      call(
        url,
        "POST",
        `/v1/cloudimages/${SeedImage.ACTIVE_PRIVATE}/copy`,
        { name: "c" },
        { credentials: READ_ONLY },
      );
    const res = await refuse();
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      error: {
        code: "IMG.0026",
        message:
          "The role is invalid. You need to apply for the required permissions or pass the real-name authentication. Policy doesn't allow ims:images:copy to be performed.",
      },
    });
    emulator.configure({ permissionDeniedStatus: 403 });
    const forbidden = await refuse();
    expect(forbidden.status).toBe(403);
    expect(forbidden.body).toEqual(res.body);
  });

  test("a copy into an enterprise project needs ims:serverImages:create as well; with enterprise projects enabled, every copy does", async () => {
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
      expect(ep.status).toBe(400);
      expect(ep.body.error.code).toBe("IMG.0026");
      expect(ep.body.error.message).toContain(
        "Policy doesn't allow ims:serverImages:create to be performed.",
      );
      limited.configure({ enterpriseProjectsEnabled: true });
      const plainInEpsAccount = await call(
        limitedUrl,
        "POST",
        `/v1/cloudimages/${SeedImage.ACTIVE_PRIVATE}/copy`,
        { name: "d" },
        { credentials: creds },
      );
      expect(plainInEpsAccount.status).toBe(400);
      expect(plainInEpsAccount.body.error.message).toContain(
        "Policy doesn't allow ims:serverImages:create to be performed.",
      );
    } finally {
      await limited.stop();
    }
  });

  describe("encrypted sources and KMS keys", () => {
    const copied = (name: string) => emulator.images().find((i) => i.info.name === name)!.info;

    test("a copy of an encrypted source without cmk_id is UNENCRYPTED (the documented reading)", async () => {
      expect((await copy({ name: "plain" }, SeedImage.ENCRYPTED_PRIVATE)).status).toBe(200);
      const info = copied("plain");
      expect(info.__system__cmkid).toBeUndefined();
      expect(info.__system__encrypted).toBeUndefined();
      expect(info.__originalimagename).toBe(SeedImage.ENCRYPTED_PRIVATE);
    });

    test("with encryptedSourceWithoutCmk keep-source-key the copy inherits the source's key (the UNVERIFIED alternative)", async () => {
      emulator.configure({ encryptedSourceWithoutCmk: "keep-source-key" });
      expect((await copy({ name: "kept" }, SeedImage.ENCRYPTED_PRIVATE)).status).toBe(200);
      expect(copied("kept")).toMatchObject({
        __system__encrypted: "1",
        __system__cmkid: SeedKmsKey.ENCRYPTED_IMAGE,
      });
    });

    test("a copy with another enabled key is encrypted with that key", async () => {
      const res = await copy({ name: "rekeyed", cmk_id: SeedKmsKey.ENABLED }, SeedImage.ENCRYPTED_PRIVATE);
      expect(res.status).toBe(200);
      expect(copied("rekeyed")).toMatchObject({
        __system__encrypted: "1",
        __system__cmkid: SeedKmsKey.ENABLED,
      });
    });

    test("a copy with the source's own key is refused with IMG.0096, or allowed with sameKeyCopy allowed", async () => {
      const message = await expectRefusal(
        { name: "same", cmk_id: SeedKmsKey.ENCRYPTED_IMAGE },
        400,
        "IMG.0096",
        SeedImage.ENCRYPTED_PRIVATE,
      );
      expect(message).toBe(
        `The specified KMS key ID must be different from the image key ID: ${SeedKmsKey.ENCRYPTED_IMAGE}.`,
      );
      emulator.configure({ sameKeyCopy: "allowed" });
      const res = await copy(
        { name: "same", cmk_id: SeedKmsKey.ENCRYPTED_IMAGE },
        SeedImage.ENCRYPTED_PRIVATE,
      );
      expect(res.status).toBe(200);
      expect(copied("same").__system__cmkid).toBe(SeedKmsKey.ENCRYPTED_IMAGE);
    });

    test("an encrypted source whose own key is missing or disabled is refused with IMG.0101 / IMG.0102", async () => {
      emulator.setImage(SeedImage.ENCRYPTED_PRIVATE, {
        attributes: { __system__cmkid: SeedKmsKey.DISABLED },
      });
      await expectRefusal({ name: "c" }, 400, "IMG.0102", SeedImage.ENCRYPTED_PRIVATE);
      emulator.setImage(SeedImage.ENCRYPTED_PRIVATE, {
        attributes: { __system__cmkid: "99999999-8888-4777-8666-555555555555" },
      });
      await expectRefusal({ name: "c" }, 400, "IMG.0101", SeedImage.ENCRYPTED_PRIVATE);
    });
  });

  describe("shared images", () => {
    test("an accepted shared image is copied into a private image of this project", async () => {
      const res = await copy({ name: "from-shared" }, SeedImage.SHARED_ACCEPTED);
      expect(res.status).toBe(200);
      clock.advance(61);
      const info = emulator.images().find((i) => i.info.name === "from-shared")!.info;
      expect(info).toMatchObject({
        status: "active",
        owner: emulator.projectId,
        __imagetype: "private",
        visibility: "private",
        __originalimagename: SeedImage.SHARED_ACCEPTED,
      });
      expect(info.__system__cmkid).toBeUndefined();
    });

    test("a shared image not accepted (pending or rejected) is refused with IMG.0196", async () => {
      const message = await expectRefusal({ name: "c" }, 400, "IMG.0196", SeedImage.SHARED_PENDING);
      expect(message).toBe(
        `The image cannot be replicated because it is not accepted by the recipient: ${SeedImage.SHARED_PENDING} is pending.`,
      );
      emulator.setImage(SeedImage.SHARED_PENDING, { memberStatus: "rejected" });
      await expectRefusal({ name: "c" }, 400, "IMG.0196", SeedImage.SHARED_PENDING);
      emulator.setImage(SeedImage.SHARED_PENDING, { memberStatus: "accepted" });
      expect((await copy({ name: "c" }, SeedImage.SHARED_PENDING)).status).toBe(200);
    });

    test("a shared image cannot be copied to an encrypted image (IMG.0197)", async () => {
      await expectRefusal(
        { name: "c", cmk_id: SeedKmsKey.ENABLED },
        400,
        "IMG.0197",
        SeedImage.SHARED_ACCEPTED,
      );
    });

    test("another tenant's image that is not shared with this project is refused with IMG.0106", async () => {
      const other = new ImsEmulator({
        now: clock.now,
        seed: {
          images: [
            {
              info: {
                id: "0a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d",
                name: "foreign",
                status: "active",
                owner: "ffffffffffffffffffffffffffffffff",
                __imagetype: "private",
                visibility: "private",
              },
            },
          ],
        },
      });
      const otherUrl = await other.start();
      try {
        const res = await call(
          otherUrl,
          "POST",
          `/v1/cloudimages/0a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d/copy`,
          {
            name: "c",
          },
        );
        expect(res.status).toBe(400);
        expect(res.body.error.code).toBe("IMG.0106");
      } finally {
        await other.stop();
      }
    });

    test("the list filters shared images by member_status", async () => {
      const res = await call(url, "GET", "/v2/cloudimages?visibility=shared&member_status=accepted");
      expect(res.body.images.map((i: { id: string }) => i.id)).toEqual([SeedImage.SHARED_ACCEPTED]);
    });
  });

  describe("limits", () => {
    test("the defaults follow the product limits: a quota of 50 private images and 40 concurrent copy jobs", () => {
      expect(emulator.behaviour()).toMatchObject({ imageQuota: 50, maxConcurrentCopyJobs: 40 });
    });

    test("40 copy jobs may run at once; the 41st is refused with IMG.0060", async () => {
      emulator.configure({ imageQuota: 1000 });
      for (let i = 0; i < 40; i++) expect((await copy({ name: `c${i}` })).status).toBe(200);
      const refused = await copy({ name: "c40" });
      expect(refused.status).toBe(400);
      expect(refused.body.error.message).toBe(
        "The number of tasks exceeds the flow control limit (40 concurrent copy jobs). Submit again later.",
      );
    });

    test("the 51st private image is refused with IMG.0015", async () => {
      const used = emulator.images().filter((i) => i.info.owner === emulator.projectId).length;
      for (let i = used; i < 50; i++) {
        expect((await copy({ name: `q${i}` })).status).toBe(200);
        clock.advance(61);
      }
      await copyRefusedWith("IMG.0015");
    });

    test("a source larger than 128 GiB is refused (code configurable: not published)", async () => {
      emulator.setImage(SeedImage.ACTIVE_PRIVATE, { attributes: { __image_size: String(128 * 2 ** 30) } });
      expect((await copy({ name: "exactly-128" })).status).toBe(200);
      emulator.setImage(SeedImage.ACTIVE_PRIVATE, {
        attributes: { __image_size: String(128 * 2 ** 30 + 1) },
      });
      const message = await copyRefusedWith("IMG.0105");
      expect(message).toBe(
        `The operation is not supported: image ${SeedImage.ACTIVE_PRIVATE} is 128.0 GiB; an in-region copy takes images of at most 128 GiB.`,
      );
      emulator.configure({ oversizedCopyCode: "IMG.0198", maxCopySizeGiB: 64 });
      emulator.setImage(SeedImage.ACTIVE_PRIVATE, { attributes: { __image_size: String(100 * 2 ** 30) } });
      await copyRefusedWith("IMG.0198");
    });

    test("a Windows source is refused (code configurable), or copied when windowsCopyCode is null", async () => {
      emulator.setImage(SeedImage.ACTIVE_PRIVATE, {
        attributes: { __os_type: "Windows", __platform: "Windows" },
      });
      const message = await copyRefusedWith("IMG.0105");
      expect(message).toContain("is a Windows image; this API no longer replicates Windows images.");
      emulator.configure({ windowsCopyCode: null });
      expect((await copy({ name: "win" })).status).toBe(200);
    });

    async function copyRefusedWith(code: string): Promise<string> {
      const before = emulator.jobs().length;
      const res = await copy({ name: "refused" });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe(code);
      expect(emulator.jobs()).toHaveLength(before);
      return res.body.error.message;
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
