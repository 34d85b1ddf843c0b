/**
 * The submission lock of the create step (lib/runtime/steps/submit-lock.ts): one submitter per
 * directory and marker; a waiting process ends its wait when the holder's job record appears; a
 * lock whose holder is gone is taken over.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { dirname, join } from "path";
import { clearStaleSubmitLock, submitLockPath, takeSubmitLock } from "../../lib/runtime/steps/submit-lock";
import { WaitAbortedError } from "../../lib/runtime/errors";

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), "ims-lock-"))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));
const noSleep = (): Promise<void> => Promise.resolve();

describe("submission lock", () => {
  test("the first taker holds it (its PID in the file) until it releases it; a second release does nothing", async () => {
    const path = submitLockPath(dir, "m");
    const lock = await takeSubmitLock(path, noSleep, async () => undefined);
    if (!("release" in lock)) throw new Error("not taken");
    expect(readFileSync(path, "utf8")).toBe(`${process.pid}\n`);
    lock.release();
    expect(existsSync(path)).toBe(false);
    writeFileSync(path, "12345\n");
    lock.release();
    expect(existsSync(path)).toBe(true);
  });

  test("while a live process holds it, a second taker waits and ends its wait with what the holder recorded", async () => {
    const path = submitLockPath(dir, "m");
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, `${process.pid}\n`);
    let looks = 0;
    const result = await takeSubmitLock(path, noSleep, async () => (++looks === 3 ? "job-1" : undefined));
    expect(result).toEqual({ found: "job-1" });
    expect(looks).toBe(3);
    expect(readFileSync(path, "utf8")).toBe(`${process.pid}\n`);
  });

  test("a lock whose holder is gone is taken over, and cleared by a finished step", async () => {
    const path = submitLockPath(dir, "m");
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, "2147483646\n");
    clearStaleSubmitLock(path);
    expect(existsSync(path)).toBe(false);
    writeFileSync(path, "2147483646\n");
    const lock = await takeSubmitLock(path, noSleep, async () => undefined);
    expect("release" in lock).toBe(true);
    expect(readFileSync(path, "utf8")).toBe(`${process.pid}\n`);
  });

  test("an interrupt ends the wait with an interruption", async () => {
    const path = submitLockPath(dir, "m");
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, `${process.pid}\n`);
    const controller = new AbortController();
    controller.abort();
    await expect(
      takeSubmitLock(path, noSleep, async () => undefined, controller.signal),
    ).rejects.toBeInstanceOf(WaitAbortedError);
  });
});
