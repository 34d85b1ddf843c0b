/**
 * Fleet apply: N copies in one stack, the REAL `terraform apply -parallelism=P` against the
 * emulator (in this process, on the wall clock) with a limit of L concurrent copy jobs per project
 * (IMG.0060 beyond it) and a share of IMS requests failing with 503 (seeded). Checks that every
 * copy succeeds exactly once, and compares the apply's wall time with the ideal
 * (job duration x ceil(N / L)). Goal (issue 5): at most 1.3x; report API calls per copy.
 *
 * terraform is spawned asynchronously (a synchronous spawn would block the emulator).
 */
import { spawn, spawnSync } from "child_process";
import { mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import { dirname, join, resolve } from "path";
import { App, LocalBackend, TerraformOutput, TerraformStack } from "cdktf";
import { emulatorClientEnv, ImsEmulator, SeedImage, type RequestLogEntry } from "../lib/emulator";
import { ImsImageCopy } from "../lib";
import { RUNTIME_BUNDLE_CONTEXT_KEY } from "../lib/runtime-asset";
import { median, quantile } from "./support/stats";
import { markdownTable, verdict } from "./support/table";

const REPO_ROOT = resolve(__dirname, "..");
const GOAL_RATIO = 1.3;

export interface FleetOptions {
  /** @default 100 */
  readonly copies?: number;
  /** Seconds each copy job runs. @default 15 */
  readonly jobSeconds?: number;
  /** Concurrent copy jobs per project. @default 10 */
  readonly maxConcurrentJobs?: number;
  /** terraform -parallelism. @default 20 */
  readonly parallelism?: number;
  /** Share of IMS requests answered 503. @default 0.1 */
  readonly faultProbability?: number;
  /** @default 7 */
  readonly randomSeed?: number;
  /** Called with progress lines (terraform output is not echoed). */
  readonly log?: (line: string) => void;
  /** Runtime bundle to ship. @default built from the current sources by scripts/bundle.mjs */
  readonly bundle?: string;
}

export interface FleetResult {
  readonly copies: number;
  readonly jobSeconds: number;
  readonly maxConcurrentJobs: number;
  readonly parallelism: number;
  readonly faultProbability: number;
  readonly applyMs: number;
  readonly idealMs: number;
  readonly ratio: number;
  readonly allSucceeded: boolean;
  readonly copiesFound: number;
  readonly duplicates: number;
  readonly jobs: number;
  readonly requests: number;
  readonly callsPerCopy: number;
  readonly byKind: ReadonlyMap<string, number>;
  readonly injected503: number;
  readonly flowControlRefusals: number;
  /** Sum of job running time / (L x span from first submission to last job end). */
  readonly slotUtilization: number;
  /** From a job's end to the first successful poll of it. */
  readonly detectionLagMedianMs: number;
  readonly detectionLagP95Ms: number;
  /** From the apply's start to the first job submission, and from the last job end to the apply's end. */
  readonly leadInMs: number;
  readonly tailMs: number;
  readonly pass: boolean;
  readonly failure?: string;
}

function findTerraform(): string {
  const r = spawnSync("sh", ["-c", "command -v terraform"], { encoding: "utf8" });
  const path = r.status === 0 ? r.stdout.trim() : "";
  if (path === "") throw new Error("terraform is not on PATH: the fleet benchmark needs terraform >= 1.4");
  return path;
}

function terraformEnv(terraform: string, url: string, home: string): NodeJS.ProcessEnv {
  return {
    PATH: [dirname(process.execPath), dirname(terraform), "/usr/bin", "/bin"].join(":"),
    HOME: home,
    TF_CLI_CONFIG_FILE: "/dev/null",
    TF_IN_AUTOMATION: "1",
    TF_INPUT: "0",
    CHECKPOINT_DISABLE: "1",
    ...emulatorClientEnv(url),
  };
}

function run(
  cmd: string,
  args: readonly string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(cmd, [...args], { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolvePromise({ code, stdout, stderr }));
  });
}

/** What an IMS request was for, from its method and path. */
export function requestKind(e: Pick<RequestLogEntry, "method" | "path">): string {
  if (e.method === "POST" && /\/copy$/.test(e.path)) return "POST copy";
  if (e.method === "GET" && /\/jobs?\//.test(e.path)) return "GET job";
  if (e.method === "GET" && /^\/v2\/cloudimages$/.test(e.path)) return "GET images";
  if (/\/tags/.test(e.path)) return `${e.method} tags`;
  if (e.method === "PATCH") return "PATCH image";
  if (e.method === "DELETE") return "DELETE image";
  return `${e.method} other`;
}

/** The distinct runtime errors in terraform's output, with counts (request IDs removed). */
export function summarizeFailures(output: string): string {
  const counts = new Map<string, number>();
  // terraform's error blocks (stderr) end with the runtime's message and a blank line.
  const re = /ims-image-copy (\w+) failed: ((?:.+\n?)+?)(?:\n\s*\n|$)/g;
  for (let m = re.exec(output); m !== null; m = re.exec(output)) {
    const message = `${m[1]} failed: ${m[2]
      .replace(/\s+/g, " ")
      .replace(/\(request ID [0-9a-f]+\)/g, "(request ID ...)")
      .trim()}`;
    counts.set(message, (counts.get(message) ?? 0) + 1);
  }
  if (counts.size === 0) return output.trim().split("\n").slice(-5).join(" ");
  return [...counts.entries()].map(([message, n]) => `${n} x "${message}"`).join("; ");
}

function buildBundle(dir: string): string {
  const outfile = join(dir, "ims-image-copy-runtime.js");
  const r = spawnSync(process.execPath, [join(REPO_ROOT, "scripts", "bundle.mjs"), "--outfile", outfile], {
    encoding: "utf8",
  });
  if (r.status !== 0) throw new Error(`bundling failed (${r.status}): ${r.stderr}${r.stdout}`);
  return outfile;
}

function synthesize(outdir: string, bundle: string, copies: number): string {
  // skipValidation: cdktf would run `terraform version` once per terraform_data (see bench/synth.ts).
  const app = new App({
    outdir,
    stackTraces: false,
    skipValidation: true,
    context: { [RUNTIME_BUNDLE_CONTEXT_KEY]: bundle },
  });
  const stack = new TerraformStack(app, "fleet");
  new LocalBackend(stack, { path: "terraform.tfstate" });
  for (let i = 0; i < copies; i++) {
    const copy = new ImsImageCopy(stack, `copy${i}`, {
      sourceImageId: SeedImage.ACTIVE_PRIVATE,
      name: `fleet-copy-${i}`,
      tags: { fleet: "bench" },
    });
    new TerraformOutput(stack, `image_id_${i}`, { value: copy.imageId, staticId: true });
  }
  app.synth();
  return join(outdir, "stacks", "fleet");
}

export async function runFleetBench(options: FleetOptions = {}): Promise<FleetResult> {
  const copies = options.copies ?? 100;
  const jobSeconds = options.jobSeconds ?? 15;
  const maxConcurrentJobs = options.maxConcurrentJobs ?? 10;
  const parallelism = options.parallelism ?? 20;
  const faultProbability = options.faultProbability ?? 0.1;
  const log = options.log ?? (() => undefined);
  const terraform = findTerraform();
  const work = mkdtempSync(join(tmpdir(), "ims-bench-fleet-"));
  const emulator = new ImsEmulator({
    jobSeconds,
    initSeconds: 0,
    maxConcurrentCopyJobs: maxConcurrentJobs,
    flowControl: "IMG.0060",
    imageQuota: copies + 100,
    randomSeed: options.randomSeed ?? 7,
  });
  try {
    const bundle = options.bundle ?? buildBundle(work);
    const dir = synthesize(join(work, "cdktf.out"), bundle, copies);
    const url = await emulator.start();
    const env = terraformEnv(terraform, url, work);
    const init = await run(terraform, ["init", "-input=false", "-no-color"], dir, env);
    if (init.code !== 0) throw new Error(`terraform init failed: ${init.stderr}${init.stdout}`);
    if (faultProbability > 0)
      emulator.addFault({
        path: "^/v[12]/",
        status: 503,
        imsCode: "SYS.0503",
        message: "injected by the fleet benchmark",
        probability: faultProbability,
      });
    log(
      `terraform apply -parallelism=${parallelism}: ${copies} copies of ${jobSeconds} s, ${maxConcurrentJobs} concurrent jobs, ${Math.round(faultProbability * 100)} % 503`,
    );
    const applyStart = Date.now();
    const apply = await run(
      terraform,
      ["apply", "-auto-approve", "-input=false", "-no-color", `-parallelism=${parallelism}`],
      dir,
      env,
    );
    const applyEnd = Date.now();
    const applyMs = applyEnd - applyStart;
    const failure =
      apply.code === 0
        ? undefined
        : `terraform apply exited ${apply.code}: ${summarizeFailures(apply.stderr || apply.stdout)}`;
    emulator.clearFaults();

    const images = emulator.images().filter((i) => i.jobId !== undefined && i.info.status !== "deleted");
    const names = new Map<string, number>();
    for (const i of images) names.set(i.info.name as string, (names.get(i.info.name as string) ?? 0) + 1);
    const duplicates = [...names.values()].reduce((a, n) => a + Math.max(0, n - 1), 0);
    const allActive = images.every((i) => i.info.status === "active");
    const jobs = emulator.jobs();
    const requests = emulator.requests();
    const byKind = new Map<string, number>();
    for (const r of requests) byKind.set(requestKind(r), (byKind.get(requestKind(r)) ?? 0) + 1);
    const injected503 = requests.filter((r) => r.faultId !== undefined).length;
    const flowControlRefusals = requests.filter(
      (r) => requestKind(r) === "POST copy" && r.status === 400 && r.faultId === undefined,
    ).length;

    // Timeline: slot use and detection lag, from the jobs and the request log.
    const ends = jobs.map((j) => j.submittedAt + j.initMs + j.runMs);
    const firstSubmit = Math.min(...jobs.map((j) => j.submittedAt));
    const lastEnd = Math.max(...ends);
    const busy = jobs.reduce((a, j) => a + j.initMs + j.runMs, 0);
    const slotUtilization = busy / (Math.min(maxConcurrentJobs, copies) * (lastEnd - firstSubmit));
    const lags: number[] = [];
    for (const j of jobs) {
      const end = j.submittedAt + j.initMs + j.runMs;
      const seen = requests.find(
        (r) => r.status === 200 && r.path.endsWith(`/${j.jobId}`) && Date.parse(r.time) >= end,
      );
      if (seen) lags.push(Date.parse(seen.time) - end);
    }
    const idealMs = jobSeconds * 1000 * Math.ceil(copies / maxConcurrentJobs);
    const allSucceeded = apply.code === 0 && images.length === copies && allActive;
    const ratio = applyMs / idealMs;
    return {
      copies,
      jobSeconds,
      maxConcurrentJobs,
      parallelism,
      faultProbability,
      applyMs,
      idealMs,
      ratio,
      allSucceeded,
      copiesFound: images.length,
      duplicates,
      jobs: jobs.length,
      requests: requests.length,
      callsPerCopy: requests.length / copies,
      byKind,
      injected503,
      flowControlRefusals,
      slotUtilization,
      detectionLagMedianMs: median(lags),
      detectionLagP95Ms: quantile(lags, 0.95),
      leadInMs: firstSubmit - applyStart,
      tailMs: applyEnd - lastEnd,
      pass: allSucceeded && duplicates === 0 && jobs.length === copies && ratio <= GOAL_RATIO,
      failure,
    };
  } finally {
    await emulator.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

export function fleetTable(r: FleetResult): string {
  const s = (ms: number): string => (Number.isFinite(ms) ? `${(ms / 1000).toFixed(1)} s` : "-");
  const main = markdownTable(
    ["measure", "value", "goal"],
    [
      [
        "setup",
        `${r.copies} copies, ${r.jobSeconds} s jobs, ${r.maxConcurrentJobs} concurrent jobs (IMG.0060 beyond), -parallelism=${r.parallelism}, ${Math.round(r.faultProbability * 100)} % of IMS requests 503`,
        "",
      ],
      [
        "every copy succeeded (apply exit 0, all images active)",
        `${r.copiesFound} of ${r.copies}`,
        verdict(r.allSucceeded),
      ],
      [
        "duplicate copies / copy jobs",
        `${r.duplicates} / ${r.jobs} jobs`,
        verdict(r.duplicates === 0 && r.jobs === r.copies),
      ],
      ["apply wall time", s(r.applyMs), ""],
      ["ideal (job duration x ceil(copies / limit))", s(r.idealMs), ""],
      ["wall / ideal", `${r.ratio.toFixed(2)}x`, verdict(r.ratio <= GOAL_RATIO)],
      ["API calls per copy", r.callsPerCopy.toFixed(1), "reported"],
      [
        "  of which injected 503 / IMG.0060 refusals (whole run)",
        `${r.injected503} / ${r.flowControlRefusals}`,
        "",
      ],
      [
        "job slot utilization (first submission to last job end)",
        `${(r.slotUtilization * 100).toFixed(0)} %`,
        "",
      ],
      ["detection lag, median / p95", `${s(r.detectionLagMedianMs)} / ${s(r.detectionLagP95Ms)}`, ""],
      [
        "apply start to first submission / last job end to apply end",
        `${s(r.leadInMs)} / ${s(r.tailMs)}`,
        "",
      ],
    ],
  );
  const kinds = markdownTable(
    ["request", "count", "per copy"],
    [...r.byKind.entries()].sort((a, b) => b[1] - a[1]).map(([k, n]) => [k, n, (n / r.copies).toFixed(2)]),
  );
  return `${main}\n\n${kinds}${r.failure ? `\n\n${r.failure}` : ""}`;
}
