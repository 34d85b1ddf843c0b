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
      expect(table).toMatch(/\| goal: runtime <= 1.5x node -e 0 \| {2}\| (PASS|FAIL) \|/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
