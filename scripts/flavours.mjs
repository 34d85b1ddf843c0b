#!/usr/bin/env node
/**
 * Builds the published packages, one per framework, from the one source tree:
 * `cdktf-ims-image-copy` (CDK for Terraform) and `cdktn-ims-image-copy` (CDK Terrain). The
 * flavours are described once, under "flavours" in package.json (package name, peer ranges,
 * Python names); the framework is chosen at build time by the module lib/cdktf.ts imports, the
 * only file that imports it (checked here). Everything else (marker tag key, context keys,
 * synthesized resources, the runtime bundle) is the same in both.
 *
 * Each flavour is built in build/<flavour>/, a staging package: lib/ (the framework import
 * rewritten for cdktn), a package.json derived from the root one, README.md, LICENSE,
 * tsconfig.jsii.json, the runtime bundle, and node_modules linked to the root's. There, jsii
 * compiles the whole of lib/ into dist/ and writes the assembly (.jsii) of the construct entry
 * (`.`); the `./emulator` and `./runtime` subpaths are compiled with it but are plain TypeScript
 * API, outside the assembly. Warnings fail the build.
 *
 * Usage: node scripts/flavours.mjs [--flavour cdktf|cdktn] <action>...  (both flavours by default)
 * Each flavour is built first (stage, jsii, string enums widened in the declarations, runtime
 * bundle, API.md by jsii-docgen), then the actions run on it:
 *   build      nothing more
 *   pack       `npm pack` into pkg/<package>-<version>.tgz
 *   python     the Python package's sources by jsii-pacmak (--code-only: PyPI is not reachable)
 *   api        copy the cdktf flavour's API.md to the repository root
 *   check-api  fail when the committed API.md is not the cdktf flavour's
 * Exits non-zero, naming the failing step, when anything fails.
 */
import { spawnSync } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const layout = createRequire(import.meta.url)("./flavour-layout.cjs");
const { ROOT: root, MANIFEST: rootManifest, FLAVOURS, stageDir } = layout;
/** The one file that imports the framework (see its header). */
const FRAMEWORK_MODULE_FILE = join("lib", "cdktf.ts");
/** Manifest fields that the published packages take from the root package.json as they are. */
const COPIED_FIELDS = [
  "version",
  "license",
  "author",
  "repository",
  "homepage",
  "bugs",
  "keywords",
  "engines",
  "main",
  "types",
  "exports",
  "typesVersions",
  "bin",
  "files",
  "dependencies",
  "stability",
];

function step(name, fn) {
  try {
    return fn();
  } catch (error) {
    const detail = error?.stderr?.toString?.() || error?.stdout?.toString?.() || "";
    console.error(`flavours: ${name} failed: ${error instanceof Error ? error.message : String(error)}`);
    if (detail) console.error(detail);
    process.exit(1);
  }
}

function run(command, args, cwd, env = {}) {
  const result = spawnSync(command, args, {
    cwd,
    stdio: ["ignore", "pipe", "pipe"],
    encoding: "utf8",
    env: { ...process.env, ...env },
  });
  if (result.status !== 0) {
    throw new Error(
      `${command} ${args.join(" ")} exited with ${result.status ?? result.signal}\n${result.stdout}${result.stderr}`,
    );
  }
  return result.stdout;
}

function bin(pkg, file) {
  return join(root, "node_modules", pkg, file);
}

/** jsii's Node version banner is not a compiler diagnostic: silence it for the Node running this script. */
const JSII_ENV = {
  JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION: process.versions.node.split(".")[0],
  JSII_SILENCE_WARNING_UNTESTED_NODE_VERSION: "1",
};

function filesUnder(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** Fails unless lib/cdktf.ts is the only file of lib/ that imports the framework. */
function checkFrameworkImports() {
  const pattern = /\bfrom\s+"(cdktf|cdktn)(\/[^"]*)?"|require\("(cdktf|cdktn)(\/[^"]*)?"\)/;
  const offenders = filesUnder(join(root, "lib"))
    .filter((file) => file.endsWith(".ts") && relative(root, file) !== FRAMEWORK_MODULE_FILE)
    .filter((file) => pattern.test(readFileSync(file, "utf8")))
    .map((file) => relative(root, file));
  if (offenders.length > 0) {
    throw new Error(
      `only ${FRAMEWORK_MODULE_FILE} may import the framework, but ${offenders.join(", ")} do(es): import from "./cdktf" instead`,
    );
  }
}

/** lib/cdktf.ts for a flavour: its `from "cdktf"` imports name the flavour's framework module. */
function frameworkModuleSource(flavour) {
  const source = readFileSync(join(root, FRAMEWORK_MODULE_FILE), "utf8");
  const imports = source.match(/from "cdktf"/g) ?? [];
  if (imports.length === 0) throw new Error(`${FRAMEWORK_MODULE_FILE} has no \`from "cdktf"\` import`);
  return source.replaceAll('from "cdktf"', `from "${FLAVOURS[flavour].framework}"`);
}

/** The published package.json of a flavour. */
function flavourManifest(flavour) {
  const f = FLAVOURS[flavour];
  const manifest = { name: f.package, description: f.description };
  for (const field of COPIED_FIELDS) {
    if (rootManifest[field] !== undefined) manifest[field] = rootManifest[field];
  }
  manifest.peerDependencies = f.peerDependencies;
  // jsii: a dependency without a jsii assembly must travel inside the tarball (other languages'
  // runtimes load the tarball, not its dependencies). Only the ./runtime subpath uses them.
  const requireFromRoot = createRequire(join(root, "package.json"));
  manifest.bundledDependencies = Object.keys(manifest.dependencies ?? {}).filter(
    (name) => !existsSync(join(dirname(requireFromRoot.resolve(`${name}/package.json`)), ".jsii")),
  );
  // jsii expects a dev dependency on the lowest version of each peer range: the versions the
  // install test (test/package) builds a stack against.
  manifest.devDependencies = Object.fromEntries(Object.entries(f.minimumVersions));
  manifest.jsii = {
    outdir: "dist",
    tsconfig: "tsconfig.jsii.json",
    validateTsconfig: "strict",
    targets: { python: f.python },
  };
  return manifest;
}

/** Writes build/<flavour>/: everything jsii and `npm pack` need. */
function stage(flavour) {
  const dir = stageDir(flavour);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  cpSync(join(root, "lib"), join(dir, "lib"), { recursive: true });
  writeFileSync(join(dir, FRAMEWORK_MODULE_FILE), frameworkModuleSource(flavour));
  for (const file of ["README.md", "LICENSE", "tsconfig.jsii.json"])
    cpSync(join(root, file), join(dir, file));
  writeFileSync(join(dir, "package.json"), `${JSON.stringify(flavourManifest(flavour), null, 2)}\n`);
  symlinkSync(join(root, "node_modules"), join(dir, "node_modules"), "dir");
}

function compile(flavour) {
  const dir = stageDir(flavour);
  run(process.execPath, [bin("jsii", "bin/jsii"), "--fail-on-warnings"], dir, JSII_ENV);
}

/**
 * TypeScript users may write a string enum's values (`removalPolicy: "retain"`) as well as its
 * members: in the published declarations, each property typed with a string enum of the assembly
 * becomes `E | \`${E}\`` (jsii reads the source, where it stays the enum other languages see).
 */
function widenStringEnums(flavour) {
  const dir = stageDir(flavour);
  const assembly = JSON.parse(readFileSync(join(dir, ".jsii"), "utf8"));
  const exported = createRequire(join(dir, "package.json"))(join(dir, "dist", "index.js"));
  const enums = Object.values(assembly.types)
    .filter((type) => type.kind === "enum")
    .map((type) => type.name)
    .filter((name) => Object.values(exported[name]).every((value) => typeof value === "string"));
  let widened = 0;
  for (const file of filesUnder(join(dir, "dist")).filter((f) => f.endsWith(".d.ts"))) {
    const text = readFileSync(file, "utf8");
    let next = text;
    for (const name of enums) {
      next = next.replace(new RegExp(`(readonly \\w+\\??: )${name};`, "g"), (_, head) => {
        widened++;
        return `${head}${name} | \`\${${name}}\`;`;
      });
    }
    if (next !== text) writeFileSync(file, next);
  }
  if (enums.length > 0 && widened === 0) {
    throw new Error(`no property typed with the string enums ${enums.join(", ")} was found to widen`);
  }
}

function bundleRuntime(flavour) {
  const outfile = join(stageDir(flavour), "bundle", "ims-image-copy-runtime.js");
  run(process.execPath, [join(root, "scripts", "bundle.mjs"), "--outfile", outfile], root);
}

function apiDocs(flavour) {
  const dir = stageDir(flavour);
  run(process.execPath, [bin("jsii-docgen", "bin/jsii-docgen"), "--output", "API.md"], dir, JSII_ENV);
}

function build(flavour) {
  const started = Date.now();
  step(`${flavour}: framework imports`, checkFrameworkImports);
  step(`${flavour}: staging`, () => stage(flavour));
  step(`${flavour}: jsii`, () => compile(flavour));
  step(`${flavour}: string enums`, () => widenStringEnums(flavour));
  step(`${flavour}: runtime bundle`, () => bundleRuntime(flavour));
  step(`${flavour}: jsii-docgen`, () => apiDocs(flavour));
  console.log(
    `built ${FLAVOURS[flavour].package} in ${relative(root, stageDir(flavour))} (${((Date.now() - started) / 1000).toFixed(1)} s)`,
  );
}

function pack(flavour) {
  const tarball = layout.tarballPath(flavour);
  mkdirSync(dirname(tarball), { recursive: true });
  rmSync(tarball, { force: true });
  step(`${flavour}: npm pack`, () => {
    run("npm", ["pack", "--pack-destination", dirname(tarball), "--ignore-scripts"], stageDir(flavour));
    if (!existsSync(tarball)) throw new Error(`${relative(root, tarball)} was not written`);
  });
  console.log(`packed ${relative(root, tarball)}`);
}

function python(flavour) {
  const out = join(stageDir(flavour), "pacmak");
  step(`${flavour}: jsii-pacmak`, () =>
    run(
      process.execPath,
      [bin("jsii-pacmak", "bin/jsii-pacmak"), "--code-only", "--targets", "python", "--outdir", out],
      stageDir(flavour),
      JSII_ENV,
    ),
  );
  const module = FLAVOURS[flavour].python.module;
  const init = filesUnder(out).find((file) => file.endsWith(join(module, "__init__.py")));
  if (init === undefined) {
    step(`${flavour}: jsii-pacmak`, () => {
      throw new Error(`no ${module}/__init__.py under ${relative(root, out)}`);
    });
  }
  console.log(
    `generated the Python package ${FLAVOURS[flavour].python.distName} in ${relative(root, dirname(init))}`,
  );
}

const ACTIONS = {
  pack,
  python,
  /** Writes the cdktf flavour's API.md to the repository root. */
  api: (flavour) => {
    if (flavour !== "cdktf") return;
    cpSync(join(stageDir(flavour), "API.md"), join(root, "API.md"));
    console.log("wrote API.md");
  },
  /** Fails when the committed API.md is not what jsii-docgen writes for the cdktf flavour. */
  "check-api": (flavour) => {
    if (flavour !== "cdktf") return;
    const fresh = readFileSync(join(stageDir(flavour), "API.md"), "utf8");
    const committed = existsSync(join(root, "API.md")) ? readFileSync(join(root, "API.md"), "utf8") : "";
    if (fresh !== committed) {
      console.error('flavours: API.md is stale: run "npm run api" and commit API.md');
      process.exit(1);
    }
    console.log("API.md is up to date");
  },
};

function main() {
  const args = process.argv.slice(2);
  const at = args.indexOf("--flavour");
  const flavours = at === -1 ? Object.keys(FLAVOURS) : [args[at + 1]];
  const actions = args.filter((_, i) => at === -1 || (i !== at && i !== at + 1));
  const unknown = [
    ...flavours.filter((f) => !(f in FLAVOURS)).map((f) => `flavour "${f}"`),
    ...actions.filter((a) => a !== "build" && !(a in ACTIONS)).map((a) => `action "${a}"`),
  ];
  if (unknown.length > 0 || actions.length === 0) {
    console.error(
      `flavours: ${unknown.length > 0 ? `unknown ${unknown.join(", ")}; ` : ""}usage: node scripts/flavours.mjs ` +
        `[--flavour ${Object.keys(FLAVOURS).join("|")}] build|${Object.keys(ACTIONS).join("|")} ...`,
    );
    process.exit(2);
  }
  for (const flavour of flavours) {
    build(flavour);
    for (const action of actions) if (action !== "build") ACTIONS[action](flavour);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
