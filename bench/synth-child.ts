/**
 * One synthesis in a fresh process, for bench/synth.ts:
 * `node synth-child.js <kind> <count> <outdir> <bundle> <validate: 0|1>` with kind `copies`
 * (ImsImageCopy constructs) or `bare` (bare terraform_data resources, cdktf's `DataResource`).
 * Prints one JSON line: synthesis time, peak RSS, heap, the stack JSON's size and the asset count.
 */
import { App, DataResource, LocalBackend, TerraformStack } from "cdktf";
import { readdirSync, statSync } from "fs";
import { join } from "path";
import { performance } from "perf_hooks";
import { ImsImageCopy } from "../lib";
import { RUNTIME_BUNDLE_CONTEXT_KEY } from "../lib/runtime-asset";

const SOURCE = "6f0a2b34-1c5d-4e7f-8a9b-0c1d2e3f4a5b";

function main(): void {
  const [kind, countText, outdir, bundle, validate] = process.argv.slice(2);
  const count = Number(countText);
  if (
    (kind !== "copies" && kind !== "bare") ||
    !Number.isInteger(count) ||
    count < 0 ||
    !outdir ||
    !bundle ||
    (validate !== "0" && validate !== "1")
  ) {
    throw new Error("usage: synth-child <copies|bare> <count> <outdir> <bundle> <0|1>");
  }
  const started = performance.now();
  // cdktf validates every terraform_data by running `terraform version` (execSync, once per resource).
  const app = new App({
    outdir,
    stackTraces: false,
    skipValidation: validate === "0",
    context: { [RUNTIME_BUNDLE_CONTEXT_KEY]: bundle },
  });
  const stack = new TerraformStack(app, "bench");
  new LocalBackend(stack, { path: "terraform.tfstate" });
  for (let i = 0; i < count; i++) {
    if (kind === "copies")
      new ImsImageCopy(stack, `copy${i}`, {
        sourceImageId: SOURCE,
        name: `bench-copy-${i}`,
        tags: { team: "bench" },
      });
    else if (kind === "bare") new DataResource(stack, `r${i}`);
  }
  app.synth();
  const synthMs = performance.now() - started;
  const stackDir = join(outdir, "stacks", "bench");
  const assetsDir = join(stackDir, "assets");
  let assets = 0;
  try {
    assets = readdirSync(assetsDir).length;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  process.stdout.write(
    `${JSON.stringify({
      kind,
      count,
      synthMs,
      maxRssKb: process.resourceUsage().maxRSS,
      heapUsedBytes: process.memoryUsage().heapUsed,
      jsonBytes: statSync(join(stackDir, "cdk.tf.json")).size,
      assets,
    })}\n`,
  );
}

main();
