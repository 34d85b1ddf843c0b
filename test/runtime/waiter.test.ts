import { exponentialDelay, fixedDelay } from "../../lib/runtime/poll-strategy";
import { waitUntil, type Check } from "../../lib/runtime/waiter";
import { FakeClock } from "./fake-clock";

/** A check that returns the given results in order, spending `costMs` of fake time per call. */
function scripted<T>(
  clock: FakeClock,
  results: Check<T>[],
  costMs = 0,
): (attempt: number) => Promise<Check<T>> {
  let i = 0;
  return async () => {
    clock.advance(costMs);
    const r = results[Math.min(i, results.length - 1)];
    i++;
    return r;
  };
}

describe("waitUntil", () => {
  test("it returns success with the value, the attempts and the elapsed time, after the exact delays", async () => {
    const clock = new FakeClock(1_000_000);
    const outcome = await waitUntil({
      check: scripted(clock, [{ done: false }, { done: false }, { done: "success", value: "img" }]),
      delay: fixedDelay(1500),
      timeoutMs: 60_000,
      now: clock.now,
      sleep: clock.sleep,
    });
    expect(outcome).toEqual({ state: "success", value: "img", attempts: 3, elapsedMs: 3000 });
    expect(clock.sleeps).toEqual([1500, 1500]);
  });

  test("GIVEN delayFirst THEN the first check comes after the strategy's delay for attempt 0, and the attempts still count checks", async () => {
    const clock = new FakeClock();
    const asked: number[] = [];
    const outcome = await waitUntil({
      check: scripted(clock, [{ done: false }, { done: "success", value: "img" }]),
      delay: {
        nextDelayMs: ({ attempt }) => {
          asked.push(attempt);
          return attempt === 0 ? 4500 : 9000;
        },
      },
      delayFirst: true,
      timeoutMs: 60_000,
      now: clock.now,
      sleep: clock.sleep,
    });
    expect(outcome).toEqual({ state: "success", value: "img", attempts: 2, elapsedMs: 13_500 });
    expect(asked).toEqual([0, 1]);
    expect(clock.sleeps).toEqual([4500, 9000]);
  });

  test("it returns failure with the failing value", async () => {
    const clock = new FakeClock();
    const outcome = await waitUntil({
      check: scripted(clock, [{ done: false }, { done: "failure", value: { code: "IMG.0061" } }]),
      delay: fixedDelay(1000),
      timeoutMs: 10_000,
      now: clock.now,
      sleep: clock.sleep,
    });
    expect(outcome).toEqual({ state: "failure", value: { code: "IMG.0061" }, attempts: 2, elapsedMs: 1000 });
  });

  test("GIVEN a 10 s budget and 4 s delays WHEN the check never finishes THEN the last sleep is shortened to the deadline, one last check runs there, and the outcome is timeout with the last value", async () => {
    const clock = new FakeClock();
    const outcome = await waitUntil<number>({
      check: async (attempt) => ({ done: false, value: attempt * 10 }),
      delay: fixedDelay(4000),
      timeoutMs: 10_000,
      now: clock.now,
      sleep: clock.sleep,
    });
    expect(clock.sleeps).toEqual([4000, 4000, 2000]);
    expect(outcome).toEqual({ state: "timeout", last: 40, attempts: 4, elapsedMs: 10_000 });
  });

  test("time spent inside checks counts against the budget", async () => {
    const clock = new FakeClock();
    const outcome = await waitUntil({
      check: scripted(clock, [{ done: false }], 700),
      delay: fixedDelay(1000),
      timeoutMs: 5000,
      now: clock.now,
      sleep: clock.sleep,
    });
    // checks end at 700, 2400, 4100, then the sleep is cut to 900 and the last check ends at 5700.
    expect(clock.sleeps).toEqual([1000, 1000, 900]);
    expect(outcome).toEqual({ state: "timeout", last: undefined, attempts: 4, elapsedMs: 5700 });
  });

  test("exponential delays grow from the minimum and stop at the maximum", async () => {
    const clock = new FakeClock();
    await waitUntil({
      check: scripted(clock, [
        { done: false },
        { done: false },
        { done: false },
        { done: false },
        { done: false },
        { done: "success", value: 1 },
      ]),
      delay: exponentialDelay({ minDelayMs: 1000, maxDelayMs: 5000 }),
      timeoutMs: 60_000,
      now: clock.now,
      sleep: clock.sleep,
    });
    expect(clock.sleeps).toEqual([1000, 2000, 4000, 5000, 5000]);
  });

  test("a signal aborted before the first check gives aborted without calling check", async () => {
    const clock = new FakeClock();
    const check = jest.fn(async (): Promise<Check<number>> => ({ done: false }));
    const outcome = await waitUntil({
      check,
      delay: fixedDelay(1000),
      timeoutMs: 5000,
      now: clock.now,
      sleep: clock.sleep,
      signal: AbortSignal.abort(),
    });
    expect(outcome).toEqual({ state: "aborted", last: undefined, attempts: 0, elapsedMs: 0 });
    expect(check).not.toHaveBeenCalled();
  });

  test("an abort during a sleep ends the wait with aborted and the last value", async () => {
    const clock = new FakeClock();
    const controller = new AbortController();
    const outcome = await waitUntil<string>({
      check: async () => ({ done: false, value: "RUNNING" }),
      delay: fixedDelay(1000),
      timeoutMs: 60_000,
      now: clock.now,
      sleep: async (ms) => {
        await clock.sleep(ms);
        if (clock.sleeps.length === 2) controller.abort();
      },
      signal: controller.signal,
    });
    expect(outcome).toEqual({ state: "aborted", last: "RUNNING", attempts: 2, elapsedMs: 2000 });
  });

  test("a sleep that rejects because of the abort also gives aborted", async () => {
    const clock = new FakeClock();
    const controller = new AbortController();
    const outcome = await waitUntil({
      check: async () => ({ done: false }),
      delay: fixedDelay(1000),
      timeoutMs: 60_000,
      now: clock.now,
      sleep: async () => {
        controller.abort();
        throw new Error("sleep aborted");
      },
      signal: controller.signal,
    });
    expect(outcome.state).toBe("aborted");
  });

  test("onProgress gets each unfinished check's attempt, elapsed time, value and progress", async () => {
    const clock = new FakeClock();
    const seen: unknown[] = [];
    await waitUntil<string>({
      check: scripted(clock, [
        { done: false, value: "INIT", progress: 0 },
        { done: false, value: "RUNNING", progress: 0.5 },
        { done: "success", value: "SUCCESS" },
      ]),
      delay: fixedDelay(2000),
      timeoutMs: 60_000,
      now: clock.now,
      sleep: clock.sleep,
      onProgress: (p) => seen.push(p),
    });
    expect(seen).toEqual([
      { attempt: 1, elapsedMs: 0, value: "INIT", progress: 0 },
      { attempt: 2, elapsedMs: 2000, value: "RUNNING", progress: 0.5 },
    ]);
  });

  test("an error thrown by the check ends the wait with that error", async () => {
    const clock = new FakeClock();
    await expect(
      waitUntil({
        check: async () => Promise.reject(new Error("boom")),
        delay: fixedDelay(1000),
        timeoutMs: 5000,
        now: clock.now,
        sleep: clock.sleep,
      }),
    ).rejects.toThrow("boom");
  });

  test.each([
    [-1, "timeoutMs -1 is invalid: it must be a finite number of milliseconds of at least 0."],
    [Number.NaN, "timeoutMs NaN is invalid: it must be a finite number of milliseconds of at least 0."],
    [
      Number.POSITIVE_INFINITY,
      "timeoutMs Infinity is invalid: it must be a finite number of milliseconds of at least 0.",
    ],
  ])("a timeout of %p is refused with the value in the message", async (timeoutMs, message) => {
    const clock = new FakeClock();
    await expect(
      waitUntil({
        check: async () => ({ done: false }),
        delay: fixedDelay(1000),
        timeoutMs,
        now: clock.now,
        sleep: clock.sleep,
      }),
    ).rejects.toThrow(message);
  });

  test("a strategy returning a negative delay is refused with the value in the message", async () => {
    const clock = new FakeClock();
    await expect(
      waitUntil({
        check: async () => ({ done: false }),
        delay: { nextDelayMs: () => -5 },
        timeoutMs: 5000,
        now: clock.now,
        sleep: clock.sleep,
      }),
    ).rejects.toThrow(
      "delay -5 is invalid: it must be a finite number of milliseconds of at least 0 (returned by the delay strategy).",
    );
  });
});
