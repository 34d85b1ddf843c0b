/**
 * The polls of one job of the completion benchmark, as the default strategy made them: what it saw
 * and how long it waited, then the lag. For looking into a row of `npm run bench:completion`:
 *
 *   npm run bench:trace -- <shape> <seconds> [nearest|down] [seed]
 *
 * The job is the benchmark's own (same jitter for the same shape, size and seed, 1 to 12).
 */
import { runShapeJob, type TracedPoll } from "./completion";
import { ROUNDINGS, shapeNamed, type Rounding } from "./progress-shapes";

export async function traceJob(args: readonly string[]): Promise<string> {
  const [name, seconds, rounding = "nearest", seed = "1"] = args;
  const durationSeconds = Number(seconds);
  if (!name || !Number.isInteger(durationSeconds) || durationSeconds <= 0)
    throw new Error("Usage: npm run bench:trace -- <shape> <seconds> [nearest|down] [seed]");
  if (!(ROUNDINGS as readonly string[]).includes(rounding))
    throw new Error(`Unknown rounding "${rounding}": use ${ROUNDINGS.join(" or ")}.`);
  const trace: TracedPoll[] = [];
  const run = await runShapeJob(
    shapeNamed(name),
    durationSeconds,
    rounding as Rounding,
    Number(seed),
    "ours",
    undefined,
    trace,
  );
  const lines = trace.map((p) =>
    p.attempt === 0
      ? `submitted: first poll in ${(p.delayMs / 1000).toFixed(1)} s`
      : `#${p.attempt} at ${(p.elapsedMs / 1000).toFixed(1)} s: ${p.progress === undefined ? "-" : `${Math.round(p.progress * 100)} %`}, next poll in ${(p.delayMs / 1000).toFixed(1)} s`,
  );
  lines.push(`#${run.calls}: SUCCESS seen ${(run.lagMs / 1000).toFixed(1)} s after the job ended`);
  return `${name}, ${durationSeconds} s, rounded ${rounding}, seed ${seed}: ${run.calls} polls\n${lines.join("\n")}`;
}

if (require.main === module) {
  traceJob(process.argv.slice(2)).then(
    (text) => console.log(text),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : String(error));
      process.exit(1);
    },
  );
}
