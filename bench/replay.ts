/**
 * Replays the copy jobs of a debug log through the default strategy and fixed 10 s polling:
 *
 *   IMS_COPY_DEBUG=1 terraform apply 2>&1 | tee apply.log     # or the CLI, on a real copy
 *   npm run bench:replay -- apply.log
 *
 * The log's lines carry their times (lib/runtime/log.ts); from each job's polls (the responses of
 * ShowJob and ShowJobProgress, read by the client's own `parseJob`) this rebuilds what the job
 * showed: the submission at 0 (the copy POST's answer, else the first poll), each value from the
 * poll that saw it until the next, and the end at the job's `end_time` when the service gave one,
 * else halfway between the last unfinished poll and the one that saw SUCCESS. Between two logged
 * polls the value is taken to hold: a replay can only be as fine as the log's own polls. Then it
 * waits for that job as the completion benchmark does (`runSimulatedJob`, the create step's loop
 * on a simulated clock). A log of the real service's jobs is how its `process_percent` becomes
 * known, and a replayed job is a held-out shape no one wrote.
 */
import { readFileSync } from "node:fs";
import { parseImsTime, parseJob } from "../lib/runtime/client";
import { runSimulatedJob } from "./completion";
import { seededRandom } from "./support/stats";
import { markdownTable } from "./support/table";

export interface LoggedPoll {
  /** Milliseconds since the epoch. */
  readonly at: number;
  readonly status: string;
  readonly progress?: number;
  /** The job's `end_time`, when the service gave one. */
  readonly endAt?: number;
}

export interface LoggedJob {
  readonly jobId: string;
  /** When the copy POST that started the job was answered, if the log has it. */
  readonly submittedAt?: number;
  readonly polls: readonly LoggedPoll[];
}

/** `[ims-image-copy] <ISO time> <- <METHOD> <origin><path> <status> in <n> ms[ request <id>] <body>` */
const RESPONSE =
  /\[ims-image-copy\] (\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z) <- (GET|POST) \S+?(\/v1\/[^\s]+) (\d{3}) in \d+ ms(?: request \S+)? (.*)$/;
const JOB_PATH = /^\/v1\/(?:cloudimages\/job|[^/]+\/jobs)\/([^/?]+)$/;
const COPY_PATH = /^\/v1\/cloudimages\/[^/]+\/copy$/;

function json(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The copy jobs of a debug log, in the order they were first seen; lines of anything else are skipped. */
export function parseDebugLog(text: string): LoggedJob[] {
  const jobs = new Map<string, { submittedAt?: number; polls: LoggedPoll[] }>();
  const jobOf = (id: string) => jobs.get(id) ?? jobs.set(id, { polls: [] }).get(id)!;
  for (const line of text.split(/\r?\n/)) {
    const m = RESPONSE.exec(line);
    if (!m) continue;
    const [, time, method, path, status, body] = m;
    const at = Date.parse(time);
    const data = json(body);
    if (status !== "200" || data === undefined) continue;
    if (method === "POST" && COPY_PATH.test(path)) {
      const jobId = (data as { job_id?: unknown }).job_id;
      if (typeof jobId === "string" && jobId !== "") jobOf(jobId).submittedAt ??= at;
      continue;
    }
    const jobPath = method === "GET" ? JOB_PATH.exec(path) : null;
    if (!jobPath) continue;
    const job = parseJob(data, "show job", { status: 200, data });
    const endAt = parseImsTime(job.endTime);
    jobOf(jobPath[1]).polls.push({
      at,
      status: job.status,
      ...(job.processPercent !== undefined ? { progress: job.processPercent } : {}),
      ...(endAt !== undefined ? { endAt } : {}),
    });
  }
  return [...jobs].map(([jobId, j]) => ({ jobId, ...j }));
}

export interface ReplaySpec {
  /** From the submission to the end. */
  readonly runMs: number;
  /** What the job showed at fraction f of its running time. */
  readonly progressAt: (f: number) => number;
}

/** The job a log shows, or why it cannot be replayed. */
export function replaySpecOf(job: LoggedJob): ReplaySpec | string {
  const done = job.polls.findIndex((p) => p.status === "SUCCESS");
  if (done < 0) return "no poll saw SUCCESS";
  const running = job.polls.slice(0, done);
  const start = job.submittedAt ?? job.polls[0].at;
  const lastUnfinished = running.length > 0 ? running[running.length - 1].at : start;
  const endAt = job.polls[done].endAt ?? (lastUnfinished + job.polls[done].at) / 2;
  const runMs = Math.max(1, endAt - start);
  const seen = running.map((p) => ({ t: (p.at - start) / runMs, p: p.progress ?? 0 }));
  return {
    runMs,
    progressAt: (f) => {
      let value = 0;
      for (const s of seen) if (s.t <= f) value = s.p;
      return value;
    },
  };
}

export interface ReplayRow {
  readonly jobId: string;
  readonly polls: number;
  readonly runMs?: number;
  readonly why?: string;
  readonly ours?: { readonly calls: number; readonly lagMs: number };
  readonly fixed?: { readonly calls: number; readonly lagMs: number };
}

export async function replayJobs(jobs: readonly LoggedJob[]): Promise<ReplayRow[]> {
  const rows: ReplayRow[] = [];
  for (const job of jobs) {
    const spec = replaySpecOf(job);
    if (typeof spec === "string") {
      rows.push({ jobId: job.jobId, polls: job.polls.length, why: spec });
      continue;
    }
    // The values logged are what the service showed: no rounding of its own beyond whole percents.
    const sim = { initMs: 0, runMs: spec.runMs, progressAt: spec.progressAt, rounding: "nearest" as const };
    const label = `job ${job.jobId} (replayed)`;
    const [ours, fixed] = [
      await runSimulatedJob(label, sim, seededRandom(1), "ours"),
      await runSimulatedJob(label, sim, seededRandom(1), "fixed-10s"),
    ];
    rows.push({ jobId: job.jobId, polls: job.polls.length, runMs: spec.runMs, ours, fixed });
  }
  return rows;
}

export function replayReport(rows: readonly ReplayRow[]): string {
  const s = (ms: number | undefined) => (ms === undefined ? "-" : (ms / 1000).toFixed(1));
  return markdownTable(
    [
      "job",
      "polls logged",
      "job (s)",
      "ours: calls",
      "ours: lag (s)",
      "fixed 10 s: calls",
      "fixed 10 s: lag (s)",
      "note",
    ],
    rows.map((r) => [
      r.jobId,
      r.polls,
      s(r.runMs),
      r.ours?.calls ?? "-",
      s(r.ours?.lagMs),
      r.fixed?.calls ?? "-",
      s(r.fixed?.lagMs),
      r.why ?? "",
    ]),
  );
}

if (require.main === module) {
  (async () => {
    const [file] = process.argv.slice(2);
    if (!file) throw new Error("Usage: npm run bench:replay -- <log of a run with IMS_COPY_DEBUG=1>");
    const jobs = parseDebugLog(readFileSync(file, "utf8"));
    if (jobs.length === 0)
      throw new Error(
        `${file} has no job polls: it must be the output of a run with IMS_COPY_DEBUG=1 (stderr included)`,
      );
    console.log(replayReport(await replayJobs(jobs)));
  })().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  });
}
