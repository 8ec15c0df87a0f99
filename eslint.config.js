// Shared lint rules for every workspace (each package's `lint` runs `eslint .`,
// which finds this file by walking up).
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "**/node_modules/**",
      "**/.next/**",
      "**/.next-*/**",
      "**/.turbo/**",
      "**/dist/**",
      "**/generated/**",
      "**/.lantern/**",
      "**/test-results/**",
      "**/playwright-report/**",
      "**/next-env.d.ts",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: "readonly",
        console: "readonly",
        URL: "readonly",
        Buffer: "readonly",
        setTimeout: "readonly",
        clearTimeout: "readonly",
        fetch: "readonly",
        Response: "readonly",
        Request: "readonly",
      },
    },
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" },
      ],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "no-restricted-properties": [
        "error",
        {
          object: "process",
          property: "env",
          message: "Read configuration through the env module (apps/web/src/env.ts) instead.",
        },
      ],
    },
  },
  {
    // The modules that are allowed to read process.env.
    files: [
      "**/env.ts",
      "**/scripts/**",
      "**/*.config.ts",
      "**/*.config.js",
      "**/*.config.mjs",
      "**/e2e/**",
      "**/testing.ts",
      "**/*.test.ts",
      "**/bench/**",
      "**/instrumentation.ts",
    ],
    rules: { "no-restricted-properties": "off" },
  },
  {
    // End-to-end specs take `test` from their support module, whose fixture fails a test on
    // any Content-Security-Policy violation the browser reports.
    files: ["**/e2e/**/*.spec.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            {
              name: "@playwright/test",
              importNames: ["test", "expect"],
              message:
                "Import test and expect from ./support/test.ts (it fails a test on any CSP violation).",
            },
          ],
        },
      ],
    },
  },
);
