/**
 * The only module that touches the network: signs one request, sends it with the axios instance
 * it was given, and turns the answer into parsed JSON or an `ImsApiError`. No retries here.
 */
import type { AxiosInstance, AxiosResponse } from "axios";
import {
  connectError,
  httpError,
  networkError,
  requestAborted,
  requestTimeout,
  responseNotJson,
  responseTooLarge,
  tlsError,
} from "./errors";
import { redactHeaders, type Logger } from "./log";
import { escape, signRequest, type AkSkCredentials, type QueryPair } from "./signer";

export const JSON_CONTENT_TYPE = "application/json;charset=UTF-8";

export interface HttpRequest {
  readonly method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  /** Base URL without trailing slash. */
  readonly baseUrl: string;
  /** Wire path; build it with `path` so every variable segment is escaped. */
  readonly path: string;
  readonly query?: readonly QueryPair[];
  /** JSON body (serialized with `JSON.stringify`). */
  readonly body?: unknown;
  /** Sent (and signed) as `X-Project-Id` for project-scoped IMS calls. */
  readonly projectId?: string;
  /** Short name of the call for errors and logs, e.g. `copy image`. */
  readonly operation: string;
  /** The copy names an enterprise project (changes the 403 hint). */
  readonly enterpriseProject?: boolean;
  readonly signal?: AbortSignal;
}

export interface HttpResponse {
  readonly status: number;
  /** Parsed JSON; undefined for an empty body. */
  readonly data: unknown;
  readonly requestId?: string;
}

export interface TransportOptions {
  readonly credentials: AkSkCredentials;
  readonly requestTimeoutMs: number;
  readonly maxResponseBytes: number;
  readonly logger: Logger;
  /** Clock used for `X-Sdk-Date`. */
  readonly signingClock: () => number;
}

/** Tagged template that escapes every interpolated value as one path segment. */
export function path(strings: TemplateStringsArray, ...values: string[]): string {
  return strings.reduce((out, s, i) => out + s + (i < values.length ? escape(values[i]) : ""), "");
}

export function queryString(query: readonly QueryPair[] | undefined): string {
  if (!query || query.length === 0) return "";
  return "?" + query.map(([k, v]) => `${escape(k)}=${escape(v)}`).join("&");
}

const CONNECT_CODES = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH"]);
/** Node's (OpenSSL's) certificate verification failures: the handshake failed before anything was sent. */
const TLS_CODES = new Set([
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "UNABLE_TO_GET_ISSUER_CERT",
  "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
  "SELF_SIGNED_CERT_IN_CHAIN",
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "CERT_HAS_EXPIRED",
  "CERT_NOT_YET_VALID",
  "CERT_UNTRUSTED",
  "CERT_REJECTED",
  "CERT_REVOKED",
  "CERT_SIGNATURE_FAILURE",
  "ERR_TLS_CERT_ALTNAME_INVALID",
]);

function header(res: AxiosResponse, name: string): string | undefined {
  const v: unknown = res.headers?.[name];
  return typeof v === "string" && v !== "" ? v : undefined;
}

export class HttpTransport {
  // ES private fields: inspecting or serializing a transport (or a client) never shows the credentials.
  readonly #axios: AxiosInstance;
  readonly #options: TransportOptions;

  constructor(axios: AxiosInstance, options: TransportOptions) {
    this.#axios = axios;
    this.#options = options;
  }

  async send(req: HttpRequest): Promise<HttpResponse> {
    const url = new URL(req.baseUrl + req.path + queryString(req.query));
    const bodyText = req.body === undefined ? undefined : JSON.stringify(req.body);
    const toSign: Record<string, string> = {};
    if (bodyText !== undefined) toSign["Content-Type"] = JSON_CONTENT_TYPE;
    if (req.projectId) toSign["X-Project-Id"] = req.projectId;
    const { headers } = signRequest(
      {
        method: req.method,
        host: url.host,
        path: url.pathname,
        query: req.query,
        headers: toSign,
        body: bodyText,
      },
      this.#options.credentials,
      new Date(this.#options.signingClock()),
    );
    const target = `${req.method} ${url.origin}${url.pathname}`;
    const log = this.#options.logger;
    log.debug(
      `-> ${req.method} ${url.href} ${JSON.stringify(redactHeaders(headers))}${bodyText !== undefined ? " " + bodyText : ""}`,
    );

    // One signal for both the caller's abort and the whole-request timeout (axios' own `timeout`
    // only covers socket inactivity, not a response that trickles in).
    const timeout = new AbortController();
    const combined = new AbortController();
    const abort = (): void => combined.abort();
    timeout.signal.addEventListener("abort", abort, { once: true });
    req.signal?.addEventListener("abort", abort, { once: true });
    if (req.signal?.aborted) combined.abort();
    const timer = setTimeout(() => timeout.abort(), this.#options.requestTimeoutMs);
    const signal = combined.signal;
    const started = Date.now();
    let res: AxiosResponse<ArrayBuffer>;
    try {
      res = await this.#axios.request<ArrayBuffer>({
        method: req.method,
        url: url.href,
        headers: { Accept: "application/json", ...headers },
        data: bodyText,
        signal,
        timeout: this.#options.requestTimeoutMs,
        maxContentLength: this.#options.maxResponseBytes,
        maxRedirects: 0,
        responseType: "arraybuffer",
        transformRequest: [(d: unknown) => d],
        transformResponse: [(d: unknown) => d],
        validateStatus: () => true,
      });
    } catch (error) {
      const e = error as { code?: string; message?: string };
      log.debug(`<- ${target} failed after ${Date.now() - started} ms: ${e.code ?? ""} ${e.message ?? ""}`);
      if (req.signal?.aborted) throw requestAborted(req.operation);
      if (timeout.signal.aborted || e.code === "ECONNABORTED" || e.code === "ETIMEDOUT")
        throw requestTimeout(req.operation, target, this.#options.requestTimeoutMs);
      if (typeof e.message === "string" && e.message.includes("maxContentLength"))
        throw responseTooLarge(req.operation, undefined, this.#options.maxResponseBytes);
      if (e.code && CONNECT_CODES.has(e.code)) throw connectError(req.operation, url.origin, e.code);
      if (e.code && TLS_CODES.has(e.code)) throw tlsError(req.operation, url.origin, e.code);
      throw networkError(req.operation, url.origin, e.code);
    } finally {
      clearTimeout(timer);
      req.signal?.removeEventListener("abort", abort);
    }

    const requestIdHeader = header(res, "x-request-id");
    const raw = Buffer.from(res.data ?? new ArrayBuffer(0));
    log.debug(
      `<- ${target} ${res.status} in ${Date.now() - started} ms${requestIdHeader ? ` request ${requestIdHeader}` : ""} ${raw.subarray(0, 2000).toString("utf8")}`,
    );
    if (raw.length > this.#options.maxResponseBytes)
      throw responseTooLarge(req.operation, res.status, this.#options.maxResponseBytes);
    const text = raw.toString("utf8");
    let data: unknown = undefined;
    let parsed = true;
    if (text.trim() !== "") {
      try {
        data = JSON.parse(text);
      } catch (parseError) {
        log.debug(`   body is not JSON: ${(parseError as Error).message}`);
        parsed = false;
      }
    }
    const bodyRequestId =
      typeof data === "object" &&
      data !== null &&
      typeof (data as { request_id?: unknown }).request_id === "string"
        ? (data as { request_id: string }).request_id
        : undefined;
    const requestId = requestIdHeader ?? bodyRequestId;
    if (res.status < 200 || res.status >= 300) {
      throw httpError(req.operation, res.status, parsed ? data : undefined, requestId, {
        enterpriseProject: req.enterpriseProject,
        retryAfter: header(res, "retry-after"),
      });
    }
    if (!parsed) throw responseNotJson(req.operation, res.status, requestId, text.slice(0, 40));
    return { status: res.status, data, requestId };
  }
}
