import { spawnSync } from "child_process";
import { fleetTable, requestKind, runFleetBench, summarizeFailures } from "../../bench/fleet";

const hasTerraform = spawnSync("sh", ["-c", "command -v terraform"]).status === 0;
if (!hasTerraform) console.warn("terraform is NOT on PATH: the fleet benchmark test is SKIPPED.");
const testWithTerraform = hasTerraform ? test : test.skip;

jest.setTimeout(180_000);

describe("the fleet benchmark", () => {
  testWithTerraform(
    "on a small size a real terraform apply makes every copy exactly once under injected 503s and prints the tables",
    async () => {
      const result = await runFleetBench({ copies: 3, jobSeconds: 2, faultProbability: 0.1 });

      expect(result.failure).toBeUndefined();
      expect(result.allSucceeded).toBe(true);
      expect(result.copiesFound).toBe(3);
      expect(result.duplicates).toBe(0);
      expect(result.jobs).toBe(3);
      expect(result.callsPerCopy).toBeGreaterThan(0);
      const table = fleetTable(result);
      expect(table).toContain("| every copy succeeded (apply exit 0, all images active) | 3 of 3 | PASS |");
      // The verdict is the goal applied to the measured ratio (the ratio itself depends on the machine).
      expect(result.pass).toBe(result.ratio <= 1.3);
      expect(table).toContain(
        `| wall / ideal | ${result.ratio.toFixed(2)}x | ${result.ratio <= 1.3 ? "PASS" : "FAIL"} |`,
      );
      expect(table).toContain("| POST copy | 3 | 1.00 |");
      // The same run judged against the goal of at most 1.3x the ideal, on either side of it.
      expect(fleetTable({ ...result, ratio: 1.3 })).toContain("| wall / ideal | 1.30x | PASS |");
      expect(fleetTable({ ...result, ratio: 1.31 })).toContain("| wall / ideal | 1.31x | FAIL |");
    },
  );

  test("requests are grouped by what they were for", () => {
    expect(requestKind({ method: "POST", path: "/v1/cloudimages/abc/copy" })).toBe("POST copy");
    expect(requestKind({ method: "GET", path: "/v1/p/jobs/j1" })).toBe("GET job");
    expect(requestKind({ method: "GET", path: "/v1/cloudimages/job/j1" })).toBe("GET job");
    expect(requestKind({ method: "GET", path: "/v2/cloudimages" })).toBe("GET images");
    expect(requestKind({ method: "POST", path: "/v2/p/images/i/tags/action" })).toBe("POST tags");
    expect(requestKind({ method: "PATCH", path: "/v2/cloudimages/i" })).toBe("PATCH image");
  });
});

describe("the fleet benchmark's failure summary", () => {
  test("groups the runtime's errors by message and drops request IDs", () => {
    const output = [
      "Output: ims-image-copy create failed: IMS copy image failed: HTTP 400",
      "IMG.0060: too many (request ID",
      "8a397eb527b5c9a3a3f51d09e4aa6533). wait",
      "",
      "Output: ims-image-copy create failed: IMS copy image failed: HTTP 400",
      "IMG.0060: too many (request ID",
      "fcde54d506bff39ee35f633582b743e3). wait",
      "",
    ].join("\n");
    expect(summarizeFailures(output)).toBe(
      '2 x "create failed: IMS copy image failed: HTTP 400 IMG.0060: too many (request ID ...). wait"',
    );
  });
});
