/**
 * The runtime can be run by hand, so it re-validates its environment with the construct's rules:
 * a bad value is refused before any API call, naming the variable, the value and the rule.
 */
import { SeedImage } from "../../lib/emulator";
import { ExitCode, RuntimeEnv } from "../../lib/shared/constants";
import { emulatorEnv, markerFor, runRuntime, TEST_RESOURCE_ID } from "./support/runtime";
import { useRuntimeFixture } from "./support/fixture";
import { pollSecondsRefusal } from "../support/rule-wording";

const FIX = `. Fix the construct's props and synthesize again (or, when running the runtime by hand, fix the variable)`;

const fx = useRuntimeFixture({ emulator: { jobSeconds: 1 } });

function createEnv(overrides: Record<string, string | undefined>): NodeJS.ProcessEnv {
  return {
    ...emulatorEnv(fx.url),
    [RuntimeEnv.SOURCE_IMAGE_ID]: SeedImage.ACTIVE_PRIVATE,
    [RuntimeEnv.NAME]: "copy",
    [RuntimeEnv.MARKER]: markerFor("x"),
    [RuntimeEnv.RESOURCE_ID]: TEST_RESOURCE_ID,
    [RuntimeEnv.RESULT_FILE]: "result.json",
    ...overrides,
  };
}

describe("environment validation", () => {
  test.each([
    [
      "a name with a slash",
      { [RuntimeEnv.NAME]: "web/copy" },
      `IMS_COPY_NAME "web/copy" is invalid: it contains "/" (U+002F); an image name has 1 to 128 characters: letters (A-Z, a-z), digits, Chinese characters, "-", "_", "." and spaces, and does not start or end with a space${FIX}`,
    ],
    [
      "a description with a newline",
      { [RuntimeEnv.DESCRIPTION]: "two\nlines" },
      `IMS_COPY_DESCRIPTION "two\\nlines" is invalid: it contains "\\n" (U+000A); a description has at most 1024 characters and no carriage return, newline, NUL, "<" or ">"${FIX}`,
    ],
    [
      "a source that is not a UUID",
      { [RuntimeEnv.SOURCE_IMAGE_ID]: "img-123" },
      `IMS_COPY_SOURCE_IMAGE_ID "img-123" is invalid: an image ID is a lower-case UUID such as "6f0a2b34-1c5d-4e7f-8a9b-0c1d2e3f4a5b"${FIX}`,
    ],
    [
      "a fractional timeout",
      { [RuntimeEnv.CREATE_TIMEOUT_MINUTES]: "1.5" },
      `IMS_COPY_CREATE_TIMEOUT_MINUTES "1.5" is invalid: a timeout is a whole number of minutes greater than 0${FIX}`,
    ],
    [
      "the reserved marker tag among the user tags",
      { [RuntimeEnv.TAGS]: '{"cdktf-ims-image-copy":"mine"}' },
      `IMS_COPY_TAGS "{\\"cdktf-ims-image-copy\\":\\"mine\\"}" is invalid: the tag key "cdktf-ims-image-copy" is reserved: this library sets it to recognise the images it creates${FIX}`,
    ],
    [
      "tags that are not a JSON object",
      { [RuntimeEnv.TAGS]: "team=web" },
      `IMS_COPY_TAGS "team=web" is invalid: it must be a JSON object of string values, such as {"team":"web"}${FIX}`,
    ],
    [
      "a marker that is not 40 hex digits",
      { [RuntimeEnv.MARKER]: "abc" },
      `IMS_COPY_MARKER "abc" is invalid: a marker is 40 lower-case hexadecimal digits (the construct computes it; do not set it by hand)${FIX}`,
    ],
    [
      "a plain-http endpoint on a remote host",
      { [RuntimeEnv.ENDPOINT]: "http://ims.example.com" },
      `IMS_COPY_ENDPOINT "http://ims.example.com" is invalid: it uses plain "http://" for the non-loopback host "ims.example.com"; an endpoint is an "https://" URL such as "https://ims.cn-north-4.myhuaweicloud.com" ("http://" only for localhost, 127.0.0.1 or [::1])${FIX}`,
    ],
    ["a poll interval of 0 seconds", { IMS_COPY_POLL_SECONDS: "0" }, pollSecondsRefusal("0")],
    [
      "a missing result file",
      { [RuntimeEnv.RESULT_FILE]: "" },
      "IMS_COPY_RESULT_FILE is not set: it must hold the path of the result file. The construct sets it; when running the runtime by hand, set it yourself",
    ],
    [
      "no access key",
      { HW_ACCESS_KEY: undefined },
      'No Huawei Cloud access key found: set HW_ACCESS_KEY or HUAWEICLOUD_SDK_AK in the environment of the command that runs the copy (for example the shell that runs "terraform apply").',
    ],
  ])("create refuses %s before any API call", async (_what, overrides, message) => {
    const r = await runRuntime(fx.bundle, "create", createEnv(overrides), fx.cwd);

    expect(r.stderr).toBe(`ims-image-copy create failed: ${message}\n`);
    expect(r.code).toBe(ExitCode.USAGE);
    expect(r.stdout).toBe("");
    expect(fx.emulator.requests()).toEqual([]);
  });

  test("delete refuses an unknown removal policy", async () => {
    const r = await runRuntime(
      fx.bundle,
      "delete",
      {
        ...emulatorEnv(fx.url),
        [RuntimeEnv.IMAGE_ID]: SeedImage.ACTIVE_PRIVATE,
        [RuntimeEnv.REMOVAL_POLICY]: "keep",
      },
      fx.cwd,
    );

    expect(r.code).toBe(ExitCode.USAGE);
    expect(r.stderr).toBe(
      `ims-image-copy delete failed: IMS_COPY_REMOVAL_POLICY "keep" is invalid: a removal policy is "destroy" or "retain"${FIX}\n`,
    );
    expect(fx.emulator.requests()).toEqual([]);
  });

  test("an unknown subcommand is refused with the expected usage", async () => {
    const r = await runRuntime(fx.bundle, "copy", emulatorEnv(fx.url), fx.cwd);

    expect(r.code).toBe(ExitCode.USAGE);
    expect(r.stderr).toBe(
      `ims-image-copy failed: expected exactly one subcommand (create, update, delete), got "copy". This runtime is run by Terraform's local-exec as: node <runtime> create\n`,
    );
  });
});
