#!/usr/bin/env node
/**
 * `ims-emulator [--host 127.0.0.1] [--port 8090] [--seed FILE] [--job-seconds N]`
 *
 * Starts the IMS emulator. The first stdout line is exactly
 * `ims-emulator listening on http://HOST:PORT` (scripts wait for it); then the emulator's test
 * credentials (public test values from defaults.ts, not real credentials). SIGINT/SIGTERM stop
 * it cleanly (exit 0). Bad flags: one line on stderr, exit 2.
 */
import {
  EMULATOR_ACCESS_KEY,
  EMULATOR_DEFAULT_HOST,
  EMULATOR_DEFAULT_PORT,
  EMULATOR_SECRET_KEY,
} from "./defaults";
import { ImsEmulator } from "./index";
import { loadSeedFile } from "./seed";
import type { EmulatorOptions } from "./types";

const USAGE = "usage: ims-emulator [--host 127.0.0.1] [--port 8090] [--seed FILE] [--job-seconds N]";

class UsageError extends Error {}

export interface CliArgs {
  readonly host: string;
  readonly port: number;
  readonly seedFile?: string;
  readonly jobSeconds?: number;
  readonly help: boolean;
}

/** Parses argv (without node and script); throws UsageError naming the flag and the rule. */
export function parseArgs(argv: readonly string[]): CliArgs {
  let host = EMULATOR_DEFAULT_HOST;
  let port = EMULATOR_DEFAULT_PORT;
  let seedFile: string | undefined;
  let jobSeconds: number | undefined;
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const eq = arg.indexOf("=");
    const flag = arg.startsWith("--") && eq > 0 ? arg.slice(0, eq) : arg;
    const inline = arg.startsWith("--") && eq > 0 ? arg.slice(eq + 1) : undefined;
    const value = (): string => {
      if (inline !== undefined) return inline;
      const next = argv[++i];
      if (next === undefined || next.startsWith("--"))
        throw new UsageError(`${flag} needs a value. ${USAGE}`);
      return next;
    };
    switch (flag) {
      case "--host":
        host = value();
        if (host === "") throw new UsageError(`--host must not be empty. ${USAGE}`);
        break;
      case "--port": {
        const raw = value();
        if (!/^\d+$/.test(raw) || Number(raw) > 65535)
          throw new UsageError(`--port "${raw}" is invalid: use an integer 0..65535 (0 picks a free port).`);
        port = Number(raw);
        break;
      }
      case "--seed":
        seedFile = value();
        break;
      case "--job-seconds": {
        const raw = value();
        if (!/^\d+(\.\d+)?$/.test(raw))
          throw new UsageError(`--job-seconds "${raw}" is invalid: use a number of seconds >= 0.`);
        jobSeconds = Number(raw);
        break;
      }
      case "--help":
      case "-h":
        help = true;
        break;
      default:
        throw new UsageError(`Unknown argument "${arg}". ${USAGE}`);
    }
  }
  return {
    host,
    port,
    help,
    ...(seedFile !== undefined ? { seedFile } : {}),
    ...(jobSeconds !== undefined ? { jobSeconds } : {}),
  };
}

async function main(): Promise<void> {
  let args: CliArgs;
  let options: EmulatorOptions;
  try {
    args = parseArgs(process.argv.slice(2));
    if (args.help) {
      process.stdout.write(`${USAGE}\n`);
      return;
    }
    options = {
      host: args.host,
      port: args.port,
      ...(args.seedFile !== undefined ? { seed: loadSeedFile(args.seedFile) } : {}),
      ...(args.jobSeconds !== undefined ? { jobSeconds: args.jobSeconds } : {}),
    };
  } catch (err) {
    process.stderr.write(`ims-emulator: ${(err as Error).message}\n`);
    process.exitCode = 2;
    return;
  }
  const emulator = new ImsEmulator(options);
  let url: string;
  try {
    url = await emulator.start();
  } catch (err) {
    process.stderr.write(
      `ims-emulator: cannot listen on ${args.host}:${args.port}: ${(err as Error).message}. Pick another --port.\n`,
    );
    process.exitCode = 1;
    return;
  }
  process.stdout.write(
    [
      `ims-emulator listening on ${url}`,
      `region: ${emulator.region}  project_id: ${emulator.projectId}`,
      `access key: ${EMULATOR_ACCESS_KEY}`,
      `secret key: ${EMULATOR_SECRET_KEY} (a public test value of the emulator, not a real credential)`,
      `test routes: ${url}/_emulator/images, /_emulator/jobs, /_emulator/requests`,
      "",
    ].join("\n"),
  );
  const shutdown = (): void => {
    emulator.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        process.stderr.write(`ims-emulator: error while stopping: ${(err as Error).message}\n`);
        process.exit(1);
      },
    );
  };
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
}

if (require.main === module) {
  void main();
}
