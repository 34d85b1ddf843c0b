/**
 * The per-file setup the handler tests share: one runtime bundle (optional) and one emulator per
 * test file, and a clean emulator and a fresh stack directory per test. Registers jest hooks; the
 * returned object's fields are set by them.
 */
import { ImsEmulator, type EmulatorOptions } from "../../../lib/emulator";
import { buildBundle, removeDir, tempDir } from "./runtime";

export interface RuntimeFixture {
  /** Path of the freshly bundled runtime (empty when `bundle: false`). */
  readonly bundle: string;
  readonly emulator: ImsEmulator;
  readonly url: string;
  /** A new empty directory per test: the runtime's working directory (a stack directory). */
  readonly cwd: string;
}

export interface RuntimeFixtureOptions {
  readonly emulator: EmulatorOptions;
  /** Prefix of the per-test directory. @default "ims-handler-stack-" */
  readonly cwdPrefix?: string;
  /** Bundle the runtime for child-process runs. @default true */
  readonly bundle?: boolean;
  /** Runs before each test, before the emulator is reset (e.g. to rewind a simulated clock). */
  readonly beforeEach?: () => void;
}

export function useRuntimeFixture(options: RuntimeFixtureOptions): RuntimeFixture {
  const fx = { bundle: "", emulator: undefined as unknown as ImsEmulator, url: "", cwd: "" };
  let bundleDir: string | undefined;
  beforeAll(async () => {
    if (options.bundle !== false) {
      bundleDir = tempDir("ims-handler-bundle-");
      fx.bundle = buildBundle(bundleDir);
    }
    fx.emulator = new ImsEmulator(options.emulator);
    fx.url = await fx.emulator.start();
  });
  afterAll(async () => {
    await fx.emulator.stop();
    if (bundleDir) removeDir(bundleDir);
  });
  beforeEach(() => {
    options.beforeEach?.();
    fx.emulator.reset();
    fx.cwd = tempDir(options.cwdPrefix ?? "ims-handler-stack-");
  });
  afterEach(() => removeDir(fx.cwd));
  return fx;
}
