/**
 * The HTTP layer (node:http, no framework): reads the request, applies fault rules, verifies the
 * signature and permission, dispatches to a route, writes the JSON answer with `X-Request-Id`,
 * and records the request log (never headers, bodies or secrets).
 */
import { randomBytes } from "crypto";
import type { IncomingMessage, ServerResponse } from "http";
import { ADMIN_ROUTES } from "./admin-routes";
import { requirePermission, type CredentialStore } from "./auth";
import { failsResponse, type ActiveFault } from "./faults";
import { EmulatorHttpError, Gateway, Ims, imsError, maskAccessKey } from "./ims-errors";
import { IMS_ROUTES } from "./ims-routes";
import { findRoute, type EmulatorCore, type RouteResult } from "./routes";
import { decodeQuery } from "./signature";
import type { EmulatorCredential, RequestLogEntry } from "./types";

/** API Gateway's body limit for AK/SK requests. */
export const MAX_BODY_BYTES = 12 * 1024 * 1024;

export interface ServerDeps {
  readonly core: EmulatorCore;
  readonly credentials: () => CredentialStore;
  /** Gateway clock for the signature's date window. */
  readonly authNow: () => number;
  /** Appends to the request log. */
  readonly record: (entry: RequestLogEntry) => void;
  /** Real-time delay for fault latency (injectable so nothing else sleeps). */
  readonly delay: (ms: number) => Promise<void>;
}

class BodyTooLarge extends Error {}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new BodyTooLarge(`Request body exceeds ${MAX_BODY_BYTES} bytes.`));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

function errorResult(err: unknown, requestId: string, admin: boolean): RouteResult {
  if (err instanceof EmulatorHttpError) {
    const body = err.body as Record<string, unknown>;
    const withId =
      typeof body === "object" && body !== null && "error_code" in body
        ? { ...body, request_id: requestId }
        : body;
    return { status: err.status, body: withId, headers: err.headers };
  }
  if (admin) return { status: 400, body: { error: (err as Error).message } };
  const internal = Ims.internal((err as Error).message);
  return { status: internal.status, body: internal.body };
}

function faultResult(fault: ActiveFault, requestId: string): RouteResult {
  const { rule } = fault;
  const status =
    rule.status ?? (rule.imsCode !== undefined ? 400 : rule.retryAfterSeconds !== undefined ? 429 : 500);
  const headers: Record<string, string> =
    rule.retryAfterSeconds !== undefined ? { "Retry-After": String(rule.retryAfterSeconds) } : {};
  let body: unknown;
  if (rule.body !== undefined) body = rule.body;
  else if (rule.imsCode !== undefined)
    body = imsError(rule.imsCode, rule.message ?? "Injected fault.", status).body;
  else if (status === 429) body = { ...(Gateway.throttled().body as object), request_id: requestId };
  else body = imsError("IMG.0061", rule.message ?? "Unknown system error.", status).body;
  return { status, body, headers };
}

/** Decoded query parameters; `+` stays a literal plus, as the gateway's signature check reads it. */
function queryParams(raw: string): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of decodeQuery(raw)) params.append(key, value);
  return params;
}

export function createHandler(deps: ServerDeps): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    handle(deps, req, res).catch((err: unknown) => {
      // Only reached if writing the answer itself failed (socket gone): nothing more to send.
      if (!res.headersSent && !res.destroyed) {
        res.statusCode = 500;
        res.end(JSON.stringify(Ims.internal(String(err)).body));
      }
    });
  };
}

async function handle(deps: ServerDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const requestId = randomBytes(16).toString("hex");
  const time = new Date().toISOString();
  const method = (req.method ?? "GET").toUpperCase();
  const rawUrl = req.url ?? "/";
  const q = rawUrl.indexOf("?");
  const path = q < 0 ? rawUrl : rawUrl.slice(0, q);
  const queryString = q < 0 ? "" : rawUrl.slice(q + 1);
  const admin = path === "/_emulator" || path.startsWith("/_emulator/");
  let credential: EmulatorCredential | undefined;
  let fault: ActiveFault | undefined;

  const send = (result: RouteResult): void => {
    const text = result.body === undefined ? "" : JSON.stringify(result.body);
    res.writeHead(result.status, {
      "X-Request-Id": requestId,
      ...(text ? { "Content-Type": "application/json;charset=UTF-8" } : {}),
      "Content-Length": String(Buffer.byteLength(text)),
      ...(result.headers ?? {}),
    });
    res.end(text);
    if (!admin) log(result.status);
  };
  const resetSocket = (): void => {
    req.socket.destroy();
    log(0, true);
  };
  const log = (status: number, reset?: boolean): void => {
    deps.record({
      requestId,
      method,
      path,
      query: queryString,
      status,
      time,
      ...(credential ? { accessKey: maskAccessKey(credential.accessKey) } : {}),
      ...(fault ? { faultId: fault.id } : {}),
      ...(reset ? { reset: true } : {}),
    });
  };

  let body: Buffer;
  try {
    body = await readBody(req);
  } catch (err) {
    if (err instanceof BodyTooLarge)
      send({
        status: 413,
        body: { error_code: "APIGW.0201", error_msg: err.message, request_id: requestId },
      });
    return;
  }

  const { core } = deps;
  if (!admin) {
    core.state.advance(core.now());
    fault = core.faults.take(method, path);
    if (fault?.rule.latencyMs) await deps.delay(fault.rule.latencyMs);
    if (fault && failsResponse(fault.rule) && !fault.rule.afterHandling) {
      if (fault.rule.reset) resetSocket();
      else send(faultResult(fault, requestId));
      return;
    }
  }

  let result: RouteResult;
  try {
    const routes = admin ? ADMIN_ROUTES : IMS_ROUTES;
    const { route, params } = findRoute(routes, method, path);
    if (!route) {
      throw admin
        ? new EmulatorHttpError(404, {
            error: `No test route ${method} ${path}; see lib/emulator/admin-routes.ts.`,
          })
        : Gateway.noSuchApi();
    }
    if (route.authenticated) {
      credential = deps
        .credentials()
        .authenticate(method, rawUrl, req.headers, body, deps.authNow(), core.behaviour());
      if (route.action) requirePermission(credential, route.action, core.behaviour().permissionDeniedStatus);
    }
    const jobFailure = fault?.rule.jobFailure;
    result = route.handle({
      core,
      method,
      path,
      query: queryParams(queryString),
      params,
      headers: req.headers,
      body,
      ...(credential ? { credential } : {}),
      ...(jobFailure ? { jobFailure } : {}),
    });
  } catch (err) {
    result = errorResult(err, requestId, admin);
  }

  if (fault?.rule.afterHandling && failsResponse(fault.rule)) {
    if (fault.rule.reset) resetSocket();
    else send(faultResult(fault, requestId));
    return;
  }
  send(result);
}
