import {
  MAX_USER_TAGS,
  checkDescription,
  checkEndpoint,
  checkEnterpriseProjectId,
  checkImageId,
  checkJobId,
  checkMarker,
  checkName,
  checkProjectId,
  checkRegion,
  checkRemovalPolicy,
  checkTagKey,
  checkTagValue,
  checkTags,
  checkTimeoutMinutes,
  checkTimeoutMinutesText,
  displayValue,
  invalidValueMessage,
  isLoopbackHost,
  normalizeEndpoint,
} from "../../lib/shared/rules";
import {
  DESCRIPTION_RULE,
  ENDPOINT_RULE,
  NAME_RULE,
  TAG_KEY_RULE,
  TAG_VALUE_RULE,
  TIMEOUT_RULE,
} from "../support/rule-wording";

const UUID_EXAMPLE = "6f0a2b34-1c5d-4e7f-8a9b-0c1d2e3f4a5b";

describe("shared rules (used by the construct, the runtime and the CLI)", () => {
  test("image names: 1 to 128 letters, digits, Chinese characters, '-', '_', '.' and inner spaces", () => {
    for (const ok of ["a", "web-base_v1.2 copy", "镜像 副本", "x".repeat(128), `${"汉".repeat(128)}`])
      expect(checkName(ok)).toBeUndefined();
    expect(checkName("x".repeat(129))).toBe(`it has 129 characters; ${NAME_RULE}`);
    expect(checkName(`${"汉".repeat(129)}`)).toBe(`it has 129 characters; ${NAME_RULE}`);
    expect(checkName("")).toBe(`it is empty; ${NAME_RULE}`);
    expect(checkName(" web")).toBe(`it starts with a space; ${NAME_RULE}`);
    expect(checkName("web ")).toBe(`it ends with a space; ${NAME_RULE}`);
    expect(checkName("é")).toBe(`it contains "é" (U+00E9); ${NAME_RULE}`);
    expect(checkName("a😀")).toBe(`it contains "😀" (U+1F600); ${NAME_RULE}`);
    expect(checkName("a，b")).toBe(`it contains "，" (U+FF0C); ${NAME_RULE}`);
    expect(checkName("!@#$%^&")).toBe(
      'it contains "!" (U+0021), "@" (U+0040), "#" (U+0023), "$" (U+0024), "%" (U+0025) and 2 more; an image name has 1 to 128 characters: letters (A-Z, a-z), digits, Chinese characters, "-", "_", "." and spaces, and does not start or end with a space',
    );
  });

  test("descriptions: at most 1024 characters, empty allowed, no CR, LF, '<' or '>'", () => {
    expect(checkDescription("")).toBeUndefined();
    expect(checkDescription("d".repeat(1024))).toBeUndefined();
    expect(checkDescription("any text: ;&|$()`'\" 中文 \t tab")).toBeUndefined();
    expect(checkDescription("d".repeat(1025))).toBe(`it has 1025 characters; ${DESCRIPTION_RULE}`);
    expect(checkDescription("a\0b")).toBe(`it contains "\\u0000" (U+0000); ${DESCRIPTION_RULE}`);
    expect(checkDescription("a\nb")).toBe(
      'it contains "\\n" (U+000A); a description has at most 1024 characters and no carriage return, newline, NUL, "<" or ">"',
    );
  });

  test("IDs: image IDs are lower-case UUIDs, project IDs 32 lower-case hexadecimal digits, enterprise projects 0 or a UUID", () => {
    expect(checkImageId("6f0a2b34-1c5d-4e7f-8a9b-0c1d2e3f4a5b")).toBeUndefined();
    expect(checkImageId("6F0A2B34-1C5D-4E7F-8A9B-0C1D2E3F4A5B")).toBe(
      'an image ID is a lower-case UUID such as "6f0a2b34-1c5d-4e7f-8a9b-0c1d2e3f4a5b"',
    );
    expect(checkImageId(` ${UUID_EXAMPLE}`)).toBe(
      `an image ID is a lower-case UUID such as "${UUID_EXAMPLE}"`,
    );
    expect(checkImageId(42 as unknown as string)).toBe("it must be a string, not a number");
    expect(checkProjectId("0e5cbc8a6a754d6b9c7e42d6f0a1b2c3")).toBeUndefined();
    expect(checkProjectId("0e5cbc8a6a754d6b9c7e42d6f0a1b2c")).toBe(
      'a project ID is 32 lower-case hexadecimal digits such as "0e5cbc8a6a754d6b9c7e42d6f0a1b2c3"',
    );
    expect(checkEnterpriseProjectId("0")).toBeUndefined();
    expect(checkEnterpriseProjectId("1f2e3d4c-5b6a-4798-8a7b-6c5d4e3f2a1b")).toBeUndefined();
    expect(checkEnterpriseProjectId("00")).toBe(
      `an enterprise project ID is "0" (the default enterprise project) or a lower-case UUID such as "${UUID_EXAMPLE}"`,
    );
    expect(checkJobId("ff8080814dbd65d7014dc0cd60ab0bf2")).toBeUndefined();
    expect(checkJobId("FF8080814DBD65D7014DC0CD60AB0BF2")).toBe(
      "a job ID is 32 lower-case hexadecimal digits",
    );
  });

  test("regions look like cn-north-4, ap-southeast-1 or eu-west-101", () => {
    for (const ok of ["cn-north-4", "ap-southeast-1", "eu-west-101", "la-south-2", "ae-ad-1"])
      expect(checkRegion(ok)).toBeUndefined();
    for (const bad of ["cn-north", "CN-NORTH-4", "north-4", "cn-north-4 ", "cn--4", "cn-north-1234"]) {
      expect(checkRegion(bad)).toBe(
        'a region is written like "cn-north-4", "ap-southeast-1" or "eu-west-101"',
      );
    }
  });

  test("endpoints: https anywhere, http only on loopback unless explicitly allowed, never with credentials", () => {
    expect(checkEndpoint("https://ims.cn-north-4.myhuaweicloud.com")).toBeUndefined();
    expect(checkEndpoint("http://127.0.0.1:43125")).toBeUndefined();
    expect(checkEndpoint("http://[::1]:8080")).toBeUndefined();
    expect(checkEndpoint("http://10.1.2.3:8080")).toBe(
      `it uses plain "http://" for the non-loopback host "10.1.2.3"; ${ENDPOINT_RULE}`,
    );
    expect(checkEndpoint("http://10.1.2.3:8080", { allowInsecureHttp: true })).toBeUndefined();
    expect(checkEndpoint("https://user@ims.example.com")).toBe(
      "it contains a user name or password; credentials come only from the environment (HW_ACCESS_KEY and HW_SECRET_KEY), never from the endpoint",
    );
    expect(checkEndpoint("https://ims.example.com/#frag")).toBe(
      `it has a query or fragment; ${ENDPOINT_RULE}`,
    );
    expect(checkEndpoint("ims.example.com")).toBe(`it is not an absolute URL; ${ENDPOINT_RULE}`);
    expect(checkEndpoint("ftp://ims.example.com")).toBe(`its scheme is "ftp"; ${ENDPOINT_RULE}`);
    expect(isLoopbackHost("localhost")).toBe(true);
    expect(isLoopbackHost("127.255.0.1")).toBe(true);
    expect(isLoopbackHost("[::1]")).toBe(true);
    expect(isLoopbackHost("::1")).toBe(true);
    expect(isLoopbackHost("[::2]")).toBe(false);
    expect(isLoopbackHost("127.0.0.1.example.com")).toBe(false);
    expect(isLoopbackHost("localhost.example.com")).toBe(false);
  });

  test("tags: keys 1-36 characters, values 0-43 with '.', at most 9, marker key reserved", () => {
    expect(checkTagKey("k".repeat(36))).toBeUndefined();
    expect(checkTagKey("键_-1")).toBeUndefined();
    expect(checkTagKey("a.b")).toBe(`it contains "." (U+002E); ${TAG_KEY_RULE}`);
    expect(checkTagKey("")).toBe(`it is empty; ${TAG_KEY_RULE}`);
    expect(checkTagValue("")).toBeUndefined();
    expect(checkTagValue("v.1-2_3值".padEnd(43, "x"))).toBeUndefined();
    expect(checkTagValue("v".repeat(44))).toBe(`it has 44 characters; ${TAG_VALUE_RULE}`);
    expect(MAX_USER_TAGS).toBe(9);
    expect(checkTags(Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`k${i}`, ""])))).toBeUndefined();
    expect(checkTags(Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`k${i}`, ""])))).toBe(
      'it has 10 tags; an image holds at most 10 tags and this library adds its own "cdktf-ims-image-copy" tag, so at most 9 are allowed',
    );
    expect(checkTags({ "a.b": "x" })).toBe(
      `tag key "a.b" is invalid: it contains "." (U+002E); ${TAG_KEY_RULE}`,
    );
    expect(checkTags({ team: 5 })).toBe(
      'the value 5 of tag "team" is invalid: it must be a string, not a number',
    );
    expect(checkTags({ "cdktf-ims-image-copy": "x" })).toBe(
      'the tag key "cdktf-ims-image-copy" is reserved: this library sets it to recognise the images it creates',
    );
    expect(checkTags(null)).toBe(
      'tags are an object of key/value strings such as {"team":"platform"}, not null',
    );
    expect(checkTags("a=b")).toBe(
      'tags are an object of key/value strings such as {"team":"platform"}, not a string',
    );
  });

  test("timeouts are whole numbers greater than 0, never rounded", () => {
    for (const ok of [1, 60, 100000]) expect(checkTimeoutMinutes(ok)).toBeUndefined();
    for (const bad of [0, -1, 0.5, 1.0000001, NaN, Infinity, 2 ** 60])
      expect(checkTimeoutMinutes(bad)).toBe(TIMEOUT_RULE);
  });

  test("a timeout written as text is decimal digits; no sign, space, exponent or hexadecimal is read as a number", () => {
    for (const ok of ["1", "60", "05"]) expect(checkTimeoutMinutesText(ok)).toBeUndefined();
    for (const bad of ["", "0", "-1", "+5", " 5", "5 ", "1.5", "1e1", "0x10", "abc", "1152921504606846976"])
      expect(checkTimeoutMinutesText(bad)).toBe(TIMEOUT_RULE);
  });

  test("an endpoint is normalised to lower-case scheme and host, without default port or trailing slashes", () => {
    expect(normalizeEndpoint("https://ims.example.com/")).toBe("https://ims.example.com");
    expect(normalizeEndpoint("HTTPS://IMS.Example.com:443//")).toBe("https://ims.example.com");
    expect(normalizeEndpoint("http://[::1]:8090/base/")).toBe("http://[::1]:8090/base");
  });

  test("removal policies and markers", () => {
    expect(checkRemovalPolicy("destroy")).toBeUndefined();
    expect(checkRemovalPolicy("retain")).toBeUndefined();
    expect(checkRemovalPolicy("Retain")).toBe('a removal policy is "destroy" or "retain"');
    expect(checkMarker("a".repeat(40))).toBeUndefined();
    expect(checkMarker("A".repeat(40))).toBe(
      "a marker is 40 lower-case hexadecimal digits (the construct computes it; do not set it by hand)",
    );
  });

  test("values are shown as JSON, shortened only for display, with URL credentials hidden", () => {
    expect(displayValue('a"b')).toBe('"a\\"b"');
    expect(displayValue(1.5)).toBe("1.5");
    expect(displayValue(undefined)).toBe("undefined");
    expect(displayValue({ a: "1" })).toBe('{"a":"1"}');
    expect(displayValue("x".repeat(121))).toBe(`"${"x".repeat(120)}"... (121 characters)`);
    expect(displayValue("https://AK123:SK456@host/path")).toBe('"https://***@host/path"');
    expect(invalidValueMessage("IMS_COPY_REGION", "north", checkRegion("north") as string)).toBe(
      'IMS_COPY_REGION "north" is invalid: a region is written like "cn-north-4", "ap-southeast-1" or "eu-west-101"',
    );
  });
});
