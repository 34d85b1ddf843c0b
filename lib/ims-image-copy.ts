/**
 * `ImsImageCopy`: one in-region copy of a Huawei Cloud IMS private image, made at `terraform apply`
 * by the bundled runtime. Synth-time code only; the resource model is described in
 * docs/CONTRACTS.md ("Resource model of one ImsImageCopy").
 */
import { Construct } from "constructs";
import {
  Fn,
  TerraformData,
  type TerraformResource,
  Token,
  attributeLiteral,
  expressionStringLiteral,
  expressionToken,
  functionArgumentLiteral,
  resourceAddress,
  stringExpression,
  type LocalExecProvisioner,
} from "./cdktf";
import { invalidProp, propsMissing, resultMissingMessage } from "./errors";
import { runtimeAssetOf } from "./runtime-asset";
import {
  DEFAULT_CREATE_TIMEOUT_MINUTES,
  DEFAULT_DELETE_TIMEOUT_MINUTES,
  MARKER_TAG_KEY,
  RESULTS_DIR,
  RemovalPolicy,
  RuntimeEnv,
  Subcommand,
} from "./shared/constants";
import {
  checkDescription,
  checkEndpoint,
  checkEnterpriseProjectId,
  checkImageId,
  checkKmsKeyId,
  checkName,
  checkProjectId,
  checkRegion,
  checkRemovalPolicy,
  checkTagCount,
  checkTagsObject,
  checkTimeoutMinutes,
  checkUserTagKey,
  checkUserTagValue,
  checkUnencryptedWithKey,
} from "./shared/rules";

const IMS_IMAGE_COPY_SYMBOL = Symbol.for("cdktf-ims-image-copy.ImsImageCopy");

export interface ImsImageCopyProps {
  /**
   * ID of the private image to copy (a UUID). Changing it copies again (replacement).
   */
  readonly sourceImageId: string;

  /**
   * Name of the new image: 1 to 128 characters of letters, digits, Chinese characters, `-`, `_`,
   * `.` and spaces, not starting or ending with a space. Changing it renames the image in place.
   */
  readonly name: string;

  /**
   * Description of the new image: at most 1024 characters, no carriage return, newline, NUL,
   * `<` or `>`. Changing it updates the image in place.
   * @default - no description
   */
  readonly description?: string;

  /**
   * KMS key to encrypt the new image with (sent as `cmk_id`; a UUID). Changing it copies again.
   * @default - a copy of an encrypted source is encrypted with the source's key (`__system__cmkid`); a copy of an unencrypted source is unencrypted
   */
  readonly kmsKeyId?: string;

  /**
   * Make the copy unencrypted even when the source is encrypted (Huawei's documented way to turn
   * an encrypted image into an unencrypted one: a copy without `cmk_id`). Cannot be combined with
   * `kmsKeyId`. Changing it copies again.
   * @default false
   */
  readonly unencrypted?: boolean;

  /**
   * An existing image to put under this construct instead of copying (explicit adoption): a
   * retained image, one made by hand, by the `ims-image-copy` CLI, by the official provider's
   * `huaweicloud_images_image_copy`, or by another deployment (which then neither updates nor
   * deletes it). It must be a usable copy of `sourceImageId` (its `__originalimagename`, where
   * recorded). The apply takes it over (name, description and tags as declared) and the removal
   * policy applies to it from then on. Like `sourceImageId`, it says which image this is: keep it
   * while the construct exists; changing or removing it replaces the copy.
   * @default - a new copy is made
   */
  readonly adoptImageId?: string;

  /**
   * Enterprise project of the new image: `0` (the default enterprise project) or a UUID.
   * Changing it copies again.
   * @default - the service's default (the default enterprise project)
   */
  readonly enterpriseProjectId?: string;

  /**
   * Tags of the new image, applied after the copy (the copy API takes none). At most 9: the
   * library adds its own marker tag (`cdktf-ims-image-copy`), and an image holds at most 10.
   * Keys: 1 to 36 letters, digits, Chinese characters, `_` and `-`; values: 0 to 43 of those or `.`.
   * The tags are authoritative: other tags on the image are removed when they change.
   * @default - no tags besides the marker tag
   */
  readonly tags?: { readonly [key: string]: string };

  /**
   * Region of the source image and of the copy, such as `cn-north-4`. Changing it copies again.
   * @default - `HW_REGION_NAME` in the environment of `terraform apply`
   */
  readonly region?: string;

  /**
   * Project ID (32 hexadecimal digits) in that region. Changing it copies again.
   * @default - `HW_PROJECT_ID` in the environment of `terraform apply`, else looked up in IAM by region name
   */
  readonly projectId?: string;

  /**
   * IMS endpoint URL: `https://`, or `http://` only for a loopback host (for example a local
   * emulator). Changing it does not copy again.
   * @default - `HW_IMS_ENDPOINT` in the environment of `terraform apply`, else `https://ims.{region}.myhuaweicloud.com`
   */
  readonly endpoint?: string;

  /**
   * How long `terraform apply` waits for the copy job, in whole minutes. When it runs out, the
   * apply fails and the next apply resumes waiting for the same job.
   * @default 60
   */
  readonly createTimeoutMinutes?: number;

  /**
   * How long the delete step waits for the image to disappear, in whole minutes.
   * @default 10
   */
  readonly deleteTimeoutMinutes?: number;

  /**
   * What happens to the image when this construct is destroyed or replaced: `"destroy"` deletes
   * it, `"retain"` leaves it in the account (and out of Terraform's management). Changing it is an
   * in-place update.
   * @default RemovalPolicy.DESTROY
   */
  readonly removalPolicy?: RemovalPolicy;
}

/**
 * Copies a private IMS image within its region at `terraform apply`, waits for the copy job, and
 * exposes the new image ID as a token usable by other resources and other stacks.
 *
 * Credentials are never props: the runtime reads `HW_ACCESS_KEY` / `HW_SECRET_KEY` (or
 * `HUAWEICLOUD_SDK_AK` / `HUAWEICLOUD_SDK_SK`) and `HW_SECURITY_TOKEN` from the environment of
 * `terraform apply`, which needs `node` >= 20 on its PATH.
 */
export class ImsImageCopy extends Construct {
  /** Default of `createTimeoutMinutes` (a static member, so that other jsii languages see it). */
  public static readonly DEFAULT_CREATE_TIMEOUT_MINUTES: number = DEFAULT_CREATE_TIMEOUT_MINUTES;
  /** Default of `deleteTimeoutMinutes`. */
  public static readonly DEFAULT_DELETE_TIMEOUT_MINUTES: number = DEFAULT_DELETE_TIMEOUT_MINUTES;
  /** Key of the marker tag the library puts on every image it copies. */
  public static readonly MARKER_TAG_KEY: string = MARKER_TAG_KEY;

  /** True when `x` is an `ImsImageCopy`, even one from another copy of this library. */
  public static isImsImageCopy(x: unknown): x is ImsImageCopy {
    return typeof x === "object" && x !== null && IMS_IMAGE_COPY_SYMBOL in x;
  }

  /** ID of the new image (a token resolved at apply time): `terraform_data.<image>.input.image_id`. */
  public get imageId(): string {
    // A cdktf reference token (usable from other stacks), made on first use: each one captures a
    // stack trace, and the construct itself writes the reference as text.
    this.imageIdToken ??= this.imageResource.getStringAttribute("input.image_id");
    return this.imageIdToken;
  }
  private imageIdToken?: string;
  /** Value of the marker tag that identifies this declared copy (a token: 40 hexadecimal digits). */
  public get marker(): string {
    // A token made on first use (the construct writes the expression as text itself).
    this.markerToken ??= Token.isUnresolved(this.markerValue)
      ? this.markerValue
      : expressionToken(this.markerValue.slice(2, -1));
    return this.markerToken;
  }
  private markerToken?: string;
  /** The marker as an attribute value: `${expression}` text, or a cdktf token when an input is one. */
  private readonly markerValue: string;
  /** Key of the marker tag the library puts on the image. */
  public readonly markerTagKey: string = MARKER_TAG_KEY;

  /** Escape hatch: `terraform_data` whose create-time provisioner copies the image. */
  public readonly copyResource: TerraformResource;
  /** Escape hatch: `terraform_data` that captures the new image ID from the result file. */
  public readonly resultResource: TerraformResource;
  /** Escape hatch: `terraform_data` that holds the image ID and deletes the image on destroy. */
  public readonly imageResource: TerraformResource;
  /** Escape hatch: `terraform_data` that applies name, description and tags in place. */
  public readonly attributesResource: TerraformResource;

  /**
   * Marks this copy as moving to the `ImsImageCopy` that called `addMoveTarget(moveTarget)`, as
   * cdktf's `TerraformResource.moveTo` does for one resource: the four resources are moved in
   * state (Terraform `moved` blocks), so the image is kept, not copied again or deleted. Keep this
   * construct declared until the move is applied, then remove it.
   */
  public moveTo(moveTarget: string): void {
    for (const [part, resource] of this.parts()) resource.moveTo(`${moveTarget}/${part}`);
  }

  /** Names this copy as the target `moveTarget` of another copy's `moveTo` (see `moveTo`). */
  public addMoveTarget(moveTarget: string): void {
    for (const [part, resource] of this.parts()) resource.addMoveTarget(`${moveTarget}/${part}`);
  }

  private parts(): [string, TerraformResource][] {
    return [
      ["copy", this.copyResource],
      ["result", this.resultResource],
      ["image", this.imageResource],
      ["attributes", this.attributesResource],
    ];
  }

  constructor(scope: Construct, id: string, props: ImsImageCopyProps) {
    super(scope, id);
    Object.defineProperty(this, IMS_IMAGE_COPY_SYMBOL, { value: true });
    validateProps(this.node.path, props);

    const runtimePath = runtimeAssetOf(this).path;
    const constructPath = this.node.path;
    const target = { region: props.region, project_id: props.projectId, endpoint: props.endpoint };

    this.markerValue = markerAttributeValue([
      constructPath,
      props.sourceImageId,
      props.kmsKeyId,
      props.enterpriseProjectId,
      props.region,
      props.projectId,
    ]);

    // Every value the runtime needs travels in one JSON variable per step (IMS_COPY_SPEC, see
    // specText): a few attributes per resource instead of one per setting keeps the synthesized
    // JSON small, and synthesis time grows with the number of JSON nodes (BENCHMARKS.md).
    // References between the four resources are written as Terraform text around one light token
    // per resource (its address, `addressOf`), rendered at synthesis so that `overrideLogicalId`
    // keeps working; cdktf's reference tokens would capture a stack trace each and fix the logical
    // ID when they are made.
    this.copyResource = new TerraformData(this, "copy", {
      // What makes a different copy. The marker hashes most of them (and the construct path).
      triggersReplace: specText({
        source_image_id: props.sourceImageId,
        kms_key_id: props.kmsKeyId,
        unencrypted: props.unencrypted ? "true" : undefined,
        adopt_image_id: props.adoptImageId,
        enterprise_project_id: props.enterpriseProjectId,
        region: props.region,
        project_id: props.projectId,
      }),
      // The marker, computed once by Terraform and read by the other steps from `output`.
      input: this.markerValue,
      provisioners: [
        runtimeStep(runtimePath, Subcommand.CREATE, {
          [RuntimeEnv.SPEC]: specText({
            source_image_id: props.sourceImageId,
            name: props.name,
            description: props.description,
            kms_key_id: props.kmsKeyId,
            unencrypted: props.unencrypted ? "true" : undefined,
            adopt_image_id: props.adoptImageId,
            enterprise_project_id: props.enterpriseProjectId,
            tags: tagsToJson(props.tags ?? {}),
            ...target,
            marker: terraformText("${self.output}"),
            construct_path: constructPath,
            ...owner(terraformText("${self.id}")),
            create_timeout_minutes: props.createTimeoutMinutes ?? DEFAULT_CREATE_TIMEOUT_MINUTES,
            // `${self.id}` is Terraform's, not a JavaScript template: the copy resource's own ID.
            result_file: terraformText(`${RESULTS_DIR}/\${self.id}.json`),
          }),
        }),
      ],
    });
    const copyAddress = addressOf(this.copyResource);
    const marker = terraformText(`\${${copyAddress}.output}`);
    const copyOwner = owner(terraformText(`\${${copyAddress}.id}`), copyAddress);

    // `${...}` inside a quoted string of the expression: a nested template, the copy's own ID.
    const resultFile = `"${RESULTS_DIR}/\${${copyAddress}.id}.json"`;
    this.resultResource = new TerraformData(this, "result", {
      triggersReplace: `\${${copyAddress}.id}`,
      input: `\${fileexists(${resultFile}) ? lookup(jsondecode(file(${resultFile})), "image_id", "") : ""}`,
      lifecycle: {
        ignoreChanges: ["input"],
        // Only at creation can the captured ID be empty (the create step exited 0 without writing its
        // result file): fail loudly rather than keep "" forever, and say how to recover.
        postcondition: [
          {
            condition: '${self.output != ""}',
            errorMessage: attributeLiteral(resultMissingMessage(constructPath, copyAddress)),
          },
        ],
      },
    });
    const capturedImageId = `\${${addressOf(this.resultResource)}.output}`;

    this.imageResource = new TerraformData(this, "image", {
      triggersReplace: capturedImageId,
      input: {
        image_id: capturedImageId,
        // What the delete step needs, stored here: a destroy-time provisioner may read only `self`.
        delete: specText({
          image_id: terraformText(capturedImageId),
          removal_policy: props.removalPolicy ?? RemovalPolicy.DESTROY,
          ...target,
          delete_timeout_minutes: props.deleteTimeoutMinutes ?? DEFAULT_DELETE_TIMEOUT_MINUTES,
          construct_path: constructPath,
          marker,
          ...copyOwner,
        }),
      },
      provisioners: [
        runtimeStep(
          runtimePath,
          Subcommand.DELETE,
          { [RuntimeEnv.SPEC]: "${self.output.delete}" },
          "destroy",
        ),
      ],
    });
    // `input`, not `output`: an in-place update of the image resource (removal policy, endpoint,
    // delete timeout) makes its whole `output` unknown until apply, which would plan a replacement
    // of every downstream resource that uses the image ID as a force-new argument. `input.image_id`
    // stays known, and still makes dependents depend on (and be destroyed before) this resource.
    const imageId = terraformText(`\${${addressOf(this.imageResource)}.input.image_id}`);

    this.attributesResource = new TerraformData(this, "attributes", {
      // The update step's whole input: any change (of name, description or tags) runs it again.
      triggersReplace: specText({
        image_id: imageId,
        name: props.name,
        description: props.description,
        tags: tagsToJson(props.tags ?? {}),
        marker,
        ...target,
        construct_path: constructPath,
        ...copyOwner,
      }),
      provisioners: [
        runtimeStep(runtimePath, Subcommand.UPDATE, { [RuntimeEnv.SPEC]: "${self.triggers_replace}" }),
      ],
    });
  }
}

/**
 * Who owns the copy (see lib/runtime/ownership.ts): the workspace, the copy resource's Terraform
 * ID, and its address for recovery hints.
 */
function owner(resourceId: TerraformText, resourceAddress?: string): Record<string, SpecValue> {
  return {
    workspace: terraformText("${terraform.workspace}"),
    resource_id: resourceId,
    // The address token renders as plain text (`terraform_data.<logical ID>`), JSON-safe.
    ...(resourceAddress !== undefined ? { resource_address: terraformText(resourceAddress) } : {}),
  };
}

/** `terraform_data.<logical ID>` (a token rendered at synthesis), the address a cdktf reference to the resource renders in its stack. */
function addressOf(resource: TerraformResource): string {
  return resourceAddress(resource);
}

/**
 * The marker, `substr(sha256(join("\n", inputs)), 0, 40)` evaluated by Terraform (unset inputs
 * are ""), as an attribute value. Literal inputs: `${...}` text (no `Fn` intrinsics to build and
 * resolve). When an input is a token (such as an image ID from another copy), the same expression
 * as an `expressionToken`, in which the token renders as a bare reference (`stringExpression`).
 */
function markerAttributeValue(inputs: readonly (string | undefined)[]): string {
  const values = inputs.map((value) => value ?? "");
  if (values.some((value) => Token.isUnresolved(value))) {
    return expressionToken(
      `substr(sha256(join("\\n", [${values.map(stringExpression).join(", ")}])), 0, 40)`,
    );
  }
  return `\${substr(sha256(join("\\n", [${values.map(expressionStringLiteral).join(", ")}])), 0, 40)}`;
}

/**
 * A piece of Terraform template text (such as `${self.id}`) whose value is JSON-safe (IDs and hex
 * digests): `specText` writes it inside a JSON string as it is.
 */
interface TerraformText {
  readonly text: string;
}

function terraformText(text: string): TerraformText {
  return { text };
}

type SpecValue = string | number | TerraformText | undefined;

/**
 * The runtime's input as a JSON object in ONE attribute value (the runtime reads it from
 * IMS_COPY_SPEC, see `expandSpec` in lib/runtime/steps/env.ts). Unset and empty values are left
 * out (the runtime reads both as "not set"). Literal values are JSON-encoded here, with `${` and
 * `%{` escaped so that Terraform leaves them alone; a value holding a cdktf token is encoded by
 * Terraform's `jsonencode` at apply time, whatever characters it turns out to have (the literal
 * text around the token as expression strings, see `stringExpression`).
 */
function specText(values: Readonly<Record<string, SpecValue>>): string {
  const members: string[] = [];
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined || value === "") continue;
    members.push(`"${key}":${specMember(value)}`);
  }
  return `{${members.join(",")}}`;
}

function specMember(value: Exclude<SpecValue, undefined>): string {
  if (typeof value === "object") return `"${value.text}"`;
  if (typeof value === "number")
    return Token.isUnresolved(value) ? Token.asString(Fn.jsonencode(value)) : String(value);
  if (Token.isUnresolved(value)) return expressionToken(`jsonencode(${stringExpression(value)})`);
  return attributeLiteral(JSON.stringify(value));
}

/** A local-exec provisioner that runs one step of the bundled runtime. No user value is ever part of the command. */
function runtimeStep(
  runtimePath: string,
  subcommand: Subcommand,
  environment: Record<string, string>,
  when?: "destroy",
): LocalExecProvisioner {
  return {
    type: "local-exec",
    command: `node ${JSON.stringify(runtimePath)} ${subcommand}`,
    environment,
    ...(when ? { when } : {}),
  };
}

/** The tags as a JSON object string: `jsonencode` when a token is involved, else sorted-key JSON. */
function tagsToJson(tags: { readonly [key: string]: string }): string {
  const hasToken =
    Token.isUnresolved(tags) ||
    Object.entries(tags).some(([key, value]) => Token.isUnresolved(key) || Token.isUnresolved(value));
  if (hasToken) {
    if (Token.isUnresolved(tags)) return Token.asString(Fn.jsonencode(tags));
    const literalSafe = Object.fromEntries(
      Object.entries(tags).map(([key, value]) => [
        functionArgumentLiteral(key),
        functionArgumentLiteral(value),
      ]),
    );
    return Token.asString(Fn.jsonencode(literalSafe));
  }
  const sorted: Record<string, string> = {};
  for (const key of Object.keys(tags).sort()) sorted[key] = tags[key];
  return JSON.stringify(sorted);
}

/** Refuses literal values that break the shared rules; unresolved tokens are left to the runtime. */
function validateProps(path: string, props: ImsImageCopyProps): void {
  if (typeof props !== "object" || props === null) throw propsMissing(path, props);
  const check = <T>(
    prop: keyof ImsImageCopyProps,
    value: T | undefined,
    rule: (v: T) => string | undefined,
    required = false,
  ): void => {
    if (value === undefined && !required) return;
    if (Token.isUnresolved(value)) return;
    const problem = rule(value as T);
    if (problem !== undefined) throw invalidProp(path, prop, value, problem);
  };
  check("sourceImageId", props.sourceImageId, checkImageId, true);
  check("name", props.name, checkName, true);
  check("description", props.description, checkDescription);
  check("kmsKeyId", props.kmsKeyId, checkKmsKeyId);
  check("adoptImageId", props.adoptImageId, checkImageId);
  if (props.unencrypted !== undefined && typeof props.unencrypted !== "boolean")
    throw invalidProp(path, "unencrypted", props.unencrypted, "it must be true or false");
  const keyConflict = checkUnencryptedWithKey(
    props.unencrypted === true,
    props.kmsKeyId !== undefined ? '"kmsKeyId"' : undefined,
  );
  if (keyConflict) throw invalidProp(path, "unencrypted", true, keyConflict);
  check("enterpriseProjectId", props.enterpriseProjectId, checkEnterpriseProjectId);
  check("region", props.region, checkRegion);
  check("projectId", props.projectId, checkProjectId);
  check("endpoint", props.endpoint, checkEndpoint);
  check("createTimeoutMinutes", props.createTimeoutMinutes, checkTimeoutMinutes);
  check("deleteTimeoutMinutes", props.deleteTimeoutMinutes, checkTimeoutMinutes);
  check("removalPolicy", props.removalPolicy, checkRemovalPolicy);
  validateTags(path, props.tags);
}

function validateTags(path: string, tags: ImsImageCopyProps["tags"]): void {
  if (tags === undefined || Token.isUnresolved(tags)) return;
  const fail = (problem: string | undefined): void => {
    if (problem !== undefined) throw invalidProp(path, "tags", tags, problem);
  };
  fail(checkTagsObject(tags));
  const entries = Object.entries(tags);
  fail(checkTagCount(entries.length));
  for (const [key, value] of entries) {
    if (!Token.isUnresolved(key)) fail(checkUserTagKey(key));
    if (!Token.isUnresolved(value)) fail(checkUserTagValue(key, value));
  }
}
