/** @type {import('eslint').Linter.Config} */
module.exports = {
  root: true,
  extends: ["@remix-run/eslint-config", "@remix-run/eslint-config/node", "prettier"],
  settings: {
    "import/resolver": { typescript: { project: "./tsconfig.json" }, node: true },
  },
  rules: {
    "import/order": [
      "error",
      {
        groups: ["builtin", "external", "internal", "parent", "sibling", "index"],
        pathGroups: [{ pattern: "~/**", group: "internal" }],
        pathGroupsExcludedImportTypes: ["builtin"],
        "newlines-between": "never",
        alphabetize: { order: "asc", caseInsensitive: true },
      },
    ],
    "import/no-duplicates": "error",
  },
  overrides: [
    {
      files: ["tests/**/*.ts", "**/*.test.ts", "playwright.config.ts"],
      rules: { "testing-library/prefer-screen-queries": "off" },
    },
  ],
};
