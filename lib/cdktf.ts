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
