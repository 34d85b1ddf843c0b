/**
 * The emulated API Gateway's check of `SDK-HMAC-SHA256` signatures, written from Huawei's
 * published algorithm (reference/ims-api.md §6.1) independently of the client's signer
 * (lib/runtime/signer.ts): nothing is shared, so a canonicalisation bug in one cannot make both
 * agree. test/emulator/signature.test.ts pins it to the published test vector and to the official
 * Node SDK signer. It lives in the emulator only: the runtime bundle never contains it.
 *
 * What the gateway recomputes from the request as received:
 *   canonical = METHOD \n URI \n QUERY \n "name:value\n" per signed header \n signed;names \n body-hash
 *   - URI: the request path split at "/", each segment percent-encoded again (every byte except
 *     A-Z a-z 0-9 - _ . ~, upper-case hex), a "/" appended unless it ends with one;
 *   - QUERY: the pairs of the raw query, each part percent-decoded (a "+" stays a plus), sorted by
 *     decoded key then decoded value, re-encoded as above, joined "k=v" with "&";
 *   - signed headers: the names the Authorization lists (lower case, sorted, each once: anything
 *     else is refused as malformed), each as "name:trimmed value\n";
 *   - body hash: hex SHA-256 of the received bytes, or the signed `X-Sdk-Content-Sha256` value;
 *   string to sign = "SDK-HMAC-SHA256" \n X-Sdk-Date \n hex(sha256(canonical));
 *   signature = hex(hmac-sha256(secret key, string to sign)).
 * `X-Sdk-Date` (YYYYMMDDTHHMMSSZ) must be within 15 minutes of the gateway's clock.
 */
import { createHash, createHmac, timingSafeEqual } from "crypto";

/** The gateway accepts `X-Sdk-Date` at most this far from its own clock. */
export const GATEWAY_CLOCK_WINDOW_MS = 15 * 60_000;

export interface ReceivedRequest {
  readonly method: string;
  /** The raw request target (`/path?query`) exactly as it arrived. */
  readonly target: string;
  /** Node's `IncomingMessage.headers` (lower-case names). */
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: Uint8Array;
}

export type GatewayVerdict =
  | { readonly ok: true; readonly accessKey: string; readonly securityToken?: string }
  | {
      readonly ok: false;
      readonly reason: "missing" | "malformed" | "unknown-ak" | "clock-skew" | "bad-signature";
      readonly accessKey?: string;
    };

/** Percent-encodes everything but A-Z a-z 0-9 - _ . ~ (encodeURIComponent also spares ! ' ( ) *). */
function encodeStrict(text: string): string {
  return encodeURIComponent(text).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** Percent-decodes; `+` is a literal plus. A malformed escape is kept as received. */
function decodeLenient(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text; // the signature over a malformed escape then simply does not match
  }
}

/** The query of a raw request target as decoded pairs, in order (`+` stays a plus). */
export function decodeQuery(raw: string): Array<[string, string]> {
  if (raw === "") return [];
  return raw.split("&").map((part): [string, string] => {
    const at = part.indexOf("=");
    return at === -1
      ? [decodeLenient(part), ""]
      : [decodeLenient(part.slice(0, at)), decodeLenient(part.slice(at + 1))];
  });
}

function canonicalPath(path: string): string {
  const encoded = path
    .split("/")
    .map((segment) => encodeStrict(segment))
    .join("/");
  return encoded.endsWith("/") ? encoded : `${encoded}/`;
}

function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function canonicalQueryOf(raw: string): string {
  return decodeQuery(raw)
    .sort(([ka, va], [kb, vb]) => byCodeUnits(ka, kb) || byCodeUnits(va, vb))
    .map(([k, v]) => `${encodeStrict(k)}=${encodeStrict(v)}`)
    .join("&");
}

function hex(algorithm: "sha256", data: string | Uint8Array): string {
  return createHash(algorithm).update(data).digest("hex");
}

/** `Access=…, SignedHeaders=…, Signature=…` after the algorithm name; undefined when malformed. */
function parseAuthorization(
  value: string,
): { accessKey: string; signedHeaders: string[]; signature: string } | undefined {
  const prefix = "SDK-HMAC-SHA256 ";
  const text = value.trim();
  if (!text.startsWith(prefix)) return undefined;
  const fields = new Map<string, string>();
  for (const item of text.slice(prefix.length).split(",")) {
    const at = item.indexOf("=");
    if (at === -1) return undefined;
    const name = item.slice(0, at).trim();
    if (fields.has(name)) return undefined;
    fields.set(name, item.slice(at + 1).trim());
  }
  const accessKey = fields.get("Access");
  const signed = fields.get("SignedHeaders");
  const signature = fields.get("Signature");
  if (fields.size !== 3 || !accessKey || !signed || !signature || !/^[0-9a-f]{64}$/.test(signature))
    return undefined;
  const signedHeaders = signed.split(";");
  // Lower-case, sorted, each once (as every official signer sends it); never the Authorization itself.
  const sorted = signedHeaders.every((h, i) => i === 0 || byCodeUnits(signedHeaders[i - 1], h) < 0);
  if (!sorted || signedHeaders.some((h) => h === "" || h !== h.toLowerCase() || h === "authorization"))
    return undefined;
  return { accessKey, signedHeaders, signature };
}

/** Milliseconds of a `YYYYMMDDTHHMMSSZ` date; undefined when malformed or not a real time. */
function sdkDateMs(value: string): number | undefined {
  if (!/^\d{8}T\d{6}Z$/.test(value)) return undefined;
  const n = (from: number, to: number): number => Number(value.slice(from, to));
  const [year, month, day, hour, minute, second] = [
    n(0, 4),
    n(4, 6),
    n(6, 8),
    n(9, 11),
    n(11, 13),
    n(13, 15),
  ];
  const ms = Date.UTC(year, month - 1, day, hour, minute, second);
  const back = new Date(ms);
  const real =
    back.getUTCFullYear() === year &&
    back.getUTCMonth() === month - 1 &&
    back.getUTCDate() === day &&
    back.getUTCHours() === hour &&
    back.getUTCMinutes() === minute &&
    back.getUTCSeconds() === second;
  return real ? ms : undefined;
}

/**
 * Checks a received request the way API Gateway does. `secretOf` gives the secret key of an
 * access key (undefined: unknown); `nowMs` is the gateway's clock.
 */
export function verifyGatewaySignature(
  request: ReceivedRequest,
  secretOf: (accessKey: string) => string | undefined,
  nowMs: number,
): GatewayVerdict {
  const headerValue = (name: string): string | undefined => {
    const value = request.headers[name];
    return Array.isArray(value) ? value.join(",") : value;
  };
  const authorization = headerValue("authorization");
  if (authorization === undefined || authorization === "") return { ok: false, reason: "missing" };
  const auth = parseAuthorization(authorization);
  if (!auth) return { ok: false, reason: "malformed" };
  const { accessKey } = auth;
  const secret = secretOf(accessKey);
  if (secret === undefined) return { ok: false, reason: "unknown-ak", accessKey };
  const sdkDate = headerValue("x-sdk-date");
  const signedAt = sdkDate === undefined ? undefined : sdkDateMs(sdkDate);
  if (sdkDate === undefined || signedAt === undefined) return { ok: false, reason: "malformed", accessKey };
  if (Math.abs(nowMs - signedAt) > GATEWAY_CLOCK_WINDOW_MS)
    return { ok: false, reason: "clock-skew", accessKey };
  if (!auth.signedHeaders.includes("host") || !auth.signedHeaders.includes("x-sdk-date"))
    return { ok: false, reason: "malformed", accessKey };

  let headerBlock = "";
  for (const name of auth.signedHeaders) {
    const value = headerValue(name);
    if (value === undefined) return { ok: false, reason: "bad-signature", accessKey };
    headerBlock += `${name}:${value.trim()}\n`;
  }
  const declaredHash = auth.signedHeaders.includes("x-sdk-content-sha256")
    ? headerValue("x-sdk-content-sha256")
    : undefined;
  const queryAt = request.target.indexOf("?");
  const path = queryAt === -1 ? request.target : request.target.slice(0, queryAt);
  const query = queryAt === -1 ? "" : request.target.slice(queryAt + 1);
  const canonical = [
    request.method.toUpperCase(),
    canonicalPath(path),
    canonicalQueryOf(query),
    headerBlock,
    auth.signedHeaders.join(";"),
    declaredHash || hex("sha256", request.body),
  ].join("\n");
  const toSign = `SDK-HMAC-SHA256\n${sdkDate}\n${hex("sha256", canonical)}`;
  const expected = Buffer.from(createHmac("sha256", secret).update(toSign).digest("hex"), "utf8");
  const given = Buffer.from(auth.signature, "utf8");
  if (expected.length !== given.length || !timingSafeEqual(expected, given))
    return { ok: false, reason: "bad-signature", accessKey };
  const token = headerValue("x-security-token");
  return token ? { ok: true, accessKey, securityToken: token } : { ok: true, accessKey };
}
