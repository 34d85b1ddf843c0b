import { loggerFromEnv, redactHeaders } from "../../lib/runtime/log";

describe("debug logging", () => {
  test("Authorization and X-Security-Token are redacted, whatever their case", () => {
    expect(
      redactHeaders({
        Authorization: "SDK-HMAC-SHA256 Access=AK, Signature=abc",
        "x-security-token": "TOKEN",
        "X-Sdk-Date": "20261122T000000Z",
        "X-Project-Id": "p",
      }),
    ).toEqual({
      Authorization: "[redacted]",
      "x-security-token": "[redacted]",
      "X-Sdk-Date": "20261122T000000Z",
      "X-Project-Id": "p",
    });
  });

  test("the logger writes only when IMS_COPY_DEBUG=1", () => {
    const lines: string[] = [];
    const at = () => Date.UTC(2026, 11, 3, 17, 58, 1, 250);
    loggerFromEnv({ IMS_COPY_DEBUG: "1" }, "IMS_COPY_DEBUG", (l) => lines.push(l), at).debug("hello");
    loggerFromEnv({ IMS_COPY_DEBUG: "true" }, "IMS_COPY_DEBUG", (l) => lines.push(l)).debug("ignored");
    loggerFromEnv({}, "IMS_COPY_DEBUG", (l) => lines.push(l)).debug("ignored");
    // Each line carries its time, so a log of a real copy can be replayed (bench/replay.ts).
    expect(lines).toEqual(["[ims-image-copy] 2026-12-03T17:58:01.250Z hello"]);
  });
});
