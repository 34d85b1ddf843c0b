/**
 * `cdktf-ims-image-copy/runtime` is a deliberate API (README, "Runtime API"): adding or removing a
 * name is a decision, so this list changes with it.
 */
import * as runtime from "cdktf-ims-image-copy/runtime";
import * as packageJson from "../../package.json";

describe("the runtime API", () => {
  test("exports the client, its configuration, the copy workflow, the waiter, the delay strategies and the errors, nothing else", () => {
    expect(Object.keys(runtime).sort()).toEqual([
      "ALLOW_INSECURE_HTTP_ENV",
      "ConfigError",
      "DEBUG_ENV",
      "DEFAULT_MAX_DELAY_MS",
      "DEFAULT_MIN_DELAY_MS",
      "DEFAULT_RETRY",
      "ImsApiError",
      "ImsClient",
      "JobFailedError",
      "POLL_SECONDS_ENV",
      "WaitAbortedError",
      "WaitTimeoutError",
      "configFromEnv",
      "copyImageAndWait",
      "defaultDelayStrategy",
      "encryptionOf",
      "exponentialDelay",
      "fixedDelay",
      "isNotFound",
      "resumeTargetOf",
      "resumeWait",
      "waitForImageActive",
      "waitForJob",
      "waitUntil",
    ]);
  });

  test("the package exposes no deep paths, so the internals under lib/runtime/ stay out of reach", () => {
    expect(Object.keys(packageJson.exports).sort()).toEqual([
      ".",
      "./emulator",
      "./package.json",
      "./runtime",
    ]);
  });
});
