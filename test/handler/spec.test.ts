/**
 * IMS_COPY_SPEC: the one variable through which the construct passes a step's whole input
 * (`expandSpec` in lib/runtime/steps/env.ts), read the same way as single variables.
 */
import { ConfigError } from "../../lib/runtime/errors";
import { expandSpec, readCreateInput, readDeleteInput, readUpdateInput } from "../../lib/runtime/steps/env";
import { RuntimeEnv, specKey } from "../../lib/shared/constants";
import { checkName, invalidValueMessage } from "../../lib/shared/rules";

const IMAGE = "6f0a2b34-1c5d-4e7f-8a9b-0c1d2e3f4a5b";
const MARKER = "0123456789abcdef0123456789abcdef01234567";
const FIX =
  ". Fix the construct's props and synthesize again (or, when running the runtime by hand, fix the variable)";

describe("IMS_COPY_SPEC", () => {
  test("each key stands for the variable IMS_COPY_<KEY>", () => {
    expect(specKey(RuntimeEnv.SOURCE_IMAGE_ID)).toBe("source_image_id");
    expect(specKey(RuntimeEnv.CREATE_TIMEOUT_MINUTES)).toBe("create_timeout_minutes");
    const spec = { source_image_id: IMAGE, name: "web", create_timeout_minutes: 90, description: null };
    expect(expandSpec({ PATH: "/bin", [RuntimeEnv.SPEC]: JSON.stringify(spec) })).toEqual({
      PATH: "/bin",
      [RuntimeEnv.SPEC]: JSON.stringify(spec),
      IMS_COPY_SOURCE_IMAGE_ID: IMAGE,
      IMS_COPY_NAME: "web",
      IMS_COPY_CREATE_TIMEOUT_MINUTES: "90",
    });
  });

  test("a spec is the whole input: stray single variables of the caller's shell are ignored", () => {
    const env = {
      IMS_COPY_REGION: "cn-east-3",
      IMS_COPY_DESCRIPTION: "from the shell",
      IMS_COPY_STATE_DIR: "/tmp/state",
      IMS_COPY_WORKSPACE: "from-the-shell",
      [RuntimeEnv.SPEC]: JSON.stringify({ image_id: IMAGE, name: "web", marker: MARKER, resource_id: "r-1" }),
    };
    const input = readUpdateInput(env);
    expect(input).toEqual({
      imageId: IMAGE,
      name: "web",
      description: "",
      tags: {},
      marker: MARKER,
      workspace: "default",
      resourceId: "r-1",
      target: {},
    });
    // Not a construct setting: where job records are kept stays the caller's.
    expect(expandSpec(env).IMS_COPY_STATE_DIR).toBe("/tmp/state");
  });

  test("without a spec the single variables are read as before", () => {
    expect(readDeleteInput({ IMS_COPY_IMAGE_ID: IMAGE, IMS_COPY_REMOVAL_POLICY: "retain" })).toEqual({
      imageId: IMAGE,
      removalPolicy: "retain",
      deleteTimeoutMinutes: 10,
      workspace: "default",
      target: {},
    });
  });

  test("values from a spec are validated with the same rules and messages as single variables", () => {
    const env = {
      [RuntimeEnv.SPEC]: JSON.stringify({
        source_image_id: IMAGE,
        name: " bad",
        marker: MARKER,
        result_file: "r.json",
      }),
    };
    expect(() => readCreateInput(env)).toThrow(
      new ConfigError(`${invalidValueMessage("IMS_COPY_NAME", " bad", checkName(" bad") as string)}${FIX}`),
    );
  });

  test.each([
    ["not JSON", "{name: web}", "it is not valid JSON"],
    ["an array", '["web"]', "it must be a JSON object"],
    ["an unknown key", '{"nmae":"web"}', `its key "nmae" is not one of `],
    ["a nested object", '{"name":{"x":1}}', 'the value of "name" must be a string or a number'],
    ["a boolean", '{"name":true}', 'the value of "name" must be a string or a number'],
  ])("a spec that is %s is refused, naming IMS_COPY_SPEC and the rule", (_what, raw, rule) => {
    expect(() => expandSpec({ [RuntimeEnv.SPEC]: raw })).toThrow(ConfigError);
    expect(() => expandSpec({ [RuntimeEnv.SPEC]: raw })).toThrow(
      `IMS_COPY_SPEC ${JSON.stringify(raw)} is invalid: ${rule}`,
    );
  });

  test("the runtime's own variables are never spec keys", () => {
    expect(() => expandSpec({ [RuntimeEnv.SPEC]: '{"spec":"{}"}' })).toThrow('its key "spec" is not one of');
    expect(() => expandSpec({ [RuntimeEnv.SPEC]: '{"state_dir":"/"}' })).toThrow(
      'its key "state_dir" is not one of',
    );
  });
});
