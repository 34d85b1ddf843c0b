import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { TerraformStack } from "cdktf";
import { ImsImageCopy } from "cdktf-ims-image-copy";
import { CredentialEnv, RuntimeEnv } from "../../lib/shared/constants";
import {
  EMULATOR_ACCESS_KEY,
  EMULATOR_SECRET_KEY,
  SEED_ENTERPRISE_PROJECT_ID,
  SeedImage,
  SeedKmsKey,
} from "../../lib/emulator/defaults";
import { testApp } from "./helpers";

const SECURITY_TOKEN = "EMULATOR-SESSION-TOKEN-value-0123456789";

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : [full];
  });
}

describe("credentials never reach the synthesized output", () => {
  const saved: Record<string, string | undefined> = {};
  const credentialNames = [
    ...CredentialEnv.ACCESS_KEY,
    ...CredentialEnv.SECRET_KEY,
    ...CredentialEnv.SECURITY_TOKEN,
  ];

  beforeEach(() => {
    for (const name of credentialNames) saved[name] = process.env[name];
    process.env.HW_ACCESS_KEY = EMULATOR_ACCESS_KEY;
    process.env.HW_SECRET_KEY = EMULATOR_SECRET_KEY;
    process.env.HW_SECURITY_TOKEN = SECURITY_TOKEN;
    process.env.HUAWEICLOUD_SDK_AK = EMULATOR_ACCESS_KEY;
    process.env.HUAWEICLOUD_SDK_SK = EMULATOR_SECRET_KEY;
  });

  afterEach(() => {
    for (const name of credentialNames) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
  });

  test("with credentials in the synthesizing process's environment, no file of the synthesized app names or contains them", () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "ims-nocreds-"));
    try {
      const app = testApp({ outdir });
      const stack = new TerraformStack(app, "stack");
      new ImsImageCopy(stack, "copy", {
        sourceImageId: SeedImage.ACTIVE_PRIVATE,
        name: "copy",
        description: "d",
        kmsKeyId: SeedKmsKey.ENABLED,
        enterpriseProjectId: SEED_ENTERPRISE_PROJECT_ID,
        tags: { team: "platform" },
        region: "cn-north-4",
        endpoint: "http://127.0.0.1:43125",
      });
      app.synth();
      const files = filesUnder(outdir).filter((file) => !file.includes(`${path.sep}assets${path.sep}`));
      expect(files.some((file) => file.endsWith("cdk.tf.json"))).toBe(true);
      for (const file of files) {
        const text = fs.readFileSync(file, "utf8");
        for (const needle of [...credentialNames, EMULATOR_ACCESS_KEY, EMULATOR_SECRET_KEY, SECURITY_TOKEN]) {
          expect({
            file: path.relative(outdir, file),
            contains: text.includes(needle) ? needle : undefined,
          }).toEqual({ file: path.relative(outdir, file), contains: undefined });
        }
      }
      const json = JSON.parse(fs.readFileSync(path.join(outdir, "stacks", "stack", "cdk.tf.json"), "utf8"));
      const allowed = new Set<string>(Object.values(RuntimeEnv));
      for (const resource of Object.values(json.resource.terraform_data) as Array<{
        provisioner?: Array<Record<string, { environment: object }>>;
      }>) {
        for (const provisioner of resource.provisioner ?? []) {
          for (const name of Object.keys(provisioner["local-exec"].environment))
            expect(allowed.has(name)).toBe(true);
        }
      }
    } finally {
      fs.rmSync(outdir, { recursive: true, force: true });
    }
  });
});
