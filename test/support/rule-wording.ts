/**
 * The wording of the shared rules (lib/shared/rules.ts), pinned: tests compare messages with these
 * exact strings, so a change of wording shows as a change here.
 */
export const NAME_RULE =
  'an image name has 1 to 128 characters: letters (A-Z, a-z), digits, Chinese characters, "-", "_", "." and spaces, and does not start or end with a space';
export const DESCRIPTION_RULE =
  'a description has at most 1024 characters and no carriage return, newline, NUL, "<" or ">"';
export const ENDPOINT_RULE =
  'an endpoint is an "https://" URL such as "https://ims.cn-north-4.myhuaweicloud.com" ("http://" only for localhost, 127.0.0.1 or [::1])';
export const TAG_KEY_RULE =
  'a tag key has 1 to 36 characters: letters (A-Z, a-z), digits, Chinese characters, "_" and "-"';
export const TAG_VALUE_RULE =
  'a tag value has 0 to 43 characters: letters (A-Z, a-z), digits, Chinese characters, "_", "." and "-"';
export const TIMEOUT_RULE = "a timeout is a whole number of minutes greater than 0";
/** The runtime's own refusal of IMS_COPY_POLL_SECONDS (lib/runtime/config.ts), the same in every command. */
export const pollSecondsRefusal = (raw: string): string =>
  `IMS_COPY_POLL_SECONDS ${JSON.stringify(raw)} is invalid: a poll interval is a whole number of seconds from 1 to 60. Set it to 10 to poll as the official provider does, or leave it unset for the default strategy.`;
