/**
 * Runs the apply-time runtime the way Terraform does: `node <bundle> <subcommand>` as a child
 * process with its inputs in the environment. The bundle is built from the current sources by
 * `scripts/bundle.mjs --outfile` into a temporary directory, once per test file.
 */
import { spawn, spawnSync, type ChildProcess } from "child_process";
import { createHash } from "crypto";
import { mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { emulatorClientEnv } from "../../../lib/emulator/defaults";
import type { Tag } from "../../../lib/runtime/client";
import { claimedTag, deploymentMarker, deploymentOf, pendingTag } from "../../../lib/runtime/ownership";

export const REPO_ROOT = join(__dirname, "..", "..", "..");

/** Builds the bundle into a fresh temporary directory and returns its path. */
export function buildBundle(dir: string): string {
  const outfile = join(dir, "ims-image-copy-runtime.js");
  const r = spawnSync(process.execPath, [join(REPO_ROOT, "scripts", "bundle.mjs"), "--outfile", outfile], {
    encoding: "utf8",
  });
  if (r.status !== 0) throw new Error(`bundling failed (${r.status}): ${r.stderr}${r.stdout}`);
  return outfile;
}

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** A marker as the construct computes it (40 hex digits of a SHA-256). */
export function markerFor(seed: string): string {
  return createHash("sha256").update(seed).digest("hex").slice(0, 40);
}

/** Credentials and endpoint of the emulator, as a user would export them. Nothing else is inherited. */
export function emulatorEnv(url: string): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, ...emulatorClientEnv(url) };
}

export interface RunResult {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface Running {
  readonly child: ChildProcess;
  /** Resolves when stdout has contained `pattern`. */
  waitForStdout(pattern: RegExp, timeoutMs?: number): Promise<string>;
  /** Resolves when stderr has contained `pattern`. */
  waitForStderr(pattern: RegExp, timeoutMs?: number): Promise<string>;
  readonly done: Promise<RunResult>;
}

/** Starts `node <bundle> <sub>` in `cwd` with exactly `env`. */
export function startRuntime(bundle: string, sub: string, env: NodeJS.ProcessEnv, cwd: string): Running {
  const child = spawn(process.execPath, [bundle, sub], { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  const listeners: (() => void)[] = [];
  child.stdout.setEncoding("utf8").on("data", (d: string) => {
    stdout += d;
    listeners.forEach((l) => l());
  });
  child.stderr.setEncoding("utf8").on("data", (d: string) => {
    stderr += d;
    listeners.forEach((l) => l());
  });
  const done = new Promise<RunResult>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  const waitFor = (stream: "stdout" | "stderr", pattern: RegExp, timeoutMs = 20_000): Promise<string> =>
    new Promise((resolve, reject) => {
      const check = (): boolean => {
        const m = pattern.exec(stream === "stdout" ? stdout : stderr);
        if (m) resolve(m[0]);
        return m !== null;
      };
      if (check()) return;
      const timer = setTimeout(
        () => reject(new Error(`${stream} never matched ${pattern}; stdout: ${stdout}; stderr: ${stderr}`)),
        timeoutMs,
      );
      listeners.push(() => {
        if (check()) clearTimeout(timer);
      });
      void done.then(() => {
        if (!check()) {
          clearTimeout(timer);
          reject(
            new Error(
              `the runtime exited before ${stream} matched ${pattern}; stdout: ${stdout}; stderr: ${stderr}`,
            ),
          );
        }
      });
    });
  return {
    child,
    waitForStdout: (p, t) => waitFor("stdout", p, t),
    waitForStderr: (p, t) => waitFor("stderr", p, t),
    done,
  };
}

export function runRuntime(
  bundle: string,
  sub: string,
  env: NodeJS.ProcessEnv,
  cwd: string,
): Promise<RunResult> {
  return startRuntime(bundle, sub, env, cwd).done;
}

/** The copy resource ID that hand-run steps of the tests pass (Terraform passes `terraform_data.<copy>.id`). */
export const TEST_RESOURCE_ID = "0b5a3c1e-7d2f-4e6a-9b8c-1d2e3f4a5b6c";

/** The marker tags a step run in `cwd` (default workspace, no `.terraform`) writes for `configMarker`. */
export function markerTagsFor(
  configMarker: string,
  cwd: string,
  resourceId = TEST_RESOURCE_ID,
): { readonly pending: Tag; readonly claimed: Tag; readonly marker: string } {
  const marker = deploymentMarker(configMarker, deploymentOf(cwd, {}, "default"));
  return { pending: pendingTag(marker), claimed: claimedTag(marker, resourceId), marker };
}
