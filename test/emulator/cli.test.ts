import { spawn, spawnSync } from "child_process";
import { join } from "path";
import { createInterface } from "readline";
import { EMULATOR_ACCESS_KEY } from "../../lib/emulator/defaults";
import { parseArgs } from "../../lib/emulator/cli";
import { removeDir, tempDir } from "../handler/support/runtime";
import { bundleForNode } from "../support/node-bundle";
import { call } from "./helpers";

const ROOT = join(__dirname, "..", "..");
let dir: string;
/** `node <the ims-emulator command, bundled from lib/emulator/cli.ts>`. */
let NODE_ARGS: string[];
beforeAll(() => {
  dir = tempDir("ims-emulator-bin-");
  NODE_ARGS = [bundleForNode("lib/emulator/cli.ts", dir)];
});
afterAll(() => removeDir(dir));

describe("the ims-emulator command", () => {
  test("its first line announces the URL; it serves signed requests and exits 0 on SIGTERM", async () => {
    const child = spawn(process.execPath, [...NODE_ARGS, "--port", "0", "--job-seconds", "1"], {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "pipe"],
    });
    const lines = createInterface({ input: child.stdout! });
    const received: string[] = [];
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    try {
      // Resolves once the banner reaches the access-key line.
      const banner = await new Promise<string[]>((resolve, reject) => {
        lines.on("line", (line) => {
          received.push(line);
          if (line.startsWith("access key:")) resolve(received);
        });
        child.on("exit", (code) =>
          reject(new Error(`ims-emulator exited with ${code} before printing its banner`)),
        );
      });
      const first = banner[0];
      expect(first).toMatch(/^ims-emulator listening on http:\/\/127\.0\.0\.1:\d+$/);
      expect(banner).toContain(`access key: ${EMULATOR_ACCESS_KEY}`);
      const url = first.replace("ims-emulator listening on ", "");
      const res = await call(url, "GET", "/v3/projects?name=cn-north-4");
      expect(res.status).toBe(200);
    } finally {
      child.kill("SIGTERM");
    }
    expect(await exited).toBe(0);
  });

  test("a bad flag prints one line on stderr and exits 2", () => {
    const result = spawnSync(process.execPath, [...NODE_ARGS, "--port", "abc"], {
      cwd: ROOT,
      encoding: "utf8",
    });
    expect(result.status).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe(
      'ims-emulator: --port "abc" is invalid: use an integer 0..65535 (0 picks a free port).\n',
    );
  });

  test("the argument parser accepts --flag value and --flag=value and refuses unknown arguments", () => {
    expect(
      parseArgs(["--host", "0.0.0.0", "--port=9000", "--seed", "s.json", "--job-seconds", "2.5"]),
    ).toEqual({
      host: "0.0.0.0",
      port: 9000,
      seedFile: "s.json",
      jobSeconds: 2.5,
      help: false,
    });
    expect(parseArgs([])).toEqual({ host: "127.0.0.1", port: 8090, help: false });
    expect(() => parseArgs(["--verbose"])).toThrow(
      'Unknown argument "--verbose". usage: ims-emulator [--host 127.0.0.1] [--port 8090] [--seed FILE] [--job-seconds N]',
    );
    expect(() => parseArgs(["--seed"])).toThrow("--seed needs a value.");
    expect(() => parseArgs(["--job-seconds", "-1"])).toThrow(
      '--job-seconds "-1" is invalid: use a number of seconds >= 0.',
    );
    expect(() => parseArgs(["--job-seconds", "soon"])).toThrow(
      '--job-seconds "soon" is invalid: use a number of seconds >= 0.',
    );
  });

  test("a missing seed file is reported on stderr with exit 2", () => {
    const result = spawnSync(process.execPath, [...NODE_ARGS, "--seed", "/nonexistent/seed.json"], {
      cwd: ROOT,
      encoding: "utf8",
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(
      /^ims-emulator: Cannot read the seed file \/nonexistent\/seed\.json: ENOENT/,
    );
  });
});
