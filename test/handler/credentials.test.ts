/**
 * Where the runtime gets its credentials and target: the SDK variable names work as well as the
 * provider's, and what the construct pinned (region, project ID, endpoint) wins over the caller's
 * environment.
 */
import {
  SeedImage,
  EMULATOR_ACCESS_KEY,
  EMULATOR_PROJECT_ID,
  EMULATOR_REGION,
  EMULATOR_SECRET_KEY,
} from "../../lib/emulator";
import { ExitCode, RuntimeEnv } from "../../lib/shared/constants";
import { markerFor, runRuntime, TEST_RESOURCE_ID } from "./support/runtime";
import { useRuntimeFixture } from "./support/fixture";

const fx = useRuntimeFixture({ emulator: { jobSeconds: 1 }, cwdPrefix: "ims-handler-creds-" });

const copyInputs = (): NodeJS.ProcessEnv => ({
  [RuntimeEnv.SOURCE_IMAGE_ID]: SeedImage.ACTIVE_PRIVATE,
  [RuntimeEnv.NAME]: "creds-copy",
  [RuntimeEnv.MARKER]: markerFor("creds"),
  [RuntimeEnv.RESOURCE_ID]: TEST_RESOURCE_ID,
  [RuntimeEnv.RESULT_FILE]: "result.json",
});

describe("credentials and target", () => {
  test("the SDK variable names HUAWEICLOUD_SDK_AK / _SK are accepted", async () => {
    const r = await runRuntime(
      fx.bundle,
      "create",
      {
        PATH: process.env.PATH,
        HUAWEICLOUD_SDK_AK: EMULATOR_ACCESS_KEY,
        HUAWEICLOUD_SDK_SK: EMULATOR_SECRET_KEY,
        HW_REGION_NAME: EMULATOR_REGION,
        HW_PROJECT_ID: EMULATOR_PROJECT_ID,
        HW_IMS_ENDPOINT: fx.url,
        ...copyInputs(),
      },
      fx.cwd,
    );
    expect(r.stderr).toBe("");
    expect(r.code).toBe(ExitCode.OK);
    expect(fx.emulator.jobs()).toHaveLength(1);
  });

  test("the construct's region, project ID and endpoint override the caller's environment", async () => {
    const r = await runRuntime(
      fx.bundle,
      "create",
      {
        PATH: process.env.PATH,
        HW_ACCESS_KEY: EMULATOR_ACCESS_KEY,
        HW_SECRET_KEY: EMULATOR_SECRET_KEY,
        // What the caller's shell says: another region, another project, an endpoint nobody listens on.
        HW_REGION_NAME: "ap-southeast-1",
        HW_PROJECT_ID: "ffffffffffffffffffffffffffffffff",
        HW_IMS_ENDPOINT: "http://127.0.0.1:9",
        ...copyInputs(),
        [RuntimeEnv.REGION]: EMULATOR_REGION,
        [RuntimeEnv.PROJECT_ID]: EMULATOR_PROJECT_ID,
        [RuntimeEnv.ENDPOINT]: fx.url,
      },
      fx.cwd,
    );
    expect(r.stderr).toBe("");
    expect(r.code).toBe(ExitCode.OK);
    expect(fx.emulator.jobs()).toHaveLength(1);
  });

  test("without a project ID the runtime looks the project up in IAM by region name", async () => {
    const r = await runRuntime(
      fx.bundle,
      "create",
      {
        PATH: process.env.PATH,
        HW_ACCESS_KEY: EMULATOR_ACCESS_KEY,
        HW_SECRET_KEY: EMULATOR_SECRET_KEY,
        HW_REGION_NAME: EMULATOR_REGION,
        HW_IMS_ENDPOINT: fx.url,
        ...copyInputs(),
      },
      fx.cwd,
    );
    expect(r.code).toBe(ExitCode.OK);
    expect(fx.emulator.requests().filter((q) => q.path === "/v3/projects")).toHaveLength(1);
  });
});
