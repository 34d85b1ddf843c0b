/**
 * The package tests (test/package/): the tarballs of `npm run pack:all`, installed from the npm
 * registry in fresh directories and applied with real Terraform against the emulator. Not part of
 * the default jest run (they need the tarballs, network to the registry and CI's tools); run by
 * `npm run test:package`, which packs first.
 */
const base = require("./jest.config.js");

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  displayName: "package",
  roots: ["<rootDir>/test/package"],
  testPathIgnorePatterns: ["/node_modules/"],
  testTimeout: 300000,
};
