/**
 * The emulator's signature verifier is independent of the client's signer, and the shipped
 * runtime bundle carries only the signer.
 */
import { readdirSync, readFileSync } from "fs";
import { join } from "path";
import { buildBundle, removeDir, REPO_ROOT, tempDir } from "../handler/support/runtime";

function sources(dir: string): string[] {
  return readdirSync(join(REPO_ROOT, dir), { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".ts"))
    .map((f) => join(dir, f));
}

function importsOf(file: string): string[] {
  const text = readFileSync(join(REPO_ROOT, file), "utf8");
  return [...text.matchAll(/^(?:import|export)[^;]*?from\s+"([^"]+)"/gms)].map((m) => m[1]);
}

describe("the emulator's verifier shares no code with the client's signer", () => {
  test("no emulator file imports lib/runtime/signer.ts, and signature.ts imports only node:crypto", () => {
    const offenders = sources("lib/emulator").filter((f) =>
      importsOf(f).some((i) => /runtime\/signer/.test(i)),
    );
    expect(offenders).toEqual([]);
    expect(importsOf("lib/emulator/signature.ts")).toEqual(["crypto"]);
  });

  test("no runtime file imports the emulator", () => {
    const offenders = sources("lib/runtime").filter((f) => importsOf(f).some((i) => /emulator/.test(i)));
    expect(offenders).toEqual([]);
  });
});

describe("the shipped runtime bundle", () => {
  let dir: string;
  let bundle: string;
  beforeAll(() => {
    dir = tempDir("ims-bundle-isolation-");
    bundle = readFileSync(buildBundle(dir), "utf8");
  }, 120_000);
  afterAll(() => removeDir(dir));

  test("holds the signer (its names survive minification) but no verifier code", () => {
    // Positive control: the bundle keeps function names (keepNames), so the checks below can see them.
    expect(bundle).toContain("signRequest");
    expect(bundle).toContain("canonicalRequest");
    for (const verifierMark of [
      "verifyGatewaySignature",
      "verifyRequest",
      "parseAuthorization",
      "GATEWAY_CLOCK_WINDOW_MS",
      "clock-skew",
      "unknown-ak",
      "bad-signature",
    ]) {
      expect([verifierMark, bundle.includes(verifierMark)]).toEqual([verifierMark, false]);
    }
  });
});
