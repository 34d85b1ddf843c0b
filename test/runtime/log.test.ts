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
    loggerFromEnv({ IMS_COPY_DEBUG: "1" }, "IMS_COPY_DEBUG", (l) => lines.push(l)).debug("hello");
    loggerFromEnv({ IMS_COPY_DEBUG: "true" }, "IMS_COPY_DEBUG", (l) => lines.push(l)).debug("ignored");
    loggerFromEnv({}, "IMS_COPY_DEBUG", (l) => lines.push(l)).debug("ignored");
    expect(lines).toEqual(["[ims-image-copy] hello"]);
  });
});
