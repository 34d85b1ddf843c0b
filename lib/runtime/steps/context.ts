/**
 * What every step receives: the environment, the working directory (the Terraform stack
 * directory), output writers, a clock, an abortable sleep and the interrupt signal. Built once by
 * `runHandler`; tests build their own.
 */
export interface StepContext {
  readonly env: NodeJS.ProcessEnv;
  /** Working directory: relative paths (result file, state dir) are resolved against it. */
  readonly cwd: string;
  /** Writes one progress line to stdout. */
  readonly out: (line: string) => void;
  /** Writes one warning line to stderr. */
  readonly warn: (line: string) => void;
  /**
   * Writes one debug line (IMS_COPY_DEBUG=1) to stderr, with credentials scrubbed: a response
   * body may echo them. Absent: the client's default debug writer.
   */
  readonly debug?: (line: string) => void;
  readonly now: () => number;
  /** Resolves after `ms`, or early when `signal` aborts. */
  readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Aborted on SIGINT/SIGTERM: waits stop promptly, local records are kept. */
  readonly signal: AbortSignal;
}
