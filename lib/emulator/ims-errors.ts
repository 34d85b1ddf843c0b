/**
 * Error answers of the emulated service, in the service's own body formats:
 * - IMS: `{"error": {"code": "IMG.xxxx", "message": "..."}}`, HTTP 400 unless stated;
 * - API Gateway (before IMS sees the request): `{"error_code", "error_msg", "request_id"}`.
 * Messages start with the code table's English text; where the emulator picked a code for an
 * undocumented case, the comment says so.
 */

/** An HTTP answer that handlers throw; the server turns it into the response. */
export class EmulatorHttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(typeof body === "object" && body !== null ? JSON.stringify(body) : String(body));
    this.name = "EmulatorHttpError";
  }
}

export function imsError(
  code: string,
  message: string,
  status = 400,
  headers: Readonly<Record<string, string>> = {},
): EmulatorHttpError {
  return new EmulatorHttpError(status, { error: { code, message } }, headers);
}

/** Gateway error body; `request_id` is filled in by the server. */
export function gatewayError(status: number, errorCode: string, errorMsg: string): EmulatorHttpError {
  return new EmulatorHttpError(status, { error_code: errorCode, error_msg: errorMsg, request_id: "" });
}

/** Shows the first 4 characters of an access key only. */
export function maskAccessKey(accessKey: string): string {
  return accessKey.length <= 4 ? "****" : `${accessKey.slice(0, 4)}****`;
}

export const Gateway = {
  missingSignature: () =>
    gatewayError(
      401,
      "APIGW.0301",
      "Incorrect IAM authentication information: Authorization header is missing; sign the request with SDK-HMAC-SHA256",
    ),
  malformedSignature: () =>
    gatewayError(
      401,
      "APIGW.0301",
      "Incorrect IAM authentication information: the Authorization or X-Sdk-Date header is malformed",
    ),
  unknownAk: (accessKey: string) =>
    gatewayError(
      401,
      "APIGW.0301",
      `Incorrect IAM authentication information: Get secretKey failed,ak:${maskAccessKey(accessKey)},err:ak not exist`,
    ),
  badSignature: () =>
    gatewayError(401, "APIGW.0301", "Incorrect IAM authentication information: verify aksk signature fail"),
  clockSkew: () =>
    gatewayError(
      401,
      "APIGW.0301",
      "Incorrect IAM authentication information: X-Sdk-Date is more than 15 minutes away from the server time; check the client clock",
    ),
  missingToken: () =>
    gatewayError(
      401,
      "APIGW.0301",
      "Incorrect IAM authentication information: X-Security-Token is required for temporary credentials",
    ),
  badToken: () =>
    gatewayError(401, "APIGW.0301", "Incorrect IAM authentication information: decrypt token fail"),
  akLocked: () =>
    gatewayError(
      401,
      "APIGW.0301",
      "Incorrect IAM authentication information: AK access failed to reach the limit,forbidden.",
    ),
  noSuchApi: () =>
    gatewayError(404, "APIGW.0101", "The API does not exist or has not been published in the environment"),
  throttled: () => gatewayError(429, "APIGW.0308", "The throttling threshold has been reached"),
};

export const Ims = {
  badFormat: (detail: string) => imsError("IMG.0001", `The request message format is invalid. ${detail}`),
  emptyBody: () => imsError("IMG.0007", "The request body is empty."),
  nameTooLong: (length: number) =>
    imsError("IMG.0002", `The image name contains more than 128 characters (got ${length}).`),
  nameFormat: (name: string) =>
    imsError(
      "IMG.0003",
      `The image name format is invalid: ${JSON.stringify(name)}. Use letters, digits, Chinese characters, spaces, '-', '_' and '.', not starting or ending with a space.`,
    ),
  nameMissing: () => imsError("IMG.0013", "The image name is not specified."),
  descriptionTooLong: (length: number) =>
    imsError("IMG.0004", `The description contains more than 1024 characters (got ${length}).`),
  descriptionFormat: () =>
    imsError(
      "IMG.0054",
      "The image description format is invalid: carriage returns, line feeds, '<' and '>' are not allowed.",
    ),
  quota: (quota: number) =>
    imsError("IMG.0015", `The number of private images has reached the maximum allowed (${quota}).`),
  /** 400 in the error-code table (every IMS code is); `status` 403 is the emulator's alternative. */
  permission: (action: string, status: 400 | 403 = 400) =>
    imsError(
      "IMG.0026",
      `The role is invalid. You need to apply for the required permissions or pass the real-name authentication. Policy doesn't allow ${action} to be performed.`,
      status,
    ),
  imageNotFound: (id: string, status = 400) =>
    imsError("IMG.0027", `The image ID in the request does not exist: ${id}.`, status),
  protectedImage: (id: string) => imsError("IMG.0028", `The image in the request is protected: ${id}.`),
  attributeConflict: (detail: string) =>
    imsError("IMG.0035", `An attribute conflict occurred during the modification. ${detail}`),
  unavailable: (id: string, status: string) =>
    imsError("IMG.0046", `The image is unavailable: ${id} is ${status}, not active.`),
  notOwner: (id: string) =>
    imsError("IMG.0047", `This operation can be performed only by the image owner: ${id}.`),
  flowControl: (limit: number) =>
    imsError(
      "IMG.0060",
      `The number of tasks exceeds the flow control limit (${limit} concurrent copy jobs). Submit again later.`,
    ),
  projectMismatch: (projectId: string) => imsError("IMG.0067", `The project ID is incorrect: ${projectId}.`),
  publicImage: (id: string) =>
    imsError("IMG.0083", `The image is a public image: ${id}. Only private images can be replicated.`),
  beingCreated: (id: string) => imsError("IMG.0090", `The image being created cannot be deleted: ${id}.`),
  kmsKeyMissing: (id: string) => imsError("IMG.0095", `The KMS key does not exist: ${id}.`),
  sameKmsKey: (id: string) =>
    imsError("IMG.0096", `The specified KMS key ID must be different from the image key ID: ${id}.`),
  kmsKeyDisabled: (id: string) => imsError("IMG.0097", `The key is not enabled: ${id}.`),
  sourceKeyMissing: (id: string) => imsError("IMG.0101", `The original key does not exist: ${id}.`),
  sourceKeyDisabled: (id: string) => imsError("IMG.0102", `The original key is not enabled: ${id}.`),
  otherTenant: (id: string) => imsError("IMG.0106", `The image owner is another tenant: ${id}.`),
  /** Code not published (behaviour flag `oversizedCopyCode`). */
  tooLarge: (code: string, id: string, sizeBytes: number, limitGiB: number) =>
    imsError(
      code,
      `The operation is not supported: image ${id} is ${(sizeBytes / 2 ** 30).toFixed(1)} GiB; an in-region copy takes images of at most ${limitGiB} GiB.`,
    ),
  /** Code not published (behaviour flag `windowsCopyCode`). */
  windowsImage: (code: string, id: string) =>
    imsError(
      code,
      `The operation is not supported: image ${id} is a Windows image; this API no longer replicates Windows images.`,
    ),
  tagInvalid: (detail: string) => imsError("IMG.0115", `The image tag is invalid. ${detail}`),
  tagQuota: (count: number) =>
    imsError(
      "IMG.0116",
      `The number of image tags exceeds the quota (at most 10 per image, would be ${count}).`,
    ),
  wholeImage: (id: string) =>
    imsError("IMG.0130", `The full-ECS image cannot be exported or replicated: ${id}.`),
  enterpriseProject: (id: string) =>
    imsError("IMG.0155", `Failed to check the enterprise project ID validity: ${JSON.stringify(id)}.`),
  isoImage: (id: string) => imsError("IMG.0167", `This operation cannot be performed for ISO images: ${id}.`),
  sharedNotAccepted: (id: string, status: string) =>
    imsError(
      "IMG.0196",
      `The image cannot be replicated because it is not accepted by the recipient: ${id} is ${status}.`,
    ),
  sharedEncrypted: (id: string) =>
    imsError(
      "IMG.0197",
      `Failed to replicate the shared image because it is encrypted using KMS: ${id} (a shared image cannot be copied to an encrypted image).`,
    ),
  jobNotFound: (jobId: string, status: number, code: string) =>
    imsError(code, `The job does not exist: ${jobId}.`, status),
  /** IMG.0061 is HTTP 400 in the error-code table, like every IMS code: a transient fault looks like a refusal. */
  internal: (detail: string) => imsError("IMG.0061", `Unknown system error. ${detail}`),
};
