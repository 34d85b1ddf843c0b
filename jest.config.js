/**
 * `npm test` runs every suite but the soak suites (`*.soak.test.ts`): wall-clock repeats of
 * behaviour that faster suites cover (on a simulated clock, or at many seeded points).
 * `npm run test:soak` (IMS_SOAK=1) runs them, with the reliability and security suites at larger sizes.
 */
const soak = process.env.IMS_SOAK === "1";

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  // The package tests need the packed tarballs: jest.package.config.js, npm run test:package.
  testPathIgnorePatterns: soak
    ? ["/node_modules/", "<rootDir>/test/package/"]
    : ["/node_modules/", "<rootDir>/test/package/", "\\.soak\\.test\\.ts$"],
  // Most suites wait (on terraform, child processes, emulated jobs) rather than compute, so they
  // share the cores well: more workers than cores (jest's default is one less than the cores).
  maxWorkers: 4,
  testSequencer: "<rootDir>/test/sequencer.js",
  transform: {
    "^.+\\.ts$": ["ts-jest", { tsconfig: "<rootDir>/tsconfig.json" }],
  },
  moduleNameMapper: {
    "^cdktf-ims-image-copy$": "<rootDir>/lib/index.ts",
    "^cdktf-ims-image-copy/emulator$": "<rootDir>/lib/emulator/index.ts",
    "^cdktf-ims-image-copy/runtime$": "<rootDir>/lib/runtime/index.ts",
  },
  setupFilesAfterEnv: ["<rootDir>/test/setup.ts"],
  testTimeout: 30000,
};
