/**
 * One synthesis in a fresh process, for bench/synth.ts:
 * `node synth-child.js <kind> <count> <outdir> <bundle> <validate: 0|1> [<cdk.tf.json>]` with kind
 * `copies` (ImsImageCopy constructs), `bare` (bare terraform_data resources) or `plain` (the
 * terraform_data resources of a given cdk.tf.json rebuilt as plain `DataResource`s with the same
 * construct paths and literal attribute values: the same JSON without the construct; `count` is
 * ignored). Prints
 * one JSON line: synthesis time, peak RSS, heap, the stack JSON's size and the asset count.
 */
import { App, DataResource, DataConfig, LocalBackend, TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { readFileSync, readdirSync, statSync } from "fs";
import { join } from "path";
import { performance } from "perf_hooks";
import { ImsImageCopy } from "../lib";
import { RUNTIME_BUNDLE_CONTEXT_KEY } from "../lib/runtime-asset";

const SOURCE = "6f0a2b34-1c5d-4e7f-8a9b-0c1d2e3f4a5b";

function main(): void {
  const [kind, countText, outdir, bundle, validate, source] = process.argv.slice(2);
  const count = Number(countText);
  if ((kind !== "copies" && kind !== "bare" && kind !== "plain") || !Number.isInteger(count) || count < 0 || !outdir || !bundle || (validate !== "0" && validate !== "1") || (kind === "plain" && !source)) {
    throw new Error("usage: synth-child <copies|bare|plain> <count> <outdir> <bundle> <0|1> [<cdk.tf.json> for plain]");
  }
  // Read before the clock starts: only the synthesis is timed.
  const plain = kind === "plain" ? plainResources(source) : [];
  const started = performance.now();
  // cdktf validates every terraform_data by running `terraform version` (execSync, once per resource).
  const app = new App({ outdir, stackTraces: false, skipValidation: validate === "0", context: { [RUNTIME_BUNDLE_CONTEXT_KEY]: bundle } });
  const stack = new TerraformStack(app, "bench");
  new LocalBackend(stack, { path: "terraform.tfstate" });
  for (let i = 0; i < count; i++) {
    if (kind === "copies") new ImsImageCopy(stack, `copy${i}`, { sourceImageId: SOURCE, name: `bench-copy-${i}`, tags: { team: "bench" } });
    else if (kind === "bare") new DataResource(stack, `r${i}`);
  }
  const scopes = new Map<string, Construct>();
  for (const { scopePath, id, attributes } of plain) {
    let scope = scopes.get(scopePath);
    if (scope === undefined) {
      scope = new Construct(stack, scopePath);
      scopes.set(scopePath, scope);
    }
    new DataResource(scope, id, dataResourceConfig(attributes));
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

/** Synthesized terraform_data attributes (as ImsImageCopy writes them) back to DataResource props. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function dataResourceConfig(attributes: Record<string, any>): DataConfig {
  const { triggers_replace: triggersReplace, input, provisioner, lifecycle } = attributes;
  return {
    triggersReplace,
    input,
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    provisioners: provisioner?.map((block: Record<string, any>) => ({ type: "local-exec", ...block["local-exec"] })),
    lifecycle: lifecycle && {
      ignoreChanges: lifecycle.ignore_changes,
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      postcondition: lifecycle.postcondition?.map((c: Record<string, any>) => ({ condition: c.condition, errorMessage: c.error_message })),
    },
  };
}

/** The terraform_data resources of a synthesized stack: `<stack>/<scope>/<id>` paths and attributes. */
function plainResources(file: string): { scopePath: string; id: string; attributes: Record<string, unknown> }[] {
  const json = JSON.parse(readFileSync(file, "utf8")) as { resource?: { terraform_data?: Record<string, Record<string, unknown>> } };
  return Object.values(json.resource?.terraform_data ?? {}).map((body) => {
    const { "//": meta, ...attributes } = body as { "//": { metadata: { path: string } } } & Record<string, unknown>;
    const [, scopePath, id] = meta.metadata.path.split("/");
    return { scopePath, id, attributes };
  });
}

main();
