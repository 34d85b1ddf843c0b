/**
 * Helpers of the construct's synth tests.
 */
import * as path from "path";
import { App, TerraformStack, Testing } from "cdktf";
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
