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
