/**
 * Signed HTTP calls to the emulator for its tests: real sockets, `signRequest` from the runtime
 * signer, Node's fetch. No client code.
 */
import { signRequest, type AkSkCredentials, type QueryPair } from "../../lib/runtime/signer";
import { EMULATOR_ACCESS_KEY, EMULATOR_SECRET_KEY } from "../../lib/emulator/defaults";
import { ImsEmulator } from "../../lib/emulator";
import type { EmulatorOptions } from "../../lib/emulator";

/** Decoded pairs of a raw query, `+` kept literal (what the client signer is given). */
function queryPairs(raw: string): QueryPair[] {
  return raw === ""
    ? []
    : raw.split("&").map((part) => {
        const [key, ...rest] = part.split("=");
        return [decodeURIComponent(key), decodeURIComponent(rest.join("="))] as const;
      });
}

export const FULL: AkSkCredentials = { accessKey: EMULATOR_ACCESS_KEY, secretKey: EMULATOR_SECRET_KEY };

export interface CallOptions {
  readonly credentials?: AkSkCredentials;
  /** Signing date; default now. */
  readonly date?: Date;
  readonly headers?: Record<string, string>;
  /** Replace the signature after signing (to test a bad one). */
  readonly tamper?: (headers: Record<string, string>) => void;
  readonly unsigned?: boolean;
  /** Bytes actually sent, when they should differ from the signed body. */
  readonly sentBody?: string;
}

export interface CallResult {
  readonly status: number;
  readonly body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  readonly headers: Headers;
}

/** Sends a signed request; `body` objects are JSON-encoded. */
export async function call(
  baseUrl: string,
  method: string,
  pathAndQuery: string,
  body?: unknown,
  options: CallOptions = {},
): Promise<CallResult> {
  const url = new URL(pathAndQuery, baseUrl);
  const text = body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body);
  const baseHeaders: Record<string, string> = {
    ...(text !== undefined ? { "Content-Type": "application/json" } : {}),
    ...(options.headers ?? {}),
  };
  let headers = baseHeaders;
  if (!options.unsigned) {
    const q = pathAndQuery.indexOf("?");
    const signed = signRequest(
      {
        method,
        host: url.host,
        path: url.pathname,
        query: q < 0 ? [] : queryPairs(pathAndQuery.slice(q + 1)),
        headers: baseHeaders,
        ...(text !== undefined ? { body: text } : {}),
      },
      options.credentials ?? FULL,
      options.date ?? new Date(),
    );
    headers = { ...signed.headers };
  }
  options.tamper?.(headers);
  const sent = options.sentBody ?? text;
  const response = await fetch(url, { method, headers, ...(sent !== undefined ? { body: sent } : {}) });
  const raw = await response.text();
  return {
    status: response.status,
    body: raw === "" ? undefined : JSON.parse(raw),
    headers: response.headers,
  };
}

/** Unauthenticated call to a `/_emulator/` route. */
export async function admin(
  baseUrl: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<CallResult> {
  return call(baseUrl, method, path, body, { unsigned: true });
}

/** A manual clock for the emulator. */
export class ManualClock {
  constructor(public ms = Date.UTC(2026, 10, 22, 12, 0, 0)) {}
  readonly now = (): number => this.ms;
  advance(seconds: number): void {
    this.ms += seconds * 1000;
  }
}

/** Starts an emulator on an ephemeral port with a manual clock. */
export async function startEmulator(
  options: EmulatorOptions = {},
): Promise<{ emulator: ImsEmulator; url: string; clock: ManualClock }> {
  const clock = new ManualClock();
  const emulator = new ImsEmulator({ now: clock.now, ...options });
  const url = await emulator.start();
  return { emulator, url, clock };
}
