import { runShapeJob } from "../../bench/completion";
import { shapeNamed } from "../../bench/progress-shapes";
import { traceJob } from "../../bench/trace";

describe("npm run bench:trace", () => {
  test("GIVEN a benchmark job THEN it prints each poll the strategy made and the lag, for the same job the benchmark runs", async () => {
    const text = await traceJob(["stuck-at-1", "300", "nearest", "11"]);
    const run = await runShapeJob(shapeNamed("stuck-at-1"), 300, "nearest", 11, "ours");
    const polls = text.split("\n").filter((line) => /^#\d+ at /.test(line));
    expect(polls).toHaveLength(run.calls - 1);
    expect(text).toContain(`${run.calls} polls`);
    expect(text).toContain(`SUCCESS seen ${(run.lagMs / 1000).toFixed(1)} s after the job ended`);
    // The create step waits before its first poll of a job it has just submitted.
    expect(text.split("\n")[1]).toBe("submitted: first poll in 9.5 s");
    expect(polls[0]).toMatch(/^#1 at 9\.\d s: 1 %, next poll in 9\.\d s$/);
  });

  test.each([
    [["linear"], "Usage: npm run bench:trace -- <shape> <seconds> [nearest|down] [seed]"],
    [["linear", "300", "up"], 'Unknown rounding "up": use nearest or down.'],
    [["nope", "300"], 'Unknown progress shape "nope"'],
  ])("GIVEN %p THEN it says what is wrong", async (args, message) => {
    await expect(traceJob(args)).rejects.toThrow(message);
  });
});
