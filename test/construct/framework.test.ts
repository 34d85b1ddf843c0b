/**
 * Which framework the construct tests run on: cdktf under the default jest config, cdktn under
 * jest.cdktn.config.js (which maps every `cdktf` import to `cdktn` and sets IMS_FRAMEWORK). Without
 * this check a broken mapping would run the cdktn job on cdktf and pass.
 */
import { App, TerraformResource } from "cdktf";
import { ImsImageCopy } from "cdktf-ims-image-copy";
import { testStack } from "./helpers";

const expected = (globalThis as { IMS_FRAMEWORK?: string }).IMS_FRAMEWORK ?? "cdktf";
const RTTI = Symbol.for("jsii.rtti");

/** The jsii type name a framework class carries (`cdktf.App`, `cdktn.App`). */
function fqnOf(type: object): string {
  return (type as Record<symbol, { fqn: string }>)[RTTI].fqn;
}

test(`the tests and the library use ${expected}`, () => {
  expect(fqnOf(App)).toBe(`${expected}.App`);
  const copy = new ImsImageCopy(testStack(), "c", {
    sourceImageId: "6f0a2b34-1c5d-4e7f-8a9b-0c1d2e3f4a5b",
    name: "n",
  });
  expect(copy.copyResource).toBeInstanceOf(TerraformResource);
  expect(fqnOf(TerraformResource)).toBe(`${expected}.TerraformResource`);
});
