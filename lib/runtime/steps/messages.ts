/**
 * Error factories of the apply-time steps (the client's own live in `../errors.ts`). Each message
 * says what happened and what to do next; none receives a credential.
 */
import { MARKER_TAG_KEY, RuntimeEnv, Subcommand } from "../../shared/constants";
import { invalidValueMessage } from "../../shared/rules";
import { ConfigError, ImsApiError } from "../errors";

export function unknownSubcommand(argv: readonly string[]): ConfigError {
  const got = argv.length === 0 ? "no subcommand" : `"${argv.join(" ")}"`;
  return new ConfigError(
    `expected exactly one subcommand (${Object.values(Subcommand).join(", ")}), got ${got}. This runtime is run by Terraform's local-exec as: node <runtime> create`,
  );
}

/** `VARIABLE "value" is invalid: rule` (the shared sentence of `rules.ts`) plus what to do next. */
export function invalidEnv(variable: string, value: string, problem: string): ConfigError {
  return new ConfigError(
    `${invalidValueMessage(variable, value, problem)}. Fix the construct's props and synthesize again (or, when running the runtime by hand, fix the variable)`,
  );
}

/** IMS_COPY_SPEC cannot be read (the construct writes it: only a hand-made or edited one can be wrong). */
export function invalidSpec(value: string, problem: string): ConfigError {
  return invalidEnv(RuntimeEnv.SPEC, value, problem);
}

export function missingEnv(variable: string, what: string): ConfigError {
  return new ConfigError(
    `${variable} is not set: it must hold ${what}. The construct sets it; when running the runtime by hand, set it yourself`,
  );
}

/** `terraform apply -replace=<address>`, or a description of the resource when its address is unknown. */
function replaceCommand(resourceAddress: string | undefined): string {
  return `terraform apply -replace=${resourceAddress ?? "<the copy's terraform_data copy resource>"}`;
}

/** The image to update disappeared (deleted out of band). */
export function imageToUpdateGone(imageId: string, resourceAddress?: string): ConfigError {
  return new ConfigError(
    `image ${imageId} no longer exists, so its name, description and tags cannot be updated. It was deleted outside Terraform: run "${replaceCommand(resourceAddress)}" to copy it again`,
  );
}

/**
 * A create step found a copy of this declaration in this deployment that an earlier create step
 * completed, but this state does not hold it and nothing local proves it is this run's: not adopted.
 */
export function completedElsewhere(
  imageId: string,
  markerValue: string,
  constructPath?: string,
): ConfigError {
  return new ConfigError(
    `image ${imageId} is a completed copy of this declaration in this deployment (${MARKER_TAG_KEY}=${markerValue}), but this Terraform state does not hold it: an earlier apply completed it and its state was lost or never saved (a remote backend saves state at the end of an apply), or it was removed from the state. It is not adopted silently. To put it under this construct, set adoptImageId: "${imageId}"${constructPath ? ` on ${constructPath}` : ""} and apply again; to make a new copy instead, delete the image (ims-image-copy delete ${imageId}) or remove its ${MARKER_TAG_KEY} tag`,
  );
}

/** The image this state holds is claimed by another Terraform resource: not updated. */
export function heldElsewhere(imageId: string, why: string, resourceAddress?: string): ConfigError {
  return new ConfigError(
    `image ${imageId} is not updated: ${why}. Another Terraform state holds it too (versions before 0.2.0 could share an image between two deployments of one app, or another deployment adopted it with adoptImageId). Run "${replaceCommand(resourceAddress)}" to give this deployment its own copy; the other deployment keeps this image`,
  );
}

/** An explicit adoption that cannot be done. */
export function adoptionRefused(imageId: string, why: string): ConfigError {
  return new ConfigError(
    `image ${imageId} cannot be adopted: ${why}. Check adoptImageId (and sourceImageId, which must be the image's source)`,
  );
}

/** Deleting was refused (the image is protected, for example published; servers created from it do not block it). */
export function deleteRefused(imageId: string, cause: ImsApiError): ImsApiError {
  return new ImsApiError({
    kind: cause.kind,
    operation: cause.operation,
    status: cause.status,
    code: cause.code,
    serviceMessage: cause.serviceMessage,
    requestId: cause.requestId,
    retryAfter: cause.retryAfter,
    hint: `Image ${imageId} cannot be deleted${cause.hint ? ` (${cause.hint})` : ""}. Run "terraform destroy" again once it can be deleted, or set removalPolicy to "retain" to keep it`,
  });
}
