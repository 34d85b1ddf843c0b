import { parseImsTime, parseJob } from "../../lib/runtime/client";

const RES = { status: 200, data: undefined, requestId: "r1" };

describe("parsing service bodies", () => {
  test("a ShowJobProgress body becomes a Job with the image ID and a 0..1 percent", () => {
    const raw = {
      job_id: "ff8080814dbd65d7014dbe0d84db0013",
      job_type: "imsCopyImageInRegionJob",
      begin_time: "2024-11-06T06:19:43.195Z",
      end_time: "",
      status: "RUNNING",
      error_code: null,
      fail_reason: null,
      entities: {
        image_id: "3f7185de-b59a-4bb8-aa1d-7a513528b0e9",
        process_percent: 0.24,
        current_task: "ImportImageTask:ObtainImageInfoTask",
      },
    };
    expect(parseJob(raw, "show job progress", RES)).toEqual({
      jobId: "ff8080814dbd65d7014dbe0d84db0013",
      jobType: "imsCopyImageInRegionJob",
      status: "RUNNING",
      imageId: "3f7185de-b59a-4bb8-aa1d-7a513528b0e9",
      processPercent: 0.24,
      errorCode: null,
      failReason: null,
      beginTime: "2024-11-06T06:19:43.195Z",
      endTime: undefined,
      raw,
    });
  });

  test("a FAIL job keeps the service's error code and reason; a string percent is read as a number", () => {
    const job = parseJob(
      {
        job_id: "j",
        status: "FAIL",
        error_code: "IMG.0061",
        fail_reason: "Unknown system error.",
        entities: { process_percent: "0.5" },
      },
      "show job",
      RES,
    );
    expect(job).toMatchObject({
      status: "FAIL",
      errorCode: "IMG.0061",
      failReason: "Unknown system error.",
      processPercent: 0.5,
      imageId: undefined,
    });
  });

  test("a FAIL job whose details are only in entities (error_code, error) is read the same way", () => {
    const job = parseJob(
      {
        job_id: "j",
        status: "FAIL",
        error_code: null,
        fail_reason: null,
        entities: { error_code: "IMG.0061", error: "Unknown system error." },
      },
      "show job",
      RES,
    );
    expect(job).toMatchObject({ errorCode: "IMG.0061", failReason: "Unknown system error." });
  });

  test("addition_error_code / addition_error_msg are kept and appended to the reason when they add something", () => {
    const entities = { error_code: "IMG.0061", error: "disk copy failed" };
    const withAddition = parseJob(
      {
        job_id: "j",
        status: "FAIL",
        entities: { ...entities, addition_error_code: "KMS.0205", addition_error_msg: "key disabled" },
      },
      "show job",
      RES,
    );
    expect(withAddition).toMatchObject({
      errorCode: "IMG.0061",
      failReason: "disk copy failed (KMS.0205: key disabled)",
      additionErrorCode: "KMS.0205",
      additionErrorMessage: "key disabled",
    });
    // Only the additional fields: they become the code and the reason.
    const onlyAddition = parseJob(
      {
        job_id: "j",
        status: "FAIL",
        entities: { addition_error_code: "KMS.0205", addition_error_msg: "key disabled" },
      },
      "show job",
      RES,
    );
    expect(onlyAddition).toMatchObject({ errorCode: "KMS.0205", failReason: "key disabled" });
    // The top level wins; an addition repeating it is not appended twice.
    const repeated = parseJob(
      {
        job_id: "j",
        status: "FAIL",
        error_code: "IMG.0061",
        fail_reason: "Unknown system error.",
        entities: { addition_error_code: "IMG.0061", addition_error_msg: "Unknown system error." },
      },
      "show job",
      RES,
    );
    expect(repeated).toMatchObject({ errorCode: "IMG.0061", failReason: "Unknown system error." });
  });

  test("the documented ShowJob SUCCESS example (process_percent 0.20) parses as SUCCESS with its image ID", () => {
    const job = parseJob(
      {
        status: "SUCCESS",
        entities: {
          image_id: "e9e91bff-14b6-4a0b-8377-4ed0813e3360",
          image_name: "asdfasdfasdfas",
          process_percent: 0.2,
          current_task: "CreateImageByInstanceTask",
          results: [
            {
              image_id: "49e9447f-7dff-41e0-8036-f66fe5488c8b",
              project_id: "089b2f9a3d80d3062f24c00ca4ed5cbd",
              status: "success",
            },
          ],
        },
        job_id: "ff8080814dbd65d7014dbe0d84db0013",
        job_type: "createImageByInstance",
        begin_time: "04-Jun-2015 18:11:06:586",
        end_time: "",
        error_code: null,
        fail_reason: null,
      },
      "show job",
      RES,
    );
    expect(job).toMatchObject({
      status: "SUCCESS",
      imageId: "e9e91bff-14b6-4a0b-8377-4ed0813e3360",
      processPercent: 0.2,
      errorCode: null,
      failReason: null,
    });
  });

  test("a job body without a status is an invalid response naming the call and the request ID", () => {
    expect(() => parseJob({ job_id: "j" }, "show job", RES)).toThrow(
      "IMS show job failed: the job has no status (request ID r1). This looks like an API change or a faulty proxy; please report it with the request ID",
    );
  });

  test("IMS timestamps are read as UTC with or without a zone", () => {
    expect(parseImsTime("2018-09-06T14:03:27Z")).toBe(Date.UTC(2018, 8, 6, 14, 3, 27));
    expect(parseImsTime("2018-09-06 14:03:27")).toBe(Date.UTC(2018, 8, 6, 14, 3, 27));
    expect(parseImsTime("2018-09-06T16:03:27+02:00")).toBe(Date.UTC(2018, 8, 6, 14, 3, 27));
    expect(parseImsTime("yesterday")).toBeUndefined();
    expect(parseImsTime(undefined)).toBeUndefined();
  });
});
