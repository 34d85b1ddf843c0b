#!/usr/bin/env node
/**
 * Bundles the apply-time runtime (`lib/runtime/handler.ts`) and everything it imports, axios
 * included, into ONE CommonJS file: `bundle/ims-image-copy-runtime.js`.
 *
 * The construct ships that file with the synthesized stack (a cdktf `TerraformAsset`), so the
 * machine that runs `terraform apply` needs only `node` >= 20, not this package's node_modules.
 *
 * Usage: `node scripts/bundle.mjs [--outfile PATH]` (part of `npm run build`; tests pass
 * `--outfile` to bundle the current sources into a temporary directory). The file is written to a
 * temporary name and renamed, so a concurrent reader never sees half a bundle. Exits non-zero
 * when esbuild fails.
 */
import { build } from "esbuild";
import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const entry = join(root, "lib", "runtime", "handler.ts");
const { values } = parseArgs({ options: { outfile: { type: "string" } } });
const outfile = values.outfile ? resolve(values.outfile) : join(root, "bundle", "ims-image-copy-runtime.js");

try {
  const result = await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    minify: true,
    // Keep names so that the rare stack trace printed with IMS_COPY_DEBUG=1 stays readable.
    keepNames: true,
    sourcemap: false,
    legalComments: "none",
    // axios ships a browser and a node build: take the node one (http adapter, no XHR).
    mainFields: ["main", "module"],
    conditions: ["node", "require"],
    // The bundle must not reach outside itself at run time: nothing is external except node: builtins.
    external: [],
    tsconfig: join(root, "tsconfig.build.json"),
    logLevel: "warning",
    metafile: true,
    write: false,
  });
  const inputs = Object.keys(result.metafile.inputs);
  const outside = inputs.filter((p) => !p.startsWith("lib/") && !p.startsWith("node_modules/"));
  if (outside.length > 0) {
    throw new Error(`the bundle pulled in files outside lib/ and node_modules/: ${outside.join(", ")}`);
  }
  const [output] = result.outputFiles;
  mkdirSync(dirname(outfile), { recursive: true });
  const temp = `${outfile}.${process.pid}.tmp`;
  try {
    writeFileSync(temp, output.contents);
    renameSync(temp, outfile);
  } catch (err) {
    rmSync(temp, { force: true });
    throw err;
  }
  const size = output.contents.length;
  console.log(
    `bundled ${relative(root, entry)} (${inputs.length} inputs) into ${relative(root, outfile)} (${(size / 1024).toFixed(1)} KiB)`,
  );
} catch (err) {
  console.error(`bundle failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
