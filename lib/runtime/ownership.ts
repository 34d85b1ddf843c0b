/**
 * Who owns a copied image: the ownership contract of README "Ownership, re-runs and adoption".
 *
 * An image made by a create step carries ONE marker tag (`cdktf-ims-image-copy`), whose value says
 * which deployment made it and whether a create step completed it:
 * - `<deployment marker>` (16 hex digits) while the copy is under way: the deployment marker hashes
 *   the declared copy (the construct's configuration marker) with the deployment, i.e. where its
 *   Terraform state lives (the backend's address, never a credential) and the workspace. A re-run
 *   of the SAME deployment, even on a fresh runner with a remote backend, finds it and resumes;
 *   another deployment computes another marker and never sees it.
 * - `<deployment marker>.<claim>` once a create step completed it: `<claim>` (24 hex digits) hashes
 *   the ID of the `terraform_data` copy resource that holds the image in state. The update and
 *   delete steps act only on an image that is theirs (see `heldBy`); a completed image is never
 *   adopted by a create step without proof (the local record of the run that completed it, or an
 *   explicit `adoptImageId`).
 * - 40 hex digits: the configuration marker alone, written by versions before 0.2.0.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { isAbsolute, resolve } from "node:path";
import { MARKER_TAG_KEY } from "../shared/constants";
import type { Tag } from "./client";

/** Where a deployment's state lives: its backend (without credentials) and its workspace. */
export interface Deployment {
  /** Backend type and the non-secret settings that locate the state, e.g. `pg host=db port=5432 ...`. */
  readonly backend: string;
  readonly workspace: string;
}

/** Backend settings that locate a state and are never credentials, by their name in any backend. */
const LOCATING_SETTINGS = new Set([
  "address",
  "bucket",
  "container_name",
  "dbname",
  "endpoint",
  "host",
  "hostname",
  "key",
  "name",
  "namespace",
  "organization",
  "path",
  "port",
  "prefix",
  "project",
  "region",
  "resource_group_name",
  "schema_name",
  "secret_suffix",
  "storage_account_name",
  "workspace_key_prefix",
]);
/** Settings of a connection string (`conn_str` of the pg backend) that locate a database. */
const LOCATING_CONNECTION_SETTINGS = new Set(["host", "hostaddr", "port", "dbname"]);

/**
 * The deployment that runs in `cwd`: the backend recorded by `terraform init` in
 * `$TF_DATA_DIR/terraform.tfstate` (default `.terraform/terraform.tfstate`; it holds the merged
 * `-backend-config` values too), reduced to the settings that locate the state: credentials
 * (passwords, keys, tokens, the user of a connection string) never reach the result, not even
 * hashed. Without that file the state is Terraform's default local `terraform.tfstate` in `cwd`.
 */
export function deploymentOf(cwd: string, env: NodeJS.ProcessEnv, workspace: string): Deployment {
  const dataDir = env.TF_DATA_DIR ? resolve(cwd, env.TF_DATA_DIR) : resolve(cwd, ".terraform");
  const file = resolve(dataDir, "terraform.tfstate");
  const backend = existsSync(file) ? backendOf(readFileSync(file, "utf8"), cwd, env) : undefined;
  return { backend: backend ?? `local path=${resolve(cwd, "terraform.tfstate")}`, workspace };
}

function backendOf(text: string, cwd: string, env: NodeJS.ProcessEnv): string | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  const backend = (parsed as { backend?: { type?: unknown; config?: unknown } } | null)?.backend;
  if (!backend || typeof backend.type !== "string") return undefined;
  const config = isRecord(backend.config) ? backend.config : {};
  const settings: string[] = [];
  if (backend.type === "local") {
    const path = typeof config.path === "string" && config.path !== "" ? config.path : "terraform.tfstate";
    settings.push(`path=${isAbsolute(path) ? path : resolve(cwd, path)}`);
  } else {
    for (const [name, value] of flatten(config)) {
      if (LOCATING_SETTINGS.has(name.split(".").pop() ?? ""))
        settings.push(`${name}=${withoutUserInfo(value)}`);
    }
    // The pg backend reads its connection string from PG_CONN_STR when the configuration has none.
    const connStr =
      typeof config.conn_str === "string" && config.conn_str !== "" ? config.conn_str : env.PG_CONN_STR;
    if (backend.type === "pg" && connStr) settings.push(...connectionSettings(connStr));
  }
  return [backend.type, ...settings.sort()].join(" ");
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}

/** Scalar settings, nested blocks as `block.name` (e.g. `workspaces.name` of the remote backend). */
function flatten(config: Record<string, unknown>, prefix = ""): [string, string][] {
  const out: [string, string][] = [];
  for (const [name, value] of Object.entries(config)) {
    if (value === null || value === undefined || value === "") continue;
    if (isRecord(value)) out.push(...flatten(value, `${prefix}${name}.`));
    else if (typeof value === "string" || typeof value === "number" || typeof value === "boolean")
      out.push([`${prefix}${name}`, String(value)]);
  }
  return out;
}

/** A URL without `user:password@` and without its query (which may hold a token); other values as they are. */
function withoutUserInfo(value: string): string {
  try {
    const url = new URL(value);
    if (!url.host) return value;
    return `${url.protocol}//${url.host}${url.pathname}`;
  } catch {
    return value;
  }
}

/** `host`, `port` and `dbname` of a libpq connection string (URL or `key=value` form). */
function connectionSettings(connStr: string): string[] {
  const pairs: [string, string][] = [];
  if (/^postgres(ql)?:\/\//i.test(connStr)) {
    try {
      const url = new URL(connStr);
      pairs.push(["host", url.hostname], ["port", url.port || "5432"], ["dbname", url.pathname.slice(1)]);
      for (const [name, value] of url.searchParams) pairs.push([name, value]);
    } catch {
      return [];
    }
  } else {
    for (const match of connStr.matchAll(/(\w+)\s*=\s*('(?:[^'\\]|\\.)*'|\S+)/g))
      pairs.push([match[1], match[2].replace(/^'|'$/g, "")]);
  }
  return pairs
    .filter(([name, value]) => LOCATING_CONNECTION_SETTINGS.has(name) && value !== "")
    .map(([name, value]) => `conn.${name}=${value}`);
}

const sha256 = (text: string): string => createHash("sha256").update(text).digest("hex");

/** The deployment marker: the declared copy (its configuration marker) in this deployment. */
export function deploymentMarker(configMarker: string, deployment: Deployment): string {
  return sha256(["deployment", configMarker, deployment.backend, deployment.workspace].join("\n")).slice(
    0,
    16,
  );
}

/** The claim of the copy resource whose Terraform ID is `resourceId`. */
export function claimOf(resourceId: string): string {
  return sha256(`claim\n${resourceId}`).slice(0, 24);
}

/** The marker tag of a copy under way. */
export function pendingTag(marker: string): Tag {
  return { key: MARKER_TAG_KEY, value: marker };
}

/** The marker tag of a completed copy, claimed by the copy resource `resourceId`. */
export function claimedTag(marker: string, resourceId: string): Tag {
  return { key: MARKER_TAG_KEY, value: `${marker}.${claimOf(resourceId)}` };
}

/** What an image's marker tag says. */
export type MarkerState =
  | { readonly kind: "none" }
  | { readonly kind: "pending"; readonly marker: string }
  | { readonly kind: "claimed"; readonly marker: string; readonly claim: string }
  | { readonly kind: "legacy"; readonly configMarker: string }
  | { readonly kind: "unknown"; readonly value: string };

export function markerStateOf(tags: readonly Tag[]): MarkerState {
  const value = tags.find((t) => t.key === MARKER_TAG_KEY)?.value;
  if (value === undefined) return { kind: "none" };
  let m: RegExpExecArray | null;
  if ((m = /^([0-9a-f]{16})$/.exec(value))) return { kind: "pending", marker: m[1] };
  if ((m = /^([0-9a-f]{16})\.([0-9a-f]{24})$/.exec(value)))
    return { kind: "claimed", marker: m[1], claim: m[2] };
  if (/^[0-9a-f]{40}$/.test(value)) return { kind: "legacy", configMarker: value };
  return { kind: "unknown", value };
}

/**
 * Whether the copy resource `resourceId` of the deployment whose marker is `marker` may act on an
 * image with these tags as its own (update it, delete it): yes when the image carries no marker,
 * a marker written before claims existed, this deployment's marker (under way or claimed: an
 * orphaned earlier attempt of this deployment may have claimed it last), or this resource's claim
 * (the deployment marker changes when the checkout moves or the backend is migrated; the claim
 * does not). No when another deployment's marker or claim is on it, or a value this library does
 * not write.
 */
export function heldBy(
  state: MarkerState,
  marker: string | undefined,
  resourceId: string | undefined,
): { readonly ours: true } | { readonly ours: false; readonly why: string } {
  switch (state.kind) {
    case "none":
    case "legacy":
      return { ours: true };
    case "pending":
      return state.marker === marker
        ? { ours: true }
        : { ours: false, why: `another deployment is adopting it (marker ${state.marker})` };
    case "claimed":
      return state.marker === marker || (resourceId !== undefined && state.claim === claimOf(resourceId))
        ? { ours: true }
        : { ours: false, why: `another deployment claims it (marker ${state.marker}.${state.claim})` };
    case "unknown":
      return { ours: false, why: `its ${MARKER_TAG_KEY} tag holds ${JSON.stringify(state.value)}` };
  }
}
