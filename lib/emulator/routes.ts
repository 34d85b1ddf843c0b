/**
 * The tiny router shared by the IMS/IAM routes and the test-only `/_emulator/` routes.
 */
import type { IncomingHttpHeaders } from "http";
import type { EmulatorState } from "./state";
import type { FaultSet } from "./faults";
import { Ims, imsError } from "./ims-errors";
import type { EmulatorBehaviour, EmulatorCredential, ImagePatch, JobFailure, RequestLogEntry } from "./types";

/** What the handlers can reach: the emulator's data, clock and test controls. */
export interface EmulatorCore {
  readonly state: EmulatorState;
  behaviour(): EmulatorBehaviour;
  now(): number;
  readonly faults: FaultSet;
  requests(): RequestLogEntry[];
  reset(): void;
  configure(change: Record<string, unknown>): EmulatorBehaviour;
  setImage(id: string, patch: ImagePatch): void;
}

export interface RouteContext {
  readonly core: EmulatorCore;
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  /** Decoded path parameters, in order. */
  readonly params: readonly string[];
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
  /** The verified credential (authenticated routes only). */
  readonly credential?: EmulatorCredential;
  /** Set when a fault rule asks the job created by this request to fail. */
  readonly jobFailure?: JobFailure;
}

export interface RouteResult {
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

export interface Route {
  readonly method: string;
  readonly pattern: RegExp;
  /** True for IMS/IAM routes (signature required), false for `/_emulator/` routes. */
  readonly authenticated: boolean;
  /** IAM action required (checked after the signature), if any. */
  readonly action?: string;
  handle(ctx: RouteContext): RouteResult;
}

/** Matches a route; `pathExists` tells a wrong method from an unknown path. */
export function findRoute(
  routes: readonly Route[],
  method: string,
  path: string,
): { route?: Route; params: string[]; pathExists: boolean } {
  let pathExists = false;
  for (const route of routes) {
    const m = route.pattern.exec(path);
    if (!m) continue;
    pathExists = true;
    if (route.method !== method) continue;
    return { route, params: m.slice(1).map(decodeSegment), pathExists };
  }
  return { params: [], pathExists };
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch (err) {
    throw imsError(
      "IMG.0017",
      `The URL format is incorrect: ${JSON.stringify(segment)} is not a valid percent-encoded path segment (${(err as Error).message}).`,
    );
  }
}

/** The body parsed as JSON; `undefined` for an empty body; IMS 400 IMG.0001 when not JSON. */
export function jsonBody(ctx: RouteContext): unknown {
  if (ctx.body.length === 0) return undefined;
  try {
    return JSON.parse(ctx.body.toString("utf8"));
  } catch (err) {
    throw Ims.badFormat(`The body is not valid JSON (${(err as Error).message}).`);
  }
}
