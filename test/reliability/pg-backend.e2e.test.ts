/**
 * Team use with remote state: Terraform's built-in `pg` backend on a real PostgreSQL server
 * (Debian's package; see test/reliability/support/postgres.ts), real terraform, the emulator.
 * One working directory applies; a fresh one (another teammate, another CI runner) plans with
 * no changes; a second apply while the first holds the state lock is refused and creates nothing.
 */
import { App, PgBackend, TerraformOutput, TerraformStack } from "cdktf";
import { join, relative } from "path";
import { ImsEmulator, SeedImage } from "../../lib/emulator";
import { ImsImageCopy, type ImsImageCopyProps } from "../../lib";
import { RUNTIME_BUNDLE_CONTEXT_KEY } from "../../lib/runtime-asset";
import { buildBundle, removeDir } from "../handler/support/runtime";
import {
  filesUnder,
  findTerraform,
  requireTerraform,
  freshCopyOfStack,
  runTerraform,
  startTerraform,
  tempDir,
  terraformEnv,
  tf,
} from "../e2e/support/terraform";
import { startPostgres, type Postgres } from "./support/postgres";
import { killGroup } from "./support/processes";

const terraform = findTerraform();
/** Distinguishes this run's schemas from earlier runs' on the same server. */
const RUN = `${Date.now().toString(36)}_${process.pid}`;
jest.setTimeout(240_000);

let pg: Postgres | undefined;
let work: string;
let bundle: string;
let emulator: ImsEmulator;
let env: NodeJS.ProcessEnv;

const tfBin = (): string => requireTerraform(terraform);

/**
 * Synthesizes a stack whose state lives in schema `<stackId>_<run>` of the PostgreSQL database; returns its
 * directory. Each test uses its own stack ID: the marker depends on the construct path.
 */
function synthPgStack(outdir: string, stackId: string, props: ImsImageCopyProps): string {
  if (!pg) throw new Error("no PostgreSQL server");
  const connStr = pg.connStr;
  const app = new App({ outdir, stackTraces: false, context: { [RUNTIME_BUNDLE_CONTEXT_KEY]: bundle } });
  const stack = new TerraformStack(app, stackId);
  // A schema of its own per run: a server given by IMS_TEST_PG_CONN may outlive this run.
  new PgBackend(stack, { connStr, schemaName: `${stackId}_${RUN}` });
  const copy = new ImsImageCopy(stack, "copy", props);
  new TerraformOutput(stack, "image_id", { value: copy.imageId, staticId: true });
  app.synth();
  return join(outdir, "stacks", stackId);
}

const live = (name: string): string[] =>
  emulator
    .images()
    .filter((i) => i.info.name === name && i.info.status !== "deleted")
    .map((i) => i.id);

beforeAll(async () => {
  if (!terraform) {
    console.warn("\n**********\n* terraform is NOT on PATH: the pg backend tests are SKIPPED.\n**********\n");
    return;
  }
  pg = await startPostgres();
  if (!pg) {
    console.warn(
      "\n**********\n* PostgreSQL is NOT installed and IMS_TEST_PG_CONN is not set: the pg backend tests of test/reliability are SKIPPED.\n* Run scripts/pg-install.sh (as root) or set IMS_TEST_PG_CONN=postgres://... (.ci/run does both).\n**********\n",
    );
    return;
  }
  work = tempDir("ims-pg-e2e-");
  bundle = buildBundle(work);
  emulator = new ImsEmulator({ jobSeconds: 1, deleteSeconds: 1 });
  env = terraformEnv(tfBin(), await emulator.start(), work);
});

afterAll(async () => {
  if (emulator) await emulator.stop();
  if (work) removeDir(work);
  pg?.stop();
});

const apply = ["apply", "-auto-approve", "-input=false", "-no-color"];
const plan = ["plan", "-detailed-exitcode", "-input=false", "-no-color"];

describe("remote state in PostgreSQL (terraform's pg backend)", () => {
  const maybe = (name: string, fn: () => Promise<void>): void =>
    test(name, async () => {
      if (!terraform || !pg) {
        console.warn(`SKIPPED (no terraform or no PostgreSQL): ${name}`);
        return;
      }
      await fn();
    });

  maybe(
    "an apply from one working directory is seen by a fresh one: plan shows no changes and imageId is intact",
    async () => {
      const dir = synthPgStack(join(work, "one"), "ims_shared", {
        sourceImageId: SeedImage.ACTIVE_PRIVATE,
        name: "pg-shared-copy",
      });
      await tf(tfBin(), ["init", "-input=false", "-no-color"], dir, env);
      await tf(tfBin(), apply, dir, env);
      const id = (await tf(tfBin(), ["output", "-raw", "image_id"], dir, env)).stdout;
      expect(live("pg-shared-copy")).toEqual([id]);

      // A teammate's checkout: the configuration only, no local state, no .ims-image-copy/, no .terraform/.
      const fresh = freshCopyOfStack(dir, ["cdk.tf.json"]);
      await tf(tfBin(), ["init", "-input=false", "-no-color"], fresh, env);
      await tf(tfBin(), plan, fresh, env, 0);
      expect((await tf(tfBin(), ["output", "-raw", "image_id"], fresh, env)).stdout).toBe(id);
      expect(emulator.jobs().filter((j) => j.imageName === "pg-shared-copy")).toHaveLength(1);
      removeDir(fresh);
    },
  );

  maybe("a second apply while the first holds the state lock is refused and creates nothing", async () => {
    const dir = synthPgStack(join(work, "lock"), "ims_locked", {
      sourceImageId: SeedImage.ACTIVE_PRIVATE,
      name: "pg-locked-copy",
    });
    const other = freshCopyOfStack(dir, ["cdk.tf.json"]);
    await tf(tfBin(), ["init", "-input=false", "-no-color"], dir, env);
    await tf(tfBin(), ["init", "-input=false", "-no-color"], other, env);
    const { jobSeconds } = emulator.behaviour();
    emulator.configure({ jobSeconds: 5 });
    try {
      const first = startTerraform(tfBin(), apply, dir, env);
      await first.waitForStdout(/submitted the copy of .*: job [0-9a-f]{32}/);

      const second = await runTerraform(tfBin(), [...apply, "-lock-timeout=0s"], other, env);

      expect(second.code).toBe(1);
      expect(second.stderr).toContain("Error acquiring the state lock");
      expect(emulator.jobs().filter((j) => j.imageName === "pg-locked-copy")).toHaveLength(1);
      const firstResult = await first.done;
      expect(firstResult.code).toBe(0);
    } finally {
      emulator.configure({ jobSeconds });
    }
    const id = (await tf(tfBin(), ["output", "-raw", "image_id"], other, env)).stdout;
    expect(live("pg-locked-copy")).toEqual([id]);
    await tf(tfBin(), plan, other, env, 0);
    removeDir(other);
  });

  /**
   * A stack whose pg backend is configured at `terraform init` only (`-backend-config`), as teams
   * keep connection strings out of code: the synthesized JSON has an empty `pg` block.
   */
  function synthInitConfiguredStack(outdir: string, stackId: string, props: ImsImageCopyProps): string {
    const app = new App({ outdir, stackTraces: false, context: { [RUNTIME_BUNDLE_CONTEXT_KEY]: bundle } });
    const stack = new TerraformStack(app, stackId);
    new PgBackend(stack, { connStr: "" });
    // No connection string or schema in the configuration: `-backend-config` gives them.
    stack.addOverride("terraform.backend.pg.conn_str", undefined);
    const copy = new ImsImageCopy(stack, "copy", props);
    new TerraformOutput(stack, "image_id", { value: copy.imageId, staticId: true });
    app.synth();
    return join(outdir, "stacks", stackId);
  }
  /** Another checkout or CI runner: the synthesized configuration and the runtime asset, nothing else. */
  const checkoutOf = (dir: string): string =>
    freshCopyOfStack(dir, ["cdk.tf.json", ...filesUnder(join(dir, "assets")).map((f) => relative(dir, f))]);
  const initIn = (dir: string, schema: string) =>
    tf(
      tfBin(),
      [
        "init",
        "-input=false",
        "-no-color",
        `-backend-config=conn_str=${pg?.connStr}`,
        `-backend-config=schema_name=${schema}_${RUN}`,
      ],
      dir,
      env,
    );

  maybe(
    "two deployments of one app in two schemas (backend configured at init) own two images; destroying one leaves the other's",
    async () => {
      const props = { sourceImageId: SeedImage.ACTIVE_PRIVATE, name: "pg-two-deployments" };
      const dir = synthInitConfiguredStack(join(work, "two"), "app", props);
      const staging = checkoutOf(dir);
      const production = checkoutOf(dir);
      await initIn(staging, "staging");
      await initIn(production, "production");
      await tf(tfBin(), apply, staging, env);
      await tf(tfBin(), apply, production, env);
      const [a, b] = await Promise.all(
        [staging, production].map(
          async (d) => (await tf(tfBin(), ["output", "-raw", "image_id"], d, env)).stdout,
        ),
      );
      expect(a).not.toBe(b);
      expect(live("pg-two-deployments").sort()).toEqual([a, b].sort());

      await tf(tfBin(), ["destroy", "-auto-approve", "-no-color"], production, env);
      expect(live("pg-two-deployments")).toEqual([a]);
      await tf(tfBin(), plan, staging, env, 0);
      await tf(tfBin(), ["destroy", "-auto-approve", "-no-color"], staging, env);
      removeDir(staging);
      removeDir(production);
    },
  );

  maybe(
    "an apply killed (SIGKILL to terraform and the runtime) while the job runs, before the pg backend saved anything, is finished from a FRESH working directory: exactly one copy",
    async () => {
      const props = { sourceImageId: SeedImage.ACTIVE_PRIVATE, name: "pg-killed-copy" };
      const dir = synthInitConfiguredStack(join(work, "killed"), "app", props);
      await initIn(dir, "killed");
      const { jobSeconds } = emulator.behaviour();
      emulator.configure({ jobSeconds: 6 });
      try {
        const first = startTerraform(tfBin(), apply, dir, env, { processGroup: true });
        await first.waitForStdout(/job [0-9a-f]{32} is creating image [0-9a-f-]{36}/);
        first.kill("SIGKILL", "group");
        await first.exited;
        await killGroup(first.pid);
        // Nothing reached the state: the next runner starts from an empty state.
        const listed = await runTerraform(tfBin(), ["state", "list"], dir, env);
        expect(listed.stdout.trim()).toBe("");

        // Another CI runner: the configuration only, no .terraform/, no .ims-image-copy/ records.
        const fresh = checkoutOf(dir);
        await initIn(fresh, "killed");
        const second = await tf(tfBin(), apply, fresh, env);

        expect(second.stdout).toContain("found the interrupted copy of this deployment by its marker tag");
        expect(emulator.jobs().filter((j) => j.imageName === "pg-killed-copy")).toHaveLength(1);
        const id = (await tf(tfBin(), ["output", "-raw", "image_id"], fresh, env)).stdout;
        expect(live("pg-killed-copy")).toEqual([id]);
        await tf(tfBin(), plan, fresh, env, 0);
        await tf(tfBin(), ["destroy", "-auto-approve", "-no-color"], fresh, env);
        removeDir(fresh);
      } finally {
        emulator.configure({ jobSeconds });
      }
    },
  );
});
