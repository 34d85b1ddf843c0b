/**
 * The set-up every real-terraform suite shares: find terraform (or skip the suite, loudly), then
 * for the whole file one work directory, one runtime bundle built into it, one emulator and the
 * environment terraform runs in; all torn down after the file.
 */
import { ImsEmulator, type EmulatorOptions } from "../../../lib/emulator";
import { buildBundle, removeDir } from "../../handler/support/runtime";
import { findTerraform, requireTerraform, tempDir, terraformEnv } from "./terraform";

export interface TerraformSuite {
  /** `describe`, or `describe.skip` when terraform is not on PATH. */
  readonly describe: jest.Describe;
  /** The terraform binary (throws when it is missing). */
  bin(): string;
  readonly work: string;
  readonly bundle: string;
  readonly emulator: ImsEmulator;
  readonly url: string;
  readonly env: NodeJS.ProcessEnv;
}

/** `name` says what is skipped without terraform; `prefix` names the work directory. */
export function terraformSuite(name: string, prefix: string, options: EmulatorOptions): TerraformSuite {
  const terraform = findTerraform();
  if (!terraform) console.warn(`\n**********\n* terraform is NOT on PATH: ${name} is SKIPPED.\n**********\n`);
  const state: {
    work?: string;
    bundle?: string;
    emulator?: ImsEmulator;
    url?: string;
    env?: NodeJS.ProcessEnv;
  } = {};
  const get = <K extends keyof typeof state>(key: K): NonNullable<(typeof state)[K]> => {
    const value = state[key];
    if (value === undefined) throw new Error(`the terraform suite's ${key} is read before its beforeAll ran`);
    return value as NonNullable<(typeof state)[K]>;
  };
  beforeAll(async () => {
    if (!terraform) return;
    state.work = tempDir(prefix);
    state.bundle = buildBundle(state.work);
    state.emulator = new ImsEmulator(options);
    state.url = await state.emulator.start();
    state.env = terraformEnv(terraform, state.url, state.work);
  });
  afterAll(async () => {
    if (!terraform) return;
    await state.emulator?.stop();
    if (state.work) removeDir(state.work);
  });
  return {
    describe: terraform ? describe : describe.skip,
    bin: () => requireTerraform(terraform),
    get work() {
      return get("work");
    },
    get bundle() {
      return get("bundle");
    },
    get emulator() {
      return get("emulator");
    },
    get url() {
      return get("url");
    },
    get env() {
      return get("env");
    },
  };
}
