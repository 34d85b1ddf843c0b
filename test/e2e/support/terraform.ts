/**
 * Runs the REAL `terraform` binary on synthesized stacks, offline: no CLI configuration, no
 * checkpoint calls, only built-in `terraform_data` / `terraform_remote_state`. The environment
 * sees `node` and `terraform` only: no NODE_PATH, and the stacks live in a temporary directory
 * outside the repository, so the bundled runtime cannot lean on the repository's node_modules.
 *
 * The emulator runs in the jest process, so terraform is always spawned asynchronously (a
 * synchronous spawn would block the emulator and deadlock the apply).
 */
import { spawn, spawnSync } from "child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, statSync } from "fs";
import { tmpdir } from "os";
import { dirname, join } from "path";
import {
  EMULATOR_ACCESS_KEY,
  EMULATOR_PROJECT_ID,
  EMULATOR_REGION,
  EMULATOR_SECRET_KEY,
} from "../../../lib/emulator/defaults";

/** Absolute path of `terraform` on PATH, or undefined. */
export function findTerraform(): string | undefined {
  const r = spawnSync("sh", ["-c", "command -v terraform"], { encoding: "utf8" });
  const path = r.status === 0 ? r.stdout.trim() : "";
  if (path === "") return undefined;
  const version = spawnSync(path, ["version"], {
    encoding: "utf8",
    env: { ...process.env, TF_CLI_CONFIG_FILE: "/dev/null", CHECKPOINT_DISABLE: "1" },
  });
  return version.status === 0 ? path : undefined;
}

/** The terraform binary `findTerraform` found; a suite that runs without one is a mistake (they are skipped). */
export function requireTerraform(terraform: string | undefined): string {
  if (!terraform) throw new Error("terraform is not on PATH");
  return terraform;
}

/** PATH holding only the directories of `node` and `terraform` (plus /usr/bin:/bin for `sh`). */
export function isolatedPath(terraform: string): string {
  return [dirname(process.execPath), dirname(terraform), "/usr/bin", "/bin"].join(":");
}

/** The environment of `terraform`: emulator credentials, offline settings, nothing from the repo. */
export function terraformEnv(terraform: string, emulatorUrl: string, home: string): NodeJS.ProcessEnv {
  return {
    PATH: isolatedPath(terraform),
    HOME: home,
    NODE_PATH: "",
    TF_CLI_CONFIG_FILE: "/dev/null",
    TF_IN_AUTOMATION: "1",
    TF_INPUT: "0",
    CHECKPOINT_DISABLE: "1",
    HW_ACCESS_KEY: EMULATOR_ACCESS_KEY,
    HW_SECRET_KEY: EMULATOR_SECRET_KEY,
    HW_REGION_NAME: EMULATOR_REGION,
    HW_PROJECT_ID: EMULATOR_PROJECT_ID,
    HW_IMS_ENDPOINT: emulatorUrl,
    HW_IAM_ENDPOINT: emulatorUrl,
  };
}

export interface TfResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface RunningTerraform {
  /** Resolves once stdout matches `pattern`; rejects if terraform exits first. */
  waitForStdout(pattern: RegExp): Promise<void>;
  interrupt(): void;
  /** Process ID of terraform (with `processGroup`, also the ID of its process group). */
  readonly pid: number;
  /**
   * Sends `signal` to terraform alone, or (with `processGroup`) to its whole process group, as a
   * terminal's Ctrl-C does: terraform, the provisioner's shell and the runtime.
   */
  kill(signal: NodeJS.Signals, target?: "process" | "group"): void;
  /** Output seen so far. */
  output(): { readonly stdout: string; readonly stderr: string };
  /**
   * Resolves when terraform itself has exited. `done` waits for its output pipes to close, which
   * an orphaned provisioner (terraform killed with SIGKILL) keeps open.
   */
  readonly exited: Promise<{ readonly code: number | null; readonly signal: NodeJS.Signals | null }>;
  readonly done: Promise<TfResult>;
}

export interface StartOptions {
  /** Start terraform as the leader of a new process group (so the group can be signalled or killed). */
  readonly processGroup?: boolean;
}

/** Starts terraform and lets the caller watch its output and interrupt it (Ctrl-C). */
export function startTerraform(
  terraform: string,
  args: readonly string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
  options: StartOptions = {},
): RunningTerraform {
  const child = spawn(terraform, [...args], {
    cwd,
    env,
    stdio: ["ignore", "pipe", "pipe"],
    detached: options.processGroup === true,
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on("exit", (code, signal) => resolve({ code, signal })),
  );
  let stdout = "";
  let stderr = "";
  const watchers: (() => void)[] = [];
  child.stdout.setEncoding("utf8").on("data", (d: string) => {
    stdout += d;
    watchers.forEach((w) => w());
  });
  child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
  const done = new Promise<TfResult>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
  return {
    waitForStdout: (pattern) =>
      new Promise((resolve, reject) => {
        const check = (): boolean => {
          if (pattern.test(stdout)) resolve();
          return pattern.test(stdout);
        };
        if (check()) return;
        watchers.push(check);
        void done.then(() => {
          if (!check())
            reject(
              new Error(
                `terraform exited before its output matched ${pattern}\n--- stdout\n${stdout}\n--- stderr\n${stderr}`,
              ),
            );
        });
      }),
    interrupt: () => child.kill("SIGINT"),
    pid: child.pid ?? -1,
    kill: (signal, target = "process") => {
      if (target === "group" && options.processGroup !== true)
        throw new Error('kill(signal, "group") needs startTerraform(..., { processGroup: true })');
      if (child.pid === undefined) return;
      try {
        process.kill(target === "group" ? -child.pid : child.pid, signal);
      } catch (error) {
        // ESRCH: the process (group) is already gone, which is what the caller wants.
        if ((error as NodeJS.ErrnoException).code !== "ESRCH") throw error;
      }
    },
    output: () => ({ stdout, stderr }),
    exited,
    done,
  };
}

export function runTerraform(
  terraform: string,
  args: readonly string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
): Promise<TfResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(terraform, [...args], { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/** Runs terraform and fails with its whole output unless it exits with `expected`. */
export async function tf(
  terraform: string,
  args: readonly string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
  expected = 0,
): Promise<TfResult> {
  const r = await runTerraform(terraform, args, cwd, env);
  if (r.code !== expected) {
    throw new Error(
      `terraform ${args.join(" ")} in ${cwd} exited ${r.code} (expected ${expected})\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`,
    );
  }
  return r;
}

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Every regular file under `dir` (recursively). */
export function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    const s = statSync(path);
    if (s.isDirectory()) out.push(...filesUnder(path));
    else if (s.isFile()) out.push(path);
  }
  return out;
}

/** Copies only the configuration and the state of a stack directory (a fresh CI runner). */
export function freshCopyOfStack(stackDir: string, files: readonly string[]): string {
  const fresh = tempDir("ims-e2e-fresh-");
  for (const f of files) {
    mkdirSync(dirname(join(fresh, f)), { recursive: true });
    cpSync(join(stackDir, f), join(fresh, f));
  }
  return fresh;
}
