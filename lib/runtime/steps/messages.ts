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

/** The image to update disappeared (deleted out of band). */
export function imageToUpdateGone(imageId: string): ConfigError {
  return new ConfigError(
    `image ${imageId} no longer exists, so its name, description and tags cannot be updated. It was deleted outside Terraform: run "terraform apply -replace=<the copy's terraform_data.copy resource>" to copy it again`,
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

/** Another declared copy's marker is on an image with our name and source: refuse to steal it. */
export function adoptionConflict(imageId: string, otherMarker: string): string {
  return `image ${imageId} has the same name and source but carries ${MARKER_TAG_KEY}=${otherMarker} (another copy): not adopting it`;
}
