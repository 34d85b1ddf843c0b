/**
 * Secrets, with the REAL terraform binary: temporary credentials (access key, secret key and
 * security token) in the environment of `terraform apply`, debug logging on, a successful apply,
 * a refused one, output and destroy. No credential appears in `cdktf.out`, in
 * `terraform.tfstate`, in `terraform output`, in anything terraform or the runtime printed, or
 * in an error message; the debug log shows signed requests with their signature redacted.
 */
import { readFileSync } from "fs";
import { join } from "path";
import {
  EMULATOR_TEMPORARY_ACCESS_KEY,
  EMULATOR_TEMPORARY_SECRET_KEY,
  EMULATOR_TEMPORARY_SECURITY_TOKEN,
  ImsEmulator,
  SeedImage,
} from "../../lib/emulator";
import { buildBundle, removeDir } from "../handler/support/runtime";
import { CopyStack, synthApp } from "../e2e/support/stacks";
import {
  filesUnder,
  findTerraform,
  requireTerraform,
  runTerraform,
  tempDir,
  terraformEnv,
  tf,
  type TfResult,
} from "../e2e/support/terraform";

const terraform = findTerraform();
if (!terraform)
  console.warn(
    "\n**********\n* terraform is NOT on PATH: test/security/secrets.e2e.test.ts is SKIPPED.\n**********\n",
  );
const describeWithTerraform = terraform ? describe : describe.skip;

jest.setTimeout(120_000);

const SECRETS = [
  EMULATOR_TEMPORARY_ACCESS_KEY,
  EMULATOR_TEMPORARY_SECRET_KEY,
  EMULATOR_TEMPORARY_SECURITY_TOKEN,
];

let work: string;
let emulator: ImsEmulator;
let env: NodeJS.ProcessEnv;
const printed: TfResult[] = [];

const tfBin = (): string => requireTerraform(terraform);

/** Runs terraform and keeps what it printed for the final scan. */
async function run(args: string[], dir: string, expected = 0): Promise<TfResult> {
  const r = expected === 0 ? await tf(tfBin(), args, dir, env) : await runTerraform(tfBin(), args, dir, env);
  printed.push(r);
  if (expected !== 0) expect(r.code).toBe(expected);
  return r;
}

function leaks(text: string): string[] {
  return SECRETS.filter((s) => text.includes(s));
}

beforeAll(async () => {
  if (!terraform) return;
  work = tempDir("ims-secrets-");
  emulator = new ImsEmulator({ jobSeconds: 1, deleteSeconds: 1 });
  const url = await emulator.start();
  env = {
    ...terraformEnv(tfBin(), url, work),
    HW_ACCESS_KEY: EMULATOR_TEMPORARY_ACCESS_KEY,
    HW_SECRET_KEY: EMULATOR_TEMPORARY_SECRET_KEY,
    HW_SECURITY_TOKEN: EMULATOR_TEMPORARY_SECURITY_TOKEN,
    IMS_COPY_DEBUG: "1",
  };
  // The synthesizing process has the credentials in its environment too (as a CI job would).
  process.env.HW_ACCESS_KEY = EMULATOR_TEMPORARY_ACCESS_KEY;
  process.env.HW_SECRET_KEY = EMULATOR_TEMPORARY_SECRET_KEY;
  process.env.HW_SECURITY_TOKEN = EMULATOR_TEMPORARY_SECURITY_TOKEN;
});

afterAll(async () => {
  delete process.env.HW_ACCESS_KEY;
  delete process.env.HW_SECRET_KEY;
  delete process.env.HW_SECURITY_TOKEN;
  if (!terraform) return;
  await emulator.stop();
  removeDir(work);
});

describeWithTerraform("credentials with debug logging on, through terraform", () => {
  let outdir: string;
  let dir: string;

  test("apply with temporary credentials works, and the debug log shows signed requests with the signature and token redacted", async () => {
    outdir = join(work, "out");
    synthApp(
      outdir,
      buildBundle(work),
      (app) => new CopyStack(app, "secret", { sourceImageId: SeedImage.ACTIVE_PRIVATE, name: "secret-copy" }),
    );
    dir = join(outdir, "stacks", "secret");
    await run(["init", "-input=false", "-no-color"], dir);

    const applied = await run(["apply", "-auto-approve", "-input=false", "-no-color"], dir);

    // Debug lines of the runtime, relayed by terraform; the signed headers are there, redacted.
    expect(applied.stdout).toMatch(/\[ims-image-copy\] .*POST .*\/copy/);
    expect(applied.stdout).toMatch(/"?authorization"?: ?"?\[redacted\]/i);
    expect(applied.stdout).toMatch(/"?x-security-token"?: ?"?\[redacted\]/i);
    expect(
      emulator
        .requests()
        .some(
          (r) =>
            r.accessKey !== undefined &&
            EMULATOR_TEMPORARY_ACCESS_KEY.startsWith(r.accessKey.replace(/\*+$/, "")),
        ),
    ).toBe(true);
  });

  test("a refused apply (the service answers 403) reports the error without any credential", async () => {
    const refusedOut = join(work, "refused");
    synthApp(
      refusedOut,
      buildBundle(work),
      (app) =>
        new CopyStack(app, "refused", { sourceImageId: SeedImage.ACTIVE_PRIVATE, name: "refused-copy" }),
    );
    const refusedDir = join(refusedOut, "stacks", "refused");
    await run(["init", "-input=false", "-no-color"], refusedDir);
    emulator.addFault({
      method: "POST",
      path: "/copy$",
      status: 403,
      imsCode: "IMG.0026",
      message: `Policy doesn't allow ims:images:copy to be performed. (key ${EMULATOR_TEMPORARY_ACCESS_KEY})`,
      times: 1,
    });

    const refused = await run(["apply", "-auto-approve", "-input=false", "-no-color"], refusedDir, 1);

    expect(refused.stdout + refused.stderr).toContain("ims:images:copy");
    // The service's message echoed the access key: the runtime printed it redacted.
    expect(refused.stdout + refused.stderr).toContain("(key [redacted])");
    emulator.clearFaults();
  });

  test("output, plan and destroy work too", async () => {
    const out = await run(["output", "-json"], dir);
    expect(JSON.parse(out.stdout)).toHaveProperty("image_id");
    await run(["plan", "-detailed-exitcode", "-input=false", "-no-color"], dir);
    await run(["destroy", "-auto-approve", "-input=false", "-no-color"], dir);
  });

  test("no access key, secret key or security token in cdktf.out, the state, or anything printed", () => {
    const files = filesUnder(work);
    expect(files.some((f) => f.endsWith("terraform.tfstate"))).toBe(true);
    expect(files.some((f) => f.endsWith("cdk.tf.json"))).toBe(true);
    const found = files
      .map((file) => ({ file, leaks: leaks(readFileSync(file, "latin1")) }))
      .filter((f) => f.leaks.length > 0);
    expect(found).toEqual([]);
    expect(printed.length).toBeGreaterThanOrEqual(6);
    const lines = printed
      .flatMap((r) => (r.stdout + "\n" + r.stderr).split("\n"))
      .filter((l) => leaks(l).length > 0);
    expect(lines).toEqual([]);
  });
});
