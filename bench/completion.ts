/**
 * Completion detection of the copy job: how soon after a copy job ends the runtime sees it, and at
 * what cost in API calls, compared with the official provider's fixed 10 s polling (first poll
 * 10 s after submission, then every 10 s).
 *
 * Every job runs the REAL wait loop of the create step, `waitForJob` of lib/runtime/copy.ts with
 * its default delay strategy (`defaultDelayStrategy`), on a simulated clock, against one of two
 * job sources:
 * - progress shapes generated in bench/progress-shapes.ts, independently of the emulator, in three
 *   families (informative, no information, misleading) and three sets (tuned, seen, held out: never
 *   used while the strategy was written or tuned), served by a simulated job (bench/simulated-job.ts);
 * - the emulator's own progress curves over in-process HTTP (the real client), one more family.
 *
 * Each job is jittered by seed: running time +-10 %, 0-5 s of INIT, 20-200 ms per request.
 * `process_percent` is shown in whole percents, rounded to the nearest percent and, in a second
 * run of the same jobs, rounded down (the service's rounding is UNVERIFIED); a row passes when
 * both do. Goals (issue 10), by family:
 * - informative: lag p95 <= 5 s; mean calls <= 0.5x fixed 10 s polling for jobs >= 5 min;
 * - no information: lag p95 <= 10 s; mean calls <= 1.2x fixed polling from 5 min, 1.5x under;
 * - misleading: lag p95 <= min(60 s, 25 % of the job), each job against its own duration (submission
 *   to end, jitter included), calls as for no information;
 * - every job: never two polls within 1 s.
 * "Lag" runs from the job's end to the return of the poll that sees SUCCESS.
 */
import {
  EMULATOR_ACCESS_KEY,
  EMULATOR_PROJECT_ID,
  EMULATOR_REGION,
  EMULATOR_SECRET_KEY,
  ImsEmulator,
  SeedImage,
  type ProgressCurve,
} from "../lib/emulator";
import { ImsClient, type Job } from "../lib/runtime/client";
import { waitForJob } from "../lib/runtime/copy";
import { defaultDelayStrategy } from "../lib/runtime/default-delay";
import { fixedDelay, type DelayStrategy, type PollTuning } from "../lib/runtime/poll-strategy";
import { progressAt } from "../lib/emulator/job-model";
import {
  FAMILIES,
  ROUNDINGS,
  SHAPE_SETS,
  SHAPES,
  shownPercent,
  type Family,
  type ProgressShape,
  type Rounding,
  type ShapeSet,
} from "./progress-shapes";
import { SimulatedJob, type SimulatedJobSpec } from "./simulated-job";
import { SimClock } from "./support/sim-clock";
import { median, quantile, seededRandom } from "./support/stats";
import { markdownTable, verdict } from "./support/table";

export type Poller = "ours" | "fixed-10s";
export const POLLERS: readonly Poller[] = ["ours", "fixed-10s"];

/** Job sizes of the generated shapes (issue 10). */
export const SHAPE_DURATIONS_SECONDS = [120, 300, 900, 2700] as const;
/** The emulator family keeps the rows of the previous benchmark: its four curves at these sizes. */
export const EMULATOR_DURATIONS_SECONDS = [30, 120, 300, 600, 1800, 3600] as const;
export const EMULATOR_CURVES: readonly ProgressCurve[] = [
  "linear",
  "front-loaded",
  "back-loaded",
  "stalling",
];
/** The family whose goals an emulator curve is held to. */
export const EMULATOR_CURVE_FAMILY: Readonly<Record<string, Family>> = {
  linear: "informative",
  "front-loaded": "informative",
  "back-loaded": "informative",
  // 40 % in the first 20 % of the time, then stuck until 70 %: a long stall.
  stalling: "no-information",
};

const FIXED_INTERVAL_MS = 10_000;
const MIN_CALL_INTERVAL_MS = 1000;
/** From this job size on, the calls goals are the long-job ones. */
const LONG_JOB_SECONDS = 300;
/** The goals are set for jobs of 2 minutes and more: shorter ones (the emulator family's 30 s) keep the lag and 1/s goals. */
const CALL_GOALS_FROM_SECONDS = 120;
/**
 * "Does not move for a long time" (issue 10's no-information family), read as: stands still for more
 * than this share of the job's running time (so far, for a job that may end at any moment).
 */
export const LONG_STILL_SHARE = 0.05;

/**
 * A smooth curve that shows 99 % for more than LONG_STILL_SHARE of its running time slows to a stop
 * at its end: there, it is progress stuck at 99 %, and its rows are held to the no-information goals.
 * A strategy that does not assume the curve must poll through that time every 5 s to see the end
 * within 5 s; at a twentieth of the job that alone is a tenth of fixed polling's calls.
 */
export const SLOW_END_HOLD = LONG_STILL_SHARE;

export interface Goals {
  /** The lag's p95 goal; with `lagShare`, the most any job's own limit can be. */
  readonly lagP95Ms: number;
  /** Each job's lag limit is this share of its own duration (at most lagP95Ms). */
  readonly lagShare?: number;
  /** Largest mean calls as a multiple of fixed 10 s polling's; undefined: no calls goal. */
  readonly maxCallRatio?: number;
}

/**
 * The goals of issue 10 for a family and a job size. A smooth curve's calls goal counts the share of
 * its running time when its value says nothing (`stillShare`) at the no-information goal's rate.
 */
export function goalsFor(family: Family, durationSeconds: number, stillShare = 0): Goals {
  const long = durationSeconds >= LONG_JOB_SECONDS;
  const calls = (ratio: number | undefined): number | undefined =>
    durationSeconds >= CALL_GOALS_FROM_SECONDS ? ratio : undefined;
  switch (family) {
    case "informative": {
      const ratio = calls(long ? 0.5 : undefined);
      const quiet = goalsFor("no-information", durationSeconds).maxCallRatio;
      if (ratio === undefined || quiet === undefined) return { lagP95Ms: 5000, maxCallRatio: ratio };
      return { lagP95Ms: 5000, maxCallRatio: (1 - stillShare) * ratio + stillShare * quiet };
    }
    case "no-information":
      return { lagP95Ms: 10_000, maxCallRatio: calls(long ? 1.2 : 1.5) };
    case "misleading":
      return { lagP95Ms: 60_000, lagShare: 0.25, maxCallRatio: calls(long ? 1.2 : 1.5) };
  }
}

/**
 * The share of the running time at whose end a curve shows 99 % without a break, with this
 * rounding (0 when it never shows 99 % at its end).
 */
export function finalHoldShare(curve: (f: number) => number, rounding: Rounding): number {
  const steps = 10_000;
  let i = steps;
  while (i > 0 && shownPercent(curve((i - 1) / steps), rounding) >= 0.99) i--;
  return 1 - i / steps;
}

/**
 * The share of the running time at which a curve, with this rounding, shows a value that has stood
 * still for more than LONG_STILL_SHARE of the time so far, or that last moved after such a
 * standstill. Cut short there, the job would be one whose value does not move for a long time (0
 * until its end, a constant, values that tick at long gaps): a no-information job, to be seen within
 * 10 s. Until then no strategy can tell the two apart, so none that meets the no-information goals
 * polls the curve there more sparsely than they allow (BENCHMARKS.md, "Why no strategy can meet
 * every goal over the families"). A 0 % start counts whole, and so do a steady job's first 20 %:
 * each of its first twenty steps comes after a standstill of over a twentieth of the time so far.
 */
export function standstillShare(curve: (f: number) => number, rounding: Rounding): number {
  const steps = 10_000;
  let shown = shownPercent(curve(0), rounding);
  let movedAt = 0;
  let gapBefore = Infinity;
  let still = 0;
  for (let i = 1; i <= steps; i++) {
    const f = i / steps;
    const now = shownPercent(curve(f), rounding);
    if (now !== shown) [shown, gapBefore, movedAt] = [now, f - movedAt, f];
    if (f - movedAt > LONG_STILL_SHARE * f || gapBefore > LONG_STILL_SHARE * movedAt) still++;
  }
  return still / steps;
}

/** The goals a row is held to: its family's, except a smooth curve with a slow end (SLOW_END_HOLD). */
export function goalFamilyOf(family: Family, holdShare: number): Family {
  return family === "informative" && holdShare > SLOW_END_HOLD ? "no-information" : family;
}

/** One simulated job. */
export interface JobRun {
  /** A generated shape's name, or `emulator:<curve>`. */
  readonly shape: string;
  readonly poller: Poller;
  readonly durationSeconds: number;
  readonly rounding: Rounding;
  readonly seed: number;
  /** Detection time minus job end time. */
  readonly lagMs: number;
  /** The job's time from its submission to its end (its duration, as the lag goals read it). */
  readonly jobMs: number;
  readonly calls: number;
  /** Smallest gap between the starts of two consecutive polls (Infinity with one poll). */
  readonly minIntervalMs: number;
  /**
   * Share of the running time this job's own curve shows 99 % at its end, and when its value says
   * nothing (`standstillShare`), with its rounding (a generated shape's random draw moves both);
   * absent: the row's.
   */
  readonly holdShare?: number;
  readonly stillShare?: number;
}

export interface Summary {
  readonly p95LagMs: number;
  readonly medianLagMs: number;
  readonly meanCalls: number;
  readonly minIntervalMs: number;
}

export interface CompletionRow {
  readonly family: Family;
  /** Share of the running time the curve shows 99 % at its end (the larger of the two roundings). */
  readonly holdShare: number;
  /** Share of the running time the curve's value says nothing (standstillShare; the larger of the two roundings). */
  readonly stillShare: number;
  /** The smallest and largest of those shares over the row's jobs (each job's own curve, the larger rounding). */
  readonly holdShares: readonly [number, number];
  readonly stillShares: readonly [number, number];
  /** Whose goals most of the row's jobs are held to (goalFamilyOf, each job's own curve). */
  readonly goalFamily: Family;
  /** The row's jobs (ours) held to the other family's goals: their curve's end is slow, or not. */
  readonly otherGoalJobs: number;
  readonly shape: string;
  /** The shape's set (tuned, seen, held out); the emulator's curves are tuned. */
  readonly set: ShapeSet;
  readonly emulator: boolean;
  readonly durationSeconds: number;
  readonly runs: number;
  readonly ours: Readonly<Record<Rounding, Summary>>;
  /** Fixed polling does not read the progress: one summary over both runs. */
  readonly fixed: Summary;
  /** The goals of `goalFamily`, with the row's `stillShare`. */
  readonly goals: Goals;
  /**
   * The calls goal over the row's jobs, as a multiple of fixed polling's: each job's goal weighted
   * by fixed polling's calls on the same job (the smaller of the two roundings'); undefined: none.
   */
  readonly callRatioGoal?: number;
  readonly lagPass: boolean;
  /** Undefined when the family has no calls goal at this size. */
  readonly callsPass?: boolean;
  readonly ratePass: boolean;
  readonly pass: boolean;
}

export interface CompletionOptions {
  /** Generated shapes to run. @default every shape */
  readonly shapes?: readonly ProgressShape[];
  /** @default SHAPE_DURATIONS_SECONDS */
  readonly durationsSeconds?: readonly number[];
  /** Emulator curves to run (none: skip the emulator family). @default EMULATOR_CURVES */
  readonly emulatorCurves?: readonly ProgressCurve[];
  /** @default EMULATOR_DURATIONS_SECONDS */
  readonly emulatorDurationsSeconds?: readonly number[];
  /** Jobs per row and rounding, each with its own jitter. @default 12 */
  readonly seeds?: number;
  /** The first job's seed; the others follow it. @default 1 (TUNED_FIRST_SEED) */
  readonly firstSeed?: number;
  /** Our strategy; @default - what `waitForJob` uses when given no poll tuning (`defaultDelayStrategy`). */
  readonly strategy?: () => DelayStrategy;
}

interface Jitter {
  readonly runMs: number;
  readonly initMs: number;
  readonly random: () => number;
}

/** The seeds of the table's jobs start here: every strategy change was measured, and tuned, on them. */
export const TUNED_FIRST_SEED = 1;
/**
 * The first seeds of jitters no strategy change was measured on (`npm run bench:completion:seeds`):
 * the same shapes and sizes, other job lengths, INIT times, latencies and random curve draws. Do not
 * measure a candidate on them before it is kept, or they are tuned seeds too.
 */
export const FRESH_FIRST_SEEDS = [1001, 2001, 3001] as const;

/** A string hash, so each (shape, size, seed) gets its own jitter. */
function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** The same jitter for a job whatever the poller and rounding. */
function jitterOf(shape: string, durationSeconds: number, seed: number): Jitter {
  const random = seededRandom(hash(`${shape}/${durationSeconds}/${seed}`));
  const runMs = Math.round(durationSeconds * (0.9 + 0.2 * random()) * 1000);
  const initMs = Math.round(5000 * random());
  return { runMs, initMs, random };
}

function pollOf(poller: Poller, strategy: (() => DelayStrategy) | undefined): PollTuning | undefined {
  if (poller === "fixed-10s") return { delay: () => fixedDelay(FIXED_INTERVAL_MS) };
  return strategy ? { delay: strategy } : undefined;
}

function minInterval(starts: readonly number[]): number {
  let min = Number.POSITIVE_INFINITY;
  for (let i = 1; i < starts.length; i++) min = Math.min(min, starts[i] - starts[i - 1]);
  return min;
}

/** What the strategy saw at one poll and the wait it chose (`traceShapeJob`). */
export interface TracedPoll {
  /** 0: the wait before the first poll (the job was just submitted). */
  readonly attempt: number;
  readonly elapsedMs: number;
  readonly progress?: number;
  readonly delayMs: number;
}

/** One generated-shape job, waited for by `waitForJob` against a simulated job. */
export async function runShapeJob(
  shape: ProgressShape,
  durationSeconds: number,
  rounding: Rounding,
  seed: number,
  poller: Poller,
  strategy?: () => DelayStrategy,
  trace?: TracedPoll[],
): Promise<JobRun> {
  const { runMs, initMs, random } = jitterOf(shape.name, durationSeconds, seed);
  const spec = { initMs, runMs, progressAt: shape.curve(random), rounding };
  const label = `job "${shape.name}" of ${durationSeconds} s (seed ${seed}, ${poller})`;
  const run = await runSimulatedJob(label, spec, random, poller, strategy, trace);
  // The goals read a smooth curve's slow end and start: those of this job's own curve, drawn again
  // from its seed (the job's own stream is left as it was). Only our jobs are held to goals.
  const own =
    shape.family === "informative" && poller === "ours"
      ? shape.curve(jitterOf(shape.name, durationSeconds, seed).random)
      : undefined;
  const shares = own
    ? { holdShare: finalHoldShare(own, rounding), stillShare: standstillShare(own, rounding) }
    : {};
  return { shape: shape.name, poller, durationSeconds, rounding, seed, ...run, ...shares };
}

/**
 * A job of `spec` on the simulated clock, waited for by `waitForJob` as the create step waits (the
 * generated shapes' jobs, and jobs replayed from a debug log: bench/replay.ts).
 */
export async function runSimulatedJob(
  label: string,
  spec: SimulatedJobSpec,
  random: () => number,
  poller: Poller,
  strategy?: () => DelayStrategy,
  trace?: TracedPoll[],
): Promise<Pick<JobRun, "lagMs" | "jobMs" | "calls" | "minIntervalMs">> {
  const clock = new SimClock(0);
  const job = new SimulatedJob(clock, spec, random);
  const make = strategy ?? (poller === "ours" ? defaultDelayStrategy : undefined);
  const traced =
    trace && make
      ? (): DelayStrategy => {
          const inner = make();
          return {
            nextDelayMs: (o) => {
              const delayMs = inner.nextDelayMs(o);
              trace.push({ attempt: o.attempt, elapsedMs: o.elapsedMs, progress: o.progress, delayMs });
              return delayMs;
            },
          };
        }
      : strategy;
  const outcome = await waitForJob(job.asClient(), "simulated", {
    timeoutMs: 4 * (spec.initMs + spec.runMs) + 600_000,
    poll: pollOf(poller, traced),
    // As the create step waits for a job it has just submitted (fixed polling: first poll at 10 s).
    delayFirst: true,
  });
  if (outcome.state !== "success" || job.detectedAt === undefined)
    throw new Error(`${label} ended in ${outcome.state}`);
  return {
    lagMs: job.detectedAt - job.endsAt,
    jobMs: job.endsAt - job.submittedAt,
    calls: job.pollStarts.length,
    minIntervalMs: minInterval(job.pollStarts),
  };
}

/** A client on the simulated clock that records when each job poll starts and adds latency. */
function instrumentedClient(
  base: ImsClient,
  clock: SimClock,
  random: () => number,
  starts: number[],
  onSuccess: (at: number) => void,
): ImsClient {
  const showJobProgress = async (jobId: string): Promise<Job> => {
    starts.push(clock.now());
    const latencyMs = 20 + Math.floor(random() * 180);
    clock.advance(latencyMs / 2);
    const job = await base.showJobProgress(jobId);
    clock.advance(latencyMs / 2);
    if (job.status === "SUCCESS") onSuccess(clock.now());
    return job;
  };
  // A proxy, not a subclass: the client keeps private fields, so every other method runs on `base` itself.
  return new Proxy(base, {
    get(target, prop) {
      if (prop === "showJobProgress") return showJobProgress;
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

interface EmulatorRig {
  readonly emulator: ImsEmulator;
  readonly base: ImsClient;
  readonly clock: SimClock;
}

/** One job of an emulator curve: the real client against the emulator over in-process HTTP. */
async function runEmulatorJob(
  rig: EmulatorRig,
  curve: ProgressCurve,
  durationSeconds: number,
  rounding: Rounding,
  seed: number,
  poller: Poller,
  strategy?: () => DelayStrategy,
): Promise<JobRun> {
  const { emulator, base, clock } = rig;
  const { runMs, initMs, random } = jitterOf(`emulator:${curve}`, durationSeconds, seed);
  emulator.reset();
  emulator.configure({
    jobSeconds: runMs / 1000,
    initSeconds: initMs / 1000,
    progressCurve: curve,
    progressRounding: rounding,
    imageQuota: 1000,
  });
  const starts: number[] = [];
  let detectedAt: number | undefined;
  const client = instrumentedClient(base, clock, random, starts, (at) => (detectedAt ??= at));
  const submission = await base.copyImageInRegion(SeedImage.ACTIVE_PRIVATE, { name: `bench-${seed}` });
  if (!submission.jobId) throw new Error("the emulator accepted the copy without a job ID");
  const outcome = await waitForJob(client, submission.jobId, {
    timeoutMs: 4 * durationSeconds * 1000 + 600_000,
    poll: pollOf(poller, strategy),
    delayFirst: true,
  });
  const [job] = emulator.jobs();
  if (outcome.state !== "success" || detectedAt === undefined)
    throw new Error(
      `emulator job (${curve}, ${durationSeconds} s, seed ${seed}, ${poller}) ended in ${outcome.state}`,
    );
  return {
    shape: `emulator:${curve}`,
    poller,
    durationSeconds,
    rounding,
    seed,
    lagMs: detectedAt - (job.submittedAt + job.initMs + job.runMs),
    jobMs: job.initMs + job.runMs,
    calls: starts.length,
    minIntervalMs: minInterval(starts),
  };
}

async function withEmulator<T>(fn: (rig: EmulatorRig) => Promise<T>): Promise<T> {
  const clock = new SimClock(Date.UTC(2026, 0, 1));
  const emulator = new ImsEmulator({ now: clock.now, imageQuota: 1000 });
  const url = await emulator.start();
  try {
    const base = ImsClient.fromEnv(
      {
        HW_ACCESS_KEY: EMULATOR_ACCESS_KEY,
        HW_SECRET_KEY: EMULATOR_SECRET_KEY,
        HW_REGION_NAME: EMULATOR_REGION,
        HW_PROJECT_ID: EMULATOR_PROJECT_ID,
        HW_IMS_ENDPOINT: url,
        HW_IAM_ENDPOINT: url,
      },
      undefined,
      { now: clock.now, sleep: clock.sleep, random: () => 0.5, requestTimeoutMs: 10_000 },
    );
    return await fn({ emulator, base, clock });
  } finally {
    await emulator.stop();
  }
}

function summarize(runs: readonly JobRun[]): Summary {
  const lags = runs.map((r) => r.lagMs);
  return {
    p95LagMs: quantile(lags, 0.95),
    medianLagMs: median(lags),
    meanCalls: runs.reduce((a, r) => a + r.calls, 0) / runs.length,
    minIntervalMs: Math.min(...runs.map((r) => r.minIntervalMs)),
  };
}

/** A row's summaries and its verdict against the family's goals. */
export function completionRow(
  meta: Pick<
    CompletionRow,
    "family" | "holdShare" | "stillShare" | "shape" | "set" | "emulator" | "durationSeconds"
  >,
  runs: readonly JobRun[],
): CompletionRow {
  const of = (poller: Poller, rounding?: Rounding): JobRun[] =>
    runs.filter((r) => r.poller === poller && (rounding === undefined || r.rounding === rounding));
  const ours = { nearest: summarize(of("ours", "nearest")), down: summarize(of("ours", "down")) };
  const fixed = summarize(of("fixed-10s"));
  const both = [ours.nearest, ours.down];
  // Each job is held to its own curve's goals (a random draw may slow a shape's end or delay its start).
  const familyOf = (r: JobRun): Family => goalFamilyOf(meta.family, r.holdShare ?? meta.holdShare);
  const goalsOf = (r: JobRun): Goals =>
    goalsFor(familyOf(r), meta.durationSeconds, r.stillShare ?? meta.stillShare);
  const mine = of("ours");
  const held = mine.filter((r) => familyOf(r) === meta.family).length;
  const goalFamily = 2 * held >= mine.length ? meta.family : goalFamilyOf(meta.family, 1);
  const goals = goalsFor(goalFamily, meta.durationSeconds, meta.stillShare);
  // Each job's lag against its own limit (a share of its own duration, for the misleading goals).
  const limit = (r: JobRun): number => {
    const g = goalsOf(r);
    return g.lagShare === undefined ? g.lagP95Ms : Math.min(g.lagP95Ms, g.lagShare * r.jobMs);
  };
  const lagPass = ROUNDINGS.every(
    (rounding) =>
      quantile(
        of("ours", rounding).map((r) => r.lagMs - limit(r)),
        0.95,
      ) <= 0,
  );
  // Each job may make its goal's multiple of fixed polling's calls on the same job.
  const fixedCalls = (seed: number): number => {
    const same = of("fixed-10s").filter((r) => r.seed === seed);
    return same.length > 0 ? same.reduce((a, r) => a + r.calls, 0) / same.length : fixed.meanCalls;
  };
  const ratios = ROUNDINGS.map((rounding) => {
    const jobs = of("ours", rounding);
    if (jobs.some((r) => goalsOf(r).maxCallRatio === undefined)) return undefined;
    const allowed = jobs.reduce((a, r) => a + goalsOf(r).maxCallRatio! * fixedCalls(r.seed), 0);
    return { allowed, ratio: allowed / jobs.reduce((a, r) => a + fixedCalls(r.seed), 0), jobs };
  });
  const callsPass = ratios.some((r) => r === undefined)
    ? undefined
    : ratios.every((r) => r!.jobs.reduce((a, j) => a + j.calls, 0) <= r!.allowed);
  const callRatioGoal = callsPass === undefined ? undefined : Math.min(...ratios.map((r) => r!.ratio));
  // Over the row's jobs, each job's share the larger of its two roundings' (as the row's).
  const range = (share: (r: JobRun) => number): [number, number] => {
    const bySeed = new Map<number, number>();
    for (const r of mine) bySeed.set(r.seed, Math.max(bySeed.get(r.seed) ?? 0, share(r)));
    return [Math.min(...bySeed.values()), Math.max(...bySeed.values())];
  };
  const ratePass = both.every((s) => s.minIntervalMs >= MIN_CALL_INTERVAL_MS);
  return {
    ...meta,
    holdShares: range((r) => r.holdShare ?? meta.holdShare),
    stillShares: range((r) => r.stillShare ?? meta.stillShare),
    goalFamily,
    otherGoalJobs: mine.length - (goalFamily === meta.family ? held : mine.length - held),
    runs: of("ours", "nearest").length,
    ours,
    fixed,
    goals,
    callRatioGoal,
    lagPass,
    callsPass,
    ratePass,
    pass: lagPass && callsPass !== false && ratePass,
  };
}

/** Every row: the generated shapes, then the emulator's curves. */
export async function runCompletionBench(
  options: CompletionOptions = {},
): Promise<{ rows: CompletionRow[]; runs: JobRun[] }> {
  const shapes = options.shapes ?? SHAPES;
  const durations = options.durationsSeconds ?? SHAPE_DURATIONS_SECONDS;
  const curves = options.emulatorCurves ?? EMULATOR_CURVES;
  const emulatorDurations = options.emulatorDurationsSeconds ?? EMULATOR_DURATIONS_SECONDS;
  const seeds = options.seeds ?? 12;
  const firstSeed = options.firstSeed ?? TUNED_FIRST_SEED;
  const lastSeed = firstSeed + seeds - 1;
  const rows: CompletionRow[] = [];
  const all: JobRun[] = [];
  for (const shape of shapes) {
    for (const durationSeconds of durations) {
      const runs: JobRun[] = [];
      for (let seed = firstSeed; seed <= lastSeed; seed++) {
        for (const rounding of ROUNDINGS)
          runs.push(await runShapeJob(shape, durationSeconds, rounding, seed, "ours", options.strategy));
        // Fixed polling does not read the progress: one run per job.
        runs.push(await runShapeJob(shape, durationSeconds, "nearest", seed, "fixed-10s"));
      }
      // The row's shares, for jobs without their own (a shape's first draw); each job has its own.
      const curve = shape.curve(seededRandom(0));
      const holdShare = Math.max(...ROUNDINGS.map((r) => finalHoldShare(curve, r)));
      const stillShare = Math.max(...ROUNDINGS.map((r) => standstillShare(curve, r)));
      rows.push(
        completionRow(
          {
            family: shape.family,
            holdShare,
            stillShare,
            shape: shape.name,
            set: shape.set,
            emulator: false,
            durationSeconds,
          },
          runs,
        ),
      );
      all.push(...runs);
    }
  }
  if (curves.length > 0) {
    await withEmulator(async (rig) => {
      for (const curve of curves) {
        for (const durationSeconds of emulatorDurations) {
          const runs: JobRun[] = [];
          for (let seed = firstSeed; seed <= lastSeed; seed++) {
            for (const rounding of ROUNDINGS)
              runs.push(
                await runEmulatorJob(rig, curve, durationSeconds, rounding, seed, "ours", options.strategy),
              );
            runs.push(await runEmulatorJob(rig, curve, durationSeconds, "nearest", seed, "fixed-10s"));
          }
          const shown = (f: number): number => progressAt(curve, f);
          const holdShare = Math.max(...ROUNDINGS.map((r) => finalHoldShare(shown, r)));
          const stillShare = Math.max(...ROUNDINGS.map((r) => standstillShare(shown, r)));
          rows.push(
            completionRow(
              {
                family: EMULATOR_CURVE_FAMILY[curve],
                holdShare,
                stillShare,
                shape: `emulator:${curve}`,
                set: "tuned",
                emulator: true,
                durationSeconds,
              },
              runs,
            ),
          );
          all.push(...runs);
        }
      }
    });
  }
  return { rows, runs: all };
}

/** A job size as the tables print it: 30 s, 2 min. */
export function duration(seconds: number): string {
  return seconds < 120 ? `${seconds} s` : `${seconds / 60} min`;
}

function s(ms: number): string {
  return Number.isFinite(ms) ? (ms / 1000).toFixed(1) : "-";
}

function callsGoal(row: CompletionRow): string {
  if (row.callRatioGoal === undefined) return "n/a";
  return `${verdict(row.callsPass === true)} (<= ${Number(row.callRatioGoal.toFixed(2))}x)`;
}

function share([min, max]: readonly [number, number]): string {
  const percent = (x: number): string => (100 * x).toFixed(1);
  return percent(min) === percent(max) ? `${percent(max)} %` : `${percent(min)}-${percent(max)} %`;
}

/** The family most jobs are held to, and how many are held to the other one's goals. */
function goalsOfRow(row: CompletionRow): string {
  if (row.otherGoalJobs === 0) return row.goalFamily;
  const other = row.goalFamily === row.family ? goalFamilyOf(row.family, 1) : row.family;
  return `${row.goalFamily} (${row.otherGoalJobs} of ${2 * row.runs} jobs: ${other})`;
}

function lagGoal(row: CompletionRow): string {
  const { lagShare, lagP95Ms } = row.goals;
  const limit =
    lagShare === undefined ? `${s(lagP95Ms)} s` : `${100 * lagShare} % of each job, ${s(lagP95Ms)} s at most`;
  if (row.otherGoalJobs === 0) return `${verdict(row.lagPass)} (<= ${limit})`;
  return `${verdict(row.lagPass)} (<= ${limit}; each job its own family's)`;
}

/** One table of rows: our lag and calls rounded to nearest / down, fixed polling's, and the verdicts. */
export function completionTable(rows: readonly CompletionRow[]): string {
  return markdownTable(
    [
      "shape",
      "set",
      "job",
      "runs",
      "99 % shown (share of job)",
      "standing still (share of job)",
      "goals",
      "lag p95 (s) nearest / down",
      "lag median (s) nearest / down",
      "fixed 10 s: lag p95 (s)",
      "calls mean nearest / down",
      "fixed 10 s: calls mean",
      "calls / fixed (worse rounding)",
      "min interval (s)",
      "lag goal",
      "calls goal",
      "1/s goal",
      "row",
    ],
    rows.map((r) => [
      r.shape,
      r.set,
      duration(r.durationSeconds),
      r.runs,
      share(r.holdShares),
      share(r.stillShares),
      goalsOfRow(r),
      `${s(r.ours.nearest.p95LagMs)} / ${s(r.ours.down.p95LagMs)}`,
      `${s(r.ours.nearest.medianLagMs)} / ${s(r.ours.down.medianLagMs)}`,
      s(r.fixed.p95LagMs),
      `${r.ours.nearest.meanCalls.toFixed(1)} / ${r.ours.down.meanCalls.toFixed(1)}`,
      r.fixed.meanCalls.toFixed(1),
      `${(Math.max(r.ours.nearest.meanCalls, r.ours.down.meanCalls) / r.fixed.meanCalls).toFixed(2)}x`,
      s(Math.min(r.ours.nearest.minIntervalMs, r.ours.down.minIntervalMs)),
      lagGoal(r),
      callsGoal(r),
      verdict(r.ratePass),
      verdict(r.pass),
    ]),
  );
}

/** Per family (and the emulator family): jobs, rows passing, and lag over every job. */
export function completionSummaryTable(rows: readonly CompletionRow[], runs: readonly JobRun[]): string {
  const groups: { name: string; rows: CompletionRow[] }[] = [
    ...FAMILIES.flatMap((family) =>
      SHAPE_SETS.map((set) => ({
        name: `${family}, ${set}`,
        rows: rows.filter((r) => !r.emulator && r.family === family && r.set === set),
      })),
    ),
    { name: "emulator curves", rows: rows.filter((r) => r.emulator) },
  ].filter((g) => g.rows.length > 0);
  return markdownTable(
    [
      "family",
      "rows",
      "rows passing",
      "jobs (ours)",
      "lag p95 (s)",
      "lag max (s)",
      "fixed 10 s: lag p95 (s)",
    ],
    groups.map((g) => {
      const names = new Set(g.rows.map((r) => `${r.shape}/${r.durationSeconds}`));
      const mine = runs.filter((r) => names.has(`${r.shape}/${r.durationSeconds}`));
      const ours = mine.filter((r) => r.poller === "ours").map((r) => r.lagMs);
      const fixed = mine.filter((r) => r.poller === "fixed-10s").map((r) => r.lagMs);
      return [
        g.name,
        g.rows.length,
        `${g.rows.filter((r) => r.pass).length} of ${g.rows.length}`,
        ours.length,
        s(quantile(ours, 0.95)),
        s(Math.max(...ours)),
        s(quantile(fixed, 0.95)),
      ];
    }),
  );
}

/** The whole report: a summary, then one table per family, then the emulator family. */
export function completionReport(rows: readonly CompletionRow[], runs: readonly JobRun[]): string {
  const sections = [`Summary:\n\n${completionSummaryTable(rows, runs)}`];
  for (const family of FAMILIES) {
    const mine = rows.filter((r) => !r.emulator && r.family === family);
    if (mine.length > 0) sections.push(`### Family: ${family}\n\n${completionTable(mine)}`);
  }
  const emulator = rows.filter((r) => r.emulator);
  if (emulator.length > 0)
    sections.push(
      `### Family: the emulator's curves (linear, front-loaded and back-loaded held to the informative goals, stalling to the no-information goals)\n\n${completionTable(emulator)}`,
    );
  return sections.join("\n\n");
}
