/**
 * The copy job's timeline as a pure function: given when it was submitted, how long each phase
 * lasts, the shape of its progress curve, its outcome and the current time, say what the job
 * reports. No clock, no state: the emulator passes `now`.
 *
 * Timeline: [submittedAt, +initMs) INIT (progress 0) → [.., +runMs) RUNNING (progress by curve)
 * → SUCCESS (progress 1), or FAIL at `failAtFraction` of the running phase (progress frozen).
 */

/**
 * What `process_percent` does for a copy job is UNVERIFIED, so the curves span what it might do:
 * smooth ones (`linear`, `front-loaded`, `back-loaded`, `s-curve`), ones that say nothing for a
 * long time (`stalling`, `no-progress`, `constant`, `stuck-at-99`, `rare-ticks`) and ones that
 * mislead (`under-reports`, `steps`, `restart`, `up-and-down`).
 */
export const PROGRESS_CURVES = [
  "linear",
  "front-loaded",
  "back-loaded",
  "stalling",
  "s-curve",
  "no-progress",
  "constant",
  "stuck-at-99",
  "rare-ticks",
  "under-reports",
  "steps",
  "restart",
  "up-and-down",
] as const;
export type ProgressCurve = (typeof PROGRESS_CURVES)[number];

/** The stalling curve: climbs to STALL_LEVEL during the first STALL_START of the time, holds until STALL_END, then finishes. */
export const STALL_LEVEL = 0.4;
export const STALL_START = 0.2;
export const STALL_END = 0.7;
/** The `constant` curve's value: Huawei's ShowJob example shows SUCCESS with `process_percent` 0.20. */
export const CONSTANT_LEVEL = 0.2;
/**
 * The `rare-ticks` curve moves 1 % at each of these fractions of the time, at irregular gaps, and
 * shows 6 % at SUCCESS: the kind of value the default poll strategy can mistake for a slow job's
 * pace (BENCHMARKS.md, "Rounds 15 to 17").
 */
export const RARE_TICKS = [0.12, 0.2, 0.37, 0.45, 0.71, 0.88] as const;
/** The `under-reports` curve ends (SUCCESS) when it shows this much. */
export const UNDER_REPORTED_END = 0.85;
/** The `restart` curve climbs to RESTART_LEVEL by RESTART_AT of the time, drops to 0, then climbs to 1. */
export const RESTART_AT = 0.4;
export const RESTART_LEVEL = 0.6;

/**
 * How the fraction shown as `process_percent` is cut to two decimals. The API reference only says
 * it is a fraction with two decimals; whether the service rounds to the nearest percent or DOWN
 * (truncates) is UNVERIFIED. "nearest" is the default (what a formatted float shows); "down" is the
 * other plausible choice (an integer percent computed from done/total): with it a value reads up
 * to one step (0.01) lower, and clients that predict the end from it must not be late.
 */
export const PROGRESS_ROUNDINGS = ["nearest", "down"] as const;
export type ProgressRounding = (typeof PROGRESS_ROUNDINGS)[number];

export interface JobTimeline {
  readonly submittedAt: number;
  readonly initMs: number;
  readonly runMs: number;
  readonly curve: ProgressCurve;
  /** Fraction (0..1] of the running phase at which the job fails; absent: it succeeds. */
  readonly failAtFraction?: number;
  /** How `process_percent` is cut to two decimals (UNVERIFIED, see PROGRESS_ROUNDINGS). @default "nearest" */
  readonly rounding?: ProgressRounding;
}

export interface JobState {
  readonly status: "INIT" | "RUNNING" | "SUCCESS" | "FAIL";
  /** Fraction 0..1, cut to two decimals as the service shows it (e.g. 0.4), by the timeline's rounding. */
  readonly processPercent: number;
  /** When the job left INIT (undefined while INIT). */
  readonly runningSince?: number;
  /** When the job finished (undefined until SUCCESS/FAIL). */
  readonly endedAt?: number;
}

/** Progress (0..1) reached after `fraction` (0..1) of the running time, for a curve. */
export function progressAt(curve: ProgressCurve, fraction: number): number {
  const f = Math.min(1, Math.max(0, fraction));
  switch (curve) {
    case "linear":
      return f;
    case "front-loaded":
      return 1 - (1 - f) * (1 - f);
    case "back-loaded":
      return f * f;
    case "stalling":
      if (f <= STALL_START) return (f / STALL_START) * STALL_LEVEL;
      if (f <= STALL_END) return STALL_LEVEL;
      return STALL_LEVEL + ((f - STALL_END) / (1 - STALL_END)) * (1 - STALL_LEVEL);
    case "s-curve":
      return 3 * f * f - 2 * f * f * f;
    case "no-progress":
      return 0;
    case "constant":
      return CONSTANT_LEVEL;
    case "stuck-at-99":
      // Steady to 99 % at half time, then 99 % until the end.
      return Math.min(0.99, 1.98 * f);
    case "rare-ticks":
      return RARE_TICKS.filter((at) => f >= at).length / 100;
    case "under-reports":
      return UNDER_REPORTED_END * f;
    case "steps":
      // 0, 25, 50, 75 %, each for a quarter of the time.
      return Math.floor(Math.min(f, 0.999) * 4) / 4;
    case "restart":
      return f < RESTART_AT ? (f / RESTART_AT) * RESTART_LEVEL : (f - RESTART_AT) / (1 - RESTART_AT);
    case "up-and-down":
      // Goes back by up to 3 % eight times on the way.
      return Math.min(1, Math.max(0, f + 0.03 * Math.sin(16 * Math.PI * f)));
  }
}

/**
 * `value` cut to two decimals. The 1e-9 absorbs binary error before flooring (0.29 * 100 is
 * 28.999999999999996, which must read 0.29, not 0.28).
 */
function toTwoDecimals(value: number, rounding: ProgressRounding): number {
  const percent = value * 100;
  return (rounding === "down" ? Math.floor(percent + 1e-9) : Math.round(percent)) / 100;
}

/** The job's state at `now`. */
export function jobStateAt(timeline: JobTimeline, now: number): JobState {
  const { submittedAt, initMs, runMs, curve, failAtFraction, rounding = "nearest" } = timeline;
  const runningSince = submittedAt + initMs;
  if (now < runningSince) return { status: "INIT", processPercent: 0 };
  if (failAtFraction !== undefined) {
    const failAt = runningSince + runMs * failAtFraction;
    if (now >= failAt) {
      return {
        status: "FAIL",
        processPercent: toTwoDecimals(progressAt(curve, failAtFraction), rounding),
        runningSince,
        endedAt: failAt,
      };
    }
  }
  const endsAt = runningSince + runMs;
  if (now >= endsAt) return { status: "SUCCESS", processPercent: 1, runningSince, endedAt: endsAt };
  // While RUNNING, never show 1 (the job is not done): cap just below (rounded to nearest, 99.5 % and up would read 1).
  const progress = Math.min(
    0.99,
    toTwoDecimals(progressAt(curve, runMs === 0 ? 1 : (now - runningSince) / runMs), rounding),
  );
  return { status: "RUNNING", processPercent: progress, runningSince };
}
