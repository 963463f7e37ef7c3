/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: { "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json" }] },
  moduleNameMapper: { "^office-addin-manifest$": "office-addin-manifest/lib/officeApp.js" },
  testTimeout: 120000,
  // One line per missing outside engine (LibreOffice, Chromium): how many tests were skipped, how to run them.
  reporters: ["default", "<rootDir>/scripts/engineSkipsReporter.js"],
};
