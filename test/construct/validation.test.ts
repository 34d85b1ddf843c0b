import { TerraformVariable } from "cdktf";
import { ImsImageCopy, ImsImageCopyConfigError, type ImsImageCopyProps } from "cdktf-ims-image-copy";
import { SeedImage } from "../../lib/emulator/defaults";
import { RUNTIME_ASSET_ID } from "../../lib/runtime-asset";
import {
  DESCRIPTION_RULE,
  ENDPOINT_RULE,
  NAME_RULE,
  TAG_KEY_RULE,
  TAG_VALUE_RULE,
  TIMEOUT_RULE,
} from "../support/rule-wording";
import { synthesize, testStack } from "./helpers";

const BASE: ImsImageCopyProps = { sourceImageId: SeedImage.ACTIVE_PRIVATE, name: "copy" };

function message(prop: string, shown: string, problem: string): string {
  return `ImsImageCopy "stack/copy": prop "${prop}" ${shown} is invalid: ${problem}. Change "${prop}" in the props of this ImsImageCopy.`;
}

function attempt(overrides: Record<string, unknown>): () => ImsImageCopy {
  return () => new ImsImageCopy(testStack(), "copy", { ...BASE, ...overrides } as ImsImageCopyProps);
}

describe("synth-time validation of literal props", () => {
  test("the message names the construct path, the prop, the value, the rule and what to do", () => {
    expect(attempt({ name: "web/base" })).toThrow(
      new ImsImageCopyConfigError(
        'ImsImageCopy "stack/copy": prop "name" "web/base" is invalid: it contains "/" (U+002F); an image name has 1 to 128 characters: ' +
          'letters (A-Z, a-z), digits, Chinese characters, "-", "_", "." and spaces, and does not start or end with a space. ' +
          'Change "name" in the props of this ImsImageCopy.',
      ),
    );
  });

  test("the error is an ImsImageCopyConfigError", () => {
    expect(attempt({ region: "north" })).toThrow(ImsImageCopyConfigError);
  });

  const tenTags = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`k${i}`, "v"]));
  const cases: Array<[string, Record<string, unknown>, string]> = [
    [
      "a source image ID that is not a UUID",
      { sourceImageId: "img-1" },
      message(
        "sourceImageId",
        '"img-1"',
        'an image ID is a lower-case UUID such as "6f0a2b34-1c5d-4e7f-8a9b-0c1d2e3f4a5b"',
      ),
    ],
    [
      "a missing source image ID (JavaScript callers)",
      { sourceImageId: undefined },
      message("sourceImageId", "undefined", "it must be a string, not undefined"),
    ],
    ["an empty name", { name: "" }, message("name", '""', `it is empty; ${NAME_RULE}`)],
    [
      "a name of 129 characters",
      { name: "x".repeat(129) },
      message("name", `"${"x".repeat(120)}"... (129 characters)`, `it has 129 characters; ${NAME_RULE}`),
    ],
    [
      "a name with forbidden characters",
      { name: "a/b!/c" },
      message("name", '"a/b!/c"', `it contains "/" (U+002F) and "!" (U+0021); ${NAME_RULE}`),
    ],
    [
      "a name with a tab",
      { name: "tab\there" },
      message("name", '"tab\\there"', `it contains "\\t" (U+0009); ${NAME_RULE}`),
    ],
    [
      "a name with a leading space",
      { name: " a" },
      message("name", '" a"', `it starts with a space; ${NAME_RULE}`),
    ],
    [
      "a name with a trailing space",
      { name: "a " },
      message("name", '"a "', `it ends with a space; ${NAME_RULE}`),
    ],
    [
      "a description of 1025 characters",
      { description: "d".repeat(1025) },
      message(
        "description",
        `"${"d".repeat(120)}"... (1025 characters)`,
        `it has 1025 characters; ${DESCRIPTION_RULE}`,
      ),
    ],
    [
      "a description with a line break",
      { description: "a\r\nb" },
      message(
        "description",
        '"a\\r\\nb"',
        `it contains "\\r" (U+000D) and "\\n" (U+000A); ${DESCRIPTION_RULE}`,
      ),
    ],
    [
      "a description with angle brackets",
      { description: "<b>" },
      message("description", '"<b>"', `it contains "<" (U+003C) and ">" (U+003E); ${DESCRIPTION_RULE}`),
    ],
    [
      "a KMS key ID that is not a UUID",
      { kmsKeyId: "key-1" },
      message(
        "kmsKeyId",
        '"key-1"',
        'a KMS key ID is a lower-case UUID such as "6f0a2b34-1c5d-4e7f-8a9b-0c1d2e3f4a5b"',
      ),
    ],
    [
      "an upper-case KMS key ID (refused, not lower-cased)",
      { kmsKeyId: "BD66288C-9081-460A-8227-4CBD0C814CB4" },
      message(
        "kmsKeyId",
        '"BD66288C-9081-460A-8227-4CBD0C814CB4"',
        'a KMS key ID is a lower-case UUID such as "6f0a2b34-1c5d-4e7f-8a9b-0c1d2e3f4a5b"',
      ),
    ],
    [
      "an enterprise project that is neither 0 nor a UUID",
      { enterpriseProjectId: "default" },
      message(
        "enterpriseProjectId",
        '"default"',
        'an enterprise project ID is "0" (the default enterprise project) or a lower-case UUID such as "6f0a2b34-1c5d-4e7f-8a9b-0c1d2e3f4a5b"',
      ),
    ],
    [
      "a project ID that is not 32 hexadecimal digits",
      { projectId: "abc" },
      message(
        "projectId",
        '"abc"',
        'a project ID is 32 lower-case hexadecimal digits such as "0e5cbc8a6a754d6b9c7e42d6f0a1b2c3"',
      ),
    ],
    [
      "a malformed region",
      { region: "cn_north_4" },
      message(
        "region",
        '"cn_north_4"',
        'a region is written like "cn-north-4", "ap-southeast-1" or "eu-west-101"',
      ),
    ],
    [
      "an empty region",
      { region: "" },
      message("region", '""', 'a region is written like "cn-north-4", "ap-southeast-1" or "eu-west-101"'),
    ],
    [
      "a plain-http endpoint on a remote host",
      { endpoint: "http://ims.example.com" },
      message(
        "endpoint",
        '"http://ims.example.com"',
        `it uses plain "http://" for the non-loopback host "ims.example.com"; ${ENDPOINT_RULE}`,
      ),
    ],
    [
      "an endpoint with another scheme",
      { endpoint: "ftp://x" },
      message("endpoint", '"ftp://x"', `its scheme is "ftp"; ${ENDPOINT_RULE}`),
    ],
    [
      "an endpoint that is not a URL",
      { endpoint: "not a url" },
      message("endpoint", '"not a url"', `it is not an absolute URL; ${ENDPOINT_RULE}`),
    ],
    [
      "an endpoint carrying credentials (shown redacted)",
      { endpoint: "https://AKEXAMPLE:SKEXAMPLE@ims.example.com" },
      message(
        "endpoint",
        '"https://***@ims.example.com"',
        "it contains a user name or password; credentials come only from the environment (HW_ACCESS_KEY and HW_SECRET_KEY), never from the endpoint",
      ),
    ],
    [
      "an endpoint with a query",
      { endpoint: "https://x.com/?a=1" },
      message("endpoint", '"https://x.com/?a=1"', `it has a query or fragment; ${ENDPOINT_RULE}`),
    ],
    [
      "a tag key with a space",
      { tags: { "a b": "x" } },
      message("tags", '{"a b":"x"}', `tag key "a b" is invalid: it contains " " (U+0020); ${TAG_KEY_RULE}`),
    ],
    [
      "an empty tag key",
      { tags: { "": "x" } },
      message("tags", '{"":"x"}', `tag key "" is invalid: it is empty; ${TAG_KEY_RULE}`),
    ],
    [
      "a tag key of 37 characters",
      { tags: { ["k".repeat(37)]: "" } },
      message(
        "tags",
        `{"${"k".repeat(37)}":""}`,
        `tag key "${"k".repeat(37)}" is invalid: it has 37 characters; ${TAG_KEY_RULE}`,
      ),
    ],
    [
      "a tag value with a space",
      { tags: { a: "x y" } },
      message(
        "tags",
        '{"a":"x y"}',
        `the value "x y" of tag "a" is invalid: it contains " " (U+0020); ${TAG_VALUE_RULE}`,
      ),
    ],
    [
      "a tag value of 44 characters",
      { tags: { a: "v".repeat(44) } },
      message(
        "tags",
        `{"a":"${"v".repeat(44)}"}`,
        `the value "${"v".repeat(44)}" of tag "a" is invalid: it has 44 characters; ${TAG_VALUE_RULE}`,
      ),
    ],
    [
      "a tag value that is not a string",
      { tags: { a: 1 } },
      message("tags", '{"a":1}', 'the value 1 of tag "a" is invalid: it must be a string, not a number'),
    ],
    [
      "the library's marker tag key",
      { tags: { "cdktf-ims-image-copy": "x" } },
      message(
        "tags",
        '{"cdktf-ims-image-copy":"x"}',
        'the tag key "cdktf-ims-image-copy" is reserved: this library sets it to recognise the images it creates',
      ),
    ],
    [
      "ten tags (the marker would make eleven)",
      { tags: tenTags },
      message(
        "tags",
        JSON.stringify(tenTags),
        'it has 10 tags; an image holds at most 10 tags and this library adds its own "cdktf-ims-image-copy" tag, so at most 9 are allowed',
      ),
    ],
    [
      "tags given as an array",
      { tags: ["a"] },
      message(
        "tags",
        '["a"]',
        'tags are an object of key/value strings such as {"team":"platform"}, not an array',
      ),
    ],
    [
      "a zero create timeout",
      { createTimeoutMinutes: 0 },
      message("createTimeoutMinutes", "0", TIMEOUT_RULE),
    ],
    [
      "a negative create timeout",
      { createTimeoutMinutes: -5 },
      message("createTimeoutMinutes", "-5", TIMEOUT_RULE),
    ],
    [
      "a fractional create timeout (not rounded)",
      { createTimeoutMinutes: 1.5 },
      message("createTimeoutMinutes", "1.5", TIMEOUT_RULE),
    ],
    [
      "a NaN create timeout",
      { createTimeoutMinutes: NaN },
      message("createTimeoutMinutes", "NaN", TIMEOUT_RULE),
    ],
    [
      "a zero delete timeout",
      { deleteTimeoutMinutes: 0 },
      message("deleteTimeoutMinutes", "0", TIMEOUT_RULE),
    ],
    [
      "a fractional delete timeout (not rounded)",
      { deleteTimeoutMinutes: 2.5 },
      message("deleteTimeoutMinutes", "2.5", TIMEOUT_RULE),
    ],
    [
      "an infinite delete timeout",
      { deleteTimeoutMinutes: Infinity },
      message("deleteTimeoutMinutes", "Infinity", TIMEOUT_RULE),
    ],
    [
      "an unknown removal policy",
      { removalPolicy: "keep" },
      message("removalPolicy", '"keep"', 'a removal policy is "destroy" or "retain"'),
    ],
    [
      "unencrypted together with a kmsKeyId",
      { unencrypted: true, kmsKeyId: "bd66288c-9081-460a-8227-4cbd0c814cb4" },
      message(
        "unencrypted",
        "true",
        'it cannot be combined with "kmsKeyId": a copy is either encrypted with a key or unencrypted',
      ),
    ],
    [
      "an unencrypted that is not a boolean",
      { unencrypted: "yes" as unknown as boolean },
      message("unencrypted", '"yes"', "it must be true or false"),
    ],
  ];

  test.each(cases)("it refuses %s", (_title, overrides, expected) => {
    expect(attempt(overrides)).toThrow(new ImsImageCopyConfigError(expected));
  });

  test("it refuses a missing props object (JavaScript callers)", () => {
    expect(() => new ImsImageCopy(testStack(), "copy", undefined as unknown as ImsImageCopyProps)).toThrow(
      new ImsImageCopyConfigError(
        'ImsImageCopy "stack/copy": props undefined is invalid: it must be an object with at least sourceImageId and name. ' +
          "Pass them as the third argument: new ImsImageCopy(scope, id, { sourceImageId, name }).",
      ),
    );
  });

  test("it refuses before creating any resource or the runtime asset", () => {
    const stack = testStack();
    expect(() => new ImsImageCopy(stack, "copy", { ...BASE, name: "" })).toThrow(ImsImageCopyConfigError);
    expect(stack.node.findChild("copy").node.children).toHaveLength(0);
    expect(stack.node.tryFindChild(RUNTIME_ASSET_ID)).toBeUndefined();
  });

  test("values at the limits are accepted", () => {
    const NAME_128 = `镜像 ${"n".repeat(125)}`;
    const tail = ` 中文, punctuation: ;'"&|$(){}`;
    const DESCRIPTION_1024 = `${"d".repeat(1024 - tail.length)}${tail}`;
    expect([[...NAME_128].length, [...DESCRIPTION_1024].length]).toEqual([128, 1024]);
    const nineTags = Object.fromEntries(
      Array.from({ length: 9 }, (_, i) => [`键-${i}_${"k".repeat(30)}`, `值.${"v".repeat(41)}`]),
    );
    expect(
      () =>
        new ImsImageCopy(testStack(), "copy", {
          sourceImageId: SeedImage.ACTIVE_PRIVATE,
          name: NAME_128,
          description: DESCRIPTION_1024,
          enterpriseProjectId: "0",
          tags: { ...nineTags },
          region: "eu-west-101",
          createTimeoutMinutes: 1,
          deleteTimeoutMinutes: 100000,
        }),
    ).not.toThrow();
  });

  test.each([
    ["http://127.0.0.1:43125"],
    ["http://localhost:8080/"],
    ["http://[::1]:9000"],
    ["http://127.1.2.3"],
    ["https://ims.ap-southeast-1.myhuaweicloud.com"],
    ["https://gateway.example.com/ims"],
  ])("the endpoint %s is accepted", (endpoint) => {
    expect(() => new ImsImageCopy(testStack(), "copy", { ...BASE, endpoint })).not.toThrow();
  });

  test.each([
    ["cn-north-4"],
    ["ap-southeast-1"],
    ["eu-west-101"],
    ["cn-southwest-2"],
    ["ae-ad-1"],
    ["my-kualalumpur-1"],
  ])("the region %s is accepted", (region) => {
    expect(() => new ImsImageCopy(testStack(), "copy", { ...BASE, region })).not.toThrow();
  });

  test("unresolved tokens are not validated at synth time, but literal neighbours still are", () => {
    const stack = testStack();
    const text = new TerraformVariable(stack, "text", { type: "string" }).stringValue;
    const count = new TerraformVariable(stack, "count", { type: "number" }).numberValue;
    expect(
      () =>
        new ImsImageCopy(stack, "ok", {
          sourceImageId: text,
          name: text,
          description: text,
          kmsKeyId: text,
          enterpriseProjectId: text,
          region: text,
          projectId: text,
          endpoint: text,
          createTimeoutMinutes: count,
          deleteTimeoutMinutes: count,
          removalPolicy: text as ImsImageCopyProps["removalPolicy"],
          tags: { team: text },
        }),
    ).not.toThrow();
    expect(
      () => new ImsImageCopy(stack, "bad", { ...BASE, name: text, tags: { team: text, "bad key": "x" } }),
    ).toThrow('ImsImageCopy "stack/bad": prop "tags"');
    expect(synthesize(stack).resource.terraform_data).toBeDefined();
  });

  test("tags whose values are tokens still count towards the limit of nine", () => {
    const stack = testStack();
    const text = new TerraformVariable(stack, "text", { type: "string" }).stringValue;
    const tags = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`k${i}`, text]));
    expect(() => new ImsImageCopy(stack, "copy", { ...BASE, tags })).toThrow(
      'is invalid: it has 10 tags; an image holds at most 10 tags and this library adds its own "cdktf-ims-image-copy" tag, so at most 9 are allowed.',
    );
  });
});
