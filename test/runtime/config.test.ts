import { configFromEnv, isLoopbackHost, resolveRetry } from "../../lib/runtime/config";
import { ConfigError } from "../../lib/runtime/errors";

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
      'Project ID "my-project" from HW_PROJECT_ID is invalid: it must be 32 hexadecimal characters (see "My Credentials" > "API Credentials" in the console).',
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
      'Region "CN North 4" is invalid: use a region ID of lower-case letters, digits and dashes, such as cn-north-4.',
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
      'HW_IMS_ENDPOINT "http://ims.example.com" uses plain http:// to a non-loopback host, which would send signed requests unencrypted: use https://, or set IMS_COPY_ALLOW_INSECURE_HTTP=1 if you really mean it (for example an emulator on another machine).',
    );
    expect(
      configFromEnv({ ...BASE, HW_IMS_ENDPOINT: "http://ims.example.com", IMS_COPY_ALLOW_INSECURE_HTTP: "1" })
        .imsEndpoint,
    ).toBe("http://ims.example.com");
    expect(() => configFromEnv({ ...BASE, HW_IAM_ENDPOINT: "http://iam.example.com" })).toThrow(
      'HW_IAM_ENDPOINT "http://iam.example.com" uses plain http://',
    );
  });

  test.each([
    ["ims.example.com", "it is not an absolute URL such as https://ims.cn-north-4.myhuaweicloud.com"],
    ["ftp://ims.example.com", "only https:// (or http:// to a loopback emulator) is supported"],
    ["https://user:pw@ims.example.com", "it must not contain a user name or password"],
    ["https://ims.example.com/?x=1", "it must not contain a query or fragment"],
  ])("the endpoint %p is refused: %s", (value, reason) => {
    expect(() => configFromEnv({ ...BASE, HW_IMS_ENDPOINT: value })).toThrow(
      `HW_IMS_ENDPOINT "${value}" is not a valid endpoint: ${reason}.`,
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

  test("loopback hosts are localhost, 127.0.0.0/8 and ::1", () => {
    expect(["localhost", "127.0.0.1", "127.1.2.3", "[::1]"].map(isLoopbackHost)).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(["10.0.0.1", "localhost.example.com", "128.0.0.1"].map(isLoopbackHost)).toEqual([
      false,
      false,
      false,
    ]);
  });
});

describe("retry options", () => {
  test("bad retry options are refused with the value and the rule", () => {
    expect(() => resolveRetry({ maxAttempts: 0 })).toThrow(
      "retry.maxAttempts [0] must be an integer of at least 1.",
    );
    expect(() => resolveRetry({ baseDelayMs: 5000, maxDelayMs: 1000 })).toThrow(
      "retry.maxDelayMs [1000] must be at least retry.baseDelayMs [5000].",
    );
    expect(() => resolveRetry({ deadlineMs: -1 })).toThrow(
      "retry.deadlineMs [-1] must be a finite number of at least 0.",
    );
  });
});
