/**
 * Test harness: an emulator on a simulated clock shared with the client, so job waits and
 * retry backoffs take no real time (the client's sleep advances the shared clock). Signatures
 * still use the wall clock on both sides.
 */
import {
  EMULATOR_ACCESS_KEY,
  EMULATOR_REGION,
  EMULATOR_SECRET_KEY,
  ImsEmulator,
  type EmulatorOptions,
} from "../../lib/emulator";
import { ImsClient } from "../../lib/runtime/client";
import type { ClientOptions } from "../../lib/runtime/config";
import { FakeClock } from "./fake-clock";

export interface Harness {
  readonly emulator: ImsEmulator;
  readonly url: string;
  readonly clock: FakeClock;
  /** Environment for `ImsClient.fromEnv` pointing at the emulator. */
  env(extra?: Record<string, string>): NodeJS.ProcessEnv;
  /** A client on the shared clock, with jitter fixed at 0.5 and fast retry settings. */
  client(options?: Partial<ClientOptions>, env?: Record<string, string>): ImsClient;
  stop(): Promise<void>;
}

export async function startHarness(options: EmulatorOptions = {}): Promise<Harness> {
  const clock = new FakeClock(Date.now());
  const emulator = new ImsEmulator({ jobSeconds: 2, ...options, now: clock.now });
  const url = await emulator.start();
  const env = (extra: Record<string, string> = {}): NodeJS.ProcessEnv => ({
    HW_ACCESS_KEY: EMULATOR_ACCESS_KEY,
    HW_SECRET_KEY: EMULATOR_SECRET_KEY,
    HW_REGION_NAME: EMULATOR_REGION,
    HW_IMS_ENDPOINT: url,
    ...extra,
  });
  return {
    emulator,
    url,
    clock,
    env,
    client: (options: Partial<ClientOptions> = {}, extraEnv: Record<string, string> = {}) =>
      ImsClient.fromEnv(env(extraEnv), undefined, {
        now: clock.now,
        sleep: clock.sleep,
        random: () => 0.5,
        requestTimeoutMs: 5000,
        retry: { baseDelayMs: 1000, maxDelayMs: 8000, deadlineMs: 120_000, maxAttempts: 6 },
        ...options,
      }),
    stop: () => emulator.stop(),
  };
}

/** Images the emulator created by copying (not the seed). */
export function copies(emulator: ImsEmulator): string[] {
  return emulator
    .images()
    .filter((i) => i.jobId !== undefined)
    .map((i) => i.id);
}
