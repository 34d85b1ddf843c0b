/**
 * Builds the IMS client of a step: credentials, region, project and endpoint from the caller's
 * environment, overridden by what the construct pinned (region, project ID, endpoint).
 */
import { ImsClient } from "../client";
import { DEBUG_ENV } from "../config";
import { loggerFromEnv } from "../log";
import type { StepContext } from "./context";
import type { Target } from "./env";

export function clientFor(ctx: StepContext, target: Target): ImsClient {
  return ImsClient.fromEnv(ctx.env, target, {
    now: ctx.now,
    sleep: ctx.sleep,
    ...(ctx.debug ? { logger: loggerFromEnv(ctx.env, DEBUG_ENV, ctx.debug) } : {}),
  });
}
