/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  // The package tests need the packed tarballs: jest.package.config.js, npm run test:package.
  testPathIgnorePatterns: ["/node_modules/", "<rootDir>/test/package/"],
  transform: {
    "^.+\\.ts$": ["ts-jest", { tsconfig: "<rootDir>/tsconfig.json", isolatedModules: true }],
  },
  moduleNameMapper: {
    "^cdktf-ims-image-copy$": "<rootDir>/lib/index.ts",
    "^cdktf-ims-image-copy/emulator$": "<rootDir>/lib/emulator/index.ts",
    "^cdktf-ims-image-copy/runtime$": "<rootDir>/lib/runtime/index.ts",
  },
  setupFilesAfterEnv: ["<rootDir>/test/setup.ts"],
  testTimeout: 30000,
};
