/**
 * The bundled apply-time runtime, shipped with the synthesized stack as ONE cdktf `TerraformAsset`
 * per stack however many `ImsImageCopy` constructs the stack holds.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import type { IConstruct } from "constructs";
import { AssetType, TerraformAsset, TerraformStack } from "./cdktf";
import {
  runtimeBundleContextInvalid,
  runtimeBundleMissing,
  terraformNotRunnable,
  terraformTooOld,
  terraformVersionUnreadable,
} from "./errors";

/** File name of the bundle written by `scripts/bundle.mjs`. */
export const RUNTIME_BUNDLE_FILE = "ims-image-copy-runtime.js";

/**
 * Construct context key that points the construct at another runtime bundle file (absolute, or
 * relative to the working directory). Internal: meant for this package's tests and for unusual
 * packaging, not part of the public API. Set it with `Testing.app({ context: { [key]: file } })`
 * or `app.node.setContext(key, file)` before creating any `ImsImageCopy`.
 * @internal
 */
export const RUNTIME_BUNDLE_CONTEXT_KEY = "cdktf-ims-image-copy:runtimeBundleFile";

/** Construct ID of the asset, a direct child of the stack. */
export const RUNTIME_ASSET_ID = "ImsImageCopyRuntime";

/** Where the bundle sits in this package: `<package root>/bundle/` (lib/ and dist/ are both one level below the root). */
export function defaultRuntimeBundleFile(): string {
  return path.resolve(__dirname, "..", "bundle", RUNTIME_BUNDLE_FILE);
}

/** The runtime asset of the stack that holds `scope`, created on first use. */
export function runtimeAssetOf(scope: IConstruct): TerraformAsset {
  const stack = TerraformStack.of(scope);
  const existing = stack.node.tryFindChild(RUNTIME_ASSET_ID);
  if (existing !== undefined) return existing as TerraformAsset;
  const file = runtimeBundleFile(scope);
  const asset = new TerraformAsset(stack, RUNTIME_ASSET_ID, { path: file, type: AssetType.FILE });
  // terraform_data needs Terraform 1.4. cdktf's DataResource checks that once per resource (a
  // `terraform version` process each, minutes for a large stack); the check runs here once per stack.
  asset.node.addValidation({ validate: () => terraformVersionProblems() });
  return asset;
}

/** Oldest Terraform with the built-in `terraform_data` resource. */
export const MIN_TERRAFORM_VERSION = [1, 4] as const;

/** What is wrong with the Terraform on PATH (`TERRAFORM_BINARY_NAME`, as cdktf uses), if anything: at most one message. */
export function terraformVersionProblems(
  binary = process.env.TERRAFORM_BINARY_NAME || "terraform",
): string[] {
  const required = MIN_TERRAFORM_VERSION.join(".");
  let output: string;
  try {
    output = execFileSync(binary, ["version"], {
      stdio: "pipe",
      encoding: "utf8",
      env: { ...process.env, CHECKPOINT_DISABLE: "1" },
    });
  } catch (error) {
    return [terraformNotRunnable(binary, required, (error as Error).message.split("\n")[0])];
  }
  const found = /(\d+)\.(\d+)\.(\d+)/.exec(output);
  if (found === null) return [terraformVersionUnreadable(binary, required, output)];
  const [major, minor] = [Number(found[1]), Number(found[2])];
  const tooOld =
    major < MIN_TERRAFORM_VERSION[0] ||
    (major === MIN_TERRAFORM_VERSION[0] && minor < MIN_TERRAFORM_VERSION[1]);
  return tooOld ? [terraformTooOld(binary, required, found[0])] : [];
}

function runtimeBundleFile(scope: IConstruct): string {
  const override: unknown = scope.node.tryGetContext(RUNTIME_BUNDLE_CONTEXT_KEY);
  if (override !== undefined && (typeof override !== "string" || override === "")) {
    throw runtimeBundleContextInvalid(scope.node.path, RUNTIME_BUNDLE_CONTEXT_KEY, override);
  }
  const file = override === undefined ? defaultRuntimeBundleFile() : path.resolve(override);
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw runtimeBundleMissing(scope.node.path, file);
  return file;
}
