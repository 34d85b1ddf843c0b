import { jobStateAt, progressAt, STALL_LEVEL, type JobTimeline } from "../../lib/emulator/job-model";

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
    expect(jobStateAt(base, 13_000)).toEqual({ status: "SUCCESS", processPercent: 1, runningSince: 3_000, endedAt: 13_000 });
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
    expect(jobStateAt(failing, 8_000)).toEqual({ status: "FAIL", processPercent: 0.5, runningSince: 3_000, endedAt: 8_000 });
    expect(jobStateAt(failing, 50_000).status).toBe("FAIL");
  });

  test("a zero-length job succeeds as soon as it leaves INIT", () => {
    expect(jobStateAt({ ...base, initMs: 0, runMs: 0 }, 1_000).status).toBe("SUCCESS");
  });
});
