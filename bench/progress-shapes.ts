/**
 * Progress shapes for the completion benchmark, written here and independent of the emulator's job
 * model (lib/emulator/job-model.ts), so that the poll strategy is not measured only on the curves
 * the emulator draws. Nobody knows yet what the real service's `process_percent` looks like for a
 * copy job, so the shapes come in three families, each with its own goals (bench/completion.ts):
 *
 * - `informative`: a smooth monotone curve that ends at 100 %;
 * - `no-information`: a value that does not move for a long time (0 until the end, a constant,
 *   stuck at 99 %, a long stall);
 * - `misleading`: a value that moves, but not towards the job's end (it under-reports the end,
 *   moves in big steps, restarts from 0, changes pace abruptly, or goes up and down).
 *
 * Each shape belongs to a set (`ShapeSet`): the strategy was written and tuned on the `tuned`
 * shapes; the `seen` ones were held out in an earlier round (rounds 1 to 29) and then used to change
 * it (BENCHMARKS.md says what they showed); the `held-out` ones (round 30) were written at 702a9d0,
 * after the strategy's last change (82b82d9), and never used to write or tune it. Every curve gives
 * the true progress at a fraction `f` of the job's running time; what the job shows is that value
 * rounded to whole percents (`shownPercent`).
 */

export const FAMILIES = ["informative", "no-information", "misleading"] as const;
export type Family = (typeof FAMILIES)[number];

/** How the service cuts `process_percent` to whole percents: UNVERIFIED, so the benchmark runs both. */
export const ROUNDINGS = ["nearest", "down"] as const;
export type Rounding = (typeof ROUNDINGS)[number];

export const SHAPE_SETS = ["tuned", "seen", "held-out"] as const;
export type ShapeSet = (typeof SHAPE_SETS)[number];

export interface ProgressShape {
  readonly name: string;
  readonly family: Family;
  readonly set: ShapeSet;
  readonly description: string;
  /**
   * The true progress (0..1; it may go down) at fraction `f` (0..1) of the running time, for one
   * job; `random` draws what varies between jobs (a phase, noise).
   */
  curve(random: () => number): (f: number) => number;
}

const clamp01 = (x: number): number => Math.min(1, Math.max(0, x));

/**
 * A straight line through the points (f, p), in order of f, flat before the first and after the
 * last. The segment is found by bisection: some shapes invert a curve on a thousand points.
 */
function polyline(points: readonly (readonly [number, number])[]): (f: number) => number {
  return (f) => {
    if (f <= points[0][0]) return points[0][1];
    if (f > points[points.length - 1][0]) return points[points.length - 1][1];
    // The first point at or after f.
    let [lo, hi] = [1, points.length - 1];
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (f <= points[mid][0]) hi = mid;
      else lo = mid + 1;
    }
    const [f1, p1] = points[lo];
    const [f0, p0] = points[lo - 1];
    return f1 === f0 ? p1 : p0 + ((p1 - p0) * (f - f0)) / (f1 - f0);
  };
}

const fixed = (c: (f: number) => number) => (): ((f: number) => number) => c;

/** A logistic curve of steepness `a`, scaled to run from 0 at f = 0 to 1 at f = 1. */
function logistic(a: number): (f: number) => number {
  const s = (x: number): number => 1 / (1 + Math.exp(-a * (x - 0.5)));
  return (f) => (s(f) - s(0)) / (s(1) - s(0));
}

export const SHAPES: readonly ProgressShape[] = [
  // ---- informative: smooth and monotone, to 100 % ----
  {
    name: "linear",
    family: "informative",
    set: "tuned",
    description: "p = f",
    curve: fixed((f) => f),
  },
  {
    name: "front-loaded",
    family: "informative",
    set: "tuned",
    description: "p = 1 - (1 - f)^2 (slows down to the end)",
    curve: fixed((f) => 1 - (1 - f) ** 2),
  },
  {
    name: "back-loaded",
    family: "informative",
    set: "tuned",
    description: "p = f^2 (speeds up to the end)",
    curve: fixed((f) => f * f),
  },
  {
    name: "s-curve",
    family: "informative",
    set: "tuned",
    description: "p = 3f^2 - 2f^3 (slow start, slow end)",
    curve: fixed((f) => 3 * f * f - 2 * f ** 3),
  },
  {
    name: "sqrt",
    family: "informative",
    set: "seen",
    description: "p = sqrt(f) (fast start, slowing all the way)",
    curve: fixed((f) => Math.sqrt(f)),
  },
  {
    name: "front-loaded-cubic",
    family: "informative",
    set: "seen",
    description: "p = 1 - (1 - f)^3",
    curve: fixed((f) => 1 - (1 - f) ** 3),
  },
  {
    name: "back-loaded-cubic",
    family: "informative",
    set: "seen",
    description: "p = f^3",
    curve: fixed((f) => f ** 3),
  },
  {
    name: "logistic",
    family: "informative",
    set: "seen",
    description: "a steep S: logistic of steepness 10 around half time, scaled to 0..1",
    curve: fixed(logistic(10)),
  },
  {
    name: "wobbly-pace",
    family: "informative",
    set: "seen",
    description: "p = f + sin(6 pi f) / (12 pi): the pace swings between 0.5x and 1.5x, three times",
    curve: fixed((f) => f + Math.sin(6 * Math.PI * f) / (12 * Math.PI)),
  },
  {
    name: "fast-then-slow",
    family: "informative",
    set: "seen",
    description: "70 % in the first 30 % of the time, then the rest at a steady slower pace",
    curve: fixed(
      polyline([
        [0, 0],
        [0.3, 0.7],
        [1, 1],
      ]),
    ),
  },

  // ---- no information: the value does not move for a long time ----
  {
    name: "zero",
    family: "no-information",
    set: "tuned",
    description: "0 until SUCCESS",
    curve: fixed(() => 0),
  },
  {
    name: "constant",
    family: "no-information",
    set: "tuned",
    description: "0.2 from the start (Huawei's ShowJob example shows SUCCESS with process_percent 0.20)",
    curve: fixed(() => 0.2),
  },
  {
    name: "stuck-at-99",
    family: "no-information",
    set: "tuned",
    description: "steady to 99 % at half time, then 99 % until the end",
    curve: fixed(
      polyline([
        [0, 0],
        [0.5, 0.99],
      ]),
    ),
  },
  {
    name: "long-stall",
    family: "no-information",
    set: "tuned",
    description:
      "steady to 50 % at a quarter of the time, stuck there until three quarters, then steady to 100 %",
    curve: fixed(
      polyline([
        [0, 0],
        [0.25, 0.5],
        [0.75, 0.5],
        [1, 1],
      ]),
    ),
  },
  {
    name: "late-start",
    family: "no-information",
    set: "seen",
    description: "0 for 80 % of the time, then steady to 100 %",
    curve: fixed(
      polyline([
        [0, 0],
        [0.8, 0],
        [1, 1],
      ]),
    ),
  },
  {
    name: "stuck-at-99-early",
    family: "no-information",
    set: "seen",
    description: "steady to 99 % in the first 20 % of the time, then 99 % until the end",
    curve: fixed(
      polyline([
        [0, 0],
        [0.2, 0.99],
      ]),
    ),
  },
  {
    name: "two-stalls",
    family: "no-information",
    set: "seen",
    description: "stuck at 30 % from 10 to 40 % of the time and at 70 % from 50 to 90 %, steady in between",
    curve: fixed(
      polyline([
        [0, 0],
        [0.1, 0.3],
        [0.4, 0.3],
        [0.5, 0.7],
        [0.9, 0.7],
        [1, 1],
      ]),
    ),
  },
  {
    name: "constant-99",
    family: "no-information",
    set: "seen",
    description: "99 % from the start",
    curve: fixed(() => 0.99),
  },

  // ---- misleading: moves, but not towards the end ----
  {
    name: "under-reports",
    family: "misleading",
    set: "tuned",
    description: "p = 0.85 f: SUCCESS comes at 85 %",
    curve: fixed((f) => 0.85 * f),
  },
  {
    name: "quarter-steps",
    family: "misleading",
    set: "tuned",
    description: "0, 25, 50, 75 % in steps at each quarter of the time",
    curve: fixed((f) => Math.floor(f * 4) / 4),
  },
  {
    name: "restart",
    family: "misleading",
    set: "tuned",
    description: "steady to 60 % at 40 % of the time, back to 0, then steady to 100 %",
    curve: fixed((f) => (f < 0.4 ? (0.6 * f) / 0.4 : (f - 0.4) / 0.6)),
  },
  {
    name: "wavy",
    family: "misleading",
    set: "tuned",
    description: "p = f + 0.03 sin(16 pi f + phase): goes up and down around a steady line",
    curve: (random) => {
      const phase = 2 * Math.PI * random();
      return (f) => f + 0.03 * Math.sin(16 * Math.PI * f + phase);
    },
  },
  {
    name: "under-reports-front",
    family: "misleading",
    set: "seen",
    description: "p = 0.9 (1 - (1 - f)^2): slows down towards 90 %, then SUCCESS",
    curve: fixed((f) => 0.9 * (1 - (1 - f) ** 2)),
  },
  {
    name: "tenth-steps",
    family: "misleading",
    set: "seen",
    description: "steps of 10 % at each tenth of the time",
    curve: fixed((f) => Math.floor(f * 10) / 10),
  },
  {
    name: "slow-then-fast",
    family: "misleading",
    set: "seen",
    description: "30 % in the first 70 % of the time, then the rest at a pace 5.4x faster",
    curve: fixed(
      polyline([
        [0, 0],
        [0.7, 0.3],
        [1, 1],
      ]),
    ),
  },
  {
    name: "noisy",
    family: "misleading",
    set: "seen",
    description: "p = f plus a random offset of up to +-4 %, drawn afresh every 2 % of the time",
    curve: (random) => {
      const offsets = Array.from({ length: 51 }, () => 0.08 * (random() - 0.5));
      return (f) => f + offsets[Math.floor(f * 50)];
    },
  },
  {
    name: "restart-late",
    family: "misleading",
    set: "seen",
    description: "steady to 95 % at half time, back to 0, then steady to 100 %",
    curve: fixed((f) => (f < 0.5 ? (0.95 * f) / 0.5 : (f - 0.5) / 0.5)),
  },

  {
    name: "creeping",
    // Held out as "no information" in the first round; it moves at a steady pace, only far too
    // slowly: a misleading under-report of its end.
    family: "misleading",
    set: "seen",
    description: "5 %, then one more percent every 20 % of the time (9 % at the end)",
    curve: fixed((f) => 0.05 + Math.floor(f * 5) / 100),
  },

  // ---- held out in round 2 (written after the first round), then used to change the strategy: seen ----
  {
    name: "half-smooth-s",
    family: "informative",
    set: "seen",
    description: "p = (f + 3f^2 - 2f^3) / 2: half linear, half S-shaped",
    curve: fixed((f) => (f + 3 * f * f - 2 * f ** 3) / 2),
  },
  {
    name: "ease-in",
    family: "informative",
    set: "seen",
    description: "p = 1 - cos(pi f / 2): slow start, fastest at the end",
    curve: fixed((f) => 1 - Math.cos((Math.PI * f) / 2)),
  },
  {
    name: "ease-out",
    family: "informative",
    set: "seen",
    description: "p = sin(pi f / 2): fast start, slowing to a stop at the end",
    curve: fixed((f) => Math.sin((Math.PI * f) / 2)),
  },
  {
    name: "swinging-pace",
    family: "informative",
    set: "seen",
    description: "p = f - 0.1 sin(2 pi f): the pace swings from 0.37x to 1.63x and back",
    curve: fixed((f) => f - 0.1 * Math.sin(2 * Math.PI * f)),
  },
  {
    name: "log-curve",
    family: "informative",
    set: "seen",
    description: "p = ln(1 + 9f) / ln(10): fast start, slowing, still moving at the end",
    curve: fixed((f) => Math.log(1 + 9 * f) / Math.log(10)),
  },
  {
    name: "exp-curve",
    family: "informative",
    set: "seen",
    description: "p = (e^(3f) - 1) / (e^3 - 1): speeding up all the way",
    curve: fixed((f) => (Math.exp(3 * f) - 1) / (Math.exp(3) - 1)),
  },
  {
    name: "jump-then-hold",
    family: "no-information",
    set: "seen",
    description: "steady to 50 % in the first 10 % of the time, then 50 % until the end",
    curve: fixed(
      polyline([
        [0, 0],
        [0.1, 0.5],
      ]),
    ),
  },
  {
    name: "stuck-at-98",
    family: "no-information",
    set: "seen",
    description: "steady to 98 % at 60 % of the time, then 98 % until the end",
    curve: fixed(
      polyline([
        [0, 0],
        [0.6, 0.98],
      ]),
    ),
  },
  {
    name: "three-stalls",
    family: "no-information",
    set: "seen",
    description: "stuck at 20, 50 and 80 % for a fifth of the time each, steady in between",
    curve: fixed(
      polyline([
        [0, 0],
        [0.1, 0.2],
        [0.3, 0.2],
        [0.4, 0.5],
        [0.6, 0.5],
        [0.7, 0.8],
        [0.9, 0.8],
        [1, 1],
      ]),
    ),
  },
  {
    name: "constant-half",
    family: "no-information",
    set: "seen",
    description: "50 % from the start",
    curve: fixed(() => 0.5),
  },
  {
    name: "stall-near-end",
    family: "no-information",
    set: "seen",
    description: "steady to 90 % at 40 % of the time, stuck there until 95 %, then to 100 %",
    curve: fixed(
      polyline([
        [0, 0],
        [0.4, 0.9],
        [0.95, 0.9],
        [1, 1],
      ]),
    ),
  },
  {
    name: "under-reports-back",
    family: "misleading",
    set: "seen",
    description: "p = 0.8 f^2: speeds up towards 80 %, then SUCCESS",
    curve: fixed((f) => 0.8 * f * f),
  },
  {
    name: "big-jump",
    family: "misleading",
    set: "seen",
    description: "steady to 10 % at half time, a jump to 90 %, then steady to 100 %",
    curve: fixed(
      polyline([
        [0, 0],
        [0.5, 0.1],
        [0.5, 0.9],
        [1, 1],
      ]),
    ),
  },
  {
    name: "sawtooth",
    family: "misleading",
    set: "seen",
    description: "p = f + 0.05 (frac(10 f) - 0.5): goes back by 5 % every tenth of the time",
    curve: fixed((f) => f + 0.05 * (((10 * f) % 1) - 0.5)),
  },
  {
    name: "restart-twice",
    family: "misleading",
    set: "seen",
    description: "to 40 % at 30 % of the time, back to 0, to 40 % at 60 %, back to 0, then to 100 %",
    curve: fixed((f) => (f < 0.3 ? (0.4 * f) / 0.3 : f < 0.6 ? (0.4 * (f - 0.3)) / 0.3 : (f - 0.6) / 0.4)),
  },
  {
    name: "random-walk",
    family: "misleading",
    set: "seen",
    description: "p = f plus a random walk of +-1.5 % steps every 2 % of the time, kept within +-6 %",
    curve: (random) => {
      const offsets = [0];
      for (let i = 1; i <= 50; i++)
        offsets.push(Math.max(-0.06, Math.min(0.06, offsets[i - 1] + 0.03 * (random() - 0.5))));
      return (f) => f + offsets[Math.floor(f * 50)];
    },
  },
  // ---- held out in round 3 (written at fdb2d72, before the strategy of 54a9a0a), then seen in round 5 ----
  {
    name: "power-three-halves",
    family: "informative",
    set: "seen",
    description: "p = f^1.5 (speeds up, less than f^2)",
    curve: fixed((f) => f ** 1.5),
  },
  {
    name: "root-two-thirds",
    family: "informative",
    set: "seen",
    description: "p = f^(2/3) (slows down, still moving at two thirds of the mean pace at the end)",
    curve: fixed((f) => f ** (2 / 3)),
  },
  {
    name: "gentle-front",
    family: "informative",
    set: "seen",
    description: "p = f + 0.3 f (1 - f): the pace falls steadily from 1.3x to 0.7x",
    curve: fixed((f) => f + 0.3 * f * (1 - f)),
  },
  {
    name: "gentle-back",
    family: "informative",
    set: "seen",
    description: "p = f - 0.3 f (1 - f): the pace rises steadily from 0.7x to 1.3x",
    curve: fixed((f) => f - 0.3 * f * (1 - f)),
  },
  {
    name: "double-wave",
    family: "informative",
    set: "seen",
    description: "p = f + 0.04 sin(4 pi f): the pace swings between 0.5x and 1.5x twice, fastest at the end",
    curve: fixed((f) => f + 0.04 * Math.sin(4 * Math.PI * f)),
  },
  {
    name: "three-paces",
    family: "informative",
    set: "seen",
    description: "10 % in the first quarter, 75 % by 60 % of the time, then the rest at 0.6x the mean pace",
    curve: fixed(
      polyline([
        [0, 0],
        [0.25, 0.1],
        [0.6, 0.75],
        [1, 1],
      ]),
    ),
  },
  {
    name: "tanh-ramp",
    family: "informative",
    set: "seen",
    description: "p = tanh(2f) / tanh(2): fast start, slowing to a seventh of the mean pace at the end",
    curve: fixed((f) => Math.tanh(2 * f) / Math.tanh(2)),
  },
  {
    name: "constant-tenth",
    family: "no-information",
    set: "seen",
    description: "10 % from the start",
    curve: fixed(() => 0.1),
  },
  {
    name: "early-long-stall",
    family: "no-information",
    set: "seen",
    description: "steady to 30 % at 15 % of the time, stuck there until 80 %, then steady to 100 %",
    curve: fixed(
      polyline([
        [0, 0],
        [0.15, 0.3],
        [0.8, 0.3],
        [1, 1],
      ]),
    ),
  },
  {
    name: "stuck-at-99-late",
    family: "no-information",
    set: "seen",
    description: "steady to 99 % at 85 % of the time, then 99 % until the end",
    curve: fixed(
      polyline([
        [0, 0],
        [0.85, 0.99],
      ]),
    ),
  },
  {
    name: "stall-every-quarter",
    family: "no-information",
    set: "seen",
    description: "in each quarter of the time: 25 % in its first half, stuck in its second half",
    curve: fixed((f) => (Math.floor(4 * f) + Math.min(1, 2 * ((4 * f) % 1))) / 4),
  },
  {
    name: "zero-then-99",
    family: "no-information",
    set: "seen",
    description: "0 for 60 % of the time, then 99 % at once until the end",
    curve: fixed((f) => (f < 0.6 ? 0 : 0.99)),
  },
  {
    name: "over-reports",
    family: "misleading",
    set: "seen",
    description: "p = 1.25 f: shows 99 % from 79 % of the time on",
    curve: fixed((f) => 1.25 * f),
  },
  {
    name: "under-reports-half",
    family: "misleading",
    set: "seen",
    description: "p = 0.5 f: SUCCESS comes at 50 %",
    curve: fixed((f) => 0.5 * f),
  },
  {
    name: "restart-at-90",
    family: "misleading",
    set: "seen",
    description: "steady to 90 % at 60 % of the time, back to 0, then steady to 100 %",
    curve: fixed((f) => (f < 0.6 ? (0.9 * f) / 0.6 : (f - 0.6) / 0.4)),
  },
  {
    name: "coarse-noise",
    family: "misleading",
    set: "seen",
    description: "p = f plus a random offset of up to +-8 %, drawn afresh every 5 % of the time",
    curve: (random) => {
      const offsets = Array.from({ length: 21 }, () => 0.16 * (random() - 0.5));
      return (f) => f + offsets[Math.floor(f * 20)];
    },
  },
  {
    name: "fifth-steps",
    family: "misleading",
    set: "seen",
    description: "0, 20, 40, 60, 80 % in steps at each fifth of the time",
    curve: fixed((f) => Math.floor(f * 5) / 5),
  },
  {
    name: "dips",
    family: "misleading",
    set: "seen",
    description: "p = f, but 4 % lower in the last fifth of every tenth of the time",
    curve: fixed((f) => f - ((10 * f) % 1 >= 0.8 ? 0.04 : 0)),
  },
  // ---- held out in round 4 (written after 54a9a0a to test it again), then seen in round 5 ----
  {
    name: "quadratic-mix",
    family: "informative",
    set: "seen",
    description: "p = 0.6 f + 0.4 f^2: the pace rises steadily from 0.6x to 1.4x",
    curve: fixed((f) => 0.6 * f + 0.4 * f * f),
  },
  {
    name: "root-mix",
    family: "informative",
    set: "seen",
    description: "p = (f + sqrt(f)) / 2: a fast start, then slowing to 0.75x the mean pace",
    curve: fixed((f) => (f + Math.sqrt(f)) / 2),
  },
  {
    name: "slow-middle",
    family: "informative",
    set: "seen",
    description: "p = f + 0.08 sin(2 pi f): the pace falls from 1.5x to 0.5x at half time and rises back",
    curve: fixed((f) => f + 0.08 * Math.sin(2 * Math.PI * f)),
  },
  {
    name: "late-surge",
    family: "informative",
    set: "seen",
    description: "30 % by half time, 60 % by 80 %, then the rest at twice the mean pace",
    curve: fixed(
      polyline([
        [0, 0],
        [0.5, 0.3],
        [0.8, 0.6],
        [1, 1],
      ]),
    ),
  },
  {
    name: "early-burst",
    family: "informative",
    set: "seen",
    description: "30 % in the first tenth of the time, then the rest at a steady 0.78x the mean pace",
    curve: fixed(
      polyline([
        [0, 0],
        [0.1, 0.3],
        [1, 1],
      ]),
    ),
  },
  {
    name: "cubic-mix",
    family: "informative",
    set: "seen",
    description: "p = (f + f^3) / 2: the pace rises from 0.5x to 2x",
    curve: fixed((f) => (f + f ** 3) / 2),
  },
  {
    name: "constant-third",
    family: "no-information",
    set: "seen",
    description: "33 % from the start",
    curve: fixed(() => 0.33),
  },
  {
    name: "stall-at-75",
    family: "no-information",
    set: "seen",
    description: "steady to 75 % at 40 % of the time, stuck there until 95 %, then to 100 %",
    curve: fixed(
      polyline([
        [0, 0],
        [0.4, 0.75],
        [0.95, 0.75],
        [1, 1],
      ]),
    ),
  },
  {
    name: "two-long-stalls",
    family: "no-information",
    set: "seen",
    description: "to 25 % at 10 %, stuck until 45 %, to 60 % at 55 %, stuck until 95 %, then to 100 %",
    curve: fixed(
      polyline([
        [0, 0],
        [0.1, 0.25],
        [0.45, 0.25],
        [0.55, 0.6],
        [0.95, 0.6],
        [1, 1],
      ]),
    ),
  },
  {
    name: "stuck-at-97",
    family: "no-information",
    set: "seen",
    description: "steady to 97 % at half time, then 97 % until the end",
    curve: fixed(
      polyline([
        [0, 0],
        [0.5, 0.97],
      ]),
    ),
  },
  {
    name: "stuck-at-1",
    family: "no-information",
    set: "seen",
    description: "1 % at 5 % of the time, stuck there until 90 %, then steady to 100 %",
    curve: fixed(
      polyline([
        [0, 0],
        [0.05, 0.01],
        [0.9, 0.01],
        [1, 1],
      ]),
    ),
  },
  {
    name: "zigzag",
    family: "misleading",
    set: "seen",
    description: "p = f plus a triangle wave of +-10 % with a period of a fifth of the time",
    curve: fixed((f) => f + 0.1 * (4 * Math.abs(((5 * f) % 1) - 0.5) - 1)),
  },
  {
    name: "under-reports-two-thirds",
    family: "misleading",
    set: "seen",
    description: "p = 0.67 f: SUCCESS comes at 67 %",
    curve: fixed((f) => 0.67 * f),
  },
  {
    name: "back-and-forth",
    family: "misleading",
    set: "seen",
    description: "p = f, but 10 % lower in every other tenth of the time (the second, fourth, ... tenth)",
    curve: fixed((f) => f - (Math.floor(10 * f) % 2 === 1 ? 0.1 : 0)),
  },
  {
    name: "restart-at-30",
    family: "misleading",
    set: "seen",
    description: "steady to 30 % at 30 % of the time, back to 0, then steady to 100 %",
    curve: fixed((f) => (f < 0.3 ? f : (f - 0.3) / 0.7)),
  },
  {
    name: "half-steps",
    family: "misleading",
    set: "seen",
    description: "0 until half time, then 50 % until the end",
    curve: fixed((f) => (f < 0.5 ? 0 : 0.5)),
  },
  // ---- held out in round 5 (written at c69b22a, before the strategy of 5572ac0), then seen in round 6 ----
  {
    name: "power-thirteen-tenths",
    family: "informative",
    set: "seen",
    description: "p = f^1.3 (speeds up a little)",
    curve: fixed((f) => f ** 1.3),
  },
  {
    name: "late-slowdown",
    family: "informative",
    set: "seen",
    description: "80 % by 70 % of the time, then the rest at two thirds of the mean pace",
    curve: fixed(
      polyline([
        [0, 0],
        [0.7, 0.8],
        [1, 1],
      ]),
    ),
  },
  {
    name: "mid-surge",
    family: "informative",
    set: "seen",
    description: "20 % by 40 % of the time, 70 % by 60 %, then the rest at 0.75x the mean pace",
    curve: fixed(
      polyline([
        [0, 0],
        [0.4, 0.2],
        [0.6, 0.7],
        [1, 1],
      ]),
    ),
  },
  {
    name: "sqrt-mix",
    family: "informative",
    set: "seen",
    description: "p = 0.7 sqrt(f) + 0.3 f: a fast start, slowing to 0.65x the mean pace",
    curve: fixed((f) => 0.7 * Math.sqrt(f) + 0.3 * f),
  },
  {
    name: "constant-two-thirds",
    family: "no-information",
    set: "seen",
    description: "67 % from the start",
    curve: fixed(() => 0.67),
  },
  {
    name: "stuck-at-2",
    family: "no-information",
    set: "seen",
    description: "2 % at 3 % of the time, stuck there until 85 %, then steady to 100 %",
    curve: fixed(
      polyline([
        [0, 0],
        [0.03, 0.02],
        [0.85, 0.02],
        [1, 1],
      ]),
    ),
  },
  {
    name: "stall-then-sprint",
    family: "no-information",
    set: "seen",
    description: "steady to 40 % at 30 % of the time, stuck until 90 %, then to 100 %",
    curve: fixed(
      polyline([
        [0, 0],
        [0.3, 0.4],
        [0.9, 0.4],
        [1, 1],
      ]),
    ),
  },
  {
    name: "stuck-at-95",
    family: "no-information",
    set: "seen",
    description: "steady to 95 % at 40 % of the time, then 95 % until the end",
    curve: fixed(
      polyline([
        [0, 0],
        [0.4, 0.95],
      ]),
    ),
  },
  {
    name: "zero-then-jump",
    family: "no-information",
    set: "seen",
    description: "0 until 70 % of the time, then 50 % at once and steady to 100 %",
    curve: fixed((f) => (f < 0.7 ? 0 : 0.5 + (0.5 * (f - 0.7)) / 0.3)),
  },
  {
    name: "overshoot-back",
    family: "misleading",
    set: "seen",
    description: "p = 1.3 f to 65 % at half time, back to 50 %, then steady to 100 %",
    curve: fixed((f) => (f < 0.5 ? 1.3 * f : f)),
  },
  {
    name: "third-steps",
    family: "misleading",
    set: "seen",
    description: "0, 33, 67 % in steps at each third of the time",
    curve: fixed((f) => Math.floor(f * 3) / 3),
  },
  {
    name: "tenth-noise",
    family: "misleading",
    set: "seen",
    description: "p = f plus a random offset of up to +-5 %, drawn afresh every 10 % of the time",
    curve: (random) => {
      const offsets = Array.from({ length: 11 }, () => 0.1 * (random() - 0.5));
      return (f) => f + offsets[Math.floor(f * 10)];
    },
  },
  {
    name: "restart-at-60",
    family: "misleading",
    set: "seen",
    description: "steady to 60 % at 60 % of the time, back to 0, then steady to 100 %",
    curve: fixed((f) => (f < 0.6 ? f : (f - 0.6) / 0.4)),
  },
  {
    name: "half-pace-then-sprint",
    family: "misleading",
    set: "seen",
    description: "p = f / 2 until 80 % of the time (40 %), then the rest at three times the mean pace",
    curve: fixed(
      polyline([
        [0, 0],
        [0.8, 0.4],
        [1, 1],
      ]),
    ),
  },
  // ---- held out in round 6 (written at 591200f, before 09d1fd4), then seen in round 7 ----
  {
    name: "power-seventeen-tenths",
    family: "informative",
    set: "seen",
    description: "p = f^1.7 (speeds up steadily, 1.7x the mean pace at the end)",
    curve: fixed((f) => f ** 1.7),
  },
  {
    name: "sine-ease",
    family: "informative",
    set: "seen",
    description: "p = (1 - cos(pi f)) / 2: slow at both ends, 1.57x the mean pace at half time",
    curve: fixed((f) => (1 - Math.cos(Math.PI * f)) / 2),
  },
  {
    name: "fast-fifth",
    family: "informative",
    set: "seen",
    description: "40 % in the first 20 % of the time, then the rest at 0.75x the mean pace",
    curve: fixed(
      polyline([
        [0, 0],
        [0.2, 0.4],
        [1, 1],
      ]),
    ),
  },
  {
    name: "fine-wave",
    family: "informative",
    set: "seen",
    description: "p = f + 0.015 sin(10 pi f): the pace swings between 0.53x and 1.47x five times",
    curve: fixed((f) => f + 0.015 * Math.sin(10 * Math.PI * f)),
  },
  {
    name: "constant-one",
    family: "no-information",
    set: "seen",
    description: "1 % from the start",
    curve: fixed(() => 0.01),
  },
  {
    name: "stuck-at-half",
    family: "no-information",
    set: "seen",
    description: "steady to 50 % at 20 % of the time, then 50 % until the end",
    curve: fixed(
      polyline([
        [0, 0],
        [0.2, 0.5],
      ]),
    ),
  },
  {
    name: "stuck-at-10",
    family: "no-information",
    set: "seen",
    description: "steady to 10 % at 5 % of the time, then 10 % until the end",
    curve: fixed(
      polyline([
        [0, 0],
        [0.05, 0.1],
      ]),
    ),
  },
  {
    name: "stall-at-80",
    family: "no-information",
    set: "seen",
    description: "steady to 80 % at 40 % of the time, stuck until 95 %, then to 100 %",
    curve: fixed(
      polyline([
        [0, 0],
        [0.4, 0.8],
        [0.95, 0.8],
        [1, 1],
      ]),
    ),
  },
  {
    name: "zero-then-half",
    family: "no-information",
    set: "seen",
    description: "0 until 60 % of the time, then 50 % until the end",
    curve: fixed((f) => (f < 0.6 ? 0 : 0.5)),
  },
  {
    name: "under-reports-third",
    family: "misleading",
    set: "seen",
    description: "p = f / 3: SUCCESS comes at 33 %",
    curve: fixed((f) => f / 3),
  },
  {
    name: "quarter-noise",
    family: "misleading",
    set: "seen",
    description: "p = f plus a random offset of up to +-10 %, drawn afresh every quarter of the time",
    curve: (random) => {
      const offsets = Array.from({ length: 5 }, () => 0.2 * (random() - 0.5));
      return (f) => f + offsets[Math.floor(f * 4)];
    },
  },
  {
    name: "restart-at-80",
    family: "misleading",
    set: "seen",
    description: "steady to 80 % at 80 % of the time, back to 0, then steady to 100 %",
    curve: fixed((f) => (f < 0.8 ? f : (f - 0.8) / 0.2)),
  },
  {
    name: "uneven-steps",
    family: "misleading",
    set: "seen",
    description: "0, 10, 60 and 90 % in steps at 0, 30, 50 and 90 % of the time",
    curve: fixed((f) => (f < 0.3 ? 0 : f < 0.5 ? 0.1 : f < 0.9 ? 0.6 : 0.9)),
  },
  {
    name: "fast-then-crawl",
    family: "misleading",
    set: "seen",
    description: "p = 2 f to 80 % at 40 % of the time, then crawls to 90 %: SUCCESS comes at 90 %",
    curve: fixed(
      polyline([
        [0, 0],
        [0.4, 0.8],
        [1, 0.9],
      ]),
    ),
  },
  // ---- held out in round 7 (written at 03ca0c0, run once on it), then seen in round 8 ----
  {
    name: "arcsine",
    family: "informative",
    set: "seen",
    description:
      "p = (2 / pi) asin(sqrt f): fastest at both ends, slowest (0.79x the mean pace) at half time",
    curve: fixed((f) => (2 / Math.PI) * Math.asin(Math.sqrt(f))),
  },
  {
    name: "smootherstep",
    family: "informative",
    set: "seen",
    description:
      "p = 6f^5 - 15f^4 + 10f^3: slower at both ends than the s-curve, 1.88x the mean pace at half time",
    curve: fixed((f) => f ** 3 * (10 - 15 * f + 6 * f * f)),
  },
  {
    name: "linear-then-ease",
    family: "informative",
    set: "seen",
    description: "p = 1.2 f to 60 % at half time, then easing out (1.6x the mean pace falling to 0) to 100 %",
    curve: fixed((f) => (f < 0.5 ? 1.2 * f : 0.6 + 0.4 * (1 - (1 - (f - 0.5) / 0.5) ** 2))),
  },
  {
    name: "two-speed-halves",
    family: "informative",
    set: "seen",
    description: "35 % at half time (0.7x the mean pace), then the rest at 1.3x",
    curve: fixed(
      polyline([
        [0, 0],
        [0.5, 0.35],
        [1, 1],
      ]),
    ),
  },
  {
    name: "exp-decay",
    family: "informative",
    set: "seen",
    description: "p = (1 - e^(-3f)) / (1 - e^(-3)): 3.2x the mean pace at the start, 0.16x at the end",
    curve: fixed((f) => (1 - Math.exp(-3 * f)) / (1 - Math.exp(-3))),
  },
  {
    name: "stair-stall",
    family: "no-information",
    set: "seen",
    description: "20 % at once at 5 % of the time, stuck until half time, then 40 % at once until the end",
    curve: fixed((f) => (f < 0.05 ? 0 : f < 0.5 ? 0.2 : 0.4)),
  },
  {
    name: "zero-ramp-99",
    family: "no-information",
    set: "seen",
    description: "0 until 40 % of the time, steady to 99 % by 60 %, then 99 % until the end",
    curve: fixed(
      polyline([
        [0.4, 0],
        [0.6, 0.99],
      ]),
    ),
  },
  {
    name: "long-stall-at-5",
    family: "no-information",
    set: "seen",
    description: "steady to 5 % at 2 % of the time, stuck until 98 %, then to 100 %",
    curve: fixed(
      polyline([
        [0, 0],
        [0.02, 0.05],
        [0.98, 0.05],
        [1, 1],
      ]),
    ),
  },
  {
    name: "stuck-at-89",
    family: "no-information",
    set: "seen",
    description: "steady to 89 % at 30 % of the time, then 89 % until the end",
    curve: fixed(
      polyline([
        [0, 0],
        [0.3, 0.89],
      ]),
    ),
  },
  {
    name: "quarter-then-99",
    family: "no-information",
    set: "seen",
    description: "steady to 25 % at 10 % of the time, stuck until 60 %, steady to 99 % by 70 %, then 99 %",
    curve: fixed(
      polyline([
        [0, 0],
        [0.1, 0.25],
        [0.6, 0.25],
        [0.7, 0.99],
      ]),
    ),
  },
  {
    name: "under-reports-tenth",
    family: "misleading",
    set: "seen",
    description: "p = f / 10: a step of 1 % every tenth of the time, SUCCESS at 10 %",
    curve: fixed((f) => f / 10),
  },
  {
    name: "overshoot-restart",
    family: "misleading",
    set: "seen",
    description: "p = 1.5 f to 90 % at 60 % of the time, back to 30 %, then steady to 100 %",
    curve: fixed((f) => (f < 0.6 ? 1.5 * f : 0.3 + (0.7 * (f - 0.6)) / 0.4)),
  },
  {
    name: "third-noise",
    family: "misleading",
    set: "seen",
    description: "p = f plus a random offset of up to +-15 %, drawn afresh every third of the time",
    curve: (random) => {
      const offsets = Array.from({ length: 4 }, () => 0.3 * (random() - 0.5));
      return (f) => f + offsets[Math.floor(f * 3)];
    },
  },
  {
    name: "under-reported-steps",
    family: "misleading",
    set: "seen",
    description: "steps of 15 % at each fifth of the time: SUCCESS comes at 60 %",
    curve: fixed((f) => 0.15 * Math.floor(f * 5)),
  },
  {
    name: "up-then-down",
    family: "misleading",
    set: "seen",
    description: "steady to 50 % at half time, then down steadily to 20 %: SUCCESS comes at 20 %",
    curve: fixed((f) => (f < 0.5 ? f : 0.5 - 0.6 * (f - 0.5))),
  },
  // ---- held out in round 8 (written at c953b76, run on the strategy of 03ca0c0), then seen in round 9 ----
  {
    name: "sprint-to-end",
    family: "informative",
    set: "seen",
    description:
      "p = 1 - sqrt(1 - f): speeding up all the way, ever faster at the end (the last 10 % in 1 % of the time)",
    curve: fixed((f) => 1 - Math.sqrt(Math.max(0, 1 - f))),
  },
  {
    name: "four-paces",
    family: "informative",
    set: "seen",
    description:
      "30 % by 20 % of the time, 40 % by 40 %, 80 % by 70 %, then to 100 % (1.5x, 0.5x, 1.33x, 0.67x)",
    curve: fixed(
      polyline([
        [0, 0],
        [0.2, 0.3],
        [0.4, 0.4],
        [0.7, 0.8],
        [1, 1],
      ]),
    ),
  },
  {
    name: "tan-curve",
    family: "informative",
    set: "seen",
    description: "p = tan(pi f / 4): the pace rises from 0.79x to 1.57x",
    curve: fixed((f) => Math.tan((Math.PI * f) / 4)),
  },
  {
    name: "quartic-mix",
    family: "informative",
    set: "seen",
    description: "p = (f + f^4) / 2: the pace rises from 0.5x to 2.5x",
    curve: fixed((f) => (f + f ** 4) / 2),
  },
  {
    name: "steady-with-pause",
    family: "informative",
    set: "seen",
    description: "p = f at 1.1x the mean pace, but holding for 9 % of the time at 40 %",
    curve: fixed(
      polyline([
        [0, 0],
        [0.364, 0.4],
        [0.454, 0.4],
        [1, 1],
      ]),
    ),
  },
  {
    name: "stall-at-45",
    family: "no-information",
    set: "seen",
    description: "steady to 45 % at 15 % of the time, then 45 % until the end",
    curve: fixed(
      polyline([
        [0, 0],
        [0.15, 0.45],
      ]),
    ),
  },
  {
    name: "creep-then-stuck",
    family: "no-information",
    set: "seen",
    description: "steady to 3 % at 60 % of the time, then 3 % until the end",
    curve: fixed(
      polyline([
        [0, 0],
        [0.6, 0.03],
      ]),
    ),
  },
  {
    name: "zero-then-99-late",
    family: "no-information",
    set: "seen",
    description: "0 until 90 % of the time, then 99 % until the end",
    curve: fixed((f) => (f < 0.9 ? 0 : 0.99)),
  },
  {
    name: "stall-at-60-resume",
    family: "no-information",
    set: "seen",
    description: "steady to 60 % at 20 % of the time, stuck until 85 %, then steady to 100 %",
    curve: fixed(
      polyline([
        [0, 0],
        [0.2, 0.6],
        [0.85, 0.6],
        [1, 1],
      ]),
    ),
  },
  {
    name: "constant-ninety",
    family: "no-information",
    set: "seen",
    description: "90 % from the start",
    curve: fixed(() => 0.9),
  },
  {
    name: "under-reports-root-quarter",
    family: "misleading",
    set: "seen",
    description: "p = sqrt(f) / 4: slowing all the way, SUCCESS at 25 %",
    curve: fixed((f) => Math.sqrt(f) / 4),
  },
  {
    name: "restart-at-20",
    family: "misleading",
    set: "seen",
    description: "steady to 20 % at 20 % of the time, back to 0, then steady to 100 %",
    curve: fixed((f) => (f < 0.2 ? f : (f - 0.2) / 0.8)),
  },
  {
    name: "fifteenth-noise",
    family: "misleading",
    set: "seen",
    description: "p = f plus a random offset of up to +-6 %, drawn afresh every fifteenth of the time",
    curve: (random) => {
      const offsets = Array.from({ length: 16 }, () => 0.12 * (random() - 0.5));
      return (f) => f + offsets[Math.floor(f * 15)];
    },
  },
  {
    name: "steps-30-70-95",
    family: "misleading",
    set: "seen",
    description: "0, then 30, 70 and 95 % in steps at 30, 60 and 90 % of the time",
    curve: fixed((f) => (f < 0.3 ? 0 : f < 0.6 ? 0.3 : f < 0.9 ? 0.7 : 0.95)),
  },
  {
    name: "down-then-up",
    family: "misleading",
    set: "seen",
    description: "steady to 40 % at 30 % of the time, down to 10 % at half time, then steady to 100 %",
    curve: fixed(
      polyline([
        [0, 0],
        [0.3, 0.4],
        [0.5, 0.1],
        [1, 1],
      ]),
    ),
  },
  // ---- held out in round 9 (written at 9119f51, run on the strategies of 03ca0c0 and f85300f), then seen in round 10 ----
  {
    name: "power-sprint",
    family: "informative",
    set: "seen",
    description: "p = 1 - (1 - f)^0.7: speeding up, ever faster at the end",
    curve: fixed((f) => 1 - Math.max(0, 1 - f) ** 0.7),
  },
  {
    name: "slow-fast-slow",
    family: "informative",
    set: "seen",
    description: "15 % by 30 % of the time, 85 % by 70 %, then the rest (0.5x, 1.75x, 0.375x)",
    curve: fixed(
      polyline([
        [0, 0],
        [0.3, 0.15],
        [0.7, 0.85],
        [1, 1],
      ]),
    ),
  },
  {
    name: "power-six-tenths",
    family: "informative",
    set: "seen",
    description: "p = f^0.6 (a fast start, slowing to 0.6x the mean pace)",
    curve: fixed((f) => f ** 0.6),
  },
  {
    name: "mixed-wave",
    family: "informative",
    set: "seen",
    description: "p = f + 0.02 sin(8 pi f) + 0.02 sin(2 pi f): two swings of the pace at once",
    curve: fixed((f) => f + 0.02 * Math.sin(8 * Math.PI * f) + 0.02 * Math.sin(2 * Math.PI * f)),
  },
  {
    name: "quadratic-ease-mid",
    family: "informative",
    set: "seen",
    description: "p = f / 2 + (3f^2 - 2f^3)^2 / 2: a slow start, fastest just before the end",
    curve: fixed((f) => 0.5 * f + 0.5 * (3 * f * f - 2 * f ** 3) ** 2),
  },
  {
    name: "creep-to-stall-at-6",
    family: "no-information",
    set: "seen",
    description: "steady to 6 % at 40 % of the time, then 6 % until the end",
    curve: fixed(
      polyline([
        [0, 0],
        [0.4, 0.06],
      ]),
    ),
  },
  {
    name: "stall-at-70-to-end",
    family: "no-information",
    set: "seen",
    description: "steady to 70 % at 25 % of the time, then 70 % until the end",
    curve: fixed(
      polyline([
        [0, 0],
        [0.25, 0.7],
      ]),
    ),
  },
  {
    name: "slow-creep-then-99",
    family: "no-information",
    set: "seen",
    description: "steady to 4 % at 50 % of the time, 99 % at once from 60 % until the end",
    curve: fixed((f) => (f < 0.6 ? Math.min(0.04, 0.08 * f) : 0.99)),
  },
  {
    name: "constant-fifteen",
    family: "no-information",
    set: "seen",
    description: "15 % from the start",
    curve: fixed(() => 0.15),
  },
  {
    name: "stall-mid-long",
    family: "no-information",
    set: "seen",
    description: "steady to 35 % at 20 % of the time, stuck until 90 %, then steady to 100 %",
    curve: fixed(
      polyline([
        [0, 0],
        [0.2, 0.35],
        [0.9, 0.35],
        [1, 1],
      ]),
    ),
  },
  {
    name: "under-reports-fifth-steps",
    family: "misleading",
    set: "seen",
    description: "steps of 4 % at each tenth of the time: SUCCESS comes at 36 %",
    curve: fixed((f) => 0.04 * Math.floor(f * 10)),
  },
  {
    name: "restart-at-50-slow",
    family: "misleading",
    set: "seen",
    description: "steady to 50 % at 50 % of the time, back to 0, then steady to 80 %: SUCCESS comes at 80 %",
    curve: fixed((f) => (f < 0.5 ? f : 1.6 * (f - 0.5))),
  },
  {
    name: "eighth-noise",
    family: "misleading",
    set: "seen",
    description: "p = f plus a random offset of up to +-12 %, drawn afresh every eighth of the time",
    curve: (random) => {
      const offsets = Array.from({ length: 9 }, () => 0.24 * (random() - 0.5));
      return (f) => f + offsets[Math.floor(f * 8)];
    },
  },
  {
    name: "jump-to-70",
    family: "misleading",
    set: "seen",
    description: "0 until 20 % of the time, 70 % at once, then steady to 80 %: SUCCESS comes at 80 %",
    curve: fixed((f) => (f < 0.2 ? 0 : 0.7 + (0.1 * (f - 0.2)) / 0.8)),
  },
  {
    name: "falling-then-success",
    family: "misleading",
    set: "seen",
    description: "steady to 70 % at 70 % of the time, then down to 40 %: SUCCESS comes at 40 %",
    curve: fixed((f) => (f < 0.7 ? f : 0.7 - (f - 0.7))),
  },
  // ---- held out in round 10 (written at a605873, run on the strategies of a605873 and 18d099a), then seen in round 11 ----
  {
    name: "log-speed-up",
    family: "informative",
    set: "seen",
    description: "p = -log10(1 - 0.9 f): speeding up all the way, from 0.39x to 3.9x the mean pace",
    curve: fixed((f) => -Math.log10(1 - 0.9 * f)),
  },
  {
    name: "wave-and-a-half",
    family: "informative",
    set: "seen",
    description: "p = f + 0.03 sin(3 pi f): the pace swings between 1.28x and 0.72x one and a half times",
    curve: fixed((f) => f + 0.03 * Math.sin(3 * Math.PI * f)),
  },
  {
    name: "early-peak-ease",
    family: "informative",
    set: "seen",
    description: "p = 6f^2 - 8f^3 + 3f^4: a slow start, fastest (1.78x) at a third of the time, slowing to 0",
    curve: fixed((f) => 6 * f * f - 8 * f ** 3 + 3 * f ** 4),
  },
  {
    name: "slow-first-tenth",
    family: "informative",
    set: "seen",
    description: "2 % in the first 10 % of the time (0.2x the mean pace), then the rest at a steady 1.09x",
    curve: fixed(
      polyline([
        [0, 0],
        [0.1, 0.02],
        [1, 1],
      ]),
    ),
  },
  {
    name: "mid-burst",
    family: "informative",
    set: "seen",
    description: "p = f at 0.89x the mean pace, but 15 % in the 5 % of the time from 45 to 50 % (3x)",
    curve: fixed(
      polyline([
        [0, 0],
        [0.45, 0.45 * (0.85 / 0.95)],
        [0.5, 0.45 * (0.85 / 0.95) + 0.15],
        [1, 1],
      ]),
    ),
  },
  {
    name: "constant-37",
    family: "no-information",
    set: "seen",
    description: "37 % from the start",
    curve: fixed(() => 0.37),
  },
  {
    name: "on-pace-then-stuck",
    family: "no-information",
    set: "seen",
    description: "p = f until 65 % of the time, then 65 % until the end",
    curve: fixed(
      polyline([
        [0, 0],
        [0.65, 0.65],
      ]),
    ),
  },
  {
    name: "constant-40-one-tick",
    family: "no-information",
    set: "seen",
    description: "40 % from the start, 41 % from 70 % of the time on",
    curve: fixed((f) => (f < 0.7 ? 0.4 : 0.41)),
  },
  {
    name: "creep-stall-finish",
    family: "no-information",
    set: "seen",
    description: "steady to 2 % at 40 % of the time, stuck until 92 %, then steady to 100 %",
    curve: fixed(
      polyline([
        [0, 0],
        [0.4, 0.02],
        [0.92, 0.02],
        [1, 1],
      ]),
    ),
  },
  {
    name: "two-high-plateaus",
    family: "no-information",
    set: "seen",
    description: "steady to 90 % at 20 % of the time, stuck until 70 %, then 99 % from 75 % until the end",
    curve: fixed(
      polyline([
        [0, 0],
        [0.2, 0.9],
        [0.7, 0.9],
        [0.75, 0.99],
      ]),
    ),
  },
  {
    name: "under-reports-then-jump",
    family: "misleading",
    set: "seen",
    description: "p = 0.6 f to 54 % at 90 % of the time, then 85 % at once: SUCCESS comes at 85 %",
    curve: fixed((f) => (f < 0.9 ? 0.6 * f : 0.85)),
  },
  {
    name: "random-steps",
    family: "misleading",
    set: "seen",
    description:
      "a step at each eighth of the time, of a random size (0.2x to 1.8x the mean), to 95 % at 7/8",
    curve: (random) => {
      const sizes = Array.from({ length: 7 }, () => 0.2 + 1.6 * random());
      const total = sizes.reduce((a, b) => a + b, 0);
      const reached = [0];
      for (const size of sizes) reached.push(reached[reached.length - 1] + (0.95 * size) / total);
      return (f) => reached[Math.min(7, Math.floor(f * 8))];
    },
  },
  {
    name: "false-finish-restart",
    family: "misleading",
    set: "seen",
    description: "steady to 99 % at 40 % of the time, held until 60 %, back to 0, then steady to 100 %",
    curve: fixed((f) => (f < 0.4 ? (0.99 * f) / 0.4 : f < 0.6 ? 0.99 : (f - 0.6) / 0.4)),
  },
  {
    name: "under-reports-noisy",
    family: "misleading",
    set: "seen",
    description: "p = 0.9 f plus a random offset of up to +-5 %, drawn afresh every twelfth of the time",
    curve: (random) => {
      const offsets = Array.from({ length: 13 }, () => 0.1 * (random() - 0.5));
      return (f) => 0.9 * f + offsets[Math.floor(f * 12)];
    },
  },
  {
    name: "pace-drop-4x",
    family: "misleading",
    set: "seen",
    description: "p = 1.6 f to 80 % at half time, then a quarter of that pace (0.4x) to 100 %",
    curve: fixed((f) => (f < 0.5 ? 1.6 * f : 0.8 + 0.4 * (f - 0.5))),
  },
  // ---- held out in round 11 (written at 18d099a, run on the strategies of a605873 and 18d099a), then seen in round 12 ----
  {
    name: "ease-in-then-linear",
    family: "informative",
    set: "seen",
    description:
      "p = f^2 / 0.51 to 18 % at 30 % of the time (a smooth slow start), then a steady 1.18x the mean pace",
    curve: fixed((f) => (f < 0.3 ? f * f : 0.09 + 0.6 * (f - 0.3)) / 0.51),
  },
  {
    name: "decaying-pace-floor",
    family: "informative",
    set: "seen",
    description:
      "the pace decays as 0.3 + e^(-4f): 2.4x the mean pace at the start, 0.58x at the end, never 0",
    curve: fixed((f) => (0.3 * f + (1 - Math.exp(-4 * f)) / 4) / (0.3 + (1 - Math.exp(-4)) / 4)),
  },
  {
    name: "late-logistic",
    family: "informative",
    set: "seen",
    description:
      "a logistic of steepness 12 around 75 % of the time, scaled to 0..1: 5 % at half time, 3.1x at 75 %",
    curve: fixed((f) => {
      const s = (x: number): number => 1 / (1 + Math.exp(-12 * (x - 0.75)));
      return (s(f) - s(0)) / (s(1) - s(0));
    }),
  },
  {
    name: "soft-staircase",
    family: "informative",
    set: "seen",
    description: "p = f - 0.8 sin(8 pi f) / (8 pi): four soft steps, the pace swinging between 0.2x and 1.8x",
    curve: fixed((f) => f - (0.8 * Math.sin(8 * Math.PI * f)) / (8 * Math.PI)),
  },
  {
    name: "power-fifteen-hundredths",
    family: "informative",
    set: "seen",
    description: "p = f^1.15 (speeds up a little, 1.15x the mean pace at the end)",
    curve: fixed((f) => f ** 1.15),
  },
  {
    name: "creep-to-3-stall-to-80",
    family: "no-information",
    set: "seen",
    description: "steady to 3 % at 25 % of the time, stuck until 80 %, then steady to 100 %",
    curve: fixed(
      polyline([
        [0, 0],
        [0.25, 0.03],
        [0.8, 0.03],
        [1, 1],
      ]),
    ),
  },
  {
    name: "constant-seven",
    family: "no-information",
    set: "seen",
    description: "7 % from the start",
    curve: fixed(() => 0.07),
  },
  {
    name: "jump-to-95-at-half",
    family: "no-information",
    set: "seen",
    description: "p = f until half time, then 95 % at once until the end",
    curve: fixed((f) => (f < 0.5 ? f : 0.95)),
  },
  {
    name: "early-stall-then-steady",
    family: "no-information",
    set: "seen",
    description:
      "25 % in the first 5 % of the time, stuck until 35 %, then steady to 100 % (1.15x the mean pace)",
    curve: fixed(
      polyline([
        [0, 0],
        [0.05, 0.25],
        [0.35, 0.25],
        [1, 1],
      ]),
    ),
  },
  {
    name: "late-ramp-to-30",
    family: "no-information",
    set: "seen",
    description: "0 until 40 % of the time, steady to 30 % by half time, then 30 % until the end",
    curve: fixed(
      polyline([
        [0.4, 0],
        [0.5, 0.3],
      ]),
    ),
  },
  {
    name: "irregular-tenth-steps",
    family: "misleading",
    set: "seen",
    description:
      "steps of 10 % near each tenth of the time, each up to 4.5 % early or late (random): SUCCESS comes at 90 %",
    curve: (random) => {
      const times = Array.from({ length: 9 }, (_, i) => (i + 1 + 0.9 * (random() - 0.5)) / 10);
      return (f) => times.filter((t) => f >= t).length / 10;
    },
  },
  {
    name: "growing-noise",
    family: "misleading",
    set: "seen",
    description:
      "p = f plus a random offset of up to +-10 % of f (none at first), drawn afresh every 4 % of the time",
    curve: (random) => {
      const offsets = Array.from({ length: 26 }, () => random() - 0.5);
      return (f) => f + 0.2 * f * offsets[Math.floor(f * 25)];
    },
  },
  {
    name: "early-spike",
    family: "misleading",
    set: "seen",
    description: "p = f, but 70 % for 3 % of the time, from a random point between 10 and 20 % of the time",
    curve: (random) => {
      const at = 0.1 + 0.1 * random();
      return (f) => (f >= at && f < at + 0.03 ? 0.7 : f);
    },
  },
  {
    name: "counts-down",
    family: "misleading",
    set: "seen",
    description:
      "p = 1 - f: 99 % at the start, counting down to 0 at SUCCESS (the share left, shown as progress)",
    curve: fixed((f) => 1 - f),
  },
  {
    name: "ahead-then-wait",
    family: "misleading",
    set: "seen",
    description: "p = 1.5 f to 60 % at 40 % of the time, held at 60 % until 60 %, then p = f to 100 %",
    curve: fixed((f) => (f < 0.4 ? 1.5 * f : Math.max(0.6, f))),
  },
  // ---- held out in round 12 (written at 3fe069a, run on the strategies of 18d099a and a142bb1), then seen in round 13 ----
  {
    name: "late-soft-brake",
    family: "informative",
    set: "seen",
    description:
      "1.07x the mean pace until 80 % of the time, then slowing smoothly to a third of the mean pace at the end",
    curve: fixed((f) => {
      const c = 29 / 27;
      return f < 0.8 ? c * f : c * f - ((c - 1 / 3) * (f - 0.8) ** 2) / 0.4;
    }),
  },
  {
    name: "phased-swing",
    family: "informative",
    set: "seen",
    description:
      "p = f + 0.4 (sin(6 pi f + phase) - sin(phase)) / (6 pi): the pace swings between 0.6x and 1.4x three times, from a random phase",
    curve: (random) => {
      const phase = 2 * Math.PI * random();
      return (f) => f + (0.4 * (Math.sin(6 * Math.PI * f + phase) - Math.sin(phase))) / (6 * Math.PI);
    },
  },
  {
    name: "quick-start-then-steady",
    family: "informative",
    set: "seen",
    description: "15 % in the first 5 % of the time (3x the mean pace), then the rest at a steady 0.89x",
    curve: fixed(
      polyline([
        [0, 0],
        [0.05, 0.15],
        [1, 1],
      ]),
    ),
  },
  {
    name: "exp-two",
    family: "informative",
    set: "seen",
    description: "p = (e^(2f) - 1) / (e^2 - 1): speeding up all the way, from 0.31x to 2.31x the mean pace",
    curve: fixed((f) => (Math.exp(2 * f) - 1) / (Math.exp(2) - 1)),
  },
  {
    name: "peak-at-two-thirds",
    family: "informative",
    set: "seen",
    description:
      "p = 0.4 f + 0.6 (4f^3 - 3f^4): 0.4x the mean pace at both ends, fastest (1.47x) at two thirds of the time",
    curve: fixed((f) => 0.4 * f + 0.6 * (4 * f ** 3 - 3 * f ** 4)),
  },
  {
    name: "zero-then-99-near-third",
    family: "no-information",
    set: "seen",
    description: "0 until a random point between 30 and 40 % of the time, then 99 % at once until the end",
    curve: (random) => {
      const at = 0.3 + 0.1 * random();
      return (f) => (f < at ? 0 : 0.99);
    },
  },
  {
    name: "constant-82",
    family: "no-information",
    set: "seen",
    description: "82 % from the start",
    curve: fixed(() => 0.82),
  },
  {
    name: "on-pace-then-ticks",
    family: "no-information",
    set: "seen",
    description:
      "p = f until half time, then 50 %, moving 1 % at 70 % and again at 90 % of the time (52 % at the end)",
    curve: fixed((f) => (f < 0.5 ? f : 0.5 + (f >= 0.7 ? 0.01 : 0) + (f >= 0.9 ? 0.01 : 0))),
  },
  {
    name: "ease-to-99-by-30",
    family: "no-information",
    set: "seen",
    description:
      "p = 0.99 (1 - (1 - f / 0.3)^3): a fast start easing into 99 % at 30 % of the time, then 99 % until the end",
    curve: fixed((f) => 0.99 * (1 - (1 - Math.min(1, f / 0.3)) ** 3)),
  },
  {
    name: "stall-at-12-then-99",
    family: "no-information",
    set: "seen",
    description: "steady to 12 % at 10 % of the time, stuck until 85 %, then 99 % at once until the end",
    curve: fixed(
      polyline([
        [0, 0],
        [0.1, 0.12],
        [0.85, 0.12],
        [0.85, 0.99],
      ]),
    ),
  },
  {
    name: "fading-report",
    family: "misleading",
    set: "seen",
    description:
      "p = f (1 - f / 2): under-reports by a factor shrinking from 1x to 0.5x, the pace falling to 0: SUCCESS comes at 50 %",
    curve: fixed((f) => f * (1 - f / 2)),
  },
  {
    name: "random-quarter-steps",
    family: "misleading",
    set: "seen",
    description: "steps of 25 % at three random times (anywhere in the job): SUCCESS comes at 75 %",
    curve: (random) => {
      const times = Array.from({ length: 3 }, () => random());
      return (f) => times.filter((t) => f >= t).length / 4;
    },
  },
  {
    name: "restart-at-95-to-30",
    family: "misleading",
    set: "seen",
    description: "p = f to 95 % at 95 % of the time, back to 0, then steady to 30 %: SUCCESS comes at 30 %",
    curve: fixed((f) => (f < 0.95 ? f : 6 * (f - 0.95))),
  },
  {
    name: "flip-flop-noise",
    family: "misleading",
    set: "seen",
    description: "p = f plus 3 % or minus 3 %, the sign flipping every 2 % of the time (from a random phase)",
    curve: (random) => {
      const phase = 0.04 * random();
      return (f) => clamp01(f + (Math.floor((f + phase) / 0.02) % 2 === 0 ? 0.03 : -0.03));
    },
  },
  {
    name: "head-start",
    family: "misleading",
    set: "seen",
    description:
      "p = 0.3 + 0.7 f: 30 % from the start (a resumed copy), then steady to 100 % at 0.7x the mean pace",
    curve: fixed((f) => 0.3 + 0.7 * f),
  },
  // ---- held out in round 13 (written at 4c2a3d6, run on the strategies of 18d099a and a142bb1), then seen in round 14 ----
  {
    name: "prepare-copy-register",
    family: "informative",
    set: "seen",
    description:
      "three phases: preparing to 5 % by 8-12 % of the time, copying to 95 % by 88-92 % (random), registering to 100 %",
    curve: (random) =>
      polyline([
        [0, 0],
        [0.08 + 0.04 * random(), 0.05],
        [0.88 + 0.04 * random(), 0.95],
        [1, 1],
      ]),
  },
  {
    name: "uneven-chunk-pace",
    family: "informative",
    set: "seen",
    description:
      "20 chunks of 5 % each, every chunk copied at its own steady pace (random, 0.6x to 1.4x the mean)",
    curve: (random) => {
      const lengths = Array.from({ length: 20 }, () => 0.6 + 0.8 * random());
      const total = lengths.reduce((a, b) => a + b, 0);
      const points: [number, number][] = [[0, 0]];
      lengths.forEach((length, i) => points.push([points[i][0] + length / total, (i + 1) / 20]));
      points[20] = [1, 1];
      return polyline(points);
    },
  },
  {
    name: "warm-up-pace",
    family: "informative",
    set: "seen",
    description:
      "the pace rises from 0 towards a steady 1.09x, with a time constant of 6 to 10 % of the time (random): a transfer warming up",
    curve: (random) => {
      const tau = 0.06 + 0.04 * random();
      const ramp = (f: number): number => f - tau * (1 - Math.exp(-f / tau));
      return (f) => ramp(f) / ramp(1);
    },
  },
  {
    name: "contended-middle",
    family: "informative",
    set: "seen",
    description:
      "1.1x the mean pace, dipping smoothly to 0.44x over 30 % of the time around a random point between 40 and 60 % (a shared link)",
    curve: (random) => {
      const m = 0.4 + 0.2 * random();
      const w = 0.15;
      const c = 1 / (1 - 0.6 * w);
      const dip = (f: number): number =>
        f <= m - w
          ? 0
          : f >= m + w
            ? w
            : (f - m + w) / 2 + (w / (2 * Math.PI)) * Math.sin((Math.PI * (f - m)) / w);
      return (f) => c * (f - 0.6 * dip(f));
    },
  },
  {
    name: "soft-start-soft-stop",
    family: "informative",
    set: "seen",
    description:
      "the pace ramps up from 0 to 1.12x over the first 12 % of the time, holds, then ramps down to 0 over the last 10 %",
    curve: fixed((f) => {
      const v = 1 / 0.89;
      return f < 0.12 ? (v * f * f) / 0.24 : f < 0.9 ? v * (f - 0.06) : 1 - (v * (1 - f) ** 2) / 0.2;
    }),
  },
  {
    name: "phase-index-percent",
    family: "no-information",
    set: "seen",
    description:
      "the phase shown as a share of three: 0 while preparing, 33 % from 8-12 % of the time (copying), 67 % from 88-92 % (registering)",
    curve: (random) => {
      const copying = 0.08 + 0.04 * random();
      const registering = 0.88 + 0.04 * random();
      return (f) => (f < copying ? 0 : f < registering ? 0.33 : 0.67);
    },
  },
  {
    name: "jitter-at-60",
    family: "no-information",
    set: "seen",
    description:
      "60 % plus a random offset of up to +-0.8 %, drawn afresh every 3 % of the time: the shown value flickers, going nowhere",
    curve: (random) => {
      const offsets = Array.from({ length: 35 }, () => 0.016 * (random() - 0.5));
      return (f) => 0.6 + offsets[Math.floor(f / 0.03)];
    },
  },
  {
    name: "stuck-at-97-rare-ticks",
    family: "no-information",
    set: "seen",
    description:
      "steady to 97 % at 25 % of the time, then 98 % from a random point between 55 and 65 %, 99 % from one between 85 and 95 %",
    curve: (random) => {
      const first = 0.55 + 0.1 * random();
      const second = 0.85 + 0.1 * random();
      return (f) => (f < 0.25 ? (0.97 * f) / 0.25 : f < first ? 0.97 : f < second ? 0.98 : 0.99);
    },
  },
  {
    name: "constant-25-late-finish",
    family: "no-information",
    set: "seen",
    description:
      "25 % from the start until a random point between 88 and 92 % of the time, then steady to 100 %",
    curve: (random) =>
      polyline([
        [0, 0.25],
        [0.88 + 0.04 * random(), 0.25],
        [1, 1],
      ]),
  },
  {
    name: "queued-then-sits-at-4",
    family: "no-information",
    set: "seen",
    description:
      "0 while queued, until a random point between 15 and 25 % of the time, then 4 % at once until the end",
    curve: (random) => {
      const start = 0.15 + 0.1 * random();
      return (f) => (f < start ? 0 : 0.04);
    },
  },
  {
    name: "per-phase-percent",
    family: "misleading",
    set: "seen",
    description:
      "each phase's own 0 to 100 %: preparing until 8-12 % of the time, copying until 88-92 % (random), then registering",
    curve: (random) => {
      const copying = 0.08 + 0.04 * random();
      const registering = 0.88 + 0.04 * random();
      return (f) =>
        f < copying
          ? f / copying
          : f < registering
            ? (f - copying) / (registering - copying)
            : (f - registering) / (1 - registering);
    },
  },
  {
    name: "growing-total",
    family: "misleading",
    set: "seen",
    description:
      "done / known total, the total found growing from 40 % to all by a random point between 50 and 70 % of the time: 2.5x the mean pace falling to 0.4x, then 1x",
    curve: (random) => {
      const found = 0.5 + 0.2 * random();
      return (f) => (f < found ? f / (0.4 + (0.6 * f) / found) : f);
    },
  },
  {
    name: "stale-report",
    family: "misleading",
    set: "seen",
    description:
      "p = f - d: the true progress reported late by a random d of 15 to 25 % of the time (0 at first): SUCCESS comes at 75-85 %",
    curve: (random) => {
      const d = 0.15 + 0.1 * random();
      return (f) => Math.max(0, f - d);
    },
  },
  {
    name: "retry-loop-near-end",
    family: "misleading",
    set: "seen",
    description:
      "steady to 99 % at a random point between 55 and 65 % of the time, then back to 90 % and up towards 99 % (short of it) again every tenth of the time",
    curve: (random) => {
      const top = 0.55 + 0.1 * random();
      return (f) => (f < top ? (0.99 * f) / top : 0.9 + 0.09 * (((f - top) / 0.1) % 1));
    },
  },
  {
    name: "checkpoint-retries",
    family: "misleading",
    set: "seen",
    description:
      "p = 1.3 f, less 10 % at each of three retries from a checkpoint, at random points between 20 and 80 % of the time",
    curve: (random) => {
      const retries = Array.from({ length: 3 }, () => 0.2 + 0.6 * random());
      return (f) => 1.3 * f - 0.1 * retries.filter((t) => f >= t).length;
    },
  },
  // ---- held out in round 14 (written at 49da02b, run on the strategies of a142bb1 and 0cd0733), then seen in round 15 ----
  {
    name: "disks-in-turn-by-bytes",
    family: "informative",
    set: "seen",
    description:
      "by bytes: three disks of random sizes (1 to 4 each) copied one after another, each at its own rate (0.8x to 1.25x), with a pause of 1.5 % of the time between disks",
    curve: (random) => {
      const sizes = Array.from({ length: 3 }, () => 1 + 3 * random());
      const times = sizes.map((size) => size / (0.8 + 0.45 * random()));
      const bytes = sizes.reduce((a, b) => a + b, 0);
      const scale = (1 - 2 * 0.015) / times.reduce((a, b) => a + b, 0);
      const points: [number, number][] = [[0, 0]];
      let [f, p] = [0, 0];
      sizes.forEach((size, i) => {
        if (i > 0) points.push([(f += 0.015), p]);
        points.push([(f += times[i] * scale), (p += size / bytes)]);
      });
      points[points.length - 1] = [1, 1];
      return polyline(points);
    },
  },
  {
    name: "gompertz",
    family: "informative",
    set: "seen",
    description:
      "p = e^(-4 e^(-3f)), scaled to 0..1: a lopsided S, fastest (1.38x) at 46 % of the time, slowing to 0.27x at the end",
    curve: fixed((f) => {
      const g = (x: number): number => Math.exp(-4 * Math.exp(-3 * x));
      return (g(f) - g(0)) / (g(1) - g(0));
    }),
  },
  {
    name: "lagging-sampler",
    family: "informative",
    set: "seen",
    description:
      "p = f less a smooth lag that builds to 8 % and is made up again over half the time around a random point between 35 and 65 % (0.5x, then 1.5x the mean pace)",
    curve: (random) => {
      const m = 0.35 + 0.3 * random();
      const w = 0.25;
      return (f) => f - (Math.abs(f - m) < w ? (0.08 * (1 + Math.cos((Math.PI * (f - m)) / w))) / 2 : 0);
    },
  },
  {
    name: "burst-credit-throttle",
    family: "informative",
    set: "seen",
    description:
      "about 1.5x the mean pace until a burst allowance runs out at a random point between 20 and 35 % of the time, then easing to half that pace (a time constant of 4 % of the time)",
    curve: (random) => {
      const t = 0.2 + 0.15 * random();
      const k = 0.04;
      const done = (f: number): number =>
        f < t ? 2 * f : 2 * t + (f - t) + k * (1 - Math.exp(-(f - t) / k));
      return (f) => done(f) / done(1);
    },
  },
  {
    name: "settling-pace",
    family: "informative",
    set: "seen",
    description:
      "p = f + 0.03 e^(-4f) sin(10 pi f): the pace swings from 1.94x to 0.35x and back, the swings dying out (a transfer settling)",
    curve: fixed((f) => f + 0.03 * Math.exp(-4 * f) * Math.sin(10 * Math.PI * f)),
  },
  {
    name: "ever-rarer-ticks-to-10",
    family: "no-information",
    set: "seen",
    description:
      "p = 0.1 (1 - e^(-4f)): 1 % at ever longer intervals towards 10 %, the last ticks at about 35, 47 and 75 % of the time",
    curve: fixed((f) => 0.1 * (1 - Math.exp(-4 * f))),
  },
  {
    name: "stuck-at-99-two-drops",
    family: "no-information",
    set: "seen",
    description:
      "steady to 99 % at a random point between 35 and 45 % of the time, then 99 %, but back to 98 % for 3 % of the time at two random points",
    curve: (random) => {
      const top = 0.35 + 0.1 * random();
      const drops = Array.from({ length: 2 }, () => top + 0.05 + (0.9 - top) * random());
      return (f) => (f < top ? (0.99 * f) / top : drops.some((d) => f >= d && f < d + 0.03) ? 0.98 : 0.99);
    },
  },
  {
    name: "sinking-from-45",
    family: "no-information",
    set: "seen",
    description: "45 % at the start, sinking steadily to 42 % at the end (a total re-estimated upwards)",
    curve: fixed((f) => 0.45 - 0.03 * f),
  },
  {
    name: "flicker-zero-one",
    family: "no-information",
    set: "seen",
    description:
      "0.5 % plus a random offset of up to +-0.6 %, drawn afresh every 4 % of the time: 0 or 1 % at random (rounded to nearest)",
    curve: (random) => {
      const offsets = Array.from({ length: 26 }, () => 0.012 * (random() - 0.5));
      return (f) => Math.max(0, 0.005 + offsets[Math.floor(f * 25)]);
    },
  },
  {
    name: "slow-wander-around-30",
    family: "no-information",
    set: "seen",
    description:
      "p = 0.3 + 0.015 sin(2 pi f + phase), from a random phase: drifts between 28.5 and 31.5 %, up and down once over the job",
    curve: (random) => {
      const phase = 2 * Math.PI * random();
      return (f) => 0.3 + 0.015 * Math.sin(2 * Math.PI * f + phase);
    },
  },
  {
    name: "back-a-percent-twice",
    family: "misleading",
    set: "seen",
    description:
      "p = f, less 1 % at each of two random points between 20 and 90 % of the time (a block counted again): SUCCESS comes at 98 %",
    curve: (random) => {
      const backs = Array.from({ length: 2 }, () => 0.2 + 0.7 * random());
      return (f) => f - 0.01 * backs.filter((t) => f >= t).length;
    },
  },
  {
    name: "lag-then-catch-up",
    family: "misleading",
    set: "seen",
    description:
      "p = f until a random point between 25 and 40 % of the time, then half that pace for 30 % of the time (15 % behind), then back on p = f at once",
    curve: (random) => {
      const a = 0.25 + 0.15 * random();
      return (f) => (f >= a && f < a + 0.3 ? a + 0.5 * (f - a) : f);
    },
  },
  {
    name: "s-curve-in-tens",
    family: "misleading",
    set: "seen",
    description:
      "the s-curve 3f^2 - 2f^3 rounded to the nearest ten: steps of 10 %, the first at 14 % of the time, 7 % of the time apart in the middle; 99 % from 87 %",
    curve: fixed((f) => Math.round(10 * (3 * f * f - 2 * f ** 3)) / 10),
  },
  {
    name: "disks-weighted-equally",
    family: "misleading",
    set: "seen",
    description:
      "three disks copied in turn, counted as a third each whatever their size: a system disk (1) at 1.7x to 5.7x the mean pace, then two data disks (2 to 8, random), slower",
    curve: (random) => {
      const sizes = [1, 2 + 6 * random(), 2 + 6 * random()];
      const total = sizes.reduce((a, b) => a + b, 0);
      const points: [number, number][] = [[0, 0]];
      sizes.forEach((size, i) => points.push([points[i][0] + size / total, (i + 1) / 3]));
      points[3] = [1, 1];
      return polyline(points);
    },
  },
  {
    name: "two-replicas",
    family: "misleading",
    set: "seen",
    description:
      "each 4 % of the time answered by one of two replicas at random: the current one (p = f) or one 15 % of the time behind",
    curve: (random) => {
      const behind = Array.from({ length: 26 }, () => random() < 0.5);
      return (f) => Math.max(0, f - (behind[Math.floor(f * 25)] ? 0.15 : 0));
    },
  },
  // ---- held out in round 15 (written at 875809e, run on the strategy of 4371074), then seen in round 16 ----
  {
    name: "parallel-streams-finishing",
    family: "informative",
    set: "seen",
    description:
      "by bytes: four streams of random sizes (0.4 to 1.6 each) copied side by side at the same rate, the job ending with the largest: the pace falls in steps as each stream finishes, to a quarter of the starting pace in the last stretch",
    curve: (random) => {
      const sizes = Array.from({ length: 4 }, () => 0.4 + 1.2 * random());
      const longest = Math.max(...sizes);
      const bytes = sizes.reduce((a, b) => a + b, 0);
      return (f) => sizes.reduce((done, size) => done + Math.min(size, f * longest), 0) / bytes;
    },
  },
  {
    name: "two-bursts-on-a-crawl",
    family: "informative",
    set: "seen",
    description:
      "p = 0.3 f + 0.35 L1(f) + 0.35 L2(f), each L a logistic of steepness 20 scaled to 0..1, centred at random points between 15 and 35 % and between 60 and 85 % of the time: 0.3x the mean pace, twice speeding up to about 2x and slowing back",
    curve: (random) => {
      const burst = (m: number): ((f: number) => number) => {
        const s = (x: number): number => 1 / (1 + Math.exp(-20 * (x - m)));
        return (f) => (s(f) - s(0)) / (s(1) - s(0));
      };
      const first = burst(0.15 + 0.2 * random());
      const second = burst(0.6 + 0.25 * random());
      return (f) => 0.3 * f + 0.35 * first(f) + 0.35 * second(f);
    },
  },
  {
    name: "smooth-random-pace",
    family: "informative",
    set: "seen",
    description:
      "the pace drawn at random (0.4 to 1.6 of a base) at every eighth of the time and eased between those points (cosine), scaled to end at 100 %: a pace that speeds up and slows down smoothly, at random, several times",
    curve: (random) => {
      const knots = Array.from({ length: 9 }, () => 0.4 + 1.2 * random());
      const pace = (f: number): number => {
        const i = Math.min(7, Math.floor(f * 8));
        const u = (1 - Math.cos(Math.PI * (f * 8 - i))) / 2;
        return knots[i] + (knots[i + 1] - knots[i]) * u;
      };
      const steps = 400;
      const done = [0];
      for (let k = 1; k <= steps; k++) done.push(done[k - 1] + pace((k - 0.5) / steps) / steps);
      return polyline(done.map((d, k) => [k / steps, d / done[steps]] as const));
    },
  },
  {
    name: "periodic-flush-pauses",
    family: "informative",
    set: "seen",
    description:
      "a steady 1.18x the mean pace, but still for 1.5 % of the time every 10 % of the time (ten flushes, the first at a random point in the first 8.5 %)",
    curve: (random) => {
      const phase = 0.085 * random();
      const paused = (f: number): number => {
        let total = 0;
        for (let k = 0; k < 10; k++) {
          const start = phase + 0.1 * k;
          total += Math.max(0, Math.min(f, start + 0.015) - start);
        }
        return total;
      };
      const moving = (f: number): number => f - paused(f);
      return (f) => moving(f) / moving(1);
    },
  },
  {
    name: "shrinking-estimate",
    family: "informative",
    set: "seen",
    description:
      "done / estimated total, the estimate shrinking smoothly (as 1 + 0.6 (1 - f / F)^2) from 1.6x the true total to it at a random F between 50 and 80 % of the time (empty blocks found): 0.63x the mean pace at first, speeding up to 1.18x just before F, then the mean pace from F on",
    curve: (random) => {
      const found = 0.5 + 0.3 * random();
      return (f) => (f < found ? f / (1 + 0.6 * (1 - f / found) ** 2) : f);
    },
  },
  {
    name: "counter-lost-to-zero",
    family: "no-information",
    set: "seen",
    description:
      "p = f until a random point between 15 and 30 % of the time, then 0 until SUCCESS (the counter lost, never restarted)",
    curve: (random) => {
      const lost = 0.15 + 0.15 * random();
      return (f) => (f < lost ? f : 0);
    },
  },
  {
    name: "blinks-to-zero-at-63",
    family: "no-information",
    set: "seen",
    description:
      "63 % from the start, but 0 for 1 % of the time at each of five random points (a missing field read as 0)",
    curve: (random) => {
      const blinks = Array.from({ length: 5 }, () => 0.99 * random());
      return (f) => (blinks.some((b) => f >= b && f < b + 0.01) ? 0 : 0.63);
    },
  },
  {
    name: "rare-short-bursts",
    family: "no-information",
    set: "seen",
    description:
      "0 until the first of four bursts at random points between 10 and 90 % of the time, each moving 5 % within 1 % of the time, still in between: 20 % after the last",
    curve: (random) => {
      const bursts = Array.from({ length: 4 }, () => 0.1 + 0.8 * random());
      return (f) => bursts.reduce((p, t) => p + 0.05 * clamp01((f - t) / 0.01), 0);
    },
  },
  {
    name: "unrelated-plateaus",
    family: "no-information",
    set: "seen",
    description:
      "three plateaus of a third of the time each, at levels drawn at random between 5 and 95 % (another sub-status shown in each phase), jumping up or down between them",
    curve: (random) => {
      const levels = Array.from({ length: 3 }, () => 0.05 + 0.9 * random());
      return (f) => levels[Math.min(2, Math.floor(f * 3))];
    },
  },
  {
    name: "zero-then-late-creep-to-5",
    family: "no-information",
    set: "seen",
    description:
      "0 until a random point between 50 and 70 % of the time, then steady to 5 % at the end (a 1 % tick every 6 to 10 % of the time)",
    curve: (random) =>
      polyline([
        [0.5 + 0.2 * random(), 0],
        [1, 0.05],
      ]),
  },
  {
    name: "wrapping-counter",
    family: "misleading",
    set: "seen",
    description:
      "p = frac(k f) for a random k between 2.2 and 3.8: a byte counter that wraps, climbing steadily to 99 % and falling to 0 two or three times; SUCCESS comes at frac(k)",
    curve: (random) => {
      const k = 2.2 + 1.6 * random();
      return (f) => (k * f) % 1;
    },
  },
  {
    name: "sparse-image-by-bytes",
    family: "misleading",
    set: "seen",
    description:
      "by bytes of the virtual disk: ten tenths, each at random empty (copied 8x faster) or full, so the pace switches abruptly between two speeds 8x apart at random tenths",
    curve: (random) => {
      const times = Array.from({ length: 10 }, () => (random() < 0.5 ? 1 / 8 : 1));
      const total = times.reduce((a, b) => a + b, 0);
      const points: [number, number][] = [[0, 0]];
      times.forEach((time, i) => points.push([points[i][0] + time / total, (i + 1) / 10]));
      points[10] = [1, 1];
      return polyline(points);
    },
  },
  {
    name: "sporadic-outliers",
    family: "misleading",
    set: "seen",
    description:
      "p = f, but for 1 % of the time at each of six random points, a garbage reading drawn at random between 0 and 99 %",
    curve: (random) => {
      const outliers = Array.from({ length: 6 }, () => ({ at: 0.99 * random(), value: 0.99 * random() }));
      return (f) => outliers.find((o) => f >= o.at && f < o.at + 0.01)?.value ?? f;
    },
  },
  {
    name: "leftover-then-real",
    family: "misleading",
    set: "seen",
    description:
      "the previous job's value (a random 40 to 90 %) until a random point s between 5 and 15 % of the time, then 0 and steady to 100 % (1.05x to 1.18x the mean pace)",
    curve: (random) => {
      const leftover = 0.4 + 0.5 * random();
      const s = 0.05 + 0.1 * random();
      return (f) => (f < s ? leftover : (f - s) / (1 - s));
    },
  },
  {
    name: "doubling-chunks",
    family: "misleading",
    set: "seen",
    description:
      "0, 1, 3, 7, 15, 31 and 63 % in steps at each seventh of the time (chunks counted as if each were twice the one before): SUCCESS comes at 63 %",
    curve: fixed((f) => (2 ** Math.min(6, Math.floor(f * 7)) - 1) / 100),
  },
  // ---- held out in round 16 (written at 4371074, run on the strategy of 4371074), then seen in round 17 ----
  {
    name: "drifting-pace",
    family: "informative",
    set: "seen",
    description:
      "the pace a random walk: its logarithm moves by a random step of up to +-0.3 every 2 % of the time (kept within +-1.2, so 0.3x to 3.3x the starting pace), linear in between, scaled to end at 100 %: a pace that drifts, often one way for long stretches",
    curve: (random) => {
      const logs = [0];
      for (let i = 1; i <= 50; i++)
        logs.push(Math.max(-1.2, Math.min(1.2, logs[i - 1] + 0.6 * (random() - 0.5))));
      const pace = (f: number): number => {
        const x = Math.min(49.999, f * 50);
        const i = Math.floor(x);
        return Math.exp(logs[i] + (logs[i + 1] - logs[i]) * (x - i));
      };
      const steps = 500;
      const done = [0];
      for (let k = 1; k <= steps; k++) done.push(done[k - 1] + pace((k - 0.5) / steps) / steps);
      return polyline(done.map((d, k) => [k / steps, d / done[steps]] as const));
    },
  },
  {
    name: "beating-pace",
    family: "informative",
    set: "seen",
    description:
      "the pace 1 + 0.8 cos(12 pi f + a) cos(2 pi f + b), from random phases a and b: six swings of the pace, as wide as 0.2x to 1.8x in two stretches of the job and fading to none between them (beats)",
    curve: (random) => {
      const [a, b] = [2 * Math.PI * random(), 2 * Math.PI * random()];
      return (f) =>
        f +
        (0.4 * (Math.sin(14 * Math.PI * f + a + b) - Math.sin(a + b))) / (14 * Math.PI) +
        (0.4 * (Math.sin(10 * Math.PI * f + a - b) - Math.sin(a - b))) / (10 * Math.PI);
    },
  },
  {
    name: "straggler-tail",
    family: "informative",
    set: "seen",
    description:
      "steady at 0.9 / T the mean pace to 90 % at a random T between 50 and 65 % of the time, then the last 10 % on a hyperbolic tail, 0.9 + 0.1 (1 + k) u / (1 + k u) with u = (f - T) / (1 - T) and k = 9 (1 - T) / T - 1 (no jump in the pace at T): the pace falls to 0.02x-0.06x at the end, and 99 % is reached only at 75 to 88 % of the time",
    curve: (random) => {
      const t = 0.5 + 0.15 * random();
      const k = (9 * (1 - t)) / t - 1;
      return (f) => {
        if (f < t) return (0.9 * f) / t;
        const u = (f - t) / (1 - t);
        return 0.9 + (0.1 * (1 + k) * u) / (1 + k * u);
      };
    },
  },
  {
    name: "exponential-head",
    family: "informative",
    set: "seen",
    description:
      "a long slow head: the pace grows exponentially (by e every 6 % of the time) up to a random T between 30 and 45 % of the time, then holds steady (1.3x to 1.6x the mean pace) to 100 %: 1 % only 12 to 14 % of the time before T, 8 to 10 % at T",
    curve: (random) => {
      const t = 0.3 + 0.15 * random();
      const tau = 0.06;
      const head = tau * (1 - Math.exp(-t / tau));
      const v = 1 / (head + 1 - t);
      return (f) => (f < t ? v * tau * (Math.exp((f - t) / tau) - Math.exp(-t / tau)) : v * (head + f - t));
    },
  },
  {
    name: "smooth-phases-random-lengths",
    family: "informative",
    set: "seen",
    description:
      "3 to 5 phases of random lengths (weights 0.3 to 1.7), each at its own steady pace (a third to three times a base, log-uniform), the pace easing (smoothstep) from one to the next over 5 % of the time around each change, scaled to end at 100 %",
    curve: (random) => {
      const n = 3 + Math.floor(3 * random());
      const lengths = Array.from({ length: n }, () => 0.3 + 1.4 * random());
      const paces = Array.from({ length: n }, () => 3 ** (2 * random() - 1));
      const total = lengths.reduce((a, b) => a + b, 0);
      const changes: number[] = [];
      let at = 0;
      for (let i = 0; i < n - 1; i++) changes.push((at += lengths[i] / total));
      const ease = (x: number): number => {
        const u = clamp01((x + 0.025) / 0.05);
        return u * u * (3 - 2 * u);
      };
      const pace = (f: number): number =>
        changes.reduce((p, c, i) => p + (paces[i + 1] - paces[i]) * ease(f - c), paces[0]);
      const steps = 500;
      const done = [0];
      for (let k = 1; k <= steps; k++) done.push(done[k - 1] + pace((k - 0.5) / steps) / steps);
      return polyline(done.map((d, k) => [k / steps, d / done[steps]] as const));
    },
  },
  {
    name: "frozen-then-late-ticks",
    family: "no-information",
    set: "seen",
    description:
      "steady to a random 20 to 70 % in the first 5 % of the time, stuck there until a random point S between 65 and 85 %, then 1 % more at each of 3 to 5 random times between S and the end",
    curve: (random) => {
      const level = 0.2 + 0.5 * random();
      const s = 0.65 + 0.2 * random();
      const ticks = Array.from({ length: 3 + Math.floor(3 * random()) }, () => s + (1 - s) * random());
      return (f) => (f < 0.05 ? (level * f) / 0.05 : level) + 0.01 * ticks.filter((t) => f >= t).length;
    },
  },
  {
    name: "poisson-ticks-from-zero",
    family: "no-information",
    set: "seen",
    description:
      "0 at first, then 1 % more at each event of a random (Poisson) process with a mean gap of 12 % of the time: about 8 ticks by the end on average, irregularly spaced (some close together, some gaps of 30 % of the time)",
    curve: (random) => {
      const ticks: number[] = [];
      for (let t = -0.12 * Math.log(1 - random()); t < 1; t -= 0.12 * Math.log(1 - random())) ticks.push(t);
      return (f) => ticks.filter((t) => f >= t).length / 100;
    },
  },
  {
    name: "early-pace-then-frozen",
    family: "no-information",
    set: "seen",
    description:
      "p = v f at a random pace v between 0.5x and 3x the mean, until a random point F between 10 and 40 % of the time, then frozen at v F (5 to 95 %; never above 95 %) until SUCCESS",
    curve: (random) => {
      const v = 0.5 + 2.5 * random();
      const freeze = 0.1 + 0.3 * random();
      return (f) => Math.min(0.95, v * Math.min(f, freeze));
    },
  },
  {
    name: "ninety-nine-then-cleared",
    family: "no-information",
    set: "seen",
    description:
      "99 % from the start (left over from an earlier step) until a random point between 70 and 90 % of the time, then 0 until SUCCESS",
    curve: (random) => {
      const cleared = 0.7 + 0.2 * random();
      return (f) => (f < cleared ? 0.99 : 0);
    },
  },
  {
    name: "low-with-a-blip-to-99",
    family: "no-information",
    set: "seen",
    description:
      "a random 5 to 40 % from the start to the end, but 99 % for a random 2 to 5 % of the time from a random point between 20 and 70 % (a false finish)",
    curve: (random) => {
      const level = 0.05 + 0.35 * random();
      const at = 0.2 + 0.5 * random();
      const length = 0.02 + 0.03 * random();
      return (f) => (f >= at && f < at + length ? 0.99 : level);
    },
  },
  {
    name: "per-disk-percent",
    family: "misleading",
    set: "seen",
    description:
      "2 to 5 disks of random sizes (weights 0.2 to 1.8) copied in turn at one rate, the value each disk's own 0 to 100 %: it climbs to 99 % and falls back to 0 at each new disk, at a pace set by that disk's size",
    curve: (random) => {
      const n = 2 + Math.floor(4 * random());
      const sizes = Array.from({ length: n }, () => 0.2 + 1.6 * random());
      const total = sizes.reduce((a, b) => a + b, 0);
      const starts = [0];
      for (const size of sizes) starts.push(starts[starts.length - 1] + size / total);
      starts[n] = 1;
      return (f) => {
        let i = 0;
        while (i < n - 1 && f >= starts[i + 1]) i++;
        return (f - starts[i]) / (starts[i + 1] - starts[i]);
      };
    },
  },
  {
    name: "rollback-once",
    family: "misleading",
    set: "seen",
    description:
      "p = f until a random point R between 30 and 70 % of the time, then f - D (not below 0) for a random D between 20 and 40 % (a segment counted off and never made up): one big fall, then the old pace; SUCCESS comes at 60 to 80 %",
    curve: (random) => {
      const r = 0.3 + 0.4 * random();
      const d = 0.2 + 0.2 * random();
      return (f) => (f < r ? f : Math.max(0, f - d));
    },
  },
  {
    name: "slow-trend-drifting-noise",
    family: "misleading",
    set: "seen",
    description:
      "p = 0.15 + 0.3 f plus a mean-reverting random offset: every 2 % of the time it becomes 0.85 of itself plus a random step of up to +-9 % (about +-10 % typical, 0 at the start), linear in between: it moves up or down for long stretches, around a trend that reaches only 45 %",
    curve: (random) => {
      const noise = [0];
      for (let i = 1; i <= 50; i++) noise.push(0.85 * noise[i - 1] + 0.18 * (random() - 0.5));
      return (f) => {
        const x = Math.min(49.999, f * 50);
        const i = Math.floor(x);
        return clamp01(0.15 + 0.3 * f + noise[i] + (noise[i + 1] - noise[i]) * (x - i));
      };
    },
  },
  {
    name: "throughput-as-percent",
    family: "misleading",
    set: "seen",
    description:
      "the transfer rate shown instead of progress: p = 0.6 + 0.18 sin(3 pi f + a) + 0.12 sin(8 pi f + b), from random phases a and b: swings smoothly between 30 and 90 % with no trend; SUCCESS comes anywhere in that range",
    curve: (random) => {
      const [a, b] = [2 * Math.PI * random(), 2 * Math.PI * random()];
      return (f) => 0.6 + 0.18 * Math.sin(3 * Math.PI * f + a) + 0.12 * Math.sin(8 * Math.PI * f + b);
    },
  },
  {
    name: "disks-answering-in-turn",
    family: "misleading",
    set: "seen",
    description:
      "three disks copied side by side at one rate, the largest ending with the job and the others of random sizes (0.2 to 0.9 of it); the value is each disk's own percent in turn, for 3 % of the time each: it hops between p = f and two steeper lines, which stay at 100 % once their disk is done",
    curve: (random) => {
      const sizes = [1, 0.2 + 0.7 * random(), 0.2 + 0.7 * random()];
      return (f) => Math.min(1, f / sizes[Math.floor(f / 0.03) % 3]);
    },
  },
  // ---- held out in round 17 (written at 3f6c0c2, run on the strategy of 4371074 and the next one), then seen in round 18 ----
  {
    name: "hyperbolic-ease-out",
    family: "informative",
    set: "seen",
    description:
      "p = (1 + k) f / (1 + k f) for a random k between 1 and 3 (a rational curve): (1 + k)x the mean pace at the start (2x to 4x), slowing all the way to 1 / (1 + k) (0.5x to 0.25x) at the end; half done at 1 / (k + 2) of the time (a fifth to a third)",
    curve: (random) => {
      const k = 1 + 2 * random();
      return (f) => ((1 + k) * f) / (1 + k * f);
    },
  },
  {
    name: "arctan-s-random-centre",
    family: "informative",
    set: "seen",
    description:
      "p = (atan(5 (f - m)) + atan(5 m)) / (atan(5 (1 - m)) + atan(5 m)) for a random m between 35 and 65 % of the time: a soft S with heavy tails, fastest (2.1x to 2.15x the mean pace) at m, still moving at both ends (0.29x at each for m = 50 %; 0.19x at the end further from m and 0.53x at the nearer one for m = 35 or 65 %)",
    curve: (random) => {
      const m = 0.35 + 0.3 * random();
      const g = (f: number): number => Math.atan(5 * (f - m));
      return (f) => (g(f) - g(0)) / (g(1) - g(0));
    },
  },
  {
    name: "cosine-speed-up",
    family: "informative",
    set: "seen",
    description:
      "p = f - 0.15 sin(pi f): the pace 1 - 0.15 pi cos(pi f) rises smoothly from 0.53x the mean at the start to 1x at half time (35 % done) and 1.47x at the end",
    curve: fixed((f) => f - 0.15 * Math.sin(Math.PI * f)),
  },
  {
    name: "gaussian-soft-plateau",
    family: "informative",
    set: "seen",
    description:
      "the pace 1.09x the mean times 1 - 0.9 e^(-((f - m) / 0.05)^2), for a random m between 30 and 70 % of the time: steady, then slowing smoothly to 0.11x at m and speeding up again, below half the mean pace for 7 % of the time (moving only about 2 % then): a gentle plateau",
    curve: (random) => {
      const m = 0.3 + 0.4 * random();
      const pace = (f: number): number => 1 - 0.9 * Math.exp(-(((f - m) / 0.05) ** 2));
      const steps = 500;
      const done = [0];
      for (let k = 1; k <= steps; k++) done.push(done[k - 1] + pace((k - 0.5) / steps) / steps);
      return polyline(done.map((d, k) => [k / steps, d / done[steps]] as const));
    },
  },
  {
    name: "random-parabola-pace",
    family: "informative",
    set: "seen",
    description:
      "the pace a parabola through random values a, b, c (each 0.4 to 1.6, uniform) at the start, at half time and at the end, scaled to end at 100 % (p = (A f^3 / 3 + B f^2 / 2 + a f) / (A / 3 + B / 2 + a), A = 2 (a - 2b + c), B = 4b - 3a - c): a smooth, moderate speed-up, slow-down, hump or dip, different in every job (the pace between 0.29x and 2.7x the mean)",
    curve: (random) => {
      const [a, b, c] = [0.4 + 1.2 * random(), 0.4 + 1.2 * random(), 0.4 + 1.2 * random()];
      const A = 2 * (a - 2 * b + c);
      const B = 4 * b - 3 * a - c;
      const done = (f: number): number => (A * f ** 3) / 3 + (B * f * f) / 2 + a * f;
      return (f) => done(f) / done(1);
    },
  },
  {
    name: "rare-one-percent-walk",
    family: "no-information",
    set: "seen",
    description:
      "a random whole percent between 10 and 90 % from the start, moving by 1 % up or down (at random) at each of 3 to 6 random points between 5 and 95 % of the time, still in between: it ends within 6 % of where it started",
    curve: (random) => {
      const level = (10 + Math.floor(81 * random())) / 100 + 0.003;
      const moves = Array.from({ length: 3 + Math.floor(4 * random()) }, () => ({
        at: 0.05 + 0.9 * random(),
        by: random() < 0.5 ? 0.01 : -0.01,
      }));
      return (f) => moves.reduce((p, move) => (f >= move.at ? p + move.by : p), level);
    },
  },
  {
    name: "cached-value-refreshed-once",
    family: "no-information",
    set: "seen",
    description:
      "p = f until a random point F between 2 and 10 % of the time, then frozen at F (a cached answer) until one refresh at a random point R between 55 and 85 %, then frozen at R until SUCCESS",
    curve: (random) => {
      const frozen = 0.02 + 0.08 * random();
      const refresh = 0.55 + 0.3 * random();
      return (f) => (f < frozen ? f : f < refresh ? frozen : refresh);
    },
  },
  {
    name: "zero-with-one-false-move",
    family: "no-information",
    set: "seen",
    description:
      "0 until SUCCESS, but a random whole 1 to 12 % for a random 3 to 8 % of the time from a random point between 15 and 75 % (a stray update), then 0 again",
    curve: (random) => {
      const value = (1 + Math.floor(12 * random())) / 100 + 0.003;
      const at = 0.15 + 0.6 * random();
      const length = 0.03 + 0.05 * random();
      return (f) => (f >= at && f < at + length ? value : 0);
    },
  },
  {
    name: "constant-blinking-higher",
    family: "no-information",
    set: "seen",
    description:
      "a random 20 to 50 % from the start, but every 10 % of the time (from a random phase) 30 to 45 % higher (random, the same every time) for 2 % of the time: ten short blinks to another value, going nowhere",
    curve: (random) => {
      const low = 0.2 + 0.3 * random();
      const high = low + 0.3 + 0.15 * random();
      const phase = 0.1 * random();
      return (f) => ((f + 0.1 - phase) % 0.1 < 0.02 ? high : low);
    },
  },
  {
    name: "halved-by-re-estimate",
    family: "no-information",
    set: "seen",
    description:
      "steady to a random L between 40 and 80 % in the first 8 % of the time, stuck there until a random point between 35 and 70 %, then L / 2 (the total re-estimated at twice as big) until SUCCESS",
    curve: (random) => {
      const level = 0.4 + 0.4 * random();
      const drop = 0.35 + 0.35 * random();
      return (f) => (f < 0.08 ? (level * f) / 0.08 : f < drop ? level : level / 2);
    },
  },
  {
    name: "restart-fast-replay",
    family: "misleading",
    set: "seen",
    description:
      "p = v f (v = 1 + L / 5) to a random L between 40 and 80 % (the first attempt fails), back to 0, then at 5v back up to L (the blocks already there only checked), then at v to 100 %",
    curve: (random) => {
      const level = 0.4 + 0.4 * random();
      const v = 1 + level / 5;
      const failed = level / v;
      const replayed = failed + level / (5 * v);
      return (f) => (f < failed ? v * f : f < replayed ? 5 * v * (f - failed) : level + v * (f - replayed));
    },
  },
  {
    name: "read-ahead-buffer",
    family: "misleading",
    set: "seen",
    description:
      "bytes read, running ahead of bytes written by a buffer of a random B between 10 and 25 % of the job: p = 2f until B (at 2B), then f + B, 99 % from 1 - B (75 to 90 % of the time) until SUCCESS",
    curve: (random) => {
      const buffer = 0.1 + 0.15 * random();
      return (f) => Math.min(1, 2 * f, f + buffer);
    },
  },
  {
    name: "status-written-at-doubling-gaps",
    family: "misleading",
    set: "seen",
    description:
      "the true progress f, but written to the status only at g, 2g, 4g, 8g, ... for a random g between 0.8 and 1.6 % of the time, and held in between: 0 until g, then steps ever further apart (doubling), the last at 51 to 100 % of the time; SUCCESS comes at that value",
    curve: (random) => {
      const g = 0.008 + 0.008 * random();
      return (f) => (f < g ? 0 : g * 2 ** Math.floor(Math.log2(f / g) + 1e-9));
    },
  },
  {
    name: "eta-ratio-noise",
    family: "misleading",
    set: "seen",
    description:
      "elapsed / (elapsed + estimated remaining), the estimate off by a random factor r of 0.5 to 2 (log-uniform) drawn afresh every 5 % of the time: p = f / (f + (1 - f) r), jumping by up to 17 % either way of p = f (the most below it near 59 % of the time, above it near 41 %) and less towards both ends",
    curve: (random) => {
      const factors = Array.from({ length: 21 }, () => 2 ** (2 * random() - 1));
      return (f) => f / (f + (1 - f) * factors[Math.floor(f * 20)]);
    },
  },
  {
    name: "total-found-in-steps",
    family: "misleading",
    set: "seen",
    description:
      "done / known total, the total at first a random 30 to 50 % of the job's, and a further random 15 to 40 % of it found each time the value reaches 80 % (until the whole is known): p climbs to 80 % and falls back 2 to 5 times, faster while less is known, then p = f",
    curve: (random) => {
      const totals = [0.3 + 0.2 * random()];
      while (totals[totals.length - 1] < 1)
        totals.push(Math.min(1, totals[totals.length - 1] + 0.15 + 0.25 * random()));
      return (f) => f / (totals.find((total) => f < 0.8 * total) ?? 1);
    },
  },
  // ---- held out in round 18 (written at a4eb625, run on the strategies of a4eb625 and 671d8f9), then seen in round 19 ----
  {
    name: "kumaraswamy-random-skew",
    family: "informative",
    set: "seen",
    description:
      "p = 1 - (1 - f^a)^b for a random a between 1.2 and 2.2 and b between 1.2 and 2.5 (the Kumaraswamy distribution's CDF): an S leaning early or late at random, the pace tending to 0 at both ends and fastest (1.1x to 1.75x the mean) at ((a - 1) / (ab - 1))^(1/a), between 15 and 87 % of the time; half done at 31 to 69 % of the time, 99 % reached at 87 to 99 %",
    curve: (random) => {
      const a = 1.2 + random();
      const b = 1.2 + 1.3 * random();
      return (f) => 1 - (1 - f ** a) ** b;
    },
  },
  {
    name: "congestion-sawtooth-pace",
    family: "informative",
    set: "seen",
    description:
      "the pace a congestion-control sawtooth: in each cycle of a random 10 to 22 % of the time (the first cut at a random phase) it rises linearly from 0.3 to 1 of a peak, then falls back to 0.3 at once; scaled to end at 100 %: the pace 0.45x to 1.55x the mean, dropping abruptly 4 to 10 times, p within 1 to 3 % of p = f",
    curve: (random) => {
      const cycles = [-0.22 * random()];
      while (cycles[cycles.length - 1] < 1) cycles.push(cycles[cycles.length - 1] + 0.1 + 0.12 * random());
      const pace = (f: number): number => {
        let i = 0;
        while (f >= cycles[i + 1]) i++;
        return 0.3 + (0.7 * (f - cycles[i])) / (cycles[i + 1] - cycles[i]);
      };
      const steps = 1000;
      const done = [0];
      for (let k = 1; k <= steps; k++) done.push(done[k - 1] + pace((k - 0.5) / steps) / steps);
      return polyline(done.map((d, k) => [k / steps, d / done[steps]] as const));
    },
  },
  {
    name: "irregular-soft-pauses",
    family: "informative",
    set: "seen",
    description:
      "a steady pace (1.03x to 1.21x the mean), with 1 to 3 pauses starting at random points between 10 and 85 % of the time: at each the pace eases to 0 over 1 % of the time (cosine), stays 0 for a random 2 to 5 %, and eases back over 1 % (pauses may overlap); scaled to end at 100 %",
    curve: (random) => {
      const pauses = Array.from({ length: 1 + Math.floor(3 * random()) }, () => {
        const start = 0.1 + 0.75 * random();
        return { start, end: start + 0.02 + 0.03 * random() };
      });
      const still = (f: number, p: { start: number; end: number }): number => {
        const edge = f < p.start ? (p.start - f) / 0.01 : f > p.end ? (f - p.end) / 0.01 : 0;
        return edge >= 1 ? 0 : (1 + Math.cos(Math.PI * edge)) / 2;
      };
      const pace = (f: number): number => pauses.reduce((v, p) => v * (1 - still(f, p)), 1);
      const steps = 1000;
      const done = [0];
      for (let k = 1; k <= steps; k++) done.push(done[k - 1] + pace((k - 0.5) / steps) / steps);
      return polyline(done.map((d, k) => [k / steps, d / done[steps]] as const));
    },
  },
  {
    name: "dip-then-slow-recovery",
    family: "informative",
    set: "seen",
    description:
      "1.05x to 1.13x the mean pace until a random T between 20 and 60 % of the time, then at once a random r of 0.2 to 0.4 of that pace (a link fault), recovering exponentially towards it, the pace 1 - (1 - r) e^(-(f - T) / tau) of the first for a random tau of 8 to 15 % of the time; scaled to end at 100 %",
    curve: (random) => {
      const t = 0.2 + 0.4 * random();
      const low = 0.2 + 0.2 * random();
      const tau = 0.08 + 0.07 * random();
      const done = (f: number): number => (f < t ? f : f - (1 - low) * tau * (1 - Math.exp(-(f - t) / tau)));
      return (f) => done(f) / done(1);
    },
  },
  {
    name: "knee-then-rising-pace",
    family: "informative",
    set: "seen",
    description:
      "a steady pace (0.61x to 0.85x the mean) until a random knee K between 35 and 65 % of the time, then a pace rising linearly to a random R of 2 to 3 times that at the end (1.5x to 2.2x the mean), with no jump: p = (f + (R - 1) (f - K)^2 / (2 (1 - K))) / (1 + (R - 1) (1 - K) / 2) after K",
    curve: (random) => {
      const knee = 0.35 + 0.3 * random();
      const end = 2 + random();
      const done = (f: number): number =>
        f < knee ? f : f + ((end - 1) * (f - knee) ** 2) / (2 * (1 - knee));
      return (f) => done(f) / done(1);
    },
  },
  {
    name: "on-pace-stop-then-scattered-ticks",
    family: "no-information",
    set: "seen",
    description:
      "p = f until a random stop point F between 15 and 60 % of the time, then still, but 1 % more at each of 2 to 4 random times spread uniformly between F and the end (ending 2 to 4 % above F)",
    curve: (random) => {
      const stop = 0.15 + 0.45 * random();
      const ticks = Array.from({ length: 2 + Math.floor(3 * random()) }, () => stop + (1 - stop) * random());
      return (f) => Math.min(f, stop) + 0.01 * ticks.filter((t) => f >= t).length;
    },
  },
  {
    name: "eased-stop-then-slow-creep",
    family: "no-information",
    set: "seen",
    description:
      "easing out (p = L (1 - (1 - f / F)^2)) to a random L between 30 and 80 % at a random F between 5 and 25 % of the time, then a steady creep of a random 3 to 6 % in all over the rest (a 1 % tick every 12 to 32 % of the time): L + 3 to 6 % at SUCCESS",
    curve: (random) => {
      const at = 0.05 + 0.2 * random();
      const level = 0.3 + 0.5 * random();
      const creep = 0.03 + 0.03 * random();
      return (f) => (f < at ? level * (1 - (1 - f / at) ** 2) : level + (creep * (f - at)) / (1 - at));
    },
  },
  {
    name: "constant-with-one-mid-burst",
    family: "no-information",
    set: "seen",
    description:
      "a random whole 5 to 60 % from the start, then at a random point between 30 and 60 % of the time a single burst, moving up a random 5 to 15 % at a steady pace within a random 4 to 10 % of the time, then still until SUCCESS",
    curve: (random) => {
      const level = (5 + Math.floor(56 * random())) / 100 + 0.003;
      const start = 0.3 + 0.3 * random();
      const size = 0.05 + 0.1 * random();
      const length = 0.04 + 0.06 * random();
      return (f) => level + size * clamp01((f - start) / length);
    },
  },
  {
    name: "speeding-up-then-frozen",
    family: "no-information",
    set: "seen",
    description:
      "p = L (f / F)^2, speeding up to a random L between 30 and 95 % at a random F between 20 and 60 % of the time (reaching 1x to 9.5x the mean pace there), then frozen at L until SUCCESS: the value stops when it moves fastest",
    curve: (random) => {
      const at = 0.2 + 0.4 * random();
      const level = 0.3 + 0.65 * random();
      return (f) => level * (Math.min(f, at) / at) ** 2;
    },
  },
  {
    name: "slow-ticks-then-silent",
    family: "no-information",
    set: "seen",
    description:
      "a random whole 10 to 60 % from the start, 1 % more every random 4 to 8 % of the time (the first tick at a random point within the first gap) until a random point between 25 and 60 % of the time, then still until SUCCESS: 3 to 15 ticks, then silence",
    curve: (random) => {
      const level = (10 + Math.floor(51 * random())) / 100 + 0.003;
      const gap = 0.04 + 0.04 * random();
      const phase = gap * random();
      const stop = 0.25 + 0.35 * random();
      return (f) => {
        const g = Math.min(f, stop);
        return level + (g < phase ? 0 : 0.01 * (Math.floor((g - phase) / gap) + 1));
      };
    },
  },
  {
    name: "newest-subtask-percent",
    family: "misleading",
    set: "seen",
    description:
      "4 to 6 overlapping sub-tasks, started at points set by random weights (0.5 to 1.5), each but the last running 1.3 to 2.5 times (random) the gap to the next start; the value is the newest started sub-task's own percent: it climbs to 40 to 77 % and falls to 0 each time a new one starts, the last one climbing to 100 % at the end",
    curve: (random) => {
      const n = 4 + Math.floor(3 * random());
      const weights = Array.from({ length: n }, () => 0.5 + random());
      const total = weights.reduce((a, b) => a + b, 0);
      const starts = [0];
      for (let i = 0; i < n - 1; i++) starts.push(starts[i] + weights[i] / total);
      const lengths = starts.map((s, i) =>
        i < n - 1 ? (starts[i + 1] - s) * (1.3 + 1.2 * random()) : 1 - s,
      );
      return (f) => {
        let i = 0;
        while (i < n - 1 && f >= starts[i + 1]) i++;
        return (f - starts[i]) / lengths[i];
      };
    },
  },
  {
    name: "ahead-by-claimed-chunk",
    family: "misleading",
    set: "seen",
    description:
      "5 to 8 chunks of random sizes (weights 0.5 to 1.5) copied in turn at one rate, the value the end of the chunk in progress (claimed when it starts): the first chunk's end (5 to 43 %) from the start, then a step at each chunk's start up to its end (ahead of p = f by up to that chunk's size), 100 % (shown 99 %) from the start of the last chunk (57 to 96 % of the time)",
    curve: (random) => {
      const n = 5 + Math.floor(4 * random());
      const weights = Array.from({ length: n }, () => 0.5 + random());
      const total = weights.reduce((a, b) => a + b, 0);
      const ends: number[] = [];
      for (let i = 0; i < n; i++) ends.push((i > 0 ? ends[i - 1] : 0) + weights[i] / total);
      return (f) => ends.find((end) => f < end) ?? 1;
    },
  },
  {
    name: "fall-back-to-last-checkpoint",
    family: "misleading",
    set: "seen",
    description:
      "the copy checkpointed at every 20 % of the work and failing 2 or 3 times, at random points between 0.15 and 0.9 of the time the work would take without failures: at each failure the value falls back to the last checkpoint passed (by 0 to 20 %; to 0 before the first), then resumes at the same pace (1x to 1.6x the mean, the redone work lengthening the job) to 100 %",
    curve: (random) => {
      const failures = Array.from(
        { length: 2 + Math.floor(2 * random()) },
        () => 0.15 + 0.75 * random(),
      ).sort((a, b) => a - b);
      const after: { at: number; done: number }[] = [{ at: 0, done: 0 }];
      for (const at of failures) {
        const last = after[after.length - 1];
        after.push({ at, done: Math.floor((last.done + at - last.at) / 0.2 + 1e-9) * 0.2 });
      }
      const last = after[after.length - 1];
      const end = last.at + 1 - last.done;
      return (f) => {
        const t = f * end;
        let i = 0;
        while (i < after.length - 1 && t >= after[i + 1].at) i++;
        return after[i].done + t - after[i].at;
      };
    },
  },
  {
    name: "files-counted-smallest-first",
    family: "misleading",
    set: "seen",
    description:
      "N = 8 to 12 files whose sizes grow by a random factor of 1.3 to 1.6 each, copied smallest first at one rate, the value the share of files done: equal steps of 1 / N at ever longer gaps (half the files by 6 to 28 % of the time), the last step at 62 to 76 % of the time to (N - 1) / N (87.5 to 92 %), held until SUCCESS",
    curve: (random) => {
      const n = 8 + Math.floor(5 * random());
      const q = 1.3 + 0.3 * random();
      const ends = Array.from({ length: n }, (_, i) => (q ** (i + 1) - 1) / (q ** n - 1));
      return (f) => ends.filter((end) => f >= end - 1e-12).length / n;
    },
  },
  {
    name: "sub-jobs-appended",
    family: "misleading",
    set: "seen",
    description:
      "done / known total, the known total at first a random 30 to 50 % of the job's and growing at 2 to 4 random points between 10 and 75 % of the time (sub-jobs appended, their shares by random weights 0.3 to 1.7, the whole known after the last): p = min(1, f / known) climbs at 2x to 3.3x the mean pace, in some jobs sits at 99 % waiting, and falls by up to 59 % at each growth; p = f after the last",
    curve: (random) => {
      const first = 0.3 + 0.2 * random();
      const m = 2 + Math.floor(3 * random());
      const times = Array.from({ length: m }, () => 0.1 + 0.65 * random()).sort((a, b) => a - b);
      const weights = times.map(() => 0.3 + 1.4 * random());
      const total = weights.reduce((a, b) => a + b, 0);
      const known = [first];
      for (const w of weights) known.push(known[known.length - 1] + ((1 - first) * w) / total);
      known[m] = 1;
      return (f) => Math.min(1, f / known[times.filter((t) => f >= t).length]);
    },
  },
  // ---- held out in round 19 (written at cdd48e2, run on the strategies of 671d8f9 and b18c286), then seen in round 20 ----
  {
    name: "weibull-ease-out",
    family: "informative",
    set: "seen",
    description:
      "p = W(f) / W(1), W(f) = 1 - e^(-(f / l)^k) (a Weibull CDF) for a random scale l between 0.35 and 0.6 and shape k between 1.1 and 1.8: a quick, lopsided start (fastest, 1.5x to 2.4x the mean pace, at 4 to 38 % of the time), then easing strongly into the end, the end pace 0.02x to 0.4x the mean (random); half done at 24 to 46 % of the time, 99 % reached at 77 to 98 %",
    curve: (random) => {
      const l = 0.35 + 0.25 * random();
      const k = 1.1 + 0.7 * random();
      const w = (f: number): number => 1 - Math.exp(-((f / l) ** k));
      return (f) => w(f) / w(1);
    },
  },
  {
    name: "log-cosh-soft-landing",
    family: "informative",
    set: "seen",
    description:
      "p = 1 - ln cosh(k (1 - f)) / ln cosh(k) for a random k between 4 and 12: the pace k tanh(k (1 - f)) / ln cosh(k), nearly steady (1.06x to 1.21x the mean) for most of the job, then falling smoothly to 0 in a short landing: half that pace at 0.55 / k (5 to 14 %) of the time before the end; 90 % done at 79 to 85 % of the time, 99 % at 92 to 96 %",
    curve: (random) => {
      const k = 4 + 8 * random();
      const total = Math.log(Math.cosh(k));
      return (f) => 1 - Math.log(Math.cosh(k * (1 - f))) / total;
    },
  },
  {
    name: "cubic-pace-fade",
    family: "informative",
    set: "seen",
    description:
      "the pace proportional to 1 - s f^3 for a random s between 0.3 and 0.8: p = (f - s f^4 / 4) / (1 - s / 4), steady at first (1.08x to 1.25x the mean pace) and slowing ever more towards the end, gently, to 0.76x to 0.25x the mean at the end (never 0)",
    curve: (random) => {
      const s = 0.3 + 0.5 * random();
      return (f) => (f - (s * f ** 4) / 4) / (1 - s / 4);
    },
  },
  {
    name: "sinh-speed-up",
    family: "informative",
    set: "seen",
    description:
      "p = sinh(k f) / sinh(k) for a random k between 1.5 and 3.5: the pace k cosh(k f) / sinh(k) rising all the way, from 0.7x to 0.21x the mean at the start to 1.66x to 3.5x at the end, with no easing into the end; half done at 62 to 80 % of the time",
    curve: (random) => {
      const k = 1.5 + 2 * random();
      return (f) => Math.sinh(k * f) / Math.sinh(k);
    },
  },
  {
    name: "late-smooth-speed-up",
    family: "informative",
    set: "seen",
    description:
      "a steady pace until a random S between 55 and 80 % of the time, then rising smoothly (smoothstep) over a random 5 to 15 % of the time to a random 1.8 to 3 times that pace, held to the end (trailing blocks read faster); scaled to end at 100 %: 0.54x to 0.91x the mean pace before S, 1.34x to 2.4x at the end; half done at 55 to 71 % of the time",
    curve: (random) => {
      const start = 0.55 + 0.25 * random();
      const width = 0.05 + 0.1 * random();
      const ratio = 1.8 + 1.2 * random();
      const pace = (f: number): number => {
        const x = clamp01((f - start) / width);
        return 1 + (ratio - 1) * x * x * (3 - 2 * x);
      };
      const steps = 1000;
      const done = [0];
      for (let k = 1; k <= steps; k++) done.push(done[k - 1] + pace((k - 0.5) / steps) / steps);
      return polyline(done.map((d, k) => [k / steps, d / done[steps]] as const));
    },
  },
  {
    name: "exp-approach-to-99",
    family: "no-information",
    set: "seen",
    description:
      "p = 0.995 (1 - e^(-f / tau)) for a random tau between 4 and 10 % of the time: fast at first (63 % done at tau), slowing exponentially towards 99.5 % and never reaching it: 99 % shown from 4.6 tau (rounded to nearest; 5.3 tau rounded down), 18 to 53 % of the time, until SUCCESS",
    curve: (random) => {
      const tau = 0.04 + 0.06 * random();
      return (f) => 0.995 * (1 - Math.exp(-f / tau));
    },
  },
  {
    name: "fourteen-percent-steps-to-98",
    family: "no-information",
    set: "seen",
    description:
      "0, then a step of 14 % every random g between 4 and 8 % of the time (the first at g): 14, 28, ... 98 % at 7g (28 to 56 % of the time), then 98 % until SUCCESS",
    curve: (random) => {
      const g = 0.04 + 0.04 * random();
      return (f) => (14 * Math.min(7, Math.floor(f / g + 1e-9))) / 100;
    },
  },
  {
    name: "false-99-settles-at-97",
    family: "no-information",
    set: "seen",
    description:
      "steady to 99 % at a random F between 15 and 35 % of the time, 99 % for a random 5 to 15 % of the time, then 97 % (re-estimated) from there (20 to 50 % of the time) until SUCCESS",
    curve: (random) => {
      const at = 0.15 + 0.2 * random();
      const hold = 0.05 + 0.1 * random();
      return (f) => (f < at ? (0.993 * f) / at : f < at + hold ? 0.993 : 0.973);
    },
  },
  {
    name: "five-percent-steps-then-frozen",
    family: "no-information",
    set: "seen",
    description:
      "0, then a step of 5 % every random g between 2 and 4 % of the time (the first at g), for a random 3 to 15 steps, then frozen at that value (15 to 75 %) from 3g to 15g (6 to 60 % of the time) until SUCCESS",
    curve: (random) => {
      const g = 0.02 + 0.02 * random();
      const n = 3 + Math.floor(13 * random());
      return (f) => (5 * Math.min(n, Math.floor(f / g + 1e-9))) / 100 + 0.003;
    },
  },
  {
    name: "ticks-crowding-to-the-end",
    family: "no-information",
    set: "seen",
    description:
      "a random whole L between 20 and 60 % from the start, 1 % more at each of six points whose gap to the end halves each time: at s, (1 + s) / 2, (3 + s) / 4, ... for a random s between 40 and 60 % of the time (the last at 98.1 to 98.8 %): still until s, then rare moves getting closer, L + 6 % at SUCCESS",
    curve: (random) => {
      const level = (20 + Math.floor(41 * random())) / 100 + 0.003;
      const s = 0.4 + 0.2 * random();
      const ticks = Array.from({ length: 6 }, (_, i) => 1 - (1 - s) / 2 ** i);
      return (f) => level + 0.01 * ticks.filter((t) => f >= t).length;
    },
  },
  {
    name: "early-99-then-true-value",
    family: "misleading",
    set: "seen",
    description:
      "p = k f for a random k between 1.6 and 2.6, reaching 99 % at 0.99 / k (38 to 62 % of the time), 99 % until a random D a further 10 to 30 % of the time later (at most 90 %), then back down at once to the true value p = f (a drop of 9 to 51 %) and on it to 100 %",
    curve: (random) => {
      const k = 1.6 + random();
      const drop = Math.min(0.9, 0.99 / k + 0.1 + 0.2 * random());
      return (f) => (f < drop ? Math.min(0.99, k * f) : f);
    },
  },
  {
    name: "pre-copy-passes-own-percent",
    family: "misleading",
    set: "seen",
    description:
      "3 to 5 passes (a full copy, then re-copies of the blocks changed meanwhile), each a random r between 30 and 50 % as long as the one before, at one rate; the value is the current pass's own percent: 0 to 100 % over the first pass (52 to 72 % of the time), then back to 0 and up again ever faster in shorter passes, the last ending with the job",
    curve: (random) => {
      const n = 3 + Math.floor(3 * random());
      const r = 0.3 + 0.2 * random();
      const lengths = Array.from({ length: n }, (_, i) => r ** i);
      const total = lengths.reduce((a, b) => a + b, 0);
      const starts = [0];
      for (let i = 0; i < n - 1; i++) starts.push(starts[i] + lengths[i] / total);
      return (f) => {
        let i = 0;
        while (i < n - 1 && f >= starts[i + 1]) i++;
        return (f - starts[i]) / (lengths[i] / total);
      };
    },
  },
  {
    name: "mean-of-overall-and-step-percent",
    family: "misleading",
    set: "seen",
    description:
      "3 to 5 steps of random lengths (weights 0.5 to 1.5) done in turn at one rate; the value the mean of the overall progress f and the current step's own percent q, p = (f + q) / 2: climbing faster than f within each step, then falling back by 50 % at each step's end, to 100 % at the end",
    curve: (random) => {
      const n = 3 + Math.floor(3 * random());
      const weights = Array.from({ length: n }, () => 0.5 + random());
      const total = weights.reduce((a, b) => a + b, 0);
      const starts = [0];
      for (let i = 0; i < n - 1; i++) starts.push(starts[i] + weights[i] / total);
      return (f) => {
        let i = 0;
        while (i < n - 1 && f >= starts[i + 1]) i++;
        return (f + (f - starts[i]) / (weights[i] / total)) / 2;
      };
    },
  },
  {
    name: "halving-remainder-steps",
    family: "misleading",
    set: "seen",
    description:
      "p = 1 - 2^(-floor(f / g)) for a random g between 10 and 16 % of the time: 0, then a step at every g, each halving what is left: 50, 75, 87.5, 93.75, 96.9, 98.4 %, 99 % shown from the seventh step (70 to 112 % of the time, so some jobs end at 98 %)",
    curve: (random) => {
      const g = 0.1 + 0.06 * random();
      return (f) => 1 - 2 ** -Math.floor(f / g + 1e-9);
    },
  },
  {
    name: "compressed-bytes-over-raw-size",
    family: "misleading",
    set: "seen",
    description:
      "compressed bytes written over the raw image size: in each tenth of the time the value grows at a pace of its own random ratio c (0.2 to 1, the data's compressibility) times the mean, so the pace changes abruptly every tenth and SUCCESS comes at the mean of the ten ratios (about 60 %, at most 100 %)",
    curve: (random) => {
      const ratios = Array.from({ length: 10 }, () => 0.2 + 0.8 * random());
      const points: [number, number][] = [[0, 0]];
      for (let i = 0; i < 10; i++) points.push([(i + 1) / 10, points[i][1] + ratios[i] / 10]);
      return polyline(points);
    },
  },
  // ---- held out in round 20 (written at 167b8b3, run on the strategies of 167b8b3 and 2757f5b), then seen in round 21 ----
  {
    name: "erlang-stages-cdf",
    family: "informative",
    set: "seen",
    description:
      "p = E(f / t) / E(1 / t), E(x) = 1 - e^(-x) (1 + x + x^2 / 2! + ... + x^(k-1) / (k-1)!) (the Erlang CDF: a gamma CDF of whole shape k, the time of k exponential stages), for a random whole k of 2 to 4 and t = m / k with a random mean m between 40 and 70 % of the time: a slow start (the pace growing as f^(k-1); 0 shown for 2 to 11 % of the time, rounded to nearest), fastest (1.35x to 2.3x the mean pace) at (k - 1) t, 20 to 53 % of the time, then an exponential tail; half done at 32 to 57 % of the time, 99 % reached at 88 to 98 %",
    curve: (random) => {
      const k = 2 + Math.floor(3 * random());
      const theta = (0.4 + 0.3 * random()) / k;
      const erlang = (x: number): number => {
        let term = 1;
        let sum = 1;
        for (let i = 1; i < k; i++) sum += term *= x / i;
        return 1 - Math.exp(-x) * sum;
      };
      return (f) => erlang(f / theta) / erlang(1 / theta);
    },
  },
  {
    name: "odds-power-s",
    family: "informative",
    set: "seen",
    description:
      "p = f^a / (f^a + c (1 - f)^a) for a random a between 1.2 and 1.8 and c between 1/3 and 3 (log-uniform): an S whose odds p / (1 - p) are (f / (1 - f))^a / c, the pace tending to 0 at both ends and fastest at 1.2x to 2.05x the mean; half done at c^(1/a) / (1 + c^(1/a)), 29 to 71 % of the time; 1 % shown from 0.5 to 9 % of the time, 99 % from 85 to 99 % (rounded to nearest)",
    curve: (random) => {
      const a = 1.2 + 0.6 * random();
      const c = 3 ** (2 * random() - 1);
      return (f) => f ** a / (f ** a + c * (1 - f) ** a);
    },
  },
  {
    name: "shared-link-neighbours",
    family: "informative",
    set: "seen",
    description:
      "the pace 1 / (1 + the sum of the loads of the neighbours sharing the link), scaled to end at 100 %: 2 to 4 neighbours, each arriving at a random point between -20 and 90 % of the time and staying a random 10 to 40 %, with a random load of 0.3 to 1, eased in (smoothstep) over the first 4 % of the time of its stay and out over the last 4 %: the pace slows smoothly while neighbours are present (at its slowest 0.32x to 0.89x the mean) and speeds back up when they leave (at its fastest 1.02x to 1.72x)",
    curve: (random) => {
      const neighbours = Array.from({ length: 2 + Math.floor(3 * random()) }, () => {
        const from = -0.2 + 1.1 * random();
        return { from, to: from + 0.1 + 0.3 * random(), load: 0.3 + 0.7 * random() };
      });
      const ease = (x: number): number => {
        const u = clamp01(x / 0.04);
        return u * u * (3 - 2 * u);
      };
      const pace = (f: number): number =>
        1 / (1 + neighbours.reduce((sum, n) => sum + n.load * ease(f - n.from) * ease(n.to - f), 0));
      const steps = 1000;
      const done = [0];
      for (let k = 1; k <= steps; k++) done.push(done[k - 1] + pace((k - 0.5) / steps) / steps);
      return polyline(done.map((d, k) => [k / steps, d / done[steps]] as const));
    },
  },
  {
    name: "lognormal-cdf",
    family: "informative",
    set: "seen",
    description:
      "p = Phi(ln(f / M) / s) / Phi(ln(1 / M) / s), Phi the standard normal CDF (erf by Abramowitz and Stegun 7.1.26), for a random median M between 35 and 55 % of the time and s between 0.4 and 0.7 (a lognormal CDF, as of a time made of many multiplied delays): a slow start (0 shown for 6 to 19 % of the time, rounded to nearest), fastest (1.65x to 3.1x the mean pace) at M e^(-s^2), 21 to 47 % of the time, then a long tail; half done at 33 to 53 % of the time, 99 % reached at 81 to 97 %",
    curve: (random) => {
      const median = 0.35 + 0.2 * random();
      const sigma = 0.4 + 0.3 * random();
      // The standard normal CDF, by Abramowitz and Stegun 7.1.26 for erf (error below 1.5e-7).
      const phi = (z: number): number => {
        const x = Math.abs(z) / Math.SQRT2;
        const t = 1 / (1 + 0.3275911 * x);
        const poly =
          t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
        const erf = 1 - poly * Math.exp(-x * x);
        return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
      };
      const g = (f: number): number => (f <= 0 ? 0 : phi(Math.log(f / median) / sigma));
      return (f) => g(f) / g(1);
    },
  },
  {
    name: "disks-each-warming-up",
    // The pace falls to 0 at once at each new disk (this file's header counts abrupt changes of pace
    // as misleading), but the value stands almost still only for a moment, and only goes up, to 100 %:
    // the issue's "any smooth monotone curve" fits it better than "big steps" or "noise".
    family: "informative",
    set: "seen",
    description:
      "by bytes: 2 to 4 disks copied one after another, taking random shares of the time (weights 0.4 to 1.6); each disk's transfer starts from a standstill and warms up, moving at 1 - e^(-u / tau) of its full pace at u after the disk's start, for a random tau of 2 to 5 % of the time (a disk taking d moves d - tau (1 - e^(-d / tau))); scaled to end at 100 %: a steady 1.04x to 1.24x the mean pace, dropping at once to 0 at each new disk and back near full within a few tau",
    curve: (random) => {
      const weights = Array.from({ length: 2 + Math.floor(3 * random()) }, () => 0.4 + 1.2 * random());
      const tau = 0.02 + 0.03 * random();
      const total = weights.reduce((a, b) => a + b, 0);
      const lengths = weights.map((w) => w / total);
      const bytes = (u: number): number => u - tau * (1 - Math.exp(-u / tau));
      const all = lengths.reduce((sum, d) => sum + bytes(d), 0);
      return (f) => {
        let [done, start] = [0, 0];
        for (const d of lengths) {
          done += bytes(Math.min(d, Math.max(0, f - start)));
          start += d;
        }
        return clamp01(done / all);
      };
    },
  },
  {
    name: "random-long-stall",
    family: "no-information",
    set: "seen",
    description:
      "p = (min(f, S) + max(0, f - S - L)) / (1 - L): a steady 1 / (1 - L) the mean pace (1.67x to 3.33x), but still for a random L between 40 and 70 % of the time from a random S between 5 % and 95 % - L, then on at the same pace to 100 %",
    curve: (random) => {
      const length = 0.4 + 0.3 * random();
      const start = 0.05 + (0.9 - length) * random();
      return (f) => (Math.min(f, start) + Math.max(0, f - start - length)) / (1 - length);
    },
  },
  {
    name: "zero-then-random-constant",
    // It moves once, a big step, but then stands still until SUCCESS: "0 until the end, a constant"
    // fits it better than "big steps".
    family: "no-information",
    set: "seen",
    description:
      "0 until a random point between 10 and 50 % of the time, then a random whole 5 to 95 % (plus 0.3 %) at once until SUCCESS",
    curve: (random) => {
      const at = 0.1 + 0.4 * random();
      const level = (5 + Math.floor(91 * random())) / 100 + 0.003;
      return (f) => (f < at ? 0 : level);
    },
  },
  {
    name: "creeps-through-98s",
    family: "no-information",
    set: "seen",
    description:
      "steady to 98 % at a random F between 10 and 30 % of the time, then creeping steadily from 98 to 99.4 % over the rest: 98 % shown until F + 0.36 (1 - F) rounded to nearest (F + 0.71 (1 - F) rounded down), then 99 % until SUCCESS: 98 or 99 % for 70 to 90 % of the job",
    curve: (random) => {
      const at = 0.1 + 0.2 * random();
      return (f) => (f < at ? (0.98 * f) / at : 0.98 + (0.014 * (f - at)) / (1 - at));
    },
  },
  {
    name: "plateaus-of-random-lengths",
    // Its steps are of 1 to 4 %, not big ones, between long plateaus: "a long stall" fits it better
    // than "big steps".
    family: "no-information",
    set: "seen",
    description:
      "3 to 5 plateaus of random lengths (weights 0.2 to 1.8, filling the job: 3 to 82 % of the time each), the first at a random whole L between 5 and 50 % (plus 0.3 %), each of the others a random whole 1 to 4 % above the one before, stepping at once between them: L + 2 to 16 % at SUCCESS",
    curve: (random) => {
      const n = 3 + Math.floor(3 * random());
      const weights = Array.from({ length: n }, () => 0.2 + 1.6 * random());
      const total = weights.reduce((a, b) => a + b, 0);
      const level = (5 + Math.floor(46 * random())) / 100 + 0.003;
      const steps: { at: number; by: number }[] = [];
      let at = 0;
      for (let i = 0; i < n - 1; i++)
        steps.push({ at: (at += weights[i] / total), by: (1 + Math.floor(4 * random())) / 100 });
      return (f) => steps.reduce((p, step) => (f >= step.at ? p + step.by : p), level);
    },
  },
  {
    name: "chunk-retry-stall",
    // It goes up and down while the chunk is retried, but only within 2 % and with no trend: "a long
    // stall" fits it better than "noise that goes up and down".
    family: "no-information",
    set: "seen",
    description:
      "p = v f (v = 1 / (1 - L), 1.43x to 2.22x the mean pace) until a random R between 10 and 35 % of the time, then one chunk retried for a random L between 30 and 55 % of the time, each retry a random 3 to 6 % of the time long: the value climbs 2 % from v R and falls back to v R at each new retry, p = v R + 0.02 frac((f - R) / retry); then on at v from v R to 100 %",
    curve: (random) => {
      const at = 0.1 + 0.25 * random();
      const length = 0.3 + 0.25 * random();
      const period = 0.03 + 0.03 * random();
      const v = 1 / (1 - length);
      return (f) =>
        f < at ? v * f : f < at + length ? v * at + 0.02 * (((f - at) / period) % 1) : v * (f - length);
    },
  },
  {
    name: "elapsed-over-overestimated-time",
    family: "misleading",
    set: "seen",
    description:
      "p = f / E for a random E between 1.1 and 2.5 (elapsed time over a duration estimated 10 to 150 % too long): steady, SUCCESS comes at 1 / E (40 to 91 %)",
    curve: (random) => {
      const estimate = 1.1 + 1.4 * random();
      return (f) => f / estimate;
    },
  },
  {
    name: "bytes-of-finished-disks",
    // It can show 0 for most of the job (a large first disk), but it moves in big steps that land on
    // the true progress: "big steps" fits it better than "0 until the end".
    family: "misleading",
    set: "seen",
    description:
      "2 to 4 disks of random sizes (weights 0.3 to 1.7) copied in turn at one rate, the value the share of the bytes in finished disks: 0 until the first disk is done (at 6 to 85 % of the time), then a step at each disk's end up to p = f there, held until the next: SUCCESS comes at 1 less the last disk's share (15 to 94 %)",
    curve: (random) => {
      const weights = Array.from({ length: 2 + Math.floor(3 * random()) }, () => 0.3 + 1.4 * random());
      const total = weights.reduce((a, b) => a + b, 0);
      const ends: number[] = [];
      for (const w of weights) ends.push((ends.length > 0 ? ends[ends.length - 1] : 0) + w / total);
      ends[ends.length - 1] = 1;
      return (f) => ends.filter((end) => f >= end).pop() ?? 0;
    },
  },
  {
    name: "repeated-failed-attempts",
    family: "misleading",
    set: "seen",
    description:
      "1 to 3 failed attempts, each lasting a random 8 to 22 % of the time, then one that succeeds, all at one pace v = 1 / (1 - the failed attempts' time), 1.09x to 2.94x the mean: p = v (f - the current attempt's start), climbing from 0 to v times the attempt's length (9 to 65 %) and back to 0 at each failure, then from 0 to 100 % in the last attempt",
    curve: (random) => {
      const failed = Array.from({ length: 1 + Math.floor(3 * random()) }, () => 0.08 + 0.14 * random());
      const v = 1 / (1 - failed.reduce((a, b) => a + b, 0));
      const starts = [0];
      for (const length of failed) starts.push(starts[starts.length - 1] + length);
      return (f) => v * (f - (starts.filter((s) => f >= s).pop() ?? 0));
    },
  },
  {
    name: "noisy-episodes",
    // It is p = f for most of the job, but in its episodes it goes up and down by up to 8 % within 1 %
    // of the time: "noise that goes up and down" fits it better than "any smooth monotone curve".
    family: "misleading",
    set: "seen",
    description:
      "p = f, but in 2 or 3 episodes (each starting at a random point between 5 and 90 % of the time and lasting a random 5 to 10 %; they may overlap) p = f plus a random offset of up to +-8 %, drawn afresh every 1 % of the time",
    curve: (random) => {
      const episodes = Array.from({ length: 2 + Math.floor(2 * random()) }, () => {
        const from = 0.05 + 0.85 * random();
        return { from, to: from + 0.05 + 0.05 * random() };
      });
      const offsets = Array.from({ length: 101 }, () => 0.16 * (random() - 0.5));
      return (f) =>
        clamp01(episodes.some((e) => f >= e.from && f < e.to) ? f + offsets[Math.floor(f * 100)] : f);
    },
  },
  {
    name: "dithered-coarse-steps",
    family: "misleading",
    set: "seen",
    description:
      "p = q round((f + d) / q) for a random quantum q between 10 and 20 % and a dither d drawn at random between -q/4 and +q/4 afresh every 1 % of the time (kept within 0..1): steps of q that flicker up and down by q whenever f is within q/4 of a boundary between two steps (half the time); SUCCESS comes at the step nearest 1 + d (within 3q/4 of 100 %: 85 to 100 %)",
    curve: (random) => {
      const q = 0.1 + 0.1 * random();
      const dither = Array.from({ length: 101 }, () => 0.5 * q * (random() - 0.5));
      return (f) => clamp01(q * Math.round((f + dither[Math.floor(f * 100)]) / q));
    },
  },
  // ---- held out in round 21 (written at 00ecf7f, run on the strategies of 2757f5b and 3c6254c), then seen in round 22 ----
  {
    name: "late-lull-then-surge",
    family: "informative",
    set: "seen",
    description:
      "a steady pace until a random S between 70 and 88 % of the time, then, with u = (f - S) / (1 - S), the pace 1 - (1 - r) sin(pi u) + (R - 1) u^3 of it, for a random r between 0.2 and 0.5 and R between 1.5 and 3: p = (min(f, S) + (1 - S) (u - (1 - r) (1 - cos(pi u)) / pi + (R - 1) u^4 / 4)) / (S + (1 - S) (1 - 2 (1 - r) / pi + (R - 1) / 4)) (u = 0 before S): 0.95x to 1.13x the mean pace until S, then in the last 12 to 30 % of the time slowing smoothly to 0.27x to 0.63x near u = 0.35 to 0.46, then speeding up to 1.5x to 3x at the end",
    curve: (random) => {
      const s = 0.7 + 0.18 * random();
      const low = 0.2 + 0.3 * random();
      const high = 1.5 + 1.5 * random();
      const done = (f: number): number => {
        if (f < s) return f;
        const u = (f - s) / (1 - s);
        return (
          s + (1 - s) * (u - ((1 - low) * (1 - Math.cos(Math.PI * u))) / Math.PI + ((high - 1) * u ** 4) / 4)
        );
      };
      return (f) => done(f) / done(1);
    },
  },
  {
    name: "tail-eases-to-stop",
    family: "informative",
    set: "seen",
    description:
      "a steady pace until a random S between 65 and 90 % of the time, then the pace (1 - u)^k of it, u = (f - S) / (1 - S), for a random k between 0.5 and 4 (log-uniform): p = (min(f, S) + (1 - S) (1 - (1 - u)^(k + 1)) / (k + 1)) / (S + (1 - S) / (k + 1)) (u = 0 before S): 1.03x to 1.39x the mean pace until S, then easing to a stop at f = 1, gently (k = 0.5: still half the pace at u = 0.75) or hard (k = 4: a sixteenth of it at u = 0.5); 74 to 98 % done at S",
    curve: (random) => {
      const s = 0.65 + 0.25 * random();
      const k = 0.5 * 8 ** random();
      const done = (f: number): number =>
        f < s ? f : s + ((1 - s) * (1 - Math.max(0, 1 - (f - s) / (1 - s)) ** (k + 1))) / (k + 1);
      return (f) => done(f) / done(1);
    },
  },
  {
    name: "last-phase-random-pace",
    family: "informative",
    set: "seen",
    description:
      "a steady pace, changing smoothly (smoothstep, over w = 4 % of the time centred on T = 1 - L) to a random rho times it for a last phase of a random L between 10 and 30 % of the time, rho log-uniform between 1.55 and 3 (faster) or between 1/3 and 0.64 (slower), at even odds: p = (f + (rho - 1) w G((f - T + w / 2) / w)) / (1 + (rho - 1) L), G(x) = 0 below 0, x^3 - x^4 / 2 from 0 to 1, x - 1/2 above 1: 1 / (1 + (rho - 1) L) the mean pace before the change (0.63x to 1.25x), rho times that in the last phase (0.36x to 2.5x)",
    curve: (random) => {
      const last = 0.1 + 0.2 * random();
      const rho = 3 ** ((random() < 0.5 ? -1 : 1) * (0.4 + 0.6 * random()));
      const w = 0.04;
      const from = 1 - last - w / 2;
      const g = (x: number): number => (x <= 0 ? 0 : x < 1 ? x ** 3 - x ** 4 / 2 : x - 0.5);
      return (f) => clamp01((f + (rho - 1) * w * g((f - from) / w)) / (1 + (rho - 1) * last));
    },
  },
  {
    name: "late-peaked-beta-cdf",
    family: "informative",
    set: "seen",
    description:
      "the Beta(a, b) CDF for a random a between 3 and 6 and b between 1.2 and 1.8 (its density f^(a - 1) (1 - f)^(b - 1) summed by the midpoint rule over 1000 steps, scaled to end at 100 %): a slow start (1 % shown, rounded to nearest, only from 12 to 39 % of the time), speeding up to its fastest (1.8x to 4.1x the mean pace) late, at the mode (a - 1) / (a + b - 2), 71 to 96 % of the time, then slowing hard to 0 at f = 1 (as (1 - f)^(b - 1)); half done at 64 to 86 % of the time",
    curve: (random) => {
      const a = 3 + 3 * random();
      const b = 1.2 + 0.6 * random();
      const steps = 1000;
      const done = [0];
      for (let k = 1; k <= steps; k++) {
        const x = (k - 0.5) / steps;
        done.push(done[k - 1] + (x ** (a - 1) * (1 - x) ** (b - 1)) / steps);
      }
      return polyline(done.map((d, k) => [k / steps, d / done[steps]] as const));
    },
  },
  {
    name: "log-logistic-cdf",
    family: "informative",
    set: "seen",
    description:
      "p = f^b (1 + m^b) / (f^b + m^b), the log-logistic CDF f^b / (f^b + m^b) scaled to end at 100 %, for a random median m between 25 and 55 % of the time and shape b between 1.5 and 4: the pace 0 at the start (growing as f^(b - 1)), fastest (1.6x to 4.3x the mean pace) at m ((b - 1) / (b + 1))^(1/b), 9 to 48 % of the time, then a long polynomial tail, the pace at the end b m^b / (1 + m^b), 0.02x to 0.44x the mean; half done at 22 to 53 % of the time, 98.5 % at 67 to 97 %",
    curve: (random) => {
      const m = 0.25 + 0.3 * random();
      const b = 1.5 + 2.5 * random();
      const c = m ** b;
      return (f) => (f ** b * (1 + c)) / (f ** b + c);
    },
  },
  {
    name: "high-plateau-then-finish",
    family: "no-information",
    set: "seen",
    description:
      "easing out, p = H (1 - (1 - f / F)^2), to a random whole H between 90 and 98 % (plus 0.3 %) at a random F between 10 and 40 % of the time, still at H for a random L between 40 % and 95 % - F of the time, then steady from H to 100 % over the rest (the last 5 to 50 % of the time, at 0.03x to 2x the mean pace)",
    curve: (random) => {
      const at = 0.1 + 0.3 * random();
      const level = (90 + Math.floor(9 * random())) / 100 + 0.003;
      const resume = at + 0.4 + (0.55 - at) * random();
      return (f) =>
        f < at
          ? level * (1 - (1 - f / at) ** 2)
          : f < resume
            ? level
            : level + ((1 - level) * (f - resume)) / (1 - resume);
    },
  },
  {
    name: "random-constant-last-gasp",
    family: "no-information",
    set: "seen",
    description:
      "a random whole C between 2 and 89 % (plus 0.3 %) from the start until a random E between 95 and 99 % of the time, then steady from C to 100 % in the last 1 to 5 % of the time (2x to 98x the mean pace)",
    curve: (random) => {
      const level = (2 + Math.floor(88 * random())) / 100 + 0.003;
      const end = 0.95 + 0.04 * random();
      return (f) => (f < end ? level : Math.min(1, level + ((1 - level) * (f - end)) / (1 - end)));
    },
  },
  {
    name: "ease-out-frozen-late",
    // It is an ease-out, smooth and monotone to 100 %, but it stands still for 25 to 40 % of the job:
    // "a long stall" fits it better than "any smooth monotone curve".
    family: "no-information",
    set: "seen",
    description:
      "p = 1 - (1 - x)^2 of a clock x = (min(f, S) + max(0, f - S - L)) / (1 - L) that stops for a random L between 25 and 40 % of the time from a random S between 35 and 55 %: an ease-out (2 / (1 - L) the mean pace at the start), still at 72 to 99 % from S to S + L (60 to 95 % of the time), then easing on to 100 % at f = 1",
    curve: (random) => {
      const start = 0.35 + 0.2 * random();
      const length = 0.25 + 0.15 * random();
      return (f) => {
        const x = (Math.min(f, start) + Math.max(0, f - start - length)) / (1 - length);
        return 1 - (1 - x) ** 2;
      };
    },
  },
  {
    name: "zero-then-late-ramp-to-high",
    // It climbs 90 % or more within 2 to 5 % of the time, but stands still for the rest, at 0 and
    // then high: "0 until the end" and "stuck at 99 %" fit it better than "big steps".
    family: "no-information",
    set: "seen",
    description:
      "0 until a random Z between 50 and 85 % of the time, then steady to a random whole H between 90 and 98 % (plus 0.3 %) within a random 2 to 5 % of the time, then H until SUCCESS (for the last 10 to 48 % of the time)",
    curve: (random) => {
      const from = 0.5 + 0.35 * random();
      const ramp = 0.02 + 0.03 * random();
      const level = (90 + Math.floor(9 * random())) / 100 + 0.003;
      return (f) => level * clamp01((f - from) / ramp);
    },
  },
  {
    name: "random-high-constant",
    family: "no-information",
    set: "seen",
    description:
      "a random value between 90 and 99.4 % (uniform, not a whole percent, so that the two roundings may show it 1 % apart) from the start until SUCCESS",
    curve: (random) => {
      const level = 0.9 + 0.094 * random();
      return () => level;
    },
  },
  {
    name: "early-99-late-fall-back",
    // It sits at 99 % for 55 to 87 % of the job, but it is not "stuck at 99 %" until SUCCESS: it
    // falls back late, a big step down to the true value, and then moves on: "big steps" fits it
    // better.
    family: "misleading",
    set: "seen",
    description:
      "p = f until a random J between 3 and 15 % of the time, then 99.3 % at once (a jump of 84 to 96 %) until a random R between 70 and 90 %, then back at once to the true value R and on p = f to 100 %",
    curve: (random) => {
      const jump = 0.03 + 0.12 * random();
      const fall = 0.7 + 0.2 * random();
      return (f) => (f < jump || f >= fall ? f : 0.993);
    },
  },
  {
    name: "shortfall-in-last-stretch",
    family: "misleading",
    set: "seen",
    description:
      "p = f until a random K between 60 and 85 % of the time, then p = f - D ((f - K) / (1 - K))^2 for a random D of 30 to 50 % of 1 - K (4.5 to 20 %): on pace, then slowing in the last 15 to 40 % of the time, to 1 - 2 D / (1 - K) (0 to 0.4x) of the mean pace at the end: SUCCESS comes at 1 - D (80 to 95.5 %)",
    curve: (random) => {
      const k = 0.6 + 0.25 * random();
      const d = (1 - k) * (0.3 + 0.2 * random());
      return (f) => (f < k ? f : f - d * ((f - k) / (1 - k)) ** 2);
    },
  },
  {
    name: "late-restart-random-pace",
    family: "misleading",
    set: "seen",
    description:
      "p = f until a random R between 70 and 92 % of the time, then back to 0 at once and p = min(99 %, k (f - R)) for a random k between 1 and 6: SUCCESS comes at min(99 %, k (1 - R)), 8 to 99 %",
    curve: (random) => {
      const restart = 0.7 + 0.22 * random();
      const k = 1 + 5 * random();
      return (f) => (f < restart ? f : Math.min(0.99, k * (f - restart)));
    },
  },
  {
    name: "late-random-big-steps",
    family: "misleading",
    set: "seen",
    description:
      "p = A f for a random A between 0.3 and 0.6, plus a step of (1 - A) / n at each of n = 2 or 3 random times between 70 and 98 % of the time: a steady under-report (21 to 42 % at 70 % of the time), then 2 or 3 big steps (13 to 35 % each) near the end; after the last, p = 1 - A (1 - f) (82 % or more), to 100 % at the end",
    curve: (random) => {
      const a = 0.3 + 0.3 * random();
      const n = 2 + Math.floor(2 * random());
      const times = Array.from({ length: n }, () => 0.7 + 0.28 * random());
      return (f) => clamp01(a * f + ((1 - a) * times.filter((t) => f >= t).length) / n);
    },
  },
  {
    name: "noise-in-last-stretch",
    family: "misleading",
    set: "seen",
    description:
      "p = f until a random S between 65 and 90 % of the time, then p = f plus a random offset of up to +-A, for a random A between 4 and 12 %, drawn afresh every 0.5 % of the time (kept within 0..1): on pace, then up and down around it to the end",
    curve: (random) => {
      const from = 0.65 + 0.25 * random();
      const amplitude = 0.04 + 0.08 * random();
      const offsets = Array.from({ length: 201 }, () => 2 * amplitude * (random() - 0.5));
      return (f) => clamp01(f < from ? f : f + offsets[Math.floor(f * 200)]);
    },
  },
  // ---- held out in round 22 (written at 903b9c1, run on the strategy of 2cc39ac), then seen in round 23 ----
  {
    name: "mirrored-gompertz-random",
    family: "informative",
    set: "seen",
    description:
      "p = 1 - (q(1 - f) - q(0)) / (q(1) - q(0)), q(x) = e^(-b e^(-c x)) (a Gompertz curve run backwards in time), for a random b between 2 and 6 and c between 3 and 6: a long slow head (the pace at the start b c e^(-c) q(1) / (q(1) - q(0)), 0.04x to 0.82x the mean), fastest (1.4x to 2.5x) at f = 1 - ln(b) / c (40 to 88 % of the time), then slowing more sharply to b c e^(-b) / (q(1) - q(0)) at the end (0.07x to 1.8x); half done at 41 to 79 % of the time",
    curve: (random) => {
      const b = 2 + 4 * random();
      const c = 3 + 3 * random();
      const q = (x: number): number => Math.exp(-b * Math.exp(-c * x));
      return (f) => clamp01(1 - (q(1 - f) - q(0)) / (q(1) - q(0)));
    },
  },
  {
    name: "richards-random-asymmetry",
    family: "informative",
    set: "seen",
    description:
      "p = (R(f) - R(0)) / (R(1) - R(0)), R(x) = (1 + nu e^(-k (x - m)))^(-1/nu) (a Richards, or generalised logistic, curve), for a random asymmetry nu between 0.2 and 5 (log-uniform), steepness k between 8 and 14 and m between 35 and 65 % of the time: an S fastest (1.45x to 4.6x the mean pace) at m, where R is (1 + nu)^(-1/nu) (0.40 to 0.70) of its height, so it leans early (nu small, a long slow tail) or late (nu large, a short sharp stop); the pace 0 to 1.1x the mean at the start, 0 to 0.4x at the end",
    curve: (random) => {
      const nu = 5 ** (2 * random() - 1);
      const k = 8 + 6 * random();
      const m = 0.35 + 0.3 * random();
      const r = (x: number): number => (1 + nu * Math.exp(-k * (x - m))) ** (-1 / nu);
      return (f) => clamp01((r(f) - r(0)) / (r(1) - r(0)));
    },
  },
  {
    name: "random-kinked-pace",
    family: "informative",
    set: "seen",
    description:
      "the pace a polyline through random values v0, v1, v2, v3 (each uniform between 0.3 and 1.7) at f = 0, a random B1 between 15 and 45 %, a random B2 between 55 and 90 % and 1 (linear in between), p = V(f) / V(1) with V(f) its integral (exact, by trapezoids): a pace that changes direction smoothly at two random points, 0.25x to 2.9x the mean, a random pace at the end; half done at 27 to 73 % of the time",
    curve: (random) => {
      const b1 = 0.15 + 0.3 * random();
      const b2 = 0.55 + 0.35 * random();
      const xs = [0, b1, b2, 1];
      const vs = xs.map(() => 0.3 + 1.4 * random());
      const done = (f: number): number => {
        let total = 0;
        for (let i = 1; i < xs.length; i++) {
          const [x0, x1, v0, v1] = [xs[i - 1], xs[i], vs[i - 1], vs[i]];
          if (f <= x0) break;
          const x = Math.min(f, x1);
          total += ((x - x0) * (2 * v0 + ((v1 - v0) * (x - x0)) / (x1 - x0))) / 2;
        }
        return total;
      };
      return (f) => clamp01(done(f) / done(1));
    },
  },
  {
    name: "front-and-back-mixture",
    family: "informative",
    set: "seen",
    description:
      "p = w (1 - (1 - f)^a) + (1 - w) f^b for a random w between 0.3 and 0.7, a between 2 and 4 and b between 2 and 5 (the sum of a front-loaded and a back-loaded CDF): fast at the start (w a, 0.6x to 2.8x the mean pace), slowing to its slowest in the middle (0.38x to 0.96x), then speeding up again to (1 - w) b (0.6x to 3.5x) at the end",
    curve: (random) => {
      const w = 0.3 + 0.4 * random();
      const a = 2 + 2 * random();
      const b = 2 + 3 * random();
      return (f) => clamp01(w * (1 - (1 - f) ** a) + (1 - w) * f ** b);
    },
  },
  {
    name: "tanh-pace-switch",
    family: "informative",
    set: "seen",
    description:
      "the pace 1 + A tanh((f - m) / w), for a random m between 30 and 92 % of the time, width w between 2 and 8 %, and A = +-(0.4 to 0.85) (either sign at even odds): p = (f + A w (L(f) - L(0))) / (1 + A w (L(1) - L(0))), L(f) = ln cosh((f - m) / w): a steady pace that changes smoothly around m, in the middle or near the end, to (1 + A) / (1 - A) times it (2.3x to 12x faster, or as much slower), 0.1x to 5.6x the mean pace",
    curve: (random) => {
      const amount = (random() < 0.5 ? -1 : 1) * (0.4 + 0.45 * random());
      const m = 0.3 + 0.62 * random();
      const w = 0.02 + 0.06 * random();
      const lnCosh = (x: number): number => Math.abs(x) + Math.log1p(Math.exp(-2 * Math.abs(x))) - Math.LN2;
      const done = (f: number): number => f + amount * w * (lnCosh((f - m) / w) - lnCosh(-m / w));
      return (f) => clamp01(done(f) / done(1));
    },
  },
  {
    name: "quick-ramp-to-random-constant",
    family: "no-information",
    set: "seen",
    description:
      "steady from 0 to a random C between 5 and 85 % (uniform, not a whole percent) in the first random 1 to 4 % of the time, then C from there until SUCCESS",
    curve: (random) => {
      const level = 0.05 + 0.8 * random();
      const ramp = 0.01 + 0.03 * random();
      return (f) => level * Math.min(1, f / ramp);
    },
  },
  {
    name: "two-random-long-stalls",
    family: "no-information",
    set: "seen",
    description:
      "p = (f - the time stalled before f) / (1 - L1 - L2): a steady 1 / (1 - L1 - L2) the mean pace (1.56x to 2.5x), but still for a random L1 between 18 and 30 % of the time from a random S1 between 3 and 15 %, and for a random L2 between 18 and 30 % from S2 = S1 + L1 + G, G a random 5 to 15 %; the second stall ends at 44 to 90 % of the time, then on at the same pace to 100 %",
    curve: (random) => {
      const s1 = 0.03 + 0.12 * random();
      const l1 = 0.18 + 0.12 * random();
      const s2 = s1 + l1 + 0.05 + 0.1 * random();
      const l2 = 0.18 + 0.12 * random();
      const stalled = (f: number): number =>
        clamp01(Math.min(f, s1 + l1) - s1) + Math.max(0, Math.min(f, s2 + l2) - s2);
      return (f) => clamp01((f - stalled(f)) / (1 - l1 - l2));
    },
  },
  {
    name: "ease-to-random-high-then-stuck",
    family: "no-information",
    set: "seen",
    description:
      "p = H (1 - (1 - f / T)^3) until a random T between 30 and 70 % of the time, H a random value between 93 and 99.4 % (uniform, not a whole percent), then H until SUCCESS: a cubic ease-out (3 H / T, 4x to 9.9x the mean pace, at the start), then stuck high for the last 30 to 70 % of the time",
    curve: (random) => {
      const level = 0.93 + 0.064 * random();
      const at = 0.3 + 0.4 * random();
      return (f) => (f < at ? level * (1 - (1 - f / at) ** 3) : level);
    },
  },
  {
    name: "zero-until-late-smooth-finish",
    // It is smooth (smoothstep joins 0 with no kink) and monotone to 100 %, but it shows 0 for 80 to
    // 97 % of the job: "0 until the end" fits it better than "any smooth monotone curve".
    family: "no-information",
    set: "seen",
    description:
      "0 until a random Z between 80 and 97 % of the time, then p = 3u^2 - 2u^3 with u = (f - Z) / (1 - Z) (smoothstep) to 100 % at f = 1: nothing for most of the job, then a smooth S in the last 3 to 20 % of the time (fastest, 7.5x to 50x the mean pace, at its middle)",
    curve: (random) => {
      const from = 0.8 + 0.17 * random();
      return (f) => {
        const u = clamp01((f - from) / (1 - from));
        return 3 * u * u - 2 * u ** 3;
      };
    },
  },
  {
    name: "stall-then-ease-in-finish",
    family: "no-information",
    set: "seen",
    description:
      "p = P sqrt(f / S) to a random P between 20 and 60 % at a random S between 10 and 30 % of the time, then P until a random E between 75 and 95 %, then p = P + (1 - P) ((f - E) / (1 - E))^2 (an ease-in, 2 (1 - P) / (1 - E), 3.2x to 32x the mean pace, at the end): stalled for 45 to 85 % of the time",
    curve: (random) => {
      const level = 0.2 + 0.4 * random();
      const at = 0.1 + 0.2 * random();
      const resume = 0.75 + 0.2 * random();
      return (f) =>
        f < at
          ? level * Math.sqrt(f / at)
          : f < resume
            ? level
            : level + (1 - level) * ((f - resume) / (1 - resume)) ** 2;
    },
  },
  {
    name: "random-factor-under-report",
    family: "misleading",
    set: "seen",
    description:
      "p = A f^g for a random A between 35 and 90 % and g between 0.5 and 2 (log-uniform): a smooth curve, slowing or speeding up at random, that under-reports by the factor A all the way: SUCCESS comes at A",
    curve: (random) => {
      const a = 0.35 + 0.55 * random();
      const g = 2 ** (2 * random() - 1);
      return (f) => a * f ** g;
    },
  },
  {
    name: "creep-plus-random-uneven-steps",
    family: "misleading",
    set: "seen",
    description:
      "p = 0.15 f + 0.85 (the sum of w_i over the steps with t_i <= f) / (the sum of all w_i): n = 3 to 6 steps (uniform) at random times t_i between 5 and 95 % of the time, with random weights w_i between 0.2 and 1.8, so each step 0.85 w_i / sum w (often 10 to 40 %), on a slow creep of 0.15x the mean pace; 0.85 + 0.15 f after the last step, to 100 % at the end",
    curve: (random) => {
      const n = 3 + Math.floor(4 * random());
      const times = Array.from({ length: n }, () => 0.05 + 0.9 * random());
      const weights = times.map(() => 0.2 + 1.6 * random());
      const total = weights.reduce((x, y) => x + y, 0);
      return (f) =>
        clamp01(
          0.15 * f + (0.85 * times.reduce((sum, t, i) => (f >= t ? sum + weights[i] : sum), 0)) / total,
        );
    },
  },
  {
    name: "eased-attempt-then-restart",
    family: "misleading",
    set: "seen",
    description:
      "p = P (1 - (1 - f / R)^2), an ease-out to a random P between 40 and 90 % at a random R between 25 and 60 % of the time, then back to 0 at once and p = ((f - R) / (1 - R))^1.5 (a second attempt, speeding up) to 100 % at the end",
    curve: (random) => {
      const peak = 0.4 + 0.5 * random();
      const restart = 0.25 + 0.35 * random();
      return (f) =>
        f < restart ? peak * (1 - (1 - f / restart) ** 2) : ((f - restart) / (1 - restart)) ** 1.5;
    },
  },
  {
    name: "two-tone-wobble-on-s-curve",
    family: "misleading",
    set: "seen",
    description:
      "p = 3f^2 - 2f^3 + A (sin(2 pi k1 f + phi1) + sin(2 pi k2 f + phi2)) / 2 (kept within 0..1), for a random A between 3 and 8 %, k1 between 2 and 5 and k2 between 8 and 14 (not whole) and random phases phi1, phi2 (uniform in 0..2 pi): an S-curve with a slow and a fast wobble of up to +-A on it, going up and down, going back most where the S is flat (near the start and the end); SUCCESS comes at 1 + A (sin(2 pi k1 + phi1) + sin(2 pi k2 + phi2)) / 2 (kept within 0..1)",
    curve: (random) => {
      const amplitude = 0.03 + 0.05 * random();
      const k1 = 2 + 3 * random();
      const k2 = 8 + 6 * random();
      const phi1 = 2 * Math.PI * random();
      const phi2 = 2 * Math.PI * random();
      return (f) =>
        clamp01(
          3 * f * f -
            2 * f ** 3 +
            (amplitude * (Math.sin(2 * Math.PI * k1 * f + phi1) + Math.sin(2 * Math.PI * k2 * f + phi2))) / 2,
        );
    },
  },
  {
    name: "held-at-random-refreshes",
    family: "misleading",
    set: "seen",
    description:
      "the ease-out 1 - (1 - t)^2 of the last of n = 4 to 8 (uniform) refresh times t, drawn at random uniformly in 0..1, at or before f (0 before the first): the value is written only at random moments and held in between, big steps at irregular gaps, largest early; SUCCESS comes at the value of the last refresh",
    curve: (random) => {
      const n = 4 + Math.floor(5 * random());
      const times = Array.from({ length: n }, () => random());
      return (f) => {
        const last = Math.max(0, ...times.filter((t) => t <= f));
        return 1 - (1 - last) ** 2;
      };
    },
  },
  // ---- held out in round 23 (written at c305879, run on the strategies of c305879 and 438329f), then seen in round 24 ----
  {
    name: "skipped-zeros-growing",
    family: "informative",
    set: "seen",
    description:
      "the share of the blocks read that are zeros (skipped almost free) growing as h = H f^2 over the job, for a random H between 0.5 and 0.85 (a disk filled from its start), the pace 1 / (1 - h): p = atanh(sqrt(H) f) / atanh(sqrt(H)), speeding up all the way, from 0.8x (H = 0.5) or 0.58x (H = 0.85) the mean pace at the start to 1.6x or 3.8x at the end; half done at 59 to 72 % of the time",
    curve: (random) => {
      const root = Math.sqrt(0.5 + 0.35 * random());
      return (f) => Math.atanh(root * f) / Math.atanh(root);
    },
  },
  {
    name: "compaction-cycles-quickening",
    family: "informative",
    set: "seen",
    description:
      "the pace 1 + A sin(2 pi (n0 f + (n1 - n0) f^2 / 2) + phase) for a random A between 0.3 and 0.5, n0 between 1.5 and 3, n1 between 8 and 14 and phase (summed over 1000 steps, scaled to end at 100 %): swings of the pace between 1 - A and 1 + A (as wide as 0.5x to 1.5x) that quicken from n0 cycles per job at the start to n1 at the end, 4.75 to 8.5 in all (the destination's compaction, ever more often as the volume fills)",
    curve: (random) => {
      const amplitude = 0.3 + 0.2 * random();
      const n0 = 1.5 + 1.5 * random();
      const n1 = 8 + 6 * random();
      const phase = 2 * Math.PI * random();
      const pace = (f: number): number =>
        1 + amplitude * Math.sin(2 * Math.PI * (n0 * f + ((n1 - n0) * f * f) / 2) + phase);
      const steps = 1000;
      const done = [0];
      for (let k = 1; k <= steps; k++) done.push(done[k - 1] + pace((k - 0.5) / steps) / steps);
      return polyline(done.map((d, k) => [k / steps, d / done[steps]] as const));
    },
  },
  {
    name: "upload-streams-added-one-by-one",
    family: "informative",
    set: "seen",
    description:
      "one upload stream at first, then 2 to 4 more added at random times between 5 and 65 % of the time (the service scaling out), the k-th added stream bringing r^k of the first one's pace for a random r between 0.5 and 0.8 (a shared link), each eased in (smoothstep) over 3 % of the time; summed over 1000 steps and scaled to end at 100 %: the pace rises in soft steps to 1.75 (2 streams added, r = 0.5) to 3.36 (4 added, r = 0.8) times the starting pace",
    curve: (random) => {
      const r = 0.5 + 0.3 * random();
      const added = Array.from({ length: 2 + Math.floor(3 * random()) }, () => 0.05 + 0.6 * random()).sort(
        (a, b) => a - b,
      );
      const ease = (x: number): number => {
        const u = clamp01(x / 0.03);
        return u * u * (3 - 2 * u);
      };
      const pace = (f: number): number => added.reduce((v, t, i) => v + r ** (i + 1) * ease(f - t), 1);
      const steps = 1000;
      const done = [0];
      for (let k = 1; k <= steps; k++) done.push(done[k - 1] + pace((k - 0.5) / steps) / steps);
      return polyline(done.map((d, k) => [k / steps, d / done[steps]] as const));
    },
  },
  {
    name: "throttle-retuned-with-ringing",
    family: "informative",
    set: "seen",
    description:
      "a steady pace until a random T between 25 and 65 % of the time, when the rate limiter (a feedback loop) is retuned to a random rho times it, at even odds 0.4 to 0.6 or 1.7 to 2.5: the pace moves to rho as an underdamped second-order step response, 1 + (rho - 1) (1 - e^(-zeta w u) (cos(w' u) + zeta w sin(w' u) / w')), u = f - T, w' = w sqrt(1 - zeta^2), for a random damping ratio zeta between 0.25 and 0.45 and natural period 2 pi / w between 6 and 12 % of the time: it overshoots by 20 to 44 % of the change and rings, settling within a few periods; summed over 1000 steps and scaled to end at 100 %",
    curve: (random) => {
      const at = 0.25 + 0.4 * random();
      const rho = random() < 0.5 ? 0.4 + 0.2 * random() : 1.7 + 0.8 * random();
      const zeta = 0.25 + 0.2 * random();
      const w = (2 * Math.PI) / (0.06 + 0.06 * random());
      const damped = w * Math.sqrt(1 - zeta * zeta);
      const ratio = (zeta * w) / damped;
      const response = (u: number): number =>
        u <= 0 ? 0 : 1 - Math.exp(-zeta * w * u) * (Math.cos(damped * u) + ratio * Math.sin(damped * u));
      const pace = (f: number): number => 1 + (rho - 1) * response(f - at);
      const steps = 1000;
      const done = [0];
      for (let k = 1; k <= steps; k++) done.push(done[k - 1] + pace((k - 0.5) / steps) / steps);
      return polyline(done.map((d, k) => [k / steps, d / done[steps]] as const));
    },
  },
  {
    name: "slower-of-read-and-write",
    family: "informative",
    set: "seen",
    description:
      "a pipeline that moves at the pace of its slower stage: reading at 1 + a sin(2 pi k1 f + phi1) and writing at c (1 + b sin(2 pi k2 f + phi2)), for random a and b between 0.2 and 0.45, k1 between 1 and 2.5, k2 between 2 and 4, c between 0.85 and 1.15 and phases phi1, phi2; the pace the lesser of the two (summed over 1000 steps, scaled to end at 100 %): smooth swings, the bottleneck passing between source and destination, the pace between 0.47 and 1.45 of a base",
    curve: (random) => {
      const [a, k1, phi1] = [0.2 + 0.25 * random(), 1 + 1.5 * random(), 2 * Math.PI * random()];
      const [b, k2, phi2] = [0.2 + 0.25 * random(), 2 + 2 * random(), 2 * Math.PI * random()];
      const c = 0.85 + 0.3 * random();
      const pace = (f: number): number =>
        Math.min(
          1 + a * Math.sin(2 * Math.PI * k1 * f + phi1),
          c * (1 + b * Math.sin(2 * Math.PI * k2 * f + phi2)),
        );
      const steps = 1000;
      const done = [0];
      for (let k = 1; k <= steps; k++) done.push(done[k - 1] + pace((k - 0.5) / steps) / steps);
      return polyline(done.map((d, k) => [k / steps, d / done[steps]] as const));
    },
  },
  {
    name: "sticky-endpoint-stale-values",
    // It jumps up and down, but between two values that never move, with no trend: "a constant" fits
    // it better than "up and down".
    family: "no-information",
    set: "seen",
    description:
      "two copies of the status record, their replication broken, one frozen at a random whole 2 to 30 % and one at a random whole 40 to 90 % (plus 0.3 %); the poller pinned (a sticky session) to one of them (the first at random) for stretches of a random 10 to 35 % of the time each, then moved to the other: the value stands still for each stretch and jumps up or down between the two at each move (2 to 9 moves), whatever the job does",
    curve: (random) => {
      const low = (2 + Math.floor(29 * random())) / 100 + 0.003;
      const high = (40 + Math.floor(51 * random())) / 100 + 0.003;
      const values = [low, high];
      const first = random() < 0.5 ? 0 : 1;
      const moves: number[] = [];
      for (let t = 0.1 + 0.25 * random(); t < 1; t += 0.1 + 0.25 * random()) moves.push(t);
      return (f) => values[(first + moves.filter((t) => f >= t).length) % 2];
    },
  },
  {
    name: "constant-with-sub-task-pass",
    // It climbs from 0 to 99 % once, but in a stretch of at most 14 % of the job, and stands still
    // for the rest: "a constant" fits it better than "up and down".
    family: "no-information",
    set: "seen",
    description:
      "a random whole 10 to 60 % (plus 0.3 %) from the start until SUCCESS, but for one stretch of a random 6 to 14 % of the time from a random point between 20 and 70 % the field shows a sub-task's own percent (a checksum pass), climbing steadily from 0 to 99 %, then the constant again",
    curve: (random) => {
      const level = (10 + Math.floor(51 * random())) / 100 + 0.003;
      const from = 0.2 + 0.5 * random();
      const length = 0.06 + 0.08 * random();
      return (f) => (f >= from && f < from + length ? (0.99 * (f - from)) / length : level);
    },
  },
  {
    name: "bursts-between-doubling-backoffs",
    family: "no-information",
    set: "seen",
    description:
      "the storage API refusing the copy after each burst, and the copy backing off for a wait that doubles each time: a burst moving a random 3 to 7 % within 1 % of the time, then still for g, 2g, 4g, ... for a random g between 1.5 and 3 % of the time: 6 bursts, the last starting at 0.05 + 31 g (51.5 to 98 % of the time) after a still of 16 g (24 to 48 %), then still until SUCCESS, at 18 to 42 %",
    curve: (random) => {
      const points: [number, number][] = [[0, 0]];
      let [t, p, wait] = [0, 0, 0.015 + 0.015 * random()];
      while (t < 1) {
        points.push([(t += 0.01), (p += 0.03 + 0.04 * random())]);
        points.push([(t += wait), p]);
        wait *= 2;
      }
      return polyline(points);
    },
  },
  {
    name: "high-stall-ratchets-down",
    family: "no-information",
    set: "seen",
    description:
      "steady to a random H between 88 and 97 % (uniform, not a whole percent) at a random S between 10 and 30 % of the time, then H during a long verification, but at each of 1 to 3 random points between S and 95 % of the time a block fails its check and is queued again: the value falls by a random 1 to 3 % and stays there (the block not counted again before SUCCESS)",
    curve: (random) => {
      const level = 0.88 + 0.09 * random();
      const at = 0.1 + 0.2 * random();
      const drops = Array.from({ length: 1 + Math.floor(3 * random()) }, () => ({
        at: at + (0.95 - at) * random(),
        by: 0.01 + 0.02 * random(),
      }));
      return (f) => (f < at ? (level * f) / at : drops.reduce((p, d) => (f >= d.at ? p - d.by : p), level));
    },
  },
  {
    name: "least-of-disks-one-queued",
    // After its small disk starts it climbs fast to the true progress and follows it, but it shows 0
    // for 30 to 70 % of the job first: "0 until the end" fits it better than "big steps".
    family: "no-information",
    set: "seen",
    description:
      "the least of the disks' own percents: a large disk copied from the start to the end (p = f), a small one queued until a random R between 30 and 70 % of the time, then copied in a random d of 5 to 15 % of the time: 0 until R, then climbing at 1 / d (6.7x to 20x the mean pace) to meet p = f at R / (1 - d) (32 to 82 % of the time), then p = f to 100 %",
    curve: (random) => {
      const queued = 0.3 + 0.4 * random();
      const d = 0.05 + 0.1 * random();
      return (f) => Math.min(f, Math.max(0, (f - queued) / d));
    },
  },
  {
    name: "extrapolated-between-syncs",
    family: "misleading",
    set: "seen",
    description:
      "the service extrapolating from its last sync with the copy agent at a random k of 1.3 to 1.8 times the true pace: p = s + k (f - s), s the last of 3 to 5 syncs at random points between 5 and 95 % of the time at or before f (0 before the first), at each of which the value falls back to the true progress: it runs ahead by (k - 1) (f - s) and drops by as much at each sync; after the last it runs ahead to 99 % (from s + (0.985 - s) / k, rounded to nearest) before SUCCESS",
    curve: (random) => {
      const k = 1.3 + 0.5 * random();
      const syncs = Array.from({ length: 3 + Math.floor(3 * random()) }, () => 0.05 + 0.9 * random());
      return (f) => {
        const last = Math.max(0, ...syncs.filter((s) => s <= f));
        return clamp01(last + k * (f - last));
      };
    },
  },
  {
    name: "elapsed-times-recent-rate",
    family: "misleading",
    set: "seen",
    description:
      "the service's estimate, the elapsed time times the throughput over the last w (a random 4 to 8 % of the time) over the image size: the true pace steady within each of m = 6 to 10 equal stretches of the time, a random 0.4 to 1.6 of a base, changing abruptly between them; the value f times the recent pace over the mean pace (before w, the true progress), so it swings up or down, by as much as f times the change, over w whenever the pace changes; SUCCESS comes at the last stretch's pace over the mean (0.27 to 2.7, shown at most 99 %)",
    curve: (random) => {
      const m = 6 + Math.floor(5 * random());
      const paces = Array.from({ length: m }, () => 0.4 + 1.2 * random());
      const total = paces.reduce((a, b) => a + b, 0);
      const points: [number, number][] = [[0, 0]];
      paces.forEach((pace, i) => points.push([(i + 1) / m, points[i][1] + pace / total]));
      points[m] = [1, 1];
      const done = polyline(points);
      const w = 0.04 + 0.04 * random();
      return (f) => clamp01(f < w ? done(f) : (f * (done(f) - done(f - w))) / w);
    },
  },
  {
    name: "smoothed-percent-reset-per-stage",
    family: "misleading",
    set: "seen",
    description:
      "the value smoothed by an exponential moving average of time constant tau (a random 4 to 10 % of the time), p' = (f - p) / tau, its state reset to 0 at the start and at each of 2 or 3 later stages, at random points between 20 and 85 % of the time: p = f - tau + (tau - R) e^(-(f - R) / tau) from the last reset R: it lags p = f by nearly tau, falls to 0 at each reset and climbs back towards it (at first at R / tau the mean pace); SUCCESS comes at 73 to 96 %",
    curve: (random) => {
      const tau = 0.04 + 0.06 * random();
      const stages = Array.from({ length: 2 + Math.floor(2 * random()) }, () => 0.2 + 0.65 * random());
      const resets = [0, ...stages];
      return (f) => {
        const from = Math.max(...resets.filter((r) => r <= f));
        return clamp01(f - tau + (tau - from) * Math.exp(-(f - from) / tau));
      };
    },
  },
  {
    name: "sampled-blocks-estimate",
    family: "misleading",
    set: "seen",
    description:
      "an estimate from a random sample of K blocks (a random whole 20 to 50), drawn afresh every 3 % of the time, the value the share of them already copied: within a sample it rises in steps of 1 / K as f passes each sampled block, and at each new draw it jumps up or down by the sampling error, about sqrt(f (1 - f) / K) (up to 7 to 11 %), most in the middle of the job and none at its ends; 100 % at f = 1",
    curve: (random) => {
      const k = 20 + Math.floor(31 * random());
      const samples = Array.from({ length: 34 }, () => Array.from({ length: k }, () => random()));
      return (f) => samples[Math.min(33, Math.floor(f / 0.03))].filter((u) => u < f).length / k;
    },
  },
  {
    name: "done-prefix-watermark",
    family: "misleading",
    set: "seen",
    description:
      "n = 16 to 32 equal chunks copied in order by 3 to 6 parallel workers (each taking the next chunk when free), each chunk taking a random 0.7 to 1.3 units or, for 15 % of them, 3 to 6 units (a straggler); the value the share of the chunks before the first unfinished one (a watermark): it lags p = f, stands still while a straggler holds it and then jumps by all the chunks done meanwhile, in steps of 1 / n or many at once; 100 % only at the end",
    curve: (random) => {
      const n = 16 + Math.floor(17 * random());
      const free = Array.from({ length: 3 + Math.floor(4 * random()) }, () => 0);
      const watermark: number[] = [];
      for (let i = 0; i < n; i++) {
        const w = free.indexOf(Math.min(...free));
        free[w] += random() < 0.15 ? 3 + 3 * random() : 0.7 + 0.6 * random();
        watermark.push(Math.max(free[w], i > 0 ? watermark[i - 1] : 0));
      }
      const end = watermark[n - 1];
      return (f) => watermark.filter((t) => t <= f * end).length / n;
    },
  },
  // ---- held out in round 24 (written at bcb7e57, run on the strategy of 438329f), then seen in round 25 ----
  {
    name: "hydrating-source-cache",
    family: "informative",
    set: "seen",
    description:
      "the source image fetched lazily from object storage into a regional cache, a background hydrator filling the cache evenly, all of it by a random H between 60 and 90 % of the time; a cached block is read R times faster than a cold one, for a random R between 4 and 10, so the copy's pace is 1 / (1 - a h) that of cold reads, h = min(1, f / H) the share cached and a = 1 - 1 / R: p = -(H / a) ln(1 - a f / H) until H, then R (f - H) more, scaled to end at 100 %: 0.18x to 0.48x the mean pace at the start, speeding up ever faster to R times that at H (1.5x to 3x the mean), then steady; half done only at 66 to 81 % of the time",
    curve: (random) => {
      const full = 0.6 + 0.3 * random();
      const r = 4 + 6 * random();
      const a = 1 - 1 / r;
      const done = (f: number): number =>
        f < full
          ? (-full / a) * Math.log(1 - (a * f) / full)
          : (-full / a) * Math.log(1 - a) + r * (f - full);
      return (f) => clamp01(done(f) / done(1));
    },
  },
  {
    name: "checksum-pass-behind-the-copy",
    family: "informative",
    set: "seen",
    description:
      "the mean of the bytes copied and the bytes checksummed: a checksum pass runs behind the copy at a random h of 30 to 60 % of its pace (the two share the CPU) until the copy ends, then alone at a random h2 of 50 to 90 % of the copy's pace: the pace (1 + h) / 2 of the copy's until then and h2 / 2 after, so it falls to h2 / (1 + h), 31 to 69 % of itself, at 1 / (1 + (1 - h) / h2) of the time (42 to 69 %), when 65 to 80 % is done; eased (smoothstep) over 4 % of the time, summed over 1000 steps and scaled to end at 100 %: 1.16x to 1.56x the mean pace before the change, 0.45x to 0.8x after",
    curve: (random) => {
      const behind = 0.3 + 0.3 * random();
      const alone = 0.5 + 0.4 * random();
      const copied = 1 / (1 + (1 - behind) / alone);
      const ease = (x: number): number => {
        const u = clamp01(x / 0.04 + 0.5);
        return u * u * (3 - 2 * u);
      };
      const pace = (f: number): number => 1 + behind + (alone - 1 - behind) * ease(f - copied);
      const steps = 1000;
      const done = [0];
      for (let k = 1; k <= steps; k++) done.push(done[k - 1] + pace((k - 0.5) / steps) / steps);
      return polyline(done.map((d, k) => [k / steps, d / done[steps]] as const));
    },
  },
  {
    name: "upload-parts-growing",
    family: "informative",
    set: "seen",
    description:
      "uploaded in parts that grow with the bytes already sent (the uploader enlarging them to stay under a part-count limit), to 1 + g times the first part's size at the end for a random g between 4 and 15, each part costing a fixed request overhead of c times the first part's transfer time, for a random c between 2 and 5: the time per byte 1 + c / (1 + g x) at a share x sent, so f = (x + (c / g) ln(1 + g x)) / (1 + (c / g) ln(1 + g)), inverted on 1000 points (p = x): 0.32x to 0.6x the mean pace at the start, speeding up, most at first, to 1.22x to 1.53x at the end; half done at 57 to 64 % of the time",
    curve: (random) => {
      const g = 4 + 11 * random();
      const c = 2 + 3 * random();
      const time = (x: number): number => x + (c / g) * Math.log1p(g * x);
      const steps = 1000;
      return polyline(
        Array.from({ length: steps + 1 }, (_, k) => [time(k / steps) / time(1), k / steps] as const),
      );
    },
  },
  {
    name: "manifest-rewritten-per-chunk",
    family: "informative",
    set: "seen",
    description:
      "each chunk's commit rewrites the image's manifest, which grows with the chunks already written: the time per byte 1 + b x at a share x written, for a random b between 1 and 5 (log-uniform), so f = (x + b x^2 / 2) / (1 + b / 2) and p = x = (sqrt(1 + b (2 + b) f) - 1) / b: 1 + b / 2 (1.5x to 3.5x) the mean pace at the start, slowing all the way to (1 + b / 2) / (1 + b) (0.58x to 0.75x) at the end; half done at 32 to 42 % of the time",
    curve: (random) => {
      const b = 5 ** random();
      return (f) => clamp01((Math.sqrt(1 + b * (2 + b) * f) - 1) / b);
    },
  },
  {
    name: "paced-to-deadline-size-found-late",
    family: "informative",
    set: "seen",
    description:
      "a background copy paced to finish at a deadline (the job's end): at every moment it runs at (estimated size - bytes done) / (time left), the estimate, as a share of the true size, growing as e(f) = 1 - (1 - s0) e^(-f / tau) from a random s0 of 40 to 75 % (only the first part of the allocation map read) with a random tau of 5 to 20 % of the time: p' = (e - p) / (1 - f), solved exactly over each of 1000 steps with e held at its value mid-step, scaled to end at 100 %: s0 (0.4x to 0.75x the mean pace) at the start, rising smoothly as the estimate grows, to 1.02x to 1.31x at the end (the early shortfall spread over the time left); half done at 51 to 58 % of the time",
    curve: (random) => {
      const first = 0.4 + 0.35 * random();
      const tau = 0.05 + 0.15 * random();
      const estimate = (f: number): number => 1 - (1 - first) * Math.exp(-f / tau);
      const steps = 1000;
      const done = [0];
      for (let k = 1; k <= steps; k++) {
        const e = estimate((k - 0.5) / steps);
        done.push(e - ((e - done[k - 1]) * (1 - k / steps)) / (1 - (k - 1) / steps));
      }
      return polyline(done.map((d, k) => [k / steps, d / done[steps]] as const));
    },
  },
  {
    name: "finished-workers-share",
    // It moves in big steps, but only in the last 26 % of the job, after showing 0 for at least
    // 74 % of it: "0 until the end" fits it better than "big steps".
    family: "no-information",
    set: "seen",
    description:
      "a random whole N of 3 to 6 workers, each copying an equal share at its own random speed between 0.85 and 1.15 (the job ends with the slowest), the value the share of the workers that have finished: 0 until the fastest finishes, at 74 % of the time or later (the slowest speed over the fastest), then a step of 1 / N (17 to 33 %) at each finish, all in the last 26 % of the job; (N - 1) / N until SUCCESS",
    curve: (random) => {
      const speeds = Array.from({ length: 3 + Math.floor(4 * random()) }, () => 0.85 + 0.3 * random());
      const slowest = Math.min(...speeds);
      const ends = speeds.map((v) => slowest / v);
      return (f) => ends.filter((end) => f >= end - 1e-12).length / ends.length;
    },
  },
  {
    name: "pre-scan-allocation-estimate",
    // It jumps about during its pre-scan, but then stands still for 80 to 92 % of the job: "a constant" fits it better than "up and down".
    family: "no-information",
    set: "seen",
    description:
      "the share of allocated blocks estimated by a pre-scan, shown instead of progress: during a random first S of 8 to 20 % of the time the scan reads N (a random whole 100 to 300) evenly spaced blocks of the allocation map, each allocated at random with a random chance A between 15 and 85 %, and the value is the share of those read so far that were allocated (0 before the first; 0 or 100 % after it, then jumping about and settling towards A); from S on, frozen at the scan's final estimate (9 to 93 %) until SUCCESS",
    curve: (random) => {
      const scan = 0.08 + 0.12 * random();
      const share = 0.15 + 0.7 * random();
      const n = 100 + Math.floor(201 * random());
      const found = [0];
      for (let i = 1; i <= n; i++) found.push(found[i - 1] + (random() < share ? 1 : 0));
      return (f) => {
        const read = Math.min(n, Math.floor((f / scan) * n));
        return read === 0 ? 0 : found[read] / read;
      };
    },
  },
  {
    name: "transfer-buffer-fill",
    // It moves at the start and falls at the end, but stands at 99 % for 75 to 93 % of the job: "stuck
    // at 99 %" fits it better than "up and down".
    family: "no-information",
    set: "seen",
    description:
      "the fill of the copy agent's transfer buffer, shown instead of progress: the reader, faster than the writer, fills it steadily in a random first 2 to 6 % of the time; it stays full (shown 99 %) while the writer is the bottleneck, until the reader is done at a random R between 80 and 95 % of the time, then drains steadily to 0 at SUCCESS",
    curve: (random) => {
      const fill = 0.02 + 0.04 * random();
      const read = 0.8 + 0.15 * random();
      return (f) => (f < fill ? f / fill : f < read ? 1 : (1 - f) / (1 - read));
    },
  },
  {
    name: "only-short-phases-report",
    // It climbs from 0 to 99 % twice, but each time within at most 12 % of the job, and shows 0 for 78 to
    // 94 % of it: "0 until the end" fits it better than "restarts from 0".
    family: "no-information",
    set: "seen",
    description:
      "the current phase's own percent, written only by the two short phases: the snapshot's, steady from 0 to 100 % (shown 99 %) over a random first 3 to 10 % of the time, then 0 through the copy, which never writes it, until a random G between 88 and 97 % of the time, then the registration's, steady from 0 to 100 % at SUCCESS",
    curve: (random) => {
      const snapshot = 0.03 + 0.07 * random();
      const register = 0.88 + 0.09 * random();
      return (f) => (f < snapshot ? f / snapshot : f < register ? 0 : (f - register) / (1 - register));
    },
  },
  {
    name: "rollup-window-mean",
    // It steps up 1 to 3 times, but stands still for 35 to 60 % of the time between steps: "a long
    // stall" fits it better than "big steps".
    family: "no-information",
    set: "seen",
    description:
      "the mean of the true progress over the last completed window of a monitoring rollup, shown instead of the live value: windows of a random P between 35 and 60 % of the time, the first ending at a random B between 0 and P: 0 until B, then B / 2 (the mean over the job's part of that window) until B + P, then B + P / 2 until B + 2P, and so on (1 to 3 updates, each B / 2 or P / 2 behind the true progress when it comes), still in between: SUCCESS comes at the last one (20 to 82 %)",
    curve: (random) => {
      const period = 0.35 + 0.25 * random();
      const first = period * random();
      return (f) => {
        if (f < first) return 0;
        const end = first + period * Math.floor((f - first) / period + 1e-9);
        return (Math.max(0, end - period) + end) / 2;
      };
    },
  },
  {
    name: "refreshed-at-a-share-of-the-eta",
    family: "misleading",
    set: "seen",
    description:
      "the value written only at refreshes, each due a random k of 30 to 50 % of the estimated time left after the one before (a cache lifetime set from an exact ETA), the first at k: refreshes at 1 - (1 - k)^n of the time, each writing the true progress then: 0 until k, then steps landing on p = f, each 1 - k times the one before (the first 30 to 50 %), at ever shorter gaps; 99 % shown only from about 99 % of the time",
    curve: (random) => {
      const k = 0.3 + 0.2 * random();
      return (f) => (f >= 1 ? 1 : 1 - (1 - k) ** Math.floor(Math.log(1 - f) / Math.log(1 - k) + 1e-9));
    },
  },
  {
    name: "one-worker-restarts-its-share",
    family: "misleading",
    set: "seen",
    description:
      "N (a random whole 3 to 6) workers, each copying an equal share at one pace, the value the mean of their own percents; one fails at a random F between 20 and 80 % of its share and starts it again from 0, ending the job at 1 + F share-times: p = (1 + F) f until F / (1 + F) of the time, then down at once by F / N (3 to 27 %), on at the same pace until the others finish at 1 / (1 + F) (56 to 83 % of the time), then the restarted worker alone, at 1 / N of that pace, from (N - F) / N to 100 %",
    curve: (random) => {
      const n = 3 + Math.floor(4 * random());
      const failed = 0.2 + 0.6 * random();
      return (f) => {
        const t = f * (1 + failed);
        return ((n - 1) * Math.min(1, t) + (t < failed ? t : t - failed)) / n;
      };
    },
  },
  {
    name: "rolling-upgrade-changes-meaning",
    family: "misleading",
    set: "seen",
    description:
      "two API versions behind one endpoint during a rolling upgrade: the old one shows the phase as a share of three (0 while preparing, until a random 3 to 8 % of the time, then 33 % while copying), the new one the true progress; the upgrade runs from a random U between 15 and 55 % of the time for a random 10 to 30 %, and in each 2 % of the time a new server answers with a chance rising linearly from 0 at U to 1 at its end: 33 % flat until U, then hopping between 33 % and p = f, then p = f to 100 %",
    curve: (random) => {
      const prepared = 0.03 + 0.05 * random();
      const from = 0.15 + 0.4 * random();
      const width = 0.1 + 0.2 * random();
      const draws = Array.from({ length: 51 }, () => random());
      return (f) => {
        const slot = Math.min(50, Math.floor(f * 50));
        const upgraded = draws[slot] < clamp01(((slot + 0.5) / 50 - from) / width);
        return upgraded ? f : f < prepared ? 0 : 1 / 3;
      };
    },
  },
  {
    name: "queue-position-then-copy",
    family: "misleading",
    set: "seen",
    description:
      "the queue's progress shown while queued, then the copy's: N (a random whole 3 to 8) jobs ahead when queued, N - 1 of them leaving at random times within the wait, a random Q of 15 to 40 % of the time, the last at Q: the value steps up by 1 / N (12.5 to 33 %) as each leaves, to (N - 1) / N (67 to 88 %) at most, then falls to 0 at Q and climbs steadily, at 1 / (1 - Q) (1.18x to 1.67x) the mean pace, to 100 %",
    curve: (random) => {
      const queued = 0.15 + 0.25 * random();
      const ahead = 3 + Math.floor(6 * random());
      const left = Array.from({ length: ahead - 1 }, () => queued * random());
      return (f) => (f < queued ? left.filter((t) => f >= t).length / ahead : (f - queued) / (1 - queued));
    },
  },
  {
    name: "resent-bytes-counted",
    family: "misleading",
    set: "seen",
    description:
      "bytes sent over the image size, resends included: the true progress steady (p = f), but in 1 to 3 lossy stretches, each from a random point between 10 and 80 % of the time for a random 5 to 15 % (they may overlap), every byte sent 1 + E times, for a random E between 0.5 and 1.5 of its own (the link has room for the resends): the value runs at 1 + E times the pace in each stretch and keeps the lead after it, E times the stretch's length (2.5 to 22.5 % each), so it shows 99 % early, for the last 4 to 47 % of the time (rounded to nearest)",
    curve: (random) => {
      const stretches = Array.from({ length: 1 + Math.floor(3 * random()) }, () => ({
        from: 0.1 + 0.7 * random(),
        length: 0.05 + 0.1 * random(),
        resent: 0.5 + random(),
      }));
      return (f) =>
        clamp01(stretches.reduce((p, s) => p + s.resent * Math.min(s.length, Math.max(0, f - s.from)), f));
    },
  },
  // ---- held out in round 25 (written at 6e7dd6f, run on the strategies of 6e7dd6f, fea0124 and 13debc4), then seen in round 26 ----
  {
    name: "archive-restores-feed-the-copy",
    family: "informative",
    set: "seen",
    description:
      "the source kept in an archive tier, each block restored before it can be read: restore requests issued at an even rate over a random first I of 60 to 85 % of the time, each block ready after an exponential delay of mean tau = (1 - I) / c for a random c between 1.5 and 2.5 (tau 6 to 27 % of the time) and copied as soon as it is ready: p = R(f) / R(1), R(f) = m - tau (e^(-(f - m) / tau) - e^(-f / tau)), m = min(f, I): the pace rising from 0 as 1 - e^(-f / tau), to 1.19x to 1.66x the mean at I, then falling as e^(-(f - I) / tau) - e^(-f / tau), to 0.11x to 0.37x at the end (the slowest restores cut short by the scaling to 100 %); half done at 44 to 52 % of the time",
    curve: (random) => {
      const issued = 0.6 + 0.25 * random();
      const tau = (1 - issued) / (1.5 + random());
      const ready = (f: number): number => {
        const m = Math.min(f, issued);
        return m - tau * (Math.exp(-(f - m) / tau) - Math.exp(-f / tau));
      };
      return (f) => clamp01(ready(f) / ready(1));
    },
  },
  {
    name: "delta-sync-changed-region",
    family: "informative",
    set: "seen",
    description:
      "an incremental copy onto an earlier version of the image kept at the destination: every block hashed and only the changed ones sent, these in one region of a random width W of 15 to 40 % of the image centred at a random c between 25 and 75 %, changed most in its middle: the time per byte 1 + K (1 + cos(2 pi (x - c) / W)) / 2 inside the region and 1 outside it, at a share x hashed, for a random K between 2 and 6, so f = (x + K B(x)) / (1 + K W / 2), B(x) = s / 2 - W sin(2 pi s / W) / (4 pi), s = min(W, max(0, x - c + W / 2)), inverted on 1000 points (p = x): 1 + K W / 2 (1.15x to 2.2x) the mean pace outside the region, slowing smoothly to (1 + K W / 2) / (1 + K) (0.21x to 0.46x) at its middle and speeding up again; half done at 23 to 77 % of the time",
    curve: (random) => {
      const width = 0.15 + 0.25 * random();
      const centre = 0.25 + 0.5 * random();
      const k = 2 + 4 * random();
      const slow = (x: number): number => {
        const s = Math.min(width, Math.max(0, x - centre + width / 2));
        return s / 2 - (width * Math.sin((2 * Math.PI * s) / width)) / (4 * Math.PI);
      };
      const time = (x: number): number => x + k * slow(x);
      const steps = 1000;
      return polyline(
        Array.from({ length: steps + 1 }, (_, i) => [time(i / steps) / time(1), i / steps] as const),
      );
    },
  },
  {
    name: "workers-autoscaled-to-backlog",
    family: "informative",
    set: "seen",
    description:
      "copy workers autoscaled to the backlog: the scaler's target n* = min(N, max(1, (1 - p) / D)) workers, for a random whole N of 8 to 16 and a drain time D of 0.02 to 0.06 (in units of the time one worker takes for the whole image), the pool following it with a lag, n' = (n* - n) / L for a random L of 0.01 to 0.03, from one worker at the start; the pace n, integrated in steps of 0.0001 until done and the time scaled to the job's: 0.11x to 0.46x the mean pace at the start, rising as the pool grows to 1.15x to 2.6x, then falling as the backlog shrinks (with the pool lagging behind it, towards one worker for the last D of the work), to 0.14x to 0.93x at the end; half done at 23 to 59 % of the time",
    curve: (random) => {
      const most = 8 + Math.floor(9 * random());
      const drain = 0.02 + 0.04 * random();
      const lag = 0.01 + 0.02 * random();
      const dt = 1e-4;
      const points: [number, number][] = [[0, 0]];
      let [t, done, workers] = [0, 0, 1];
      while (done < 1) {
        const target = Math.min(most, Math.max(1, (1 - done) / drain));
        const step = Math.min(dt, (1 - done) / workers);
        done = Math.min(1, done + workers * step);
        workers += ((target - workers) * step) / lag;
        points.push([(t += step), done]);
      }
      const end = polyline(points.map(([s, d]) => [s / t, d] as const));
      const steps = 1000;
      return polyline(Array.from({ length: steps + 1 }, (_, i) => [i / steps, end(i / steps)] as const));
    },
  },
  {
    name: "batch-siblings-finishing",
    family: "informative",
    set: "seen",
    description:
      "one of a batch of copies started together on a link shared fairly: M others (a random whole 2 to 8), each a queue of many small images, their combined share of the link falling linearly from M to 0 at a random F between 40 and 90 % of the time as they finish at an even rate; our pace 1 / (1 + M (1 - f / F)) of the link until F, then all of it: p = ((F / M) ln((1 + M) / (1 + M (1 - m / F))) + f - m) / (the same at f = 1), m = min(f, F): 0.16x to 0.56x the mean pace at the start, speeding up ever faster to 1.22x to 2.87x at F, then steady; half done at 59 to 80 % of the time",
    curve: (random) => {
      const others = 2 + Math.floor(7 * random());
      const until = 0.4 + 0.5 * random();
      const done = (f: number): number => {
        const m = Math.min(f, until);
        return (until / others) * Math.log((1 + others) / (1 + others * (1 - m / until))) + (f - m);
      };
      return (f) => clamp01(done(f) / done(1));
    },
  },
  {
    name: "tcp-window-into-a-deep-buffer",
    family: "informative",
    set: "seen",
    description:
      "one TCP connection in congestion avoidance (its window W growing by one segment per round trip) into a bottleneck with a deep buffer, so that the round trip grows with the window (RTT = RTT0 + W / B): the rate W / RTT approaches the link's B only as 1 - 1 / sqrt(1 + f / tau), for a random tau between 0.5 and 4 % of the time (log-uniform): p = (f - 2 tau (sqrt(1 + f / tau) - 1)) / (the same at f = 1): from 0, half the link's rate at 3 tau (1.5 to 12 % of the time), 80 % of it at 24 tau, still rising at the end, at 1.07x to 1.2x the mean pace; half done at 53 to 57 % of the time",
    curve: (random) => {
      const tau = 0.005 * 8 ** random();
      const sent = (f: number): number => f - 2 * tau * (Math.sqrt(1 + f / tau) - 1);
      return (f) => clamp01(sent(f) / sent(1));
    },
  },
  {
    name: "status-store-read-only-window",
    // It steps up by 45 to 65 % once, but only after standing still for 45 to 65 % of the job: "a long
    // stall" fits it better than "big steps".
    family: "no-information",
    set: "seen",
    description:
      "p = f, but the status store read-only for maintenance from a random M between 5 and 30 % of the time for a random L between 45 and 65 % of it, the agent's writes in that time rejected and not retried: the value frozen at M until M + L (50 to 95 % of the time), then at once back on the true progress (a step up of L, 45 to 65 %) and on p = f to 100 %",
    curve: (random) => {
      const from = 0.05 + 0.25 * random();
      const length = 0.45 + 0.2 * random();
      return (f) => (f >= from && f < from + length ? from : f);
    },
  },
  {
    name: "heartbeat-overwrites-progress",
    // It shows the true progress now and then, for at most 3 % of the time at a time, but 0 for at
    // least 77 % of the job: "0 until the end" fits it better than "up and down".
    family: "no-information",
    set: "seen",
    description:
      "two writers of one status record: the copy agent writes the true progress every U (a random 10 to 20 % of the time, the first at U), and a heartbeat every H (a random 1 to 3 %, from a random phase) writes the whole record again with the progress field at its default, 0: the value 0, except from each progress write to the next heartbeat (0 to H later), when it shows the progress written, k U; 5 to 9 such writes before SUCCESS, 0 shown for 77 % of the time or more",
    curve: (random) => {
      const every = 0.1 + 0.1 * random();
      const beat = 0.01 + 0.02 * random();
      const phase = beat * random();
      return (f) => {
        const written = every * Math.floor(f / every + 1e-9);
        const beaten = f < phase ? -1 : phase + beat * Math.floor((f - phase) / beat);
        return written > beaten ? written : 0;
      };
    },
  },
  {
    name: "progress-log-lines-counted",
    // It moves by 1 % at times, but ever more rarely, and stands still for the last 50 to 75 % of the
    // job but for one step: "a long stall" fits it better than "under-reports the end".
    family: "no-information",
    set: "seen",
    description:
      "the copy tool logs a progress line each time the MiB copied reach a power of two (1, 2, 4, 8, ... MiB, so as not to flood its log) and the service counts those lines as the percent: for an image of S = 2^(11 + 5u) MiB, u random (2 to 64 GiB, log-uniform), the value floor(log2(f S)) + 1 % (plus 0.3 %; 0 before the first MiB): 5 to 10 % within 1 % of the time, then 1 % more at each doubling, ever more rarely: the last two lines at 25 to 50 % and 50 to 100 % of the time (at half and all of the largest power of two within the size), still in between and after; SUCCESS comes at 12 to 16 %",
    curve: (random) => {
      const mib = 2 ** (11 + 5 * random());
      return (f) => (f * mib < 1 ? 0 : (Math.floor(Math.log2(f * mib) + 1e-9) + 1) / 100 + 0.003);
    },
  },
  {
    name: "stale-cache-entry-until-evicted",
    // It jumps to the true progress once, but only after showing a constant for 45 to 90 % of the job:
    // "a constant" fits it better than "big steps".
    family: "no-information",
    set: "seen",
    description:
      "the percent read through a cache keyed by the image's name, which still holds the entry of an earlier, abandoned copy of an image of that name, a random whole 5 to 90 % (plus 0.3 %), until it is evicted (least recently used) at a random E between 45 and 90 % of the time; from then on the live value: that constant until E, then at once (up or down) the true progress p = f, and on it to 100 %",
    curve: (random) => {
      const stale = (5 + Math.floor(86 * random())) / 100 + 0.003;
      const evicted = 0.45 + 0.45 * random();
      return (f) => (f < evicted ? stale : f);
    },
  },
  {
    name: "quorum-read-two-stale-replicas",
    // It follows the true progress between L and H, but stands still for the first 5 to 30 % of the job
    // and the last 30 to 65 %: "a long stall" fits it better than "under-reports the end".
    family: "no-information",
    set: "seen",
    description:
      "the status record read from a quorum of three replicas, the value the median of their three: the leader's, the true progress p = f, and two replicas whose replication broke during an earlier job and which still hold its values, a random L between 5 and 30 % and a random H between 35 and 70 % (uniform, not whole percents): p = min(H, max(L, f)): L from the start until f = L, then p = f until H, then H until SUCCESS (for the last 30 to 65 % of the time)",
    curve: (random) => {
      const low = 0.05 + 0.25 * random();
      const high = 0.35 + 0.35 * random();
      return (f) => Math.min(high, Math.max(low, f));
    },
  },
  {
    name: "torn-read-leading-digit",
    family: "misleading",
    set: "seen",
    description:
      "the agent rewrites its status file in place, not atomically, and the service sometimes reads it half written, getting only its first character: in each 1 % of the time, at random with a chance q of 10 to 25 % (random, the same for the whole job), the value is the first digit of the whole percent written, floor(100 f), read as a percent (plus 0.3 %): from 10 % on, a drop to about a tenth (47 % reads as 4 %, 99 % as 9 %) for that 1 % of the time; otherwise p = f",
    curve: (random) => {
      const chance = 0.1 + 0.15 * random();
      const torn = Array.from({ length: 100 }, () => random() < chance);
      return (f) => {
        const written = Math.floor(100 * f + 1e-9);
        return torn[Math.min(99, Math.floor(100 * f))] && written >= 10
          ? Number(String(written)[0]) / 100 + 0.003
          : f;
      };
    },
  },
  {
    name: "remaining-from-stale-cache",
    family: "misleading",
    set: "seen",
    description:
      "the percent computed as done / (done + remaining), done live but remaining read from a cache refreshed every R (a random 8 to 20 % of the time, from a random phase; the cache filled with the whole image at the start): p = f / (f + 1 - r), r the true progress at the last refresh (0 before the first): it falls behind p = f between refreshes, by as much as 7 to 17 % just before one, and jumps back up to it at each; SUCCESS comes at 1 / (2 - r) for the last refresh r, 83 to 100 %",
    curve: (random) => {
      const every = 0.08 + 0.12 * random();
      const phase = every * random();
      return (f) => {
        const refreshed = f < phase ? 0 : phase + every * Math.floor((f - phase) / every);
        return f / (f + 1 - refreshed);
      };
    },
  },
  {
    name: "fair-share-tenants-coming-and-going",
    family: "misleading",
    set: "seen",
    description:
      "the link shared fairly with other tenants' copies that come and go: they arrive at random (a Poisson process) at a random rate of 4 to 10 per job time, each staying an exponential time with a mean of a random d of 5 to 20 % of it (a Poisson number of them, of mean rate d, 0.2 to 2, there at the start): the pace 1 / (1 + n) with n of them present, changing at once at each arrival or departure (halved by the first to come, back up when it leaves), summed exactly and scaled to end at 100 %: the pace between 0.19x and 3.7x the mean, p up to 33 % either side of p = f",
    curve: (random) => {
      const rate = 4 + 6 * random();
      const stay = 0.05 + 0.15 * random();
      const exponential = (mean: number): number => -mean * Math.log(1 - random());
      const stays: [number, number][] = [];
      for (let product = random(); product > Math.exp(-rate * stay); product *= random())
        stays.push([0, exponential(stay)]);
      for (let t = exponential(1 / rate); t < 1; t += exponential(1 / rate))
        stays.push([t, t + exponential(stay)]);
      const changes = [0, 1, ...stays.flat().filter((t) => t > 0 && t < 1)].sort((a, b) => a - b);
      const points: [number, number][] = [[0, 0]];
      for (let i = 1; i < changes.length; i++) {
        const mid = (changes[i - 1] + changes[i]) / 2;
        const present = stays.filter(([from, to]) => from <= mid && mid < to).length;
        points.push([changes[i], points[i - 1][1] + (changes[i] - changes[i - 1]) / (1 + present)]);
      }
      const total = points[points.length - 1][1];
      return polyline(points.map(([t, d]) => [t, d / total] as const));
    },
  },
  {
    name: "highest-part-number-completed",
    family: "misleading",
    set: "seen",
    description:
      "a multipart upload of n (a random whole 10 to 24) equal parts numbered in order, taken in that order by W (a random whole 3 to 6) parallel workers, each as soon as it is free, each part taking a random 0.5 to 2 units; the value the highest number of a completed part over n (a high-water mark, not a count): 0 until the first part is done (at 4 to 56 % of the time), then a step of one or many parts (up to 60 %) whenever a part numbered beyond all those done completes, ahead of the share of parts done by up to W - 1 parts; 100 % (shown 99 %) once the last-numbered part is done, for the last 0 to 39 % of the time if a part before it is still running",
    curve: (random) => {
      const n = 10 + Math.floor(15 * random());
      const free = Array.from({ length: 3 + Math.floor(4 * random()) }, () => 0);
      const ends = Array.from({ length: n }, () => {
        const worker = free.indexOf(Math.min(...free));
        free[worker] += 0.5 + 1.5 * random();
        return free[worker];
      });
      const last = Math.max(...ends);
      return (f) => (ends.reduce((highest, end, i) => (end <= f * last + 1e-12 ? i : highest), -1) + 1) / n;
    },
  },
  {
    name: "per-connection-byte-counter",
    family: "misleading",
    set: "seen",
    description:
      "the percent of the current HTTP range request: the bytes received on this connection over the image size, the counter starting again at 0 each time the connection is reset and the copy goes on from where it was with a new range request (2 to 4 resets at random points between 10 and 90 % of the time): p = f - R, R the last reset at or before f (0 before the first): steady at the true pace, falling to 0 at each reset; SUCCESS comes at 1 - R for the last reset, 10 to 90 %",
    curve: (random) => {
      const resets = Array.from({ length: 2 + Math.floor(3 * random()) }, () => 0.1 + 0.8 * random());
      return (f) => f - Math.max(0, ...resets.filter((r) => r <= f));
    },
  },
  // ---- held out in round 26 (written at 358598c, run on the strategy of 13debc4), then seen in round 27 ----
  {
    name: "dedup-hits-as-the-store-fills",
    family: "informative",
    set: "seen",
    description:
      "deduplicated against the chunks already in the destination's store, which fills with the image's own chunks as the copy goes: a chunk found there is only hashed, at a tenth of the cost of sending it, and the share found grows as h(x) = H (1 - e^(-x / k)) at a share x copied, for a random H between 40 and 80 % and k between 5 and 30 % of the image (repeated blocks met ever more often as more are stored): the time per byte 1 - 0.9 h(x), so f = T(x) / T(1), T(x) = x - 0.9 H (x - k (1 - e^(-x / k))), inverted on 1000 points (p = x): the pace T(1) / (1 - 0.9 h(x)), 0.33x to 0.74x the mean at the start, speeding up ever more gently as the share found levels off, to 1.03x to 1.6x at the end; half done at 51 to 65 % of the time",
    curve: (random) => {
      const most = 0.4 + 0.4 * random();
      const k = 0.05 + 0.25 * random();
      const time = (x: number): number => x - 0.9 * most * (x - k * (1 - Math.exp(-x / k)));
      const steps = 1000;
      return polyline(
        Array.from({ length: steps + 1 }, (_, i) => [time(i / steps) / time(1), i / steps] as const),
      );
    },
  },
  {
    name: "chunk-index-deepening",
    family: "informative",
    set: "seen",
    description:
      "each chunk written also inserted into the destination's chunk index (a B-tree), whose cost per insert grows with the logarithm of the chunks already in it: the time per byte 1 + c ln(1 + N x) / ln(1 + N) at a share x written, for N = 10^(3 + 2u) chunks in all (1000 to 100000, u random) and a random c between 0.5 and 2 (the index costing 0.5 to 2 times the data itself by the end), so f = T(x) / T(1), T(x) = x + c ((1 + N x) ln(1 + N x) - N x) / (N ln(1 + N)), inverted on 1000 points (p = x): 1.25x to 2.4x the mean pace at the start, slowing steeply over the first percents of the work and ever more gently after, to 0.9x to 0.97x at the end; half done at 46 to 49 % of the time",
    curve: (random) => {
      const chunks = 10 ** (3 + 2 * random());
      const c = 0.5 + 1.5 * random();
      const time = (x: number): number =>
        x + (c * ((1 + chunks * x) * Math.log1p(chunks * x) - chunks * x)) / (chunks * Math.log1p(chunks));
      const steps = 1000;
      return polyline(
        Array.from({ length: steps + 1 }, (_, i) => [time(i / steps) / time(1), i / steps] as const),
      );
    },
  },
  {
    name: "daily-backbone-load-cycle",
    family: "informative",
    set: "seen",
    description:
      "a long copy over a regional backbone whose free capacity follows the daily load: the job spans a random D of 15 to 60 % of a day, from a random time of day phi (0 to 1 of a day), its pace 1 - A cos(2 pi (D f + phi)) for a random A between 0.3 and 0.6 (slowest at the daily peak): p = (f - A (sin(2 pi (D f + phi)) - sin(2 pi phi)) / (2 pi D)) / (the same at f = 1): part of one swing of the pace, speeding up, slowing down or both, between 1 - A and 1 + A of a base, never 0: 0.38x to 1.97x the mean pace at the start and at the end; half done at 31 to 69 % of the time",
    curve: (random) => {
      const a = 0.3 + 0.3 * random();
      const days = 0.15 + 0.45 * random();
      const phase = random();
      const done = (f: number): number =>
        f -
        (a * (Math.sin(2 * Math.PI * (days * f + phase)) - Math.sin(2 * Math.PI * phase))) /
          (2 * Math.PI * days);
      return (f) => clamp01(done(f) / done(1));
    },
  },
  {
    name: "snapshot-chain-lookups",
    family: "informative",
    set: "seen",
    description:
      "the source the newest of a chain of n delta snapshots (a random whole 3 to 8) over a base image, each block read from the newest layer that holds it, looking the layers up one by one from the top; the VM's writes, and so the deltas, crowd towards the disk's end: each delta holds a block at x with a chance q(x) = Q e^(-(1 - x) / w), for a random Q between 30 and 70 % and w between 10 and 30 % of the disk, so a block takes L(x) = (1 - (1 - q)^(n + 1)) / q lookups on average (n + 1 near the start, about 1 / Q near the end), each costing a random l of 0.1 to 0.3 of the block's transfer: the time per byte 1 + l L(x), summed over 1000 steps (midpoint) and inverted (p = x): 0.75x to 0.99x the mean pace at the start, nearly steady over the first part of the disk, then speeding up over its last stretch, where the deltas hold most blocks, to 1.09x to 2.2x at the end; half done at 51 to 61 % of the time",
    curve: (random) => {
      const deltas = 3 + Math.floor(6 * random());
      const most = 0.3 + 0.4 * random();
      const width = 0.1 + 0.2 * random();
      const cost = 0.1 + 0.2 * random();
      const lookups = (x: number): number => {
        const q = most * Math.exp(-(1 - x) / width);
        return (1 - (1 - q) ** (deltas + 1)) / q;
      };
      const steps = 1000;
      const time = [0];
      for (let k = 1; k <= steps; k++)
        time.push(time[k - 1] + (1 + cost * lookups((k - 0.5) / steps)) / steps);
      return polyline(time.map((t, k) => [t / time[steps], k / steps] as const));
    },
  },
  {
    name: "turbo-budget-fading",
    family: "informative",
    set: "seen",
    description:
      "a copy bound by the host's CPU (compressing and encrypting), which runs above its base clock on a power budget that the sustained load uses up: the clock falls smoothly as the budget's running average rises, u = 1 - e^(-f / tau) for a random tau between 15 and 50 % of the time, the pace 1 / (1 + c u^2) for a random c between 0.5 and 1.5: full speed at first, easing (no kink) towards 1 / (1 + c) of it; summed over 1000 steps (midpoint) and scaled to end at 100 %: 1.18x to 2.01x the mean pace at the start, 0.7x to 0.91x at the end; half done at 38 to 46 % of the time",
    curve: (random) => {
      const c = 0.5 + random();
      const tau = 0.15 + 0.35 * random();
      const steps = 1000;
      const done = [0];
      for (let k = 1; k <= steps; k++) {
        const u = 1 - Math.exp(-(k - 0.5) / steps / tau);
        done.push(done[k - 1] + 1 / (1 + c * u * u) / steps);
      }
      return polyline(done.map((d, k) => [k / steps, d / done[steps]] as const));
    },
  },
  {
    name: "throttle-bucket-level-shown",
    // It falls from 99 % to 0 early and then stays 0 for 76 to 94 % of the job: "0 until the end"
    // fits it better than "up and down".
    family: "no-information",
    set: "seen",
    description:
      "the fill of the copy's token bucket (its throttle) shown instead of progress: full at the start (100 %, shown 99 %), drained by the copy's first burst steadily to 0 within a random B of 3 to 12 % of the time, then empty (the copy taking each token as soon as it is refilled) until a random V between 88 and 97 % of the time, when the copy's transfers end and a final verification runs without tokens: from then on refilling steadily at a rate that would fill it in a random R of 30 to 80 % of the time, to (1 - V) / R (4 to 40 %) at SUCCESS: p = 1 - f / B until B, 0 until V, then (f - V) / R",
    curve: (random) => {
      const burst = 0.03 + 0.09 * random();
      const verify = 0.88 + 0.09 * random();
      const refill = 0.3 + 0.5 * random();
      return (f) => (f < burst ? 1 - f / burst : f < verify ? 0 : (f - verify) / refill);
    },
  },
  {
    name: "dedup-new-bytes-only",
    // It moves by 7 % at most in all, 1 % at a time, and stands still for 23 % of the job or more at a
    // stretch: "0 until the end" and "a long stall" fit it better than "under-reports the end".
    family: "no-information",
    set: "seen",
    description:
      "a new version of an image whose earlier version is in the destination's chunk store: every chunk read and hashed, at a random h of 10 to 30 % of the cost of sending it, and only the changed ones sent; the value the bytes sent over the image size: the changes in 1 to 3 regions (a random whole), each of a random width of 0.5 to 2.5 % of the image at a random place (they may overlap): the time per byte h outside them and 1 + h inside, summed over 4000 cells, p = c(x), the changed share below the point x reached: 0, still while unchanged stretches are hashed, creeping up while a changed one is sent (1 % per 0.01 (1 + h) / (h + (1 + h) c(1)) of the time, 4 to 10 %), to c(1) (0.5 to 7 %) at SUCCESS",
    curve: (random) => {
      const hash = 0.1 + 0.2 * random();
      const regions = Array.from({ length: 1 + Math.floor(3 * random()) }, () => {
        const width = 0.005 + 0.02 * random();
        const from = (1 - width) * random();
        return [from, from + width] as const;
      });
      const cells = 4000;
      const points: [number, number][] = [[0, 0]];
      let [time, sent] = [0, 0];
      for (let i = 1; i <= cells; i++) {
        const x = (i - 0.5) / cells;
        const changed = regions.some(([from, to]) => from <= x && x < to) ? 1 : 0;
        time += (hash + changed) / cells;
        sent += changed / cells;
        points.push([time, sent]);
      }
      return polyline(points.map(([t, s]) => [t / time, s] as const));
    },
  },
  {
    name: "extents-counted-one-huge",
    // It climbs at the start and at the end, but stands still at a random 10 to 90 % for 92 to 98 %
    // of the job in between: "a long stall" fits it better than "big steps".
    family: "no-information",
    set: "seen",
    description:
      "the value the share of the disk's extents copied (a count, not bytes), all copied in disk order at one rate: n small extents (a random whole 40 to 400), together a random s of 2 to 8 % of the bytes (s / n each), and one huge one, the rest, after a random whole k of them (k = round(q n), q random between 10 and 90 %): p = floor(f n / s) / (n + 1) until k s / n, then k / (n + 1) (10 to 90 %) while the huge extent is copied, for 1 - s of the time (92 to 98 %), then (k + 1 + floor((f - k s / n - (1 - s)) n / s)) / (n + 1), climbing to 100 % in the last (n - k) s / n",
    curve: (random) => {
      const n = 40 + Math.floor(361 * random());
      const small = 0.02 + 0.06 * random();
      const before = Math.round((0.1 + 0.8 * random()) * n);
      const each = small / n;
      const huge = before * each;
      const after = huge + 1 - small;
      return (f) => {
        const count =
          f < huge
            ? Math.floor(f / each + 1e-9)
            : f < after
              ? before
              : before + 1 + Math.floor((f - after) / each + 1e-9);
        return Math.min(n + 1, count) / (n + 1);
      };
    },
  },
  {
    name: "fraction-read-as-percent",
    // It never reaches 1 %, or only once at 25 to 71 % of the job (rounded to nearest): "0 until the
    // end" fits it better than "under-reports the end".
    family: "no-information",
    set: "seen",
    description:
      "the agent reports a fraction (0 to 1) and the service takes it for a percent (0 to 100) and divides it by 100 again: p = g(f) / 100, the true progress g(f) = f^k for a random k between 0.5 and 2 (log-uniform): below 1 % all the way, so 0 rounded down until SUCCESS, and 0 rounded to nearest until g = 0.5, at 0.5^(1 / k) (25 to 71 % of the time), then 1 %",
    curve: (random) => {
      const k = 2 ** (2 * random() - 1);
      return (f) => f ** k / 100;
    },
  },
  {
    name: "failed-chunks-awaiting-retry",
    // It moves only in 1 to 3 short blips and is 0 for 82 % of the job or more: "0 until the end" fits
    // it better than "up and down".
    family: "no-information",
    set: "seen",
    description:
      "the share of the chunks queued for a retry shown instead of progress (the wrong counter mapped to the field): 0 while no chunk fails; at each of 1 to 3 hiccups of a storage node (a random whole number of them, at random points between 10 and 85 % of the time) a random b of 3 to 20 % of the chunks fail at once and are queued, the queue drained by the retries steadily over a random r of 2 to 6 % of the time: p = the sum over the hiccups since t of b max(0, 1 - (f - t) / r): 0, but for a jump to b and a steady fall back to 0 at each hiccup (the blips may overlap and add up)",
    curve: (random) => {
      const hiccups = Array.from({ length: 1 + Math.floor(3 * random()) }, () => ({
        at: 0.1 + 0.75 * random(),
        share: 0.03 + 0.17 * random(),
        drain: 0.02 + 0.04 * random(),
      }));
      return (f) =>
        clamp01(
          hiccups.reduce((p, h) => (f >= h.at ? p + h.share * Math.max(0, 1 - (f - h.at) / h.drain) : p), 0),
        );
    },
  },
  {
    name: "logical-offset-in-physical-order",
    family: "misleading",
    set: "seen",
    description:
      "the value the logical offset of the block being copied, over the disk's size, while the copy goes in the physical order of the disk's extents on the storage, not their logical order: n extents (a random whole 5 to 10) of random logical lengths (weights 0.3 to 1.7), copied in a random order (a random permutation, not the identity) at one rate: within each extent p = its logical start + (f - the time its copy began), climbing steadily at the true pace, and jumping (up or down, anywhere) from one extent to the next: the pieces of p = f shuffled in time; SUCCESS comes at the logical end of the extent copied last",
    curve: (random) => {
      const n = 5 + Math.floor(6 * random());
      const weights = Array.from({ length: n }, () => 0.3 + 1.4 * random());
      const total = weights.reduce((a, b) => a + b, 0);
      const lengths = weights.map((w) => w / total);
      const starts = lengths.map((_, i) => lengths.slice(0, i).reduce((a, b) => a + b, 0));
      const order = Array.from({ length: n }, (_, i) => i);
      for (let i = n - 1; i > 0; i--) {
        const j = Math.floor((i + 1) * random());
        [order[i], order[j]] = [order[j], order[i]];
      }
      if (order.every((e, i) => e === i)) [order[0], order[1]] = [order[1], order[0]];
      const begins = order.map((_, j) => order.slice(0, j).reduce((t, e) => t + lengths[e], 0));
      return (f) => {
        let j = 0;
        while (j < n - 1 && begins[j + 1] <= f) j++;
        return starts[order[j]] + Math.min(lengths[order[j]], f - begins[j]);
      };
    },
  },
  {
    name: "mean-of-created-subtasks",
    family: "misleading",
    set: "seen",
    description:
      "the mean of the percents of the sub-tasks created so far: the chunks taken in waves by a pool of workers, a wave's sub-tasks created only when it starts and all climbing together; w waves (a random whole 3 to 7) of random lengths (weights 0.6 to 1.4) in turn at one rate: in wave k (1 to w), p = (k - 1 + u) / k, u the share of that wave done: it climbs to 100 % (shown 99 %) in the first wave, falls at once to 50 % when the second starts, climbs to 100 % again, falls to 67 %, then 75 %, ...: a sawtooth whose falls shrink, the k-th wave climbing only 1 / k over its length; SUCCESS at the end of the last wave",
    curve: (random) => {
      const waves = 3 + Math.floor(5 * random());
      const weights = Array.from({ length: waves }, () => 0.6 + 0.8 * random());
      const total = weights.reduce((a, b) => a + b, 0);
      const ends = weights.map((_, i) => weights.slice(0, i + 1).reduce((a, b) => a + b, 0) / total);
      return (f) => {
        let k = 0;
        while (k < waves - 1 && ends[k] <= f) k++;
        const from = k === 0 ? 0 : ends[k - 1];
        return (k + clamp01((f - from) / (ends[k] - from))) / (k + 1);
      };
    },
  },
  {
    name: "key-rotation-re-encrypts-written-chunks",
    family: "misleading",
    set: "seen",
    description:
      "the value the share of the image stored under the current encryption key: the key rotated first at a random point between 15 and 40 % of the time, then every random K of 25 to 45 % of it; at each rotation the chunks already written are re-encrypted in the background, at a random s of 1.5 to 4 times the copy's pace, while the copy goes on under the new key: p = f before the first rotation, then min(f, (1 + s) (f - R)), R the last rotation: back to 0 at each rotation, then climbing at 1 + s times the true pace until it meets p = f again (R / s after R), if it does before the next rotation; SUCCESS comes at min(100 %, (1 + s) (1 - R)) for the last rotation R",
    curve: (random) => {
      const first = 0.15 + 0.25 * random();
      const every = 0.25 + 0.2 * random();
      const speed = 1.5 + 2.5 * random();
      const rotations: number[] = [];
      for (let t = first; t < 1; t += every) rotations.push(t);
      return (f) => {
        const done = rotations.filter((r) => r <= f);
        return done.length === 0 ? f : Math.min(f, (1 + speed) * (f - done[done.length - 1]));
      };
    },
  },
  {
    name: "int32-overflow-percent-clamped",
    family: "misleading",
    set: "seen",
    description:
      "the percent computed as 100 times the KiB copied over the KiB in all, the product in signed 32-bit integers, a negative result shown as 0: for an image of a random S between 60 and 200 GiB the product wraps past 2^31 at every X = 2^31 / (100 S 2^20) = 20.48 / S of the image (10 to 34 %): p = the whole percent of r = f mod 2X (plus 0.3 %) while r < X, else 0: steady at the true pace to X, then 0 for X, then from 0 again to X, and so on; SUCCESS comes at 0 or at a value below X, whichever half of its 2X period f = 1 falls in",
    curve: (random) => {
      const wrap = 20.48 / (60 + 140 * random());
      return (f) => {
        const r = f % (2 * wrap);
        return r < wrap ? Math.floor(100 * r + 1e-9) / 100 + 0.003 : 0;
      };
    },
  },
  {
    name: "last-completed-chunk-index",
    family: "misleading",
    set: "seen",
    description:
      "each worker writes the number of the chunk it has just finished, and the value is the last one written over the number of chunks (neither a count nor a high-water mark): n chunks (a random whole 24 to 60) taken in order by W workers (a random whole 3 to 8), each as soon as it is free, each chunk taking a random 0.5 to 1.5 units: p = (i + 1) / n for the chunk i finished last: 0 until the first chunk is done, then near the share done but jumping back and forth by up to W chunks as the workers finish out of order; SUCCESS comes at the number of whichever chunk finishes last, often below 100 %",
    curve: (random) => {
      const n = 24 + Math.floor(37 * random());
      const free = Array.from({ length: 3 + Math.floor(6 * random()) }, () => 0);
      const ends = Array.from({ length: n }, () => {
        const worker = free.indexOf(Math.min(...free));
        free[worker] += 0.5 + random();
        return free[worker];
      });
      const last = Math.max(...ends);
      const finished = ends.map((end, i) => [end / last, i] as const).sort((a, b) => a[0] - b[0]);
      return (f) => {
        let value = 0;
        for (const [end, i] of finished) {
          if (end > f + 1e-12) break;
          value = (i + 1) / n;
        }
        return value;
      };
    },
  },
  // ---- held out in round 27 (written at 9638bee, run on the strategy of ee1a8fd), then seen in round 28 ----
  {
    name: "thermal-throttle-hysteresis",
    family: "informative",
    set: "seen",
    description:
      "the destination's SSD throttling its writes to keep cool, with hysteresis: its temperature u (0 at the start, 1 the level it would settle at writing flat out) follows u' = (e - u) / tau, e = 1 at full speed and a random e0 between 0.2 and 0.5 while the writes are throttled to a random r of 0.3 to 0.6 of it; throttled when u reaches a random H between 0.75 and 0.9, back to full speed when it has fallen by a random b of 0.05 to 0.15; the job lasting a random 6 to 20 tau: full speed for the first ln(1 / (1 - H)) (1.4 to 2.3 tau, 7 to 38 % of the time), then r for ln((H - e0) / (H - b - e0)) and full speed for ln((1 - H + b) / (1 - H)) in turn (cycles of 1.5 to 21 % of the time, 37 to 84 % of each at full speed), summed exactly and scaled to end at 100 %: the pace a square wave between 1.05x-1.7x and 0.33x-0.78x the mean, after a long first stretch at the top; half done at 45 to 50 % of the time",
    curve: (random) => {
      const hot = 0.75 + 0.15 * random();
      const cool = hot - 0.05 - 0.1 * random();
      const idle = 0.2 + 0.3 * random();
      const slow = 0.3 + 0.3 * random();
      const length = 6 + 14 * random();
      const heating = Math.log((1 - cool) / (1 - hot));
      const cooling = Math.log((hot - idle) / (cool - idle));
      const points: [number, number][] = [[0, 0]];
      let [time, done, full, phase] = [0, 0, true, Math.log(1 / (1 - hot))];
      while (time < length) {
        const d = Math.min(phase, length - time);
        time += d;
        done += (full ? 1 : slow) * d;
        points.push([time, done]);
        full = !full;
        phase = full ? heating : cooling;
      }
      return polyline(points.map(([t, x]) => [t / length, x / done] as const));
    },
  },
  {
    name: "volume-grown-on-demand",
    family: "informative",
    set: "seen",
    description:
      "the destination volume created small and grown on demand: a random first size s0 of 2 to 8 % of the image, and each time the copy fills it, grown by a random factor g of 1.5 to 2.5 (the last time to the image's size), the copy waiting while the added space is zeroed, at a random z of 3 to 8 % of the time it takes to copy as much: p = x, f = (x + z (the size reached, less s0, at or before x)) / (1 + z (1 - s0)): a steady 1.03x to 1.08x the mean pace, but still at each of the 3 to 10 sizes s0, s0 g, s0 g^2, ... (geometrically spaced, ever further apart), for z (g - 1) times the size there (z (1 - the size) the last time), each pause longer than the one before but perhaps the last, the longest 0.75 to 4.4 % of the time (3 to 7 % in all); half done at 50 to 53 % of the time",
    curve: (random) => {
      const growth = 1.5 + random();
      const zeroing = 0.03 + 0.05 * random();
      let size = 0.02 + 0.06 * random();
      let time = size;
      const points: [number, number][] = [
        [0, 0],
        [time, size],
      ];
      while (size < 1) {
        const next = Math.min(1, size * growth);
        time += zeroing * (next - size);
        points.push([time, size]);
        time += next - size;
        points.push([time, next]);
        size = next;
      }
      return polyline(points.map(([t, x]) => [t / time, x] as const));
    },
  },
  {
    name: "fragmentation-clustered-at-every-scale",
    family: "informative",
    set: "seen",
    description:
      "the source's fragmentation clustered at every scale (files written in bursts, within bursts): the seeks per byte a binomial multiplicative cascade mu(x), the image halved 8 times (256 cells), each half taking a random share w between 35 and 65 % of its parent's seeks (drawn afresh at every split), so that a cell's density is the product of its 8 values 2w (mean 1); the time per byte 1 + k mu(x) for a random k between 0.5 and 2 (what the seeks of an average cell cost, against its bytes), summed by cells and inverted (p = x): a pace that changes at every scale at once, in long and short stretches, slowest (0.25x to 0.69x the mean) in the densest cells and fastest (1.25x to 2.3x) in the sparsest, 0.33x to 1.9x at the start and at the end; half done at 40 to 60 % of the time",
    curve: (random) => {
      let density = [1];
      for (let level = 0; level < 8; level++)
        density = density.flatMap((d) => {
          const w = 0.35 + 0.3 * random();
          return [2 * w * d, 2 * (1 - w) * d];
        });
      const seek = 0.5 + 1.5 * random();
      const points: [number, number][] = [[0, 0]];
      let time = 0;
      density.forEach((d, i) => {
        time += (1 + seek * d) / density.length;
        points.push([time, (i + 1) / density.length]);
      });
      return polyline(points.map(([t, x]) => [t / time, x] as const));
    },
  },
  {
    name: "concurrency-tuned-by-hill-climbing",
    family: "informative",
    set: "seen",
    description:
      "the copy's parallelism tuned by hill climbing: the throughput with n requests in flight following the Universal Scalability Law, X(n) = n / (1 + s (n - 1) + c n (n - 1)), for a random s between 0.02 and 0.1 and c between 0.001 and 0.01 (log-uniform); the tuner starts at n = 1, adds one every D (the same for the whole job, so that the climb lasts a random 15 to 60 % of the time), and at the first n + 1 that does worse, steps back to n* = n (10 to 31, X(n*) 3.6 to 12 times X(1)) and holds it: the pace a concave staircase of n* + 1 steps at even gaps, each smaller than the one before (the first +79 to +96 %), from 0.09x to 0.3x the mean at the start to 1.03x to 1.17x at n*, then steady to the end; half done at 51 to 57 % of the time",
    curve: (random) => {
      const sigma = 0.02 + 0.08 * random();
      const kappa = 10 ** (random() - 3);
      const rate = (n: number): number => n / (1 + sigma * (n - 1) + kappa * n * (n - 1));
      let best = 1;
      while (rate(best + 1) > rate(best)) best++;
      const step = (0.15 + 0.45 * random()) / (best + 1);
      const points: [number, number][] = [[0, 0]];
      let [time, done] = [0, 0];
      for (let n = 1; time < 1; n++) {
        const d = Math.min(n <= best + 1 ? step : 1, 1 - time);
        time += d;
        done += rate(n <= best + 1 ? n : best) * d;
        points.push([time, done]);
      }
      return polyline(points.map(([t, x]) => [t, x / done] as const));
    },
  },
  {
    name: "files-done-when-their-last-extent-is-read",
    family: "informative",
    set: "seen",
    description:
      "the share of the image's files complete, the copy reading the disk in block order at a steady pace and a file complete once its last extent is read: each file in 1 + K extents, K Poisson with a random mean L between 1 and 4, each extent at a uniformly random place on the disk, so that a file is complete at f with the chance f^(1 + K), and p = E[f^(1 + K)] = f e^(-L (1 - f)) (the generating function of 1 + K): a slow start (e^(-L), 0.02x to 0.37x the mean pace), speeding up all the way, to 1 + L (2x to 5x) at the end; 1 % shown (rounded to nearest) from 1.3 to 15 % of the time; half done at 69 to 86 % of the time",
    curve: (random) => {
      const extents = 1 + 3 * random();
      return (f) => f * Math.exp(-extents * (1 - f));
    },
  },
  {
    name: "first-report-over-allocated-size-ratcheted",
    // It moves only twice, at its first report and when the true progress catches up with it, and
    // stands still at one value for 22 to 97 % of the job: "a long stall" fits it better than "big steps".
    family: "no-information",
    set: "seen",
    description:
      "the service never letting the value go down (it keeps the highest it has been sent), and the agent's first report, at a random s between 3 and 8 % of the time, dividing the bytes done by the image's allocated size, a random a of 3 to 12 % of its virtual size, instead of by the virtual size (the later ones right): 0 until s, then B = min(99.5 %, s / a) (25 to 99.5 %, capped in about 28 % of the jobs) held until the true progress reaches it, then p = f: still at B for B - s, 22 to 97 % of the time (to the end when capped)",
    curve: (random) => {
      const first = 0.03 + 0.05 * random();
      const allocated = 0.03 + 0.09 * random();
      const held = Math.min(0.995, first / allocated);
      return (f) => (f < first ? 0 : Math.max(f, held));
    },
  },
  {
    name: "busy-workers-share-shown",
    // It shows 99 % for 64 to 97 % of the job and falls only in its last stretch: "stuck at 99 %"
    // fits it better than "up and down".
    family: "no-information",
    set: "seen",
    description:
      "the share of the copy's workers that are busy shown instead of progress: W workers (a random whole 4 to 16), started a random 0.01 to 0.04 chunk-times apart, each taking the next chunk from a queue as soon as it is free (a random whole 4 to 12 chunks per worker, each taking a random 0.6 to 1.4 units): 1 / W at the start, all busy (shown 99 %) from the last worker's start until the queue runs dry and the first worker finishes (64 to 97 % of the time), then down by 1 / W as each one finishes, to 1 / W (6 to 25 %) until SUCCESS, when the last one finishes",
    curve: (random) => {
      const workers = 4 + Math.floor(13 * random());
      const chunks = workers * (4 + Math.floor(9 * random()));
      const stagger = 0.01 + 0.03 * random();
      const starts = Array.from({ length: workers }, (_, j) => j * stagger);
      const free = [...starts];
      for (let c = 0; c < chunks; c++) {
        const worker = free.indexOf(Math.min(...free));
        free[worker] += 0.6 + 0.8 * random();
      }
      const end = Math.max(...free);
      return (f) => starts.filter((s, j) => s <= f * end && f * end < free[j]).length / workers;
    },
  },
  {
    name: "running-dedup-ratio-shown",
    // After its first few % it moves only a few % up and down around the value it ends at: "a
    // constant" (one that flickers) fits it better than "noise" around the progress.
    family: "no-information",
    set: "seen",
    description:
      "the deduplication ratio so far (the share of the chunks read that were already in the destination's store) shown instead of progress: N chunks (a random whole 1000 to 4000), found in the store in runs (a two-state Markov chain: found at a random long-run share H of 10 to 80 %, a run of found chunks and one of new chunks a random 4 to 20 chunks together on average), a found chunk costing a random h of 10 to 30 % of the time of a new one: p = found / read after each chunk: wild at first (0 or 99 % after the first chunk), then settling: from 5 % of the time on within 8 % of its final value in the median job (20 % in the 95th percentile), from half time on within 2 % (4.6 %); SUCCESS comes at about H (9 to 82 %)",
    curve: (random) => {
      const chunks = 1000 + Math.floor(3001 * random());
      const share = 0.1 + 0.7 * random();
      const cycle = 4 + 16 * random();
      const hash = 0.1 + 0.2 * random();
      let found = random() < share;
      const times: number[] = [];
      const ratios: number[] = [];
      let [time, hits] = [0, 0];
      for (let i = 1; i <= chunks; i++) {
        if (i > 1 && random() < 1 / ((found ? share : 1 - share) * cycle)) found = !found;
        time += found ? hash : 1;
        if (found) hits++;
        times.push(time);
        ratios.push(hits / i);
      }
      return (f) => {
        let [lo, hi] = [0, chunks];
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (times[mid] <= f * time + 1e-9) lo = mid + 1;
          else hi = mid;
        }
        return lo === 0 ? 0 : ratios[lo - 1];
      };
    },
  },
  {
    name: "throttled-prefix-crawls-until-split",
    // It creeps 0.4 to 10 % in all (1 % every 7 to 70 % of the time) over 25 to 75 % of the job:
    // "a long stall" fits it better than "an abrupt change of pace".
    family: "no-information",
    set: "seen",
    description:
      "the destination object store throttling the copy's key prefix (all its chunks under one prefix, on one partition): full speed v for a random first B of 5 to 20 % of the time, then, told to slow down on most requests, a crawl at a random c of 1 to 3 % of v until the store splits the partition, at a random S between 45 and 80 %, then the client's rate raised back linearly to v over a random R of 5 to 15 % (additive increase), and v to the end: p = V(f) / V(1), V(f) = min(f, B) + c m + c r + (1 - c) r^2 / (2R) + max(0, f - S - R), m = min(S, max(B, f)) - B, r = min(R, max(0, f - S)) (v 1.4x to 5.2x the mean pace): 9 to 58 % at B, then creeping 0.4 to 10 % in all over 25 to 75 % of the time (1 % every 7 to 70 % of the time), then speeding up smoothly to v",
    curve: (random) => {
      const burst = 0.05 + 0.15 * random();
      const crawl = 0.01 + 0.02 * random();
      const split = 0.45 + 0.35 * random();
      const ramp = 0.05 + 0.1 * random();
      const done = (f: number): number => {
        const r = Math.min(ramp, Math.max(0, f - split));
        return (
          Math.min(f, burst) +
          crawl * (Math.min(split, Math.max(burst, f)) - burst) +
          crawl * r +
          ((1 - crawl) * r * r) / (2 * ramp) +
          Math.max(0, f - split - ramp)
        );
      };
      return (f) => done(f) / done(1);
    },
  },
  {
    name: "sparse-file-size-shown",
    // It climbs to 99 % in a few jumps early and stays there for 39 to 99.9 % of the job: "stuck at
    // 99 %" fits it better than "big steps".
    family: "no-information",
    set: "seen",
    description:
      "the size of the destination file over the image's, read as progress, the file sparse (its size the end of the furthest chunk written) and the chunks written in a random order (the order of their content hashes, which spreads them over the storage nodes): N chunks (a random whole 200 to 2000) at one rate, p = the highest (i + 1) / N of the chunks i written so far, 0 before the first: a record of random draws, jumping up at each new record (about ln N of them, 5 to 8, ever rarer), about 1 - 1 / (n + 1) after n chunks, 99 % shown (rounded to nearest) once a chunk in the last 1.5 % of the image is written, after 67 chunks on average (3 to 33 % of the time), then 99 % until SUCCESS (for 39 to 99.9 % of the job)",
    curve: (random) => {
      const chunks = 200 + Math.floor(1801 * random());
      const order = Array.from({ length: chunks }, (_, i) => i);
      for (let i = chunks - 1; i > 0; i--) {
        const j = Math.floor((i + 1) * random());
        [order[i], order[j]] = [order[j], order[i]];
      }
      const highest: number[] = [];
      order.forEach((c, i) => highest.push(Math.max(i === 0 ? 0 : highest[i - 1], (c + 1) / chunks)));
      return (f) => {
        const n = Math.min(chunks, Math.floor(f * chunks + 1e-9));
        return n === 0 ? 0 : highest[n - 1];
      };
    },
  },
  {
    name: "resumed-range-percent-of-its-own-length",
    family: "misleading",
    set: "seen",
    description:
      "a download resumed with HTTP range requests, the percent that of the current response (the bytes received over its Content-Length): the connection reset 2 to 4 times (a random whole), at random points between 10 and 90 % of the time (kept apart), each time the client waiting a random 0.5 to 2 % of the time and then asking for the rest, from the bytes it has; the true progress x steady at v = 1 / (1 - the waits) (1.01x to 1.08x the mean pace): p = x until the first reset, 0 while reconnecting, then (x - x_r) / (1 - x_r) for the last reset r: back to 0 at each reset and climbing again ever faster (1 / (1 - x_r) times the true pace, up to 12x), to 100 % at the end",
    curve: (random) => {
      const resets = Array.from({ length: 2 + Math.floor(3 * random()) }, () => ({
        at: 0.1 + 0.8 * random(),
        wait: 0.005 + 0.015 * random(),
      })).sort((a, b) => a.at - b.at);
      for (let i = 1; i < resets.length; i++)
        resets[i].at = Math.max(resets[i].at, resets[i - 1].at + resets[i - 1].wait);
      const waited = resets.reduce((s, r) => s + r.wait, 0);
      const done = (f: number): number =>
        (f - resets.reduce((s, r) => s + Math.min(r.wait, Math.max(0, f - r.at)), 0)) / (1 - waited);
      return (f) => {
        const last = resets.filter((r) => r.at <= f).pop();
        if (!last) return done(f);
        if (f < last.at + last.wait) return 0;
        const from = done(last.at);
        return clamp01((done(f) - from) / (1 - from));
      };
    },
  },
  {
    name: "agent-heap-shown-as-progress",
    family: "misleading",
    set: "seen",
    description:
      "a process metric mapped to the field: the copy agent's memory in use (its garbage-collected heap) over its memory limit: the live data (the chunk hashes and buffers it keeps) growing with the work done, L(f) = L0 + (L1 - L0) f, from a random L0 of 8 to 15 % of the limit to a random L1 of 30 to 45 %, the heap growing from L(g) at a steady allocation rate after each collection g, the next due when it has doubled (GOGC = 100), the first after a random 3 to 8 % of the time: p = L(g) + rate (f - g): a sawtooth between the live data and twice it, its floor, its height and its period (L(g) / rate) all growing, 5 to 22 collections (the last period 6 to 40 % of the time); SUCCESS comes anywhere between L1 and 2 L1 (31 to 80 %)",
    curve: (random) => {
      const first = 0.08 + 0.07 * random();
      const last = 0.3 + 0.15 * random();
      const rate = first / (0.03 + 0.05 * random());
      const live = (f: number): number => first + (last - first) * f;
      const collections = [0];
      for (let g = first / rate; g < 1; g += live(g) / rate) collections.push(g);
      return (f) => {
        const g = collections.filter((t) => t <= f).pop() ?? 0;
        return live(g) + rate * (f - g);
      };
    },
  },
  {
    name: "shared-offset-written-by-range-workers",
    family: "misleading",
    set: "seen",
    description:
      "W range workers (a random whole 3 to 8), each copying its own equal share of the image (worker i the share from i / W) at its own random speed (0.7 to 1.3), all writing the offset of the chunk they have just copied into one shared field, the one the poller reads: in each slot of a random 0.5 to 1 % of the time (fixed per job) the last writer is a random one of the workers still busy at the slot's start, p = (i + min(1, f / e_i)) / W for it, e_i the time its share is done (the slowest's at 1, the fastest's at 54 to 100 %): hopping between W parallel lines 1 / W apart, each climbing at 1 / (W e_i) to the top of its share, then between fewer of them as the workers finish, the slowest alone at the end; SUCCESS comes at the top of the slowest's share, (i + 1) / W, anywhere from 12.5 to 100 %",
    curve: (random) => {
      const workers = 3 + Math.floor(6 * random());
      const speeds = Array.from({ length: workers }, () => 0.7 + 0.6 * random());
      const ends = speeds.map((s) => Math.min(...speeds) / s);
      const slowest = ends.indexOf(1);
      const slot = 0.005 + 0.005 * random();
      const draws = Array.from({ length: Math.ceil(1 / slot) + 1 }, () => random());
      return (f) => {
        const k = Math.floor(f / slot);
        const busy = ends.map((e, i) => (e > k * slot ? i : -1)).filter((i) => i >= 0);
        const i = busy.length === 0 ? slowest : busy[Math.floor(draws[k] * busy.length)];
        return (i + Math.min(1, f / ends[i])) / workers;
      };
    },
  },
  {
    name: "status-messages-reordered",
    family: "misleading",
    set: "seen",
    description:
      "the agent sending its true progress (p = f) in a status message every 0.5 % of the time, over a path that delays each by a random lognormal time (median a random m of 0.2 to 1 % of the time, log-sd a random s of 0.8 to 1.5; the 99th percentile 1.3 to 33 %), and the service keeping the message that arrived last, not the newest sent: p = the value in the last message to arrive at or before f (0 before the first): a little behind f (by that message's age), but falling back by the age of any late message when it lands, until the next arrives (the biggest fall in a job 1 to 75 %, 10 % in the median job); SUCCESS comes at the value in the last message to arrive before it, 99 % in most jobs, at worst 66 %",
    curve: (random) => {
      const median = 0.002 + 0.008 * random();
      const spread = 0.8 + 0.7 * random();
      const messages: [number, number][] = [];
      for (let k = 1; k <= 200; k++) {
        const normal = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
        messages.push([k / 200 + median * Math.exp(spread * normal), k / 200]);
      }
      messages.sort((a, b) => a[0] - b[0]);
      return (f) => {
        let value = 0;
        for (const [arrived, sent] of messages) {
          if (arrived > f) break;
          value = sent;
        }
        return value;
      };
    },
  },
  {
    name: "alpha-beta-smoothed-percent",
    family: "misleading",
    set: "seen",
    description:
      "the service smoothing the agent's reports with an alpha-beta tracker (a level y and a rate v, extrapolated between reports): the true progress with 1 to 3 abrupt pace changes (a random whole) at random points between 15 and 85 % of the time, each stretch's pace a random 1/3 to 3 times a base (log-uniform; the biggest change 1x to 8.8x), scaled to end at 100 %; a report every random T of 1 to 2 % of the time, at each e = the report - (y + v T), then y := y + v T + a e and v := v + (b / T) e, for a random a between 0.15 and 0.35 and b = a^2 (1 + u) / (2 - a), u random (1x to 2x the Benedict-Bordner value), from y = v = 0; p = y + v (f - t) after the report at t (kept within 0..1): up to 18 % behind at the start while it learns the pace, then after each change of pace swinging past the true value and back (up to 13 % ahead after a slow-down, up to 18 % behind after a speed-up); SUCCESS comes at 83 to 100 % (99 % or more in most jobs)",
    curve: (random) => {
      const changes = Array.from({ length: 1 + Math.floor(3 * random()) }, () => 0.15 + 0.7 * random()).sort(
        (a, b) => a - b,
      );
      const paces = [0, ...changes].map(() => 3 ** (2 * random() - 1));
      const bounds = [0, ...changes, 1];
      const raw = (f: number): number =>
        paces.reduce((s, v, i) => s + v * Math.max(0, Math.min(f, bounds[i + 1]) - bounds[i]), 0);
      const every = 0.01 + 0.01 * random();
      const alpha = 0.15 + 0.2 * random();
      const beta = (alpha * alpha * (1 + random())) / (2 - alpha);
      const reports: [number, number, number][] = [[0, 0, 0]];
      for (let k = 1; k * every <= 1 + 1e-9; k++) {
        const [, level, rate] = reports[k - 1];
        const guess = level + rate * every;
        const miss = raw(k * every) / raw(1) - guess;
        reports.push([k * every, guess + alpha * miss, rate + (beta / every) * miss]);
      }
      return (f) => {
        const [t, level, rate] = reports[Math.min(reports.length - 1, Math.floor(f / every + 1e-9))];
        return clamp01(level + rate * (f - t));
      };
    },
  },
  // ---- held out in round 28 (written at ee1a8fd, run on it and on the strategy of ff1b793), then seen in round 29 ----
  {
    name: "bloom-filter-false-positives-filling",
    family: "informative",
    set: "seen",
    description:
      "the copy checking each chunk against a Bloom filter of the chunk hashes in the destination's store (to skip those already there), with an exact look-up in the store's index, costing a random c of 2 to 10 times a chunk's transfer (log-uniform), on every positive; the image's chunks all new, so every positive is false; the filter sized for 1 % false positives at its capacity n (9.6 n bits, 7 hashes), holding a random u of 0.5 to 1.5 n at the start, the copy adding a random v of 0.5 to 1.5 n: the false-positive rate at a share x copied P(x) = (1 - e^(-7 (u + v x) / 9.6))^7, 0.03 to 6 % at the start and 1 to 43 % at the end, the time per byte 1 + c P(x), summed over 1000 steps (midpoint) and inverted (p = x): slowing all the way, ever more steeply as the filter fills (hardly at first in a job whose filter starts well below its capacity): 1.01x to 2.04x the mean pace at the start, 0.57x to 0.98x at the end; half done at 34 to 50 % of the time",
    curve: (random) => {
      const before = 0.5 + random();
      const added = 0.5 + random();
      const lookup = 2 * 5 ** random();
      const falsePositive = (x: number): number => (1 - Math.exp(-(7 / 9.6) * (before + added * x))) ** 7;
      const steps = 1000;
      const time = [0];
      for (let k = 1; k <= steps; k++)
        time.push(time[k - 1] + (1 + lookup * falsePositive((k - 0.5) / steps)) / steps);
      return polyline(time.map((t, k) => [t / time[steps], k / steps] as const));
    },
  },
  {
    name: "degraded-reads-until-rebuilt",
    family: "informative",
    set: "seen",
    description:
      "the source's erasure-coded store lost a node just before the job: a random h of 10 to 35 % of the image's blocks have a fragment on it and are read degraded (from the other fragments, then decoded), at 1 + d times the cost for a random d of 2 to 6, until the rebuild restores them; the rebuild, in its own order (not the copy's), had restored a random r0 of 0 to 40 % of them when the job started and restores the rest steadily, all by a random R of 30 to 150 % of the job's time (after its end in 42 % of the jobs): the pace 1 / (1 + d h (1 - r(f))), r(f) = min(1, r0 + (1 - r0) f / R), summed over 1000 steps (midpoint) and scaled to end at 100 %: speeding up smoothly (hyperbolically) until R, then steady: 0.42x to 0.95x the mean pace at the start, 1.03x to 1.72x at the end; half done at 51 to 65 % of the time",
    curve: (random) => {
      const share = 0.1 + 0.25 * random();
      const penalty = 2 + 4 * random();
      const repaired = 0.4 * random();
      const rebuild = 0.3 + 1.2 * random();
      const steps = 1000;
      const done = [0];
      for (let k = 1; k <= steps; k++) {
        const r = Math.min(1, repaired + ((1 - repaired) * (k - 0.5)) / steps / rebuild);
        done.push(done[k - 1] + 1 / (1 + penalty * share * (1 - r)) / steps);
      }
      return polyline(done.map((d, k) => [k / steps, d / done[steps]] as const));
    },
  },
  {
    name: "token-bucket-catch-up-after-pauses",
    // It stands still only for 1 to 3 % of the time at a stretch (6 % when two pauses meet) and makes up
    // most of it at once: "a smooth curve" fits it better than "a long stall".
    family: "informative",
    set: "seen",
    description:
      "a copy held to a rate r by the destination's token bucket (capacity C, a random 0.5 to 2 % of the image, full at the start), its link able to send at a random L of 2 to 4 times r; it pauses 3 to 8 times (a random whole), at random points between 5 and 95 % of the image, for a random w of 1 to 3 % of its time at r each (a metadata call to the source between extents), while the bucket fills by r w, up to C: after each pause it sends at L until the bucket is empty, making up min(C, r w) of the work lost (all of it when r w <= C) in min(C, r w) / (L - r), then at r again, and the same at the start (C at L): exact, on the polyline of its phases: 2x to 4.4x the mean pace for the first 0.2 to 2 % of the time, then steady at r (0.98x to 1.14x the mean), still at each pause and catching up at L after it; half done at 45 to 55 % of the time",
    curve: (random) => {
      const link = 2 + 2 * random();
      const capacity = 0.005 + 0.015 * random();
      const pauses = Array.from({ length: 3 + Math.floor(6 * random()) }, () => ({
        at: 0.05 + 0.9 * random(),
        wait: 0.01 + 0.02 * random(),
      })).sort((a, b) => a.at - b.at);
      const points: [number, number][] = [[0, 0]];
      let [time, done, tokens, next] = [0, 0, capacity, 0];
      while (done < 1) {
        const target = next < pauses.length ? pauses[next].at : 1;
        const [toEmpty, toTarget] = [tokens / (link - 1), (target - done) / link];
        if (tokens > 0 && toEmpty < toTarget) {
          time += toEmpty;
          done += link * toEmpty;
          tokens = 0;
        } else if (tokens > 0) {
          time += toTarget;
          done = target;
          tokens -= (link - 1) * toTarget;
        } else {
          time += target - done;
          done = target;
        }
        points.push([time, done]);
        if (done >= target) {
          if (next === pauses.length) break;
          time += pauses[next].wait;
          tokens = Math.min(capacity, tokens + pauses[next].wait);
          points.push([time, done]);
          next++;
        }
      }
      return polyline(points.map(([t, x]) => [t / time, Math.min(1, x)] as const));
    },
  },
  {
    name: "largest-extents-first-with-request-overhead",
    // It slows to a crawl only in its last stretch, on the smallest extents, and never stops: "a smooth
    // curve" fits it better than "a long stall".
    family: "informative",
    set: "seen",
    description:
      "a sparse image's allocated extents copied largest first (the copy tool schedules the biggest jobs first to keep its workers busy), each extent one request with a fixed overhead o (a round trip and a metadata commit) besides its bytes: N extents (a random whole 300 to 3000) of lognormal sizes (a log-sd s, random between 1 and 2), o set so that the overheads take a random 10 to 35 % of the time: p = the bytes of the extents done over all, f = the time (o + size) summed over the extents done, over that summed over all, a polyline of N + 1 points: long and nearly steady on the big extents (1.1x to 1.5x the mean pace at the start), then slowing ever more as the extents shrink and the overhead takes over, to 0.001x to 0.3x at the end: the last 5 % of the bytes take 7 to 26 % of the time, the last 1 % 2 to 14 %; half done at 33 to 47 % of the time",
    curve: (random) => {
      const n = 300 + Math.floor(2701 * random());
      const spread = 1 + random();
      const sizes = Array.from({ length: n }, () => {
        const normal = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
        return Math.exp(spread * normal);
      }).sort((a, b) => b - a);
      const bytes = sizes.reduce((a, b) => a + b, 0);
      const share = 0.1 + 0.25 * random();
      const overhead = ((share / (1 - share)) * bytes) / n;
      const points: [number, number][] = [[0, 0]];
      let [time, done] = [0, 0];
      for (const s of sizes) {
        time += overhead + s;
        done += s;
        points.push([time, done]);
      }
      return polyline(points.map(([t, x]) => [t / time, x / bytes] as const));
    },
  },
  {
    name: "rtt-inflated-by-periodic-neighbour-bursts",
    family: "informative",
    set: "seen",
    description:
      "the copy's TCP connection limited by its receive window (its rate the window over the round-trip time), over a path whose bottleneck queue a neighbour's periodic bulk sync fills at once every P (a random 8 to 20 % of the time, from a random phase), the queue then draining steadily over a random D of 30 to 80 % of P; a full queue adds a random Q of 1 to 4 times the base round trip: the pace 1 / (1 + Q (1 - u)) while it drains, u the share of D gone by, 1 otherwise, summed over 2000 steps (midpoint) and scaled to end at 100 %: at each burst the pace falls at once to 1 / (1 + Q) of its top and recovers smoothly (hyperbolically): 0.25x to 0.67x the mean pace at the bottom of each dip, 1.1x to 1.9x between them, 5 to 13 dips; half done at 46 to 54 % of the time",
    curve: (random) => {
      const period = 0.08 + 0.12 * random();
      const drain = (0.3 + 0.5 * random()) * period;
      const queue = 1 + 3 * random();
      const phase = period * random();
      const pace = (f: number): number => {
        const u = (((f - phase) % period) + period) % period;
        return u < drain ? 1 / (1 + queue * (1 - u / drain)) : 1;
      };
      const steps = 2000;
      const done = [0];
      for (let k = 1; k <= steps; k++) done.push(done[k - 1] + pace((k - 0.5) / steps) / steps);
      return polyline(done.map((d, k) => [k / steps, d / done[steps]] as const));
    },
  },
  {
    name: "tenant-quota-usage-metered",
    // It moves 0.4 to 4 % in all, by 0.8 % at most at a time: "a constant" (with rare ticks) fits it better
    // than "under-reports the end".
    family: "no-information",
    set: "seen",
    description:
      "the tenant's storage quota usage shown instead of progress (the wrong gauge mapped to the field): a random u of 20 to 90 % of the quota used before the job, the image a random s of 0.5 to 4 % of the quota, the usage metered every M (a random 8 to 20 % of the time, from a random phase) from the bytes written by then (the true progress, f): p = u + s m, m the last metering at or before f (0 before the first): a random 20 to 90 % from the start, up by s M (0.04 to 0.8 %) at each metering, 0.4 to 4 % in all: 0 to 4 whole-percent moves shown in the job",
    curve: (random) => {
      const used = 0.2 + 0.7 * random();
      const image = 0.005 + 0.035 * random();
      const every = 0.08 + 0.12 * random();
      const phase = every * random();
      return (f) => used + image * Math.max(0, Math.floor((f - phase) / every) * every + phase);
    },
  },
  {
    name: "workflow-task-index-of-many",
    // It climbs only in its first and last few % of the time and holds one value for 94 to 98 % of the job:
    // "a long stall" fits it better than "big steps".
    family: "no-information",
    set: "seen",
    description:
      "the index of the job's current task over the number of tasks shown as the percent: a workflow of T tasks (a random whole 8 to 14: check the quota, lock the source, create the destination record, ..., copy, verify, register, unlock, notify), the copy the k-th (k = round(T w) for a random w of 40 to 70 %, at least the 2nd and at most the last but one), all the others quick, together a random 2 to 6 % of the time, shared by random weights (0.2 to 2): p = the tasks done / T: up in steps of 1 / T (7 to 12.5 %) over the first 0.3 to 5 % of the time to (k - 1) / T (25 to 64 %), held there through the copy (94 to 98 % of the time), then up in steps again in the last few % to (T - 1) / T (87.5 to 93 %) and SUCCESS",
    curve: (random) => {
      const tasks = 8 + Math.floor(7 * random());
      const copy = Math.min(tasks - 1, Math.max(2, Math.round(tasks * (0.4 + 0.3 * random()))));
      const quick = 0.02 + 0.04 * random();
      const weights = Array.from({ length: tasks - 1 }, () => 0.2 + 1.8 * random());
      const total = weights.reduce((a, b) => a + b, 0);
      const ends: number[] = [];
      let time = 0;
      for (let i = 1; i <= tasks; i++) {
        time += i === copy ? 1 - quick : (quick * weights[i < copy ? i - 1 : i - 2]) / total;
        ends.push(i === tasks ? 1 : time);
      }
      return (f) => ends.filter((e) => e <= f).length / tasks;
    },
  },
  {
    name: "retry-budget-used-shown",
    // It moves at a few rare moments only and stands still for 20 % of the job or more at a stretch (70 %
    // in the median job): "a constant" with rare steps fits it better than "big steps".
    family: "no-information",
    set: "seen",
    description:
      "the share of the job's retry budget used shown instead of progress (the wrong counter mapped to the field): a budget of R retries (a random whole 3 to 10); the first request always retried, at a random 0.5 to 3 % of the time (the destination's new container not yet visible: a 404), then transient errors at a Poisson number of uniformly random times, with a mean of a random 0.5 to 3 per job (at most R - 2 of them, the job succeeding): p = the retries so far / R: 0, then 1 / R (10 to 33 %) within the first 3 % of the time, then up by 1 / R at each error and still in between (no further error in 22 % of the jobs); SUCCESS comes at 10 to 90 %",
    curve: (random) => {
      const budget = 3 + Math.floor(8 * random());
      const first = 0.005 + 0.025 * random();
      const mean = 0.5 + 2.5 * random();
      const u = random();
      let [count, term, cdf] = [0, Math.exp(-mean), Math.exp(-mean)];
      while (u > cdf && count < budget - 2) {
        count++;
        term *= mean / count;
        cdf += term;
      }
      const errors = [first, ...Array.from({ length: count }, () => random())].sort((a, b) => a - b);
      return (f) => errors.filter((t) => t <= f).length / budget;
    },
  },
  {
    name: "windowed-byte-counter-shown",
    // After its first 4 to 15 % it only wanders a few % up and down around a level that says nothing of the
    // job's end: "a constant" (one that wanders) fits it better than "up and down".
    family: "no-information",
    set: "seen",
    description:
      "a recent-throughput gauge shown instead of progress: the bytes copied in the last W (a random 4 to 15 % of the time) over the image size; the true pace 1 + a sin(2 pi c f + phi), for a random a of 10 to 30 %, c of 1 to 3 cycles over the job and phase phi, X(f) its integral scaled to end at 100 % (0 before the start): p = X(f) - X(f - W): climbing at the true pace over the first W, then wandering around W, up and down with the pace (by 16 to 83 % of its level from its lowest to its highest), between 2.8 and 20 %; SUCCESS comes at 3 to 18 %",
    curve: (random) => {
      const window = 0.04 + 0.11 * random();
      const swing = 0.1 + 0.2 * random();
      const cycles = 1 + 2 * random();
      const phase = 2 * Math.PI * random();
      const raw = (f: number): number =>
        f - (swing * (Math.cos(2 * Math.PI * cycles * f + phase) - Math.cos(phase))) / (2 * Math.PI * cycles);
      const done = (f: number): number => (f <= 0 ? 0 : raw(f) / raw(1));
      return (f) => clamp01(done(f) - done(f - window));
    },
  },
  {
    name: "az-partition-spooled-then-flushed",
    // It stands still for 34 to 52 % of the job at a stretch: "a long stall" fits it better than "big
    // steps" (its catch-up jump is 3 to 16 %).
    family: "no-information",
    set: "seen",
    description:
      "the destination's AZ cut off from the copy by a network partition for a long while: the agent reads the source at a steady pace (1 image per unit) and, while the destination is unreachable, reads on into a local spool (a random C of 2 to 8 % of the image) until it is full; the partition from a random S of 10 to 60 % of the image on, for a random L of 0.5 to 1 units; when it heals, the destination takes the spool at a random V of 2 to 4 times the pace while the reads go on: p = the bytes the destination holds, at t = f (1 + L - C) units: t until S, S until S + L, S + V (t - S - L) until the spool is empty C / (V - 1) later, then t - L + C: steady at 1.42x to 1.98x the mean pace, still for 34 to 52 % of the job, then a jump of C V / (V - 1) (3 to 16 %) within 0.3 to 6 % of the time, then steady again; half done at 25 to 77 % of the time",
    curve: (random) => {
      const start = 0.1 + 0.5 * random();
      const cut = 0.5 + 0.5 * random();
      const spool = 0.02 + 0.06 * random();
      const burst = 2 + 2 * random();
      const total = 1 + cut - spool;
      const heal = start + cut;
      const drained = heal + spool / (burst - 1);
      return (f) => {
        const t = f * total;
        return clamp01(
          t < start ? t : t < heal ? start : t < drained ? start + burst * (t - heal) : t - cut + spool,
        );
      };
    },
  },
  {
    name: "chunk-count-over-rebased-total",
    family: "misleading",
    set: "seen",
    description:
      "the share of the chunks done, the total counted again whenever the agent changes its chunk size (the chunks done plus the bytes left over the new size): the copy steady (the true progress f), the chunk size changed 2 to 5 times (a random whole), at random points between 5 and 90 % of the time, each time doubled (at odds of 3 to 1, after a run with no errors) or halved (after an error); many chunks, counted without rounding: p = n / (n + (1 - f) / s), n the chunks done (each stretch's bytes over its chunk size), s the size now: p = f until the first change, then a jump up at each doubling (the chunks left count half as many) and down at each halving (up to 33 % up, 28 % down), climbing in between at a pace of its own: up to 52 % ahead of the true progress or 46 % behind it (at most 20 % ahead in the median job); SUCCESS comes at 100 %",
    curve: (random) => {
      const changes = Array.from({ length: 2 + Math.floor(4 * random()) }, () => ({
        at: 0.05 + 0.85 * random(),
        factor: random() < 0.75 ? 2 : 0.5,
      })).sort((a, b) => a.at - b.at);
      return (f) => {
        let [size, from, chunks] = [1, 0, 0];
        for (const c of changes) {
          if (c.at > f) break;
          chunks += (c.at - from) / size;
          [size, from] = [size * c.factor, c.at];
        }
        chunks += (f - from) / size;
        const left = (1 - f) / size;
        return chunks + left === 0 ? 0 : chunks / (chunks + left);
      };
    },
  },
  {
    name: "done-over-grown-preallocation",
    family: "misleading",
    set: "seen",
    description:
      "the bytes written over the destination file's allocated size (its length, not the image's): the file preallocated at a random s0 of 1 to 5 % of the image and, each time the copy fills it, grown at once by a random factor g of 1.5 to 2.5 (the last time to the image's size); the copy steady (the true progress f): p = f / (the size then): 0 to 100 % (shown 99 %) over the first s0 of the time, then back to 1 / g (40 to 67 %) at each growth, climbing to 100 % again over g - 1 times the time so far: a sawtooth between 1 / g and 99 % whose teeth grow by g each time (5 to 12 of them), the last from its start (at 37 to 90 % of the time) to 100 % at SUCCESS",
    curve: (random) => {
      const growth = 1.5 + random();
      const sizes = [0.01 + 0.04 * random()];
      while (sizes[sizes.length - 1] < 1) sizes.push(Math.min(1, sizes[sizes.length - 1] * growth));
      return (f) => f / (sizes.find((s) => f < s) ?? 1);
    },
  },
  {
    name: "write-back-cache-acks-lost-at-failover",
    family: "misleading",
    set: "seen",
    description:
      "the destination acking each write once it is in its write-back cache (a random C of 3 to 10 % of the image), which it flushes to its disks at a steady pace (SUCCESS when all is flushed); the copy sending at a random 1.1 to 1.67 times that pace while the cache has room, at the flush pace when it is full: p = the bytes acked: from 0 at the sending pace until the cache is full, then at the flush pace, C ahead of the bytes flushed; at each of 1 or 2 failovers of the cache (at random points between 20 and 80 % of the time, each an outage of a random 0.5 to 2 % in which nothing moves) the writes in the cache are lost, taken back and sent again: p falls by the cache's fill (2.5 to 10 %), stands still through the outage, then climbs at the sending pace until the cache is full again; all acked C before the end: 100 % (shown 99 %) while the cache flushes, the last 2.5 to 10 % of the time",
    curve: (random) => {
      const intake = 1 / (0.6 + 0.3 * random());
      const cache = 0.03 + 0.07 * random();
      const failovers = Array.from({ length: 1 + Math.floor(2 * random()) }, () => ({
        at: 0.2 + 0.6 * random(),
        outage: 0.005 + 0.015 * random(),
      })).sort((a, b) => a.at - b.at);
      const points: [number, number][] = [[0, 0]];
      let [time, durable, fill, next] = [0, 0, 0, 0];
      while (durable < 1 - 1e-12) {
        const failover = next < failovers.length ? Math.max(time, failovers[next].at) : Infinity;
        let dt: number;
        if (durable + fill < 1 - 1e-12) {
          if (fill < cache - 1e-12) {
            dt = Math.min((cache - fill) / (intake - 1), (1 - durable - fill) / intake, failover - time);
            fill += (intake - 1) * dt;
          } else dt = Math.min(1 - cache - durable, failover - time);
        } else {
          dt = Math.min(fill, failover - time);
          fill -= dt;
        }
        durable += dt;
        time += dt;
        points.push([time, durable + fill]);
        if (time >= failover) {
          fill = 0;
          points.push([time, durable]);
          time += failovers[next].outage;
          points.push([time, durable]);
          next++;
        }
      }
      return polyline(points.map(([t, x]) => [t / time, Math.min(1, x)] as const));
    },
  },
  {
    name: "quantile-of-a-histogram-of-reports",
    family: "misleading",
    set: "seen",
    description:
      "the agent observing its true progress (f) into a histogram metric (the wrong metric type) every r (a random 0.5 to 1.5 % of the time) and the dashboard showing a quantile of it, histogram_quantile(q) over all the observations so far, q the p50, p75 or p90 (at random): the buckets' upper bounds 1, 2.5, 5, 10, 25, 50 and 100 %, or 1, 2, 5, 10, 20, 50 and 100 %, or 1/64, 1/32, ... 1/2 and 1 (at random), and within the bucket holding the rank q n of the n observations a straight line from its lower to its upper bound: p = lower + (upper - lower) (q n - the count below) / the count in it, 0 before the first observation: a quantile of the past values, near q f but held back and pushed on by the buckets (up to 15 % ahead of the true progress, 10 to 50 % behind it), its pace jumping whenever the rank enters a new bucket; SUCCESS comes at q (50, 75 or 90 %)",
    curve: (random) => {
      const ladders = [
        [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
        [0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1],
        [1 / 64, 1 / 32, 1 / 16, 1 / 8, 1 / 4, 1 / 2, 1],
      ];
      const bounds = ladders[Math.floor(3 * random())];
      const q = [0.5, 0.75, 0.9][Math.floor(3 * random())];
      const every = 0.005 + 0.01 * random();
      const reports = Math.floor(1 / every + 1e-9);
      const counts = bounds.map(() => 0);
      const shown = [0];
      for (let k = 1; k <= reports; k++) {
        counts[bounds.findIndex((b) => k * every <= b + 1e-12)]++;
        const rank = q * k;
        let [b, below] = [0, 0];
        while (below + counts[b] < rank) below += counts[b++];
        const lower = b === 0 ? 0 : bounds[b - 1];
        shown.push(lower + ((bounds[b] - lower) * (rank - below)) / counts[b]);
      }
      return (f) => shown[Math.min(reports, Math.floor(f / every + 1e-9))];
    },
  },
  {
    name: "replicated-over-written-ratio",
    family: "misleading",
    set: "seen",
    description:
      "the destination's replication to a second AZ shown as the percent: the bytes replicated over the bytes written so far (not over the image): the copy steady (written = f), the replica a random d of 3 to 15 % of the time behind (replicated = f - d), but at 1 or 2 replication outages (at random points between 20 and 85 % of the time, each a random 3 to 10 % long; they may overlap) the replica stands still, then catches up at a random 2 to 4 times the pace, on 2000 steps: p = replicated / written: 0 until d, then 1 - d / f, climbing fast at first and ever more slowly (half at 6 to 45 % of the time), falling during each outage (by 3 to 29 % at the worst in a job) and climbing back fast after it; SUCCESS comes at 1 - d (84 to 97 %)",
    curve: (random) => {
      const lag = 0.03 + 0.12 * random();
      const speed = 2 + 2 * random();
      const outages = Array.from({ length: 1 + Math.floor(2 * random()) }, () => {
        const at = 0.2 + 0.65 * random();
        return [at, at + 0.03 + 0.07 * random()] as const;
      });
      const steps = 2000;
      const points: [number, number][] = [[0, 0]];
      let replicated = 0;
      for (let k = 1; k <= steps; k++) {
        const t = k / steps;
        if (!outages.some(([from, to]) => from < t && t <= to))
          replicated = Math.min(Math.max(0, t - lag), replicated + speed / steps);
        points.push([t, replicated / t]);
      }
      return polyline(points);
    },
  },
  // ---- held out in round 29 (written at ff1b793, run on it once, then looked into for 82b82d9), then seen in round 30 ----
  {
    name: "lvm-extents-across-hdd-zones",
    // Its pace jumps where one extent ends and the next begins, but by at most 2.2x and never to a stop: "a
    // smooth curve" fits it better than "changes pace abruptly".
    family: "informative",
    set: "seen",
    description:
      "the source a logical volume on one zoned HDD (constant bit density: the rate at a radius proportional to it), its inner radius a random rho of 0.4 to 0.55 of its outer and its LBAs running inwards, so that the rate at an LBA share y of the disk is sqrt(1 - a y) of the outermost, a = 1 - rho^2; the volume a random V of 15 to 45 % of the disk, in n extents (a random whole 2 to 5) of random widths (weights 0.5 to 1.5), laid out in disk order with random free gaps around them (weights 0 to 1) and copied in the volume's own order, a random permutation of them: each extent's time summed exactly over 200 steps, (2 / a) (sqrt(1 - a y0) - sqrt(1 - a y1)) per step, a polyline in (time, bytes): within an extent the pace falls linearly in time, and it jumps up or down (by up to 2.2x) from one extent to the next: 0.64x to 1.5x the mean pace at the start, 0.62x to 1.49x at the end, 0.58x to 0.96x at its slowest and 1.04x to 1.62x at its fastest (the slowest 0.41 to 0.92 of the fastest); half done at 38 to 63 % of the time",
    curve: (random) => {
      const inner = 0.4 + 0.15 * random();
      const a = 1 - inner * inner;
      const n = 2 + Math.floor(4 * random());
      const volume = 0.15 + 0.3 * random();
      const widths = Array.from({ length: n }, () => 0.5 + random());
      const gaps = Array.from({ length: n + 1 }, () => random());
      const [wsum, gsum] = [widths, gaps].map((v) => v.reduce((x, y) => x + y, 0));
      const starts: number[] = [];
      let y = 0;
      for (let j = 0; j < n; j++) {
        y += ((1 - volume) * gaps[j]) / gsum;
        starts.push(y);
        y += (volume * widths[j]) / wsum;
      }
      const order = Array.from({ length: n }, (_, j) => j);
      for (let i = n - 1; i > 0; i--) {
        const k = Math.floor(random() * (i + 1));
        [order[i], order[k]] = [order[k], order[i]];
      }
      const steps = 200;
      const points: [number, number][] = [[0, 0]];
      let [time, done] = [0, 0];
      for (const j of order) {
        const w = (volume * widths[j]) / wsum;
        for (let k = 1; k <= steps; k++) {
          const [y0, y1] = [starts[j] + (w * (k - 1)) / steps, starts[j] + (w * k) / steps];
          time += (2 / a) * (Math.sqrt(1 - a * y0) - Math.sqrt(1 - a * y1));
          done += w / steps;
          points.push([time, done]);
        }
      }
      const line = polyline(points.map(([t, x]) => [t / time, x / done] as const));
      return (f) => clamp01(line(f));
    },
  },
  {
    name: "snapshot-segments-fetched-on-first-touch",
    family: "informative",
    set: "seen",
    description:
      "the source a snapshot restored lazily from the object store, in segments of k blocks (a random whole 2 to 8), each segment fetched on the first read of any of its blocks, at a random c of 0.3 to 1.5 times the cost of copying its k blocks; the copy reading the blocks in a random order (that of their content hashes, as the deduplicating copy sends them), so that at a share x read a block's segment is still to fetch with the chance (1 - x)^(k - 1): f = T(x) / T(1), T(x) = x + c (1 - (1 - x)^k), inverted on 1000 points (p = x): speeding up smoothly all the way as the cache warms, from (1 + c) / (1 + c k) the mean pace at the start (0.19x to 0.81x) to 1 + c at the end (1.3x to 2.5x); 10 % done at 12 to 38 % of the time, half at 56 to 80 %",
    curve: (random) => {
      const k = 2 + Math.floor(7 * random());
      const fetch = 0.3 + 1.2 * random();
      const time = (x: number): number => x + fetch * (1 - (1 - x) ** k);
      const steps = 1000;
      const line = polyline(
        Array.from({ length: steps + 1 }, (_, i) => [time(i / steps) / time(1), i / steps] as const),
      );
      return (f) => clamp01(line(f));
    },
  },
  {
    name: "compress-or-link-bound-by-run",
    // Its pace switches at the runs' ends, by at most 2.9x, and never stops: "a smooth curve" fits it better
    // than "changes pace abruptly".
    family: "informative",
    set: "seen",
    description:
      "a pipeline compressing the image (on the CPU, at a random c of 0.35 to 0.6 of the link's time per raw byte) and sending it (the link's time per raw byte the data's compressed ratio r), moving at its slower stage: the time per raw byte max(c, r); the image n runs (a random whole 30 to 100) of random lengths (weights 0.2 to 1.8), each at random zeros (r = 0.005, a random share z of 10 to 40 % of the runs), compressible data (r a random 0.3 to 0.6, 60 % of the others) or incompressible data (r 0.95 to 1): exact, a polyline of n + 1 points: the pace 1 / c (1.7 to 2.9 times that on incompressible data) on the zeros and on the compressible runs under c, 1 / r on the others, switching at once at the runs' ends (the longest stretch at one pace 2 to 54 % of the time, 7 % in the median job): 0.44x to 0.81x the mean pace at its slowest, 1.03x to 2.19x at its fastest, 0.51x to 1.97x at the start and 0.5x to 1.86x at the end; half done at 42 to 60 % of the time",
    curve: (random) => {
      const cpu = 0.35 + 0.25 * random();
      const zeros = 0.1 + 0.3 * random();
      const n = 30 + Math.floor(71 * random());
      const points: [number, number][] = [[0, 0]];
      let [time, done] = [0, 0];
      for (let i = 0; i < n; i++) {
        const length = 0.2 + 1.6 * random();
        const u = random();
        const ratio =
          u < zeros ? 0.005 : u < zeros + 0.6 * (1 - zeros) ? 0.3 + 0.3 * random() : 0.95 + 0.05 * random();
        time += length * Math.max(cpu, ratio);
        done += length;
        points.push([time, done]);
      }
      const line = polyline(points.map(([t, x]) => [t / time, x / done] as const));
      return (f) => clamp01(line(f));
    },
  },
  {
    name: "cross-az-bandwidth-autoscaled-in-steps",
    // Each raise speeds it up by 1.6x at most, at even gaps, and it never stops: "a smooth curve" (a
    // staircase towards a steady pace) fits it better than "changes pace abruptly".
    family: "informative",
    set: "seen",
    description:
      "the copy filling a cross-AZ link whose bandwidth is autoscaled: every P (a random 5 to 12 % of the time, the first at a random point within P) the scaler, seeing the link over 80 % busy, raises the bandwidth by a random factor g of 1.25 to 1.6, n times in all (a random whole 2 to 5), then holds it: exact, the pace a staircase of n + 1 steps rising geometrically at even gaps to g^n (1.56 to 10.5) times its first, the last raise at 5 to 60 % of the time, then steady: 0.11x to 0.77x the mean pace at the start, 1.01x to 1.67x at the end; half done at 51 to 70 % of the time",
    curve: (random) => {
      const every = 0.05 + 0.07 * random();
      const first = every * random();
      const factor = 1.25 + 0.35 * random();
      const raises = 2 + Math.floor(4 * random());
      const points: [number, number][] = [[0, 0]];
      let [time, done, rate] = [0, 0, 1];
      for (let i = 0; i < raises; i++) {
        const at = first + i * every;
        done += rate * (at - time);
        time = at;
        points.push([time, done]);
        rate *= factor;
      }
      done += rate * (1 - time);
      points.push([1, done]);
      const line = polyline(points.map(([t, x]) => [t, x / done] as const));
      return (f) => clamp01(line(f));
    },
  },
  {
    name: "ssd-tier-admission-throttled-at-watermark",
    family: "informative",
    set: "seen",
    description:
      "the destination pool writing to its SSD tier, a random C of 15 to 50 % of the image in size and a random 30 to 90 % of it free at the start, while a demoter moves data down to the HDD tier at a random d of 0.3 to 0.55 of the full write pace all along; full speed until the tier is 90 % full, then its admission control letting the writes in at d + (1 - d) (the free space over 0.1 C): the free space and the pace above d decaying exponentially, the pace d + (1 - d) e^(-(t - t1) / tau), tau = 0.1 C / (1 - d), t1 = (the free space - 0.1 C) / (1 - d), exact at 1000 points: steady at 1.08x to 3.09x the mean pace until the watermark (at 1.4 to 82 % of the time), then easing smoothly (half way down 0.5 to 6.4 % of the time later) towards d, 0.56x to 0.95x the mean (0.3 to 0.63 of the first pace) at the end; half done at 24 to 47 % of the time",
    curve: (random) => {
      const demote = 0.3 + 0.25 * random();
      const tier = 0.15 + 0.35 * random();
      const free = (0.3 + 0.6 * random()) * tier;
      const knee = (free - 0.1 * tier) / (1 - demote);
      const tau = (0.1 * tier) / (1 - demote);
      const written = (t: number): number =>
        t <= knee ? t : knee + demote * (t - knee) + (1 - demote) * tau * (1 - Math.exp(-(t - knee) / tau));
      let [lo, hi] = [knee, knee + (1 - knee) / demote];
      for (let i = 0; i < 60; i++) {
        const mid = (lo + hi) / 2;
        if (written(mid) < 1) lo = mid;
        else hi = mid;
      }
      const steps = 1000;
      const line = polyline(
        Array.from(
          { length: steps + 1 },
          (_, i) => [i / steps, Math.min(1, written((hi * i) / steps))] as const,
        ),
      );
      return (f) => clamp01(line(f));
    },
  },
  {
    name: "retried-from-scratch-under-a-high-water-mark",
    // It never goes back, and it stands still for 21 to 50 % of the job at a stretch: "a long stall" fits it
    // better than "restarts".
    family: "no-information",
    set: "seen",
    description:
      "the first attempt failing at a random A of 20 to 45 % of the time, the job retried after a random G of 1 to 5 % from scratch (the new attempt copying the whole image again), both at one pace v = 1 / (1 - A - G) (1.27x to 2x the mean), the service keeping the highest value it has been sent: p = v max(min(f, A), f - A - G): steady to v A (25 to 90 %) at A, then held there while the new attempt catches up, for A + G (21 to 50 % of the time), then on at v to 100 %",
    curve: (random) => {
      const fail = 0.2 + 0.25 * random();
      const pause = 0.01 + 0.04 * random();
      const pace = 1 / (1 - fail - pause);
      return (f) => clamp01(pace * Math.max(Math.min(f, fail), f - fail - pause));
    },
  },
  {
    name: "job-stage-enum-read-as-percent",
    family: "no-information",
    set: "seen",
    description:
      "the job's stage, an enum, read as the percent: CREATED = 0 for a random 0.2 to 1 % of the time, QUEUED = 1 for 0.5 to 5 %, EXPORTING = 2 (a snapshot of the source) for 1 to 5 %, TRANSFERRING = 3 for the rest, IMPORTING = 4 for 3 to 10 % and REGISTERING = 5 for the last 0.5 to 2 %: 0, 1 and 2 % in turn, 3 % from 1.7 to 11 % of the time for 78 to 94 % of it, then 4 % (from 88 to 96.5 %) and 5 % until SUCCESS",
    curve: (random) => {
      const created = 0.002 + 0.008 * random();
      const queued = 0.005 + 0.045 * random();
      const exporting = 0.01 + 0.04 * random();
      const importing = 0.03 + 0.07 * random();
      const registering = 0.005 + 0.015 * random();
      const ends = [
        created,
        created + queued,
        created + queued + exporting,
        1 - importing - registering,
        1 - registering,
      ];
      return (f) => ends.filter((e) => e <= f).length / 100;
    },
  },
  {
    name: "gossip-spread-of-the-image-record",
    family: "no-information",
    set: "seen",
    description:
      "the share of the destination region's image-service nodes that know the new image's record shown instead of progress (the wrong field mapped), spread by push gossip: N nodes (a random whole 20 to 200), the record created on one, and in each round (every random g of 0.3 to 1 % of the time) each node that has it telling one other at random: the expected number that have it i' = i + (N - i) (1 - (1 - 1 / (N - 1))^i) after each round, all of them once fewer than half a node lacks it: 1 / N (0.5 to 5 %) at the start, doubling at each round at first, half from 1.2 to 8 % of the time, 99 % (rounded down) from 2.7 to 13 %, then 100 % (shown 99 %) until SUCCESS",
    curve: (random) => {
      const nodes = 20 + Math.floor(181 * random());
      const round = 0.003 + 0.007 * random();
      const shares = [1 / nodes];
      let informed = 1;
      while (nodes - informed > 0.5) {
        informed += (nodes - informed) * (1 - (1 - 1 / (nodes - 1)) ** informed);
        shares.push(informed / nodes);
      }
      shares.push(1);
      return (f) => shares[Math.min(shares.length - 1, Math.floor(f / round + 1e-9))];
    },
  },
  {
    name: "total-unknown-until-the-allocation-scan-ends",
    // It shows 0 for 30 to 85 % of the job: "a long stall" (at 0) fits it better than "big steps".
    family: "no-information",
    set: "seen",
    description:
      "the bytes done over the allocated bytes, the total unknown (and the value shown as 0) until a background scan of the source's allocation map ends at a random S of 30 to 85 % of the time; the scan taking a random c of 15 to 35 % of the source's reads while it runs, the copy at 1 - c of its later pace until S: 0 until S, then at once the true progress (1 - c) S / ((1 - c) S + 1 - S) (22 to 83 %), and on at a steady 1 / ((1 - c) S + 1 - S) the mean pace (1.05x to 1.42x) to 100 %",
    curve: (random) => {
      const scan = 0.3 + 0.55 * random();
      const share = 0.15 + 0.2 * random();
      const total = (1 - share) * scan + (1 - scan);
      return (f) => (f < scan ? 0 : ((1 - share) * scan + (f - scan)) / total);
    },
  },
  {
    name: "tenant-running-copies-over-quota",
    // It moves 0 to 12 times (twice in the median job, never in a fifth of them), by 2 to 12.5 % up or
    // down: "a constant" with rare steps fits it better than "up and down".
    family: "no-information",
    set: "seen",
    description:
      "the tenant's running copy jobs over its quota of them shown instead of progress (the wrong gauge mapped to the field): a quota L of a random whole 8 to 50, a random whole 1 to 5 jobs running at the start, this one among them, each of the others leaving after an exponential time of a random mean m of 1 to 3 job times; more arriving as a Poisson process of a random rate of 0.3 to 1.5 per job time (refused at the quota), each staying an exponential time of mean m: p = the jobs running / L: 2 to 62.5 % from the start, a step of 1 / L (2 to 12.5 %) up or down at each arrival or departure, 0 to 12 of them (2 in the median job, none in 20 % of them), still for 18 % of the time to the whole job at a stretch (65 % in the median job)",
    curve: (random) => {
      const limit = 8 + Math.floor(43 * random());
      const initial = 1 + Math.floor(5 * random());
      const life = 1 + 2 * random();
      const rate = 0.3 + 1.2 * random();
      const lifetime = (): number => -life * Math.log(1 - random());
      const events: { at: number; step: number; leaves?: number }[] = [];
      for (let i = 1; i < initial; i++) events.push({ at: lifetime(), step: -1 });
      for (let t = -Math.log(1 - random()) / rate; t < 1; t -= Math.log(1 - random()) / rate)
        events.push({ at: t, step: 1, leaves: t + lifetime() });
      events.sort((a, b) => a.at - b.at);
      const changes: [number, number][] = [];
      let running = initial;
      for (let i = 0; i < events.length; i++) {
        const e = events[i];
        if (e.at >= 1) break;
        if (e.step > 0 && running >= limit) continue;
        running += e.step;
        changes.push([e.at, running]);
        if (e.leaves !== undefined) {
          events.push({ at: e.leaves, step: -1 });
          events.sort((a, b) => a.at - b.at);
        }
      }
      return (f) => {
        let n = initial;
        for (const [at, count] of changes) if (at <= f) n = count;
        return n / limit;
      };
    },
  },
  {
    name: "job-id-collision-two-writers",
    family: "misleading",
    set: "seen",
    description:
      "two jobs writing one status record, their IDs cut to the same key: this one writes its true progress f every r1 (a random 1 to 2 % of the time, from a random phase), the other, a copy started a random 60 % of this job's time before to 50 % after it and lasting a random 0.7 to 1.5 times as long, at a steady pace, writes its own every r2 (1 to 2 %, from a random phase) while it runs and 100 % when it ends (if it ends first); the value whatever was written last (0 before the first write): it flips between f and the other's value every 1 or 2 % of the time while both run, the two apart by up to 33 % in the median job (10 to 62 % in nine jobs in ten, at most 89 %), the other's final 100 % shown (99 %) until this job's next write; SUCCESS comes at the last value written, this job's own (about 100 %) in 74 % of the jobs, the other's (33 to 100 %) in the rest",
    curve: (random) => {
      const mine = 0.01 + 0.01 * random();
      const minePhase = mine * random();
      const theirs = 0.01 + 0.01 * random();
      const theirPhase = theirs * random();
      const start = -0.6 + 1.1 * random();
      const length = 0.7 + 0.8 * random();
      const writes: [number, number][] = [];
      for (let t = minePhase; t <= 1; t += mine) writes.push([t, t]);
      const end = start + length;
      for (let t = start + theirPhase; t < Math.min(1, end); t += theirs)
        if (t >= 0) writes.push([t, (t - start) / length]);
      if (end >= 0 && end < 1) writes.push([end, 1]);
      writes.sort((a, b) => a[0] - b[0]);
      return (f) => {
        let [lo, hi] = [0, writes.length];
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (writes[mid][0] <= f) lo = mid + 1;
          else hi = mid;
        }
        return lo === 0 ? 0 : writes[lo - 1][1];
      };
    },
  },
  {
    name: "region-mean-of-running-copies",
    family: "misleading",
    set: "seen",
    description:
      "the mean percent of the tenant's copy jobs running in the region (a dashboard figure) shown instead of this job's: this one (p = f) and 2 to 5 others (a random whole), each started at a random point between -80 and 90 % of this job's time and lasting a random 0.3 to 1.5 times as long, at a steady pace, each counted while it runs: the mean climbing between changes and falling at once when a job starts (a 0 enters) or ends (its 100 % leaves), 0 to 10 falls (3 in the median job) of up to 58 %: 0 to 72 % at the start, at most 45 to 100 %; SUCCESS comes at 33 to 100 %",
    curve: (random) => {
      const others = Array.from({ length: 2 + Math.floor(4 * random()) }, () => ({
        start: -0.8 + 1.7 * random(),
        length: 0.3 + 1.2 * random(),
      }));
      return (f) => {
        let [sum, n] = [f, 1];
        for (const o of others)
          if (o.start <= f && f < o.start + o.length) {
            sum += (f - o.start) / o.length;
            n++;
          }
        return sum / n;
      };
    },
  },
  {
    name: "whole-gib-counters-divided",
    // For the largest images it moves by 2.5 % every 2.5 % of the time, but it always ends 2.5 to 17 %
    // short of 100 %, in steps: "under-reports the end" fits it, not "a smooth curve".
    family: "misleading",
    set: "seen",
    description:
      "the percent computed from two whole-GiB counters, floor(the GiB copied) over ceil(the image's GiB), for an image of S, a random 5 to 40 GiB (log-uniform, not a whole number): p = floor(f S) / ceil(S), steps of 1 / ceil(S) (2.5 to 17 %) every 1 / S of the time (2.5 to 20 %), the first at 1 / S, behind the true progress by up to 2.6 to 33 %: SUCCESS comes at floor(S) / ceil(S) (83 to 97.5 %), held from floor(S) / S of the time",
    curve: (random) => {
      const size = 5 * 8 ** random();
      return (f) => Math.floor(f * size + 1e-9) / Math.ceil(size);
    },
  },
  {
    name: "in-sync-replica-share-shown",
    // It moves 4 to 62 times (26 in the median job), by 20 to 33 % each, up and down (still for 14 % of the
    // time at most at a stretch in the median job): "up and down" fits it better than "a constant".
    family: "misleading",
    set: "seen",
    description:
      "the share of the destination's replicas in sync (its in-sync replica set) shown instead of progress: R replicas (a random whole 3 to 5), the leader always in sync; each follower stalling (a garbage-collection pause, a slow disk) at the events of a Poisson process of a random rate of 4 to 10 per job time, for a random 1 to 3 % of the time each, its lag growing at the leader's pace while it stalls and shrinking at a random b of 0.4 to 1 of it after; it leaves the set when its lag passes a random allowance of 0.3 to 0.8 % of the time and rejoins once it has caught up, on 4000 steps: p = the replicas in sync / R: 100 % (shown 99 %) at the start, down by 1 / R (20 to 33 %) at each drop and back up at each rejoin, at times down to 20 to 75 %; all in sync for 1 to 95 % of the time (36 % in the median job); SUCCESS comes at any of its values",
    curve: (random) => {
      const replicas = 3 + Math.floor(3 * random());
      const steps = 4000;
      const inSync = Array.from({ length: steps + 1 }, () => replicas);
      for (let r = 1; r < replicas; r++) {
        const catchUp = 0.4 + 0.6 * random();
        const allowed = 0.003 + 0.005 * random();
        const rate = 4 + 6 * random();
        const stalls: [number, number][] = [];
        for (let t = -Math.log(1 - random()) / rate; t < 1; t -= Math.log(1 - random()) / rate)
          stalls.push([t, t + 0.01 + 0.02 * random()]);
        let [lag, out] = [0, false];
        for (let i = 1; i <= steps; i++) {
          const t = (i - 0.5) / steps;
          const stalled = stalls.some(([from, to]) => from <= t && t < to);
          lag = Math.max(0, lag + (stalled ? 1 : -catchUp) / steps);
          if (lag > allowed) out = true;
          else if (lag === 0) out = false;
          if (out) inSync[i]--;
        }
      }
      return (f) => inSync[Math.min(steps, Math.max(0, Math.floor(f * steps)))] / replicas;
    },
  },
  {
    name: "stage-timeout-elapsed-share",
    family: "misleading",
    set: "seen",
    description:
      "the share of the current stage's timeout used shown instead of progress: four stages, preparing (a random 2 to 8 % of the time), copying (the rest), verifying (5 to 15 %) and registering (1 to 3 %), each with a timeout a random k of 1.5 to 4 times its length: p = (f - the stage's start) / its timeout, climbing steadily to 1 / k (25 to 67 %) over each stage, the copy at 0.28x to 0.88x the mean pace, and back to 0 at each new stage: SUCCESS comes at the last stage's 25 to 67 %",
    curve: (random) => {
      const prepare = 0.02 + 0.06 * random();
      const verify = 0.05 + 0.1 * random();
      const register = 0.01 + 0.02 * random();
      const lengths = [prepare, 1 - prepare - verify - register, verify, register];
      const stages = lengths.map((length) => ({ length, timeout: length * (1.5 + 2.5 * random()) }));
      return (f) => {
        let start = 0;
        for (const s of stages) {
          if (f < start + s.length || s === stages[stages.length - 1])
            return clamp01((f - start) / s.timeout);
          start += s.length;
        }
        return 0;
      };
    },
  },
  // ---- held out in round 30: written at 702a9d0, after the strategy's last change (82b82d9); never used to tune it ----
  {
    name: "lsm-write-amplification-growing",
    family: "informative",
    set: "held-out",
    description:
      "the destination a log-structured merge store, each byte written costing 1 + a log2(1 + x R) at a share x of the image written (a random a of 0.15 to 0.5, the compaction work added per doubling of the data; R, the image over the store's first level, a random 4 to 64, log-uniform): the time summed over 1000 steps and inverted: slowing smoothly all the way, from 1.2x to 2.4x the mean pace at the start to 0.8x to 0.9x at the end; 10 % done at 6 to 9 % of the time, half at 42 to 47 %",
    curve: (random) => {
      const cost = 0.15 + 0.35 * random();
      const levels = 4 * 16 ** random();
      const steps = 1000;
      const points: [number, number][] = [[0, 0]];
      let time = 0;
      for (let i = 1; i <= steps; i++) {
        time += (1 + cost * Math.log2(1 + ((i - 0.5) / steps) * levels)) / steps;
        points.push([time, i / steps]);
      }
      const line = polyline(points.map(([t, x]) => [t / time, x] as const));
      return (f) => clamp01(line(f));
    },
  },
  {
    name: "wan-optimizer-dictionary-learning",
    family: "informative",
    set: "held-out",
    description:
      "a WAN optimiser between the regions whose dictionary learns the image's content as it passes: the link's time per byte the compressed ratio q + (1 - q) e^(-x / L) at a share x sent (q, the ratio it settles at, a random 0.3 to 0.7; L a random 5 to 30 % of the image): f = T(x) / T(1), T(x) = q x + (1 - q) L (1 - e^(-x / L)), inverted on 1000 points: speeding up smoothly at first, then steady: 0.35x to 0.79x the mean pace at the start, 1.02x to 1.53x at the end; 10 % done at 12 to 20 % of the time, half at 51 to 64 %",
    curve: (random) => {
      const ratio = 0.3 + 0.4 * random();
      const learn = 0.05 + 0.25 * random();
      const time = (x: number): number => ratio * x + (1 - ratio) * learn * (1 - Math.exp(-x / learn));
      const steps = 1000;
      const line = polyline(
        Array.from({ length: steps + 1 }, (_, i) => [time(i / steps) / time(1), i / steps] as const),
      );
      return (f) => clamp01(line(f));
    },
  },
  {
    name: "cow-first-writes-ebbing-on-the-source",
    family: "informative",
    set: "held-out",
    description:
      "the source VM still running on the snapshot being copied, each of its first writes to a block since the snapshot a copy-on-write competing with the copy's reads, their rate ebbing hyperbolically (a long tail) as its working set is preserved: the pace 1 - c / (1 + t / tau), c a random 0.4 to 0.8, tau a random 2 to 20 % of the time: p = (f - c tau ln(1 + f / tau)) / (1 - c tau ln(1 + 1 / tau)), exact: 0.3x to 0.71x the mean pace at the start, rising quickly and then slowly to 1.03x to 1.21x at the end; 10 % done at 11 to 17 % of the time, half at 51 to 57 %",
    curve: (random) => {
      const share = 0.4 + 0.4 * random();
      const tau = 0.02 + 0.18 * random();
      const done = (t: number): number => t - share * tau * Math.log(1 + t / tau);
      return (f) => clamp01(done(f) / done(1));
    },
  },
  {
    name: "hot-tier-share-rising-along-the-image",
    family: "informative",
    set: "held-out",
    description:
      "the source's blocks on a cold (HDD) or hot (SSD) tier by age, the image's old blocks (its base, at the low LBAs) cold and its newer ones hot: the hot share at an LBA share x 1 / (1 + e^(-(x - m) / w)), m a random 0.3 to 0.7, w a random 0.05 to 0.15; the time per byte 1 on the cold tier and a random k of 0.25 to 0.5 on the hot, read in LBA order, summed over 1000 steps and inverted: slow at first (0.49x to 0.84x the mean pace), speeding up smoothly around m to 1.3x to 3x at the end; 10 % done at 12 to 20 % of the time, half at 58 to 76 %",
    curve: (random) => {
      const centre = 0.3 + 0.4 * random();
      const width = 0.05 + 0.1 * random();
      const hot = 0.25 + 0.25 * random();
      const steps = 1000;
      const points: [number, number][] = [[0, 0]];
      let time = 0;
      for (let i = 1; i <= steps; i++) {
        const h = 1 / (1 + Math.exp(-((i - 0.5) / steps - centre) / width));
        time += (hot * h + 1 - h) / steps;
        points.push([time, i / steps]);
      }
      const line = polyline(points.map(([t, x]) => [t / time, x] as const));
      return (f) => clamp01(line(f));
    },
  },
  {
    name: "neighbour-vms-arriving-on-the-host",
    // Its pace drops at each arrival, but by 1.25x at most and never to a stop: "a smooth curve" fits it
    // better than "changes pace abruptly".
    family: "informative",
    set: "held-out",
    description:
      "the copy sharing its host's disk with VMs booting on it: n (a random whole 3 to 10) arriving at random times over the job, each with a random weight of 0.05 to 0.25 of the copy's own, the copy's share 1 / (1 + the weights of those arrived), exact: the pace falling by 1.05x to 1.25x at each arrival, to 0.29 to 0.87 of its first in all: 1.04x to 2.05x the mean pace at the start, 0.52x to 0.98x at the end; half done at 34 to 50 % of the time",
    curve: (random) => {
      const n = 3 + Math.floor(8 * random());
      const arrivals = Array.from({ length: n }, () => [random(), 0.05 + 0.2 * random()] as const).sort(
        (a, b) => a[0] - b[0],
      );
      const points: [number, number][] = [[0, 0]];
      let [time, done, load] = [0, 0, 1];
      for (const [at, weight] of arrivals) {
        done += (at - time) / load;
        time = at;
        points.push([time, done]);
        load += weight;
      }
      done += (1 - time) / load;
      points.push([1, done]);
      const line = polyline(points.map(([t, x]) => [t, x / done] as const));
      return (f) => clamp01(line(f));
    },
  },
  {
    name: "parallel-segments-counted-on-completion",
    // It shows 0 until 75 to 97 % of the job, then a burst of ticks close together: "0 until the end"
    // fits it better than "big steps".
    family: "no-information",
    set: "held-out",
    description:
      "the image cut into n equal segments (a random whole 4 to 16), all copied at once, each by its own stream at a random pace of 1 to 1 + s (s a random 0.1 to 0.35), the value the segments finished over n (the only count the service keeps): 0 until the fastest finishes, at the slowest pace over the fastest of the time (75 to 97 %, 86 % in the median job), then up by 1 / n (6 to 25 %) as each of the others finishes, all in the last 3 to 25 % of the time, the slowest at the end",
    curve: (random) => {
      const n = 4 + Math.floor(13 * random());
      const spread = 0.1 + 0.25 * random();
      const paces = Array.from({ length: n }, () => 1 + spread * random());
      const slowest = Math.min(...paces);
      const ends = paces.map((v) => slowest / v);
      return (f) => ends.filter((e) => e <= f + 1e-12).length / n;
    },
  },
  {
    name: "high-water-mark-after-a-stale-first-sample",
    family: "no-information",
    set: "held-out",
    description:
      "the service keeping the highest value reported, and its first read (at a random 0.5 to 3 % of the time) taking a stale progress file left by the worker's previous job, at a random H of 60 to 95 %: 0 until then, then H, held until the true progress p = f passes it (58 to 94 % of the time still), then p = f to 100 %",
    curve: (random) => {
      const first = 0.005 + 0.025 * random();
      const stale = 0.6 + 0.35 * random();
      return (f) => (f < first ? 0 : Math.max(stale, f));
    },
  },
  {
    name: "pool-utilisation-gauge-shown",
    // It moves one percent or so at a time, 1 to 5 times, and once down: "a constant" with rare ticks
    // fits it better than "up and down".
    family: "no-information",
    set: "held-out",
    description:
      "the destination pool's utilisation shown instead of progress (the wrong gauge mapped to the field): a random U of 40 to 85 % at the start, rising steadily by a random 0.5 to 3 % over the job as this and other tenants' copies write, and dropping once by a random 1 to 4 % at a random 20 to 80 % of the time, when a garbage collection reclaims deleted snapshots: p = U + g f - r [f >= t]: 1 to 5 moves (3 in the median job), the longest still stretch 28 to 79 % of the time; SUCCESS comes at 37 to 86 %",
    curve: (random) => {
      const start = 0.4 + 0.45 * random();
      const growth = 0.005 + 0.025 * random();
      const reclaimAt = 0.2 + 0.6 * random();
      const reclaimed = 0.01 + 0.03 * random();
      return (f) => clamp01(start + growth * f - (f >= reclaimAt ? reclaimed : 0));
    },
  },
  {
    name: "write-back-cache-flushed-after-the-last-byte",
    // It rises smoothly to 100 % (shown 99 %) and then stands still for 20 to 60 % of the job while the
    // cache drains: "stuck near 99 %" fits it better than "a smooth curve".
    family: "no-information",
    set: "held-out",
    description:
      "the destination acking the writes into a write-back cache of a random C of 20 to 60 % of the image, drained to the backing store at a random b of 0.3 to 0.7 of the link's pace, the value the bytes sent over the image: at the link's pace until the cache fills (when C / (1 - b) of the image is sent, or never if C >= 1 - b), then at b until all is sent, then the job flushing what the cache holds (C, or 1 - b) at b before SUCCESS, exact, a polyline of three points: 1.4x to 3.3x the mean pace at first, all sent (shown 99 %) at 39 to 79 % of the time, held there for the 21 to 61 % left",
    curve: (random) => {
      const backend = 0.3 + 0.4 * random();
      const cache = 0.2 + 0.4 * random();
      const filled = Math.min(1, cache / (1 - backend));
      const sentAt = filled + (1 - filled) / backend;
      const flush = (filled < 1 ? cache : 1 - backend) / backend;
      const total = sentAt + flush;
      const line = polyline([
        [0, 0],
        [filled / total, filled],
        [sentAt / total, 1],
      ]);
      return (f) => clamp01(line(f));
    },
  },
  {
    name: "batch-percent-with-this-job-one-of-many",
    family: "no-information",
    set: "held-out",
    description:
      "the tenant's batch progress shown instead of this job's: n images (a random whole 30 to 150) copied one at a time, k (a random whole 1 to n - 1) of them before this one: p = (k + f) / n: 0.7 to 97 % at the start, rising by 1 / n (0.7 to 3.3 %) over the whole job: 0 to 4 moves of one percent (1 in the median job)",
    curve: (random) => {
      const n = 30 + Math.floor(121 * random());
      const before = 1 + Math.floor((n - 1) * random());
      return (f) => (before + f) / n;
    },
  },
  {
    name: "log-lines-flushed-when-the-buffer-fills",
    family: "misleading",
    set: "held-out",
    description:
      "the percent read from the worker's log, a pipe whose stdio buffer of B bytes (4096 or 8192, even odds) is flushed only when full: a banner of a random 1000 to 3000 bytes first, then, for each percent done (at a steady pace), a progress line of a random L of 60 to 100 bytes and debug chatter of a random c of 1.5 to 4 lines of 100 bytes (0.5 to 1.5 times that at each percent); the value the last progress line flushed: 0 until the first flush, then steps of 9 to 40 % (at most 19 % in the median job) at irregular gaps, up to a step behind the true progress: 2 to 12 moves (5 in the median job); SUCCESS comes at 62 to 99 % (92 % in the median job)",
    curve: (random) => {
      const buffer = random() < 0.5 ? 4096 : 8192;
      const line = 60 + 40 * random();
      const chatter = 1.5 + 2.5 * random();
      let held = 1000 + 2000 * random();
      const flushes: [number, number][] = [];
      for (let i = 1; i < 100; i++) {
        held += line + 100 * chatter * (0.5 + random());
        if (held >= buffer) {
          flushes.push([i / 100, i / 100]);
          held = 0;
        }
      }
      return (f) => {
        let p = 0;
        for (const [at, value] of flushes) if (at <= f) p = value;
        return p;
      };
    },
  },
  {
    name: "ntp-step-back-in-an-elapsed-based-percent",
    family: "misleading",
    set: "held-out",
    description:
      "the percent elapsed over an estimate of the duration (a random E of 0.9 to 1.2 times the true one), on a clock that NTP steps back once, by a random s of 10 to 30 % of the job's time, at a random t of 20 to 80 % of it: p = (f - s [f >= t]) / E (at least 0): a steady 0.83x to 1.11x the mean pace, a fall of 8 to 33 % at t, then on at the same pace: SUCCESS comes at (1 - s) / E (59 to 100 %)",
    curve: (random) => {
      const estimate = 0.9 + 0.3 * random();
      const stepAt = 0.2 + 0.6 * random();
      const step = 0.1 + 0.2 * random();
      return (f) => clamp01((f - (f >= stepAt ? step : 0)) / estimate);
    },
  },
  {
    name: "free-space-drop-over-image-size",
    family: "misleading",
    set: "held-out",
    description:
      "the percent computed as the drop in the destination pool's free space over the image's size, other tenants' writes and deletes counting too: their changes at the events of a Poisson process of a random rate of 20 to 60 per job time, each of an exponential size of a random mean of 0.3 to 1.5 % of the image, a delete (freeing space) with a random chance of 40 to 60 %, on 2000 steps: p = f + their net writes so far, clamped to 0..1: the true progress with a random walk on it, falls of up to 0.4 to 10 % (2.4 % in the median job), shown 99 % for up to 27 % of the time at the end (over 14 % in one job in twenty); SUCCESS comes at 52 to 100 % (99 % in the median job)",
    curve: (random) => {
      const rate = 20 + 40 * random();
      const mean = 0.003 + 0.012 * random();
      const deletes = 0.4 + 0.2 * random();
      const steps = 2000;
      const others = new Array<number>(steps + 1).fill(0);
      for (let t = -Math.log(1 - random()) / rate; t < 1; t -= Math.log(1 - random()) / rate) {
        const size = -mean * Math.log(1 - random());
        const signed = random() < deletes ? -size : size;
        for (let i = Math.ceil(t * steps); i <= steps; i++) others[i] += signed;
      }
      return (f) => clamp01(f + others[Math.min(steps, Math.max(0, Math.floor(f * steps)))]);
    },
  },
  {
    name: "canary-build-reports-remaining-share",
    family: "misleading",
    set: "held-out",
    description:
      "a canary build of the status service, answering a random share q of 5 to 30 % of the calls (the calls in each 0.5 % of the time routed afresh, at random), reports the share left instead of the share done: p = 1 - f in the canary's slots and f in the others: flipping between f and 1 - f (a jump of |1 - 2f|, up to 100 %) 104 to 178 times (142 in the median job); SUCCESS comes at f or 1 - f",
    curve: (random) => {
      const canary = 0.05 + 0.25 * random();
      const slot = 0.005;
      const slots = Array.from({ length: Math.ceil(1 / slot) + 1 }, () => random() < canary);
      return (f) => (slots[Math.floor(f / slot)] ? 1 - f : f);
    },
  },
  {
    name: "stage-weights-from-a-stale-profile",
    // It is monotone and ends at 100 %, but its copy runs at a third to five sixths of the mean pace and
    // the last stages at 2.4x to 34x: "under-reports the end" fits it, not "a smooth curve".
    family: "misleading",
    set: "held-out",
    description:
      "the overall percent a weighted sum of the stages' own percents, the weights from a stale profile (measured on small images): preparing (a random 2 to 6 % of the time, weight 5 %), copying (the rest, weight a random W of 30 to 70 %), verifying (a random 3 to 10 % of the time, weight a random 40 to 80 % of the 95 - W % left) and registering (a random 1 to 3 %, the rest of the weight), each stage's percent steady: a polyline of five points: 0.83x to 2.5x the mean pace while preparing, 0.33x to 0.84x while copying, 2.4x to 34x in the last stages; half done at 58 to 97 % of the time",
    curve: (random) => {
      const prepare = 0.02 + 0.04 * random();
      const verify = 0.03 + 0.07 * random();
      const register = 0.01 + 0.02 * random();
      const copyWeight = 0.3 + 0.4 * random();
      const verifyWeight = (0.95 - copyWeight) * (0.4 + 0.4 * random());
      const times = [prepare, 1 - prepare - verify - register, verify, register];
      const weights = [0.05, copyWeight, verifyWeight, 0.95 - copyWeight - verifyWeight];
      const points: [number, number][] = [[0, 0]];
      let [time, done] = [0, 0];
      for (let i = 0; i < 4; i++) {
        time += times[i];
        done += weights[i];
        points.push([time, done]);
      }
      const line = polyline(points);
      return (f) => clamp01(line(f));
    },
  },
];

/**
 * What the job shows while RUNNING: the true progress cut to whole percents, kept within
 * 0 .. 0.99 (a running job never shows 100 %: rounded to nearest, 99.5 % would read 1.00).
 */
export function shownPercent(progress: number, rounding: Rounding): number {
  const percent = clamp01(progress) * 100;
  // The 1e-9 absorbs binary error before flooring (0.29 * 100 is 28.999999999999996).
  const whole = rounding === "down" ? Math.floor(percent + 1e-9) : Math.round(percent);
  return Math.min(99, whole) / 100;
}

export function shapeNamed(name: string): ProgressShape {
  const shape = SHAPES.find((s) => s.name === name);
  if (!shape)
    throw new Error(`Unknown progress shape "${name}": use one of ${SHAPES.map((s) => s.name).join(", ")}.`);
  return shape;
}
