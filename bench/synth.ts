/**
 * Synthesis at scale: a stack of N `ImsImageCopy` constructs against stacks of bare
 * `terraform_data` resources, each synthesized in a fresh `node` process (so peak RSS is that of
 * one synthesis). The child (bench/synth-child.ts) is compiled by esbuild with its packages left
 * external, so that it runs on plain `node` with the current sources and no TypeScript loader.
 *
 * Goal (issue 5): synthesis time and peak memory at most 1.5x a stack of bare terraform_data
 * resources with the same number of resources (one copy is four resources, so 1,000 copies are
 * held to 4,000 bare resources); exactly one runtime asset in cdktf.out; report the synthesized
 * JSON's size per copy.
 *
 * cdktf validates each terraform_data at synthesis by running `terraform version` (an execSync
 * per resource, about 60 ms each here), which would make the 4,000-resource stacks take minutes
 * and hide the construct's own cost; the main comparison therefore uses `skipValidation: true`
 * in both stacks, and a small comparison with validation on shows that cost separately.
 */
import { spawnSync } from "child_process";
import { buildSync } from "esbuild";
import { mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join, resolve } from "path";
import { median } from "./support/stats";
import { markdownTable, verdict } from "./support/table";

const REPO_ROOT = resolve(__dirname, "..");
const RESOURCES_PER_COPY = 4;
const GOAL_RATIO = 1.5;

export interface SynthOptions {
  /** Copies in the stack. @default 1000 */
  readonly copies?: number;
  /** Fresh processes per stack kind (medians are reported). @default 3 */
  readonly runs?: number;
  /** Runtime bundle the construct ships. @default bundle/ims-image-copy-runtime.js */
  readonly bundle?: string;
  /** Copies in the extra comparison with cdktf's validation on (0: skip it). @default 50 */
  readonly validatedCopies?: number;
}

export interface SynthSample {
  readonly kind: "copies" | "bare";
  readonly count: number;
  readonly synthMs: number;
  readonly maxRssKb: number;
  readonly heapUsedBytes: number;
  readonly jsonBytes: number;
  readonly assets: number;
}

export interface SynthRow {
  readonly label: string;
  readonly resources: number;
  readonly synthMs: number;
  readonly maxRssKb: number;
  readonly jsonBytes: number;
  readonly assets: number;
}

export interface SynthResult {
  readonly copies: number;
  readonly runs: number;
  readonly rows: readonly SynthRow[];
  /** Against bare resources of the same count (the goal's baseline). */
  readonly timeRatio: number;
  readonly rssRatio: number;
  /** Against as many bare resources as copies (for reference). */
  readonly timeRatioPerConstruct: number;
  readonly rssRatioPerConstruct: number;
  readonly jsonBytesPerCopy: number;
  readonly oneAsset: boolean;
  readonly pass: boolean;
  /** Copies against the same resource count with cdktf's validation on (one run each). */
  readonly validated?: { readonly copies: number; readonly copiesMs: number; readonly bareMs: number };
}

/** Compiles the child to plain JavaScript; returns its path. */
function compileChild(dir: string): string {
  const outfile = join(dir, "synth-child.js");
  buildSync({
    entryPoints: [join(__dirname, "synth-child.ts")],
    outfile,
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    packages: "external",
    logLevel: "error",
    tsconfig: join(REPO_ROOT, "tsconfig.json"),
  });
  return outfile;
}

function runChild(
  child: string,
  kind: "copies" | "bare",
  count: number,
  work: string,
  bundle: string,
  run: number,
  validate = false,
): SynthSample {
  const outdir = join(work, `${kind}-${count}-${run}`);
  const args = [child, kind, String(count), outdir, bundle, validate ? "1" : "0"];
  const r = spawnSync(process.execPath, args, {
    cwd: work,
    encoding: "utf8",
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_PATH: join(REPO_ROOT, "node_modules"),
      CHECKPOINT_DISABLE: "1",
    },
    maxBuffer: 16 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`synthesis of ${count} ${kind} failed (${r.status}): ${r.stderr}`);
  rmSync(outdir, { recursive: true, force: true });
  return JSON.parse(r.stdout.trim().split("\n").pop() ?? "") as SynthSample;
}

export function runSynthBench(options: SynthOptions = {}): SynthResult {
  const copies = options.copies ?? 1000;
  const runs = options.runs ?? 3;
  const bundle = options.bundle ?? join(REPO_ROOT, "bundle", "ims-image-copy-runtime.js");
  const work = mkdtempSync(join(tmpdir(), "ims-bench-synth-"));
  try {
    const child = compileChild(work);
    const cases: { label: string; kind: "copies" | "bare"; count: number; resources: number }[] = [
      { label: "empty stack", kind: "bare", count: 0, resources: 0 },
      {
        label: `${copies} ImsImageCopy`,
        kind: "copies",
        count: copies,
        resources: copies * RESOURCES_PER_COPY,
      },
      {
        label: `${copies * RESOURCES_PER_COPY} bare terraform_data (same resource count)`,
        kind: "bare",
        count: copies * RESOURCES_PER_COPY,
        resources: copies * RESOURCES_PER_COPY,
      },
      {
        label: `${copies} bare terraform_data (one per construct)`,
        kind: "bare",
        count: copies,
        resources: copies,
      },
    ];
    const samples = new Map<string, SynthSample[]>();
    // Interleave the kinds so that machine noise spreads over all of them.
    for (let run = 0; run < runs; run++) {
      for (const c of cases)
        samples.set(c.label, [
          ...(samples.get(c.label) ?? []),
          runChild(child, c.kind, c.count, work, bundle, run),
        ]);
    }
    const allRows: SynthRow[] = cases.map((c) => {
      const s = samples.get(c.label) ?? [];
      return {
        label: c.label,
        resources: c.resources,
        synthMs: median(s.map((x) => x.synthMs)),
        maxRssKb: median(s.map((x) => x.maxRssKb)),
        jsonBytes: s[0].jsonBytes,
        assets: s[0].assets,
      };
    });
    const rows = allRows;
    const [empty, ours, sameCount, perConstruct] = allRows;
    const timeRatio = ours.synthMs / sameCount.synthMs;
    const rssRatio = ours.maxRssKb / sameCount.maxRssKb;
    const oneAsset = ours.assets === 1;
    const validatedCopies = options.validatedCopies ?? 50;
    const validated =
      validatedCopies > 0
        ? {
            copies: validatedCopies,
            copiesMs: runChild(child, "copies", validatedCopies, work, bundle, 0, true).synthMs,
            bareMs: runChild(child, "bare", validatedCopies * RESOURCES_PER_COPY, work, bundle, 0, true)
              .synthMs,
          }
        : undefined;
    return {
      validated,
      copies,
      runs,
      rows,
      timeRatio,
      rssRatio,
      timeRatioPerConstruct: ours.synthMs / perConstruct.synthMs,
      rssRatioPerConstruct: ours.maxRssKb / perConstruct.maxRssKb,
      jsonBytesPerCopy: copies > 0 ? (ours.jsonBytes - empty.jsonBytes) / copies : 0,
      oneAsset,
      pass: timeRatio <= GOAL_RATIO && rssRatio <= GOAL_RATIO && oneAsset,
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

export function synthTable(r: SynthResult): string {
  const table = markdownTable(
    [
      "stack",
      "resources",
      "synthesis (median ms)",
      "peak RSS (median MiB)",
      "cdk.tf.json (KiB)",
      "assets in cdktf.out",
    ],
    r.rows.map((row) => [
      row.label,
      row.resources,
      row.synthMs.toFixed(0),
      (row.maxRssKb / 1024).toFixed(1),
      (row.jsonBytes / 1024).toFixed(1),
      row.assets,
    ]),
  );
  const goals = markdownTable(
    ["measure", "value", "goal"],
    [
      [
        "synthesis time vs same resource count",
        `${r.timeRatio.toFixed(2)}x`,
        verdict(r.timeRatio <= GOAL_RATIO),
      ],
      ["peak RSS vs same resource count", `${r.rssRatio.toFixed(2)}x`, verdict(r.rssRatio <= GOAL_RATIO)],
      [
        "synthesis time vs one bare resource per construct (reference)",
        `${r.timeRatioPerConstruct.toFixed(2)}x`,
        "-",
      ],
      [
        "peak RSS vs one bare resource per construct (reference)",
        `${r.rssRatioPerConstruct.toFixed(2)}x`,
        "-",
      ],
      ["runtime assets in cdktf.out", String(r.rows[1].assets), verdict(r.oneAsset)],
      ["synthesized JSON per copy", `${(r.jsonBytesPerCopy / 1024).toFixed(2)} KiB`, "reported"],
      ...(r.validated
        ? [
            [
              `with cdktf validation on: ${r.validated.copies} copies vs ${r.validated.copies * RESOURCES_PER_COPY} bare (one run each)`,
              `${r.validated.copiesMs.toFixed(0)} ms vs ${r.validated.bareMs.toFixed(0)} ms (${(r.validated.copiesMs / r.validated.bareMs).toFixed(2)}x)`,
              "-",
            ],
          ]
        : []),
    ],
  );
  return `${table}\n\n${goals}`;
}
