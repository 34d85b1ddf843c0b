import { PROGRESS_CURVES } from "../../lib/emulator";
import { completionOverall, completionTable, runCompletionBench } from "../../bench/completion";

jest.setTimeout(120_000);

describe("the completion-detection benchmark", () => {
  test("on a small size it runs every poller on every curve and prints one table row per job size and curve", async () => {
    const { rows, runs } = await runCompletionBench({ durationsSeconds: [30], seeds: 1 });

    expect(rows.map((r) => r.curve)).toEqual([...PROGRESS_CURVES]);
    expect(runs).toHaveLength(PROGRESS_CURVES.length * 3);
    for (const run of runs) {
      expect(run.calls).toBeGreaterThan(0);
      expect(Number.isFinite(run.lagMs)).toBe(true);
    }
    const table = completionTable(rows);
    expect(table.split("\n")).toHaveLength(2 + PROGRESS_CURVES.length);
    expect(table).toMatch(/^\| job \| curve \|/);
    expect(table).toMatch(/\| 30 s \| linear \| 1 \|/);
    expect(table).toMatch(/PASS|FAIL/);
    expect(completionOverall(runs)).toContain("| fixed 10 s (official) | 4 |");
  });
});
