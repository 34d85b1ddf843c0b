/**
 * Debug logging of requests and responses. Off unless `IMS_COPY_DEBUG=1`; secrets are redacted
 * before anything is formatted.
 */

export interface Logger {
  debug(line: string): void;
}

export const SILENT: Logger = { debug: () => undefined };

/** Headers whose values are never printed. */
const SECRET_HEADERS = new Set([
  "authorization",
  "x-security-token",
  "x-auth-token",
  "x-subject-token",
  "proxy-authorization",
  "cookie",
  "set-cookie",
]);

export const REDACTED = "[redacted]";

export function redactHeaders(headers: Readonly<Record<string, unknown>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    out[name] = SECRET_HEADERS.has(name.toLowerCase()) ? REDACTED : String(value);
  }
  return out;
}

/**
 * A logger writing to `write` (stderr by default) when the debug variable is `1`, else silent. Each
 * line carries its time (ISO 8601, UTC): a log of a real copy records when each job poll saw which
 * `process_percent`, so the job can be replayed (`npm run bench:replay -- <log>`).
 */
export function loggerFromEnv(
  env: NodeJS.ProcessEnv,
  debugVariable: string,
  write: (line: string) => void = (l) => process.stderr.write(l + "\n"),
  now: () => number = Date.now,
): Logger {
  return env[debugVariable] === "1"
    ? { debug: (line) => write(`[ims-image-copy] ${new Date(now()).toISOString()} ${line}`) }
    : SILENT;
}
