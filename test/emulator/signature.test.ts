/**
 * The emulator's own SDK-HMAC-SHA256 verifier (lib/emulator/signature.ts), checked without the
 * client's signer: against Huawei's published test vector, the IMS vectors of the reference
 * notes, and requests signed by the official Node SDK (`AKSKSigner.sign`).
 */
import { AKSKSigner } from "@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner";
import type { ICredential } from "@huaweicloud/huaweicloud-sdk-core/auth/ICredential";
import type { IHttpRequest } from "@huaweicloud/huaweicloud-sdk-core/http/IHttpRequest";
import * as fc from "fast-check";
import { decodeQuery, verifyGatewaySignature, type ReceivedRequest } from "../../lib/emulator/signature";

const AK = "QTWAOYTTINDUT2QVKYUC";
const SK = "MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc";
const VECTOR_MS = Date.UTC(2019, 10, 15, 3, 36, 55);
const secretOf = (ak: string): string | undefined => (ak === AK ? SK : undefined);

function received(
  method: string,
  target: string,
  headers: Record<string, string>,
  body = "",
): ReceivedRequest {
  const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  return { method, target, headers: lower, body: Buffer.from(body, "utf8") };
}

describe("the published vectors (reference/ims-api.md §6.1)", () => {
  const published = received(
    "GET",
    "/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs?limit=2&marker=13551d6b-755d-4757-b956-536f674975c0",
    {
      "Content-Type": "application/json",
      Host: "service.region.example.com",
      "X-Sdk-Date": "20191115T033655Z",
      Authorization:
        "SDK-HMAC-SHA256 Access=QTWAOYTTINDUT2QVKYUC, SignedHeaders=content-type;host;x-sdk-date, Signature=7be6668032f70418fcc22abc52071e57aff61b84a1d2381bb430d6870f4f6ebe",
    },
  );

  test("the published GET request verifies with the published secret key", () => {
    expect(verifyGatewaySignature(published, secretOf, VECTOR_MS)).toEqual({ ok: true, accessKey: AK });
  });

  test("the published request fails with another secret key, another query value or another header value", () => {
    expect(verifyGatewaySignature(published, () => SK.replace("M", "N"), VECTOR_MS)).toMatchObject({
      ok: false,
      reason: "bad-signature",
    });
    const otherQuery = { ...published, target: published.target.replace("limit=2", "limit=3") };
    expect(verifyGatewaySignature(otherQuery, secretOf, VECTOR_MS)).toMatchObject({
      reason: "bad-signature",
    });
    const otherHeader = { ...published, headers: { ...published.headers, "content-type": "text/plain" } };
    expect(verifyGatewaySignature(otherHeader, secretOf, VECTOR_MS)).toMatchObject({
      reason: "bad-signature",
    });
  });

  test("query pairs in another order and another (equivalent) encoding still verify", () => {
    const reordered = {
      ...published,
      target:
        "/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs?marker=13551d6b%2D755d-4757-b956-536f674975c0&limit=%32",
    };
    expect(verifyGatewaySignature(reordered, secretOf, VECTOR_MS)).toEqual({ ok: true, accessKey: AK });
  });

  test("the IMS copy vector (body, X-Project-Id) verifies, and fails when one body byte changes", () => {
    const body =
      '{"name":"ims_encrypted_copy3","description":"test copy","cmk_id":"bd66288c-9081-460a-8227-4cbd0c814cb4"}';
    const copy = received(
      "POST",
      "/v1/cloudimages/465076de-dc36-4aec-80f5-ef9d8009428f/copy",
      {
        "content-type": "application/json",
        host: "ims.cn-north-4.myhuaweicloud.com",
        "x-project-id": "77b6a44cba5143ab91d13ab9a8ff44fd",
        "x-sdk-date": "20191115T033655Z",
        authorization:
          "SDK-HMAC-SHA256 Access=QTWAOYTTINDUT2QVKYUC, SignedHeaders=content-type;host;x-project-id;x-sdk-date, Signature=907d1cf2e4935f8720abff95d06391aea3bfcdbe1f95cbe778655f1184762359",
      },
      body,
    );
    expect(verifyGatewaySignature(copy, secretOf, VECTOR_MS)).toEqual({ ok: true, accessKey: AK });
    const changed = { ...copy, body: Buffer.from(body.replace("copy3", "copy4"), "utf8") };
    expect(verifyGatewaySignature(changed, secretOf, VECTOR_MS)).toMatchObject({ reason: "bad-signature" });
  });

  test("the IMS show-job vector verifies, 15 minutes off still verifies, 15 minutes and 1 s off is clock skew", () => {
    const job = received(
      "GET",
      "/v1/77b6a44cba5143ab91d13ab9a8ff44fd/jobs/ff8080814dbd65d7014dbe0d84db0013",
      {
        host: "ims.cn-north-4.myhuaweicloud.com",
        "x-sdk-date": "20191115T033655Z",
        authorization:
          "SDK-HMAC-SHA256 Access=QTWAOYTTINDUT2QVKYUC, SignedHeaders=host;x-sdk-date, Signature=83c6037fdfc33f89517194f9c2ab639aa4f714ab278997f606714860957b63a7",
      },
    );
    expect(verifyGatewaySignature(job, secretOf, VECTOR_MS + 15 * 60_000)).toEqual({
      ok: true,
      accessKey: AK,
    });
    expect(verifyGatewaySignature(job, secretOf, VECTOR_MS - 15 * 60_000 - 1000)).toEqual({
      ok: false,
      reason: "clock-skew",
      accessKey: AK,
    });
  });
});

describe("requests the verifier refuses before computing anything", () => {
  const base = {
    host: "h.example.com",
    "x-sdk-date": "20191115T033655Z",
  };
  const sig = "0".repeat(64);
  const auth = (fields: string): Record<string, string> => ({ authorization: `SDK-HMAC-SHA256 ${fields}` });
  const good = `SignedHeaders=host;x-sdk-date, Signature=${sig}`;
  test.each([
    ["no Authorization", "missing", {}],
    ["another algorithm", "malformed", { authorization: `SDK-HMAC-SHA512 Access=${AK}, ${good}` }],
    ["a field missing", "malformed", auth(`Access=${AK}, Signature=${sig}`)],
    ["a field twice", "malformed", auth(`Access=${AK}, Access=${AK}, ${good}`)],
    ["a short signature", "malformed", auth(`Access=${AK}, SignedHeaders=host;x-sdk-date, Signature=abc`)],
    [
      "unsorted signed headers",
      "malformed",
      auth(`Access=${AK}, SignedHeaders=x-sdk-date;host, Signature=${sig}`),
    ],
    ["host not signed", "malformed", auth(`Access=${AK}, SignedHeaders=x-sdk-date, Signature=${sig}`)],
    ["an unknown access key", "unknown-ak", auth(`Access=NOPE, ${good}`)],
    [
      "a date that does not exist",
      "malformed",
      { "x-sdk-date": "20190231T033655Z", ...auth(`Access=${AK}, ${good}`) },
    ],
    [
      "a signed header that was not sent",
      "bad-signature",
      auth(`Access=${AK}, SignedHeaders=host;x-project-id;x-sdk-date, Signature=${sig}`),
    ],
  ])("%s is refused as %s", (_what, reason, headers) => {
    const request = received("GET", "/v1/x", { ...base, ...headers });
    expect(verifyGatewaySignature(request, secretOf, VECTOR_MS)).toMatchObject({ ok: false, reason });
  });
});

test("the query decoder keeps a plus literal and a malformed escape as received", () => {
  expect(decodeQuery("a=1+2&b=%E4%B8%AD&c&d=%zz")).toEqual([
    ["a", "1+2"],
    ["b", "中"],
    ["c", ""],
    ["d", "%zz"],
  ]);
});

/** Signs with the official Node SDK and returns the headers it would send (plus Host). */
function officialSign(input: {
  method: string;
  host: string;
  wirePath: string;
  query: ReadonlyArray<readonly [string, string]>;
  headers: Record<string, string>;
  body?: Record<string, unknown>;
  sdkDate: string;
  ak: string;
  sk: string;
}): Record<string, string> {
  const queryParams: Record<string, string | string[]> = {};
  for (const [k, v] of input.query) {
    const prev = queryParams[k];
    queryParams[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  const request = {
    endpoint: `https://${input.host}${input.wirePath}`,
    method: input.method,
    headers: { ...input.headers, "X-Sdk-Date": input.sdkDate },
    queryParams,
    data: input.body,
  } as unknown as IHttpRequest;
  const credential = { getAk: () => input.ak, getSk: () => input.sk } as unknown as ICredential;
  return AKSKSigner.sign(request, credential) as Record<string, string>;
}

/*
 * Wire paths hold only what HTTP clients send unchanged: unreserved characters, sub-delimiters,
 * ':' and '@' raw, and percent escapes (encodeURIComponent of spaces, '/', unicode ...). No raw
 * "'": the official signer's legacy url.parse escapes it before signing, a wire client does not.
 */
const RAW_CHARS = [..."abcXYZ019-_.~!$&()*+,;=:@"];
const ESCAPED_CHARS = [...'abc /?#%"<>{}|\\^`[]', "é", "中", "😀"];
const segment = fc.oneof(
  fc.array(fc.constantFrom(...RAW_CHARS), { minLength: 1, maxLength: 8 }).map((a) => a.join("")),
  fc
    .array(fc.constantFrom(...ESCAPED_CHARS), { minLength: 1, maxLength: 6 })
    .map((a) => encodeURIComponent(a.join(""))),
);
const text = fc
  .array(fc.constantFrom(...RAW_CHARS, ...ESCAPED_CHARS), { maxLength: 8 })
  .map((a) => a.join(""));
const headerValue = fc
  .array(fc.constantFrom(..."abcdefXYZ0123456789-_.=+/"), { minLength: 1, maxLength: 30 })
  .map((a) => a.join(""));
const SIGNED_AT = Date.UTC(2026, 10, 22, 12, 0, 0);

const requestArb = fc.record({
  method: fc.constantFrom("GET", "POST", "PATCH", "DELETE"),
  host: fc.constantFrom("ims.cn-north-4.myhuaweicloud.com", "127.0.0.1:43125"),
  segments: fc.array(segment, { minLength: 1, maxLength: 5 }),
  trailingSlash: fc.boolean(),
  query: fc.array(fc.tuple(fc.constantFrom("id", "name", "marker", "a b", "ключ", ""), text), {
    maxLength: 5,
  }),
  body: fc.option(fc.dictionary(fc.string({ maxLength: 6 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }), {
    nil: undefined,
  }),
  projectId: fc.option(headerValue, { nil: undefined }),
  token: fc.option(headerValue, { nil: undefined }),
  ak: headerValue,
  sk: headerValue,
  mutation: fc.constantFrom("none", "body", "method", "path", "query", "header", "secret", "date"),
});

describe("differential test against the official signer (@huaweicloud/huaweicloud-sdk-core AKSKSigner.sign)", () => {
  test("300 seeded random requests signed by the SDK verify as sent, and fail after any one change", () => {
    const seen = new Map<string, number>();
    fc.assert(
      fc.property(requestArb, (r) => {
        const wirePath = "/" + r.segments.join("/") + (r.trailingSlash ? "/" : "");
        // The query goes on the wire encoded differently from the canonical form (encodeURIComponent).
        const wireQuery = r.query
          .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
          .join("&");
        const hasBody = r.body !== undefined && r.method !== "GET" && r.method !== "DELETE";
        const headers: Record<string, string> = {};
        if (hasBody) headers["Content-Type"] = "application/json;charset=UTF-8";
        if (r.projectId) headers["X-Project-Id"] = r.projectId;
        if (r.token) headers["X-Security-Token"] = r.token;
        const sent = officialSign({
          method: r.method,
          host: r.host,
          wirePath,
          query: r.query,
          headers,
          body: hasBody ? r.body : undefined,
          sdkDate: "20261122T120000Z",
          ak: r.ak,
          sk: r.sk,
        });
        const request = received(
          r.method,
          wirePath + (wireQuery ? `?${wireQuery}` : ""),
          sent,
          hasBody ? JSON.stringify(r.body) : "",
        );
        const secret = (ak: string): string | undefined => (ak === r.ak ? r.sk : undefined);
        const ok = r.token
          ? { ok: true, accessKey: r.ak, securityToken: r.token }
          : { ok: true, accessKey: r.ak };
        expect(verifyGatewaySignature(request, secret, SIGNED_AT)).toEqual(ok);

        let changed: ReceivedRequest = request;
        let expected = "bad-signature";
        switch (r.mutation) {
          case "none":
            return;
          case "body":
            changed = { ...request, body: Buffer.concat([request.body, Buffer.from(" ")]) };
            break;
          case "method":
            changed = { ...request, method: r.method === "GET" ? "HEAD" : "GET" };
            break;
          case "path":
            changed = { ...request, target: `/x${request.target}` };
            break;
          case "query":
            changed = { ...request, target: `${wirePath}?${wireQuery ? `${wireQuery}&` : ""}extra=1` };
            break;
          case "header":
            changed = { ...request, headers: { ...request.headers, host: "other.example.com" } };
            break;
          case "secret":
            changed = request;
            break;
          case "date":
            expected = "clock-skew";
            break;
        }
        seen.set(r.mutation, (seen.get(r.mutation) ?? 0) + 1);
        const verdict =
          r.mutation === "secret"
            ? verifyGatewaySignature(changed, () => `${r.sk}x`, SIGNED_AT)
            : verifyGatewaySignature(
                changed,
                secret,
                r.mutation === "date" ? SIGNED_AT + 16 * 60_000 : SIGNED_AT,
              );
        expect(verdict).toMatchObject({ ok: false, reason: expected });
      }),
      { seed: 20261215, numRuns: 300 },
    );
    // every kind of change was really tried
    for (const what of ["body", "method", "path", "query", "header", "secret", "date"])
      expect([what, (seen.get(what) ?? 0) >= 10]).toEqual([what, true]);
  });
});
