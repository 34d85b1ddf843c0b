/**
 * Progress lines of the apply-time runtime, printed on stdout (Terraform shows them prefixed with
 * `(local-exec):`). One line when a copy is submitted or resumed, then at most one line per
 * interval while waiting, then the result. Never prints credentials: only IDs, statuses, times.
 */

/** Default spacing of the lines printed while waiting. */
export const PROGRESS_INTERVAL_MS = 30_000;

export interface ProgressPrinterOptions {
  /** Writes one line (without trailing newline). */
  readonly write: (line: string) => void;
  readonly now: () => number;
  /** @default PROGRESS_INTERVAL_MS */
  readonly intervalMs?: number;
  /** Prefix of every line, e.g. the construct path. @default "ims-image-copy" */
  readonly label?: string;
}

export interface WaitTick {
  readonly status?: string;
  /** 0..1 */
  readonly progress?: number;
  readonly elapsedMs: number;
}

/** Formats a duration as `1h02m03s`, `2m05s` or `7s`. */
export function formatElapsed(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const pad = (n: number): string => String(n).padStart(2, "0");
  if (h > 0) return `${h}h${pad(m)}m${pad(s)}s`;
  if (m > 0) return `${m}m${pad(s)}s`;
  return `${s}s`;
}

export class ProgressPrinter {
  private readonly write: (line: string) => void;
  private readonly now: () => number;
  private readonly intervalMs: number;
  private readonly label: string;
  private lastTickAt: number | undefined;

  constructor(options: ProgressPrinterOptions) {
    this.write = options.write;
    this.now = options.now;
    this.intervalMs = options.intervalMs ?? PROGRESS_INTERVAL_MS;
    this.label = options.label ?? "ims-image-copy";
  }

  /** Any one-off line (submission, adoption, result). */
  line(text: string): void {
    this.write(`[${this.label}] ${text}`);
  }

  /**
   * A waiting line, printed only when `intervalMs` has passed since the last one (the first is
   * printed once `intervalMs` has passed since `start()`).
   */
  tick(what: string, tick: WaitTick): void {
    const now = this.now();
    if (this.lastTickAt !== undefined && now - this.lastTickAt < this.intervalMs) return;
    if (this.lastTickAt === undefined) {
      this.lastTickAt = now;
      return;
    }
    this.lastTickAt = now;
    const parts = [`${what}:`];
    parts.push(tick.status ?? "waiting");
    if (tick.progress !== undefined && Number.isFinite(tick.progress))
      parts.push(`${Math.round(tick.progress * 100)}%`);
    parts.push(`elapsed ${formatElapsed(tick.elapsedMs)}`);
    this.line(parts.join(" "));
  }

  /** Starts the interval clock of `tick` (called when a wait begins). */
  start(): void {
    this.lastTickAt = this.now();
  }
}
