/**
 * Argument parsing for the `ims-image-copy` command line. Pure: takes argv, returns a command or
 * a usage problem; never exits, never prints.
 */
import { parseArgs } from "util";
import {
  checkDescription,
  checkEnterpriseProjectId,
  checkImageId,
  checkKmsKeyId,
  checkName,
  checkPositiveInteger,
} from "../shared/rules";

export const USAGE = `Usage:
  ims-image-copy copy --source IMAGE_ID --name NAME [--description TEXT]
                      [--kms-key-id KEY_ID | --unencrypted] [--enterprise-project-id ID]
                      [--timeout-minutes N] [--json]
  ims-image-copy status JOB_ID [--json]
  ims-image-copy delete IMAGE_ID [--timeout-minutes N] [--json]
  ims-image-copy --help | --version

Credentials come from the environment: HW_ACCESS_KEY and HW_SECRET_KEY (or HUAWEICLOUD_SDK_AK and
HUAWEICLOUD_SDK_SK), HW_SECURITY_TOKEN for temporary credentials, HW_REGION_NAME, and optionally
HW_PROJECT_ID, HW_IMS_ENDPOINT, HW_IAM_ENDPOINT. Progress goes to stderr; results to stdout.

Exit codes: 0 success, 1 internal error, 2 usage or configuration error, 3 the service refused the
request, 4 the copy job failed, 5 timed out, 130 interrupted.

Encryption: the copy of an encrypted source is encrypted with the source's KMS key unless
--kms-key-id names another key, or --unencrypted asks for an unencrypted copy.

Re-runs: the copy goes on in the cloud after a timeout or an interrupt. Running the same copy
command again finds it and waits for it instead of copying again: an image of the same name whose
__originalimagename is the source, not deleted or killed, and carrying no cdktf-ims-image-copy tag.
Images made by the cdktf-ims-image-copy construct (they carry that tag) are never adopted: they
belong to a Terraform state.`;

export type CliCommand =
  | { readonly kind: "help" }
  | { readonly kind: "version" }
  | {
      readonly kind: "copy";
      readonly sourceImageId: string;
      readonly name: string;
      readonly description?: string;
      readonly kmsKeyId?: string;
      readonly unencrypted: boolean;
      readonly enterpriseProjectId?: string;
      readonly timeoutMinutes: number;
      readonly json: boolean;
    }
  | { readonly kind: "status"; readonly jobId: string; readonly json: boolean }
  | {
      readonly kind: "delete";
      readonly imageId: string;
      readonly timeoutMinutes: number;
      readonly json: boolean;
    };

export type ParseResult =
  { readonly ok: true; readonly command: CliCommand } | { readonly ok: false; readonly problem: string };

export const DEFAULT_COPY_TIMEOUT_MINUTES = 60;
export const DEFAULT_DELETE_TIMEOUT_MINUTES = 10;

const JOB_ID = /^[0-9a-f]{32}$/;

function fail(problem: string): ParseResult {
  return { ok: false, problem };
}

function timeoutOf(raw: string | undefined, fallback: number): number | string {
  if (raw === undefined) return fallback;
  const problem = checkPositiveInteger(raw === "" ? NaN : Number(raw));
  return problem ? `--timeout-minutes "${raw}" is invalid: ${problem}` : Number(raw);
}

export function parseCli(argv: readonly string[]): ParseResult {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        source: { type: "string" },
        name: { type: "string" },
        description: { type: "string" },
        "kms-key-id": { type: "string" },
        "enterprise-project-id": { type: "string" },
        unencrypted: { type: "boolean", default: false },
        "timeout-minutes": { type: "string" },
        json: { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
        version: { type: "boolean", default: false },
      },
    });
  } catch (err) {
    return fail((err as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return { ok: true, command: { kind: "help" } };
  if (values.version) return { ok: true, command: { kind: "version" } };
  const [verb, ...rest] = positionals;
  const json = values.json === true;
  switch (verb) {
    case "copy": {
      if (rest.length > 0) return fail(`copy takes no positional arguments, got "${rest.join(" ")}"`);
      if (values.source === undefined) return fail("copy needs --source IMAGE_ID");
      if (values.name === undefined) return fail("copy needs --name NAME");
      const problems = [
        prefixed("--source", values.source, checkImageId(values.source)),
        prefixed("--name", values.name, checkName(values.name)),
        values.description === undefined
          ? undefined
          : prefixed("--description", values.description, checkDescription(values.description)),
        values["kms-key-id"] === undefined
          ? undefined
          : prefixed("--kms-key-id", values["kms-key-id"], checkKmsKeyId(values["kms-key-id"])),
        values["enterprise-project-id"] === undefined
          ? undefined
          : prefixed(
              "--enterprise-project-id",
              values["enterprise-project-id"],
              checkEnterpriseProjectId(values["enterprise-project-id"]),
            ),
      ].filter((p): p is string => p !== undefined);
      if (values.unencrypted && values["kms-key-id"] !== undefined)
        problems.push(
          "--unencrypted cannot be combined with --kms-key-id: a copy is either encrypted with a key or unencrypted",
        );
      if (problems.length > 0) return fail(problems.join("\n"));
      const timeout = timeoutOf(values["timeout-minutes"], DEFAULT_COPY_TIMEOUT_MINUTES);
      if (typeof timeout === "string") return fail(timeout);
      return {
        ok: true,
        command: {
          kind: "copy",
          sourceImageId: values.source,
          name: values.name,
          description: values.description,
          kmsKeyId: values["kms-key-id"],
          unencrypted: values.unencrypted === true,
          enterpriseProjectId: values["enterprise-project-id"],
          timeoutMinutes: timeout,
          json,
        },
      };
    }
    case "status": {
      if (rest.length !== 1) return fail("status needs exactly one JOB_ID");
      if (!JOB_ID.test(rest[0]))
        return fail(`JOB_ID "${rest[0]}" is invalid: a job ID is 32 lower-case hexadecimal characters`);
      return { ok: true, command: { kind: "status", jobId: rest[0], json } };
    }
    case "delete": {
      if (rest.length !== 1) return fail("delete needs exactly one IMAGE_ID");
      const problem = checkImageId(rest[0]);
      if (problem) return fail(`IMAGE_ID "${rest[0]}" is invalid: ${problem}`);
      const timeout = timeoutOf(values["timeout-minutes"], DEFAULT_DELETE_TIMEOUT_MINUTES);
      if (typeof timeout === "string") return fail(timeout);
      return { ok: true, command: { kind: "delete", imageId: rest[0], timeoutMinutes: timeout, json } };
    }
    case undefined:
      return fail("missing command: copy, status or delete");
    default:
      return fail(`unknown command "${verb}": expected copy, status or delete`);
  }
}

function prefixed(flag: string, value: string, problem: string | undefined): string | undefined {
  return problem === undefined ? undefined : `${flag} ${JSON.stringify(value)} is invalid: ${problem}`;
}
