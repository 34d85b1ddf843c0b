import { parseDebugLog, replayJobs, replayReport, replaySpecOf, type ReplaySpec } from "../../bench/replay";
import { SeedImage } from "../../lib/emulator";
import { copyImageAndWait, type CopyProgress } from "../../lib/runtime/copy";
import { loggerFromEnv } from "../../lib/runtime/log";
import { useHarness } from "../runtime/support/harness-hooks";

const h = useHarness();

/** Copies the seed image with the client's debug log on (times on the harness's clock). */
async function loggedCopy(jobSeconds: number) {
  h.emulator.configure({ jobSeconds });
  const lines: string[] = [];
  const logger = loggerFromEnv({ IMS_COPY_DEBUG: "1" }, "IMS_COPY_DEBUG", (l) => lines.push(l), h.clock.now);
  const progress: CopyProgress[] = [];
  const result = await copyImageAndWait(h.client({ logger }), {
    sourceImageId: SeedImage.ACTIVE_PRIVATE,
    body: { name: "replayed", description: "d" },
    timeoutMs: 3_600_000,
    onProgress: (p) => progress.push(p),
  });
  return { lines, progress, result };
}

describe("npm run bench:replay", () => {
  test("GIVEN the debug log of a copy THEN it finds the job: its submission, what each poll saw, and its end", async () => {
    const submittedAt = h.clock.now();
    const { lines, progress, result } = await loggedCopy(120);
    const jobs = parseDebugLog(["some other output", ...lines].join("\n"));
    expect(jobs.map((j) => j.jobId)).toEqual([result.jobId]);
    const [job] = jobs;
    expect(job.submittedAt).toBeGreaterThanOrEqual(submittedAt);
    const unfinished = job.polls.filter((p) => p.status !== "SUCCESS");
    const jobPolls = progress.filter((p) => p.jobId !== undefined);
    expect(unfinished.map((p) => p.progress)).toEqual(jobPolls.map((p) => p.percent));
    expect(unfinished.length).toBeGreaterThan(3);
    expect(job.polls[unfinished.length].status).toBe("SUCCESS");
    // The emulator gives the job's end_time: the replayed job runs from the submission to it.
    const spec = replaySpecOf(job) as ReplaySpec;
    expect(spec.runMs).toBeGreaterThan(119_000);
    expect(spec.runMs).toBeLessThan(121_000);
    // Between two polls the value holds: at each poll's time, the value that poll saw.
    for (const p of unfinished)
      expect(spec.progressAt((p.at - job.submittedAt!) / spec.runMs)).toBe(p.progress ?? 0);
  });

  test("GIVEN a logged job THEN it prints what the default strategy and fixed 10 s polling do on it", async () => {
    const { lines, result } = await loggedCopy(300);
    const [row] = await replayJobs(parseDebugLog(lines.join("\n")));
    expect(row.jobId).toBe(result.jobId);
    // The emulator's linear progress is informative: seen within 5 s, with fewer calls than 10 s polling.
    expect(row.ours!.lagMs).toBeLessThanOrEqual(5000);
    expect(row.fixed!.lagMs).toBeLessThanOrEqual(10_500);
    expect(row.ours!.calls).toBeLessThan(row.fixed!.calls);
    expect(row.fixed!.calls).toBeGreaterThanOrEqual(30);
    const report = replayReport([row]);
    expect(report).toContain(`| ${result.jobId} |`);
    expect(report.split("\n")[0]).toContain("fixed 10 s: calls");
  });

  test("GIVEN a log whose job never succeeded THEN it says so instead of replaying it", async () => {
    const { lines } = await loggedCopy(60);
    const unfinished = lines.filter((l) => !l.includes('"status":"SUCCESS"'));
    const [row] = await replayJobs(parseDebugLog(unfinished.join("\n")));
    expect(row.why).toBe("no poll saw SUCCESS");
    expect(row.ours).toBeUndefined();
  });
});
