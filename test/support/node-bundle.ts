/**
 * Command-line entry points of this package, bundled from the current sources into one CommonJS
 * file that `node` runs directly, as `npm run build` ships them: no dist/ from an earlier build,
 * and a start that costs a tenth of compiling TypeScript in every spawned process (ts-node).
 */
import { join, resolve } from "path";
import { buildSync } from "esbuild";

const ROOT = resolve(__dirname, "..", "..");

/** Bundles `entry` (relative to the repository) into `dir`; returns the file to run with `node`. */
export function bundleForNode(entry: string, dir: string): string {
  const outfile = join(dir, `${entry.replace(/[/\\.]/g, "-")}.js`);
  buildSync({
    entryPoints: [join(ROOT, entry)],
    outfile,
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    // axios ships a browser and a node build: take the node one, as scripts/bundle.mjs does.
    mainFields: ["main", "module"],
    conditions: ["node", "require"],
    logLevel: "error",
  });
  return outfile;
}
