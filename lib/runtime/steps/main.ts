/**
 * The one top-level handler of the apply-time runtime: picks the step from argv, runs it, and
 * turns any error into ONE readable line on stderr and an exit code from `ExitCode`. Stack traces
 * only with IMS_COPY_DEBUG=1; credentials are scrubbed from anything printed.
 */
import { CredentialEnv, ExitCode, Subcommand } from "../../shared/constants";
import { DEBUG_ENV } from "../config";
import { exitCodeFor } from "../errors";
import { abortableSleep, type StepContext } from "./context";
import { unknownSubcommand } from "./messages";
import { runCreate } from "./create";
import { runDelete } from "./delete";
import { runUpdate } from "./update";

export interface HandlerIo {
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
  readonly stdout: (line: string) => void;
  readonly stderr: (line: string) => void;
  readonly now: () => number;
  readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  /**
   * Interrupt signal. When absent, SIGINT and SIGTERM of this process abort the run (and are
   * released again when it ends).
   */
  readonly signal?: AbortSignal;
}

const STEPS: Readonly<Record<Subcommand, (ctx: StepContext) => Promise<void>>> = {
  [Subcommand.CREATE]: runCreate,
  [Subcommand.UPDATE]: runUpdate,
  [Subcommand.DELETE]: runDelete,
};

function isSubcommand(x: string | undefined): x is Subcommand {
  return x !== undefined && Object.prototype.hasOwnProperty.call(STEPS, x);
}

/** Runs one step and returns the process exit code; never throws. */
export async function runHandler(argv: readonly string[], io: Partial<HandlerIo> = {}): Promise<number> {
  const env = io.env ?? process.env;
  const stdout = io.stdout ?? ((line: string) => void process.stdout.write(line + "\n"));
  const stderr = io.stderr ?? ((line: string) => void process.stderr.write(line + "\n"));
  const scrub = secretScrubber(env);
  const controller = new AbortController();
  const release = io.signal
    ? forwardAbort(io.signal, controller)
    : trapSignals(controller, (why) => stderr(`[ims-image-copy] ${why}: stopping the wait; run again to resume`));
  const sub = argv[0];
  try {
    if (argv.length !== 1 || !isSubcommand(sub)) throw unknownSubcommand(argv);
    const ctx: StepContext = {
      env,
      cwd: io.cwd ?? process.cwd(),
      out: (line) => stdout(scrub(line)),
      warn: (line) => stderr(scrub(`[ims-image-copy] warning: ${line}`)),
      debug: (line) => stderr(scrub(line)),
      now: io.now ?? Date.now,
      sleep: io.sleep ?? abortableSleep,
      signal: controller.signal,
    };
    keepTlsVerification(env, ctx.warn);
    await STEPS[sub](ctx);
    return ExitCode.OK;
  } catch (error) {
    reportError(error, isSubcommand(sub) ? sub : undefined, env, (line) => stderr(scrub(line)));
    return exitCodeFor(error);
  } finally {
    release();
  }
}

function reportError(error: unknown, sub: Subcommand | undefined, env: NodeJS.ProcessEnv, write: (line: string) => void): void {
  const code = exitCodeFor(error);
  const what = sub ? `ims-image-copy ${sub} failed` : "ims-image-copy failed";
  const message = error instanceof Error ? error.message : String(error);
  if (code === ExitCode.INTERNAL) {
    write(`${what}: unexpected error: ${message}. This is a bug: please report it${env[DEBUG_ENV] === "1" ? "" : ` (set ${DEBUG_ENV}=1 for details)`}.`);
  } else {
    write(`${what}: ${message}`);
  }
  if (env[DEBUG_ENV] === "1" && error instanceof Error && error.stack) write(error.stack);
}

/**
 * Node turns certificate verification off for the whole process when NODE_TLS_REJECT_UNAUTHORIZED
 * is "0" (read at each TLS connection). The runtime never sends signed requests over an
 * unverified connection: it drops the variable and says so.
 */
function keepTlsVerification(env: NodeJS.ProcessEnv, warn: (line: string) => void): void {
  if (env.NODE_TLS_REJECT_UNAUTHORIZED !== "0" && process.env.NODE_TLS_REJECT_UNAUTHORIZED !== "0") return;
  warn("ignoring NODE_TLS_REJECT_UNAUTHORIZED=0: TLS verification stays on (to trust a private CA, set NODE_EXTRA_CA_CERTS=/path/to/ca.pem)");
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
function trapSignals(controller: AbortController, announce: (why: string) => void): () => void {
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
    announce(`the process that started this step (pid ${parent}, terraform or its shell) has gone`);
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

function forwardAbort(signal: AbortSignal, controller: AbortController): () => void {
  const onAbort = (): void => controller.abort();
  if (signal.aborted) controller.abort();
  else signal.addEventListener("abort", onAbort, { once: true });
  return () => signal.removeEventListener("abort", onAbort);
}
