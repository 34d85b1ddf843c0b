/**
 * Fault rules by route: validation, matching (method, path regex, times, probability from a
 * seeded PRNG so runs are reproducible) and the response a matched rule produces.
 */
import { checkJobFailure } from "./behaviour";
import type { FaultRule } from "./types";

/** mulberry32: a tiny seeded PRNG; returns a function yielding floats in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface ActiveFault {
  readonly id: string;
  readonly rule: FaultRule;
  readonly pattern: RegExp;
  /** How many requests it has affected. */
  hits: number;
}

function fail(field: string, value: unknown, rule: string): never {
  throw new Error(`Fault rule field "${field}" = ${JSON.stringify(value)} is invalid: ${rule}.`);
}

/** Checks a rule (from code or from `POST /_emulator/faults`) and compiles its path. */
export function compileFault(id: string, raw: unknown): ActiveFault {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw))
    fail("(rule)", raw, "a fault rule must be a JSON object");
  const rule = raw as FaultRule;
  if (typeof rule.path !== "string" || rule.path === "")
    fail("path", rule.path, "it must be a non-empty regular expression string");
  let pattern: RegExp;
  try {
    pattern = new RegExp(rule.path);
  } catch (err) {
    fail("path", rule.path, `it is not a valid regular expression (${(err as Error).message})`);
  }
  if (rule.method !== undefined && (typeof rule.method !== "string" || !/^[A-Za-z]+$/.test(rule.method)))
    fail("method", rule.method, "it must be an HTTP method");
  if (rule.times !== undefined && (!Number.isInteger(rule.times) || rule.times < 1))
    fail("times", rule.times, "it must be an integer >= 1");
  if (rule.status !== undefined && (!Number.isInteger(rule.status) || rule.status < 100 || rule.status > 599))
    fail("status", rule.status, "it must be an HTTP status 100..599");
  if (rule.latencyMs !== undefined && (typeof rule.latencyMs !== "number" || !(rule.latencyMs >= 0)))
    fail("latencyMs", rule.latencyMs, "it must be a number >= 0");
  if (
    rule.retryAfterSeconds !== undefined &&
    (!Number.isInteger(rule.retryAfterSeconds) || rule.retryAfterSeconds < 0)
  ) {
    fail("retryAfterSeconds", rule.retryAfterSeconds, "it must be an integer >= 0");
  }
  if (
    rule.probability !== undefined &&
    (typeof rule.probability !== "number" || !(rule.probability >= 0 && rule.probability <= 1))
  ) {
    fail("probability", rule.probability, "it must be a number from 0 to 1");
  }
  for (const key of ["imsCode", "message"] as const) {
    if (rule[key] !== undefined && typeof rule[key] !== "string") fail(key, rule[key], "it must be a string");
  }
  for (const key of ["reset", "afterHandling"] as const) {
    if (rule[key] !== undefined && typeof rule[key] !== "boolean")
      fail(key, rule[key], "it must be true or false");
  }
  if (rule.jobFailure !== undefined) checkJobFailure("jobFailure", rule.jobFailure);
  return { id, rule: { ...rule }, pattern, hits: 0 };
}

/** Whether the rule changes the response (else it only delays, or only fails the job). */
export function failsResponse(rule: FaultRule): boolean {
  return (
    rule.reset === true ||
    rule.status !== undefined ||
    rule.imsCode !== undefined ||
    rule.body !== undefined ||
    rule.retryAfterSeconds !== undefined ||
    (rule.latencyMs === undefined && rule.jobFailure === undefined)
  );
}

export class FaultSet {
  private faults: ActiveFault[] = [];
  private counter = 0;
  private random: () => number;

  constructor(private readonly seed: number) {
    this.random = seededRandom(seed);
  }

  add(raw: unknown): string {
    const id = `fault-${++this.counter}`;
    this.faults.push(compileFault(id, raw));
    return id;
  }

  clear(): void {
    this.faults = [];
    this.random = seededRandom(this.seed);
  }

  list(): { id: string; rule: FaultRule; hits: number }[] {
    return this.faults.map((f) => ({ id: f.id, rule: { ...f.rule }, hits: f.hits }));
  }

  /** The first rule that applies to this request (and counts it), if any. */
  take(method: string, path: string): ActiveFault | undefined {
    for (const fault of this.faults) {
      const { rule } = fault;
      if (rule.method !== undefined && rule.method.toUpperCase() !== method.toUpperCase()) continue;
      if (!fault.pattern.test(path)) continue;
      if (rule.times !== undefined && fault.hits >= rule.times) continue;
      if (rule.probability !== undefined && rule.probability < 1 && this.random() >= rule.probability)
        continue;
      fault.hits += 1;
      return fault;
    }
    return undefined;
  }
}
