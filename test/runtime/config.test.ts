import { configFromEnv, POLL_SECONDS_ENV, pollFromEnv, resolveRetry } from "../../lib/runtime/config";
import { ConfigError } from "../../lib/runtime/errors";
import { ENDPOINT_RULE, pollSecondsRefusal } from "../support/rule-wording";

const BASE = { HW_ACCESS_KEY: "AK1", HW_SECRET_KEY: "SK1", HW_REGION_NAME: "cn-north-4" };

describe("configFromEnv", () => {
  test("HW_* variables give credentials, region and the public endpoints", () => {
    expect(configFromEnv({ ...BASE })).toEqual({
      region: "cn-north-4",
      imsEndpoint: "https://ims.cn-north-4.myhuaweicloud.com",
      iamEndpoint: "https://iam.cn-north-4.myhuaweicloud.com",
      credentials: { accessKey: "AK1", secretKey: "SK1" },
    });
  });

  test("the SDK variable names are fallbacks, and the HW_ names win when both are set", () => {
    const sdk = {
      HUAWEICLOUD_SDK_AK: "AK2",
      HUAWEICLOUD_SDK_SK: "SK2",
      HUAWEICLOUD_SDK_SECURITY_TOKEN: "TOK2",
      HW_REGION_NAME: "ap-southeast-1",
    };
    expect(configFromEnv(sdk).credentials).toEqual({
      accessKey: "AK2",
      secretKey: "SK2",
      securityToken: "TOK2",
    });
    expect(configFromEnv({ ...sdk, ...BASE, HW_SECURITY_TOKEN: "TOK1" }).credentials).toEqual({
      accessKey: "AK1",
      secretKey: "SK1",
      securityToken: "TOK1",
    });
  });

  test("HW_PROJECT_ID is used when set and validated", () => {
    expect(configFromEnv({ ...BASE, HW_PROJECT_ID: "0e5cbc8a6a754d6b9c7e42d6f0a1b2c3" }).projectId).toBe(
      "0e5cbc8a6a754d6b9c7e42d6f0a1b2c3",
    );
    expect(() => configFromEnv({ ...BASE, HW_PROJECT_ID: "my-project" })).toThrow(
      'HW_PROJECT_ID "my-project" is invalid: a project ID is 32 lower-case hexadecimal digits such as "0e5cbc8a6a754d6b9c7e42d6f0a1b2c3". Copy the project ID of the region from "My Credentials" > "API Credentials" in the console, or leave HW_PROJECT_ID unset to look it up by region name.',
    );
    expect(() => configFromEnv({ ...BASE }, { projectId: "my-project" })).toThrow(
      'overrides.projectId "my-project" is invalid: a project ID is 32 lower-case hexadecimal digits such as "0e5cbc8a6a754d6b9c7e42d6f0a1b2c3". Copy the project ID of the region from "My Credentials" > "API Credentials" in the console, or leave overrides.projectId unset to look it up by region name.',
    );
  });

  test("a missing access key names both variables to set", () => {
    expect(() => configFromEnv({ HW_SECRET_KEY: "x", HW_REGION_NAME: "cn-north-4" })).toThrow(
      new ConfigError(
        'No Huawei Cloud access key found: set HW_ACCESS_KEY or HUAWEICLOUD_SDK_AK in the environment of the command that runs the copy (for example the shell that runs "terraform apply").',
      ),
    );
  });

  test("a missing secret key names both variables to set, and an empty value counts as missing", () => {
    expect(() =>
      configFromEnv({ HW_ACCESS_KEY: "x", HW_SECRET_KEY: "", HW_REGION_NAME: "cn-north-4" }),
    ).toThrow("No Huawei Cloud secret key found: set HW_SECRET_KEY or HUAWEICLOUD_SDK_SK");
  });

  test("a missing or malformed region is refused", () => {
    expect(() => configFromEnv({ HW_ACCESS_KEY: "a", HW_SECRET_KEY: "b" })).toThrow(
      "No region given: set HW_REGION_NAME (for example cn-north-4) or pass the region explicitly.",
    );
    expect(() => configFromEnv({ ...BASE, HW_REGION_NAME: "CN North 4" })).toThrow(
      'HW_REGION_NAME "CN North 4" is invalid: a region is written like "cn-north-4", "ap-southeast-1" or "eu-west-101". Fix HW_REGION_NAME: it is the ID of the region that holds the image (see "Regions and Endpoints" in the Huawei Cloud documentation).',
    );
    expect(() => configFromEnv({ ...BASE }, { region: "cn-north" })).toThrow(
      'overrides.region "cn-north" is invalid: a region is written like "cn-north-4", "ap-southeast-1" or "eu-west-101". Fix overrides.region: it is the ID of the region that holds the image (see "Regions and Endpoints" in the Huawei Cloud documentation).',
    );
  });

  test("explicit overrides win over the environment", () => {
    const c = configFromEnv(
      { ...BASE },
      {
        region: "cn-east-3",
        projectId: "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        imsEndpoint: "https://ims.example.com/",
      },
    );
    expect(c).toMatchObject({
      region: "cn-east-3",
      projectId: "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
      imsEndpoint: "https://ims.example.com",
      iamEndpoint: "https://iam.cn-east-3.myhuaweicloud.com",
    });
  });

  test("a loopback HW_IMS_ENDPOINT alone (the emulator) serves IAM too", () => {
    const c = configFromEnv({ ...BASE, HW_IMS_ENDPOINT: "http://127.0.0.1:43125" });
    expect(c.imsEndpoint).toBe("http://127.0.0.1:43125");
    expect(c.iamEndpoint).toBe("http://127.0.0.1:43125");
  });

  test("a non-loopback HW_IMS_ENDPOINT alone leaves IAM on its public default; HW_IAM_ENDPOINT overrides it", () => {
    expect(configFromEnv({ ...BASE, HW_IMS_ENDPOINT: "https://ims.private.example.com" }).iamEndpoint).toBe(
      "https://iam.cn-north-4.myhuaweicloud.com",
    );
    expect(
      configFromEnv({
        ...BASE,
        HW_IMS_ENDPOINT: "https://ims.private.example.com",
        HW_IAM_ENDPOINT: "https://iam.private.example.com/",
      }).iamEndpoint,
    ).toBe("https://iam.private.example.com");
  });

  test("plain http to a non-loopback host is refused unless IMS_COPY_ALLOW_INSECURE_HTTP=1", () => {
    expect(() => configFromEnv({ ...BASE, HW_IMS_ENDPOINT: "http://ims.example.com" })).toThrow(
      'HW_IMS_ENDPOINT "http://ims.example.com" is invalid: it uses plain "http://" for the non-loopback host "ims.example.com"; an endpoint is an "https://" URL such as "https://ims.cn-north-4.myhuaweicloud.com" ("http://" only for localhost, 127.0.0.1 or [::1]). Plain http:// would send signed requests unencrypted: use https://, or set IMS_COPY_ALLOW_INSECURE_HTTP=1 if you really mean it (for example an emulator on another machine).',
    );
    expect(
      configFromEnv({ ...BASE, HW_IMS_ENDPOINT: "http://ims.example.com", IMS_COPY_ALLOW_INSECURE_HTTP: "1" })
        .imsEndpoint,
    ).toBe("http://ims.example.com");
    expect(() => configFromEnv({ ...BASE, HW_IAM_ENDPOINT: "http://iam.example.com" })).toThrow(
      'HW_IAM_ENDPOINT "http://iam.example.com" is invalid: it uses plain "http://" for the non-loopback host "iam.example.com"',
    );
  });

  test.each([
    ["ims.example.com", `"ims.example.com" is invalid: it is not an absolute URL; ${ENDPOINT_RULE}`],
    ["ftp://ims.example.com", `"ftp://ims.example.com" is invalid: its scheme is "ftp"; ${ENDPOINT_RULE}`],
    [
      "https://user:pw@ims.example.com",
      '"https://***@ims.example.com" is invalid: it contains a user name or password; credentials come only from the environment (HW_ACCESS_KEY and HW_SECRET_KEY), never from the endpoint',
    ],
    [
      "https://ims.example.com/?x=1",
      `"https://ims.example.com/?x=1" is invalid: it has a query or fragment; ${ENDPOINT_RULE}`,
    ],
  ])("the endpoint %p is refused with the shared rule", (value, message) => {
    expect(() => configFromEnv({ ...BASE, HW_IMS_ENDPOINT: value })).toThrow(
      `HW_IMS_ENDPOINT ${message}. Fix HW_IMS_ENDPOINT, or leave it unset to use the public endpoint of the region.`,
    );
  });

  test("no error message contains the secret key or the token", () => {
    const env = {
      HW_ACCESS_KEY: "AKXYZ",
      HW_SECRET_KEY: "SUPERSECRET",
      HW_SECURITY_TOKEN: "TOKENSECRET",
      HW_REGION_NAME: "cn-north-4",
      HW_IMS_ENDPOINT: "http://10.0.0.1",
    };
    expect(() => configFromEnv(env)).toThrow(ConfigError);
    try {
      configFromEnv(env);
    } catch (error) {
      expect(String(error)).not.toMatch(/SUPERSECRET|TOKENSECRET/);
    }
  });

  test("an IMS endpoint on localhost, 127.0.0.0/8 or [::1] may use plain http and serves IAM too", () => {
    for (const endpoint of ["http://localhost:8090", "http://127.1.2.3:8090", "http://[::1]:8090"])
      expect(configFromEnv({ ...BASE, HW_IMS_ENDPOINT: endpoint }).iamEndpoint).toBe(endpoint);
  });
});

describe("retry options", () => {
  test("bad retry options are refused with the value and the rule", () => {
    expect(() => resolveRetry({ maxAttempts: 0 })).toThrow(
      "retry.maxAttempts 0 is invalid: it must be an integer of at least 1.",
    );
    expect(() => resolveRetry({ baseDelayMs: 5000, maxDelayMs: 1000 })).toThrow(
      "retry.maxDelayMs 1000 is invalid: it must be at least retry.baseDelayMs (5000).",
    );
    expect(() => resolveRetry({ deadlineMs: -1 })).toThrow(
      "retry.deadlineMs -1 is invalid: it must be a finite number of at least 0.",
    );
  });
});

describe("IMS_COPY_POLL_SECONDS", () => {
  test("unset or empty, the default strategy polls; set, every wait is that many seconds", () => {
    expect(POLL_SECONDS_ENV).toBe("IMS_COPY_POLL_SECONDS");
    expect(pollFromEnv({})).toBeUndefined();
    expect(pollFromEnv({ IMS_COPY_POLL_SECONDS: "" })).toBeUndefined();
    for (const [raw, ms] of [
      ["1", 1000],
      ["10", 10_000],
      ["60", 60_000],
    ] as const) {
      const strategy = pollFromEnv({ IMS_COPY_POLL_SECONDS: raw })!.delay!();
      const waits = [0, 1, 2, 30].map((attempt) =>
        strategy.nextDelayMs({ attempt, elapsedMs: attempt * 1000, progress: 0.5 }),
      );
      expect(waits).toEqual([ms, ms, ms, ms]);
    }
  });

  test.each(["0", "61", "1.5", "ten", " 10", "-5", "1e1"])(
    "%j is refused naming the variable, the value and the rule",
    (raw) => {
      expect(() => pollFromEnv({ IMS_COPY_POLL_SECONDS: raw })).toThrow(
        new ConfigError(pollSecondsRefusal(raw)),
      );
    },
  );
});
