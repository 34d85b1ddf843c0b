import { BENCHMARKS, machineNotes, parseBenchArgs } from "../../bench/run";
import { markdownTable } from "../../bench/support/table";
import { median, quantile, seededRandom } from "../../bench/support/stats";

describe("the benchmark runner", () => {
  test("without arguments it runs every benchmark at full size", () => {
    expect(parseBenchArgs([], {})).toEqual({ quick: false, only: [...BENCHMARKS] });
  });

  test("--quick or BENCH_QUICK=1 selects the small sizes, and names select benchmarks", () => {
    expect(parseBenchArgs(["--quick", "synth"], {})).toEqual({ quick: true, only: ["synth"] });
    expect(parseBenchArgs(["fleet"], { BENCH_QUICK: "1" })).toEqual({ quick: true, only: ["fleet"] });
  });

  test("an unknown argument is refused with the list of benchmarks", () => {
    expect(() => parseBenchArgs(["--fast"], {})).toThrow(
      'Unknown benchmark argument "--fast": use --quick and/or benchmark names (completion, completion-heldout, completion-seeds, startup, synth, fleet).',
    );
  });

  test("the machine notes name the CPUs and the node version", () => {
    expect(machineNotes()).toMatch(
      new RegExp(`^Machine: \\d+ CPUs .*node ${process.version.replace(/\./g, "\\.")}`),
    );
  });
});

describe("benchmark helpers", () => {
  test("a markdown table prints booleans as PASS or FAIL and escapes pipes", () => {
    expect(
      markdownTable(
        ["a", "b"],
        [
          ["x|y", true],
          [1.5, false],
        ],
      ),
    ).toBe("| a | b |\n| --- | --- |\n| x\\|y | PASS |\n| 1.50 | FAIL |");
  });

  test("a row of the wrong width is refused", () => {
    expect(() => markdownTable(["a", "b"], [["x"]])).toThrow("a table row has 1 cells, the header 2");
  });

  test("median and nearest-rank quantiles", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(quantile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.95)).toBe(10);
    expect(quantile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.5)).toBe(5);
    expect(Number.isNaN(median([]))).toBe(true);
  });

  test("the seeded random numbers repeat for a seed and stay in [0, 1)", () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const xs = Array.from({ length: 100 }, () => a());
    expect(Array.from({ length: 100 }, () => b())).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(new Set(xs).size).toBe(100);
  });
});
