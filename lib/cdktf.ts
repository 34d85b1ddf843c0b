/**
 * The only module that imports `cdktf`. A CDK Terrain (`cdktn`) build of this library changes
 * the module name on the import below and nothing else.
 */
import { Fn } from "cdktf";

export { AssetType, DataResource, Fn, TerraformAsset, TerraformStack, Token } from "cdktf";

/**
 * Terraform `lookup(map, key, default)`. `Fn.lookup` of cdktf 0.21 drops a falsy default (such as
 * `""`) and renders `map.key` instead, which fails when the key is absent; `Fn._lookup` (public in
 * the generated typings) always renders the three-argument call.
 */
export function lookupWithDefault(map: unknown, key: string, defaultValue: unknown): unknown {
  return Fn._lookup(map, key, [defaultValue]);
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
  return mapLiteralParts(value, (literal) => literal.replace(/\$\{/g, () => "$${").replace(/%\{/g, () => "%%{"));
}

/**
 * A user's string as an argument of a cdktf `Fn` call, byte for byte: cdktf already escapes `${`
 * in function arguments but not the `%{` of template directives.
 */
export function functionArgumentLiteral(value: string): string {
  return mapLiteralParts(value, (literal) => literal.replace(/%\{/g, () => "%%{"));
}
