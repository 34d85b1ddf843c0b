import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { TerraformAsset, TerraformStack, Testing } from "cdktf";
import { Construct } from "constructs";
import { ImsImageCopy, ImsImageCopyConfigError } from "cdktf-ims-image-copy";
import { SeedImage } from "../../lib/emulator/defaults";
import { RUNTIME_ASSET_ID, RUNTIME_BUNDLE_CONTEXT_KEY, defaultRuntimeBundleFile } from "../../lib/runtime-asset";
import { FIXTURE_BUNDLE, localExec, resourcesOf, synthesize, testApp, testStack } from "./helpers";

const PROPS = { sourceImageId: SeedImage.ACTIVE_PRIVATE, name: "copy" };
const ROOT = path.resolve(__dirname, "..", "..");

function runtimePaths(json: unknown, copies: ImsImageCopy[]): string[] {
  return copies.flatMap((copy) => {
    const r = resourcesOf(json, copy);
    return [r.copy, r.image, r.attributes].map((resource) => localExec(resource).environment.IMS_COPY_RUNTIME as string);
  });
}

function assetsOf(stack: TerraformStack): TerraformAsset[] {
  return stack.node.findAll().filter((c): c is TerraformAsset => c instanceof TerraformAsset);
}

describe("the runtime asset", () => {
  test("a stack with three copies ships ONE asset, referenced by every provisioner", () => {
    const stack = testStack();
    const copies = ["a", "b", "c"].map((id) => new ImsImageCopy(stack, id, PROPS));
    expect(assetsOf(stack)).toHaveLength(1);
    expect(assetsOf(stack)[0].node.scope).toBe(stack);
    expect(assetsOf(stack)[0].node.id).toBe(RUNTIME_ASSET_ID);
    const paths = new Set(runtimePaths(synthesize(stack), copies));
    expect([...paths]).toEqual([assetsOf(stack)[0].path]);
    expect([...paths][0]).toMatch(/^assets\/ImsImageCopyRuntime\/[0-9A-F]{32}\/runtime-bundle\.js$/);
  });

  test("copies nested in other constructs share the stack's asset", () => {
    const stack = testStack();
    const group = new Construct(stack, "group");
    const copies = [new ImsImageCopy(group, "a", PROPS), new ImsImageCopy(new Construct(group, "deeper"), "b", PROPS), new ImsImageCopy(stack, "c", PROPS)];
    expect(assetsOf(stack)).toHaveLength(1);
    expect(new Set(runtimePaths(synthesize(stack), copies)).size).toBe(1);
  });

  test("each stack of an app gets its own asset, and the synthesized stack directory holds exactly one copy of the bundle", () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "ims-asset-"));
    try {
      const app = testApp({ outdir });
      const one = new TerraformStack(app, "one");
      const two = new TerraformStack(app, "two");
      new ImsImageCopy(one, "a", PROPS);
      new ImsImageCopy(one, "b", PROPS);
      new ImsImageCopy(two, "a", PROPS);
      app.synth();
      for (const stack of ["one", "two"]) {
        const assetDir = path.join(outdir, "stacks", stack, "assets", RUNTIME_ASSET_ID);
        const hashes = fs.readdirSync(assetDir);
        expect(hashes).toHaveLength(1);
        expect(fs.readdirSync(path.join(assetDir, hashes[0]))).toEqual(["runtime-bundle.js"]);
        expect(fs.readFileSync(path.join(assetDir, hashes[0], "runtime-bundle.js"), "utf8")).toBe(fs.readFileSync(FIXTURE_BUNDLE, "utf8"));
      }
      expect(assetsOf(one)).toHaveLength(1);
      expect(assetsOf(two)).toHaveLength(1);
    } finally {
      fs.rmSync(outdir, { recursive: true, force: true });
    }
  });

  test("by default the bundle is <package root>/bundle/ims-image-copy-runtime.js", () => {
    expect(defaultRuntimeBundleFile()).toBe(path.join(ROOT, "bundle", "ims-image-copy-runtime.js"));
  });

  test("without the context key the construct ships the built bundle (built here if missing)", () => {
    if (!fs.existsSync(defaultRuntimeBundleFile())) execFileSync(process.execPath, [path.join(ROOT, "scripts", "bundle.mjs")], { cwd: ROOT, stdio: "pipe" });
    const stack = new TerraformStack(Testing.app(), "stack");
    const copy = new ImsImageCopy(stack, "copy", PROPS);
    const runtime = localExec(resourcesOf(synthesize(stack), copy).copy).environment.IMS_COPY_RUNTIME as string;
    expect(runtime).toMatch(/^assets\/ImsImageCopyRuntime\/[0-9A-F]{32}\/ims-image-copy-runtime\.js$/);
  });

  test("a missing bundle is a clear error telling the developer to run npm run build", () => {
    const missing = path.join(os.tmpdir(), "no-such-dir", "ims-image-copy-runtime.js");
    const stack = new TerraformStack(Testing.app({ context: { [RUNTIME_BUNDLE_CONTEXT_KEY]: missing } }), "stack");
    expect(() => new ImsImageCopy(stack, "copy", PROPS)).toThrow(
      new ImsImageCopyConfigError(
        `ImsImageCopy "stack/copy": there is no apply-time runtime bundle file at "${missing}". ` +
          'Run "npm run build" in the cdktf-ims-image-copy package to create it (scripts/bundle.mjs), or reinstall the package.',
      ),
    );
  });

  test("a directory in place of the bundle file is refused the same way", () => {
    const stack = new TerraformStack(Testing.app({ context: { [RUNTIME_BUNDLE_CONTEXT_KEY]: __dirname } }), "stack");
    expect(() => new ImsImageCopy(stack, "copy", PROPS)).toThrow(`there is no apply-time runtime bundle file at "${__dirname}".`);
  });

  test("a context value that is not a path is refused", () => {
    const stack = new TerraformStack(Testing.app({ context: { [RUNTIME_BUNDLE_CONTEXT_KEY]: 42 } }), "stack");
    expect(() => new ImsImageCopy(stack, "copy", PROPS)).toThrow(
      new ImsImageCopyConfigError(
        'ImsImageCopy "stack/copy": context "cdktf-ims-image-copy:runtimeBundleFile" 42 is invalid: it must be the path of the runtime bundle file (a non-empty string). ' +
          "Remove it to use the bundle shipped with the package.",
      ),
    );
  });
});
