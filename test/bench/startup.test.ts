import { rmSync } from "fs";
import { runStartupBench, startupTable } from "../../bench/startup";
import { buildBundle, tempDir } from "../handler/support/runtime";

jest.setTimeout(120_000);

describe("the start-up benchmark", () => {
  test("on a small size it times node and the runtime's first request and prints a table with the verdict", async () => {
    const dir = tempDir("ims-bench-test-");
    try {
      const result = await runStartupBench({ runs: 2, bundle: buildBundle(dir) });

      expect(result.runs).toBe(2);
      expect(result.nodeBaselineMs).toBeGreaterThan(0);
      expect(result.runtimeFirstRequestMs).toBeGreaterThan(0);
      expect(result.bundleBytes).toBeGreaterThan(10_000);
      const table = startupTable(result);
      expect(table).toContain("| `node -e 0` (spawn to exit) |");
      expect(table).toContain("| `node bundle create` (spawn to first request) |");
      // The verdict is the goal applied to the measured ratio (the ratio itself depends on the machine).
      expect(result.ratio).toBe(result.runtimeFirstRequestMs / result.nodeBaselineMs);
      expect(result.pass).toBe(result.ratio <= 1.5);
      expect(table).toContain(`| goal: runtime <= 1.5x node -e 0 |  | ${result.pass ? "PASS" : "FAIL"} |`);
      expect(startupTable({ ...result, pass: false })).toContain(
        "| goal: runtime <= 1.5x node -e 0 |  | FAIL |",
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
