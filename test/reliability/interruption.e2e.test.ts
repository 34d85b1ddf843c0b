/**
 * Interruption at seeded random points, with the REAL terraform binary against the emulator.
 *
 * Each point is drawn from a seeded PRNG (reproducible): a phase of the create step and a way to
 * kill it. Phases are made deterministic with emulator latency faults and by watching the
 * emulator's state:
 * - before the POST: a latency fault holds the first image lookup; the kill lands inside it;
 * - right after the POST: the kill follows the job's appearance in the emulator;
 * - while the job runs: the kill lands at a random moment of the RUNNING job;
 * - after success, before the result is recorded: a latency fault holds the tag lookup that
 *   follows the job's SUCCESS (the result file is written after it).
 * Ways to kill: SIGINT or SIGKILL to the runtime (`node <bundle> create`), SIGINT or SIGKILL to
 * terraform alone (SIGKILL orphans the runtime, which keeps running during the re-apply), and
 * Ctrl-C (SIGINT to the whole process group, as a terminal sends it).
 * Then the next `terraform apply` must succeed with exactly one copy, the right `imageId`, no
 * job record left behind, and a plan without changes.
 *
 * `IMS_INTERRUPT_POINTS` (default 20) and `IMS_INTERRUPT_SEED` set the count and the seed;
 * `npm run test:soak` runs many more.
 */
import { existsSync, readdirSync, readFileSync } from "fs";
import { basename, join } from "path";
import { ImsEmulator, SeedImage } from "../../lib/emulator";
import { seededRandom } from "../../lib/emulator/faults";
import { buildBundle, removeDir } from "../handler/support/runtime";
import { CopyStack, synthApp } from "../e2e/support/stacks";
import {
  findTerraform,
  requireTerraform,
  startTerraform,
  tempDir,
  terraformEnv,
  tf,
  type RunningTerraform,
} from "../e2e/support/terraform";
import { killGroup, runtimePids, signalAll } from "./support/processes";

const terraform = findTerraform();
if (!terraform) {
  console.warn(
    "\n**********\n* terraform is NOT on PATH: the interruption tests of test/reliability are SKIPPED.\n**********\n",
  );
}
const describeWithTerraform = terraform ? describe : describe.skip;

const POINTS = Number(process.env.IMS_INTERRUPT_POINTS ?? "20");
const SEED = Number(process.env.IMS_INTERRUPT_SEED ?? "20261122");
if (!Number.isInteger(POINTS) || POINTS < 1 || !Number.isInteger(SEED)) {
  throw new Error(
    `IMS_INTERRUPT_POINTS must be a positive integer and IMS_INTERRUPT_SEED an integer (got ${POINTS}, ${SEED})`,
  );
}

jest.setTimeout(120_000);

const PHASES = ["before-post", "after-post", "running", "after-success"] as const;
type Phase = (typeof PHASES)[number];
const KILLS = [
  "runtime-SIGINT",
  "runtime-SIGKILL",
  "terraform-SIGINT",
  "terraform-SIGKILL",
  "ctrl-c",
] as const;
type Kill = (typeof KILLS)[number];

/** How long the latency faults hold a request open, and how long a copy job runs. */
const HOLD_MS = 1500;
const JOB_SECONDS = 2;

interface Point {
  readonly index: number;
  readonly phase: Phase;
  readonly kill: Kill;
  /** Delay after the phase's trigger. */
  readonly jitterMs: number;
}

/** The points, drawn from the seed; the first ones walk every phase x kill pair so 20 points cover them all. */
function drawPoints(seed: number, count: number): Point[] {
  const random = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
  const points: Point[] = [];
  for (let index = 0; index < count; index++) {
    const pair =
      index < PHASES.length * KILLS.length
        ? { phase: PHASES[index % PHASES.length], kill: KILLS[index % KILLS.length] }
        : { phase: pick(PHASES), kill: pick(KILLS) };
    const windowMs =
      pair.phase === "running" ? JOB_SECONDS * 1000 - 300 : pair.phase === "after-post" ? 300 : HOLD_MS - 500;
    points.push({ index, ...pair, jitterMs: Math.floor(random() * windowMs) });
  }
  return points;
}

const points = drawPoints(SEED, POINTS);

/** What was really the case when the kill landed (the test asserts the phase was hit). */
interface Observed {
  readonly point: Point;
  readonly jobsAtKill: number;
  readonly jobStatusAtKill?: string;
  readonly resultFileAtKill: boolean;
  readonly runtimeKilled: number;
}
const observed: Observed[] = [];

let work: string;
let bundle: string;
let emulator: ImsEmulator;
let env: NodeJS.ProcessEnv;
/** Called when a latency fault starts holding a request (the emulator's injected delay). */
let onHold: (() => void) | undefined;
/** A latency fault of the current point has started holding its request. */
let held = false;
/** Process groups started by the tests, killed at the end (orphans included). */
const groups: number[] = [];

const tfBin = (): string => requireTerraform(terraform);

beforeAll(async () => {
  if (!terraform) return;
  work = tempDir("ims-interrupt-");
  bundle = buildBundle(work);
  emulator = new ImsEmulator({
    jobSeconds: JOB_SECONDS,
    deleteSeconds: 1,
    // Every point keeps its copy: the soak run makes far more than the default quota of 100.
    imageQuota: 100_000,
    delay: async (ms) => {
      onHold?.();
      await new Promise((r) => setTimeout(r, ms));
    },
  });
  env = terraformEnv(tfBin(), await emulator.start(), work);
});

afterAll(async () => {
  if (!terraform) return;
  for (const g of groups) await killGroup(g);
  await emulator.stop();
  removeDir(work);
});

const nameOf = (p: Point): string => `interrupted-${p.index}`;
const jobsOf = (name: string): ReturnType<ImsEmulator["jobs"]> =>
  emulator.jobs().filter((j) => j.imageName === name);
const liveImages = (name: string): string[] =>
  emulator
    .images()
    .filter((i) => i.info.name === name && i.info.status !== "deleted" && i.info.status !== "killed")
    .map((i) => i.id);

function wait(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** Resolves when `condition` holds (checked every 20 ms). */
async function until(
  condition: () => boolean,
  what: string,
  running: RunningTerraform,
  timeoutMs = 20_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline)
      throw new Error(
        `timed out waiting for ${what}\n${running.output().stdout}\n${running.output().stderr}`,
      );
    await wait(20);
  }
}

/** Arms the phase's fault (if any) and resolves at the phase's trigger. */
async function trigger(point: Point, running: () => RunningTerraform | undefined): Promise<void> {
  const name = nameOf(point);
  const r = (): RunningTerraform => {
    const t = running();
    if (!t) throw new Error("terraform did not start");
    return t;
  };
  switch (point.phase) {
    case "before-post":
    case "after-success": {
      await until(() => held, `the ${point.phase} hold`, r());
      return;
    }
    case "after-post":
    case "running":
      await until(() => jobsOf(name).length > 0, "the copy job", r());
      return;
  }
}

function armHold(point: Point): void {
  held = false;
  onHold = () => {
    held = true;
  };
  if (point.phase === "before-post") {
    // The create step's first call: the lookup of a copy by its marker tag (GET /v2/cloudimages).
    emulator.addFault({ method: "GET", path: "^/v2/cloudimages$", times: 1, latencyMs: HOLD_MS });
  } else if (point.phase === "after-success") {
    // After SUCCESS the create step reads the image's tags before it writes the result file.
    emulator.addFault({ method: "GET", path: "^/v2/[^/]+/images/[^/]+/tags$", times: 1, latencyMs: HOLD_MS });
  }
}

function kill(point: Point, running: RunningTerraform): number {
  const runtimes = runtimePids(running.pid, basename(bundle), "create");
  switch (point.kill) {
    case "runtime-SIGINT":
      signalAll(runtimes, "SIGINT");
      return runtimes.length;
    case "runtime-SIGKILL":
      signalAll(runtimes, "SIGKILL");
      return runtimes.length;
    case "terraform-SIGINT":
      running.kill("SIGINT");
      return 0;
    case "terraform-SIGKILL":
      running.kill("SIGKILL");
      return 0;
    case "ctrl-c":
      running.kill("SIGINT", "group");
      return runtimes.length;
  }
}

const apply = ["apply", "-auto-approve", "-input=false", "-no-color"];

describeWithTerraform(`interrupted applies at ${POINTS} seeded random points (seed ${SEED})`, () => {
  test.each(points.map((p) => [`${p.index}: ${p.kill} ${p.phase} (+${p.jitterMs} ms)`, p] as const))(
    "point %s: the next apply finishes the same copy, with exactly one image and nothing half-done",
    async (_title, point) => {
      const name = nameOf(point);
      const stack = `p${point.index}`;
      const outdir = join(work, stack);
      synthApp(
        outdir,
        bundle,
        (app) =>
          new CopyStack(app, stack, {
            sourceImageId: SeedImage.ACTIVE_PRIVATE,
            name,
            createTimeoutMinutes: 2,
          }),
      );
      const dir = join(outdir, "stacks", stack);
      await tf(tfBin(), ["init", "-input=false", "-no-color"], dir, env);
      emulator.clearFaults();
      armHold(point);

      const first = startTerraform(tfBin(), apply, dir, env, { processGroup: true });
      groups.push(first.pid);
      await trigger(point, () => first);
      await wait(point.jitterMs);
      const jobs = jobsOf(name);
      const resultDir = join(dir, ".ims-image-copy", "results");
      const runtimeKilled = kill(point, first);
      const killedAt = Date.now();
      observed.push({
        point,
        jobsAtKill: jobs.length,
        ...(jobs[0] ? { jobStatusAtKill: jobs[0].status } : {}),
        resultFileAtKill: existsSync(resultDir) && readdirSync(resultDir).length > 0,
        runtimeKilled,
      });
      const exit = await first.exited;
      const stoppedAfterMs = Date.now() - killedAt;
      onHold = undefined;
      emulator.clearFaults();

      // The interrupted apply failed, except that a runtime interrupted (SIGINT) after the job
      // succeeded, while it sets the final tags, finishes the step instead of abandoning it.
      const finishedAnyway = exit.code === 0;
      if (finishedAnyway)
        expect({ kill: point.kill, phase: point.phase }).toEqual({
          kill: "runtime-SIGINT",
          phase: "after-success",
        });
      if (point.kill !== "terraform-SIGKILL") {
        // Stopping is prompt: terraform is gone within seconds.
        expect(stoppedAfterMs).toBeLessThan(10_000);
      }
      if (point.kill !== "terraform-SIGKILL" && (point.phase === "running" || point.phase === "after-post")) {
        // ... and so is the runtime, even when terraform alone was interrupted (it kills the
        // provisioner's shell; the runtime notices it was orphaned): nobody polls the job any more.
        const polls = (): number =>
          emulator.requests().filter((r) => /^\/v1\/([^/]+\/jobs|cloudimages\/job)\//.test(r.path)).length;
        await wait(700);
        const before = polls();
        await wait(1500);
        expect(polls()).toBe(before);
      }

      // The next apply, while an orphaned runtime (terraform SIGKILLed) may still be running.
      const second = await tf(tfBin(), apply, dir, env);
      await killGroup(first.pid);

      const copies = liveImages(name);
      expect(copies).toHaveLength(1);
      expect(jobsOf(name)).toHaveLength(1);
      const imageId = (await tf(tfBin(), ["output", "-raw", "image_id"], dir, env)).stdout;
      expect(imageId).toBe(copies[0]);
      expect(finishedAnyway ? first.output().stdout : second.stdout).toContain(`new image ID: ${imageId}`);
      const jobDir = join(dir, ".ims-image-copy", "jobs");
      expect(existsSync(jobDir) ? readdirSync(jobDir) : []).toEqual([]);
      const state = JSON.parse(readFileSync(join(dir, "terraform.tfstate"), "utf8")) as {
        resources: { type: string; instances: { status?: string }[] }[];
      };
      expect(state.resources.flatMap((r) => r.instances).filter((i) => i.status === "tainted")).toEqual([]);
      await tf(tfBin(), ["plan", "-detailed-exitcode", "-input=false", "-no-color"], dir, env, 0);
    },
  );

  test("the points hit every phase (checked against the emulator at the moment of the kill) and every way to kill", () => {
    if (observed.length < Math.min(POINTS, PHASES.length * KILLS.length))
      throw new Error(`only ${observed.length} points ran`);
    const reached = (o: Observed): Phase | "unclear" => {
      if (o.jobsAtKill === 0) return "before-post";
      if (o.jobStatusAtKill === "SUCCESS") return o.resultFileAtKill ? "unclear" : "after-success";
      return o.jobStatusAtKill === "RUNNING" || o.jobStatusAtKill === "INIT" ? "running" : "unclear";
    };
    const phases = new Set(observed.map(reached));
    expect([...PHASES].filter((p) => p !== "after-post").filter((p) => !phases.has(p))).toEqual([]);
    expect(
      observed.filter((o) => o.point.phase === "before-post").every((o) => reached(o) === "before-post"),
    ).toBe(true);
    expect(
      observed.filter((o) => o.point.phase === "after-success").every((o) => reached(o) === "after-success"),
    ).toBe(true);
    expect(new Set(observed.map((o) => o.point.kill)).size).toBe(
      POINTS >= KILLS.length ? KILLS.length : new Set(points.map((p) => p.kill)).size,
    );
    // A runtime was really there to be signalled whenever the kill targeted it.
    expect(observed.filter((o) => o.point.kill.startsWith("runtime-") && o.runtimeKilled === 0)).toEqual([]);
  });
});
