#!/usr/bin/env node
/**
 * `ims-image-copy`: the standalone command line. `copy` submits an in-region copy and waits,
 * `status` shows a job, `delete` deletes an image and waits until it is gone. Progress goes to
 * stderr, results to stdout (`--json` for a JSON object). One top-level handler: one readable line
 * on stderr, an exit code from `ExitCode`, stack traces only with IMS_COPY_DEBUG=1, and every
 * credential value scrubbed from anything printed.
 */
import { ExitCode } from "../shared/constants";
import { ImsClient } from "./client";
import { DEBUG_ENV } from "./config";
import { copyImageAndWait, resumeWait, type CopyResult } from "./copy";
import { exitCodeFor, waitAborted, waitTimedOut } from "./errors";
import { parseCli, USAGE, type CliCommand } from "./cli-args";
import { loggerFromEnv } from "./log";
import { forwardAbort, keepTlsVerification, secretScrubber, trapSignals } from "./process-guard";
import { abortableSleep } from "./steps/context";
import { formatElapsed, ProgressPrinter } from "./steps/progress";

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
  const parsed = parseCli(argv);
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
  const controller = new AbortController();
  const release = io.signal
    ? forwardAbort(io.signal, controller)
    : trapSignals(
        controller,
        (why) => stderr(`ims-image-copy: ${why}: stopping; the service keeps working on any submitted job`),
        "the shell that started it",
      );
  try {
    keepTlsVerification(env, (line) => stderr(`ims-image-copy: warning: ${line}`));
    const now = io.now ?? Date.now;
    // Debug lines go through the same scrubbing as everything else printed.
    const client = ImsClient.fromEnv(
      env,
      {},
      { now, sleep: io.sleep ?? abortableSleep, logger: loggerFromEnv(env, DEBUG_ENV, stderr) },
    );
    await run(command, client, {
      stdout,
      stderr,
      now,
      signal: controller.signal,
      progressIntervalMs: io.progressIntervalMs ?? 10_000,
    });
    return ExitCode.OK;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const code = exitCodeFor(error);
    stderr(
      code === ExitCode.INTERNAL
        ? `ims-image-copy: unexpected error: ${message}. This is a bug: please report it.`
        : `ims-image-copy: ${message}`,
    );
    if (env[DEBUG_ENV] === "1" && error instanceof Error && error.stack) stderr(error.stack);
    return code;
  } finally {
    release();
  }
}

interface RunIo {
  readonly stdout: (line: string) => void;
  readonly stderr: (line: string) => void;
  readonly now: () => number;
  readonly signal: AbortSignal;
  readonly progressIntervalMs: number;
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
      const timeoutMs = command.timeoutMinutes * MINUTE_MS;
      const onProgress = (p: { status?: string; percent?: number; elapsedMs: number }): void =>
        progress.tick("copying", { status: p.status, progress: p.percent, elapsedMs: p.elapsedMs });
      // Safe re-runs: a copy of the same source with the same name that is still usable (or on
      // its way) is adopted instead of copying again.
      const existing = await findExistingCopy(client, command.sourceImageId, command.name);
      let result: CopyResult;
      if (existing) {
        progress.line(
          `found an existing copy of ${command.sourceImageId} named ${JSON.stringify(command.name)}: image ${existing.id} (${existing.status}); not copying again`,
        );
        progress.start();
        result = await resumeWait(
          client,
          { imageId: existing.id },
          { timeoutMs, signal: io.signal, onProgress },
        );
      } else
        result = await copyImageAndWait(client, {
          sourceImageId: command.sourceImageId,
          body: {
            name: command.name,
            ...(command.description !== undefined ? { description: command.description } : {}),
            ...(command.kmsKeyId !== undefined ? { cmk_id: command.kmsKeyId } : {}),
            ...(command.enterpriseProjectId !== undefined
              ? { enterprise_project_id: command.enterpriseProjectId }
              : {}),
          },
          timeoutMs,
          signal: io.signal,
          onSubmitted: (s) => {
            progress.line(
              s.jobId
                ? `copy submitted: job ${s.jobId}`
                : `copy found after an interrupted submission: image ${s.imageId}`,
            );
            progress.start();
          },
          onProgress,
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

const ADOPTABLE_STATUSES = new Set(["queued", "saving", "active"]);

async function findExistingCopy(
  client: ImsClient,
  sourceImageId: string,
  name: string,
): Promise<{ id: string; status: string } | undefined> {
  const images = await client.listImages({ name, __imagetype: "private" });
  const match = images.find(
    (image) => image.__originalimagename === sourceImageId && ADOPTABLE_STATUSES.has(image.status),
  );
  return match ? { id: match.id, status: match.status } : undefined;
}

function version(): string {
  // Resolved at run time so the bundled CLI and the compiled one report the same thing.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require("../../package.json") as { version: string }).version;
}

if (require.main === module) {
  void runCli(process.argv.slice(2)).then((code) => process.exit(code));
}
