#!/usr/bin/env node
/**
 * `npm run demo` (= `npm run build && node scripts/demo.mjs [--keep]`): copies an image end to end
 * with no cloud account and no network.
 *
 * 1. Starts the embedded IMS emulator (from `dist/emulator/index.js`) on a free loopback port.
 * 2. Synthesizes `examples/basic` (its `main.ts`, run with ts-node; it imports the built library)
 *    into a temporary directory, with the example's settings in the environment.
 * 3. Runs `terraform init` and `terraform apply` in the synthesized stack, with the emulator's
 *    credentials and endpoint in the environment, exactly as a user would against the cloud.
 * 4. Prints the new image ID from `terraform output`, then runs `terraform destroy` and cleans up.
 *
 * `--keep` skips step 4's destroy and keeps the directory; the emulator lives in this process, so
 * its images are gone when the demo exits (a later `terraform destroy` against a fresh emulator
 * finds the image already deleted and succeeds).
 *
 * Exits non-zero, with the failing step named, when anything fails.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);
const EXAMPLE = join(root, "examples", "basic");
const EXAMPLE_MAIN = join(EXAMPLE, "main.ts");
const BUNDLE = join(root, "bundle", "ims-image-copy-runtime.js");
const EMULATOR_MODULE = join(root, "dist", "emulator", "index.js");

class DemoError extends Error {}

const say = (line = "") => process.stdout.write(line + "\n");
const step = (n, text) => say(`\n=== ${n}. ${text}`);

function usage() {
  return "Usage: npm run demo [-- --keep]\n  --keep     keep the synthesized stack and its Terraform state (the emulator's images are gone when the demo exits)\n  --verbose  show Terraform's whole output (plans included)";
}

/** Lines of Terraform's stdout worth showing without --verbose: the runtime's own lines and the milestones. */
const CONCISE =
  /\(local-exec\): \[|: (Creating|Creation complete|Destroying|Destruction complete|Modifying|Modifications complete)|^(Plan|Apply complete|Destroy complete|Terraform has been successfully initialized)|^(Error|Warning)|^Outputs:|^\S+ = /;

/**
 * Runs a command, streaming its output with a prefix (stdout filtered by `filter` when given;
 * stderr always whole); rejects naming the command on failure.
 */
function run(command, args, { cwd, env, capture = false, filter }) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    const relay = (stream, target, keep) => {
      let pending = "";
      stream.setEncoding("utf8").on("data", (chunk) => {
        if (keep === "out") stdout += chunk;
        else stderr += chunk;
        if (capture) return;
        pending += chunk;
        const lines = pending.split("\n");
        pending = lines.pop() ?? "";
        for (const line of lines)
          if (keep === "err" || !filter || filter.test(line)) target.write(`  | ${line}\n`);
      });
      stream.on("end", () => {
        if (!capture && pending !== "") target.write(`  | ${pending}\n`);
      });
    };
    relay(child.stdout, process.stdout, "out");
    relay(child.stderr, process.stderr, "err");
    child.on("error", (err) => reject(new DemoError(`could not run ${command}: ${err.message}`)));
    child.on("close", (code, signal) => {
      if (code === 0) resolve({ stdout, stderr });
      else
        reject(
          new DemoError(
            `"${command} ${args.join(" ")}" failed (${signal ?? `exit code ${code}`})${capture ? `:\n${stderr}${stdout}` : ""}`,
          ),
        );
    });
  });
}

/** Where the stack keeps its state: the local backend's path, else terraform.tfstate in the stack directory. */
function statePathOf(stackDir) {
  const config = JSON.parse(readFileSync(join(stackDir, "cdk.tf.json"), "utf8"));
  const path = config?.terraform?.backend?.local?.path;
  if (typeof path !== "string") return join(stackDir, "terraform.tfstate");
  return path.startsWith("/") ? path : join(stackDir, path);
}

function checkPrerequisites() {
  if (!existsSync(EMULATOR_MODULE) || !existsSync(BUNDLE)) {
    throw new DemoError(
      `the library is not built (${!existsSync(EMULATOR_MODULE) ? EMULATOR_MODULE : BUNDLE} is missing): run "npm run demo", which builds first`,
    );
  }
  if (!existsSync(EXAMPLE_MAIN)) throw new DemoError(`the example ${EXAMPLE_MAIN} does not exist`);
}

async function main() {
  const { values } = parseArgs({
    options: {
      keep: { type: "boolean", default: false },
      verbose: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  const filter = values.verbose ? undefined : CONCISE;
  if (values.help) {
    say(usage());
    return;
  }
  checkPrerequisites();
  const { ImsEmulator, SeedImage, EMULATOR_REGION, EMULATOR_PROJECT_ID, emulatorClientEnv } = require(
    EMULATOR_MODULE,
  );

  step(1, "Starting the IMS emulator (no cloud account, no network)");
  const emulator = new ImsEmulator({ jobSeconds: 6, deleteSeconds: 1 });
  const url = await emulator.start();
  say(`emulator listening on ${url} (region ${EMULATOR_REGION}, project ${EMULATOR_PROJECT_ID})`);
  say(`source image: ${SeedImage.ACTIVE_PRIVATE} (an active private image of the emulator's seed)`);

  const work = mkdtempSync(join(tmpdir(), "ims-image-copy-demo-"));
  const outdir = join(work, "cdktf.out");
  let kept = false;
  try {
    // What a user exports before "terraform apply": credentials and endpoints (here: the emulator's).
    const cloudEnv = emulatorClientEnv(url);
    const baseEnv = {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? work,
      LANG: process.env.LANG ?? "C.UTF-8",
    };

    step(2, `Synthesizing ${join("examples", "basic")} into ${outdir}`);
    // The example's settings (examples/settings.ts): the emulator's seed image, region, project and URL.
    const exampleEnv = {
      ...baseEnv,
      CDKTF_OUTDIR: outdir,
      // ts-node run from the temporary directory must still compile with the repository's settings.
      TS_NODE_PROJECT: join(root, "tsconfig.json"),
      IMS_SOURCE_IMAGE_ID: SeedImage.ACTIVE_PRIVATE,
      HW_REGION_NAME: EMULATOR_REGION,
      HW_PROJECT_ID: EMULATOR_PROJECT_ID,
      HW_IMS_ENDPOINT: url,
    };
    await run(process.execPath, ["-r", require.resolve("ts-node/register/transpile-only"), EXAMPLE_MAIN], {
      cwd: work,
      env: exampleEnv,
    });
    const stacksDir = join(outdir, "stacks");
    const stacks = existsSync(stacksDir) ? readdirSync(stacksDir) : [];
    if (stacks.length === 0) throw new DemoError(`the example synthesized no stack into ${stacksDir}`);
    say(`synthesized stack${stacks.length > 1 ? "s" : ""}: ${stacks.join(", ")}`);

    const tfEnv = {
      ...baseEnv,
      ...cloudEnv,
      TF_CLI_CONFIG_FILE: "/dev/null",
      CHECKPOINT_DISABLE: "1",
      TF_IN_AUTOMATION: "1",
      TF_INPUT: "0",
    };
    const imageIds = [];
    for (const stack of stacks) {
      const dir = join(stacksDir, stack);
      step(3, `terraform init + apply in stacks/${stack}`);
      await run("terraform", ["init", "-input=false", "-no-color"], { cwd: dir, env: tfEnv, filter });
      await run("terraform", ["apply", "-auto-approve", "-input=false", "-no-color"], {
        cwd: dir,
        env: tfEnv,
        filter,
      });
      const { stdout } = await run("terraform", ["output", "-json"], { cwd: dir, env: tfEnv, capture: true });
      for (const [name, o] of Object.entries(JSON.parse(stdout))) {
        if (!o.sensitive && typeof o.value === "string") {
          say(`output ${name} = ${o.value}`);
          if (emulator.images().some((i) => i.id === o.value)) imageIds.push(o.value);
        }
      }
    }
    step(4, "Result");
    if (imageIds.length === 0) throw new DemoError("terraform output holds no image ID of the emulator");
    for (const id of imageIds) {
      const image = emulator.images().find((i) => i.id === id);
      say(
        `new image ${id}: name "${image.info.name}", status ${image.info.status}, copied from ${image.info.__originalimagename}`,
      );
    }

    if (values.keep) {
      kept = true;
      step(5, "Keeping the stack (--keep)");
      for (const stack of stacks) {
        say(`stack directory: ${join(stacksDir, stack)}`);
        say(`Terraform state: ${statePathOf(join(stacksDir, stack))}`);
      }
      say("The emulator ran inside this demo process: its images are gone now that the demo ends.");
      say(
        `A later "terraform destroy" there needs an emulator on ${url} again (ims-emulator --port ${new URL(url).port}); it finds the image already gone and succeeds.`,
      );
      say(`To remove everything instead: rm -rf ${work}`);
    } else {
      for (const stack of [...stacks].reverse()) {
        step(5, `terraform destroy in stacks/${stack}`);
        await run("terraform", ["destroy", "-auto-approve", "-input=false", "-no-color"], {
          cwd: join(stacksDir, stack),
          env: tfEnv,
          filter,
        });
      }
      const left = emulator.images().filter((i) => imageIds.includes(i.id) && i.info.status !== "deleted");
      if (left.length > 0)
        throw new DemoError(`destroy left image(s) ${left.map((i) => i.id).join(", ")} behind`);
      say("\nDemo complete: the image was copied, its ID captured by Terraform, and deleted on destroy.");
    }
  } finally {
    await emulator.stop();
    if (!kept) rmSync(work, { recursive: true, force: true });
  }
}

main().catch((err) => {
  process.stderr.write(`\ndemo failed: ${err instanceof Error ? err.message : String(err)}\n`);
  if (!(err instanceof DemoError) && err instanceof Error && err.stack)
    process.stderr.write(err.stack + "\n");
  process.exit(1);
});
