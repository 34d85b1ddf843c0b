/**
 * Factories of the errors the construct throws at synth time. Every message names the construct
 * path, what is wrong, and what to do next. Apply-time errors live in `lib/runtime/errors.ts`.
 */
import { displayValue, invalidValueMessage } from "./shared/rules";

/**
 * A synth-time configuration error of an `ImsImageCopy` (bad prop, missing runtime bundle).
 *
 * TypeScript and JavaScript only: jsii cannot describe a subclass of `Error`, so other languages
 * see the error their jsii runtime raises for any JavaScript error, with this message.
 * @jsii ignore
 */
export class ImsImageCopyConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ImsImageCopyConfigError";
  }
}

/** A literal prop value breaks a rule of `lib/shared/rules.ts`. */
export function invalidProp(
  constructPath: string,
  prop: string,
  value: unknown,
  problem: string,
): ImsImageCopyConfigError {
  return new ImsImageCopyConfigError(
    `ImsImageCopy "${constructPath}": ${invalidValueMessage(`prop "${prop}"`, value, problem)}. Change "${prop}" in the props of this ImsImageCopy.`,
  );
}

/** No props object at all (JavaScript callers). */
export function propsMissing(constructPath: string, props: unknown): ImsImageCopyConfigError {
  return new ImsImageCopyConfigError(
    `ImsImageCopy "${constructPath}": ${invalidValueMessage("props", props, "it must be an object with at least sourceImageId and name")}. ` +
      `Pass them as the third argument: new ImsImageCopy(scope, id, { sourceImageId, name }).`,
  );
}

/**
 * Text of the Terraform postcondition that fails when the create step left no result file (so the
 * new image ID could not be captured). Shown by `terraform apply`, not thrown at synth time.
 */
export function resultMissingMessage(constructPath: string, copyAddress: string): string {
  return (
    `ImsImageCopy "${constructPath}": the copy step finished without writing its result file, so the new image ID is unknown. ` +
    `Run "terraform apply -replace=${copyAddress}": the create step finds the copy it already made and writes the file again.`
  );
}

/** The bundled apply-time runtime is not where the construct expects it. */
export function runtimeBundleMissing(constructPath: string, bundlePath: string): ImsImageCopyConfigError {
  return new ImsImageCopyConfigError(
    `ImsImageCopy "${constructPath}": there is no apply-time runtime bundle file at "${bundlePath}". ` +
      `Run "npm run build" in the cdktf-ims-image-copy package to create it (scripts/bundle.mjs), or reinstall the package.`,
  );
}

/** The internal context key that relocates the runtime bundle holds something other than a path. */
export function runtimeBundleContextInvalid(
  constructPath: string,
  contextKey: string,
  value: unknown,
): ImsImageCopyConfigError {
  return new ImsImageCopyConfigError(
    `ImsImageCopy "${constructPath}": ${invalidValueMessage(`context "${contextKey}"`, value, "it must be the path of the runtime bundle file (a non-empty string)")}. ` +
      `Remove it to use the bundle shipped with the package.`,
  );
}

/**
 * `overrideLogicalId` (or its reset) on an escape-hatch resource after its logical ID was used: a
 * reference to the resource or a move already holds the old ID, so the change would not reach it.
 */
export function logicalIdAlreadyUsed(
  resourcePath: string,
  call: string,
  logicalId: string,
): ImsImageCopyConfigError {
  return new ImsImageCopyConfigError(
    `terraform_data "${resourcePath}": ${call} comes after its logical ID "${logicalId}" was used ` +
      `(by a reference such as ImsImageCopy.imageId or fqn, or by moveToId/moveFromId), so the new ID would not reach it. ` +
      `Call it right after creating the ImsImageCopy, before reading imageId or moving the resource.`,
  );
}

/**
 * Validation message (the stack's runtime asset checks the Terraform on PATH once): `<binary>
 * version` did not run. `reason` is the first line of the failure.
 */
export function terraformNotRunnable(binary: string, required: string, reason: string): string {
  return `ImsImageCopy needs Terraform ${required} or later (for terraform_data), but ${displayValue(`${binary} version`)} failed: ${reason}. Install Terraform, or set TERRAFORM_BINARY_NAME to its path.`;
}

/** Validation message: `<binary> version` printed no version number. */
export function terraformVersionUnreadable(binary: string, required: string, output: string): string {
  return `ImsImageCopy needs Terraform ${required} or later (for terraform_data), but the version could not be read from ${displayValue(`${binary} version`)}: ${displayValue(output)}.`;
}

/** Validation message: the Terraform on PATH is older than `required`. */
export function terraformTooOld(binary: string, required: string, found: string): string {
  return `ImsImageCopy needs Terraform ${required} or later (for terraform_data); ${displayValue(binary)} is ${found}. Upgrade Terraform.`;
}
