/**
 * Each tarball of `npm run pack:all`, installed alone in a fresh directory from the npm registry
 * next to its framework at the lowest versions its package accepts, as the README says: its
 * quick start compiles, synthesizes and applies with real Terraform against the emulator (the one
 * in the installed package); a stack applied with cdktf-ims-image-copy plans no changes after the
 * README's migration to cdktn-ims-image-copy; cdktn-cli (on Node.js 22) deploys, diffs and
 * destroys the cdktn quick start. Run by `npm run test:package`.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { dirname, join } from "path";
import { FLAVOUR_NAMES, ciNode, layout, run, tarball, terraformBinary } from "./support";

const TSC = join(layout.ROOT, "node_modules", "typescript", "bin", "tsc");
const README = readFileSync(join(layout.ROOT, "README.md"), "utf8");
/** The stack of the README's quick starts. */
const STACK = "images";

/** The repository's TypeScript compiler, strict (a user's declarations are not ours to check), in `dir`. */
function tsc(dir: string, ...args: string[]): Promise<unknown> {
  return run(process.execPath, [TSC, "--strict", "--skipLibCheck", ...args], { cwd: dir });
}

/** npm install as a user would, from the registry (the cache first), without install scripts. */
const NPM_FLAGS = ["--no-audit", "--no-fund", "--ignore-scripts", "--prefer-offline"];

/** The flavour's peers at the lowest versions its package accepts. */
function peersOf(flavour: string): string[] {
  return Object.entries(layout.FLAVOURS[flavour].minimumVersions).map(
    ([name, version]) => `${name}@${version}`,
  );
}

interface Emulator {
  start(): Promise<string>;
  stop(): Promise<void>;
  images(): Array<{
    id: string;
    info: { name: string };
    tags: ReadonlyArray<{ key: string; value: string }>;
    deletedAt?: number;
  }>;
}

/** The README's `// main.ts` snippet for a flavour. */
function quickStart(flavour: string): string {
  const found = layout
    .codeBlocks(README, "ts")
    .filter(
      (block) => block.code.startsWith("// main.ts") && layout.flavourOfSnippet(block.code) === flavour,
    );
  if (found.length !== 1)
    throw new Error(`README has ${found.length} "// main.ts" snippets for ${flavour}, not 1`);
  return found[0].code;
}

/** The migration note's step 2: the imports of one flavour renamed to the other's. */
function renameImports(code: string, from: string, to: string): string {
  const a = layout.FLAVOURS[from];
  const b = layout.FLAVOURS[to];
  return code
    .replaceAll(`from "${a.package}`, `from "${b.package}`)
    .replaceAll(`from "${a.framework}"`, `from "${b.framework}"`);
}

describe("the packed tarballs, installed from the npm registry", () => {
  const terraform = terraformBinary();
  let work: string;
  const installs: Record<string, string> = {};
  let emulator: Emulator;
  let url: string;

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), "ims-package-"));
    await Promise.all(
      FLAVOUR_NAMES.map(async (flavour) => {
        const dir = join(work, flavour);
        mkdirSync(dir);
        writeFileSync(
          join(dir, "package.json"),
          JSON.stringify({ name: `try-${flavour}`, version: "1.0.0", private: true }),
        );
        const peers = Object.entries(layout.FLAVOURS[flavour].minimumVersions).map(
          ([name, v]) => `${name}@${v}`,
        );
        await run(
          "npm",
          [
            "install",
            "--no-audit",
            "--no-fund",
            "--ignore-scripts",
            "--prefer-offline",
            tarball(flavour),
            ...peers,
          ],
          { cwd: dir },
        );
        installs[flavour] = dir;
      }),
    );
  }, 300_000);

  beforeEach(async () => {
    // The emulator of the installed package (its ./emulator entry), a fresh one per test.
    const pkg = layout.FLAVOURS.cdktf.package;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { ImsEmulator } = require(
      join(installs.cdktf, "node_modules", pkg, "dist", "emulator", "index.js"),
    ) as {
      ImsEmulator: new (options: { jobSeconds: number }) => Emulator;
    };
    emulator = new ImsEmulator({ jobSeconds: 1 });
    url = await emulator.start();
  });
  afterEach(async () => {
    await emulator.stop();
  });
  afterAll(() => {
    if (work !== undefined) rmSync(work, { recursive: true, force: true });
  });

  /** The environment of terraform, cdktn-cli and the app: the emulator's, offline, nothing of the repository. */
  function env(node = process.execPath): NodeJS.ProcessEnv {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { emulatorClientEnv } = require(
      join(installs.cdktf, "node_modules", layout.FLAVOURS.cdktf.package, "dist", "emulator", "index.js"),
    ) as { emulatorClientEnv: (url: string) => Record<string, string> };
    return {
      PATH: [dirname(node), dirname(terraform), "/usr/bin", "/bin"].join(":"),
      HOME: work,
      TF_CLI_CONFIG_FILE: "/dev/null",
      TF_IN_AUTOMATION: "1",
      TF_INPUT: "0",
      CHECKPOINT_DISABLE: "1",
      CI: "1",
      NO_COLOR: "1",
      ...emulatorClientEnv(url),
    };
  }

  /** Writes main.ts into `dir` and compiles it, strict, against what is installed there. */
  async function compile(dir: string, code: string): Promise<void> {
    writeFileSync(join(dir, "main.ts"), code);
    await tsc(dir, "--module", "commonjs", "--target", "es2022", "--esModuleInterop", "main.ts");
  }

  /** Synthesizes main.js in `dir`; returns the stack directory. */
  async function synth(dir: string): Promise<string> {
    await run(process.execPath, ["main.js"], { cwd: dir, env: env() });
    return join(dir, "cdktf.out", "stacks", STACK);
  }

  function tf(stackDir: string, ...args: string[]): Promise<{ stdout: string }> {
    return run(terraform, [...args, "-no-color"], { cwd: stackDir, env: env() });
  }

  test.each(FLAVOUR_NAMES)(
    "%s: the package installs alone next to its framework, and the README quick start compiles, applies and destroys against the emulator",
    async (flavour) => {
      const f = layout.FLAVOURS[flavour];
      const dir = installs[flavour];
      // GIVEN only this flavour's framework next to the package
      for (const other of FLAVOUR_NAMES.filter((name) => name !== flavour)) {
        expect(existsSync(join(dir, "node_modules", layout.FLAVOURS[other].framework))).toBe(false);
      }
      for (const [name, version] of Object.entries(f.minimumVersions)) {
        expect([
          name,
          JSON.parse(readFileSync(join(dir, "node_modules", name, "package.json"), "utf8")).version,
        ]).toEqual([name, version]);
      }
      // WHEN the quick start is synthesized and applied
      await compile(dir, quickStart(flavour));
      const stackDir = await synth(dir);
      await tf(stackDir, "init");
      await tf(stackDir, "apply", "-auto-approve");
      // THEN the copy exists, tagged with the marker, and its ID is the stack's output
      const imageId = JSON.parse((await tf(stackDir, "output", "-json")).stdout).image_id.value as string;
      const image = emulator.images().find((i) => i.id === imageId);
      expect(image?.info.name).toBe("golden-2026-11");
      expect(image?.tags.map((t) => t.key)).toContain("cdktf-ims-image-copy");
      expect(
        JSON.parse((await tf(stackDir, "plan", "-detailed-exitcode", "-json")).stdout.split("\n")[0]),
      ).toBeTruthy();
      await tf(stackDir, "destroy", "-auto-approve");
      // The quick starts retain the image (removalPolicy RETAIN): it stays, out of the state.
      expect(emulator.images().map((i) => i.id)).toContain(imageId);
      expect(JSON.parse(readFileSync(join(dir, `terraform.${STACK}.tfstate`), "utf8")).resources).toEqual([]);
    },
    240_000,
  );

  test("moving from cdktf to cdktn as the README says, in place: the stack plans no changes, and the cdktn package destroys the image the cdktf package made", async () => {
    const dir = join(work, "migrate");
    mkdirSync(dir);
    writeFileSync(
      join(dir, "package.json"),
      JSON.stringify({ name: "migrate", version: "1.0.0", private: true }),
    );
    const install = (flavour: string): Promise<unknown> =>
      run("npm", ["install", ...NPM_FLAGS, tarball(flavour), ...peersOf(flavour)], { cwd: dir });
    // GIVEN the cdktf quick start (removal policy destroy) applied with cdktf-ims-image-copy
    const app = quickStart("cdktf").replace('removalPolicy: "retain"', 'removalPolicy: "destroy"');
    expect(app).toContain('removalPolicy: "destroy"');
    await install("cdktf");
    await compile(dir, app);
    const stackDir = await synth(dir);
    await tf(stackDir, "init");
    await tf(stackDir, "apply", "-auto-approve");
    const imageId = JSON.parse((await tf(stackDir, "output", "-json")).stdout).image_id.value as string;

    // WHEN the packages are replaced (step 1) and the imports renamed (step 2)
    await run("npm", ["uninstall", ...NPM_FLAGS, layout.FLAVOURS.cdktf.package, "cdktf"], { cwd: dir });
    await install("cdktn");
    expect(existsSync(join(dir, "node_modules", "cdktf"))).toBe(false);
    await compile(dir, renameImports(app, "cdktf", "cdktn"));
    expect(readFileSync(join(dir, "main.ts"), "utf8")).toContain('from "cdktn-ims-image-copy"');
    await synth(dir);
    await tf(stackDir, "init");

    // THEN (step 3) Terraform plans no change: -detailed-exitcode exits 2 when anything would change
    await tf(stackDir, "plan", "-detailed-exitcode");
    expect(JSON.parse((await tf(stackDir, "output", "-json")).stdout).image_id.value).toBe(imageId);
    // AND the copy still belongs to this deployment: the cdktn package's delete step deletes it
    await tf(stackDir, "destroy", "-auto-approve");
    expect(emulator.images().find((i) => i.id === imageId && i.deletedAt === undefined)).toBeUndefined();
  }, 300_000);

  test("cdktn-cli on Node.js 22 deploys the README's cdktn quick start, diffs clean and destroys it", async () => {
    const node22 = ciNode("node22");
    const cli = join(layout.ROOT, ".ci", "tools", "node_modules", "cdktn-cli", "bin", "cdktn");
    const dir = join(installs.cdktn, "cli");
    mkdirSync(dir);
    await compile(dir, quickStart("cdktn"));
    // As the README's cdktf.json, with the compiled app (the test installs no ts-node).
    writeFileSync(
      join(dir, "cdktf.json"),
      JSON.stringify({ language: "typescript", app: "node main.js", sendCrashReports: "false" }),
    );
    const cdktn = (...args: string[]): Promise<{ stdout: string; stderr: string }> =>
      run(node22, [cli, ...args], { cwd: dir, env: env(node22) });

    expect((await run(node22, ["--version"], { cwd: dir })).stdout.trim()).toMatch(/^v22\.(19|[2-9]\d)\./);
    await cdktn("deploy", "--auto-approve");
    const stackDir = join(dir, "cdktf.out", "stacks", STACK);
    const imageId = JSON.parse((await tf(stackDir, "output", "-json")).stdout).image_id.value as string;
    const image = emulator.images().find((i) => i.id === imageId);
    expect(image?.info.name).toBe("golden-2026-11");
    expect(image?.tags.map((t) => t.key)).toContain("cdktf-ims-image-copy");
    // eslint-disable-next-line no-control-regex -- cdktn-cli colours its output whatever NO_COLOR says
    const diff = (await cdktn("diff")).stdout.replace(/\x1b\[[0-9;]*m/g, "");
    expect(diff).toContain("No changes. Your infrastructure matches the configuration.");
    await cdktn("destroy", "--auto-approve");
    const state = JSON.parse(readFileSync(join(dir, `terraform.${STACK}.tfstate`), "utf8"));
    expect(state.resources).toEqual([]);
  }, 240_000);

  test.each(FLAVOUR_NAMES)(
    "%s: TypeScript accepts the removal policy's string values and refuses others, and the subpath entries resolve under node10 and nodenext",
    async (flavour) => {
      const dir = join(installs[flavour], "types");
      mkdirSync(dir);
      const pkg = layout.FLAVOURS[flavour].package;
      const code = [
        `import { ImsImageCopy, RemovalPolicy, type ImsImageCopyProps } from "${pkg}";`,
        `import { ImsEmulator, SeedImage } from "${pkg}/emulator";`,
        `import { ImsClient } from "${pkg}/runtime";`,
        `const a: ImsImageCopyProps = { sourceImageId: SeedImage.ACTIVE_PRIVATE, name: "n", removalPolicy: "retain" };`,
        `const b: ImsImageCopyProps = { sourceImageId: "s", name: "n", removalPolicy: RemovalPolicy.DESTROY };`,
        `// @ts-expect-error "keep" is not a removal policy`,
        `const c: ImsImageCopyProps = { sourceImageId: "s", name: "n", removalPolicy: "keep" };`,
        `const n: number = ImsImageCopy.DEFAULT_CREATE_TIMEOUT_MINUTES + ImsImageCopy.DEFAULT_DELETE_TIMEOUT_MINUTES;`,
        `const k: string = ImsImageCopy.MARKER_TAG_KEY;`,
        `export const used = [a, b, c, n, k, ImsEmulator, ImsClient];`,
      ].join("\n");
      writeFileSync(join(dir, "types.ts"), code);
      writeFileSync(join(dir, "types.mts"), code);
      await tsc(dir, "--noEmit", "--module", "commonjs", "--moduleResolution", "node10", "types.ts");
      await tsc(dir, "--noEmit", "--module", "nodenext", "types.mts");
    },
    120_000,
  );
});
