#!/usr/bin/env node
/**
 * Type-checks every TypeScript snippet of README.md (```ts blocks) against the packages as they
 * are published: build/cdktf and build/cdktn, written by `node scripts/flavours.mjs build`. A
 * snippet with an `import` is a whole module; it imports the flavour it is written for
 * (`cdktf-ims-image-copy` and `cdktf`, or `cdktn-ims-image-copy` and `cdktn`, never both). A
 * snippet without one is a fragment of a stack: it is checked as the body of a cdktf
 * `TerraformStack` constructor (`this` is the stack), with everything the package exports and the
 * framework's common classes in scope (FRAGMENT_FRAMEWORK_NAMES). Each snippet is compiled twice,
 * strict, as users' projects do:
 *   - CommonJS with node10 resolution (the cdktf/cdktn project templates); top-level `await`
 *     (TS1375/TS1378) is the only error this pass ignores, since CommonJS cannot have it;
 *   - an ES module with nodenext resolution (package.json "exports").
 * The Python snippets (```python) are checked against the Python package jsii-pacmak generated
 * (`node scripts/flavours.mjs python`), when it and python3 are there: they must parse, and every
 * name they import from the package, and every keyword they pass to its classes, must exist.
 *
 * Usage: node scripts/check-readme.mjs [--require-python] [README.md]. Exits non-zero, naming
 * README lines, on errors; with --require-python (CI), also when the Python snippets cannot be checked.
 */
import { spawnSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { createRequire } from "node:module";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const {
  ROOT: root,
  FLAVOURS,
  stageDir,
  codeBlocks,
  flavourOfSnippet,
} = createRequire(import.meta.url)("./flavour-layout.cjs");
const args = process.argv.slice(2);
const requirePython = args.includes("--require-python");
const readme = args.find((arg) => !arg.startsWith("--")) ?? join(root, "README.md");

/** The code blocks of a language, or an error naming the README line. */
function snippets(markdown, language) {
  try {
    return codeBlocks(markdown, language);
  } catch (error) {
    throw new Error(`README ${error.message}`);
  }
}

/** The flavour a snippet is written for, from its imports. */
function flavourOf(snippet) {
  try {
    return flavourOfSnippet(snippet.code);
  } catch (error) {
    throw new Error(`README line ${snippet.line}: ${error.message}`);
  }
}

function tsc(project, cwd) {
  const r = spawnSync(
    process.execPath,
    [join(root, "node_modules", "typescript", "bin", "tsc"), "-p", project],
    {
      cwd,
      encoding: "utf8",
    },
  );
  return r.stdout + r.stderr;
}

/** The framework's classes a fragment may use without importing them. */
const FRAGMENT_FRAMEWORK_NAMES = [
  "App",
  "Fn",
  "LocalBackend",
  "TerraformOutput",
  "TerraformStack",
  "TerraformVariable",
  "Token",
];

/** A fragment as a module: the body of a stack's constructor; `offset` is the number of lines before it. */
function fragmentModule(flavour, code) {
  const f = FLAVOURS[flavour];
  const exported = Object.keys(
    createRequire(join(stageDir(flavour), "package.json"))(join(stageDir(flavour), "dist", "index.js")),
  );
  const preamble = [
    `import { ${FRAGMENT_FRAMEWORK_NAMES.join(", ")} } from "${f.framework}";`,
    `import { Construct } from "constructs";`,
    `import { ${exported.join(", ")} } from "${f.package}";`,
    "export class Snippet extends TerraformStack {",
    "  constructor(scope: Construct, id: string) {",
    "    super(scope, id);",
  ];
  return { code: [...preamble, code, "  }", "}"].join("\n"), offset: preamble.length };
}

const COMPILER_OPTIONS = {
  strict: true,
  noEmit: true,
  target: "es2022",
  lib: ["es2022"],
  types: ["node"],
  esModuleInterop: true,
  skipLibCheck: true,
};

function checkTypeScript(blocks) {
  const work = mkdtempSync(join(tmpdir(), "ims-readme-"));
  const problems = [];
  try {
    const modules = join(work, "node_modules");
    mkdirSync(join(modules, "@types"), { recursive: true });
    for (const [flavour, f] of Object.entries(FLAVOURS)) {
      const built = stageDir(flavour);
      if (!existsSync(join(built, ".jsii"))) {
        throw new Error(`${relative(root, built)} is not built: run "node scripts/flavours.mjs build" first`);
      }
      symlinkSync(built, join(modules, f.package), "dir");
      symlinkSync(join(root, "node_modules", f.framework), join(modules, f.framework), "dir");
    }
    symlinkSync(join(root, "node_modules", "constructs"), join(modules, "constructs"), "dir");
    symlinkSync(join(root, "node_modules", "@types", "node"), join(modules, "@types", "node"), "dir");

    const files = blocks.map((block, i) => {
      const { code, offset } = /^import /m.test(block.code)
        ? { code: block.code, offset: 0 }
        : fragmentModule(flavourOf(block), block.code);
      return { block, code, offset, base: `snippet-${i + 1}-line-${block.line}` };
    });
    const offsets = new Map(files.map((file) => [String(file.block.line), file.offset]));
    const passes = [
      {
        name: "CommonJS (node10)",
        ext: ".ts",
        options: { module: "commonjs", moduleResolution: "node10" },
        ignored: ["TS1375", "TS1378"],
      },
      {
        name: "ES module (nodenext)",
        ext: ".mts",
        options: { module: "nodenext", moduleResolution: "nodenext" },
        ignored: [],
      },
    ];
    for (const pass of passes) {
      const dir = join(work, pass.ext.slice(1));
      mkdirSync(dir);
      for (const { code, base } of files) writeFileSync(join(dir, base + pass.ext), `${code}\nexport {};\n`);
      writeFileSync(
        join(dir, "tsconfig.json"),
        JSON.stringify({
          compilerOptions: { ...COMPILER_OPTIONS, ...pass.options, typeRoots: [join(modules, "@types")] },
          include: [`*${pass.ext}`],
        }),
      );
      writeFileSync(
        join(dir, "package.json"),
        JSON.stringify({ type: pass.ext === ".mts" ? "module" : "commonjs" }),
      );
      for (const line of tsc("tsconfig.json", dir).split("\n")) {
        const m = /^snippet-\d+-line-(\d+)\.m?ts\((\d+),(\d+)\): error (TS\d+): (.*)$/.exec(line.trim());
        if (m === null) {
          if (/error TS\d+/.test(line)) problems.push(`${pass.name}: ${line.trim()}`);
          continue;
        }
        if (pass.ignored.includes(m[4])) continue;
        const readmeLine = Number(m[1]) + Number(m[2]) - 1 - (offsets.get(m[1]) ?? 0);
        problems.push(`README line ${readmeLine}: ${pass.name}: ${m[4]}: ${m[5]}`);
      }
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return problems;
}

/** Checks Python snippets against the generated package of the flavour they import. */
function checkPython(blocks) {
  if (blocks.length === 0) return { problems: [], checked: true, note: "no Python snippets" };
  if (spawnSync("python3", ["--version"]).status !== 0)
    return { problems: [], note: "python3 not found: Python snippets not checked" };
  const problems = [];
  let checked = 0;
  for (const block of blocks) {
    const flavour = Object.keys(FLAVOURS).find((f) =>
      block.code.includes(`from ${FLAVOURS[f].python.module} import`),
    );
    if (flavour === undefined) {
      problems.push(`README line ${block.line}: a Python snippet that imports neither package`);
      continue;
    }
    const generated = join(
      root,
      "build",
      flavour,
      "pacmak",
      "python",
      "src",
      FLAVOURS[flavour].python.module,
      "__init__.py",
    );
    if (!existsSync(generated)) {
      return {
        problems,
        note: `${relative(root, generated)} not generated (node scripts/flavours.mjs python): Python snippets not checked`,
      };
    }
    const r = spawnSync("python3", ["-c", PYTHON_CHECK, generated, FLAVOURS[flavour].python.module], {
      input: block.code,
      encoding: "utf8",
    });
    for (const line of (r.stdout + r.stderr).split("\n").filter(Boolean)) {
      const m = /^(\d+): (.*)$/.exec(line);
      problems.push(
        m
          ? `README line ${block.line + Number(m[1]) - 1}: Python: ${m[2]}`
          : `README line ${block.line}: Python: ${line}`,
      );
    }
    if (r.status !== 0 && problems.length === 0)
      problems.push(`README line ${block.line}: Python check exited ${r.status}`);
    checked++;
  }
  return {
    problems,
    checked: true,
    note: `${checked} Python snippet(s) checked against the generated package`,
  };
}

/** Reads a snippet on stdin; prints "<line>: <problem>" for each name the generated module lacks. */
const PYTHON_CHECK = `
import ast, sys
generated, module = sys.argv[1], sys.argv[2]
package = ast.parse(open(generated).read())
classes = {n.name: n for n in package.body if isinstance(n, ast.ClassDef)}
def params(cls):
    init = next((f for f in cls.body if isinstance(f, ast.FunctionDef) and f.name == "__init__"), None)
    if init is None:
        return set()
    return {a.arg for a in init.args.args + init.args.kwonlyargs}
try:
    snippet = ast.parse(sys.stdin.read())
except SyntaxError as e:
    print(f"{e.lineno}: {e.msg}")
    sys.exit(1)
names = set()
for node in ast.walk(snippet):
    if isinstance(node, ast.ImportFrom) and node.module == module:
        for alias in node.names:
            if alias.name not in classes:
                print(f"{node.lineno}: {module} has no {alias.name}")
            names.add(alias.asname or alias.name)
for node in ast.walk(snippet):
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in names and node.func.id in classes:
        allowed = params(classes[node.func.id])
        for kw in node.keywords:
            if kw.arg is not None and kw.arg not in allowed:
                print(f"{kw.value.lineno}: {node.func.id}() has no keyword {kw.arg}")
    if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id in names and node.value.id in classes:
        members = {getattr(m, "name", None) for m in classes[node.value.id].body}
        members |= {t.id for m in classes[node.value.id].body if isinstance(m, ast.Assign) for t in m.targets if isinstance(t, ast.Name)}
        if node.attr not in members:
            print(f"{node.lineno}: {node.value.id} has no member {node.attr}")
`;

function main() {
  const markdown = readFileSync(readme, "utf8");
  const ts = snippets(markdown, "ts");
  const problems = checkTypeScript(ts);
  const python = checkPython(snippets(markdown, "python"));
  problems.push(...python.problems);
  if (requirePython && !python.checked) problems.push(`Python snippets not checked: ${python.note}`);
  if (problems.length > 0) {
    console.error(
      `check-readme: ${problems.length} problem(s) in ${relative(root, readme)}:\n${problems.join("\n")}`,
    );
    process.exit(1);
  }
  console.log(
    `check-readme: ${ts.length} TypeScript snippet(s) compile (CommonJS and ES module); ${python.note}`,
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
