/**
 * The submission lock `<state dir>/jobs/<marker>.lock`: at most one process of a directory submits
 * the copy of one deployment marker at a time. Two can run at once when terraform was killed with
 * SIGKILL (its runtime lives on, orphaned) and the next apply starts: without the lock both could
 * pass their last look at the job record before either recorded its job, and both would submit.
 * The holder writes its PID; a lock whose holder is gone is taken over.
 */
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import { dirname, join } from "node:path";
import { waitAborted } from "../errors";

/** How often a waiting process looks again (at the lock and at the job record). */
const RETRY_MS = 200;

export function submitLockPath(stateDir: string, marker: string): string {
  return join(stateDir, "jobs", `${marker}.lock`);
}

function holderAlive(path: string): boolean {
  let pid: number;
  try {
    pid = Number(readFileSync(path, "utf8").trim());
  } catch {
    return false;
  }
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Takes the lock, waiting while a live process holds it; `whileWaiting` is asked at each retry and
 * ends the wait early with its answer (the holder recorded its job meanwhile). Returns the release
 * function, or what `whileWaiting` found (then the lock is not taken). Gives up when `signal` aborts.
 */
export async function takeSubmitLock<T>(
  path: string,
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>,
  whileWaiting: () => Promise<T | undefined>,
  signal?: AbortSignal,
): Promise<{ readonly release: () => void } | { readonly found: T }> {
  mkdirSync(dirname(path), { recursive: true });
  for (;;) {
    try {
      const fd = openSync(path, "wx");
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      let held = true;
      return {
        release: () => {
          if (held) rmSync(path, { force: true });
          held = false;
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    if (!holderAlive(path)) {
      rmSync(path, { force: true });
      continue;
    }
    const found = await whileWaiting();
    if (found !== undefined) return { found };
    await sleep(RETRY_MS, signal);
    if (signal?.aborted)
      throw waitAborted("another process of this directory to submit the copy", undefined, undefined);
  }
}

/** Removes a lock left by a process that was killed while it held it (nothing else would). */
export function clearStaleSubmitLock(path: string): void {
  if (existsSync(path) && !holderAlive(path)) rmSync(path, { force: true });
}
