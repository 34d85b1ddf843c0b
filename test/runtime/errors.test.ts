import { ExitCode } from "../../lib/shared/constants";
import {
  ConfigError,
  exitCodeFor,
  hintFor,
  httpError,
  ImsApiError,
  jobFailed,
  parseErrorBody,
  waitAborted,
  waitTimedOut,
} from "../../lib/runtime/errors";

describe("error bodies", () => {
  test("the IMS shape {error:{code,message}} and the gateway shape {error_code,error_msg} both parse", () => {
    expect(
      parseErrorBody({ error: { code: "IMG.0027", message: "The image ID in the request does not exist." } }),
    ).toEqual({ code: "IMG.0027", message: "The image ID in the request does not exist." });
    expect(
      parseErrorBody({
        error_code: "APIGW.0301",
        error_msg: "Incorrect IAM authentication information",
        request_id: "r",
      }),
    ).toEqual({ code: "APIGW.0301", message: "Incorrect IAM authentication information" });
    expect(parseErrorBody("<html>")).toEqual({});
    expect(parseErrorBody(undefined)).toEqual({});
  });

  test("an ImsApiError carries status, code, service message, request ID and operation, and says what to do next", () => {
    const e = httpError(
      "copy image",
      400,
      { error: { code: "IMG.0060", message: "The number of tasks exceeds the flow control limit." } },
      "req-42",
    );
    expect(e).toBeInstanceOf(ImsApiError);
    expect(ImsApiError.isImsApiError(e)).toBe(true);
    expect(e).toMatchObject({
      kind: "http",
      status: 400,
      code: "IMG.0060",
      requestId: "req-42",
      operation: "copy image",
    });
    expect(e.message).toBe(
      "IMS copy image failed: HTTP 400 IMG.0060: The number of tasks exceeds the flow control limit. (request ID req-42). IMS flow control: too many image tasks are running in this project (the product limits allow 40 concurrent image-creation tasks); wait for some to finish and run again",
    );
  });
});

describe("hints (wording pinned)", () => {
  const COPY_PERMISSION =
    'The credentials lack permission: grant the IAM action "ims:images:copy" to the user or agency (accounts with enterprise projects enabled also need "ims:serverImages:create")';

  test("IMG.0026 on copy (HTTP 400, as documented) names ims:images:copy, and ims:serverImages:create for accounts with enterprise projects", () => {
    expect(hintFor({ operation: "copy image", status: 400, code: "IMG.0026" })).toBe(COPY_PERMISSION);
  });

  test("the hint keys on the code: IMG.0026 with 403, and a bare 403 without a code, get the same hint", () => {
    expect(hintFor({ operation: "copy image", status: 403, code: "IMG.0026" })).toBe(COPY_PERMISSION);
    expect(hintFor({ operation: "copy image", status: 403 })).toBe(COPY_PERMISSION);
  });

  test("IMG.0026 on a copy that names an enterprise project asks for both actions", () => {
    expect(hintFor({ operation: "copy image", status: 400, code: "IMG.0026", enterpriseProject: true })).toBe(
      'The credentials lack permission: grant the IAM actions "ims:images:copy" and "ims:serverImages:create" (needed by accounts with enterprise projects enabled) to the user or agency',
    );
  });

  test("IMG.0026 on another call names that call's action", () => {
    expect(hintFor({ operation: "delete image", status: 400, code: "IMG.0026" })).toBe(
      'The credentials lack permission: grant the IAM action "ims:images:delete" to the user or agency',
    );
    expect(hintFor({ operation: "add tags", status: 403 })).toBe(
      'The credentials lack permission: grant the IAM action "ims:images:update" to the user or agency',
    );
  });

  test("IMG.0105 on a copy explains the size and Windows limits; on another call it stays generic", () => {
    expect(hintFor({ operation: "copy image", status: 400, code: "IMG.0105" })).toBe(
      "IMS does not support this copy: an in-region copy takes images of at most 128 GB, and no Windows images (Huawei no longer replicates them with this API)",
    );
    expect(hintFor({ operation: "delete image", status: 400, code: "IMG.0105" })).toBe(
      "The service does not support this operation on this image: check the image's type and state in the console",
    );
  });

  test("a 401 / APIGW.0301 names the credential variables and mentions clock skew", () => {
    const expected =
      "The signature was refused: check HW_ACCESS_KEY or HUAWEICLOUD_SDK_AK and HW_SECRET_KEY or HUAWEICLOUD_SDK_SK (and HW_SECURITY_TOKEN or HUAWEICLOUD_SDK_SECURITY_TOKEN for temporary credentials, which expire), and that this machine's clock is within 15 minutes of the real time";
    expect(hintFor({ operation: "show job", status: 401, code: "APIGW.0301" })).toBe(expected);
    expect(hintFor({ operation: "show job", status: 401 })).toBe(expected);
  });

  test.each([
    [
      "IMG.0060",
      "IMS flow control: too many image tasks are running in this project (the product limits allow 40 concurrent image-creation tasks); wait for some to finish and run again",
    ],
    [
      "IMG.0015",
      "The private image quota of the project is used up (50 per region unless raised): delete unused private images or ask for a higher quota, then run again",
    ],
    [
      "IMG.0095",
      "Check the KMS key: it must exist in this region, be enabled, and the credentials need KMS access to it (kms:cmk:get, kms:dek:create)",
    ],
    [
      "IMG.0097",
      "Check the KMS key: it must exist in this region, be enabled, and the credentials need KMS access to it (kms:cmk:get, kms:dek:create)",
    ],
    [
      "IMG.0155",
      'The enterprise project ID is invalid: use "0" (default) or the UUID of an enterprise project you can use',
    ],
    [
      "IMG.0130",
      "Full-ECS (whole) images cannot be copied within a region: copy a system-disk image instead",
    ],
    ["IMG.0167", "Images created from ISO files cannot be copied within a region"],
    [
      "IMG.0046",
      "The source image is not usable yet: wait until its status is active (Normal), then run again",
    ],
    [
      "IMG.0027",
      "The image does not exist in this region and project: check the source image ID, the region and the project",
    ],
    [
      "IMG.0061",
      "IMS reported an unknown system error, usually a passing fault in the service: run again later; if it persists, contact Huawei Cloud support with the request ID",
    ],
    [
      "IMG.0096",
      "IMS refuses a copy encrypted with the source image's own key: choose another enabled KMS key (a copy without a key is unencrypted)",
    ],
    [
      "IMG.0102",
      "The source image is encrypted and its own KMS key is missing, disabled or not accessible: an encrypted image can only be copied while its key is enabled and the credentials may use it (kms:cmk:get, kms:dek:create)",
    ],
    [
      "IMG.0196",
      "The shared image has not been accepted by this project: accept it (Image Management Service > Shared Images), then run again",
    ],
    [
      "IMG.0197",
      "A shared image can only be copied to an unencrypted image: copy it without a KMS key (that private copy can then be copied with a key)",
    ],
    [
      "IMG.0028",
      "The image is protected (for example published to KooGallery, the Marketplace): take it off the shelf or remove its protection first",
    ],
    [
      "IMG.0144",
      "The image does not exist in this region and project: check the source image ID, the region and the project",
    ],
  ])("%s gets its hint", (code, hint) => {
    expect(hintFor({ operation: "copy image", status: 400, code })).toBe(hint);
  });

  test("an unknown 400 code gets no invented hint, and a 5xx says to run again later", () => {
    expect(hintFor({ operation: "copy image", status: 400, code: "IMG.0001" })).toBeUndefined();
    expect(hintFor({ operation: "copy image", status: 500 })).toBe(
      "The service had an internal error: run again later; if it persists, contact Huawei Cloud support with the request ID",
    );
  });
});

describe("job and wait errors", () => {
  test("a failed job names the job, the service's code and reason, and the cleanup", () => {
    const e = jobFailed("job1", "IMG.0015", "quota exceeded", "img1", "deleted");
    expect(e.message).toBe(
      "IMS copy job job1 failed with IMG.0015: quota exceeded. Its partial image img1 was deleted. The private image quota of the project is used up (50 per region unless raised): delete unused private images or ask for a higher quota, then run again.",
    );
    expect(e).toMatchObject({
      jobId: "job1",
      errorCode: "IMG.0015",
      failReason: "quota exceeded",
      imageId: "img1",
    });
    expect(jobFailed("job2", undefined, undefined, "img2", "delete-failed").message).toBe(
      "IMS copy job job2 failed. Its partial image img2 could not be deleted: delete it by hand.",
    );
    expect(
      jobFailed("job3", undefined, undefined, "img3", "delete-failed", "HTTP 400 IMG.0028").message,
    ).toBe(
      "IMS copy job job3 failed. Its partial image img3 could not be deleted (HTTP 400 IMG.0028): delete it by hand.",
    );
  });

  test("a timeout names the job and the image and says that running again resumes", () => {
    expect(waitTimedOut("the copy job", "job1", "img1", 3_600_000).message).toBe(
      'Timed out after 3600 s waiting for the copy job (job job1, image img1); the copy continues in the cloud. Running the same command (or "terraform apply") again resumes the wait instead of copying again; raise the timeout if copies of this image take longer.',
    );
    expect(waitAborted("the copy job", "job1", undefined).message).toBe(
      "Interrupted while waiting for the copy job (job job1); the copy continues in the cloud. Running again resumes the wait.",
    );
  });

  test("each error maps to its exit code", () => {
    expect(exitCodeFor(new ConfigError("x"))).toBe(ExitCode.USAGE);
    expect(exitCodeFor(httpError("copy image", 403, undefined, undefined))).toBe(ExitCode.API);
    expect(exitCodeFor(jobFailed("j", undefined, undefined, undefined, "none"))).toBe(ExitCode.JOB_FAILED);
    expect(exitCodeFor(waitTimedOut("x", "j", undefined, 1000))).toBe(ExitCode.TIMEOUT);
    expect(exitCodeFor(waitAborted("x", "j", undefined))).toBe(ExitCode.INTERRUPTED);
    expect(exitCodeFor(new TypeError("bug"))).toBe(ExitCode.INTERNAL);
  });
});
