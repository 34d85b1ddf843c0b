/**
 * The per-file setup the emulator-backed client tests share: one harness (an emulator on a
 * simulated clock and clients with its credentials) per test file, started before the first test
 * and stopped after the last, with the emulator reset and the recorded sleeps cleared before each
 * test. Registers jest hooks; the returned harness's fields are set by them.
 */
import type { EmulatorOptions } from "../../../lib/emulator";
import { startHarness, type Harness } from "../harness";

export function useHarness(options: EmulatorOptions = {}): Harness {
  const h = {} as Harness;
  beforeAll(async () => {
    Object.assign(h, await startHarness(options));
  });
  afterAll(async () => {
    await h.stop();
  });
  beforeEach(() => {
    h.emulator.reset();
    h.clock.clearSleeps();
  });
  return h;
}
