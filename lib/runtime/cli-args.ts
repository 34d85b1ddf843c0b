/**
 * Argument parsing for the `ims-image-copy` command line. Pure: takes argv, returns a command or
 * a usage problem; never exits, never prints.
 */
import { parseArgs } from "util";
import { DEFAULT_CREATE_TIMEOUT_MINUTES, DEFAULT_DELETE_TIMEOUT_MINUTES } from "../shared/constants";
import {
  checkDescription,
  checkEndpoint,
  checkEnterpriseProjectId,
  checkImageId,
  checkJobId,
  checkKmsKeyId,
  checkName,
  checkProjectId,
  checkRegion,
  checkTimeoutMinutesText,
  checkUnencryptedWithKey,
  invalidValueMessage,
} from "../shared/rules";
import type { ConfigOverrides } from "./config";

export const USAGE = `Usage:
  ims-image-copy copy --source IMAGE_ID --name NAME [--description TEXT]
                      [--kms-key-id KEY_ID | --unencrypted] [--enterprise-project-id ID]
                      [--timeout-minutes N] [TARGET] [--json]
  ims-image-copy status JOB_ID [TARGET] [--json]
  ims-image-copy delete IMAGE_ID [--timeout-minutes N] [TARGET] [--json]
  ims-image-copy --help | --version

TARGET: [--region REGION] [--project-id PROJECT_ID] [--endpoint URL], which override
HW_REGION_NAME, HW_PROJECT_ID and HW_IMS_ENDPOINT.

Credentials come from the environment: HW_ACCESS_KEY and HW_SECRET_KEY (or HUAWEICLOUD_SDK_AK and
HUAWEICLOUD_SDK_SK), HW_SECURITY_TOKEN for temporary credentials, HW_REGION_NAME, and optionally
HW_PROJECT_ID, HW_IMS_ENDPOINT, HW_IAM_ENDPOINT. IMS_COPY_POLL_SECONDS=N polls the copy job every N
seconds (1 to 60) instead of the adaptive default. Progress goes to stderr; results to stdout.

Exit codes: 0 success, 1 internal error, 2 usage or configuration error, 3 the service refused the
request, 4 the copy job failed, 5 timed out, 130 interrupted.

Encryption: the copy of an encrypted source is encrypted with the source's KMS key unless
--kms-key-id names another key, or --unencrypted asks for an unencrypted copy.

Re-runs: the copy goes on in the cloud after a timeout or an interrupt. Running the same copy
command again finds it and waits for it instead of copying again: an image of the same name whose
__originalimagename is the source, not deleted or killed, and carrying no cdktf-ims-image-copy tag.
Images made by the cdktf-ims-image-copy construct (they carry that tag) are never adopted: they
belong to a Terraform state.`;

/** Where a command sends its requests, when given on the command line (else the environment decides). */
export type CliTarget = ConfigOverrides;

export type CliCommand =
  | { readonly kind: "help" }
  | { readonly kind: "version" }
  | {
      readonly kind: "copy";
      readonly target: CliTarget;
      readonly sourceImageId: string;
      readonly name: string;
      readonly description?: string;
      readonly kmsKeyId?: string;
      readonly unencrypted: boolean;
      readonly enterpriseProjectId?: string;
      readonly timeoutMinutes: number;
      readonly json: boolean;
    }
  | { readonly kind: "status"; readonly target: CliTarget; readonly jobId: string; readonly json: boolean }
  | {
      readonly kind: "delete";
      readonly target: CliTarget;
      readonly imageId: string;
      readonly timeoutMinutes: number;
      readonly json: boolean;
    };

export type ParseResult =
  { readonly ok: true; readonly command: CliCommand } | { readonly ok: false; readonly problem: string };

export interface CliParseOptions {
  /**
   * Accept `--endpoint http://` on a non-loopback host (IMS_COPY_ALLOW_INSECURE_HTTP=1).
   * @default false
   */
  readonly allowInsecureHttp?: boolean;
}

function fail(problem: string): ParseResult {
  return { ok: false, problem };
}

/** `--flag "value" is invalid: problem` (the shared sentence of lib/shared/rules.ts), or undefined. */
/** `--unencrypted` with `--kms-key-id`, in the sentence of every other flag problem. */
function unencryptedProblem(unencrypted: boolean, keySet: boolean): string | undefined {
  const problem = checkUnencryptedWithKey(unencrypted, keySet ? "--kms-key-id" : undefined);
  return problem === undefined ? undefined : invalidValueMessage("--unencrypted", true, problem);
}

function flagProblem(
  flag: string,
  value: string | undefined,
  rule: (v: string) => string | undefined,
): string | undefined {
  if (value === undefined) return undefined;
  const problem = rule(value);
  return problem === undefined ? undefined : invalidValueMessage(flag, value, problem);
}

export function parseCli(argv: readonly string[], options: CliParseOptions = {}): ParseResult {
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
        region: { type: "string" },
        "project-id": { type: "string" },
        endpoint: { type: "string" },
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
  const targetProblems = [
    flagProblem("--region", values.region, checkRegion),
    flagProblem("--project-id", values["project-id"], checkProjectId),
    flagProblem("--endpoint", values.endpoint, (v) =>
      checkEndpoint(v, { allowInsecureHttp: options.allowInsecureHttp }),
    ),
  ];
  const target: CliTarget = {
    ...(values.region !== undefined ? { region: values.region } : {}),
    ...(values["project-id"] !== undefined ? { projectId: values["project-id"] } : {}),
    ...(values.endpoint !== undefined ? { imsEndpoint: values.endpoint } : {}),
  };
  const problems = (...found: (string | undefined)[]): ParseResult | undefined => {
    const all = [...found, ...targetProblems].filter((p): p is string => p !== undefined);
    return all.length > 0 ? fail(all.join("\n")) : undefined;
  };
  switch (verb) {
    case "copy": {
      if (rest.length > 0) return fail(`copy takes no positional arguments, got "${rest.join(" ")}"`);
      if (values.source === undefined) return fail("copy needs --source IMAGE_ID");
      if (values.name === undefined) return fail("copy needs --name NAME");
      const refused = problems(
        flagProblem("--source", values.source, checkImageId),
        flagProblem("--name", values.name, checkName),
        flagProblem("--description", values.description, checkDescription),
        flagProblem("--kms-key-id", values["kms-key-id"], checkKmsKeyId),
        unencryptedProblem(values.unencrypted === true, values["kms-key-id"] !== undefined),
        flagProblem("--enterprise-project-id", values["enterprise-project-id"], checkEnterpriseProjectId),
        flagProblem("--timeout-minutes", values["timeout-minutes"], checkTimeoutMinutesText),
      );
      if (refused) return refused;
      return {
        ok: true,
        command: {
          kind: "copy",
          target,
          sourceImageId: values.source,
          name: values.name,
          description: values.description,
          kmsKeyId: values["kms-key-id"],
          unencrypted: values.unencrypted === true,
          enterpriseProjectId: values["enterprise-project-id"],
          timeoutMinutes: timeoutOf(values["timeout-minutes"], DEFAULT_CREATE_TIMEOUT_MINUTES),
          json,
        },
      };
    }
    case "status": {
      if (rest.length !== 1) return fail("status needs exactly one JOB_ID");
      const refused = problems(flagProblem("JOB_ID", rest[0], checkJobId));
      if (refused) return refused;
      return { ok: true, command: { kind: "status", target, jobId: rest[0], json } };
    }
    case "delete": {
      if (rest.length !== 1) return fail("delete needs exactly one IMAGE_ID");
      const refused = problems(
        flagProblem("IMAGE_ID", rest[0], checkImageId),
        flagProblem("--timeout-minutes", values["timeout-minutes"], checkTimeoutMinutesText),
      );
      if (refused) return refused;
      const timeoutMinutes = timeoutOf(values["timeout-minutes"], DEFAULT_DELETE_TIMEOUT_MINUTES);
      return { ok: true, command: { kind: "delete", target, imageId: rest[0], timeoutMinutes, json } };
    }
    case undefined:
      return fail("missing command: copy, status or delete");
    default:
      return fail(`unknown command "${verb}": expected copy, status or delete`);
  }
}

/** A `--timeout-minutes` that `checkTimeoutMinutesText` accepted, or the default. */
function timeoutOf(text: string | undefined, fallback: number): number {
  return text === undefined ? fallback : Number(text);
}
