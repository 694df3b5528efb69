// Lint with the Office add-in rules (eslint-plugin-office-addins), which run prettier too.
// The plugin's bundled config loses the TypeScript parser and plugin when loaded from
// CommonJS (their `default` export is undefined), so they are set here explicitly.
const officeAddins = require("eslint-plugin-office-addins");
const tseslint = require("typescript-eslint");

const officeTs = officeAddins.configs.recommended.find((c) =>
  (c.files || []).some((f) => f.includes("ts"))
);

module.exports = [
  { ignores: ["build/**", "dist/**", "node_modules/**", "demo-output/**", "coverage/**"] },
  ...officeAddins.configs.recommended,
  {
    // The task pane's React files: the same Office rules, with JSX.
    ...officeTs,
    files: ["**/*.tsx"],
    languageOptions: {
      ...officeTs.languageOptions,
      parserOptions: { ...officeTs.languageOptions.parserOptions, ecmaFeatures: { jsx: true } },
    },
  },
  {
    files: ["**/*.ts", "**/*.tsx"],
    languageOptions: { parser: tseslint.parser, sourceType: "module" },
    plugins: { "@typescript-eslint": tseslint.plugin },
    rules: { "no-undef": "off", "no-redeclare": "off" },
  },
  {
    // ExcelJS code (the .xlsx adapter, the demo, tests, benchmarks) looks like Office.js to the
    // proxy-object rules but has no load/sync: those rules apply to the Office.js code only.
    files: ["src/adapters/xlsx/**", "src/demo/**", "src/cli/**", "test/**", "bench/**"],
    rules: {
      "office-addins/load-object-before-read": "off",
      "office-addins/call-sync-before-read": "off",
      "office-addins/call-sync-after-load": "off",
      "office-addins/no-context-sync-in-loop": "off",
      "office-addins/test-for-null-using-isNullObject": "off",
      "office-addins/no-navigational-load": "off",
      "office-addins/no-empty-load": "off",
    },
  },
  {
    files: ["**/*.js"],
    languageOptions: {
      sourceType: "commonjs",
      ecmaVersion: 2022,
      globals: {
        require: "readonly",
        module: "writable",
        process: "readonly",
        __dirname: "readonly",
        console: "readonly",
      },
    },
  },
];
