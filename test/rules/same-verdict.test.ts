/**
 * One rule per value: every value below goes through every entry point that takes it, and each
 * one must give the same verdict, for a refusal in the words of the same rule of
 * lib/shared/rules.ts. The entry points:
 * - synth: the construct's prop (`new ImsImageCopy(...)`);
 * - step environment: the create (or delete) step's `IMS_COPY_*` variable, read as the step
 *   reads it and then handed to the client's configuration (`readCreateInput`, `configFromEnv`);
 * - client environment: the `HW_*` variable of the region, project and endpoint (`configFromEnv`);
 * - CLI: the `ims-image-copy` flag (`parseCli`, then `configFromEnv` as `runCli` does).
 * An accepted endpoint must also reach the client normalised in the same way from each of them.
 *
 * `""` is not in the table: the runtime reads an empty variable as "not set" (Terraform cannot
 * unset one), which the construct never sends (it leaves empty values out of the spec).
 */
import { EMULATOR_ACCESS_KEY, EMULATOR_SECRET_KEY, SeedImage } from "../../lib/emulator";
import { ImsImageCopy, type ImsImageCopyProps } from "../../lib/ims-image-copy";
import { parseCli } from "../../lib/runtime/cli-args";
import { configFromEnv, type ClientConfig } from "../../lib/runtime/config";
import { readCreateInput, readDeleteInput } from "../../lib/runtime/steps/env";
import { RuntimeEnv } from "../../lib/shared/constants";
import {
  checkDescription,
  checkEndpoint,
  checkEnterpriseProjectId,
  checkImageId,
  checkKmsKeyId,
  checkName,
  checkProjectId,
  checkRegion,
  checkTags,
  checkTimeoutMinutes,
  checkTimeoutMinutesText,
} from "../../lib/shared/rules";
import { testStack } from "../construct/helpers";

type Verdict =
  | { readonly accepted: true; readonly imsEndpoint?: string }
  | { readonly accepted: false; readonly message: string };

function verdictOf(run: () => ClientConfig | void): Verdict {
  try {
    const config = run();
    return config ? { accepted: true, imsEndpoint: config.imsEndpoint } : { accepted: true };
  } catch (error) {
    return { accepted: false, message: (error as Error).message };
  }
}

const CREDENTIALS = { HW_ACCESS_KEY: EMULATOR_ACCESS_KEY, HW_SECRET_KEY: EMULATOR_SECRET_KEY };
/** The caller's environment: credentials and a region. */
const CALLER = { ...CREDENTIALS, HW_REGION_NAME: "cn-north-4" };
const STEP = {
  ...CALLER,
  [RuntimeEnv.SOURCE_IMAGE_ID]: SeedImage.ACTIVE_PRIVATE,
  [RuntimeEnv.NAME]: "copy",
  [RuntimeEnv.MARKER]: "a".repeat(40),
  [RuntimeEnv.RESULT_FILE]: "result.json",
  [RuntimeEnv.RESOURCE_ID]: "copy-resource-id",
};
const PROPS: ImsImageCopyProps = { sourceImageId: SeedImage.ACTIVE_PRIVATE, name: "copy" };
const COPY = ["copy", "--source", SeedImage.ACTIVE_PRIVATE, "--name", "copy"];
// Flags are given as `--flag=value`: a value such as "-1" after a space would be read as an option.

function synth(prop: keyof ImsImageCopyProps, value: unknown): Verdict {
  return verdictOf(() => void new ImsImageCopy(testStack(), "copy", { ...PROPS, [prop]: value }));
}

function createStep(variable: string, text: string): Verdict {
  const env = { ...STEP, [variable]: text };
  return verdictOf(() => configFromEnv(env, readCreateInput(env).target));
}

function deleteStep(variable: string, text: string): Verdict {
  const env = { ...CALLER, [RuntimeEnv.IMAGE_ID]: SeedImage.ACTIVE_PRIVATE, [variable]: text };
  return verdictOf(() => configFromEnv(env, readDeleteInput(env).target));
}

function client(variable: string, text: string): Verdict {
  return verdictOf(() => configFromEnv({ ...CALLER, [variable]: text }));
}

function cli(argv: readonly string[]): Verdict {
  const parsed = parseCli(argv);
  if (!parsed.ok) return { accepted: false, message: parsed.problem };
  const command = parsed.command;
  return verdictOf(() => configFromEnv(CALLER, "target" in command ? command.target : {}));
}

interface Row {
  /**
   * What the construct's prop is given; the environment and the CLI get `text`. Undefined for
   * text that no prop value stands for (a timeout written " 5"): only text entry points get it.
   */
  readonly value: unknown;
  readonly text: string;
}

/** A string value: the same text everywhere. */
const text = (value: string): Row => ({ value, text: value });

interface Field {
  readonly title: string;
  /** The shared rule: undefined (accepted) or the problem every refusal must state. */
  readonly rule: (row: Row) => string | undefined;
  readonly entryPoints: Readonly<Record<string, (row: Row) => Verdict>>;
  readonly rows: readonly Row[];
}

const UUIDS = ["6f0a2b34-1c5d-4e7f-8a9b-0c1d2e3f4a5b", "00000000-0000-4000-8000-000000000000"];
const NOT_UUIDS = [
  "6F0A2B34-1C5D-4E7F-8A9B-0C1D2E3F4A5B",
  "img-123",
  " 6f0a2b34-1c5d-4e7f-8a9b-0c1d2e3f4a5b",
];

const FIELDS: readonly Field[] = [
  {
    title: "image name",
    rule: (r) => checkName(r.text),
    entryPoints: {
      "prop name": (r) => synth("name", r.value),
      [RuntimeEnv.NAME]: (r) => createStep(RuntimeEnv.NAME, r.text),
      "--name": (r) => cli(["copy", "--source", SeedImage.ACTIVE_PRIVATE, `--name=${r.text}`]),
    },
    rows: [
      "a",
      "web-base_v1.2 copy",
      "镜像 副本",
      "x".repeat(128),
      "x".repeat(129),
      " lead",
      "trail ",
      "web/copy",
      "é",
      "a\tb",
    ].map(text),
  },
  {
    title: "description",
    rule: (r) => checkDescription(r.text),
    entryPoints: {
      "prop description": (r) => synth("description", r.value),
      [RuntimeEnv.DESCRIPTION]: (r) => createStep(RuntimeEnv.DESCRIPTION, r.text),
      "--description": (r) => cli([...COPY, `--description=${r.text}`]),
    },
    rows: [
      "any text: ;&|$()`'\" 中文",
      "d".repeat(1024),
      "d".repeat(1025),
      "a\nb",
      "a\rb",
      "<b>",
      "a\0b",
    ].map(text),
  },
  {
    title: "source image ID",
    rule: (r) => checkImageId(r.text),
    entryPoints: {
      "prop sourceImageId": (r) => synth("sourceImageId", r.value),
      [RuntimeEnv.SOURCE_IMAGE_ID]: (r) => createStep(RuntimeEnv.SOURCE_IMAGE_ID, r.text),
      "--source": (r) => cli(["copy", `--source=${r.text}`, "--name", "copy"]),
    },
    rows: [...UUIDS, ...NOT_UUIDS].map(text),
  },
  {
    title: "KMS key ID",
    rule: (r) => checkKmsKeyId(r.text),
    entryPoints: {
      "prop kmsKeyId": (r) => synth("kmsKeyId", r.value),
      [RuntimeEnv.KMS_KEY_ID]: (r) => createStep(RuntimeEnv.KMS_KEY_ID, r.text),
      "--kms-key-id": (r) => cli([...COPY, `--kms-key-id=${r.text}`]),
    },
    rows: [...UUIDS, ...NOT_UUIDS].map(text),
  },
  {
    title: "enterprise project ID",
    rule: (r) => checkEnterpriseProjectId(r.text),
    entryPoints: {
      "prop enterpriseProjectId": (r) => synth("enterpriseProjectId", r.value),
      [RuntimeEnv.ENTERPRISE_PROJECT_ID]: (r) => createStep(RuntimeEnv.ENTERPRISE_PROJECT_ID, r.text),
      "--enterprise-project-id": (r) => cli([...COPY, `--enterprise-project-id=${r.text}`]),
    },
    rows: ["0", ...UUIDS, "00", "default", ...NOT_UUIDS].map(text),
  },
  {
    title: "region",
    rule: (r) => checkRegion(r.text),
    entryPoints: {
      "prop region": (r) => synth("region", r.value),
      [RuntimeEnv.REGION]: (r) => createStep(RuntimeEnv.REGION, r.text),
      HW_REGION_NAME: (r) => client("HW_REGION_NAME", r.text),
      "--region": (r) => cli([...COPY, `--region=${r.text}`]),
    },
    rows: [
      "cn-north-4",
      "ap-southeast-1",
      "eu-west-101",
      "my-kualalumpur-1",
      "ae-ad-1",
      "cn-southwest-2",
      "cn-north",
      "CN-NORTH-4",
      "cn_north_4",
      "cn-north-4 ",
      "cn-north-1234",
      "north-4",
      "cn-north-4a",
      "cn--4",
    ].map(text),
  },
  {
    title: "project ID",
    rule: (r) => checkProjectId(r.text),
    entryPoints: {
      "prop projectId": (r) => synth("projectId", r.value),
      [RuntimeEnv.PROJECT_ID]: (r) => createStep(RuntimeEnv.PROJECT_ID, r.text),
      HW_PROJECT_ID: (r) => client("HW_PROJECT_ID", r.text),
      "--project-id": (r) => cli([...COPY, `--project-id=${r.text}`]),
    },
    rows: [
      "0e5cbc8a6a754d6b9c7e42d6f0a1b2c3",
      "a".repeat(32),
      "0E5CBC8A6A754D6B9C7E42D6F0A1B2C3",
      "a".repeat(31),
      "a".repeat(33),
      "my-project",
      "6f0a2b34-1c5d-4e7f-8a9b-0c1d2e3f4a5b",
    ].map(text),
  },
  {
    title: "IMS endpoint",
    rule: (r) => checkEndpoint(r.text),
    entryPoints: {
      "prop endpoint": (r) => synth("endpoint", r.value),
      [RuntimeEnv.ENDPOINT]: (r) => createStep(RuntimeEnv.ENDPOINT, r.text),
      HW_IMS_ENDPOINT: (r) => client("HW_IMS_ENDPOINT", r.text),
      "--endpoint": (r) => cli([...COPY, `--endpoint=${r.text}`]),
    },
    rows: [
      "https://ims.cn-north-4.myhuaweicloud.com",
      "https://ims.example.com/",
      "HTTPS://IMS.Example.COM:443/v1//",
      "http://localhost:8090",
      "http://127.0.0.1:8090/",
      "http://127.255.0.1",
      "http://[::1]:8090",
      "http://[0:0:0:0:0:0:0:1]:8090",
      "http://10.0.0.1:8080",
      "http://ims.example.com",
      "http://127.0.0.1.example.com",
      "http://[::2]:8090",
      "ftp://ims.example.com",
      "ims.example.com",
      "https://user:password@ims.example.com",
      "https://ims.example.com/?a=1",
      "https://ims.example.com/#top",
    ].map(text),
  },
  {
    title: "create timeout",
    rule: (r) =>
      typeof r.value === "number" ? checkTimeoutMinutes(r.value) : checkTimeoutMinutesText(r.text),
    entryPoints: {
      "prop createTimeoutMinutes": (r) => synth("createTimeoutMinutes", r.value),
      [RuntimeEnv.CREATE_TIMEOUT_MINUTES]: (r) => createStep(RuntimeEnv.CREATE_TIMEOUT_MINUTES, r.text),
      "copy --timeout-minutes": (r) => cli([...COPY, `--timeout-minutes=${r.text}`]),
    },
    rows: timeoutRows(),
  },
  {
    title: "delete timeout",
    rule: (r) =>
      typeof r.value === "number" ? checkTimeoutMinutes(r.value) : checkTimeoutMinutesText(r.text),
    entryPoints: {
      "prop deleteTimeoutMinutes": (r) => synth("deleteTimeoutMinutes", r.value),
      [RuntimeEnv.DELETE_TIMEOUT_MINUTES]: (r) => deleteStep(RuntimeEnv.DELETE_TIMEOUT_MINUTES, r.text),
      "delete --timeout-minutes": (r) =>
        cli(["delete", SeedImage.ACTIVE_PRIVATE, `--timeout-minutes=${r.text}`]),
    },
    rows: timeoutRows(),
  },
  {
    title: "tags",
    rule: (r) => checkTags(r.value),
    entryPoints: {
      "prop tags": (r) => synth("tags", r.value),
      [RuntimeEnv.TAGS]: (r) => createStep(RuntimeEnv.TAGS, r.text),
    },
    rows: (
      [
        {},
        { team: "web" },
        { 键: "值.1-2_3", empty: "" },
        Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`k${i}`, "v"])),
        Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`k${i}`, "v"])),
        { "a.b": "x" },
        { ["k".repeat(37)]: "x" },
        { team: "v".repeat(44) },
        { team: "a b" },
        { team: 5 },
        { "cdktf-ims-image-copy": "mine" },
        ["team", "web"],
        "team=web",
        null,
      ] as unknown[]
    ).map((value) => ({ value, text: JSON.stringify(value) })),
  },
];

function timeoutRows(): Row[] {
  const numbers = [1, 60, 100_000, Number.MAX_SAFE_INTEGER, 0, -1, 0.5, 1.5, 2 ** 53, 1e21, NaN, Infinity];
  // Text only the environment and the CLI can receive: no sign, space, exponent or hexadecimal.
  const texts = ["05", "+5", " 5", "5 ", "1e1", "0x10", "5.0", "five"];
  return [
    ...numbers.map((value) => ({ value, text: String(value) })),
    ...texts.map((t) => ({ value: undefined, text: t })),
  ];
}

/** How a refusal names the entry point: `prop "name"`, `IMS_COPY_NAME`, `--name`. */
function subjectOf(entryPoint: string): string {
  if (entryPoint.startsWith("prop ")) return `prop "${entryPoint.slice("prop ".length)}"`;
  return entryPoint.split(" ").pop() as string;
}

describe.each(FIELDS.map((field) => [field.title, field] as const))("%s", (_title, field) => {
  const names = Object.keys(field.entryPoints);

  test.each(field.rows.map((row) => [JSON.stringify(row.text), row] as const))(
    `%s gets the same verdict from ${names.join(", ")}`,
    (_shown, row) => {
      const problem = field.rule(row);
      const verdicts = Object.entries(field.entryPoints)
        .filter(([name]) => row.value !== undefined || !name.startsWith("prop "))
        .map(([name, enter]) => [name, enter(row)] as const);

      for (const [name, verdict] of verdicts) {
        // (The whole verdict is compared so that a wrong refusal shows its message.)
        expect({ name, verdict }).toEqual({
          name,
          verdict: expect.objectContaining({ accepted: problem === undefined }),
        });
        if (!verdict.accepted) {
          expect(verdict.message).toContain(`${subjectOf(name)} `);
          expect(verdict.message).toContain(`is invalid: ${problem}`);
        }
      }
      // An accepted endpoint reaches the client in the same (normalised) form from every entry point.
      const endpoints = new Set(
        verdicts.flatMap(([, v]) => (v.accepted && v.imsEndpoint ? [v.imsEndpoint] : [])),
      );
      if (field.title === "IMS endpoint" && problem === undefined) expect(endpoints.size).toBe(1);
    },
  );
});

describe("the normalised endpoint", () => {
  test.each([
    ["https://ims.example.com/", "https://ims.example.com"],
    ["HTTPS://IMS.Example.COM:443/v1//", "https://ims.example.com/v1"],
    ["http://127.0.0.1:8090/", "http://127.0.0.1:8090"],
    ["http://[0:0:0:0:0:0:0:1]:8090", "http://[::1]:8090"],
  ])("%s reaches the client as %s from the step, the client environment and the CLI", (given, expected) => {
    expect(createStep(RuntimeEnv.ENDPOINT, given)).toEqual({ accepted: true, imsEndpoint: expected });
    expect(client("HW_IMS_ENDPOINT", given)).toEqual({ accepted: true, imsEndpoint: expected });
    expect(cli([...COPY, `--endpoint=${given}`])).toEqual({ accepted: true, imsEndpoint: expected });
  });
});
