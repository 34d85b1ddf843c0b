import {
  EMULATOR_ACCESS_KEY,
  EMULATOR_TEMPORARY_ACCESS_KEY,
  EMULATOR_TEMPORARY_SECRET_KEY,
  EMULATOR_TEMPORARY_SECURITY_TOKEN,
} from "../../lib/emulator/defaults";
import type { ImsEmulator } from "../../lib/emulator";
import { admin, call, startEmulator } from "./helpers";

describe("the emulated gateway's authentication", () => {
  let emulator: ImsEmulator;
  let url: string;

  beforeEach(async () => {
    ({ emulator, url } = await startEmulator());
  });
  afterEach(async () => {
    await emulator.stop();
  });

  function expectGateway401(
    res: { status: number; body: Record<string, unknown>; headers: Headers },
    message: string,
  ): void {
    expect(res.status).toBe(401);
    expect(res.body).toEqual({
      error_code: "APIGW.0301",
      error_msg: message,
      request_id: res.headers.get("x-request-id"),
    });
  }

  test("a request without Authorization is refused with 401 APIGW.0301", async () => {
    const res = await call(url, "GET", "/v2/cloudimages", undefined, { unsigned: true });
    expectGateway401(
      res,
      "Incorrect IAM authentication information: Authorization header is missing; sign the request with SDK-HMAC-SHA256",
    );
  });

  test("a wrong signature is refused", async () => {
    const res = await call(url, "GET", "/v2/cloudimages", undefined, {
      tamper: (h) => {
        h.Authorization = h.Authorization.replace(/Signature=[0-9a-f]{64}/, `Signature=${"0".repeat(64)}`);
      },
    });
    expectGateway401(res, "Incorrect IAM authentication information: verify aksk signature fail");
  });

  test("a body changed after signing is refused", async () => {
    const res = await call(
      url,
      "POST",
      "/v1/cloudimages/x/copy",
      { name: "a" },
      { sentBody: JSON.stringify({ name: "b" }) },
    );
    expectGateway401(res, "Incorrect IAM authentication information: verify aksk signature fail");
  });

  test("an unknown access key is refused without echoing the whole key", async () => {
    const res = await call(url, "GET", "/v2/cloudimages", undefined, {
      credentials: { accessKey: "NOSUCHKEY12345678901", secretKey: "s" },
    });
    expectGateway401(
      res,
      "Incorrect IAM authentication information: Get secretKey failed,ak:NOSU****,err:ak not exist",
    );
    expect(JSON.stringify(res.body)).not.toContain("NOSUCHKEY12345678901");
  });

  test("a signing date more than 15 minutes off is refused, and 14 minutes is accepted", async () => {
    const skewed = await call(url, "GET", "/v2/cloudimages", undefined, {
      date: new Date(Date.now() - 16 * 60 * 1000),
    });
    expectGateway401(
      skewed,
      "Incorrect IAM authentication information: X-Sdk-Date is more than 15 minutes away from the server time; check the client clock",
    );
    const close = await call(url, "GET", "/v2/cloudimages", undefined, {
      date: new Date(Date.now() + 14 * 60 * 1000),
    });
    expect(close.status).toBe(200);
  });

  test("temporary credentials need their X-Security-Token", async () => {
    const creds = { accessKey: EMULATOR_TEMPORARY_ACCESS_KEY, secretKey: EMULATOR_TEMPORARY_SECRET_KEY };
    const missing = await call(url, "GET", "/v2/cloudimages", undefined, { credentials: creds });
    expectGateway401(
      missing,
      "Incorrect IAM authentication information: X-Security-Token is required for temporary credentials",
    );
    const wrong = await call(url, "GET", "/v2/cloudimages", undefined, {
      credentials: { ...creds, securityToken: "forged" },
    });
    expectGateway401(wrong, "Incorrect IAM authentication information: decrypt token fail");
    const ok = await call(url, "GET", "/v2/cloudimages", undefined, {
      credentials: { ...creds, securityToken: EMULATOR_TEMPORARY_SECURITY_TOKEN },
    });
    expect(ok.status).toBe(200);
  });

  test("with akLockAfterFailures set, an access key is locked after more failures than allowed, even for a good signature", async () => {
    emulator.configure({ akLockAfterFailures: 2, akLockSeconds: 300 });
    const bad = {
      tamper: (h: Record<string, string>) =>
        void (h.Authorization = h.Authorization.replace(
          /Signature=[0-9a-f]{64}/,
          `Signature=${"0".repeat(64)}`,
        )),
    };
    for (let n = 0; n < 3; n++)
      expect((await call(url, "GET", "/v2/cloudimages", undefined, bad)).status).toBe(401);
    const locked = await call(url, "GET", "/v2/cloudimages");
    expectGateway401(
      locked,
      "Incorrect IAM authentication information: AK access failed to reach the limit,forbidden.",
    );
  });

  test("by default failures never lock the access key", async () => {
    const bad = {
      tamper: (h: Record<string, string>) =>
        void (h.Authorization = h.Authorization.replace(
          /Signature=[0-9a-f]{64}/,
          `Signature=${"0".repeat(64)}`,
        )),
    };
    for (let n = 0; n < 8; n++) await call(url, "GET", "/v2/cloudimages", undefined, bad);
    expect((await call(url, "GET", "/v2/cloudimages")).status).toBe(200);
  });

  test("an unknown API answers 404 APIGW.0101 with a request ID", async () => {
    const res = await call(url, "GET", "/v2/nothing-here");
    expect(res.status).toBe(404);
    expect(res.body.error_code).toBe("APIGW.0101");
    expect(res.body.request_id).toBe(res.headers.get("x-request-id"));
  });

  test("the request log records method, path, status and a masked key, never the Authorization header", async () => {
    await call(url, "GET", "/v2/cloudimages?limit=1");
    await call(url, "GET", "/v2/cloudimages", undefined, { unsigned: true });
    const log = (await admin(url, "GET", "/_emulator/requests")).body.requests;
    expect(log).toEqual([
      expect.objectContaining({
        method: "GET",
        path: "/v2/cloudimages",
        query: "limit=1",
        status: 200,
        accessKey: "EMUL****",
      }),
      expect.objectContaining({ method: "GET", path: "/v2/cloudimages", query: "", status: 401 }),
    ]);
    const text = JSON.stringify(log);
    expect(text).not.toContain("Signature=");
    expect(text).not.toContain(EMULATOR_ACCESS_KEY);
    expect(emulator.requests()).toHaveLength(2);
  });
});
