/**
 * A reusable organisation construct on top of ImsImageCopy: every image copy in the organisation
 * is encrypted and carries the mandatory tags. Breaking a rule fails `cdktf synth` with a message
 * that names the construct and the rule, before anything is deployed.
 */
import { Construct } from "constructs";
import { Token } from "cdktf";
import { ImsImageCopy, type ImsImageCopyProps } from "cdktf-ims-image-copy";

/** Tags every image in the organisation must carry. */
export const MANDATORY_TAGS = ["owner", "cost-center"] as const;

export interface GoldenImageCopyProps extends Omit<ImsImageCopyProps, "kmsKeyId" | "tags"> {
  /** KMS key that encrypts the copy: mandatory in this organisation. */
  readonly kmsKeyId: string;
  /** Tags of the image; must include every key of MANDATORY_TAGS with a non-empty value. */
  readonly tags: { readonly [key: string]: string };
}

export class OrgPolicyError extends Error {
  constructor(path: string, rule: string) {
    super(`GoldenImageCopy "${path}": ${rule}`);
    this.name = "OrgPolicyError";
  }
}

export class GoldenImageCopy extends Construct {
  public readonly copy: ImsImageCopy;
  public readonly imageId: string;

  constructor(scope: Construct, id: string, props: GoldenImageCopyProps) {
    super(scope, id);
    if (
      !Token.isUnresolved(props.kmsKeyId) &&
      (typeof props.kmsKeyId !== "string" || props.kmsKeyId === "")
    ) {
      throw new OrgPolicyError(
        this.node.path,
        "images must be encrypted: set kmsKeyId to the team's KMS key ID.",
      );
    }
    if (!Token.isUnresolved(props.tags)) {
      const tags = props.tags ?? {};
      const missing = MANDATORY_TAGS.filter(
        (key) => !(key in tags) || (!Token.isUnresolved(tags[key]) && tags[key] === ""),
      );
      if (missing.length > 0) {
        throw new OrgPolicyError(
          this.node.path,
          missing.length === 1
            ? `the tag "${missing[0]}" is mandatory and must not be empty: add it to tags.`
            : `the tags ${missing.map((k) => `"${k}"`).join(" and ")} are mandatory and must not be empty: add them to tags.`,
        );
      }
    }
    this.copy = new ImsImageCopy(this, "copy", { ...props, tags: { ...props.tags, "managed-by": "cdktf" } });
    this.imageId = this.copy.imageId;
  }
}
