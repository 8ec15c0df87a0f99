// Shared lint rules for every workspace (each package's `lint` runs `eslint .`,
// which finds this file by walking up).
import js from "@eslint/js";
import tseslint from "typescript-eslint";

// The walls between Lantern's packages (README → "Layout"): who may import whom. A new arrow
// is a design decision — change this table and the README's picture together.
// `allowed` are the Lantern packages a place may import; every other one is refused.
const PACKAGES = ["api", "connectors", "db", "domain", "emails", "notify", "seed", "web"];
/** Tests and test helpers may also build their worlds with the seed factories. */
const TEST_FILES = [
  "**/*.test.ts",
  "**/*.test.tsx",
  "**/*.table.ts",
  "**/testing.ts",
  "**/testing/**",
];
const WALLS = [
  { name: "domain", files: ["packages/domain/**"], allowed: [], io: true },
  { name: "db", files: ["packages/db/**"], allowed: [] },
  { name: "connectors", files: ["packages/connectors/**"], allowed: [] },
  { name: "emails", files: ["emails/**"], allowed: [], typesFrom: ["domain"] },
  { name: "seed", files: ["packages/seed/**"], allowed: ["db", "domain"] },
  { name: "notify", files: ["packages/notify/**"], allowed: ["db", "domain", "emails"] },
  { name: "api", files: ["packages/api/**"], allowed: ["connectors", "db", "domain", "notify"] },
  { name: "web", files: ["apps/web/src/**"], allowed: ["api", "domain", "emails", "notify"] },
  // The web app holds the database handle and next-auth's adapter, and demo mode's door to
  // the demo data; every other read or write goes through an api service.
  {
    name: "web (database)",
    files: ["apps/web/src/server/database.ts", "apps/web/src/server/auth/adapter.ts"],
    allowed: ["api", "db", "domain", "emails", "notify"],
  },
  {
    name: "web (demo mode)",
    files: ["apps/web/src/server/demo.ts"],
    allowed: ["api", "db", "domain", "emails", "notify", "seed"],
  },
];

function wallRule({ name, allowed, typesFrom = [], io = false }, extra = []) {
  const self = name.split(" ")[0];
  const open = new Set([self, ...allowed, ...extra]);
  const refused = PACKAGES.filter((p) => !open.has(p) && !typesFrom.includes(p));
  const patterns = refused.map((p) => ({
    group: [`@lantern/${p}`, `@lantern/${p}/*`],
    message: `${name} may not import @lantern/${p} (allowed: ${[...open].filter((x) => x !== self).join(", ") || "nothing of Lantern's"}). See README → Layout.`,
  }));
  for (const p of typesFrom) {
    patterns.push({
      group: [`@lantern/${p}`, `@lantern/${p}/*`],
      allowTypeImports: true,
      message: `${name} may import only types from @lantern/${p}.`,
    });
  }
  // Reaching into a package's files instead of its exports hides an arrow.
  patterns.push({
    group: [
      "@lantern/*/src/**",
      ...PACKAGES.filter((p) => p !== self && p !== "emails").map((p) => `**/${p}/src/**`),
    ],
    message: "Import another package by its name and exports, not by a path into its files.",
  });
  if (io) {
    patterns.push({
      group: ["@prisma/*", "pg", "node:*", "fs", "net", "http", "https", "child_process"],
      message: "The domain is pure: no database, file or network imports.",
    });
  }
  return ["error", { patterns }];
}

const wallConfigs = WALLS.flatMap((wall) => [
  { files: wall.files, rules: { "@typescript-eslint/no-restricted-imports": wallRule(wall) } },
  // Below seed (db, domain, connectors, emails) a test cannot use it: that would be a circle.
  ...(["domain", "db", "connectors", "emails"].includes(wall.name)
    ? []
    : [
        {
          files: wall.files.flatMap((f) =>
            TEST_FILES.map((t) => `${f.replace(/\/\*\*$/, "")}/${t}`),
          ),
          rules: { "@typescript-eslint/no-restricted-imports": wallRule(wall, ["seed"]) },
        },
      ]),
]);

/** A text colour class (any variant, any opacity) of the greys 200–500: too light on white. */
const LOW_CONTRAST_GREY_TEXT =
  "/(^|[\\s:])text-(zinc|gray|slate|neutral|stone)-(200|300|400|500)(?![\\w-])/";

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
    // Grey text lighter than the theme's text tokens fails WCAG AA (4.5:1): zinc-400 is 2.6:1
    // on white, zinc-500 4.4:1 on the zinc-100 of a highlighted row. Muted text takes the
    // tokens of apps/web/src/app/globals.css, whose contrast a unit test checks.
    files: ["apps/web/src/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-syntax": [
        "error",
        ...["Literal[value", "TemplateElement[value.raw"].map((node) => ({
          selector: `${node}=${LOW_CONTRAST_GREY_TEXT}]`,
          message:
            "Low-contrast grey text: use text-muted or text-faint (on light surfaces) or text-inverse-muted (on the dark bars), defined in globals.css.",
        })),
      ],
    },
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
  ...wallConfigs,
);
