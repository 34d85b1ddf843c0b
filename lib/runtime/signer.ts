/**
 * The `SDK-HMAC-SHA256` request signer of Huawei Cloud API Gateway. Pure functions over strings
 * and bytes: no I/O, no clock (the caller passes the date), so the published test vector and the
 * differential test pin it exactly. The emulator checks signatures with its own, independent
 * implementation (lib/emulator/signature.ts), never with this file.
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
import { createHash, createHmac } from "crypto";

export const SIGNING_ALGORITHM = "SDK-HMAC-SHA256";
export const EMPTY_BODY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

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
