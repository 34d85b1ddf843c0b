import {
  CONSTANT_LEVEL,
  jobStateAt,
  progressAt,
  STALL_LEVEL,
  RARE_TICKS,
  UNDER_REPORTED_END,
  type JobTimeline,
} from "../../lib/emulator/job-model";

const base: JobTimeline = { submittedAt: 1_000, initMs: 2_000, runMs: 10_000, curve: "linear" };

describe("the copy job model", () => {
  test("the job is INIT with progress 0 until the init phase ends", () => {
    expect(jobStateAt(base, 1_000)).toEqual({ status: "INIT", processPercent: 0 });
    expect(jobStateAt(base, 2_999)).toEqual({ status: "INIT", processPercent: 0 });
  });

  test("a linear job is RUNNING with progress proportional to time, then SUCCESS with progress 1", () => {
    expect(jobStateAt(base, 3_000)).toEqual({ status: "RUNNING", processPercent: 0, runningSince: 3_000 });
    expect(jobStateAt(base, 7_000).processPercent).toBe(0.4);
    expect(jobStateAt(base, 12_999)).toMatchObject({ status: "RUNNING", processPercent: 0.99 });
    expect(jobStateAt(base, 13_000)).toEqual({
      status: "SUCCESS",
      processPercent: 1,
      runningSince: 3_000,
      endedAt: 13_000,
    });
    expect(jobStateAt(base, 99_000).endedAt).toBe(13_000);
  });

  test("front-loaded progress runs ahead of time and back-loaded lags behind it", () => {
    expect(progressAt("front-loaded", 0.5)).toBe(0.75);
    expect(progressAt("back-loaded", 0.5)).toBe(0.25);
    expect(jobStateAt({ ...base, curve: "front-loaded" }, 8_000).processPercent).toBe(0.75);
  });

  test("stalling progress stops for a while, then resumes to the end", () => {
    expect(progressAt("stalling", 0.1)).toBeCloseTo(STALL_LEVEL / 2);
    expect(progressAt("stalling", 0.3)).toBe(STALL_LEVEL);
    expect(progressAt("stalling", 0.6)).toBe(STALL_LEVEL);
    expect(progressAt("stalling", 0.85)).toBeCloseTo(0.7);
    expect(progressAt("stalling", 1)).toBe(1);
  });

  test("every curve is monotonic from 0 to 1", () => {
    for (const curve of ["linear", "front-loaded", "back-loaded", "stalling"] as const) {
      let previous = -1;
      for (let f = 0; f <= 1.0001; f += 0.01) {
        const p = progressAt(curve, f);
        expect(p).toBeGreaterThanOrEqual(previous);
        previous = p;
      }
      expect(progressAt(curve, 0)).toBe(0);
      expect(progressAt(curve, 1)).toBe(1);
    }
  });

  test("a failing job ends in FAIL at its fraction with the progress frozen there", () => {
    const failing = { ...base, failAtFraction: 0.5 };
    expect(jobStateAt(failing, 7_999).status).toBe("RUNNING");
    expect(jobStateAt(failing, 8_000)).toEqual({
      status: "FAIL",
      processPercent: 0.5,
      runningSince: 3_000,
      endedAt: 8_000,
    });
    expect(jobStateAt(failing, 50_000).status).toBe("FAIL");
  });

  describe("process_percent rounding (UNVERIFIED: nearest by default, or down)", () => {
    const down: JobTimeline = { ...base, rounding: "down" };

    test("at 40.6 % of a linear job it shows 0.41 rounded to nearest and 0.40 rounded down", () => {
      // Running from 3_000 for 10_000 ms: 40.6 % at 7_060.
      expect(jobStateAt(base, 7_060).processPercent).toBe(0.41);
      expect(jobStateAt({ ...base, rounding: "nearest" }, 7_060).processPercent).toBe(0.41);
      expect(jobStateAt(down, 7_060).processPercent).toBe(0.4);
      // 41 % exactly reads 0.41 both ways (no binary error pushes the floor a step down), and 40.4 % reads 0.40 both ways.
      expect(jobStateAt(down, 7_100).processPercent).toBe(0.41);
      expect(jobStateAt(base, 7_040).processPercent).toBe(0.4);
      expect(jobStateAt(down, 7_040).processPercent).toBe(0.4);
    });

    test("rounded down, every whole percent of a linear job is shown exactly from its moment on", () => {
      for (let percent = 0; percent <= 99; percent++) {
        const at = 3_000 + percent * 100;
        expect(jobStateAt(down, at).processPercent).toBe(percent / 100);
        if (percent > 0) expect(jobStateAt(down, at - 1).processPercent).toBe((percent - 1) / 100);
      }
    });

    test("neither rounding shows 1 before SUCCESS: 0.99 until the end, also where nearest would round up to 1", () => {
      for (const timeline of [base, down]) {
        expect(jobStateAt(timeline, 12_960)).toMatchObject({ status: "RUNNING", processPercent: 0.99 });
        expect(jobStateAt(timeline, 12_999)).toMatchObject({ status: "RUNNING", processPercent: 0.99 });
        expect(jobStateAt(timeline, 13_000)).toMatchObject({ status: "SUCCESS", processPercent: 1 });
      }
      // Rounded down, 0.99 appears only at 99 %; rounded to nearest from 98.5 %.
      expect(jobStateAt(down, 12_880).processPercent).toBe(0.98);
      expect(jobStateAt(base, 12_880).processPercent).toBe(0.99);
    });

    test("rounded down, the shown value is never above the true progress nor a step or more below it, on every curve", () => {
      for (const curve of ["linear", "front-loaded", "back-loaded", "stalling"] as const) {
        for (let at = 3_000; at < 13_000; at += 37) {
          const truth = progressAt(curve, (at - 3_000) / 10_000);
          const shown = jobStateAt({ ...down, curve }, at).processPercent;
          expect(shown).toBeLessThanOrEqual(truth + 1e-9);
          expect(truth - shown).toBeLessThan(0.01);
        }
      }
    });

    test("a failing job freezes the value with the same rounding", () => {
      expect(jobStateAt({ ...base, failAtFraction: 0.456 }, 20_000).processPercent).toBe(0.46);
      expect(jobStateAt({ ...down, failAtFraction: 0.456 }, 20_000).processPercent).toBe(0.45);
    });
  });

  test("a zero-length job succeeds as soon as it leaves INIT", () => {
    expect(jobStateAt({ ...base, initMs: 0, runMs: 0 }, 1_000).status).toBe("SUCCESS");
  });

  test("the curves that say nothing show 0, the constant 0.2, or 99 % from half time, until SUCCESS", () => {
    expect(jobStateAt({ ...base, curve: "no-progress" }, 12_999)).toMatchObject({
      status: "RUNNING",
      processPercent: 0,
    });
    expect(jobStateAt({ ...base, curve: "no-progress" }, 13_000)).toMatchObject({
      status: "SUCCESS",
      processPercent: 1,
    });
    expect(CONSTANT_LEVEL).toBe(0.2);
    expect(jobStateAt({ ...base, curve: "constant" }, 3_000).processPercent).toBe(0.2);
    expect(jobStateAt({ ...base, curve: "constant" }, 12_999).processPercent).toBe(0.2);
    expect(jobStateAt({ ...base, curve: "stuck-at-99" }, 5_500).processPercent).toBe(0.5);
    expect(jobStateAt({ ...base, curve: "stuck-at-99" }, 8_000).processPercent).toBe(0.99);
    expect(jobStateAt({ ...base, curve: "stuck-at-99" }, 12_999).processPercent).toBe(0.99);
  });

  test("the rare-ticks curve moves one step at a time, at irregular gaps, and shows 6 % until SUCCESS", () => {
    expect(jobStateAt({ ...base, curve: "rare-ticks" }, 4_199).processPercent).toBe(0);
    expect(jobStateAt({ ...base, curve: "rare-ticks" }, 4_200).processPercent).toBe(0.01);
    expect(jobStateAt({ ...base, curve: "rare-ticks" }, 12_999).processPercent).toBe(0.06);
    expect(jobStateAt({ ...base, curve: "rare-ticks" }, 13_000)).toMatchObject({
      status: "SUCCESS",
      processPercent: 1,
    });
    const shown = Array.from({ length: 1001 }, (_, i) => progressAt("rare-ticks", i / 1000));
    const moves = shown
      .map((p, i) => (i === 0 ? 0 : Math.round(100 * (p - shown[i - 1]))))
      .filter((m) => m !== 0);
    expect(moves).toEqual([1, 1, 1, 1, 1, 1]);
    const gaps = RARE_TICKS.slice(1).map((at, i) => Math.round(100 * (at - RARE_TICKS[i])));
    expect(new Set(gaps).size).toBeGreaterThan(2);
  });

  test("the misleading curves under-report the end, move in quarter steps, restart from 0, or go up and down", () => {
    expect(jobStateAt({ ...base, curve: "under-reports" }, 12_999).processPercent).toBe(UNDER_REPORTED_END);
    expect([0.2, 0.3, 0.6, 0.99].map((f) => progressAt("steps", f))).toEqual([0, 0.25, 0.5, 0.75]);
    expect(progressAt("restart", 0.39)).toBeCloseTo(0.585);
    expect(progressAt("restart", 0.4)).toBe(0);
    expect(progressAt("restart", 1)).toBe(1);
    const upAndDown = Array.from({ length: 101 }, (_, i) => progressAt("up-and-down", i / 100));
    expect(upAndDown.some((p, i) => i > 0 && p < upAndDown[i - 1])).toBe(true);
    expect(Math.max(...upAndDown.map((p, i) => Math.abs(p - i / 100)))).toBeLessThanOrEqual(0.03);
    expect(progressAt("s-curve", 0.5)).toBe(0.5);
  });
});
