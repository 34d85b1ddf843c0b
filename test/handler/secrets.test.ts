/**
 * Credentials never appear in anything the runtime prints, not even with IMS_COPY_DEBUG=1 (which
 * logs every request) and not when the service refuses the signature.
 */
import { ImsEmulator, SeedImage } from "../../lib/emulator";
import { EMULATOR_TEMPORARY_ACCESS_KEY, EMULATOR_TEMPORARY_SECRET_KEY, EMULATOR_TEMPORARY_SECURITY_TOKEN } from "../../lib/emulator/defaults";
import { ExitCode, RuntimeEnv } from "../../lib/shared/constants";
import { buildBundle, emulatorEnv, markerFor, removeDir, runRuntime, tempDir } from "./support/runtime";

let bundleDir: string;
let bundle: string;
let emulator: ImsEmulator;
let url: string;
let cwd: string;

beforeAll(async () => {
  bundleDir = tempDir("ims-handler-bundle-");
  bundle = buildBundle(bundleDir);
  emulator = new ImsEmulator({ jobSeconds: 1 });
  url = await emulator.start();
});

afterAll(async () => {
  await emulator.stop();
  removeDir(bundleDir);
});

beforeEach(() => {
  emulator.reset();
  cwd = tempDir("ims-handler-secrets-");
});

afterEach(() => removeDir(cwd));

function env(credentials: Record<string, string>): NodeJS.ProcessEnv {
  return {
    ...emulatorEnv(url),
    ...credentials,
    IMS_COPY_DEBUG: "1",
    [RuntimeEnv.SOURCE_IMAGE_ID]: SeedImage.ACTIVE_PRIVATE,
    [RuntimeEnv.NAME]: "secret-test",
    [RuntimeEnv.MARKER]: markerFor("secrets"),
    [RuntimeEnv.RESULT_FILE]: "result.json",
  };
}

const TEMPORARY = {
  HW_ACCESS_KEY: EMULATOR_TEMPORARY_ACCESS_KEY,
  HW_SECRET_KEY: EMULATOR_TEMPORARY_SECRET_KEY,
  HW_SECURITY_TOKEN: EMULATOR_TEMPORARY_SECURITY_TOKEN,
};

describe("secrets", () => {
  test("a debug run with temporary credentials prints neither the keys nor the security token", async () => {
    const r = await runRuntime(bundle, "create", env(TEMPORARY), cwd);

    expect(r.code).toBe(ExitCode.OK);
    expect(r.stderr).toContain("[ims-image-copy]");
    for (const secret of Object.values(TEMPORARY)) {
      expect(r.stdout).not.toContain(secret);
      expect(r.stderr).not.toContain(secret);
    }
  });

  test("a refused signature is reported without the keys, with what to check", async () => {
    const wrong = { ...TEMPORARY, HW_SECRET_KEY: "notTheRightSecretKey0000000000000000000000" };
    const r = await runRuntime(bundle, "create", env(wrong), cwd);

    expect(r.code).toBe(ExitCode.API);
    expect(r.stderr).toContain("The signature was refused: check HW_ACCESS_KEY or HUAWEICLOUD_SDK_AK and HW_SECRET_KEY or HUAWEICLOUD_SDK_SK");
    for (const secret of Object.values(wrong)) {
      expect(r.stdout).not.toContain(secret);
      expect(r.stderr).not.toContain(secret);
    }
    expect(emulator.jobs()).toEqual([]);
  });
});
