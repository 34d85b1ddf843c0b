/**
 * The completion benchmark's rows on jitters no strategy change was measured on
 * (`npm run bench:completion:seeds`). Each row runs 12 jobs, and its lag goal is a p95 over them: near
 * the goal's edge a row's verdict changes with the jobs' jitter alone. This report gives each row's
 * verdict on the tuned seeds (the table's) and on each set of fresh ones (FRESH_FIRST_SEEDS), so that
 * a change in the number of rows passing can be told from seed noise.
 */
import {
  duration,
  FRESH_FIRST_SEEDS,
  runCompletionBench,
  TUNED_FIRST_SEED,
  type CompletionOptions,
  type CompletionRow,
} from "./completion";
import { FAMILIES } from "./progress-shapes";
import { markdownTable, verdict } from "./support/table";

export interface SeedsOptions extends Omit<CompletionOptions, "firstSeed"> {
  /** The first seed of each set of jobs; the first set is the tuned one. @default tuned, then FRESH_FIRST_SEEDS */
  readonly firstSeeds?: readonly number[];
}

/** One row of the benchmark, as each set of seeds gives it (in the order of `firstSeeds`). */
export interface SeedsRow {
  readonly shape: string;
  readonly set: CompletionRow["set"];
  readonly family: CompletionRow["family"];
  readonly emulator: boolean;
  readonly durationSeconds: number;
  readonly bySeeds: readonly CompletionRow[];
}

export interface SeedsReport {
  readonly firstSeeds: readonly number[];
  readonly seeds: number;
  readonly rows: readonly SeedsRow[];
}

/** Runs every row once per set of seeds. */
export async function runSeedsBench(options: SeedsOptions = {}): Promise<SeedsReport> {
  const firstSeeds = options.firstSeeds ?? [TUNED_FIRST_SEED, ...FRESH_FIRST_SEEDS];
  const seeds = options.seeds ?? 12;
  const sets: CompletionRow[][] = [];
  for (const firstSeed of firstSeeds) sets.push((await runCompletionBench({ ...options, firstSeed })).rows);
  const rows = sets[0].map((first, i) => {
    const bySeeds = sets.map((rows) => rows[i]);
    if (bySeeds.some((r) => r.shape !== first.shape || r.durationSeconds !== first.durationSeconds))
      throw new Error(`the seed sets ran different rows at row ${i} (${first.shape})`);
    const { shape, set, family, emulator, durationSeconds } = first;
    return { shape, set, family, emulator, durationSeconds, bySeeds };
  });
  return { firstSeeds, seeds, rows };
}

function seedRange(firstSeed: number, seeds: number): string {
  return `seeds ${firstSeed}-${firstSeed + seeds - 1}`;
}

/** What a row missed: its lag p95 (the worse rounding) and its calls ratio, each only when it failed. */
export function missed(row: CompletionRow): string {
  if (row.pass) return verdict(true);
  const parts: string[] = [];
  if (!row.lagPass) {
    const p95 = Math.max(row.ours.nearest.p95LagMs, row.ours.down.p95LagMs);
    parts.push(`lag ${(p95 / 1000).toFixed(1)} s`);
  }
  if (row.callsPass === false) {
    const calls = Math.max(row.ours.nearest.meanCalls, row.ours.down.meanCalls) / row.fixed.meanCalls;
    parts.push(`calls ${calls.toFixed(2)}x`);
  }
  if (!row.ratePass) parts.push("1/s");
  return `${verdict(false)} (${parts.join(", ")})`;
}

/** Per family: rows passing on each set of seeds, on every set, and rows whose verdict changes. */
export function seedsSummaryTable(report: SeedsReport): string {
  const groups = [
    ...FAMILIES.map((family) => ({
      name: family,
      rows: report.rows.filter((r) => !r.emulator && r.family === family),
    })),
    { name: "emulator curves", rows: report.rows.filter((r) => r.emulator) },
  ].filter((g) => g.rows.length > 0);
  groups.push({ name: "all", rows: [...report.rows] });
  const count = (rows: readonly SeedsRow[], test: (r: SeedsRow) => boolean): string =>
    `${rows.filter(test).length} of ${rows.length}`;
  return markdownTable(
    [
      "family",
      ...report.firstSeeds.map(
        (first, i) => `passing on ${seedRange(first, report.seeds)}${i === 0 ? " (tuned)" : ""}`,
      ),
      "passing on every set",
      "verdict changes with the seeds",
    ],
    groups.map((g) => [
      g.name,
      ...report.firstSeeds.map((_, i) => count(g.rows, (r) => r.bySeeds[i].pass)),
      count(g.rows, (r) => r.bySeeds.every((b) => b.pass)),
      count(g.rows, (r) => r.bySeeds.some((b) => b.pass) && r.bySeeds.some((b) => !b.pass)),
    ]),
  );
}

/** The rows that fail on at least one set of seeds, with what each set gives. */
export function seedsFailureTable(report: SeedsReport): string {
  const failing = report.rows.filter((r) => r.bySeeds.some((b) => !b.pass));
  return markdownTable(
    [
      "shape",
      "set",
      "job",
      "goals",
      ...report.firstSeeds.map((first) => seedRange(first, report.seeds)),
      "failing sets",
    ],
    failing.map((r) => [
      r.shape,
      r.set,
      duration(r.durationSeconds),
      r.bySeeds[0].goalFamily,
      ...r.bySeeds.map(missed),
      `${r.bySeeds.filter((b) => !b.pass).length} of ${r.bySeeds.length}`,
    ]),
  );
}

export function seedsReport(report: SeedsReport): string {
  return [
    `Summary (${report.seeds} jobs per row and rounding on each set; the tuned set is the table's):`,
    seedsSummaryTable(report),
    "Rows failing on at least one set:",
    seedsFailureTable(report),
  ].join("\n\n");
}
