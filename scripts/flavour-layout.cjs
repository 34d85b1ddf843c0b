/**
 * Where the flavour builds live, shared by scripts/flavours.mjs, scripts/check-readme.mjs and the
 * package tests (test/package/): the flavour table (package.json "flavours"), the staging
 * directories, the tarball names, and the README's code blocks.
 */
"use strict";
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS module, required by the ESM scripts and the jest tests */
const { readFileSync } = require("node:fs");
const { join } = require("node:path");

const ROOT = join(__dirname, "..");
const MANIFEST = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));

/**
 * @typedef {object} Flavour
 * @property {string} package npm package name
 * @property {string} framework the module lib/cdktf.ts imports in this flavour
 * @property {string} description
 * @property {Record<string, string>} peerDependencies
 * @property {Record<string, string>} minimumVersions lowest version of each peer (jsii's dev dependencies; the install test uses them)
 * @property {{distName: string, module: string}} python
 */

/** @type {Record<string, Flavour>} */
const FLAVOURS = MANIFEST.flavours;

/** The staging package of a flavour (scripts/flavours.mjs). */
function stageDir(flavour) {
  return join(ROOT, "build", flavour);
}

/** The tarball `npm pack` writes for a flavour, under pkg/. */
function tarballPath(flavour) {
  return join(ROOT, "pkg", `${FLAVOURS[flavour].package}-${MANIFEST.version}.tgz`);
}

/**
 * The fenced code blocks of one language in a Markdown text, each with the line number of its
 * first line of code.
 * @returns {{line: number, code: string}[]}
 */
function codeBlocks(markdown, language) {
  const found = [];
  const lines = markdown.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(\S+)/.exec(lines[i]);
    if (open === null) continue;
    const end = lines.findIndex((line, j) => j > i && line.startsWith("```"));
    if (end === -1) throw new Error(`line ${i + 1}: unclosed code block`);
    if (open[1] === language) found.push({ line: i + 2, code: lines.slice(i + 1, end).join("\n") });
    i = end;
  }
  return found;
}

/** The flavour a TypeScript snippet is written for, from its imports (cdktf when it imports neither). */
function flavourOfSnippet(code) {
  const imported = [...code.matchAll(/from\s+"([^"]+)"/g)].map((m) => m[1]);
  const uses = Object.entries(FLAVOURS)
    .filter(([, f]) => imported.some((name) => name === f.framework || name.split("/")[0] === f.package))
    .map(([flavour]) => flavour);
  if (uses.length > 1) throw new Error(`a snippet imports both ${uses.join(" and ")}`);
  return uses[0] ?? "cdktf";
}

module.exports = { ROOT, MANIFEST, FLAVOURS, stageDir, tarballPath, codeBlocks, flavourOfSnippet };
