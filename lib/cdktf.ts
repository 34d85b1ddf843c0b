/**
 * The only module that imports `cdktf`. A CDK Terrain (`cdktn`) build of this library changes
 * the module name on the import below and nothing else.
 */
import {
  TerraformResource,
  Token,
  anyToHclTerraform,
  hashMapperHcl,
  type IResolvable,
  type IResolveContext,
  type LocalExecProvisioner,
  type TerraformProvider,
  type TerraformResourceLifecycle,
} from "cdktf";
import type { Construct } from "constructs";
import { logicalIdAlreadyUsed } from "./errors";

export { AssetType, Fn, TerraformAsset, TerraformResource, TerraformStack, Token } from "cdktf";
export type { LocalExecProvisioner } from "cdktf";

export interface TerraformDataConfig {
  /** `input`: any value; `output` reflects it after apply. */
  readonly input?: unknown;
  /** `triggers_replace`: any value; a change replaces the resource. */
  readonly triggersReplace?: unknown;
  readonly lifecycle?: TerraformResourceLifecycle;
  readonly provisioners?: LocalExecProvisioner[];
}

const FAST_LIFECYCLE_KEYS = new Set(["ignoreChanges", "postcondition"]);
const FAST_PROVISIONER_KEYS = new Set(["type", "command", "environment", "when"]);

/**
 * Terraform's built-in `terraform_data` resource, as cdktf's `DataResource` synthesizes it, made
 * for stacks of thousands: cdktf's class builds a token for `output` in its constructor (capturing
 * a stack trace, about a fifth of its synthesis cost) and types `input` and `triggers_replace` as
 * maps; this one makes attribute tokens only when they are asked for and takes any value.
 *
 * Its escape hatches are cdktf's own (`overrideLogicalId`, `addOverride`, `dependsOn`,
 * `lifecycle`, `moveTo`, `importFrom`, ...), extended only through cdktf's public and protected
 * members, so that the same code runs on cdktn.
 */
export class TerraformData extends TerraformResource {
  public static readonly tfResourceType = "terraform_data";
  private readonly input?: unknown;
  private readonly triggersReplace?: unknown;
  /** Set by `importFrom`: the resource then takes cdktf's generic synthesis, which writes the import block. */
  private imported = false;
  /** Set when the logical ID was first read: from then on it is fixed (references and moves were written with it). */
  private logicalIdUsed = false;

  constructor(scope: Construct, id: string, config: TerraformDataConfig) {
    super(scope, id, {
      terraformResourceType: TerraformData.tfResourceType,
      terraformGeneratorMetadata: { providerName: "terraform" },
      lifecycle: config.lifecycle,
      provisioners: config.provisioners,
    });
    this.input = config.input;
    this.triggersReplace = config.triggersReplace;
  }

  /** The logical ID (the key in the synthesized JSON); fixed once read. */
  public get friendlyUniqueId(): string {
    this.logicalIdUsed = true;
    return super.friendlyUniqueId;
  }

  /**
   * cdktf's `overrideLogicalId`, refused when the logical ID is already fixed: cdktf itself would
   * ignore the override silently once a reference (such as `ImsImageCopy.imageId`) or a move was
   * made with the old ID.
   */
  public overrideLogicalId(newLogicalId: string): void {
    this.checkLogicalIdUnused(`overrideLogicalId(${JSON.stringify(newLogicalId)})`);
    super.overrideLogicalId(newLogicalId);
  }

  /** cdktf's `resetOverrideLogicalId`, refused (as `overrideLogicalId`) once the logical ID is fixed. */
  public resetOverrideLogicalId(): void {
    this.checkLogicalIdUnused("resetOverrideLogicalId()");
    super.resetOverrideLogicalId();
  }

  public importFrom(id: string, provider?: TerraformProvider): void {
    this.imported = true;
    super.importFrom(id, provider);
  }

  private checkLogicalIdUnused(call: string): void {
    if (this.logicalIdUsed) throw logicalIdAlreadyUsed(this.node.path, call, super.friendlyUniqueId);
  }

  /** The resource's `id` (a token). */
  public get id(): string {
    return this.getStringAttribute("id");
  }

  protected synthesizeAttributes(): { [name: string]: unknown } {
    return { input: this.input, triggers_replace: this.triggersReplace };
  }

  /**
   * The JSON of cdktf's `TerraformResource.toTerraform` (but for the "//" comment), built directly
   * for what this library uses (input, triggers_replace, lifecycle conditions and ignore_changes,
   * local-exec provisioners); cdktf's generic path (snake-casing every key, merging) runs for
   * anything else, such as an escape-hatch override or `count`. A test compares both.
   */
  public toTerraform(): { [key: string]: unknown } {
    const attributes = this.fastAttributes();
    if (attributes === undefined) {
      const generic = super.toTerraform() as {
        resource?: Record<string, Record<string, Record<string, unknown>>>;
      };
      const own = generic.resource?.[this.terraformResourceType]?.[this.friendlyUniqueId];
      if (own !== undefined) own["//"] = this.node.path;
      return generic;
    }
    // A JSON comment with the construct path: one node where cdktf writes a metadata object of
    // four (path, and the logical ID that is already the key), and synthesis time grows with the
    // number of JSON nodes. Terraform ignores "//" either way.
    attributes["//"] = this.node.path;
    return { resource: { [this.terraformResourceType]: { [this.friendlyUniqueId]: attributes } } };
  }

  private fastAttributes(): { [key: string]: unknown } | undefined {
    const { lifecycle, provisioners } = this;
    const special =
      Object.keys(this.rawOverrides).length > 0 ||
      this.dependsOn !== undefined ||
      this.count !== undefined ||
      this.forEach !== undefined ||
      this.provider !== undefined ||
      this.connection !== undefined ||
      this.hasResourceMove() ||
      this.imported ||
      (lifecycle !== undefined && Object.keys(lifecycle).some((key) => !FAST_LIFECYCLE_KEYS.has(key))) ||
      (provisioners !== undefined &&
        provisioners.some(
          (p) => p.type !== "local-exec" || Object.keys(p).some((key) => !FAST_PROVISIONER_KEYS.has(key)),
        ));
    if (special) return undefined;
    const attributes: { [key: string]: unknown } = {};
    if (this.input !== undefined) attributes.input = renderAddresses(this.input);
    if (lifecycle !== undefined) {
      attributes.lifecycle = {
        ...(lifecycle.ignoreChanges !== undefined ? { ignore_changes: lifecycle.ignoreChanges } : {}),
        ...(lifecycle.postcondition !== undefined
          ? {
              postcondition: lifecycle.postcondition.map(({ condition, errorMessage }) => ({
                condition: renderAddresses(condition),
                error_message: renderAddresses(errorMessage),
              })),
            }
          : {}),
      };
    }
    if (provisioners !== undefined)
      attributes.provisioner = provisioners.map(({ type, ...props }) => ({ [type]: renderAddresses(props) }));
    if (this.triggersReplace !== undefined)
      attributes.triggers_replace = renderAddresses(this.triggersReplace);
    return attributes;
  }

  protected synthesizeHclAttributes(): { [name: string]: unknown } {
    const hcl = hashMapperHcl(anyToHclTerraform);
    return { input: hcl(this.input), triggers_replace: hcl(this.triggersReplace) };
  }
}

/**
 * The address of a resource in its stack (`terraform_data.<logical ID>`) as a string token that
 * renders the logical ID when the stack is synthesized, so that `overrideLogicalId` called after
 * the resource was referenced is honoured. One token per resource, made on first use; unlike a
 * cdktf reference it captures no stack trace and fixes nothing at creation.
 */
export function resourceAddress(resource: TerraformResource): string {
  let address = ADDRESSES.get(resource);
  if (address === undefined) {
    const token = new ResourceAddress(resource);
    address = Token.asString(token);
    ADDRESSES.set(resource, address);
    ADDRESS_TOKENS.set(address, token);
  }
  return address;
}

const ADDRESSES = new WeakMap<TerraformResource, string>();
/** The address tokens by their string form, for `renderAddresses` (global, like cdktf's own token map). */
const ADDRESS_TOKENS = new Map<string, ResourceAddress>();
const STRING_TOKENS = /\$\{TfToken\[[a-zA-Z0-9:._-]+\]\}/g;

/**
 * `value` with the address tokens in its strings replaced by the addresses, as cdktf would render
 * them, for TerraformData's direct JSON: most of the construct's strings then hold no token, and
 * cdktf resolves a string without one at the cost of one test, instead of splitting it into
 * fragments on each of its synthesis passes. Other tokens, and values that are not plain data,
 * are left to cdktf.
 */
function renderAddresses<T>(value: T): T {
  if (typeof value === "string") {
    if (!value.includes("${TfToken[")) return value;
    return value.replace(STRING_TOKENS, (token) => ADDRESS_TOKENS.get(token)?.resolve() ?? token) as T;
  }
  if (Array.isArray(value)) return value.map(renderAddresses) as T;
  if (typeof value === "object" && value !== null && Object.getPrototypeOf(value) === Object.prototype) {
    const rendered: Record<string, unknown> = {};
    for (const [key, member] of Object.entries(value)) rendered[key] = renderAddresses(member);
    return rendered as T;
  }
  return value;
}

class ResourceAddress implements IResolvable {
  public readonly creationStack: string[] = [];

  constructor(private readonly resource: TerraformResource) {}

  public resolve(): string {
    return `${this.resource.terraformResourceType}.${this.resource.friendlyUniqueId}`;
  }

  public toString(): string {
    return Token.asString(this);
  }
}

/**
 * A string token as cdktf encodes it inside a string (`${TfToken[TOKEN.12]}`); the capture group
 * keeps the tokens when splitting. The same encoding is used by cdktn.
 */
const STRING_TOKEN = /(\$\{TfToken\[[a-zA-Z0-9:._-]+\]\})/;

function mapLiteralParts(value: string, escape: (literal: string) => string): string {
  return value
    .split(STRING_TOKEN)
    .map((part, index) => (index % 2 === 1 ? part : escape(part)))
    .join("");
}

/**
 * A user's string as a Terraform attribute value, byte for byte: Terraform evaluates every JSON
 * string as a template, and cdktf passes literal text through unchanged, so `${...}` and `%{...}`
 * in a description would be evaluated (or fail). Escapes them (`$${`, `%%{`) in the literal parts
 * and leaves cdktf tokens alone.
 */
export function attributeLiteral(value: string): string {
  // Fast path (most values): every cdktf string token holds `${`, so a value without `${` and `%{`
  // has neither a token nor anything to escape.
  if (!value.includes("${") && !value.includes("%{")) return value;
  return mapLiteralParts(value, (literal) =>
    literal.replace(/\$\{/g, () => "$${").replace(/%\{/g, () => "%%{"),
  );
}

/**
 * A user's string as an argument of a cdktf `Fn` call, byte for byte: cdktf already escapes `${`
 * in function arguments but not the `%{` of template directives.
 */
export function functionArgumentLiteral(value: string): string {
  if (!value.includes("%{")) return value;
  return mapLiteralParts(value, (literal) => literal.replace(/%\{/g, () => "%%{"));
}

const EXPRESSION_ESCAPES: Readonly<Record<string, string>> = {
  "\\": "\\\\",
  '"': '\\"',
  "\n": "\\n",
  "\r": "\\r",
  "${": "$${",
  "%{": "%%{",
};

/**
 * A literal string (no cdktf token) as a quoted Terraform string inside a `${...}` expression,
 * evaluating to the value byte for byte: backslash, `"`, newline and carriage return are backslash
 * escaped, `${` and `%{` doubled. Writing expressions as text instead of cdktf `Fn` calls keeps
 * synthesis cheap: every `Fn` call captures a full stack trace and is resolved again wherever
 * its token is used. The rendering equals cdktf's for every value cdktf quotes correctly (cdktf
 * escapes neither backslash nor `"`).
 */
export function expressionStringLiteral(value: string): string {
  return `"${value.replace(/[\\"\n\r]|\$\{|%\{/g, (match) => EXPRESSION_ESCAPES[match])}"`;
}

/**
 * A user's string, which may hold cdktf string tokens, as a Terraform expression (for
 * `expressionToken` text): a literal string, the token itself when the value is one token, else
 * `join("", [...])` of the literal parts (quoted by `expressionStringLiteral`) and the tokens (which
 * render bare inside an expression). Unlike a template string ("...${ref}"), a `$` just before a
 * token stays a `$`: in a template, `$${` would be read as an escaped `${`.
 */
export function stringExpression(value: string): string {
  const parts = value.split(STRING_TOKEN).filter((part, index) => index % 2 === 1 || part !== "");
  const rendered = parts.map((part) => (Token.isUnresolved(part) ? part : expressionStringLiteral(part)));
  if (rendered.length === 0) return '""';
  if (rendered.length === 1) return rendered[0];
  return `join("", [${rendered.join(", ")}])`;
}

/**
 * A string token for a Terraform expression written as text (without `${` `}`). It renders like a
 * cdktf `Fn` intrinsic: `${expression}` in an attribute, the bare expression inside a `Fn` call or
 * another expression (cdktf's `suppressBraces`), so that users can compose it. Unlike an
 * intrinsic, it captures no stack trace.
 */
export function expressionToken(expression: string): string {
  return Token.asString(new ExpressionText(expression));
}

class ExpressionText implements IResolvable {
  public readonly creationStack: string[] = [];

  constructor(private readonly expression: string) {}

  public resolve(context: IResolveContext): string {
    // As cdktf's own expressions do: whatever is nested in this one renders without braces.
    const suppressBraces = context.suppressBraces;
    context.suppressBraces = true;
    return suppressBraces ? this.expression : `\${${this.expression}}`;
  }

  public toString(): string {
    return Token.asString(this);
  }
}
