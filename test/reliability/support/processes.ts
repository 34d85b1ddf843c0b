/**
 * Linux process helpers for the interruption tests: find the runtime that a terraform
 * `local-exec` started (it lives in terraform's process group), and kill whole groups.
 */
import { readdirSync, readFileSync } from "fs";

interface ProcInfo {
  readonly pid: number;
  readonly pgrp: number;
  readonly argv: readonly string[];
}

function readProc(pid: number): ProcInfo | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // "pid (comm) state ppid pgrp ...": comm may hold spaces and parentheses, so split after the last ")".
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const argv = readFileSync(`/proc/${pid}/cmdline`, "utf8")
      .split("\0")
      .filter((a) => a !== "");
    return { pid, pgrp: Number(fields[2]), argv };
  } catch (error) {
    // The process ended while we looked: it is not there.
    if (
      (error as NodeJS.ErrnoException).code === "ENOENT" ||
      (error as NodeJS.ErrnoException).code === "ESRCH"
    )
      return undefined;
    throw error;
  }
}

/** Processes of process group `pgrp` (live ones; zombies have an empty command line and are left out). */
export function processesInGroup(pgrp: number): ProcInfo[] {
  return readdirSync("/proc")
    .filter((e) => /^\d+$/.test(e))
    .map((e) => readProc(Number(e)))
    .filter((p): p is ProcInfo => p !== undefined && p.pgrp === pgrp && p.argv.length > 0);
}

/**
 * PIDs of `node <runtime> <sub>` processes in group `pgrp`, `<runtime>` being any path whose file
 * name is `runtimeFile` (terraform runs the stack's asset copy, by a relative path).
 */
export function runtimePids(pgrp: number, runtimeFile: string, sub: string): number[] {
  return processesInGroup(pgrp)
    .filter(
      (p) =>
        p.argv.some((a) => a === runtimeFile || a.endsWith(`/${runtimeFile}`)) &&
        p.argv[p.argv.length - 1] === sub,
    )
    .map((p) => p.pid);
}

/** Sends `signal` to each PID, ignoring processes that are already gone. */
export function signalAll(pids: readonly number[], signal: NodeJS.Signals): void {
  for (const pid of pids) {
    try {
      process.kill(pid, signal);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ESRCH") throw error;
    }
  }
}

/** SIGKILLs a whole process group (orphaned provisioners included) and waits until it is empty. */
export async function killGroup(pgrp: number, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      process.kill(-pgrp, "SIGKILL");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ESRCH") return;
      throw error;
    }
    if (processesInGroup(pgrp).length === 0) return;
    if (Date.now() > until) throw new Error(`process group ${pgrp} is still alive after SIGKILL`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
