/**
 * Malformed or hostile API responses reach the create step (in-process `runHandler`, real HTTP):
 * each gives ONE clear line on stderr naming the call and what was wrong, a non-zero exit code,
 * no stack trace, and no second copy. Emulator faults shape IMS-like answers; a raw server sends
 * what the emulator cannot (a body that is not JSON, a huge body).
 */
import { createServer, type Server } from "http";
import type { AddressInfo } from "net";
import { ImsEmulator, SeedImage } from "../../lib/emulator";
import { runHandler } from "../../lib/runtime/handler";
import { ExitCode, RuntimeEnv } from "../../lib/shared/constants";
import { emulatorEnv, markerFor, removeDir, tempDir, TEST_RESOURCE_ID } from "../handler/support/runtime";

let clock: number;
let emulator: ImsEmulator;
let url: string;
let cwd: string;

beforeAll(async () => {
  clock = Date.now();
  emulator = new ImsEmulator({ now: () => clock, jobSeconds: 10 });
  url = await emulator.start();
});

afterAll(() => emulator.stop());

beforeEach(() => {
  emulator.reset();
  cwd = tempDir("ims-hostile-");
});

afterEach(() => removeDir(cwd));

interface Run {
  readonly code: number;
  readonly stdout: string[];
  readonly stderr: string[];
}

async function create(endpoint: string): Promise<Run> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await runHandler(["create"], {
    env: {
      ...emulatorEnv(endpoint),
      [RuntimeEnv.SOURCE_IMAGE_ID]: SeedImage.ACTIVE_PRIVATE,
      [RuntimeEnv.NAME]: "hostile-copy",
      [RuntimeEnv.MARKER]: markerFor("hostile"),
      [RuntimeEnv.RESOURCE_ID]: TEST_RESOURCE_ID,
      [RuntimeEnv.RESULT_FILE]: "result.json",
      [RuntimeEnv.CREATE_TIMEOUT_MINUTES]: "5",
    },
    cwd,
    stdout: (l) => stdout.push(l),
    stderr: (l) => stderr.push(l),
    now: () => clock,
    sleep: async (ms) => {
      clock += ms;
    },
    signal: new AbortController().signal,
  });
  return { code, stdout, stderr };
}

/** One line, the step's prefix, no stack frame. */
function expectOneClearLine(run: Run, pattern: RegExp): void {
  expect(run.code).not.toBe(ExitCode.OK);
  expect(run.stderr).toHaveLength(1);
  expect(run.stderr[0]).toMatch(/^ims-image-copy create failed: /);
  expect(run.stderr[0]).toMatch(pattern);
  expect(run.stderr.join("\n")).not.toMatch(/\n\s+at /);
}

describe("hostile IMS answers (emulator faults)", () => {
  test("a copy answer without job_id is a clear error and no second copy is submitted", async () => {
    emulator.addFault({ method: "POST", path: "/copy$", status: 200, body: { unexpected: true } });

    const run = await create(url);

    expectOneClearLine(
      run,
      /IMS copy image failed: the copy was accepted but the body has no "job_id" \(request ID [0-9a-f]+\)\. This looks like an API change or a faulty proxy/,
    );
    expect(emulator.requests().filter((r) => r.method === "POST" && r.path.endsWith("/copy"))).toHaveLength(
      1,
    );
  });

  test("a job that succeeds without entities.image_id is a clear error naming the job", async () => {
    emulator.addFault({
      method: "GET",
      // Both job routes: the wait asks GET /v1/cloudimages/job/{id} and falls back to /v1/{project}/jobs/{id}.
      path: "^/v1/([^/]+/jobs|cloudimages/job)/",
      status: 200,
      body: {
        job_id: "0123456789abcdef0123456789abcdef",
        job_type: "imsCopyImageInRegionJob",
        status: "SUCCESS",
        entities: {},
      },
    });

    const run = await create(url);

    expectOneClearLine(
      run,
      /IMS show job failed: job [0-9a-f]{32} succeeded but names no image ID \(entities\.image_id\)/,
    );
  });

  test.each([
    ["a 302 redirect", 302, /IMS list images failed: HTTP 302 \(request ID/],
    ["a 418", 418, /IMS list images failed: HTTP 418 \(request ID/],
    ["a 200 whose body is a JSON string", 200, /IMS list images failed: the body has no "images" array/],
  ])("a lookup answered with %s is a clear error, not a crash", async (_what, status, expected) => {
    emulator.addFault({ method: "GET", path: "^/v2/cloudimages$", status, body: "surprise" });

    const run = await create(url);

    expectOneClearLine(run, expected);
    expect(emulator.jobs()).toHaveLength(0);
  });
});

describe("a hostile server", () => {
  let server: Server;
  let hostileUrl: string;
  let answer: (res: import("http").ServerResponse) => void;

  beforeAll(async () => {
    server = createServer((req, res) => {
      req.resume();
      req.on("end", () => answer(res));
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    hostileUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  test("a 200 body that is not JSON is a clear error", async () => {
    answer = (res) => {
      res.writeHead(200, { "Content-Type": "text/html" });
      res.end("<html>login page of a captive portal</html>");
    };

    const run = await create(hostileUrl);

    expectOneClearLine(
      run,
      /IMS list images failed: the response body is not JSON \(starts with "<html>login page.*\)\. Check that the endpoint is an IMS\/IAM endpoint/,
    );
  });

  test("a huge body is cut off with a clear error instead of filling memory", async () => {
    answer = (res) => {
      res.writeHead(200, { "Content-Type": "application/json" });
      const chunk = "x".repeat(1024 * 1024);
      res.write('{"images":["');
      for (let i = 0; i < 64; i++) res.write(chunk);
      res.end('"]}');
    };

    const run = await create(hostileUrl);

    expectOneClearLine(run, /IMS list images failed: the response body is larger than 8388608 bytes/);
  });

  test("an error status with an HTML body keeps the status in the message", async () => {
    answer = (res) => {
      res.writeHead(503, { "Content-Type": "text/html" });
      res.end("<html>Service Unavailable</html>");
    };

    const run = await create(hostileUrl);

    expectOneClearLine(
      run,
      /IMS list images failed: HTTP 503\. The service had an internal error: run again later/,
    );
  });
});
