/**
 * The emulated API Gateway's authentication (SDK-HMAC-SHA256 via the emulator's own verifier in
 * signature.ts, security tokens of temporary credentials) and IMS's IAM permission checks.
 */
import type { IncomingHttpHeaders } from "http";
import { Gateway, Ims } from "./ims-errors";
import { verifyGatewaySignature, type GatewayVerdict } from "./signature";
import type { EmulatorCredential } from "./types";

/** When to lock an access key after consecutive authentication failures (0: never). */
export interface LockPolicy {
  readonly akLockAfterFailures: number;
  readonly akLockSeconds: number;
}

export class CredentialStore {
  private readonly byAk: Map<string, EmulatorCredential>;
  private readonly failures = new Map<string, { count: number; lockedUntil: number }>();

  constructor(credentials: readonly EmulatorCredential[]) {
    this.byAk = new Map(credentials.map((c) => [c.accessKey, c]));
  }

  /**
   * The credential that signed the request; throws the gateway's 401 otherwise.
   * `now` is the gateway's clock (for the 15-minute `X-Sdk-Date` window and AK locks).
   */
  authenticate(
    method: string,
    url: string,
    headers: IncomingHttpHeaders,
    body: Uint8Array,
    now: number,
    lock: LockPolicy,
  ): EmulatorCredential {
    const result = verifyGatewaySignature(
      { method, target: url, headers, body },
      (ak) => this.byAk.get(ak)?.secretKey,
      now,
    );
    const ak = result.accessKey;
    const state = ak !== undefined ? this.failures.get(ak) : undefined;
    if (state && now < state.lockedUntil) throw Gateway.akLocked();
    try {
      const credential = this.check(result);
      this.failures.delete(credential.accessKey);
      return credential;
    } catch (err) {
      if (ak !== undefined && this.byAk.has(ak) && lock.akLockAfterFailures > 0) {
        const next = { count: (state?.count ?? 0) + 1, lockedUntil: 0 };
        if (next.count > lock.akLockAfterFailures) next.lockedUntil = now + lock.akLockSeconds * 1000;
        this.failures.set(ak, next);
      }
      throw err;
    }
  }

  private check(result: GatewayVerdict): EmulatorCredential {
    if (!result.ok) {
      switch (result.reason) {
        case "missing":
          throw Gateway.missingSignature();
        case "malformed":
          throw Gateway.malformedSignature();
        case "unknown-ak":
          throw Gateway.unknownAk(result.accessKey ?? "");
        case "clock-skew":
          throw Gateway.clockSkew();
        case "bad-signature":
          throw Gateway.badSignature();
      }
    }
    const credential = this.byAk.get(result.accessKey)!;
    if (credential.securityToken !== undefined) {
      if (result.securityToken === undefined) throw Gateway.missingToken();
      if (result.securityToken !== credential.securityToken) throw Gateway.badToken();
    }
    return credential;
  }
}

/** Throws IMS's IMG.0026 naming the missing IAM action (HTTP `status`: 400 as documented, or 403). */
export function requirePermission(credential: EmulatorCredential, action: string, status: 400 | 403): void {
  if (credential.permissions.includes("*") || credential.permissions.includes(action)) return;
  throw Ims.permission(action, status);
}
