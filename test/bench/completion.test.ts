import { PROGRESS_CURVES } from "../../lib/emulator";
import {
  completionOverall,
  completionRoundingDownTable,
  completionTable,
  POLLERS,
  ROUNDING_DOWN_HEADING,
  runCompletionBench,
} from "../../bench/completion";
import { HELD_OUT_SEEDS, runBenchmark } from "../../bench/run";

jest.setTimeout(120_000);

describe("the completion-detection benchmark", () => {
  test("on a small size it runs every poller on every curve and prints one table row per job size and curve", async () => {
    const { rows, runs } = await runCompletionBench({ durationsSeconds: [30], seeds: 1 });

    expect(rows.map((r) => r.curve)).toEqual([...PROGRESS_CURVES]);
    expect(runs).toHaveLength(PROGRESS_CURVES.length * POLLERS.length);
    expect(POLLERS).toContain("predictive-down");
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

  test("the robustness check runs our strategy against process_percent rounded down and prints its own table with an all-jobs row", async () => {
    const { rows, runs } = await runCompletionBench({
      durationsSeconds: [30],
      curves: ["linear", "back-loaded"],
      seeds: 2,
    });
    const down = runs.filter((r) => r.poller === "predictive-down");
    expect(down).toHaveLength(4);
    // Rounded down the same job shows other values: the polls differ from the default rounding's on some job.
    const ours = runs.filter((r) => r.poller === "predictive");
    expect(down.map((r) => r.calls)).not.toEqual(ours.map((r) => r.calls));
    expect(rows[0].down.meanCalls).toBe((down[0].calls + down[1].calls) / 2);
    const table = completionRoundingDownTable(runs).split("\n");
    expect(table).toHaveLength(2 + 2 + 1);
    expect(table[0]).toBe(
      "| job | curve | runs | lag median / p95 (s) | calls mean / max | fixed 10 s: calls mean | min interval (s) | lag goal | calls goal | 1/s goal |",
    );
    expect(table[2]).toMatch(/^\| 30 s \| linear \| 2 \| [\d.]+ \/ [\d.]+ \| [\d.]+ \/ \d+ \|/);
    expect(table[4]).toMatch(
      /^\| all jobs \| all \| 4 \| [\d.]+ \/ [\d.]+ \| [\d.]+ \/ \d+ \| - \| [\d.]+ \| (PASS|FAIL) \| n\/a \(< 5 min\) \| (PASS|FAIL) \|$/,
    );
    const overall = completionOverall(runs);
    expect(overall).toContain(ROUNDING_DOWN_HEADING);
    expect(overall.indexOf(ROUNDING_DOWN_HEADING)).toBeGreaterThan(
      overall.indexOf("| fixed 10 s (official) |"),
    );
  });

  test("the held-out run uses seeds the strategy was not tuned on (13 and up), and prints the same tables", async () => {
    const { runs } = await runCompletionBench({
      durationsSeconds: [30],
      curves: ["linear"],
      firstSeed: HELD_OUT_SEEDS.firstSeed,
      seeds: 2,
    });
    expect([...new Set(runs.map((r) => r.seed))]).toEqual([13, 14]);
    expect(HELD_OUT_SEEDS.firstSeed).toBeGreaterThan(12);
    const section = await runBenchmark("completion-heldout", true);
    expect(section.split("\n")[0]).toBe("## Completion detection on held-out seeds 13-14");
    expect(section).toMatch(/\| 30 s \| linear \| 2 \|/);
    expect(section).toContain(ROUNDING_DOWN_HEADING);
  });
});
