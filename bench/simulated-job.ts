/**
 * A copy job on a simulated clock, answering the job polls of `waitForJob` (lib/runtime/copy.ts)
 * without HTTP: INIT (progress 0) for `initMs`, RUNNING for `runMs` showing a progress shape in
 * whole percents, then SUCCESS. Each poll takes a seeded 20-200 ms of simulated time, half before
 * the job is read and half after, as a request over the network would.
 */
import type { ImsClient, Job } from "../lib/runtime/client";
import { shownPercent, type Rounding } from "./progress-shapes";
import type { SimClock } from "./support/sim-clock";

export interface SimulatedJobSpec {
  readonly initMs: number;
  readonly runMs: number;
  /** True progress at fraction f of the running time. */
  readonly progressAt: (f: number) => number;
  readonly rounding: Rounding;
}

export class SimulatedJob {
  /** When each poll started (simulated clock). */
  readonly pollStarts: number[] = [];
  /** When the poll that saw SUCCESS returned. */
  detectedAt?: number;
  readonly submittedAt: number;

  constructor(
    private readonly clock: SimClock,
    private readonly spec: SimulatedJobSpec,
    private readonly random: () => number,
  ) {
    this.submittedAt = clock.now();
  }

  get endsAt(): number {
    return this.submittedAt + this.spec.initMs + this.spec.runMs;
  }

  /** The job as the service shows it at `t`. */
  stateAt(t: number): Job {
    const running = t - this.submittedAt - this.spec.initMs;
    const status = running < 0 ? "INIT" : running < this.spec.runMs ? "RUNNING" : "SUCCESS";
    const processPercent =
      status === "INIT"
        ? 0
        : status === "SUCCESS"
          ? 1
          : shownPercent(this.spec.progressAt(running / this.spec.runMs), this.spec.rounding);
    return { jobId: "simulated", status, processPercent, raw: { status, process_percent: processPercent } };
  }

  private async poll(): Promise<Job> {
    this.pollStarts.push(this.clock.now());
    const latencyMs = 20 + Math.floor(this.random() * 180);
    this.clock.advance(latencyMs / 2);
    const job = this.stateAt(this.clock.now());
    this.clock.advance(latencyMs / 2);
    if (job.status === "SUCCESS") this.detectedAt ??= this.clock.now();
    return job;
  }

  /**
   * The part of the IMS client that `waitForJob` uses (the job routes and the clock), so the
   * benchmark drives the same loop the create step runs.
   */
  asClient(): ImsClient {
    const source = {
      showJobProgress: () => this.poll(),
      showJob: () => this.poll(),
      now: this.clock.now,
      sleep: this.clock.sleep,
    };
    return source as unknown as ImsClient;
  }
}
