/** A manual clock for waiter and retry tests: `sleep` records the delay and advances time; no real timers. */
export class FakeClock {
  private t: number;
  readonly sleeps: number[] = [];
  constructor(start = 0) {
    this.t = start;
  }
  readonly now = (): number => this.t;
  readonly sleep = async (ms: number): Promise<void> => {
    this.sleeps.push(ms);
    this.t += ms;
  };
  /** Forgets the recorded sleeps (between tests sharing one clock). */
  clearSleeps(): void {
    this.sleeps.length = 0;
  }
  advance(ms: number): void {
    this.t += ms;
  }
}
