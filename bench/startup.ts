/**
 * Start-up of the apply-time runtime: Terraform runs `node <bundle> create` as a fresh process per
 * resource, so the time from process start to its first HTTP request is paid once per copy.
 * Measured against `node -e 0` (spawn to exit) on the same machine in the same run, interleaved,
 * medians of N runs. Goal (issue 5): at most 1.5x.
 *
 * The first request arrives at a tiny local HTTP server in this process, which records the
 * arrival time on the same clock as the spawn (`performance.now()`) and then ends the child.
 */
import { spawn, spawnSync } from "child_process";
import { mkdtempSync, rmSync, statSync } from "fs";
import { createServer, type Server } from "http";
import type { AddressInfo } from "net";
import { tmpdir } from "os";
import { join, resolve } from "path";
import { performance } from "perf_hooks";
import { emulatorClientEnv, SeedImage } from "../lib/emulator";
import { RuntimeEnv } from "../lib/shared/constants";
import { median } from "./support/stats";
import { markdownTable, verdict } from "./support/table";

export const REPO_ROOT = resolve(__dirname, "..");
export const DEFAULT_BUNDLE = join(REPO_ROOT, "bundle", "ims-image-copy-runtime.js");
const GOAL_RATIO = 1.5;

export interface StartupOptions {
  /** Runs of each command. @default 21 */
  readonly runs?: number;
  /** @default bundle/ims-image-copy-runtime.js (build it first with `npm run build`) */
  readonly bundle?: string;
}

export interface StartupResult {
  readonly runs: number;
  readonly bundleBytes: number;
  /** `node -e 0`, spawn to exit. */
  readonly nodeBaselineMs: number;
  /** `node -e <one http.get>`: spawn to the request's arrival (what any node client pays). */
  readonly nodeHttpMs: number;
  /** Time `require(bundle)` takes inside a fresh process (loading without running it). */
  readonly bundleLoadMs: number;
  /** `node <bundle> create`: spawn to its first request. */
  readonly runtimeFirstRequestMs: number;
  readonly ratio: number;
  readonly pass: boolean;
}

/** A server that resolves the pending waiter when a request arrives. */
class FirstRequestServer {
  private readonly server: Server;
  private waiter?: (at: number) => void;
  url = "";
  constructor() {
    this.server = createServer((req, res) => {
      const at = performance.now();
      this.waiter?.(at);
      this.waiter = undefined;
      req.resume();
      res.writeHead(503, { "content-type": "application/json", connection: "close" });
      res.end('{"error":{"code":"BENCH.0001","message":"benchmark server"}}');
    });
  }
  async start(): Promise<void> {
    await new Promise<void>((r) => this.server.listen(0, "127.0.0.1", () => r()));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }
  next(): Promise<number> {
    return new Promise((r) => (this.waiter = r));
  }
  stop(): Promise<void> {
    return new Promise((r) => {
      this.server.close(() => r());
      this.server.closeAllConnections();
    });
  }
}

function runtimeEnv(url: string): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    ...emulatorClientEnv(url),
    [RuntimeEnv.SOURCE_IMAGE_ID]: SeedImage.ACTIVE_PRIVATE,
    [RuntimeEnv.NAME]: "bench-copy",
    [RuntimeEnv.DESCRIPTION]: "",
    [RuntimeEnv.KMS_KEY_ID]: "",
    [RuntimeEnv.ENTERPRISE_PROJECT_ID]: "",
    [RuntimeEnv.TAGS]: "{}",
    [RuntimeEnv.REGION]: "",
    [RuntimeEnv.PROJECT_ID]: "",
    [RuntimeEnv.ENDPOINT]: "",
    [RuntimeEnv.MARKER]: "0123456789abcdef0123456789abcdef01234567",
    [RuntimeEnv.RESOURCE_ID]: "0b5a3c1e-7d2f-4e6a-9b8c-1d2e3f4a5b6c",
    [RuntimeEnv.CONSTRUCT_PATH]: "bench/copy",
    [RuntimeEnv.CREATE_TIMEOUT_MINUTES]: "5",
    [RuntimeEnv.RESULT_FILE]: ".ims-image-copy/results/bench.json",
  };
}

/** Spawn to exit. */
function timeToExit(args: readonly string[], cwd: string): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [...args], { cwd, stdio: "ignore" });
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0
        ? resolvePromise(performance.now() - started)
        : reject(new Error(`node ${args.join(" ")} exited ${code}`)),
    );
  });
}

/** Milliseconds a fresh process spends in `require(file)`, as it reports. */
function requireTime(file: string, cwd: string): number {
  const script = `const t = process.hrtime.bigint(); require(${JSON.stringify(file)}); process.stdout.write(String(Number(process.hrtime.bigint() - t) / 1e6));`;
  const r = spawnSync(process.execPath, ["-e", script], { cwd, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`loading ${file} failed: ${r.stderr}`);
  return Number(r.stdout);
}

/** Spawn to the first request at `server`; the child is killed then. */
async function timeToFirstRequest(
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  cwd: string,
  server: FirstRequestServer,
): Promise<number> {
  const arrived = server.next();
  const started = performance.now();
  const child = spawn(process.execPath, [...args], { cwd, env, stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
  const exited = new Promise<number>((_, reject) =>
    child.on("exit", (code) =>
      reject(new Error(`node ${args.join(" ")} exited ${code} before its first request: ${stderr}`)),
    ),
  );
  try {
    const at = await Promise.race([arrived, exited]);
    return at - started;
  } finally {
    child.kill("SIGKILL");
    await new Promise((r) =>
      child.exitCode !== null || child.signalCode !== null ? r(undefined) : child.once("exit", r),
    );
  }
}

export async function runStartupBench(options: StartupOptions = {}): Promise<StartupResult> {
  const runs = options.runs ?? 21;
  const bundle = options.bundle ?? DEFAULT_BUNDLE;
  const bundleBytes = statSync(bundle).size;
  const cwd = mkdtempSync(join(tmpdir(), "ims-bench-startup-"));
  const server = new FirstRequestServer();
  await server.start();
  const baseline: number[] = [];
  const http: number[] = [];
  const load: number[] = [];
  const runtime: number[] = [];
  const httpScript = `require("http").get(${JSON.stringify(server.url)}, (r) => r.resume())`;
  try {
    // Warm the file cache once, untimed.
    spawnSync(process.execPath, ["-e", `require(${JSON.stringify(bundle)})`], { stdio: "ignore" });
    for (let i = 0; i < runs; i++) {
      baseline.push(await timeToExit(["-e", "0"], cwd));
      http.push(await timeToFirstRequest(["-e", httpScript], { PATH: process.env.PATH }, cwd, server));
      load.push(requireTime(bundle, cwd));
      runtime.push(await timeToFirstRequest([bundle, "create"], runtimeEnv(server.url), cwd, server));
    }
  } finally {
    await server.stop();
    rmSync(cwd, { recursive: true, force: true });
  }
  const nodeBaselineMs = median(baseline);
  const runtimeFirstRequestMs = median(runtime);
  const ratio = runtimeFirstRequestMs / nodeBaselineMs;
  return {
    runs,
    bundleBytes,
    nodeBaselineMs,
    nodeHttpMs: median(http),
    bundleLoadMs: median(load),
    runtimeFirstRequestMs,
    ratio,
    pass: ratio <= GOAL_RATIO,
  };
}

export function startupTable(r: StartupResult): string {
  const ms = (v: number): string => `${v.toFixed(1)} ms`;
  return markdownTable(
    ["measure (median of " + r.runs + ")", "time", "x node -e 0"],
    [
      ["`node -e 0` (spawn to exit)", ms(r.nodeBaselineMs), "1.00"],
      [
        "`node -e 'http.get(...)'` (spawn to first request)",
        ms(r.nodeHttpMs),
        (r.nodeHttpMs / r.nodeBaselineMs).toFixed(2),
      ],
      [
        `\`require(bundle)\` inside a fresh process (load only, bundle ${(r.bundleBytes / 1024).toFixed(1)} KiB)`,
        ms(r.bundleLoadMs),
        (r.bundleLoadMs / r.nodeBaselineMs).toFixed(2),
      ],
      ["`node bundle create` (spawn to first request)", ms(r.runtimeFirstRequestMs), r.ratio.toFixed(2)],
      [`goal: runtime <= ${GOAL_RATIO}x node -e 0`, "", verdict(r.pass)],
    ],
  );
}
