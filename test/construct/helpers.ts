/**
 * Helpers of the construct's synth tests.
 */
import * as path from "path";
import { App, TerraformElement, TerraformStack, Testing } from "cdktf";
import type { ImsImageCopy } from "../../lib/ims-image-copy";
import { RUNTIME_BUNDLE_CONTEXT_KEY } from "../../lib/runtime-asset";
import { RuntimeEnv, specKey } from "../../lib/shared/constants";

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
/* eslint-disable @typescript-eslint/no-explicit-any */
export function resourcesOf(
  json: any,
  copy: ImsImageCopy,
): { copy: any; result: any; image: any; attributes: any } {
  const all = json.resource?.terraform_data ?? {};
  const pick = (resource: TerraformElement): unknown => {
    const key = logicalId(resource);
    if (!(key in all))
      throw new Error(
        `terraform_data "${key}" is not in the synthesized JSON: ${JSON.stringify(Object.keys(all))}`,
      );
    return all[key];
  };
  return {
    copy: pick(copy.copyResource),
    result: pick(copy.resultResource),
    image: pick(copy.imageResource),
    attributes: pick(copy.attributesResource),
  };
}
/* eslint-enable @typescript-eslint/no-explicit-any */

/** The local-exec block of a resource's only provisioner. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function localExec(resource: any): any {
  expect(resource.provisioner).toHaveLength(1);
  return resource.provisioner[0]["local-exec"];
}

/** The keys the runtime accepts in IMS_COPY_SPEC (`expandSpec` in lib/runtime/steps/env.ts). */
export const SPEC_KEYS: readonly string[] = Object.values(RuntimeEnv)
  .filter((name) => name !== RuntimeEnv.SPEC)
  .map(specKey);

/**
 * A spec (the text of IMS_COPY_SPEC, or of the attribute it is stored in) without cdktf tokens,
 * parsed as the JSON it is in the synthesized file: Terraform's escapes (`$${`, `%%{`) and
 * interpolations (`${self.id}`) are still in its strings, so assertions on it are byte for byte.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function specOf(text: unknown): Record<string, any> {
  if (typeof text !== "string") throw new Error(`a spec is a string, not ${JSON.stringify(text)}`);
  const parsed: unknown = JSON.parse(text);
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed))
    throw new Error(`a spec is a JSON object, not ${text}`);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return parsed as Record<string, any>;
}

/**
 * A Terraform template as Terraform evaluates it, for text whose interpolations are plain
 * references: `$${` and `%%{` become `${` and `%{`, and each `${reference}` becomes its value in
 * `references`. Throws on a reference not given and on a template directive (`%{`), which no
 * spec holds.
 */
export function evaluateTemplate(text: string, references: Readonly<Record<string, string>> = {}): string {
  // One pass, left to right, as Terraform scans: in `$$${x}` the escape is the last three characters.
  return text.replace(/\$\$\{|%%\{|%\{|\$\{([^}]*)\}/g, (match, reference: string | undefined) => {
    if (match === "$${") return "${";
    if (match === "%%{") return "%{";
    if (match === "%{") throw new Error(`a template directive in ${JSON.stringify(text)}`);
    if (reference !== undefined && reference in references) return references[reference];
    throw new Error(`the reference \${${reference}} in ${JSON.stringify(text)} has no value given`);
  });
}

/** What the runtime reads from a spec without cdktf tokens once Terraform has evaluated it (see `evaluateTemplate`). */
export function evaluatedSpecOf(
  text: unknown,
  references: Readonly<Record<string, string>> = {},
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
): Record<string, any> {
  if (typeof text !== "string") throw new Error(`a spec is a string, not ${JSON.stringify(text)}`);
  return specOf(evaluateTemplate(text, { "terraform.workspace": "default", ...references }));
}
