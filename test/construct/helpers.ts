/**
 * Helpers of the construct's synth tests.
 */
import * as path from "path";
import { App, TerraformElement, TerraformStack, Testing } from "cdktf";
import type { ImsImageCopy } from "../../lib/ims-image-copy";
import { RUNTIME_BUNDLE_CONTEXT_KEY } from "../../lib/runtime-asset";

/** A file standing in for the runtime bundle (synth tests never run it). */
export const FIXTURE_BUNDLE = path.join(__dirname, "fixtures", "runtime-bundle.js");

/** A testing app whose ImsImageCopy constructs ship the fixture bundle. */
export function testApp(options: { outdir?: string } = {}): App {
  return Testing.app({ ...options, context: { [RUNTIME_BUNDLE_CONTEXT_KEY]: FIXTURE_BUNDLE } });
}

/** A stack named `stack` in a fresh testing app. */
export function testStack(): TerraformStack {
  return new TerraformStack(testApp(), "stack");
}

/** Synthesized Terraform JSON of a stack, parsed. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function synthesize(stack: TerraformStack): any {
  return JSON.parse(Testing.synth(stack));
}

/** Logical ID (the key in the synthesized JSON) of a resource. */
export function logicalId(resource: TerraformElement): string {
  return TerraformStack.of(resource).getLogicalId(resource);
}

/** The synthesized JSON of the four terraform_data resources of an ImsImageCopy. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function resourcesOf(json: any, copy: ImsImageCopy): { copy: any; result: any; image: any; attributes: any } {
  const all = json.resource?.terraform_data ?? {};
  const pick = (resource: TerraformElement): unknown => {
    const key = logicalId(resource);
    if (!(key in all)) throw new Error(`terraform_data "${key}" is not in the synthesized JSON: ${JSON.stringify(Object.keys(all))}`);
    return all[key];
  };
  return { copy: pick(copy.copyResource), result: pick(copy.resultResource), image: pick(copy.imageResource), attributes: pick(copy.attributesResource) };
}

/** The local-exec block of a resource's only provisioner. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function localExec(resource: any): any {
  expect(resource.provisioner).toHaveLength(1);
  return resource.provisioner[0]["local-exec"];
}
