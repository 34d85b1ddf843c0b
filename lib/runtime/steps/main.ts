/**
 * The one top-level handler of the apply-time runtime: picks the step from argv, runs it, and
 * turns any error into ONE readable line on stderr and an exit code from `ExitCode`. Stack traces
 * only with IMS_COPY_DEBUG=1; credentials are scrubbed from anything printed.
 */
import { Subcommand } from "../../shared/constants";
import { DEBUG_ENV } from "../config";
import { runGuarded, secretScrubber } from "../process-guard";
import { realSleep } from "../waiter";
import type { StepContext } from "./context";
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
  const warn = (line: string): void => stderr(scrub(`[ims-image-copy] warning: ${line}`));
  const sub = argv[0];
  const what = isSubcommand(sub) ? `ims-image-copy ${sub} failed` : "ims-image-copy failed";
  return runGuarded(
    {
      env,
      stderr: (line) => stderr(scrub(line)),
      warn,
      signal: io.signal,
      interrupted: (why) => `[ims-image-copy] ${why}: stopping the wait; run again to resume`,
      report: (message, internal) =>
        internal
          ? `${what}: unexpected error: ${message}. This is a bug: please report it${env[DEBUG_ENV] === "1" ? "" : ` (set ${DEBUG_ENV}=1 for details)`}.`
          : `${what}: ${message}`,
    },
    async (signal) => {
      if (argv.length !== 1 || !isSubcommand(sub)) throw unknownSubcommand(argv);
      const ctx: StepContext = {
        env,
        cwd: io.cwd ?? process.cwd(),
        out: (line) => stdout(scrub(line)),
        warn,
        debug: (line) => stderr(scrub(line)),
        now: io.now ?? Date.now,
        sleep: io.sleep ?? realSleep,
        signal,
      };
      await STEPS[sub](ctx);
    },
  );
}
