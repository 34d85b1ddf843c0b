/**
 * cdktf-ims-image-copy: a CDK for Terraform construct that copies a Huawei Cloud IMS private image
 * within its region at `terraform apply`.
 */
export { ImsImageCopy } from "./ims-image-copy";
export type { ImsImageCopyProps } from "./ims-image-copy";
export { ImsImageCopyConfigError } from "./errors";
export {
  DEFAULT_CREATE_TIMEOUT_MINUTES,
  DEFAULT_DELETE_TIMEOUT_MINUTES,
  MARKER_TAG_KEY,
  RemovalPolicy,
} from "./shared/constants";
