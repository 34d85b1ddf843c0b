/**
 * A local emulator of the Huawei Cloud IMS subset this library uses (in-region copy, jobs, image
 * list/show/patch/delete, tags, quota) and the IAM project lookup, on one loopback HTTP server
 * that verifies SDK-HMAC-SHA256 signatures, with fault injection and test-only routes
 * (`/_emulator/...`, see admin-routes.ts).
 *
 * ```ts
 * const emulator = new ImsEmulator({ jobSeconds: 2 });
 * const url = await emulator.start();          // http://127.0.0.1:<port>
 * // ... point HW_IMS_ENDPOINT / HW_IAM_ENDPOINT at `url`, sign with EMULATOR_ACCESS_KEY/SECRET_KEY
 * await emulator.stop();
 * ```
 */
import { createServer, type Server } from "http";
import type { AddressInfo } from "net";
import { CredentialStore } from "./auth";
import { applyBehaviour, DEFAULT_BEHAVIOUR } from "./behaviour";
import { FaultSet } from "./faults";
import type { EmulatorCore } from "./routes";
import { resolveSeed } from "./seed";
import { createHandler } from "./server";
import { EmulatorState } from "./state";
import type {
  EmulatedImage,
  EmulatedJob,
  EmulatorBehaviour,
  EmulatorOptions,
  EmulatorSeed,
  FaultRule,
  ImagePatch,
  RequestLogEntry,
} from "./types";

export * from "./types";
export * from "./defaults";
export { loadSeedFile, defaultSeedImages } from "./seed";
export { DEFAULT_BEHAVIOUR } from "./behaviour";
export {
  jobStateAt,
  progressAt,
  PROGRESS_CURVES,
  PROGRESS_ROUNDINGS,
  type ProgressCurve,
  type ProgressRounding,
  type JobTimeline,
  type JobState,
} from "./job-model";
export { verifyGatewaySignature, GATEWAY_CLOCK_WINDOW_MS } from "./signature";
export type { GatewayVerdict, ReceivedRequest } from "./signature";

/** Entries kept in the request log (oldest dropped first). */
export const REQUEST_LOG_LIMIT = 10_000;

export class ImsEmulator {
  private readonly initialBehaviour: EmulatorBehaviour;
  private currentBehaviour: EmulatorBehaviour;
  private state: EmulatorState;
  private credentials: CredentialStore;
  private readonly seed: EmulatorSeed;
  private readonly faultSet: FaultSet;
  private log: RequestLogEntry[] = [];
  private server?: Server;
  private baseUrl?: string;
  private readonly clock: () => number;
  private readonly authClock: () => number;
  private readonly core: EmulatorCore;

  constructor(private readonly options: EmulatorOptions = {}) {
    this.initialBehaviour = applyBehaviour(DEFAULT_BEHAVIOUR, options as Record<string, unknown>, true);
    this.currentBehaviour = this.initialBehaviour;
    if (
      options.port !== undefined &&
      (!Number.isInteger(options.port) || options.port < 0 || options.port > 65535)
    ) {
      throw new Error(
        `Emulator option "port" = ${JSON.stringify(options.port)} is invalid: it must be an integer 0..65535 (0 picks a free port).`,
      );
    }
    this.seed = options.seed ?? {};
    this.clock = options.now ?? Date.now;
    this.authClock = options.authNow ?? Date.now;
    this.faultSet = new FaultSet(options.randomSeed ?? 1);
    this.state = new EmulatorState(this.seed, () => this.currentBehaviour);
    this.credentials = new CredentialStore(resolveSeed(this.seed).credentials);
    const currentState = (): EmulatorState => this.state;
    this.core = {
      get state() {
        return currentState();
      },
      behaviour: () => this.currentBehaviour,
      now: () => this.clock(),
      faults: this.faultSet,
      requests: () => this.requests(),
      reset: () => this.reset(),
      configure: (change) => this.configure(change),
      setImage: (id, patch) => this.setImage(id, patch),
    };
  }

  /** Starts listening; resolves with the base URL (IMS and IAM on the same server). */
  async start(): Promise<string> {
    if (this.baseUrl) return this.baseUrl;
    const host = this.options.host ?? "127.0.0.1";
    const server = createServer(
      createHandler({
        core: this.core,
        credentials: () => this.credentials,
        authNow: this.authClock,
        record: (entry) => {
          this.log.push(entry);
          if (this.log.length > REQUEST_LOG_LIMIT) this.log.splice(0, this.log.length - REQUEST_LOG_LIMIT);
        },
        delay: this.options.delay ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
      }),
    );
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(this.options.port ?? 0, host, () => {
        server.off("error", reject);
        resolve();
      });
    });
    this.server = server;
    const { port } = server.address() as AddressInfo;
    this.baseUrl = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
    return this.baseUrl;
  }

  /** Stops the server and drops open connections. Safe to call twice. */
  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    this.baseUrl = undefined;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }

  /** Base URL; throws when the emulator is not started. */
  get url(): string {
    if (!this.baseUrl) throw new Error("The IMS emulator is not started: await emulator.start() first.");
    return this.baseUrl;
  }

  get region(): string {
    return this.state.region;
  }

  get projectId(): string {
    return this.state.projectId;
  }

  /** Every image (wire form plus emulator state), as of the emulator clock now. */
  images(): EmulatedImage[] {
    this.state.advance(this.clock());
    return this.state.imageSnapshots();
  }

  /** Every copy job with its status and progress now. */
  jobs(): EmulatedJob[] {
    this.state.advance(this.clock());
    return this.state.jobSnapshots(this.clock());
  }

  /** The request log of IMS/IAM routes (oldest first). */
  requests(): RequestLogEntry[] {
    return this.log.map((e) => ({ ...e }));
  }

  /** Adds a fault rule; returns its id. Throws naming the bad field. */
  addFault(rule: FaultRule): string {
    return this.faultSet.add(rule);
  }

  clearFaults(): void {
    this.faultSet.clear();
  }

  /** Back to the seed: images, jobs, faults, request log and behaviour flags. */
  reset(): void {
    this.currentBehaviour = this.initialBehaviour;
    this.state = new EmulatorState(this.seed, () => this.currentBehaviour);
    this.credentials = new CredentialStore(resolveSeed(this.seed).credentials);
    this.faultSet.clear();
    this.log = [];
  }

  /** Changes an image for a test (protected, member status, status, attributes, tags). */
  setImage(id: string, patch: ImagePatch): void {
    this.state.advance(this.clock());
    this.state.setImage(id, patch, this.clock());
  }

  /** Changes behaviour flags at run time; returns the new flags. Throws naming a bad flag. */
  configure(change: Partial<EmulatorBehaviour> | Record<string, unknown>): EmulatorBehaviour {
    this.currentBehaviour = applyBehaviour(this.currentBehaviour, change as Record<string, unknown>);
    return this.currentBehaviour;
  }

  /** Current behaviour flags. */
  behaviour(): EmulatorBehaviour {
    return this.currentBehaviour;
  }
}
