/**
 * The construct tests and the real-Terraform end-to-end suite under CDK Terrain: every import of
 * `cdktf` (the library's lib/cdktf.ts and the tests' own) resolves to `cdktn`, as in the
 * cdktn-ims-image-copy build (scripts/flavours.mjs). Run by `npm run test:cdktn`.
 */
const base = require("./jest.config.js");

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  displayName: "cdktn",
  globals: { IMS_FRAMEWORK: "cdktn" },
  roots: ["<rootDir>/test/construct", "<rootDir>/test/e2e"],
  moduleNameMapper: { "^cdktf$": "cdktn", ...base.moduleNameMapper },
};
