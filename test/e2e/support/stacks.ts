/**
 * Synthesizes real cdktf apps holding `ImsImageCopy` constructs into a directory, with the
 * runtime bundle built from the current sources.
 */
import { App, DataResource, LocalBackend, TerraformOutput, TerraformStack } from "cdktf";
import type { Construct } from "constructs";
import { ImsImageCopy, type ImsImageCopyProps } from "../../../lib";
import { RUNTIME_BUNDLE_CONTEXT_KEY } from "../../../lib/runtime-asset";

/**
 * Where a stack keeps its state. Without a backend cdktf puts `terraform.<stack>.tfstate` in the
 * synthesizing process's working directory (here: the repository), so every test stack names one:
 * `terraform.tfstate` in the stack directory (relative, so that a copy of the directory is
 * self-contained), or an absolute path when another stack reads it (cross-stack references).
 */
export type StatePath = string;

/** A stack with one copy named `copy` and an output `image_id`. */
export class CopyStack extends TerraformStack {
  readonly copy: ImsImageCopy;
  constructor(
    scope: Construct,
    id: string,
    props: ImsImageCopyProps,
    statePath: StatePath = "terraform.tfstate",
  ) {
    super(scope, id);
    new LocalBackend(this, { path: statePath });
    this.copy = new ImsImageCopy(this, "copy", props);
    new TerraformOutput(this, "image_id", { value: this.copy.imageId, staticId: true });
  }
}

/** A stack that consumes an image ID from another stack (a cross-stack reference). */
export class ConsumerStack extends TerraformStack {
  constructor(scope: Construct, id: string, imageId: string, statePath: StatePath = "terraform.tfstate") {
    super(scope, id);
    new LocalBackend(this, { path: statePath });
    const user = new DataResource(this, "user", { input: { image_id: imageId } });
    new TerraformOutput(this, "consumed_image_id", {
      value: user.getStringAttribute("output.image_id"),
      staticId: true,
    });
  }
}

/** Builds an app into `outdir` with `build`, using the runtime bundle `bundle`, and synthesizes it. */
export function synthApp(outdir: string, bundle: string, build: (app: App) => void): void {
  const app = new App({ outdir, stackTraces: false, context: { [RUNTIME_BUNDLE_CONTEXT_KEY]: bundle } });
  build(app);
  app.synth();
}
