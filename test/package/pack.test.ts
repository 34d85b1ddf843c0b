/**
 * What `npm run pack:all` puts in each tarball: only what users need (the compiled library and
 * its declarations, the runtime bundle, the jsii assembly, README, LICENSE, API.md, and the
 * bundled non-jsii dependencies), a publishable manifest, and an assembly that other languages
 * can use. Run by `npm run test:package` (after pack:all).
 */
import { createHash } from "crypto";
import {
  FLAVOUR_NAMES,
  layout,
  removeExtractedTarballs,
  tarball,
  tarballEntries,
  tarballFile,
} from "./support";

/* eslint-disable @typescript-eslint/no-explicit-any */

/** Entries every tarball must have. */
const REQUIRED = [
  "package.json",
  "README.md",
  "LICENSE",
  "API.md",
  ".jsii",
  "bundle/ims-image-copy-runtime.js",
  "dist/index.js",
  "dist/index.d.ts",
  "dist/ims-image-copy.js",
  "dist/ims-image-copy.d.ts",
  "dist/emulator/index.js",
  "dist/emulator/index.d.ts",
  "dist/emulator/cli.js",
  "dist/runtime/index.js",
  "dist/runtime/index.d.ts",
  "dist/runtime/cli.js",
];

afterAll(removeExtractedTarballs);

describe.each(FLAVOUR_NAMES)("the %s tarball", (flavour) => {
  const f = layout.FLAVOURS[flavour];
  let entries: string[];
  let manifest: any;
  beforeAll(() => {
    entries = tarballEntries(tarball(flavour));
    manifest = JSON.parse(tarballFile(tarball(flavour), "package.json"));
  });

  test("holds what users need and nothing else: no sources, tests, source maps, build files or secrets", () => {
    for (const path of REQUIRED) expect(entries).toContain(path);
    const closure = bundledClosure(tarball(flavour), entries, manifest.bundledDependencies);
    const unexpected = entries.filter((path) => {
      if (["package.json", "README.md", "LICENSE", "API.md", ".jsii"].includes(path)) return false;
      if (path === "bundle/ims-image-copy-runtime.js") return false;
      if (/^dist\/.+(\.js|\.d\.ts)$/.test(path)) return false;
      const dependency = /^node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(path);
      return dependency === null || !closure.has(dependency[1]);
    });
    expect(unexpected).toEqual([]);
    // Source maps and build files of our own (bundled third-party packages are as their authors publish them).
    const own = entries.filter((path) => !path.startsWith("node_modules/"));
    expect(own.filter((path) => /\.map$|\.tsbuildinfo$/.test(path))).toEqual([]);
    expect(entries.filter((path) => /(^|\/)\.env|\.npmrc$|\.pem$|\.key$|id_rsa/.test(path))).toEqual([]);
    for (const path of entries.filter((p) => p.startsWith("dist/") && p.endsWith(".js"))) {
      expect([path, tarballFile(tarball(flavour), path).includes("sourceMappingURL")]).toEqual([path, false]);
    }
  });

  test("bundles the non-jsii dependencies (axios, for the ./runtime client) and nothing the construct entry needs", () => {
    expect(manifest.bundledDependencies).toEqual(Object.keys(layout.MANIFEST.dependencies ?? {}));
    const bundledPackages = new Set(
      entries
        .map((path) => /^node_modules\/((?:@[^/]+\/)?[^/]+)\/package\.json$/.exec(path)?.[1])
        .filter((name): name is string => name !== undefined),
    );
    expect(bundledPackages).toContain("axios");
    // The construct entry loads no bundled dependency: the jsii runtimes of other languages load it.
    const constructEntry = [
      "dist/index.js",
      "dist/ims-image-copy.js",
      "dist/cdktf.js",
      "dist/runtime-asset.js",
    ];
    for (const path of constructEntry)
      expect(tarballFile(tarball(flavour), path)).not.toMatch(/require\("axios"\)/);
  });

  test("has a publishable manifest: name, peers of its framework, license, author, repository, homepage, bugs, stability", () => {
    expect(manifest).toMatchObject({
      name: f.package,
      version: layout.MANIFEST.version,
      description: f.description,
      license: "Apache-2.0",
      peerDependencies: f.peerDependencies,
      stability: "experimental",
      author: { name: expect.any(String) },
      repository: { type: "git", url: expect.stringMatching(/^https:\/\//) },
      homepage: expect.stringMatching(/^https:\/\//),
      bugs: { url: expect.stringMatching(/^https:\/\//) },
      jsii: { targets: { python: f.python } },
    });
    expect(manifest).not.toHaveProperty("private");
    expect(manifest).not.toHaveProperty("scripts");
    expect(manifest).not.toHaveProperty("flavours");
    const other = FLAVOUR_NAMES.filter((name) => name !== flavour).map(
      (name) => layout.FLAVOURS[name].framework,
    );
    for (const framework of other) expect(Object.keys(manifest.peerDependencies)).not.toContain(framework);
  });

  test("LICENSE is the Apache License 2.0 that package.json names", () => {
    const license = tarballFile(tarball(flavour), "LICENSE");
    expect(license).toMatch(
      /^\s+Apache License\s+Version 2\.0, January 2004\s+http:\/\/www\.apache\.org\/licenses\//,
    );
    expect(license).toContain("END OF TERMS AND CONDITIONS");
  });

  test("the jsii assembly describes the construct for other languages: enum, static constants, escape hatches", () => {
    const assembly = JSON.parse(tarballFile(tarball(flavour), ".jsii"));
    const pkg = f.package;
    expect(assembly.name).toBe(pkg);
    expect(Object.keys(assembly.dependencies)).toEqual(expect.arrayContaining([f.framework, "constructs"]));
    expect(Object.keys(assembly.types).sort()).toEqual(
      [`${pkg}.ImsImageCopy`, `${pkg}.ImsImageCopyProps`, `${pkg}.RemovalPolicy`].sort(),
    );
    const construct = assembly.types[`${pkg}.ImsImageCopy`];
    expect(construct.base).toBe("constructs.Construct");
    const property = (type: any, name: string): any => type.properties.find((p: any) => p.name === name);
    for (const name of [
      "DEFAULT_CREATE_TIMEOUT_MINUTES",
      "DEFAULT_DELETE_TIMEOUT_MINUTES",
      "MARKER_TAG_KEY",
    ]) {
      expect(property(construct, name)).toMatchObject({ static: true, const: true });
    }
    for (const name of ["copyResource", "resultResource", "imageResource", "attributesResource"]) {
      expect(property(construct, name).type).toEqual({ fqn: `${f.framework}.TerraformResource` });
    }
    expect(property(assembly.types[`${pkg}.ImsImageCopyProps`], "removalPolicy").type).toEqual({
      fqn: `${pkg}.RemovalPolicy`,
    });
    expect(assembly.types[`${pkg}.RemovalPolicy`].members.map((m: any) => m.name)).toEqual([
      "DESTROY",
      "RETAIN",
    ]);
  });

  test("the TypeScript declarations also accept the removal policy's string values", () => {
    expect(tarballFile(tarball(flavour), "dist/ims-image-copy.d.ts")).toContain(
      "readonly removalPolicy?: RemovalPolicy | `${RemovalPolicy}`;",
    );
  });

  test("the framework module imports this flavour's framework only", () => {
    const module = tarballFile(tarball(flavour), "dist/cdktf.js");
    expect(module).toContain(`require("${f.framework}")`);
    for (const name of FLAVOUR_NAMES.filter((n) => n !== flavour)) {
      expect(module).not.toContain(`require("${layout.FLAVOURS[name].framework}")`);
    }
  });
});

test("both flavours ship the same runtime bundle and the same apply-time code, byte for byte", () => {
  const digest = (flavour: string, path: string): string =>
    createHash("sha256")
      .update(tarballFile(tarball(flavour), path))
      .digest("hex");
  const [first, ...others] = FLAVOUR_NAMES;
  const shared = tarballEntries(tarball(first)).filter(
    (path) =>
      path.startsWith("bundle/") || path.startsWith("dist/runtime/") || path.startsWith("dist/shared/"),
  );
  expect(shared.length).toBeGreaterThan(3);
  for (const other of others) {
    for (const path of shared) expect([path, digest(other, path)]).toEqual([path, digest(first, path)]);
  }
});

/**
 * The packages under node_modules/ of a tarball that a bundled dependency needs: the bundled ones
 * and, through the manifests in the tarball, their dependencies.
 */
function bundledClosure(file: string, entries: readonly string[], bundled: readonly string[]): Set<string> {
  const manifests = new Map<string, { dependencies?: Record<string, string> }>();
  for (const path of entries) {
    const name = /^node_modules\/((?:@[^/]+\/)?[^/]+)\/package\.json$/.exec(path)?.[1];
    if (name !== undefined) manifests.set(name, JSON.parse(tarballFile(file, path)));
  }
  const closure = new Set<string>();
  const visit = (name: string): void => {
    if (closure.has(name) || !manifests.has(name)) return;
    closure.add(name);
    for (const dependency of Object.keys(manifests.get(name)?.dependencies ?? {})) visit(dependency);
  };
  bundled.forEach(visit);
  return closure;
}
