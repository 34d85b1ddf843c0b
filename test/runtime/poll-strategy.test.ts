import { exponentialDelay, fixedDelay, progressPredictingDelay } from "../../lib/runtime/poll-strategy";
import { waitUntil } from "../../lib/runtime/waiter";
import { FakeClock } from "./fake-clock";

describe("fixed and exponential delays", () => {
  test("a fixed delay is the same every time", () => {
    const s = fixedDelay(2500);
    expect([1, 2, 3].map((attempt) => s.nextDelayMs({ attempt, elapsedMs: 0 }))).toEqual([2500, 2500, 2500]);
  });

  test("the exponential delay doubles from minDelayMs and is capped at maxDelayMs", () => {
    const s = exponentialDelay({ minDelayMs: 1000, maxDelayMs: 10_000 });
    expect([1, 2, 3, 4, 5, 6].map((attempt) => s.nextDelayMs({ attempt, elapsedMs: 0 }))).toEqual([1000, 2000, 4000, 8000, 10_000, 10_000]);
  });

  test("the defaults poll at most once per second", () => {
    expect(exponentialDelay().nextDelayMs({ attempt: 1, elapsedMs: 0 })).toBe(1000);
    expect(progressPredictingDelay().nextDelayMs({ attempt: 1, elapsedMs: 0 })).toBe(1000);
  });

  test.each([
    [() => fixedDelay(0), "delayMs [0] must be a finite number of milliseconds greater than 0."],
    [() => exponentialDelay({ minDelayMs: 10, maxDelayMs: 5 }), "maxDelayMs [5] must be at least minDelayMs [10]."],
    [() => exponentialDelay({ minDelayMs: -1 }), "minDelayMs [-1] must be a finite number of milliseconds greater than 0."],
    [() => exponentialDelay({ factor: 0.5 }), "factor [0.5] must be a finite number of at least 1."],
    [() => progressPredictingDelay({ jumpThreshold: 0 }), "jumpThreshold [0] must be greater than 0 and at most 1."],
    [() => progressPredictingDelay({ window: 1 }), "window [1] must be an integer of at least 2."],
  ])("bad options are refused with the value and the rule (%#)", (make, message) => {
    expect(make).toThrow(message);
  });
});

describe("the progress-predicting delay", () => {
  const opts = { minDelayMs: 1000, maxDelayMs: 30_000 };

  test("with a steady rate it polls at the predicted end of the job", () => {
    const s = progressPredictingDelay(opts);
    expect(s.nextDelayMs({ attempt: 1, elapsedMs: 0, progress: 0.1 })).toBe(1000); // one point: no rate yet
    // 0.1 per 1000 ms, 0.8 left -> 8000 ms
    expect(s.nextDelayMs({ attempt: 2, elapsedMs: 1000, progress: 0.2 })).toBe(8000);
    // over the window: 0.5 in 9000 ms, 0.4 left -> 7200 ms
    expect(s.nextDelayMs({ attempt: 3, elapsedMs: 9000, progress: 0.6 })).toBe(7200);
  });

  test("the prediction is clamped to [minDelayMs, maxDelayMs]", () => {
    const s = progressPredictingDelay(opts);
    s.nextDelayMs({ attempt: 1, elapsedMs: 0, progress: 0 });
    expect(s.nextDelayMs({ attempt: 2, elapsedMs: 10_000, progress: 0.01 })).toBe(30_000); // 990 s predicted
    const fast = progressPredictingDelay(opts);
    fast.nextDelayMs({ attempt: 1, elapsedMs: 0, progress: 0.5 });
    expect(fast.nextDelayMs({ attempt: 2, elapsedMs: 1000, progress: 0.99 })).toBe(1000); // 20 ms predicted
  });

  test("when progress stalls it backs off exponentially, and a rate again restarts the prediction", () => {
    const s = progressPredictingDelay(opts);
    s.nextDelayMs({ attempt: 1, elapsedMs: 0, progress: 0.2 });
    expect(s.nextDelayMs({ attempt: 2, elapsedMs: 1000, progress: 0.3 })).toBe(7000);
    expect(s.nextDelayMs({ attempt: 3, elapsedMs: 8000, progress: 0.3 })).toBe(1000);
    expect(s.nextDelayMs({ attempt: 4, elapsedMs: 9000, progress: 0.3 })).toBe(2000);
    expect(s.nextDelayMs({ attempt: 5, elapsedMs: 11_000, progress: 0.3 })).toBe(4000);
    // moves again: rate over the window (0.2 at 0 -> 0.4 at 15000) = 0.2/15000, 0.6 left -> 45000, capped
    expect(s.nextDelayMs({ attempt: 6, elapsedMs: 15_000, progress: 0.4 })).toBe(30_000);
  });

  test("without progress it is capped exponential backoff", () => {
    const s = progressPredictingDelay({ minDelayMs: 500, maxDelayMs: 3000 });
    expect([1, 2, 3, 4, 5].map((attempt) => s.nextDelayMs({ attempt, elapsedMs: attempt * 1000 }))).toEqual([500, 1000, 2000, 3000, 3000]);
  });

  test("progress going backwards or jumping past the threshold is not trusted as a rate", () => {
    const s = progressPredictingDelay(opts);
    s.nextDelayMs({ attempt: 1, elapsedMs: 0, progress: 0.4 });
    expect(s.nextDelayMs({ attempt: 2, elapsedMs: 1000, progress: 0.5 })).toBe(5000);
    expect(s.nextDelayMs({ attempt: 3, elapsedMs: 6000, progress: 0.2 })).toBe(1000); // backwards: history restarts
    expect(s.nextDelayMs({ attempt: 4, elapsedMs: 7000, progress: 0.9 })).toBe(2000); // jump of 0.7
    expect(s.nextDelayMs({ attempt: 5, elapsedMs: 8000, progress: 0.95 })).toBe(1000); // 0.05/1000ms, 0.05 left -> 1000
  });

  test("at 100 % but not yet finished it polls again after minDelayMs", () => {
    const s = progressPredictingDelay(opts);
    s.nextDelayMs({ attempt: 1, elapsedMs: 0, progress: 0.8 });
    expect(s.nextDelayMs({ attempt: 2, elapsedMs: 4000, progress: 1 })).toBe(1000);
  });

  test("GIVEN a job that advances 10 % per second WHEN waiting with the predictor THEN it polls near the predicted end instead of every second", async () => {
    const clock = new FakeClock();
    const delays: number[] = [];
    const outcome = await waitUntil<number>({
      // the job ends at 10 s; progress is linear
      check: async () => {
        const p = Math.min(1, clock.now() / 10_000);
        return p >= 1 ? { done: "success", value: p } : { done: false, value: p, progress: p };
      },
      delay: {
        nextDelayMs: (() => {
          const inner = progressPredictingDelay({ minDelayMs: 1000, maxDelayMs: 60_000 });
          return (o: Parameters<typeof inner.nextDelayMs>[0]) => {
            const d = inner.nextDelayMs(o);
            delays.push(d);
            return d;
          };
        })(),
      },
      timeoutMs: 60_000,
      now: clock.now,
      sleep: clock.sleep,
    });
    expect(delays).toEqual([1000, 9000]);
    expect(outcome).toEqual({ state: "success", value: 1, attempts: 3, elapsedMs: 10_000 });
  });
});
