/**
 * Process-level guards shared by the apply-time handler and the CLI: credential scrubbing of
 * everything printed, TLS verification that an environment variable cannot switch off, and
 * interrupt handling (signals, and a parent process that went away).
 */
import { CredentialEnv, ExitCode } from "../shared/constants";
import { DEBUG_ENV } from "./config";
import { exitCodeFor } from "./errors";

/**
 * Node turns certificate verification off for the whole process when NODE_TLS_REJECT_UNAUTHORIZED
 * is "0" (read at each TLS connection). The runtime never sends signed requests over an
 * unverified connection: it drops the variable and says so.
 */
export function keepTlsVerification(env: NodeJS.ProcessEnv, warn: (line: string) => void): void {
  if (env.NODE_TLS_REJECT_UNAUTHORIZED !== "0" && process.env.NODE_TLS_REJECT_UNAUTHORIZED !== "0") return;
  warn(
    "ignoring NODE_TLS_REJECT_UNAUTHORIZED=0: TLS verification stays on (to trust a private CA, set NODE_EXTRA_CA_CERTS=/path/to/ca.pem)",
  );
  delete process.env.NODE_TLS_REJECT_UNAUTHORIZED;
}

/** Replaces every credential value found in the environment by `[redacted]`. */
export function secretScrubber(env: NodeJS.ProcessEnv): (text: string) => string {
  const secrets = [...CredentialEnv.ACCESS_KEY, ...CredentialEnv.SECRET_KEY, ...CredentialEnv.SECURITY_TOKEN]
    .map((name) => env[name])
    .filter((v): v is string => typeof v === "string" && v.length >= 4)
    .sort((a, b) => b.length - a.length);
  if (secrets.length === 0) return (text) => text;
  return (text) => secrets.reduce((acc, s) => acc.split(s).join("[redacted]"), text);
}

/** How often the runtime checks that the process that started it is still there. */
const PARENT_CHECK_MS = 500;

/**
 * Aborts on SIGINT / SIGTERM, and when the parent process goes away: Terraform interrupted on
 * its own (not through the terminal's process group) kills the provisioner's shell and leaves
 * this process orphaned, which must not poll on for up to the create timeout.
 */
export function trapSignals(
  controller: AbortController,
  announce: (why: string) => void,
  parentName = "terraform or its shell",
): () => void {
  const onSignal = (sig: NodeJS.Signals): void => {
    if (controller.signal.aborted) {
      // A second interrupt: the user insists; leave now (the job record is already on disk).
      process.exit(ExitCode.INTERRUPTED);
    }
    announce(`received ${sig}`);
    controller.abort();
  };
  const parent = process.ppid;
  const watch = setInterval(() => {
    if (process.ppid === parent || controller.signal.aborted) return;
    announce(`the process that started this step (pid ${parent}, ${parentName}) has gone`);
    controller.abort();
  }, PARENT_CHECK_MS);
  watch.unref();
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  return () => {
    clearInterval(watch);
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  };
}

export function forwardAbort(signal: AbortSignal, controller: AbortController): () => void {
  const onAbort = (): void => controller.abort();
  if (signal.aborted) controller.abort();
  else signal.addEventListener("abort", onAbort, { once: true });
  return () => signal.removeEventListener("abort", onAbort);
}

export interface GuardedRun {
  readonly env: NodeJS.ProcessEnv;
  /** Writes one line to stderr (scrubbed by the caller). */
  readonly stderr: (line: string) => void;
  /** Writes one warning line. */
  readonly warn: (line: string) => void;
  /** Interrupt signal of the caller (tests); when absent, SIGINT/SIGTERM of this process and a vanished parent abort. */
  readonly signal?: AbortSignal;
  /** What the process that started this one is called in the "has gone" line. */
  readonly parentName?: string;
  /** The line printed when an interrupt arrives, from its cause. */
  readonly interrupted: (why: string) => string;
  /** The one line an error is reported with (the message is scrubbed by the caller's writer). */
  readonly report: (message: string, internal: boolean) => string;
}

/**
 * The one guarded entry of both executables (the Terraform runtime and the CLI): interrupts abort
 * `body`'s signal; TLS verification stays on; any error becomes ONE readable line and an exit code
 * from `ExitCode` (`exitCodeFor`), with a stack trace only when `IMS_COPY_DEBUG=1`. Never throws.
 */
export async function runGuarded(
  run: GuardedRun,
  body: (signal: AbortSignal) => Promise<void>,
): Promise<number> {
  const controller = new AbortController();
  const release = run.signal
    ? forwardAbort(run.signal, controller)
    : trapSignals(controller, (why) => run.stderr(run.interrupted(why)), run.parentName);
  try {
    keepTlsVerification(run.env, run.warn);
    await body(controller.signal);
    return ExitCode.OK;
  } catch (error) {
    const code = exitCodeFor(error);
    run.stderr(
      run.report(error instanceof Error ? error.message : String(error), code === ExitCode.INTERNAL),
    );
    if (run.env[DEBUG_ENV] === "1" && error instanceof Error && error.stack) run.stderr(error.stack);
    return code;
  } finally {
    release();
  }
}
