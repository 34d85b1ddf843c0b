import { rmSync } from "fs";
import { runSynthBench, synthTable } from "../../bench/synth";
import { buildBundle, tempDir } from "../handler/support/runtime";

jest.setTimeout(120_000);

describe("the synthesis benchmark", () => {
  test("on a small size it synthesizes copies and bare stacks in fresh processes and finds exactly one runtime asset", () => {
    const dir = tempDir("ims-bench-test-");
    try {
      const result = runSynthBench({ copies: 3, runs: 1, validatedCopies: 0, bundle: buildBundle(dir) });

      expect(result.rows.map((r) => [r.label, r.resources])).toEqual([
        ["empty stack", 0],
        ["3 ImsImageCopy", 12],
        ["12 bare terraform_data (same resource count)", 12],
        ["3 bare terraform_data (one per construct)", 3],
      ]);
      expect(result.rows[1].assets).toBe(1);
      expect(result.oneAsset).toBe(true);
      expect(result.jsonBytesPerCopy).toBeGreaterThan(0);
      const table = synthTable(result);
      expect(table).toContain("| 3 ImsImageCopy | 12 |");
      expect(table).toMatch(/\| runtime assets in cdktf.out \| 1 \| PASS \|/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
