import { exponentialDelay, fixedDelay } from "../../lib/runtime/poll-strategy";

describe("fixed and exponential delays", () => {
  test("a fixed delay is the same every time", () => {
    const s = fixedDelay(2500);
    expect([1, 2, 3].map((attempt) => s.nextDelayMs({ attempt, elapsedMs: 0 }))).toEqual([2500, 2500, 2500]);
  });

  test("the exponential delay doubles from minDelayMs and is capped at maxDelayMs", () => {
    const s = exponentialDelay({ minDelayMs: 1000, maxDelayMs: 10_000 });
    expect([1, 2, 3, 4, 5, 6].map((attempt) => s.nextDelayMs({ attempt, elapsedMs: 0 }))).toEqual([
      1000, 2000, 4000, 8000, 10_000, 10_000,
    ]);
  });

  test.each([
    [() => fixedDelay(0), "delayMs 0 is invalid: it must be a finite number of milliseconds greater than 0."],
    [
      () => exponentialDelay({ minDelayMs: 10, maxDelayMs: 5 }),
      "maxDelayMs 5 is invalid: it must be at least minDelayMs (10).",
    ],
    [
      () => exponentialDelay({ minDelayMs: -1 }),
      "minDelayMs -1 is invalid: it must be a finite number of milliseconds greater than 0.",
    ],
    [
      () => exponentialDelay({ factor: 0.5 }),
      "factor 0.5 is invalid: it must be a finite number of at least 1.",
    ],
  ])("bad options are refused with the value and the rule (%#)", (make, message) => {
    expect(make).toThrow(message);
  });
});
