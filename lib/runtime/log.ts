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

/** A logger writing to `write` (stderr by default) when the debug variable is `1`, else silent. */
export function loggerFromEnv(
  env: NodeJS.ProcessEnv,
  debugVariable: string,
  write: (line: string) => void = (l) => process.stderr.write(l + "\n"),
): Logger {
  return env[debugVariable] === "1" ? { debug: (line) => write(`[ims-image-copy] ${line}`) } : SILENT;
}
