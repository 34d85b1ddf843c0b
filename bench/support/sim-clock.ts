/** A simulated clock shared by the emulator and the client: `sleep` advances time, no real timers. */
export class SimClock {
  private t: number;
  constructor(start: number) {
    this.t = start;
  }
  readonly now = (): number => this.t;
  readonly sleep = async (ms: number): Promise<void> => {
    this.t += ms;
  };
  advance(ms: number): void {
    this.t += ms;
  }
}
