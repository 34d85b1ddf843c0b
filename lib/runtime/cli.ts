#!/usr/bin/env node
/**
 * `ims-image-copy`: the standalone command line. `copy` submits an in-region copy and waits,
 * `status` shows a job, `delete` deletes an image and waits until it is gone. Progress goes to
 * stderr, results to stdout (`--json` for a JSON object). One top-level handler: one readable line
 * on stderr, an exit code from `ExitCode`, stack traces only with IMS_COPY_DEBUG=1, and every
 * credential value scrubbed from anything printed.
 */
import { ExitCode } from "../shared/constants";
import { ImsClient, type Image } from "./client";
import { ALLOW_INSECURE_HTTP_ENV, DEBUG_ENV, pollFromEnv } from "./config";
import { carriesNoMarker, copyImageAndWait, copyRequestOf, type ResumeTarget } from "./copy";
import { isDead, notACopyOf, pickPreferred } from "./images";
import { waitAborted, waitTimedOut } from "./errors";
import { parseCli, USAGE, type CliCommand } from "./cli-args";
import { loggerFromEnv } from "./log";
import { runGuarded, secretScrubber } from "./process-guard";
import { realSleep } from "./waiter";
import { formatElapsed, ProgressPrinter } from "./steps/progress";
import type { PollTuning } from "./poll-strategy";

export interface CliIo {
  readonly env: NodeJS.ProcessEnv;
  readonly stdout: (line: string) => void;
  readonly stderr: (line: string) => void;
  readonly now: () => number;
  readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Interrupt signal; when absent, SIGINT/SIGTERM of this process abort the wait. */
  readonly signal?: AbortSignal;
  /** Spacing of progress lines while waiting. @default 10000 */
  readonly progressIntervalMs?: number;
}

const MINUTE_MS = 60_000;

/** Runs the CLI and returns its exit code; never throws. */
export async function runCli(argv: readonly string[], io: Partial<CliIo> = {}): Promise<number> {
  const env = io.env ?? process.env;
  const scrub = secretScrubber(env);
  const stdout = (line: string): void =>
    (io.stdout ?? ((l: string) => void process.stdout.write(l + "\n")))(scrub(line));
  const stderr = (line: string): void =>
    (io.stderr ?? ((l: string) => void process.stderr.write(l + "\n")))(scrub(line));
  const parsed = parseCli(argv, { allowInsecureHttp: env[ALLOW_INSECURE_HTTP_ENV] === "1" });
  if (!parsed.ok) {
    stderr(`ims-image-copy: ${parsed.problem}`);
    stderr("Run 'ims-image-copy --help' for usage.");
    return ExitCode.USAGE;
  }
  const command = parsed.command;
  if (command.kind === "help") {
    stdout(USAGE);
    return ExitCode.OK;
  }
  if (command.kind === "version") {
    stdout(version());
    return ExitCode.OK;
  }
  const now = io.now ?? Date.now;
  return runGuarded(
    {
      env,
      stderr,
      warn: (line) => stderr(`ims-image-copy: warning: ${line}`),
      signal: io.signal,
      parentName: "the shell that started it",
      interrupted: (why) =>
        `ims-image-copy: ${why}: stopping; the service keeps working on any submitted job`,
      report: (message, internal) =>
        internal
          ? `ims-image-copy: unexpected error: ${message}. This is a bug: please report it.`
          : `ims-image-copy: ${message}`,
    },
    async (signal) => {
      // Debug lines go through the same scrubbing as everything else printed.
      const client = ImsClient.fromEnv(env, command.target, {
        now,
        sleep: io.sleep ?? realSleep,
        logger: loggerFromEnv(env, DEBUG_ENV, stderr),
      });
      await run(command, client, {
        stdout,
        stderr,
        now,
        signal,
        poll: pollFromEnv(env),
        progressIntervalMs: io.progressIntervalMs ?? 10_000,
      });
    },
  );
}

interface RunIo {
  readonly stdout: (line: string) => void;
  readonly stderr: (line: string) => void;
  readonly now: () => number;
  readonly signal: AbortSignal;
  readonly progressIntervalMs: number;
  /** The job wait's poll tuning (IMS_COPY_POLL_SECONDS); undefined for the default strategy. */
  readonly poll?: PollTuning;
}

async function run(
  command: Exclude<CliCommand, { kind: "help" | "version" }>,
  client: ImsClient,
  io: RunIo,
): Promise<void> {
  const progress = new ProgressPrinter({ write: io.stderr, now: io.now, intervalMs: io.progressIntervalMs });
  switch (command.kind) {
    case "copy": {
      const started = io.now();
      progress.start();
      const result = await copyImageAndWait(client, {
        ...copyRequestOf(command),
        timeoutMs: command.timeoutMinutes * MINUTE_MS,
        signal: io.signal,
        poll: io.poll,
        finders: [() => unmarkedCopy(client, command.sourceImageId, command.name, progress)],
        onProgress: (p) =>
          progress.tick("copying", { status: p.status, progress: p.percent, elapsedMs: p.elapsedMs }),
        hooks: {
          line: (text) => progress.line(text),
          warn: (text) => io.stderr(`ims-image-copy: warning: ${text}`),
        },
      });
      progress.line(`copy finished in ${formatElapsed(io.now() - started)}: image ${result.imageId}`);
      io.stdout(
        command.json
          ? JSON.stringify({
              image_id: result.imageId,
              job_id: result.jobId ?? null,
              adopted: result.adopted,
            })
          : result.imageId,
      );
      return;
    }
    case "status": {
      const job = await client.showJob(command.jobId);
      if (command.json) {
        io.stdout(JSON.stringify(job.raw));
        return;
      }
      const parts = [`job ${job.jobId}: ${job.status}`];
      if (job.processPercent !== undefined) parts.push(`${Math.round(job.processPercent * 100)}%`);
      if (job.imageId) parts.push(`image ${job.imageId}`);
      if (job.errorCode || job.failReason)
        parts.push(`error ${job.errorCode ?? "-"}: ${job.failReason ?? "-"}`);
      io.stdout(parts.join(", "));
      return;
    }
    case "delete": {
      const outcome = await client.deleteImage(command.imageId);
      if (outcome === "already-gone") {
        progress.line(`image ${command.imageId} does not exist (already deleted)`);
      } else {
        progress.line(`delete accepted for image ${command.imageId}; waiting until it is gone`);
        const wait = await client.waitImageDeleted(command.imageId, {
          timeoutMs: command.timeoutMinutes * MINUTE_MS,
          signal: io.signal,
        });
        if (wait.state === "timeout")
          throw waitTimedOut(
            "the image to be deleted",
            undefined,
            command.imageId,
            command.timeoutMinutes * MINUTE_MS,
          );
        if (wait.state === "aborted")
          throw waitAborted("the image to be deleted", undefined, command.imageId);
      }
      io.stdout(
        command.json
          ? JSON.stringify({
              image_id: command.imageId,
              deleted: true,
              already_gone: outcome === "already-gone",
            })
          : command.imageId,
      );
      return;
    }
  }
}

/**
 * The CLI's re-run rule (see USAGE): a copy of the same source with the same name, not deleted or
 * killed, that carries no marker tag of the construct (those belong to a Terraform state).
 */
async function unmarkedCopy(
  client: ImsClient,
  sourceImageId: string,
  name: string,
  progress: ProgressPrinter,
): Promise<ResumeTarget | undefined> {
  const images = (await client.listImages({ name, __imagetype: "private" })).filter(
    (image) => image.name === name && !isDead(image) && notACopyOf(image, sourceImageId) === undefined,
  );
  const unmarked: Image[] = [];
  for (const image of images) if (await carriesNoMarker(client, image.id)) unmarked.push(image);
  if (unmarked.length === 0) return undefined;
  const chosen = pickPreferred(unmarked);
  progress.line(
    `found an existing copy of ${sourceImageId} named ${JSON.stringify(name)}: image ${chosen.id} (${chosen.status}); not copying again`,
  );
  return { imageId: chosen.id };
}

function version(): string {
  // Resolved at run time so the bundled CLI and the compiled one report the same thing.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require("../../package.json") as { version: string }).version;
}

if (require.main === module) {
  void runCli(process.argv.slice(2)).then((code) => process.exit(code));
}
