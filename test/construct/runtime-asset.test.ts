import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { TerraformAsset, TerraformStack, Testing } from "cdktf";
import { Construct } from "constructs";
import { ImsImageCopy, ImsImageCopyConfigError } from "cdktf-ims-image-copy";
import { SeedImage } from "../../lib/emulator/defaults";
import {
  RUNTIME_ASSET_ID,
  RUNTIME_BUNDLE_CONTEXT_KEY,
  defaultRuntimeBundleFile,
  terraformVersionProblems,
} from "../../lib/runtime-asset";
import { FIXTURE_BUNDLE, localExec, resourcesOf, synthesize, testApp, testStack } from "./helpers";

const PROPS = { sourceImageId: SeedImage.ACTIVE_PRIVATE, name: "copy" };
const ROOT = path.resolve(__dirname, "..", "..");

/** The runtime path of a provisioner's command, `node "<path>" <subcommand>`. */
function runtimeOf(resource: unknown): string {
  const command = localExec(resource).command as string;
  const found = /^node "([^"]+)" (create|update|delete)$/.exec(command);
  if (found === null) throw new Error(`not a runtime command: ${command}`);
  return found[1];
}

function runtimePaths(json: unknown, copies: ImsImageCopy[]): string[] {
  return copies.flatMap((copy) => {
    const r = resourcesOf(json, copy);
    return [r.copy, r.image, r.attributes].map(runtimeOf);
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
    const copies = [
      new ImsImageCopy(group, "a", PROPS),
      new ImsImageCopy(new Construct(group, "deeper"), "b", PROPS),
      new ImsImageCopy(stack, "c", PROPS),
    ];
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
        expect(fs.readFileSync(path.join(assetDir, hashes[0], "runtime-bundle.js"), "utf8")).toBe(
          fs.readFileSync(FIXTURE_BUNDLE, "utf8"),
        );
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
    if (!fs.existsSync(defaultRuntimeBundleFile()))
      execFileSync(process.execPath, [path.join(ROOT, "scripts", "bundle.mjs")], {
        cwd: ROOT,
        stdio: "pipe",
      });
    const stack = new TerraformStack(Testing.app(), "stack");
    const copy = new ImsImageCopy(stack, "copy", PROPS);
    const runtime = runtimeOf(resourcesOf(synthesize(stack), copy).copy);
    expect(runtime).toMatch(/^assets\/ImsImageCopyRuntime\/[0-9A-F]{32}\/ims-image-copy-runtime\.js$/);
  });

  test("a missing bundle is a clear error telling the developer to run npm run build", () => {
    const missing = path.join(os.tmpdir(), "no-such-dir", "ims-image-copy-runtime.js");
    const stack = new TerraformStack(
      Testing.app({ context: { [RUNTIME_BUNDLE_CONTEXT_KEY]: missing } }),
      "stack",
    );
    expect(() => new ImsImageCopy(stack, "copy", PROPS)).toThrow(
      new ImsImageCopyConfigError(
        `ImsImageCopy "stack/copy": there is no apply-time runtime bundle file at "${missing}". ` +
          'Run "npm run build" in the cdktf-ims-image-copy package to create it (scripts/bundle.mjs), or reinstall the package.',
      ),
    );
  });

  test("a directory in place of the bundle file is refused the same way", () => {
    const stack = new TerraformStack(
      Testing.app({ context: { [RUNTIME_BUNDLE_CONTEXT_KEY]: __dirname } }),
      "stack",
    );
    expect(() => new ImsImageCopy(stack, "copy", PROPS)).toThrow(
      `there is no apply-time runtime bundle file at "${__dirname}".`,
    );
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

describe("the Terraform version check (once per stack, not once per terraform_data)", () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "ims-tf-version-"));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** An executable that prints `output` like `terraform version`. */
  function fakeTerraform(name: string, output: string): string {
    const file = path.join(dir, name);
    fs.writeFileSync(file, `#!/bin/sh\necho '${output}'\n`, { mode: 0o755 });
    return file;
  }

  test("Terraform 1.4 and later pass; older versions are refused with the version found and what to do", () => {
    expect(terraformVersionProblems(fakeTerraform("tf-1.4", "Terraform v1.4.0"))).toEqual([]);
    expect(terraformVersionProblems(fakeTerraform("tf-1.11", "Terraform v1.11.4\non linux_amd64"))).toEqual(
      [],
    );
    const old = fakeTerraform("tf-1.3", "Terraform v1.3.9");
    expect(terraformVersionProblems(old)).toEqual([
      `ImsImageCopy needs Terraform 1.4 or later (for terraform_data); "${old}" is 1.3.9. Upgrade Terraform.`,
    ]);
  });

  test("an unreadable version and a missing binary are reported, not ignored", () => {
    const odd = fakeTerraform("tf-odd", "no version here");
    expect(terraformVersionProblems(odd)).toEqual([
      `ImsImageCopy needs Terraform 1.4 or later (for terraform_data), but the version could not be read from "${odd} version": "no version here\\n".`,
    ]);
    const chatty = fakeTerraform("tf-chatty", "x".repeat(300));
    expect(terraformVersionProblems(chatty)).toEqual([
      `ImsImageCopy needs Terraform 1.4 or later (for terraform_data), but the version could not be read from "${chatty} version": "${"x".repeat(120)}"... (301 characters).`,
    ]);
    const missing = path.join(dir, "no-such-terraform");
    const [problem] = terraformVersionProblems(missing);
    expect(problem).toMatch(
      new RegExp(
        `^ImsImageCopy needs Terraform 1\\.4 or later \\(for terraform_data\\), but "${missing.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} version" failed: .*ENOENT.*\\. Install Terraform, or set TERRAFORM_BINARY_NAME to its path\\.$`,
      ),
    );
  });

  test("a stack of copies registers the check once, on its runtime asset, and app validation reports it", () => {
    const stack = testStack();
    for (const id of ["a", "b", "c"]) new ImsImageCopy(stack, id, PROPS);
    const previous = process.env.TERRAFORM_BINARY_NAME;
    process.env.TERRAFORM_BINARY_NAME = fakeTerraform("tf-1.2", "Terraform v1.2.0");
    try {
      const complaints = stack.node.findAll().map((c) => ({ id: c.node.id, problems: c.node.validate() }));
      expect(complaints.filter((c) => c.problems.length > 0)).toEqual([
        { id: RUNTIME_ASSET_ID, problems: [expect.stringContaining("is 1.2.0. Upgrade Terraform.")] },
      ]);
    } finally {
      if (previous === undefined) delete process.env.TERRAFORM_BINARY_NAME;
      else process.env.TERRAFORM_BINARY_NAME = previous;
    }
  });
});
