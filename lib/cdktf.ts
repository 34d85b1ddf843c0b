/**
 * The only module that imports `cdktf`. A CDK Terrain (`cdktn`) build of this library changes
 * the module name on the import below and nothing else.
 */
import { Token, type IResolvable, type IResolveContext } from "cdktf";

export { AssetType, DataResource, Fn, TerraformAsset, TerraformStack, Token } from "cdktf";

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
  return mapLiteralParts(value, (literal) => literal.replace(/\$\{/g, () => "$${").replace(/%\{/g, () => "%%{"));
}

/**
 * A user's string as an argument of a cdktf `Fn` call, byte for byte: cdktf already escapes `${`
 * in function arguments but not the `%{` of template directives.
 */
export function functionArgumentLiteral(value: string): string {
  if (!value.includes("%{")) return value;
  return mapLiteralParts(value, (literal) => literal.replace(/%\{/g, () => "%%{"));
}

const EXPRESSION_ESCAPES: Readonly<Record<string, string>> = { "\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "${": "$${", "%{": "%%{" };

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
