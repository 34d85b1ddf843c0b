/**
 * The `SDK-HMAC-SHA256` request signer of Huawei Cloud API Gateway, and its verifier (used by
 * the emulator). Pure functions over strings and bytes: no I/O, no clock (the caller passes the
 * date), so the published test vector and the differential test pin it exactly.
 *
 * Algorithm (reference/ims-api.md §6.1):
 *   CanonicalRequest = METHOD \n CanonicalURI \n CanonicalQuery \n CanonicalHeaders \n SignedHeaders \n hex(sha256(body))
 *   StringToSign     = "SDK-HMAC-SHA256" \n X-Sdk-Date \n hex(sha256(CanonicalRequest))
 *   Signature        = hex(hmac-sha256(SK, StringToSign))
 *
 * Paths: the signer takes the path *as sent on the wire* and escapes each segment once more,
 * exactly as the official Node SDK does with the pathname it gets from the request URL. Our
 * client only ever puts unreserved characters and percent escapes in a path, so for it this is
 * the documented "escape each segment" rule.
 */
import { createHash, createHmac, timingSafeEqual } from "crypto";

export const SIGNING_ALGORITHM = "SDK-HMAC-SHA256";
export const EMPTY_BODY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
/** Largest clock difference between client and gateway that the gateway accepts. */
export const MAX_CLOCK_SKEW_MS = 15 * 60 * 1000;

export interface AkSkCredentials {
  readonly accessKey: string;
  readonly secretKey: string;
  /** Present for temporary credentials; sent (and signed) as `X-Security-Token`. */
  readonly securityToken?: string;
}

/** One query parameter, decoded. Repeated keys are repeated entries. */
export type QueryPair = readonly [key: string, value: string];

export interface RequestToSign {
  readonly method: string;
  /** Host (and port, when not the scheme default) as in the `Host` header. */
  readonly host: string;
  /** Path as sent on the wire, for example `/v1/cloudimages/abc/copy`. */
  readonly path: string;
  /** Decoded query parameters. */
  readonly query?: readonly QueryPair[];
  /** Headers to send and sign, besides `host` and `x-sdk-date` which the signer adds. */
  readonly headers?: Readonly<Record<string, string>>;
  /** Exact body bytes (or UTF-8 string); absent for no body. */
  readonly body?: string | Uint8Array;
}

const UNRESERVED = /[A-Za-z0-9\-_.~]/;

/** Percent-encodes every byte of the UTF-8 form except the unreserved set `A-Z a-z 0-9 - _ . ~`. */
export function escape(value: string): string {
  let out = "";
  for (const ch of value) {
    if (ch.length === 1 && UNRESERVED.test(ch)) {
      out += ch;
      continue;
    }
    for (const byte of Buffer.from(ch, "utf8")) {
      out += "%" + byte.toString(16).toUpperCase().padStart(2, "0");
    }
  }
  return out;
}

export function sha256Hex(data: string | Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}

/** `20191115T033655Z` for the given instant. */
export function formatSdkDate(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
}

/** Parses `YYYYMMDDTHHMMSSZ`; undefined when malformed. */
export function parseSdkDate(value: string): Date | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!m) return undefined;
  const ms = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]);
  return Number.isNaN(ms) ? undefined : new Date(ms);
}

export function canonicalUri(path: string): string {
  const escaped = path.split("/").map(escape).join("/");
  return escaped.endsWith("/") ? escaped : escaped + "/";
}

/** Keys sorted by UTF-16 code unit; values of a repeated key sorted the same way. */
export function canonicalQuery(query: readonly QueryPair[] = []): string {
  const byKey = new Map<string, string[]>();
  for (const [key, value] of query) {
    const values = byKey.get(key);
    if (values) values.push(value);
    else byKey.set(key, [value]);
  }
  const parts: string[] = [];
  for (const key of [...byKey.keys()].sort()) {
    for (const value of byKey.get(key)!.sort()) parts.push(`${escape(key)}=${escape(value)}`);
  }
  return parts.join("&");
}

function lowerCaseHeaders(headers: Readonly<Record<string, string>>): Map<string, string> {
  const out = new Map<string, string>();
  for (const [name, value] of Object.entries(headers)) out.set(name.toLowerCase(), value);
  return out;
}

export function canonicalRequest(
  method: string,
  path: string,
  query: readonly QueryPair[] | undefined,
  headers: ReadonlyMap<string, string>,
  signedHeaders: readonly string[],
  bodyHash: string,
): string {
  const headerBlock = signedHeaders.map((name) => `${name}:${(headers.get(name) ?? "").trim()}\n`).join("");
  return [
    method.toUpperCase(),
    canonicalUri(path),
    canonicalQuery(query),
    headerBlock,
    signedHeaders.join(";"),
    bodyHash,
  ].join("\n");
}

export function stringToSign(sdkDate: string, canonical: string): string {
  return `${SIGNING_ALGORITHM}\n${sdkDate}\n${sha256Hex(canonical)}`;
}

function bodyHashOf(headers: ReadonlyMap<string, string>, body: string | Uint8Array | undefined): string {
  const declared = headers.get("x-sdk-content-sha256");
  if (declared) return declared;
  return body === undefined || body.length === 0 ? EMPTY_BODY_SHA256 : sha256Hex(body);
}

export interface SignedHeaders {
  /** Every header to send, including `X-Sdk-Date`, `Authorization` and, when set, `X-Security-Token`. */
  readonly headers: Record<string, string>;
  readonly signedHeaderNames: readonly string[];
}

/**
 * Signs a request. Every header passed in, plus `host`, `x-sdk-date` and `x-security-token`,
 * is signed (as the official Node SDK does).
 */
export function signRequest(request: RequestToSign, credentials: AkSkCredentials, date: Date): SignedHeaders {
  const sdkDate = formatSdkDate(date);
  const outgoing: Record<string, string> = { ...(request.headers ?? {}), "X-Sdk-Date": sdkDate };
  if (credentials.securityToken) outgoing["X-Security-Token"] = credentials.securityToken;
  const lower = lowerCaseHeaders(outgoing);
  lower.set("host", request.host);
  const signedHeaderNames = [...lower.keys()].sort();
  const canonical = canonicalRequest(
    request.method,
    request.path,
    request.query,
    lower,
    signedHeaderNames,
    bodyHashOf(lower, request.body),
  );
  const signature = createHmac("sha256", credentials.secretKey)
    .update(stringToSign(sdkDate, canonical))
    .digest("hex");
  outgoing.Authorization = `${SIGNING_ALGORITHM} Access=${credentials.accessKey}, SignedHeaders=${signedHeaderNames.join(";")}, Signature=${signature}`;
  return { headers: outgoing, signedHeaderNames };
}

/** Splits a raw query string (without `?`) into decoded pairs. `+` is a literal plus, as in the signer. */
export function parseQueryString(raw: string): QueryPair[] {
  if (raw === "") return [];
  return raw.split("&").map((part) => {
    const eq = part.indexOf("=");
    const key = eq < 0 ? part : part.slice(0, eq);
    const value = eq < 0 ? "" : part.slice(eq + 1);
    return [safeDecode(key), safeDecode(value)] as const;
  });
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value; // a malformed escape is signed as sent; verification will then fail cleanly
  }
}

export interface IncomingToVerify {
  readonly method: string;
  /** The raw request target, `path?query`, as received. */
  readonly url: string;
  /** Header names in lower case (as Node's `IncomingMessage.headers`). */
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: Uint8Array;
}

export type VerifyResult =
  | { readonly ok: true; readonly accessKey: string; readonly securityToken?: string }
  | {
      readonly ok: false;
      readonly reason: "missing" | "malformed" | "unknown-ak" | "clock-skew" | "bad-signature";
      readonly accessKey?: string;
    };

/**
 * Verifies an incoming request the way the gateway does: recomputes the signature over the
 * headers the client says it signed, and checks `X-Sdk-Date` against `now`.
 */
export function verifyRequest(
  incoming: IncomingToVerify,
  secretFor: (accessKey: string) => string | undefined,
  now: Date,
): VerifyResult {
  const header = (name: string): string | undefined => {
    const v = incoming.headers[name];
    return Array.isArray(v) ? v.join(",") : v;
  };
  const authorization = header("authorization");
  if (!authorization) return { ok: false, reason: "missing" };
  const m =
    /^SDK-HMAC-SHA256\s+Access=([^,\s]+),\s*SignedHeaders=([^,\s]+),\s*Signature=([0-9a-f]{64})$/.exec(
      authorization.trim(),
    );
  if (!m) return { ok: false, reason: "malformed" };
  const [, accessKey, signedList, signature] = m;
  const secret = secretFor(accessKey);
  if (secret === undefined) return { ok: false, reason: "unknown-ak", accessKey };
  const sdkDate = header("x-sdk-date");
  const date = sdkDate ? parseSdkDate(sdkDate) : undefined;
  if (!sdkDate || !date) return { ok: false, reason: "malformed", accessKey };
  if (Math.abs(now.getTime() - date.getTime()) > MAX_CLOCK_SKEW_MS)
    return { ok: false, reason: "clock-skew", accessKey };
  const signedHeaderNames = signedList.split(";");
  if (!signedHeaderNames.includes("host") || !signedHeaderNames.includes("x-sdk-date"))
    return { ok: false, reason: "malformed", accessKey };
  const headers = new Map<string, string>();
  for (const name of signedHeaderNames) {
    const v = header(name);
    if (v === undefined) return { ok: false, reason: "bad-signature", accessKey };
    headers.set(name, v);
  }
  const q = incoming.url.indexOf("?");
  const path = q < 0 ? incoming.url : incoming.url.slice(0, q);
  const query = q < 0 ? [] : parseQueryString(incoming.url.slice(q + 1));
  const canonical = canonicalRequest(
    incoming.method,
    path,
    query,
    headers,
    signedHeaderNames,
    bodyHashOf(headers, incoming.body),
  );
  const expected = createHmac("sha256", secret).update(stringToSign(sdkDate, canonical)).digest("hex");
  const ok = timingSafeEqual(Buffer.from(expected), Buffer.from(signature));
  if (!ok) return { ok: false, reason: "bad-signature", accessKey };
  const token = header("x-security-token");
  return token ? { ok: true, accessKey, securityToken: token } : { ok: true, accessKey };
}
