/**
 * Bad input, property-based (fast-check, fixed seeds): every string prop receives hostile strings
 * (shell metacharacters, quotes, backticks, `$()`, Terraform template sequences, newlines, NUL,
 * `<>`, unicode, 129/1025-character strings, empty strings). Each is either
 * refused at synth with a message naming the construct, the prop and the rule, or it reaches the
 * API byte for byte through the runtime (run in-process against the emulator, as Terraform runs
 * it: the value in its environment); nothing is ever executed. The runtime refuses on its own
 * what the construct would have refused (it can be run by hand).
 *
 * `IMS_PROPERTY_RUNS` sets the number of runs per property (default 60; `npm run test:soak` more).
 * The same strings through real terraform: test/e2e/copy.e2e.test.ts (shell and template
 * descriptions) and the terraform case at the end of this file.
 */
import fc from "fast-check";
import { existsSync, rmSync } from "fs";
import { join } from "path";
import { ImsImageCopy, ImsImageCopyConfigError, type ImsImageCopyProps } from "../../lib";
import { ImsEmulator, SeedImage } from "../../lib/emulator";
import { runHandler } from "../../lib/runtime/handler";
import { ExitCode, RuntimeEnv } from "../../lib/shared/constants";
import {
  checkDescription,
  checkEndpoint,
  checkEnterpriseProjectId,
  checkImageId,
  checkKmsKeyId,
  checkName,
  checkProjectId,
  checkRegion,
  checkUserTagKey,
  checkUserTagValue,
} from "../../lib/shared/rules";
import { testStack, synthesize, resourcesOf, localExec } from "../construct/helpers";
import { LocalBackend, TerraformAsset, TerraformStack } from "cdktf";
import { RUNTIME_ASSET_ID } from "../../lib/runtime-asset";
import {
  buildBundle,
  emulatorEnv,
  markerFor,
  removeDir,
  tempDir,
  TEST_RESOURCE_ID,
} from "../handler/support/runtime";
import { synthApp } from "../e2e/support/stacks";
import { findTerraform, terraformEnv, tf } from "../e2e/support/terraform";

const RUNS = Number(process.env.IMS_PROPERTY_RUNS ?? "60");
const SEED = 424242;

jest.setTimeout(120_000);

let work: string;
let canary: string;

/** Pieces a hostile string is made of; each shell-looking piece would create `canary` if run. */
function pieces(canaryPath: string): string[] {
  return [
    `$(touch ${canaryPath})`,
    `\`touch ${canaryPath}\``,
    `; touch ${canaryPath}`,
    `&& touch ${canaryPath} ||`,
    `| sh`,
    `'`,
    `"`,
    `\\`,
    "${HOME}",
    "$${x}",
    "%{ if true }x%{ endif }",
    "%%{",
    "\n",
    "\r",
    "\0",
    "\t",
    "<",
    ">",
    "<script>",
    "中文",
    "镜像",
    "🚀",
    "ünï",
    "\u202e",
    " ",
    "a",
    "Z",
    "9",
    "-",
    "_",
    ".",
    "*",
    "?",
    "#",
    "~",
    "!",
    "=",
    "&",
    "%",
    "/",
    "AKIA-LIKE-TOKEN",
  ];
}

function hostileString(canaryPath: string): fc.Arbitrary<string> {
  return fc.oneof(
    fc.array(fc.constantFrom(...pieces(canaryPath)), { maxLength: 12 }).map((xs) => xs.join("")),
    fc.constantFrom(
      "",
      " ",
      "x".repeat(128),
      "x".repeat(129),
      "d".repeat(1024),
      "d".repeat(1025),
      "中".repeat(128),
      "中".repeat(129),
    ),
    fc.string({ unit: "binary", maxLength: 40 }),
    fc.string({ unit: "grapheme", maxLength: 40 }),
  );
}

const BASE: ImsImageCopyProps = { sourceImageId: SeedImage.ACTIVE_PRIVATE, name: "copy" };

/** Each string prop, how to set it, and the shared rule the construct applies to it. */
const PROPS: ReadonlyArray<
  readonly [string, (s: string) => Partial<ImsImageCopyProps>, (s: string) => string | undefined]
> = [
  ["name", (s) => ({ name: s }), checkName],
  ["description", (s) => ({ description: s }), checkDescription],
  ["sourceImageId", (s) => ({ sourceImageId: s }), checkImageId],
  ["kmsKeyId", (s) => ({ kmsKeyId: s }), checkKmsKeyId],
  ["enterpriseProjectId", (s) => ({ enterpriseProjectId: s }), checkEnterpriseProjectId],
  ["region", (s) => ({ region: s }), checkRegion],
  ["projectId", (s) => ({ projectId: s }), checkProjectId],
  ["endpoint", (s) => ({ endpoint: s }), (s) => checkEndpoint(s)],
  ["tags", (s) => ({ tags: { [s]: "v" } }), (s) => checkUserTagKey(s)],
  ["tags", (s) => ({ tags: { k: s } }), (s) => checkUserTagValue("k", s)],
];

beforeAll(() => {
  work = tempDir("ims-props-");
  canary = join(work, "pwned");
});

afterAll(() => removeDir(work));

describe("synth time: every string prop, hostile values", () => {
  test.each(PROPS.map(([prop, set, rule], i) => [`${prop} (${i})`, prop, set, rule] as const))(
    "%s: a value the rule refuses fails synth naming the construct, the prop and the rule; any other synthesizes with a constant command",
    (_title, prop, set, rule) => {
      fc.assert(
        fc.property(hostileString(canary), (s) => {
          const problem = rule(s);
          const make = (): ImsImageCopy =>
            new ImsImageCopy(testStack(), "copy", { ...BASE, ...set(s) } as ImsImageCopyProps);
          if (problem !== undefined) {
            let error: unknown;
            try {
              make();
            } catch (e) {
              error = e;
            }
            expect(error).toBeInstanceOf(ImsImageCopyConfigError);
            const message = (error as Error).message;
            expect(message.startsWith(`ImsImageCopy "stack/copy": prop "${prop}" `)).toBe(true);
            expect(message).toContain(problem);
            expect(message).toContain(`Change "${prop}" in the props of this ImsImageCopy.`);
          } else {
            const copy = make();
            const json = synthesize(copy.node.scope as never);
            // Every command is a constant (the runtime asset's path and the step): user values only travel in the environment.
            const runtime = (copy.node.scope as TerraformStack).node.findChild(
              RUNTIME_ASSET_ID,
            ) as TerraformAsset;
            expect(runtime.path).toMatch(/^assets\/ImsImageCopyRuntime\/[0-9A-F]{32}\/runtime-bundle\.js$/);
            expect(localExec(resourcesOf(json, copy).copy).command).toBe(`node "${runtime.path}" create`);
            expect(localExec(resourcesOf(json, copy).attributes).command).toBe(
              `node "${runtime.path}" update`,
            );
            expect(localExec(resourcesOf(json, copy).image).command).toBe(`node "${runtime.path}" delete`);
          }
        }),
        { numRuns: RUNS, seed: SEED },
      );
      expect(existsSync(canary)).toBe(false);
    },
  );
});

describe("synth time: values an environment variable cannot carry", () => {
  test("a description holding NUL is refused at synth: Terraform could not pass it to the runtime", () => {
    expect(() => new ImsImageCopy(testStack(), "copy", { ...BASE, description: "nul\0byte" })).toThrow(
      new ImsImageCopyConfigError(
        'ImsImageCopy "stack/copy": prop "description" "nul\\u0000byte" is invalid: it contains "\\u0000" (U+0000); a description has at most 1024 characters and no carriage return, newline, NUL, "<" or ">". Change "description" in the props of this ImsImageCopy.',
      ),
    );
  });
});

describe("apply time: the runtime (in-process, real HTTP to the emulator)", () => {
  let clock: number;
  let emulator: ImsEmulator;
  let url: string;

  beforeAll(async () => {
    clock = Date.now();
    emulator = new ImsEmulator({ now: () => clock, jobSeconds: 2 });
    url = await emulator.start();
  });

  afterAll(() => emulator.stop());

  async function create(
    env: Record<string, string>,
    cwd: string,
  ): Promise<{ code: number; stderr: string[] }> {
    const stderr: string[] = [];
    const code = await runHandler(["create"], {
      env: {
        ...emulatorEnv(url),
        [RuntimeEnv.SOURCE_IMAGE_ID]: SeedImage.ACTIVE_PRIVATE,
        [RuntimeEnv.NAME]: "copy",
        [RuntimeEnv.MARKER]: markerFor("props"),
        [RuntimeEnv.RESOURCE_ID]: TEST_RESOURCE_ID,
        [RuntimeEnv.RESULT_FILE]: "result.json",
        ...env,
      },
      cwd,
      stdout: () => undefined,
      stderr: (l) => stderr.push(l),
      now: () => clock,
      sleep: async (ms) => {
        clock += ms;
      },
      signal: new AbortController().signal,
    });
    return { code, stderr };
  }

  test("names, descriptions and tag values the rules accept reach the API byte for byte; the rest are refused naming the variable, before any call", async () => {
    let accepted = 0;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom("name", "description", "tag value"),
        hostileString(canary),
        async (field, value) => {
          emulator.reset();
          const cwd = tempDir("ims-props-run-");
          const name = field === "name" ? value : "copy";
          const description = field === "description" ? value : "";
          const tagValue = field === "tag value" ? value : "v";
          try {
            const requestsBefore = emulator.requests().length;
            const run = await create(
              {
                [RuntimeEnv.NAME]: name,
                [RuntimeEnv.DESCRIPTION]: description,
                [RuntimeEnv.TAGS]: JSON.stringify({ team: tagValue }),
              },
              cwd,
            );
            const problem =
              field === "name"
                ? checkName(value)
                : field === "description"
                  ? checkDescription(value)
                  : checkUserTagValue("team", value);
            if (problem === undefined) {
              accepted++;
              expect({ code: run.code, stderr: run.stderr }).toEqual({ code: ExitCode.OK, stderr: [] });
              const [copy] = emulator.images().filter((i) => i.jobId !== undefined);
              expect(Buffer.from(copy.info.name, "utf8").equals(Buffer.from(name, "utf8"))).toBe(true);
              expect(
                Buffer.from(String(copy.info.__description ?? ""), "utf8").equals(
                  Buffer.from(description, "utf8"),
                ),
              ).toBe(true);
              expect(copy.tags).toContainEqual({ key: "team", value: tagValue });
            } else {
              refused++;
              const variable =
                field === "name"
                  ? RuntimeEnv.NAME
                  : field === "description"
                    ? RuntimeEnv.DESCRIPTION
                    : RuntimeEnv.TAGS;
              expect(run.code).toBe(ExitCode.USAGE);
              expect(run.stderr).toHaveLength(1);
              expect(run.stderr[0].startsWith(`ims-image-copy create failed: ${variable} `)).toBe(true);
              // Terraform passes an unset value as "", so an empty name reads as a missing variable.
              expect(run.stderr[0]).toContain(
                field === "name" && value === "" ? `${RuntimeEnv.NAME} is not set` : problem,
              );
              expect(emulator.requests().length).toBe(requestsBefore);
            }
          } finally {
            rmSync(cwd, { recursive: true, force: true });
          }
        },
      ),
      { numRuns: RUNS, seed: SEED },
    );
    expect(existsSync(canary)).toBe(false);
    // The generator exercised both outcomes.
    expect(accepted).toBeGreaterThan(0);
    expect(refused).toBeGreaterThan(0);
  });
});

describe("through real terraform", () => {
  const terraform = findTerraform();
  const maybe = terraform ? test : test.skip;
  if (!terraform)
    console.warn(
      "\n**********\n* terraform is NOT on PATH: the terraform case of test/security/input.property.test.ts is SKIPPED.\n**********\n",
    );

  maybe(
    "generated descriptions and tag values the rules accept reach the API byte for byte, and nothing is executed",
    async () => {
      if (!terraform) return;
      const valid = fc.sample(
        fc.tuple(
          hostileString(canary).filter((s) => checkDescription(s) === undefined && s !== ""),
          hostileString(canary).filter((s) => checkUserTagValue("k", s) === undefined),
        ),
        { numRuns: 4, seed: SEED },
      );
      const emulator = new ImsEmulator({ jobSeconds: 1 });
      const env = terraformEnv(terraform, await emulator.start(), work);
      try {
        const bundle = buildBundle(work);
        const outdir = join(work, "tf");
        synthApp(outdir, bundle, (app) => {
          const stack = new TerraformStack(app, "props");
          new LocalBackend(stack, { path: "terraform.tfstate" });
          valid.forEach(
            ([description, tag], i) =>
              new ImsImageCopy(stack, `c${i}`, {
                sourceImageId: SeedImage.ACTIVE_PRIVATE,
                name: `generated-${i}`,
                description,
                tags: { k: tag },
              }),
          );
        });
        const dir = join(outdir, "stacks", "props");
        await tf(terraform, ["init", "-input=false", "-no-color"], dir, env);
        await tf(terraform, ["apply", "-auto-approve", "-input=false", "-no-color"], dir, env);
        valid.forEach(([description, tag], i) => {
          const [copy] = emulator.images().filter((im) => im.info.name === `generated-${i}`);
          expect(
            Buffer.from(String(copy.info.__description), "utf8").equals(Buffer.from(description, "utf8")),
          ).toBe(true);
          expect(copy.tags).toContainEqual({ key: "k", value: tag });
        });
        expect(existsSync(canary)).toBe(false);
        await tf(terraform, ["plan", "-detailed-exitcode", "-input=false", "-no-color"], dir, env, 0);
      } finally {
        await emulator.stop();
      }
    },
  );
});
