/**
 * Helpers of the package tests: the flavour layout (scripts/flavour-layout.cjs), tarball listing,
 * and asynchronous commands (the emulator runs in the jest process, so nothing may block it).
 */
import { spawn, spawnSync } from "child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";

export interface Flavour {
  readonly package: string;
  readonly framework: string;
  readonly description: string;
  readonly peerDependencies: Readonly<Record<string, string>>;
  readonly minimumVersions: Readonly<Record<string, string>>;
  readonly python: { readonly distName: string; readonly module: string };
}

interface Layout {
  readonly ROOT: string;
  readonly MANIFEST: { readonly version: string; readonly dependencies?: Record<string, string> };
  readonly FLAVOURS: Readonly<Record<string, Flavour>>;
  stageDir(flavour: string): string;
  tarballPath(flavour: string): string;
  codeBlocks(markdown: string, language: string): { line: number; code: string }[];
  flavourOfSnippet(code: string): string;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
export const layout = require("../../scripts/flavour-layout.cjs") as Layout;
export const FLAVOUR_NAMES = Object.keys(layout.FLAVOURS);

/** The tarball of a flavour; fails with what to run when `npm run pack:all` has not. */
export function tarball(flavour: string): string {
  const path = layout.tarballPath(flavour);
  if (!existsSync(path)) throw new Error(`${path} does not exist: run "npm run pack:all" first`);
  return path;
}

/** The paths in a tarball, without npm's `package/` prefix (directories left out). */
export function tarballEntries(file: string): string[] {
  const listed = spawnSync("tar", ["-tzf", file], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (listed.status !== 0) throw new Error(`tar -tzf ${file} failed: ${listed.stderr}`);
  return listed.stdout
    .split("\n")
    .filter((line) => line !== "" && !line.endsWith("/"))
    .map((line) => {
      if (!line.startsWith("package/")) throw new Error(`${file}: entry outside package/: ${line}`);
      return line.slice("package/".length);
    });
}

const extracted = new Map<string, string>();

/** One file of a tarball, as text (the tarball is extracted once, into a temporary directory). */
export function tarballFile(file: string, path: string): string {
  let dir = extracted.get(file);
  if (dir === undefined) {
    dir = mkdtempSync(join(tmpdir(), "ims-tarball-"));
    const unpacked = spawnSync("tar", ["-xzf", file, "-C", dir], { encoding: "utf8" });
    if (unpacked.status !== 0) throw new Error(`tar -xzf ${file} failed: ${unpacked.stderr}`);
    extracted.set(file, dir);
  }
  return readFileSync(join(dir, "package", path), "utf8");
}

/** Removes the directories `tarballFile` extracted into. */
export function removeExtractedTarballs(): void {
  for (const dir of extracted.values()) rmSync(dir, { recursive: true, force: true });
  extracted.clear();
}

export interface CommandResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a command without blocking the event loop; fails with its output unless it exits with `expected`. */
export function run(
  command: string,
  args: readonly string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; expected?: number },
): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, [...args], {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => {
      const expected = options.expected ?? 0;
      if (code !== expected) {
        reject(
          new Error(
            `${command} ${args.join(" ")} in ${options.cwd} exited ${code} (expected ${expected})\n--- stdout\n${stdout}\n--- stderr\n${stderr}`,
          ),
        );
      } else resolve({ code, stdout, stderr });
    });
  });
}

/** A Node.js binary of CI's tools (.ci/tools, `npm ci --prefix .ci/tools`), e.g. `node22`. */
export function ciNode(name: string): string {
  const path = join(layout.ROOT, ".ci", "tools", "node_modules", name, "bin", "node");
  if (!existsSync(path)) {
    throw new Error(
      `${path} does not exist: run "npm ci --prefix .ci/tools" (Node.js binaries from the npm registry)`,
    );
  }
  return path;
}

/** Absolute path of `terraform` on PATH; the package tests need it. */
export function terraformBinary(): string {
  const found = spawnSync("sh", ["-c", "command -v terraform"], { encoding: "utf8" });
  const path = found.stdout.trim();
  if (found.status !== 0 || path === "")
    throw new Error("terraform is not on PATH: the package tests apply stacks");
  return path;
}
