import { spawnSync } from "child_process";
import { EMULATOR_ACCESS_KEY, EMULATOR_SECRET_KEY, SeedImage } from "../../lib/emulator";
import { parseCli } from "../../lib/runtime/cli-args";
import { runCli } from "../../lib/runtime/cli";
import { ExitCode, MARKER_TAG_KEY } from "../../lib/shared/constants";
import { copies, startHarness, type Harness } from "../runtime/harness";
import { removeDir, tempDir } from "../handler/support/runtime";
import { bundleForNode } from "../support/node-bundle";
import { pollSecondsRefusal } from "../support/rule-wording";

interface Captured {
  code: number;
  out: string[];
  err: string[];
}

async function cli(h: Harness, argv: string[], env: Record<string, string> = {}): Promise<Captured> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, {
    env: h.env(env),
    stdout: (l) => out.push(l),
    stderr: (l) => err.push(l),
    now: h.clock.now,
    sleep: h.clock.sleep,
    progressIntervalMs: 1000,
  });
  return { code, out, err };
}

describe("ims-image-copy argument parsing", () => {
  test("copy needs a source and a name", () => {
    expect(parseCli(["copy", "--name", "x"])).toEqual({ ok: false, problem: "copy needs --source IMAGE_ID" });
    expect(parseCli(["copy", "--source", SeedImage.ACTIVE_PRIVATE])).toEqual({
      ok: false,
      problem: "copy needs --name NAME",
    });
  });

  test("an invalid name is refused with the flag, the value and the rule", () => {
    expect(parseCli(["copy", "--source", SeedImage.ACTIVE_PRIVATE, "--name", " lead"])).toEqual({
      ok: false,
      problem:
        '--name " lead" is invalid: it starts with a space; an image name has 1 to 128 characters: letters (A-Z, a-z), digits, Chinese characters, "-", "_", "." and spaces, and does not start or end with a space',
    });
  });

  test("a fractional timeout is refused, not rounded", () => {
    const r = parseCli([
      "copy",
      "--source",
      SeedImage.ACTIVE_PRIVATE,
      "--name",
      "n",
      "--timeout-minutes",
      "1.5",
    ]);
    expect(r).toEqual({
      ok: false,
      problem: '--timeout-minutes "1.5" is invalid: a timeout is a whole number of minutes greater than 0',
    });
  });

  test("every invalid value is named, one line each", () => {
    expect(
      parseCli(["delete", "IMG", "--timeout-minutes", " 5", "--region", "cn-north", "--project-id", "p"]),
    ).toEqual({
      ok: false,
      problem: [
        'IMAGE_ID "IMG" is invalid: an image ID is a lower-case UUID such as "6f0a2b34-1c5d-4e7f-8a9b-0c1d2e3f4a5b"',
        '--timeout-minutes " 5" is invalid: a timeout is a whole number of minutes greater than 0',
        '--region "cn-north" is invalid: a region is written like "cn-north-4", "ap-southeast-1" or "eu-west-101"',
        '--project-id "p" is invalid: a project ID is 32 lower-case hexadecimal digits such as "0e5cbc8a6a754d6b9c7e42d6f0a1b2c3"',
      ].join("\n"),
    });
  });

  test("--region, --project-id and --endpoint set where every command sends its requests", () => {
    const target = [
      "--region",
      "ap-southeast-1",
      "--project-id",
      "a".repeat(32),
      "--endpoint",
      "https://ims.example.com/",
    ];
    const expected = {
      region: "ap-southeast-1",
      projectId: "a".repeat(32),
      imsEndpoint: "https://ims.example.com/",
    };
    expect(parseCli(["status", "b".repeat(32), ...target])).toEqual({
      ok: true,
      command: { kind: "status", target: expected, jobId: "b".repeat(32), json: false },
    });
    expect(parseCli(["delete", SeedImage.ACTIVE_PRIVATE, ...target])).toMatchObject({
      ok: true,
      command: { kind: "delete", target: expected, timeoutMinutes: 10 },
    });
    expect(parseCli(["copy", "--source", SeedImage.ACTIVE_PRIVATE, "--name", "n"])).toMatchObject({
      ok: true,
      command: { kind: "copy", target: {}, timeoutMinutes: 60 },
    });
  });

  test("--endpoint with plain http to a remote host is refused unless IMS_COPY_ALLOW_INSECURE_HTTP=1 says otherwise", () => {
    const argv = ["status", "b".repeat(32), "--endpoint", "http://10.0.0.1:8080"];
    expect(parseCli(argv)).toEqual({
      ok: false,
      problem:
        '--endpoint "http://10.0.0.1:8080" is invalid: it uses plain "http://" for the non-loopback host "10.0.0.1"; an endpoint is an "https://" URL such as "https://ims.cn-north-4.myhuaweicloud.com" ("http://" only for localhost, 127.0.0.1 or [::1])',
    });
    expect(parseCli(argv, { allowInsecureHttp: true }).ok).toBe(true);
  });

  test("status needs a 32-character hexadecimal job ID", () => {
    expect(parseCli(["status", "nope"])).toEqual({
      ok: false,
      problem: 'JOB_ID "nope" is invalid: a job ID is 32 lower-case hexadecimal digits',
    });
  });

  test("unknown commands and flags are usage errors", () => {
    expect(parseCli(["frobnicate"])).toEqual({
      ok: false,
      problem: 'unknown command "frobnicate": expected copy, status or delete',
    });
    expect(parseCli(["copy", "--bogus"]).ok).toBe(false);
  });
});

describe("ims-image-copy against the emulator", () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness({ jobSeconds: 30 });
  });
  afterEach(() => h.stop());

  test("copy prints the new image ID on stdout and progress on stderr", async () => {
    const r = await cli(h, [
      "copy",
      "--source",
      SeedImage.ACTIVE_PRIVATE,
      "--name",
      "cli-copy",
      "--description",
      "from the CLI",
    ]);
    expect(r.code).toBe(ExitCode.OK);
    expect(copies(h.emulator)).toEqual([r.out[0]]);
    expect(r.out).toHaveLength(1);
    expect(r.err[0]).toMatch(
      new RegExp(
        `^\\[ims-image-copy\\] submitted the copy of ${SeedImage.ACTIVE_PRIVATE} as "cli-copy": job [0-9a-f]{32}$`,
      ),
    );
    expect(r.err.some((l) => /copying: RUNNING \d+% elapsed/.test(l))).toBe(true);
    const image = h.emulator.images().find((i) => i.id === r.out[0])!;
    expect(image.info.status).toBe("active");
    expect(image.info.name).toBe("cli-copy");
    expect(image.info.__description).toBe("from the CLI");
  });

  test("GIVEN IMS_COPY_POLL_SECONDS=10 THEN copy polls the job every 10 s, where the default strategy first waits 9.5 s", async () => {
    const args = ["copy", "--source", SeedImage.ACTIVE_PRIVATE, "--name", "polled"];
    expect((await cli(h, args)).code).toBe(ExitCode.OK);
    expect(h.clock.sleeps[0]).toBe(9500);
    h.clock.clearSleeps();
    const fixed = await cli(h, [...args.slice(0, 4), "polled-fixed"], { IMS_COPY_POLL_SECONDS: "10" });
    expect(fixed.code).toBe(ExitCode.OK);
    expect(h.clock.sleeps.length).toBeGreaterThanOrEqual(3);
    expect(new Set(h.clock.sleeps)).toEqual(new Set([10_000]));
  });

  test("GIVEN IMS_COPY_POLL_SECONDS=0 THEN the CLI refuses it before any call, naming the variable, the value and the rule", async () => {
    const r = await cli(h, ["copy", "--source", SeedImage.ACTIVE_PRIVATE, "--name", "x"], {
      IMS_COPY_POLL_SECONDS: "0",
    });
    expect(r.code).toBe(ExitCode.USAGE);
    expect(r.err).toEqual([`ims-image-copy: ${pollSecondsRefusal("0")}`]);
    expect(h.emulator.requests()).toEqual([]);
  });

  test("copy --json prints one JSON object and a second run adopts the same copy", async () => {
    const first = await cli(h, ["copy", "--source", SeedImage.ACTIVE_PRIVATE, "--name", "twice", "--json"]);
    expect(first.code).toBe(ExitCode.OK);
    const parsed = JSON.parse(first.out[0]);
    expect(parsed).toEqual({
      image_id: expect.any(String),
      job_id: expect.stringMatching(/^[0-9a-f]{32}$/),
      adopted: false,
    });
    const second = await cli(h, ["copy", "--source", SeedImage.ACTIVE_PRIVATE, "--name", "twice", "--json"]);
    expect(second.code).toBe(ExitCode.OK);
    expect(JSON.parse(second.out[0])).toEqual({ image_id: parsed.image_id, job_id: null, adopted: true });
    expect(copies(h.emulator)).toEqual([parsed.image_id]);
  });

  test("copy never adopts an image that carries the construct's marker tag (a Terraform state holds it): it copies anew", async () => {
    const first = await cli(h, ["copy", "--source", SeedImage.ACTIVE_PRIVATE, "--name", "managed", "--json"]);
    const managed = JSON.parse(first.out[0]).image_id as string;
    h.emulator.setImage(managed, {
      tags: [{ key: MARKER_TAG_KEY, value: "0123456789abcdef.0123456789abcdef01234567" }],
    });

    const second = await cli(h, [
      "copy",
      "--source",
      SeedImage.ACTIVE_PRIVATE,
      "--name",
      "managed",
      "--json",
    ]);

    expect(second.code).toBe(ExitCode.OK);
    const made = JSON.parse(second.out[0]);
    expect(made).toEqual({
      image_id: expect.any(String),
      job_id: expect.stringMatching(/^[0-9a-f]{32}$/),
      adopted: false,
    });
    expect(made.image_id).not.toBe(managed);
    expect(copies(h.emulator).sort()).toEqual([managed, made.image_id].sort());
  });

  test("--help states the re-run rule, and --unencrypted with --kms-key-id is refused naming both", async () => {
    const help = await cli(h, ["--help"]);
    expect(help.out.join("\n")).toContain(
      "Images made by the cdktf-ims-image-copy construct (they carry that tag) are never adopted",
    );
    const r = await cli(h, [
      "copy",
      "--source",
      SeedImage.ACTIVE_PRIVATE,
      "--name",
      "x",
      "--unencrypted",
      "--kms-key-id",
      "bd66288c-9081-460a-8227-4cbd0c814cb4",
    ]);
    expect(r.code).toBe(ExitCode.USAGE);
    expect(r.err[0]).toBe(
      "ims-image-copy: --unencrypted true is invalid: it cannot be combined with --kms-key-id: a copy is either encrypted with a key or unencrypted",
    );
    expect(copies(h.emulator)).toEqual([]);
  });

  test("status shows the job and delete removes the image", async () => {
    const copy = await cli(h, [
      "copy",
      "--source",
      SeedImage.ACTIVE_PRIVATE,
      "--name",
      "to-delete",
      "--json",
    ]);
    const { image_id, job_id } = JSON.parse(copy.out[0]);
    const status = await cli(h, ["status", job_id]);
    expect(status.code).toBe(ExitCode.OK);
    expect(status.out[0]).toBe(`job ${job_id}: SUCCESS, 100%, image ${image_id}`);
    const del = await cli(h, ["delete", image_id]);
    expect(del.code).toBe(ExitCode.OK);
    expect(del.out).toEqual([image_id]);
    // Gone, or listed as `deleted` for the few seconds before it vanishes from listings.
    expect([undefined, "deleted"]).toContain((await h.client().getImage(image_id))?.status);
    const again = await cli(h, ["delete", image_id, "--json"]);
    expect(again.code).toBe(ExitCode.OK);
    expect(JSON.parse(again.out[0])).toEqual({ image_id, deleted: true, already_gone: true });
  });

  test("--endpoint wins over HW_IMS_ENDPOINT", async () => {
    const copy = await cli(h, ["copy", "--source", SeedImage.ACTIVE_PRIVATE, "--name", "here", "--json"]);
    const { job_id } = JSON.parse(copy.out[0]);
    const r = await cli(h, ["status", job_id, "--endpoint", h.url], {
      HW_IMS_ENDPOINT: "http://127.0.0.1:9",
    });
    expect(r.err).toEqual([]);
    expect(r.out[0]).toMatch(new RegExp(`^job ${job_id}: SUCCESS`));
  });

  test("a refused copy exits 3 with the service code and no stack trace", async () => {
    const r = await cli(h, ["copy", "--source", SeedImage.WHOLE_ECS, "--name", "whole"]);
    expect(r.code).toBe(ExitCode.API);
    expect(r.err).toHaveLength(1);
    expect(r.err[0]).toContain("IMG.0130");
    expect(r.err[0]).not.toMatch(/\n\s+at /);
  });

  test("a failed job exits 4 with the service's error code and reason", async () => {
    h.emulator.configure({ jobFailure: { errorCode: "IMG.0061", failReason: "disk copy failed" } });
    const r = await cli(h, ["copy", "--source", SeedImage.ACTIVE_PRIVATE, "--name", "doomed"]);
    expect(r.code).toBe(ExitCode.JOB_FAILED);
    expect(r.err.join("\n")).toContain("IMG.0061");
    expect(r.err.join("\n")).toContain("disk copy failed");
  });

  test("debug lines are scrubbed of credentials even when the service echoes them", async () => {
    h.emulator.addFault({
      path: "^/v1/cloudimages/job/",
      status: 400,
      imsCode: "IMG.0001",
      message: `bad request from ${EMULATOR_ACCESS_KEY}`,
    });
    h.emulator.addFault({
      path: "^/v1/[0-9a-f]{32}/jobs/",
      status: 400,
      imsCode: "IMG.0001",
      message: `bad request from ${EMULATOR_ACCESS_KEY}`,
    });
    const r = await cli(h, ["status", "0123456789abcdef0123456789abcdef"], { IMS_COPY_DEBUG: "1" });
    expect(r.code).toBe(ExitCode.API);
    const printed = [...r.out, ...r.err].join("\n");
    expect(printed).toContain("[ims-image-copy]"); // debug lines were written
    expect(printed).toContain("[redacted]");
    expect(printed).not.toContain(EMULATOR_ACCESS_KEY);
    expect(printed).not.toContain(EMULATOR_SECRET_KEY);
  });

  test("NODE_TLS_REJECT_UNAUTHORIZED=0 does not switch TLS verification off", async () => {
    const before = process.env.NODE_TLS_REJECT_UNAUTHORIZED;
    process.env.NODE_TLS_REJECT_UNAUTHORIZED = "0";
    try {
      const r = await cli(h, ["status", "0123456789abcdef0123456789abcdef"], {
        NODE_TLS_REJECT_UNAUTHORIZED: "0",
      });
      expect(r.err[0]).toBe(
        "ims-image-copy: warning: ignoring NODE_TLS_REJECT_UNAUTHORIZED=0: TLS verification stays on (to trust a private CA, set NODE_EXTRA_CA_CERTS=/path/to/ca.pem)",
      );
      expect(process.env.NODE_TLS_REJECT_UNAUTHORIZED).toBeUndefined();
    } finally {
      if (before === undefined) delete process.env.NODE_TLS_REJECT_UNAUTHORIZED;
      else process.env.NODE_TLS_REJECT_UNAUTHORIZED = before;
    }
  });

  test("missing credentials exit 2 naming the variables to set", async () => {
    const err: string[] = [];
    const code = await runCli(["status", "0123456789abcdef0123456789abcdef"], {
      env: { HW_REGION_NAME: "cn-north-4", HW_IMS_ENDPOINT: h.url },
      stdout: () => undefined,
      stderr: (l) => err.push(l),
    });
    expect(code).toBe(ExitCode.USAGE);
    expect(err).toHaveLength(1);
    expect(err[0]).toContain("HW_ACCESS_KEY");
    expect(err[0]).toContain("HUAWEICLOUD_SDK_AK");
    expect(h.emulator.requests()).toHaveLength(0);
  });
});

describe("the ims-image-copy command as a process", () => {
  let dir: string;
  let bin: string;
  beforeAll(() => {
    dir = tempDir("ims-cli-bin-");
    bin = bundleForNode("lib/runtime/cli.ts", dir);
  });
  afterAll(() => removeDir(dir));

  test("prints usage with --help and exits 0", () => {
    const r = spawnSync(process.execPath, [bin, "--help"], { encoding: "utf8" });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("ims-image-copy copy --source IMAGE_ID --name NAME");
  });

  test("never prints the secret key, even in a usage error", () => {
    const r = spawnSync(process.execPath, [bin, "status", EMULATOR_SECRET_KEY], {
      encoding: "utf8",
      env: { ...process.env, HW_ACCESS_KEY: EMULATOR_ACCESS_KEY, HW_SECRET_KEY: EMULATOR_SECRET_KEY },
    });
    expect(r.status).toBe(ExitCode.USAGE);
    expect(r.stderr).not.toContain(EMULATOR_SECRET_KEY);
    expect(r.stderr).toContain("[redacted]");
  });
});
