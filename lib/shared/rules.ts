/**
 * Pure validators shared by the construct (synth time), the runtime (re-validation of its
 * environment at apply time) and the CLI, so that all three accept the same values and explain a
 * refusal in the same words.
 *
 * Each `checkX(value)` returns `undefined` when the value is acceptable, or a *problem*: a clause
 * that completes the sentence `<subject> <value> is invalid: <problem>` (see
 * {@link invalidValueMessage}), naming the rule that was broken. The callers add the subject (a
 * construct prop, an environment variable, a command-line flag) and what to do next.
 *
 * The limits come from the IMS API reference (image name and description rules of
 * `POST /v1/cloudimages/{image_id}/copy`; tag rules of `POST /v2/{project_id}/images/{image_id}/tags/action`
 * and the tag data-format page).
 *
 * No dependency on cdktf, axios or Node built-ins: this module is bundled into the runtime.
 */
import { MARKER_TAG_KEY, RemovalPolicy } from "./constants";

/** Longest image name (characters). */
export const MAX_NAME_LENGTH = 128;
/** Longest image description (characters). */
export const MAX_DESCRIPTION_LENGTH = 1024;
/** Longest tag key (characters). */
export const MAX_TAG_KEY_LENGTH = 36;
/** Longest tag value (characters). */
export const MAX_TAG_VALUE_LENGTH = 43;
/** Most tags the service accepts on one image. */
export const MAX_TAGS_PER_IMAGE = 10;
/** Most tags a user may ask for: the library adds its own marker tag to every image it creates. */
export const MAX_USER_TAGS = MAX_TAGS_PER_IMAGE - 1;
/** Longest string shown verbatim in a message; longer ones are shortened for display only. */
const MAX_SHOWN_LENGTH = 120;
/** At most this many distinct forbidden characters are listed in one problem. */
const MAX_LISTED_CHARACTERS = 5;

const EXAMPLE_UUID = "6f0a2b34-1c5d-4e7f-8a9b-0c1d2e3f4a5b";
const EXAMPLE_PROJECT_ID = "0e5cbc8a6a754d6b9c7e42d6f0a1b2c3";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const PROJECT_ID = /^[0-9a-f]{32}$/;
/** `cn-north-4`, `ap-southeast-1`, `eu-west-101`, `ae-ad-1`, `my-kualalumpur-1`, ... */
const REGION = /^[a-z]{2}(?:-[a-z]+)+-[0-9]{1,3}$/;
const MARKER = /^[0-9a-f]{40}$/;
const JOB_ID = /^[0-9a-f]{32}$/;
/** A whole number as text: decimal digits only (no sign, space, exponent, hexadecimal or fraction). */
const DIGITS = /^[0-9]+$/;

const NAME_CHARACTER = /^[A-Za-z0-9\-_. \p{Script=Han}]$/u;
const TAG_KEY_CHARACTER = /^[A-Za-z0-9_\-\p{Script=Han}]$/u;
const TAG_VALUE_CHARACTER = /^[A-Za-z0-9_.\-\p{Script=Han}]$/u;
/** `URL.hostname` writes IPv6 in brackets (`[::1]`); `::1` is accepted as written elsewhere. */
const LOOPBACK_HOSTS = new Set(["localhost", "[::1]", "::1"]);

/** The sentence every refusal uses: `<subject> <value> is invalid: <problem>`. */
export function invalidValueMessage(subject: string, value: unknown, problem: string): string {
  return `${subject} ${displayValue(value)} is invalid: ${problem}`;
}

/**
 * How a value is shown in a message: strings and objects as JSON, numbers as written. A URL's
 * user name and password are replaced by `***` (they must never reach a log), and a string longer
 * than 120 characters is shortened for display, with its length (the value itself is never changed).
 */
export function displayValue(value: unknown): string {
  if (typeof value === "number" || typeof value === "bigint" || typeof value === "boolean")
    return String(value);
  if (value === undefined) return "undefined";
  if (typeof value === "string") {
    const safe = redactUserInfo(value);
    const chars = [...safe];
    if (chars.length <= MAX_SHOWN_LENGTH) return JSON.stringify(safe);
    return `${JSON.stringify(chars.slice(0, MAX_SHOWN_LENGTH).join(""))}... (${chars.length} characters)`;
  }
  const json = JSON.stringify(value);
  return json === undefined ? String(value) : displayJson(json);
}

function displayJson(json: string): string {
  const chars = [...json];
  return chars.length <= MAX_SHOWN_LENGTH
    ? json
    : `${chars.slice(0, MAX_SHOWN_LENGTH).join("")}... (${chars.length} characters)`;
}

function redactUserInfo(value: string): string {
  return value.replace(/^([A-Za-z][A-Za-z0-9+.-]*:\/\/)[^/?#@]*@/, "$1***@");
}

/** Number of characters (Unicode code points) in a string. */
function lengthOf(value: string): number {
  return [...value].length;
}

function describeCharacter(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  return `${JSON.stringify(char)} (U+${code.toString(16).toUpperCase().padStart(4, "0")})`;
}

/** Lists the distinct characters of `value` that `allowed` rejects, or undefined when none. */
function forbiddenCharacters(value: string, allowed: RegExp): string | undefined {
  const bad: string[] = [];
  for (const char of value) {
    if (!allowed.test(char) && !bad.includes(char)) bad.push(char);
  }
  if (bad.length === 0) return undefined;
  const listed = bad.slice(0, MAX_LISTED_CHARACTERS).map(describeCharacter);
  if (bad.length > MAX_LISTED_CHARACTERS) listed.push(`${bad.length - MAX_LISTED_CHARACTERS} more`);
  return listed.length === 1
    ? listed[0]
    : `${listed.slice(0, -1).join(", ")} and ${listed[listed.length - 1]}`;
}

/** "a number", "an object", "an array", "null", "undefined", ... */
function kindOf(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (Array.isArray(value)) return "an array";
  const type = typeof value;
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

function notAString(value: unknown): string | undefined {
  return typeof value === "string" ? undefined : `it must be a string, not ${kindOf(value)}`;
}

/** Image name: 1-128 characters of letters, digits, Chinese characters, `-`, `_`, `.` and spaces; no leading or trailing space. */
export function checkName(value: string): string | undefined {
  const rule = `an image name has 1 to ${MAX_NAME_LENGTH} characters: letters (A-Z, a-z), digits, Chinese characters, "-", "_", "." and spaces, and does not start or end with a space`;
  const typeProblem = notAString(value);
  if (typeProblem) return typeProblem;
  if (value.length === 0) return `it is empty; ${rule}`;
  const length = lengthOf(value);
  if (length > MAX_NAME_LENGTH) return `it has ${length} characters; ${rule}`;
  const bad = forbiddenCharacters(value, NAME_CHARACTER);
  if (bad) return `it contains ${bad}; ${rule}`;
  if (value.startsWith(" ")) return `it starts with a space; ${rule}`;
  if (value.endsWith(" ")) return `it ends with a space; ${rule}`;
  return undefined;
}

/**
 * Image description: at most 1024 characters, no carriage return or newline, no `<` or `>` (the
 * service's rules), and no NUL: the value reaches the runtime in an environment variable, which
 * cannot hold one (Terraform fails the provisioner with "environment variable contains NUL").
 * May be empty.
 */
export function checkDescription(value: string): string | undefined {
  const rule = `a description has at most ${MAX_DESCRIPTION_LENGTH} characters and no carriage return, newline, NUL, "<" or ">"`;
  const typeProblem = notAString(value);
  if (typeProblem) return typeProblem;
  const length = lengthOf(value);
  if (length > MAX_DESCRIPTION_LENGTH) return `it has ${length} characters; ${rule}`;
  const bad = forbiddenCharacters(value, /^[^\r\n\0<>]$/u);
  if (bad) return `it contains ${bad}; ${rule}`;
  return undefined;
}

function checkUuid(value: string, what: string): string | undefined {
  const typeProblem = notAString(value);
  if (typeProblem) return typeProblem;
  return UUID.test(value) ? undefined : `${what} is a lower-case UUID such as "${EXAMPLE_UUID}"`;
}

/** Image ID: a lower-case UUID. */
export function checkImageId(value: string): string | undefined {
  return checkUuid(value, "an image ID");
}

/** KMS key ID (`cmk_id`): a lower-case UUID. */
export function checkKmsKeyId(value: string): string | undefined {
  return checkUuid(value, "a KMS key ID");
}

/** Enterprise project ID: `0` (the default enterprise project) or a lower-case UUID. */
export function checkEnterpriseProjectId(value: string): string | undefined {
  const typeProblem = notAString(value);
  if (typeProblem) return typeProblem;
  if (value === "0" || UUID.test(value)) return undefined;
  return `an enterprise project ID is "0" (the default enterprise project) or a lower-case UUID such as "${EXAMPLE_UUID}"`;
}

/** Project ID: 32 lower-case hexadecimal digits. */
export function checkProjectId(value: string): string | undefined {
  const typeProblem = notAString(value);
  if (typeProblem) return typeProblem;
  return PROJECT_ID.test(value)
    ? undefined
    : `a project ID is 32 lower-case hexadecimal digits such as "${EXAMPLE_PROJECT_ID}"`;
}

/** Region ID such as `cn-north-4`, `ap-southeast-1` or `eu-west-101`. */
export function checkRegion(value: string): string | undefined {
  const typeProblem = notAString(value);
  if (typeProblem) return typeProblem;
  return REGION.test(value)
    ? undefined
    : `a region is written like "cn-north-4", "ap-southeast-1" or "eu-west-101"`;
}

export interface EndpointRuleOptions {
  /**
   * Accept `http://` on any host (the runtime allows it only when the user opts in explicitly).
   * @default false - `http://` only for localhost, 127.0.0.0/8 and [::1]
   */
  readonly allowInsecureHttp?: boolean;
}

/** True for `localhost`, `127.x.y.z` and the IPv6 loopback `::1` (bracketed, as `URL.hostname` spells it, or not). */
export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname.toLowerCase()) || /^127(?:\.[0-9]{1,3}){3}$/.test(hostname);
}

/**
 * IMS endpoint: an absolute `https://` URL (or `http://` for a loopback host, e.g. the emulator),
 * without user name, password, query or fragment.
 */
export function checkEndpoint(value: string, options: EndpointRuleOptions = {}): string | undefined {
  const typeProblem = notAString(value);
  if (typeProblem) return typeProblem;
  const rule =
    'an endpoint is an "https://" URL such as "https://ims.cn-north-4.myhuaweicloud.com" ("http://" only for localhost, 127.0.0.1 or [::1])';
  if (!URL.canParse(value)) return `it is not an absolute URL; ${rule}`;
  const url = new URL(value);
  if (url.protocol !== "https:" && url.protocol !== "http:")
    return `its scheme is "${url.protocol.slice(0, -1)}"; ${rule}`;
  if (url.protocol === "http:" && !options.allowInsecureHttp && !isLoopbackHost(url.hostname)) {
    return `it uses plain "http://" for the non-loopback host "${url.hostname}"; ${rule}`;
  }
  if (url.username !== "" || url.password !== "") {
    return "it contains a user name or password; credentials come only from the environment (HW_ACCESS_KEY and HW_SECRET_KEY), never from the endpoint";
  }
  if (url.search !== "" || url.hash !== "") return `it has a query or fragment; ${rule}`;
  return undefined;
}

/**
 * An endpoint that {@link checkEndpoint} accepts, as requests use it: scheme and host as `URL`
 * writes them (lower case, default port dropped) and the path without trailing slashes, so that
 * `https://IMS.example.com:443/` and `https://ims.example.com` are the same endpoint.
 */
export function normalizeEndpoint(value: string): string {
  const url = new URL(value);
  return `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, "")}`;
}

/** Tag key: 1-36 characters of letters, digits, Chinese characters, `_` and `-`. */
export function checkTagKey(key: string): string | undefined {
  const rule = `a tag key has 1 to ${MAX_TAG_KEY_LENGTH} characters: letters (A-Z, a-z), digits, Chinese characters, "_" and "-"`;
  const typeProblem = notAString(key);
  if (typeProblem) return typeProblem;
  if (key.length === 0) return `it is empty; ${rule}`;
  const length = lengthOf(key);
  if (length > MAX_TAG_KEY_LENGTH) return `it has ${length} characters; ${rule}`;
  const bad = forbiddenCharacters(key, TAG_KEY_CHARACTER);
  if (bad) return `it contains ${bad}; ${rule}`;
  return undefined;
}

/** Tag value: 0-43 characters of letters, digits, Chinese characters, `_`, `.` and `-`. */
export function checkTagValue(value: string): string | undefined {
  const rule = `a tag value has 0 to ${MAX_TAG_VALUE_LENGTH} characters: letters (A-Z, a-z), digits, Chinese characters, "_", "." and "-"`;
  const typeProblem = notAString(value);
  if (typeProblem) return typeProblem;
  const length = lengthOf(value);
  if (length > MAX_TAG_VALUE_LENGTH) return `it has ${length} characters; ${rule}`;
  const bad = forbiddenCharacters(value, TAG_VALUE_CHARACTER);
  if (bad) return `it contains ${bad}; ${rule}`;
  return undefined;
}

/** Problem with the number of user tags, or undefined. */
export function checkTagCount(count: number): string | undefined {
  if (count <= MAX_USER_TAGS) return undefined;
  return `it has ${count} tags; an image holds at most ${MAX_TAGS_PER_IMAGE} tags and this library adds its own "${MARKER_TAG_KEY}" tag, so at most ${MAX_USER_TAGS} are allowed`;
}

/** Problem with one user tag key, including the reserved marker key, or undefined. */
export function checkUserTagKey(key: string): string | undefined {
  if (key === MARKER_TAG_KEY) {
    return `the tag key "${MARKER_TAG_KEY}" is reserved: this library sets it to recognise the images it creates`;
  }
  const problem = checkTagKey(key);
  return problem === undefined ? undefined : `tag key ${displayValue(key)} is invalid: ${problem}`;
}

/** Problem with the value of the user tag `key`, or undefined. */
export function checkUserTagValue(key: string, value: unknown): string | undefined {
  const problem = checkTagValue(value as string);
  return problem === undefined
    ? undefined
    : `the value ${displayValue(value)} of tag ${displayValue(key)} is invalid: ${problem}`;
}

/** The tags must be a plain object (of key/value strings). */
export function checkTagsObject(tags: unknown): string | undefined {
  if (typeof tags === "object" && tags !== null && !Array.isArray(tags)) return undefined;
  return `tags are an object of key/value strings such as {"team":"platform"}, not ${kindOf(tags)}`;
}

/**
 * The user's tags, as a whole: a plain object of string values, at most 9 entries (the marker tag
 * makes 10), no reserved key, each key and value valid. Returns the first problem found.
 */
export function checkTags(tags: unknown): string | undefined {
  const shapeProblem = checkTagsObject(tags);
  if (shapeProblem) return shapeProblem;
  const entries = Object.entries(tags as object);
  const countProblem = checkTagCount(entries.length);
  if (countProblem) return countProblem;
  for (const [key, value] of entries) {
    const problem = checkUserTagKey(key) ?? checkUserTagValue(key, value);
    if (problem) return problem;
  }
  return undefined;
}

const TIMEOUT_RULE = "a timeout is a whole number of minutes greater than 0";

/** A timeout in whole minutes, greater than 0. NaN, fractions, 0 and negatives are refused, never rounded. */
export function checkTimeoutMinutes(value: number): string | undefined {
  return typeof value === "number" && Number.isSafeInteger(value) && value > 0 ? undefined : TIMEOUT_RULE;
}

/**
 * A timeout written as text (an environment variable, a command-line flag): decimal digits only,
 * then {@link checkTimeoutMinutes} of its value. `" 5"`, `"0x10"`, `"1e1"` and `"+5"` are refused,
 * not read as numbers.
 */
export function checkTimeoutMinutesText(text: string): string | undefined {
  const typeProblem = notAString(text);
  if (typeProblem) return typeProblem;
  return DIGITS.test(text) ? checkTimeoutMinutes(Number(text)) : TIMEOUT_RULE;
}

/** `destroy` or `retain`. */
export function checkRemovalPolicy(value: string): string | undefined {
  const allowed = Object.values(RemovalPolicy) as string[];
  return allowed.includes(value)
    ? undefined
    : `a removal policy is ${allowed.map((p) => `"${p}"`).join(" or ")}`;
}

/** IMS job ID: 32 lower-case hexadecimal digits. */
export function checkJobId(value: string): string | undefined {
  const typeProblem = notAString(value);
  if (typeProblem) return typeProblem;
  return JOB_ID.test(value) ? undefined : "a job ID is 32 lower-case hexadecimal digits";
}

/** The marker that identifies one declared copy: 40 lower-case hexadecimal digits (computed by Terraform). */
export function checkMarker(value: string): string | undefined {
  const typeProblem = notAString(value);
  if (typeProblem) return typeProblem;
  return MARKER.test(value)
    ? undefined
    : "a marker is 40 lower-case hexadecimal digits (the construct computes it; do not set it by hand)";
}

/**
 * Problem with asking for an unencrypted copy together with a key, or undefined. `keyField` names
 * the key's field where the asker set it (a prop, a variable, a flag), else undefined.
 */
export function checkUnencryptedWithKey(
  unencrypted: boolean,
  keyField: string | undefined,
): string | undefined {
  return unencrypted && keyField !== undefined
    ? `it cannot be combined with ${keyField}: a copy is either encrypted with a key or unencrypted`
    : undefined;
}
