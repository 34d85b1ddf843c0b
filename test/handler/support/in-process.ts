/**
 * Runs the handler in-process (`runHandler`) on a simulated clock instead of as a child process:
 * `now()` reads the clock the test also gives its emulator and `sleep()` advances it, so an
 * hour-long wait takes milliseconds and nothing really sleeps. Requests still go over real HTTP.
 */
import { runHandler } from "../../../lib/runtime/handler";

/** The test's clock: read by the runtime and the emulator, moved on by the runtime's sleeps. */
export interface SimulatedClock {
  readonly now: () => number;
  readonly advance: (ms: number) => void;
}

export interface Captured {
  readonly code: number;
  readonly stdout: string[];
  readonly stderr: string[];
  /** Simulated time of each stdout line. */
  readonly at: number[];
}

/** Runs `argv` with exactly `env` in `cwd`, capturing each output line. */
export async function runInProcess(
  clock: SimulatedClock,
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  cwd: string,
): Promise<Captured> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const at: number[] = [];
  const code = await runHandler(argv, {
    env,
    cwd,
    stdout: (l) => {
      stdout.push(l);
      at.push(clock.now());
    },
    stderr: (l) => stderr.push(l),
    now: clock.now,
    sleep: async (ms) => {
      clock.advance(ms);
    },
    // a signal of its own, so the run does not trap the test process's SIGINT and SIGTERM
    signal: new AbortController().signal,
  });
  return { code, stdout, stderr, at };
}
