/**
 * The small pieces of the steps, in-process: progress spacing, tag reconciliation, job records,
 * secret scrubbing. No network, no real sleeps.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "fs";
import { join } from "path";
import { secretScrubber } from "../../lib/runtime/process-guard";
import {
  jobRecordPath,
  readJobRecord,
  removeJobRecord,
  writeJobRecord,
} from "../../lib/runtime/steps/job-record";
import { formatElapsed, ProgressPrinter } from "../../lib/runtime/steps/progress";
import { writeResultFile } from "../../lib/runtime/steps/result-file";
import { desiredTags, tagChanges } from "../../lib/runtime/steps/tags";
import { MARKER_TAG_KEY } from "../../lib/shared/constants";
import { markerFor, removeDir, tempDir } from "./support/runtime";

describe("progress lines", () => {
  test("elapsed times read as seconds, minutes and hours", () => {
    expect([0, 7_400, 125_000, 3_723_000].map(formatElapsed)).toEqual(["0s", "7s", "2m05s", "1h02m03s"]);
  });

  test("a waiting line is printed at most once per interval, counted from the start of the wait", () => {
    let now = 0;
    const lines: string[] = [];
    const printer = new ProgressPrinter({ write: (l) => lines.push(l), now: () => now, label: "stack/copy" });
    printer.start();
    for (const t of [5_000, 29_999, 30_000, 45_000, 59_999, 60_000, 61_000]) {
      now = t;
      printer.tick("job j", { status: "RUNNING", progress: t / 100_000, elapsedMs: t });
    }
    expect(lines).toEqual([
      "[stack/copy] job j: RUNNING 30% elapsed 30s",
      "[stack/copy] job j: RUNNING 60% elapsed 1m00s",
    ]);
  });
});

describe("tags", () => {
  test("the desired tags are the user's plus the marker", () => {
    expect(desiredTags({ team: "web" }, { key: MARKER_TAG_KEY, value: "m" })).toEqual([
      { key: MARKER_TAG_KEY, value: "m" },
      { key: "team", value: "web" },
    ]);
  });

  test("reconciliation deletes unknown keys and writes only missing or changed ones", () => {
    const current = [
      { key: "team", value: "web" },
      { key: "old", value: "x" },
      { key: "env", value: "prod" },
    ];
    const desired = [
      { key: "team", value: "web" },
      { key: "env", value: "test" },
      { key: "new", value: "" },
    ];
    expect(tagChanges(current, desired)).toEqual({
      removed: [{ key: "old", value: "x" }],
      written: [
        { key: "env", value: "test" },
        { key: "new", value: "" },
      ],
    });
  });
});

describe("job records and result files", () => {
  let dir: string;
  beforeEach(() => (dir = tempDir("ims-units-")));
  afterEach(() => removeDir(dir));

  test("a record is written, read back and removed; no temporary file is left behind", () => {
    const marker = markerFor("a");
    const record = { version: 1 as const, marker, sourceImageId: "s", name: "n", jobId: "j", submittedAt: 1 };
    writeJobRecord(dir, record);
    expect(readJobRecord(dir, marker, () => undefined)).toEqual(record);
    expect(readdirSync(join(dir, "jobs"))).toEqual([`${marker}.json`]);
    removeJobRecord(dir, marker);
    expect(readJobRecord(dir, marker, () => undefined)).toBeUndefined();
  });

  test("a corrupt record is ignored with a warning, never trusted", () => {
    const marker = markerFor("b");
    mkdirSync(join(dir, "jobs"));
    writeFileSync(jobRecordPath(dir, marker), "{not json");
    const warnings: string[] = [];
    expect(readJobRecord(dir, marker, (w) => warnings.push(w))).toBeUndefined();
    expect(warnings).toEqual([expect.stringMatching(/^ignoring unreadable job record .*\.json: /)]);

    writeFileSync(
      jobRecordPath(dir, marker),
      JSON.stringify({
        version: 1,
        marker: markerFor("other"),
        sourceImageId: "s",
        name: "n",
        jobId: "j",
        submittedAt: 1,
      }),
    );
    expect(readJobRecord(dir, marker, (w) => warnings.push(w))).toBeUndefined();
    expect(warnings[1]).toBe(
      `ignoring job record ${jobRecordPath(dir, marker)}: it is not a record of marker ${marker}`,
    );
  });

  test("the result file is relative to the stack directory and holds only the image ID", () => {
    const path = writeResultFile(".ims-image-copy/results/x.json", dir, "img");
    expect(path).toBe(join(dir, ".ims-image-copy/results/x.json"));
    expect(readFileSync(path, "utf8")).toBe('{"image_id":"img"}\n');
  });
});

describe("secret scrubbing", () => {
  test("every credential value of the environment is replaced, whichever variable holds it", () => {
    const scrub = secretScrubber({
      HW_ACCESS_KEY: "AKAKAKAK",
      HUAWEICLOUD_SDK_SK: "sksksksksk",
      HW_SECURITY_TOKEN: "tok-tok-tok",
      OTHER: "visible",
    });
    expect(scrub("a AKAKAKAK b sksksksksk c tok-tok-tok d visible")).toBe(
      "a [redacted] b [redacted] c [redacted] d visible",
    );
  });

  test("without credentials the text is unchanged", () => {
    expect(secretScrubber({})("AKAKAKAK")).toBe("AKAKAKAK");
  });
});
