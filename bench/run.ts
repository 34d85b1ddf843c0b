/**
 * `npm run bench`: runs the benchmarks and prints markdown tables (paste them into BENCHMARKS.md).
 *
 *   npm run bench                      # every benchmark, full size
 *   npm run bench -- --quick           # small sizes (also BENCH_QUICK=1)
 *   npm run bench -- completion synth  # only these (completion, completion-heldout, completion-seeds, startup, synth, fleet)
 *
 * `completion` prints every row of the completion benchmark (the generated shapes' three families,
 * then the emulator's curves); `completion-heldout` only the held-out shapes; `completion-seeds` every
 * row's verdict on the tuned seeds and on three sets of seeds no change was measured on.
 *
 * The start-up benchmark uses bundle/ims-image-copy-runtime.js: run `npm run build` first.
 */
import { cpus } from "os";
import { spawnSync } from "child_process";
import { completionReport, runCompletionBench } from "./completion";
import { SHAPES } from "./progress-shapes";
import { fleetTable, runFleetBench } from "./fleet";
import { runSeedsBench, seedsReport } from "./fresh-seeds";
import { runStartupBench, startupTable } from "./startup";
import { runSynthBench, synthTable } from "./synth";

export const BENCHMARKS = [
  "completion",
  "completion-heldout",
  "completion-seeds",
  "startup",
  "synth",
  "fleet",
] as const;

export type BenchName = (typeof BENCHMARKS)[number];

export interface BenchArgs {
  readonly quick: boolean;
  readonly only: readonly BenchName[];
}

/** Parses `--quick` and benchmark names; throws naming an unknown argument. */
export function parseBenchArgs(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): BenchArgs {
  let quick = env.BENCH_QUICK === "1";
  const only: BenchName[] = [];
  for (const arg of argv) {
    if (arg === "--quick") quick = true;
    else if ((BENCHMARKS as readonly string[]).includes(arg)) only.push(arg as BenchName);
    else
      throw new Error(
        `Unknown benchmark argument "${arg}": use --quick and/or benchmark names (${BENCHMARKS.join(", ")}).`,
      );
  }
  return { quick, only: only.length > 0 ? only : [...BENCHMARKS] };
}

/** Runs one benchmark and returns its markdown section. */
export async function runBenchmark(
  name: BenchName,
  quick: boolean,
  log: (line: string) => void = () => undefined,
): Promise<string> {
  switch (name) {
    case "completion": {
      const { rows, runs } = await runCompletionBench(
        quick ? { durationsSeconds: [120], emulatorDurationsSeconds: [30, 120], seeds: 2 } : {},
      );
      return `## Completion detection\n\n${completionReport(rows, runs)}`;
    }
    case "completion-heldout": {
      const shapes = SHAPES.filter((s) => s.set === "held-out");
      const { rows, runs } = await runCompletionBench({
        shapes,
        emulatorCurves: [],
        ...(quick ? { durationsSeconds: [120], seeds: 2 } : {}),
      });
      return `## Completion detection, held-out shapes only\n\n${completionReport(rows, runs)}`;
    }
    case "completion-seeds": {
      const report = await runSeedsBench(
        quick ? { durationsSeconds: [120], emulatorDurationsSeconds: [30, 120], seeds: 2 } : {},
      );
      return `## Completion detection on fresh seeds\n\n${seedsReport(report)}`;
    }
    case "startup":
      return `## Start-up\n\n${startupTable(await runStartupBench({ runs: quick ? 3 : 21 }))}`;
    case "synth":
      return `## Synthesis at scale\n\n${synthTable(runSynthBench(quick ? { copies: 20, runs: 1, validatedCopies: 0 } : { copies: 1000, runs: 3, validatedCopies: 50 }))}`;
    case "fleet":
      // BENCH_FLEET_BUNDLE: ship another runtime bundle (e.g. built from a patched checkout) instead of the current sources.
      return `## Fleet apply\n\n${fleetTable(await runFleetBench({ ...(quick ? { copies: 3, jobSeconds: 2 } : {}), log, bundle: process.env.BENCH_FLEET_BUNDLE || undefined }))}`;
  }
}

function version(cmd: string, args: readonly string[]): string {
  const r = spawnSync(cmd, [...args], {
    encoding: "utf8",
    env: { ...process.env, CHECKPOINT_DISABLE: "1", TF_CLI_CONFIG_FILE: "/dev/null" },
  });
  return r.status === 0 ? r.stdout.split("\n")[0].trim() : "not found";
}

export function machineNotes(): string {
  const cpu = cpus();
  return `Machine: ${cpu.length} CPUs (${cpu[0]?.model ?? "unknown"}), node ${process.version}, ${version("terraform", ["version"])}, ${process.platform}/${process.arch}`;
}

async function main(): Promise<void> {
  const args = parseBenchArgs(process.argv.slice(2));
  console.log(`# Benchmarks${args.quick ? " (quick)" : ""}\n\n${machineNotes()}\n`);
  for (const name of args.only) {
    const started = Date.now();
    console.error(`running ${name}...`);
    console.log(await runBenchmark(name, args.quick, (line) => console.error(line)));
    console.log(`\n(${name}: ${((Date.now() - started) / 1000).toFixed(0)} s)\n`);
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.stack : String(error));
    process.exit(1);
  });
}
