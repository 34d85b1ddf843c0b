/**
 * Credentials never appear in anything the runtime prints, not even with IMS_COPY_DEBUG=1 (which
 * logs every request) and not when the service refuses the signature.
 */
import { SeedImage } from "../../lib/emulator";
import {
  EMULATOR_TEMPORARY_ACCESS_KEY,
  EMULATOR_TEMPORARY_SECRET_KEY,
  EMULATOR_TEMPORARY_SECURITY_TOKEN,
} from "../../lib/emulator/defaults";
import { ExitCode, RuntimeEnv } from "../../lib/shared/constants";
import { emulatorEnv, markerFor, runRuntime, TEST_RESOURCE_ID } from "./support/runtime";
import { useRuntimeFixture } from "./support/fixture";

const fx = useRuntimeFixture({ emulator: { jobSeconds: 1 }, cwdPrefix: "ims-handler-secrets-" });

function env(credentials: Record<string, string>): NodeJS.ProcessEnv {
  return {
    ...emulatorEnv(fx.url),
    ...credentials,
    IMS_COPY_DEBUG: "1",
    [RuntimeEnv.SOURCE_IMAGE_ID]: SeedImage.ACTIVE_PRIVATE,
    [RuntimeEnv.NAME]: "secret-test",
    [RuntimeEnv.MARKER]: markerFor("secrets"),
    [RuntimeEnv.RESOURCE_ID]: TEST_RESOURCE_ID,
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
    const r = await runRuntime(fx.bundle, "create", env(TEMPORARY), fx.cwd);

    expect(r.code).toBe(ExitCode.OK);
    expect(r.stderr).toContain("[ims-image-copy]");
    for (const secret of Object.values(TEMPORARY)) {
      expect(r.stdout).not.toContain(secret);
      expect(r.stderr).not.toContain(secret);
    }
  });

  test("a refused signature is reported without the keys, with what to check", async () => {
    const wrong = { ...TEMPORARY, HW_SECRET_KEY: "notTheRightSecretKey0000000000000000000000" };
    const r = await runRuntime(fx.bundle, "create", env(wrong), fx.cwd);

    expect(r.code).toBe(ExitCode.API);
    expect(r.stderr).toContain(
      "The signature was refused: check HW_ACCESS_KEY or HUAWEICLOUD_SDK_AK and HW_SECRET_KEY or HUAWEICLOUD_SDK_SK",
    );
    for (const secret of Object.values(wrong)) {
      expect(r.stdout).not.toContain(secret);
      expect(r.stderr).not.toContain(secret);
    }
    expect(fx.emulator.jobs()).toEqual([]);
  });
});
