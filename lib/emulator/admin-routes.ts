/**
 * Test-only routes under `/_emulator/` (no signature, never faulted, not in the request log):
 *
 *   GET    /_emulator/images          → {"images": EmulatedImage[]}   (info, tags, memberStatus, deletedAt, jobId)
 *   PATCH  /_emulator/images/{id}     body ImagePatch {status?, protected?, memberStatus?, tags?, attributes?} → 200 EmulatedImage
 *   GET    /_emulator/jobs            → {"jobs": EmulatedJob[]}
 *   GET    /_emulator/requests        → {"requests": RequestLogEntry[]}  (method, path, query, status, time, …)
 *   GET    /_emulator/faults          → {"faults": [{id, rule, hits}]}
 *   POST   /_emulator/faults          body FaultRule → 201 {"id"}
 *   DELETE /_emulator/faults          → 204 (removes every rule)
 *   POST   /_emulator/reset           → 204 (seed content again, no jobs, no faults, empty log, behaviour of the constructor)
 *   GET    /_emulator/config          → current EmulatorBehaviour
 *   POST   /_emulator/config          body Partial<EmulatorBehaviour> → 200 the new behaviour
 *
 * A bad request here answers 400 `{"error": "<what is wrong and the rule>"}`.
 */
import { jsonBody, type Route, type RouteContext, type RouteResult } from "./routes";
import type { ImagePatch } from "./types";

function objectBody(ctx: RouteContext): Record<string, unknown> {
  const body = jsonBody(ctx);
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw new Error(`${ctx.method} ${ctx.path} needs a JSON object body.`);
  }
  return body as Record<string, unknown>;
}

function admin(method: string, path: string, handle: (ctx: RouteContext) => RouteResult): Route {
  return { method, pattern: new RegExp(`^/_emulator${path}$`), authenticated: false, handle };
}

export const ADMIN_ROUTES: readonly Route[] = [
  admin("GET", "/images", (ctx) => ({ status: 200, body: { images: ctx.core.state.imageSnapshots() } })),
  admin("PATCH", "/images/([^/]+)", (ctx) => {
    const id = ctx.params[0];
    ctx.core.setImage(id, objectBody(ctx) as ImagePatch);
    return { status: 200, body: ctx.core.state.imageSnapshots().find((i) => i.id === id) };
  }),
  admin("GET", "/jobs", (ctx) => ({
    status: 200,
    body: { jobs: ctx.core.state.jobSnapshots(ctx.core.now()) },
  })),
  admin("GET", "/requests", (ctx) => ({ status: 200, body: { requests: ctx.core.requests() } })),
  admin("GET", "/faults", (ctx) => ({ status: 200, body: { faults: ctx.core.faults.list() } })),
  admin("POST", "/faults", (ctx) => ({ status: 201, body: { id: ctx.core.faults.add(objectBody(ctx)) } })),
  admin("DELETE", "/faults", (ctx) => {
    ctx.core.faults.clear();
    return { status: 204 };
  }),
  admin("POST", "/reset", (ctx) => {
    ctx.core.reset();
    return { status: 204 };
  }),
  admin("GET", "/config", (ctx) => ({ status: 200, body: ctx.core.behaviour() })),
  admin("POST", "/config", (ctx) => ({ status: 200, body: ctx.core.configure(objectBody(ctx)) })),
];
