/**
 * The emulated IMS and IAM APIs (all require an SDK-HMAC-SHA256 signature):
 *
 *   POST   /v1/cloudimages/{image_id}/copy              copy within the region → 200 {"job_id"}
 *   GET    /v1/{project_id}/jobs/{job_id}               ShowJob
 *   GET    /v1/cloudimages/job/{job_id}                 ShowJobProgress
 *   GET    /v1/cloudimages/quota                        image quota
 *   GET    /v2/cloudimages                              ListImages → {"images": [...]} (see image-list.ts)
 *   PATCH  /v2/cloudimages/{image_id}                   JSON-patch update → 200 image
 *   GET    /v2/images/{image_id}                        native show (unwrapped image)
 *   DELETE /v2/images/{image_id}                        → 204; status `deleted`, gone after deleteSeconds
 *   POST   /v2/{project_id}/images/{image_id}/tags/action   create/delete tags → 204
 *   GET    /v2/{project_id}/images/{image_id}/tags      → {"tags": [{key, value}]}
 *   GET    /v3/projects[?name={region}]                 IAM project lookup
 *
 * IAM actions checked (refusals: IMG.0026, HTTP 400 as documented unless `permissionDeniedStatus`):
 * copy `ims:images:copy` (+ `ims:serverImages:create` when the account has enterprise projects
 * enabled, `enterpriseProjectsEnabled`, or the copy names one other than "0"), list/tags read `ims:images:list`, native show
 * `ims:images:get`, patch/tag writes `ims:images:update`, delete `ims:images:delete`. Jobs, quota and
 * IAM project lookup need no action here (the emulator's choice: their real policy is not modelled).
 */
import { requirePermission } from "./auth";
import { EmulatorHttpError, Ims } from "./ims-errors";
import { listImages } from "./image-list";
import { parseTagList } from "./rules";
import { jsonBody, type Route, type RouteContext, type RouteResult } from "./routes";

const SEG = "([^/]+)";

function checkProject(ctx: RouteContext, pathProjectId?: string): void {
  const expected = ctx.core.state.projectId;
  const header = ctx.headers["x-project-id"];
  const fromHeader = Array.isArray(header) ? header[0] : header;
  if (fromHeader !== undefined && fromHeader !== expected) throw Ims.projectMismatch(fromHeader);
  if (pathProjectId !== undefined && pathProjectId !== expected) throw Ims.projectMismatch(pathProjectId);
}

function copy(ctx: RouteContext): RouteResult {
  checkProject(ctx);
  const { state } = ctx.core;
  const request = state.parseCopyBody(jsonBody(ctx));
  const b = ctx.core.behaviour();
  if (b.enterpriseProjectsEnabled || request.enterpriseProjectId !== "0")
    requirePermission(ctx.credential!, "ims:serverImages:create", b.permissionDeniedStatus);
  try {
    const failure = ctx.jobFailure ?? b.jobFailure ?? undefined;
    const { jobId } = state.submitCopy(ctx.params[0], request, ctx.core.now(), failure);
    return { status: 200, body: { job_id: jobId } };
  } catch (err) {
    if (
      err instanceof EmulatorHttpError &&
      (err.body as { error?: { code?: string } }).error?.code === "IMG.0060"
    ) {
      const headers: Record<string, string> =
        b.flowControlRetryAfterSeconds > 0 ? { "Retry-After": String(b.flowControlRetryAfterSeconds) } : {};
      throw new EmulatorHttpError(b.flowControl === "429" ? 429 : 400, err.body, headers);
    }
    throw err;
  }
}

function showJob(ctx: RouteContext): RouteResult {
  checkProject(ctx, ctx.params[0]);
  return { status: 200, body: ctx.core.state.jobView(ctx.params[1], ctx.core.now(), "job") };
}

function showJobProgress(ctx: RouteContext): RouteResult {
  checkProject(ctx);
  return { status: 200, body: ctx.core.state.jobView(ctx.params[0], ctx.core.now(), "progress") };
}

function quota(ctx: RouteContext): RouteResult {
  checkProject(ctx);
  const { used, quota: max } = ctx.core.state.quota();
  return {
    status: 200,
    body: { quotas: { resources: [{ type: "image", used, quota: max, min: 1, max: 1000 }] } },
  };
}

function list(ctx: RouteContext): RouteResult {
  checkProject(ctx);
  return { status: 200, body: { images: listImages(ctx.core.state.listable(), ctx.query) } };
}

function show(ctx: RouteContext): RouteResult {
  checkProject(ctx);
  const info = ctx.core.state.findInfo(ctx.params[0]);
  if (!info || info.status === "deleted") throw Ims.imageNotFound(ctx.params[0], 404);
  return { status: 200, body: info };
}

function patch(ctx: RouteContext): RouteResult {
  checkProject(ctx);
  const body = jsonBody(ctx);
  if (body === undefined) throw Ims.emptyBody();
  return { status: 200, body: ctx.core.state.patchImage(ctx.params[0], body, ctx.core.now()) };
}

function remove(ctx: RouteContext): RouteResult {
  checkProject(ctx);
  const body = jsonBody(ctx);
  if (body !== undefined && (typeof body !== "object" || body === null || Array.isArray(body))) {
    throw Ims.badFormat('The DELETE body, when sent, must be an object such as {"delete_backup": false}.');
  }
  ctx.core.state.deleteImage(ctx.params[0], ctx.core.now());
  return { status: 204 };
}

function tagAction(ctx: RouteContext): RouteResult {
  checkProject(ctx, ctx.params[0]);
  const body = jsonBody(ctx);
  if (body === undefined) throw Ims.emptyBody();
  if (typeof body !== "object" || body === null || Array.isArray(body))
    throw Ims.badFormat('The body must be {"action", "tags"}.');
  const { action, tags } = body as Record<string, unknown>;
  if (action !== "create" && action !== "delete")
    throw Ims.badFormat(
      `"action" must be "create" or "delete" (case-sensitive), got ${JSON.stringify(action)}.`,
    );
  ctx.core.state.tagAction(ctx.params[1], { action, tags: parseTagList(tags, action === "create") });
  return { status: 204 };
}

function listTags(ctx: RouteContext): RouteResult {
  checkProject(ctx, ctx.params[0]);
  return { status: 200, body: { tags: ctx.core.state.tags(ctx.params[1]) } };
}

function projects(ctx: RouteContext): RouteResult {
  const { state } = ctx.core;
  const name = ctx.query.get("name");
  const host = ctx.headers.host ?? "localhost";
  const project = {
    id: state.projectId,
    name: state.region,
    domain_id: state.domainId,
    description: "",
    enabled: true,
    is_domain: false,
    parent_id: state.domainId,
    links: { self: `http://${host}/v3/projects/${state.projectId}` },
  };
  const found = name === null || name === state.region ? [project] : [];
  return {
    status: 200,
    body: { projects: found, links: { self: `http://${host}${ctx.path}`, previous: null, next: null } },
  };
}

function route(
  method: string,
  path: string,
  handle: (ctx: RouteContext) => RouteResult,
  action?: string,
): Route {
  return {
    method,
    pattern: new RegExp(`^${path}$`),
    authenticated: true,
    handle,
    ...(action ? { action } : {}),
  };
}

export const IMS_ROUTES: readonly Route[] = [
  route("POST", `/v1/cloudimages/${SEG}/copy`, copy, "ims:images:copy"),
  route("GET", "/v1/cloudimages/quota", quota),
  route("GET", `/v1/cloudimages/job/${SEG}`, showJobProgress),
  route("GET", `/v1/${SEG}/jobs/${SEG}`, showJob),
  route("GET", "/v2/cloudimages", list, "ims:images:list"),
  route("PATCH", `/v2/cloudimages/${SEG}`, patch, "ims:images:update"),
  route("GET", `/v2/images/${SEG}`, show, "ims:images:get"),
  route("DELETE", `/v2/images/${SEG}`, remove, "ims:images:delete"),
  route("POST", `/v2/${SEG}/images/${SEG}/tags/action`, tagAction, "ims:images:update"),
  route("GET", `/v2/${SEG}/images/${SEG}/tags`, listTags, "ims:images:list"),
  route("GET", "/v3/projects", projects),
];
