// Lint: the Office Add-in rules (load before read, no sync in loops …) from
// eslint-plugin-office-addins, applied to .ts and .tsx alike, with prettier.
const officeAddins = require("eslint-plugin-office-addins");
const tsParser = require("@typescript-eslint/parser");
const globals = {
  Office: "readonly", Excel: "readonly", CustomFunctions: "readonly", OfficeRuntime: "readonly",
  console: "readonly", window: "readonly", document: "readonly", process: "readonly", require: "readonly",
  module: "writable", __dirname: "readonly", Buffer: "readonly", setTimeout: "readonly", clearTimeout: "readonly",
  performance: "readonly", URL: "readonly", Blob: "readonly", TextEncoder: "readonly", TextDecoder: "readonly",
  setImmediate: "readonly", navigator: "readonly", describe: "readonly", it: "readonly", test: "readonly",
  expect: "readonly", beforeAll: "readonly", afterAll: "readonly", beforeEach: "readonly", afterEach: "readonly",
  jest: "readonly", globalThis: "readonly", HTMLElement: "readonly", fetch: "readonly", queueMicrotask: "readonly",
};
const base = officeAddins.configs.react;
module.exports = [
  { ignores: ["dist/**", "lib/**", "node_modules/**", "scratch/**", "coverage/**", "test-results/**"] },
  ...base,
  {
    files: ["**/*.{ts,tsx}"],
    languageOptions: {
      parser: tsParser,
      ecmaVersion: 2022,
      sourceType: "module",
      parserOptions: { ecmaFeatures: { jsx: true } },
      globals,
    },
    plugins: { "office-addins": officeAddins, "@typescript-eslint": require("@typescript-eslint/eslint-plugin"), prettier: require("eslint-plugin-prettier") },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-unused-vars": "off",
      "no-undef": "off", // TypeScript checks names
      "no-redeclare": "off",
      "react/react-in-jsx-scope": "off",
      "react/prop-types": "off",
      "office-addins/call-sync-after-load": "error",
      "office-addins/call-sync-before-read": "error",
      "office-addins/load-object-before-read": "error",
      "office-addins/no-context-sync-in-loop": "error",
      "office-addins/no-empty-load": "error",
      "office-addins/no-navigational-load": "warn",
      "office-addins/test-for-null-using-isNullObject": "error",
      "prettier/prettier": ["error", { endOfLine: "auto" }],
    },
  },
];
