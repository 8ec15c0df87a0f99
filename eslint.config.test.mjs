// The package walls of eslint.config.js, as a table: each row is a file of some package and
// one import, and whether the linter lets it through. Run by `npm test` (node --test).
import assert from "node:assert/strict";
import { dirname, join } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { ESLint } from "eslint";

const root = dirname(fileURLToPath(import.meta.url));
const eslint = new ESLint({ cwd: root });

/** [file, import line, allowed?] */
const ROWS = [
  ["packages/db/src/client.ts", 'import { normalizeEmail } from "@lantern/domain";', false],
  ["packages/db/src/client.ts", 'import pg from "pg";', true],
  ["packages/domain/src/rules.ts", 'import type { User } from "@lantern/db";', false],
  ["packages/domain/src/rules.ts", 'import pg from "pg";', false],
  ["packages/domain/src/rules.ts", 'import { readFile } from "node:fs/promises";', false],
  ["packages/domain/src/rules.ts", 'import { z } from "zod";', true],
  ["packages/connectors/src/kinds.ts", 'import { prisma } from "@lantern/db";', false],
  ["emails/src/task.tsx", 'import type { Actor } from "@lantern/domain";', true],
  ["emails/src/task.tsx", 'import { canSignIn } from "@lantern/domain";', false],
  ["emails/src/task.tsx", 'import type { PrismaClient } from "@lantern/db";', false],
  ["packages/seed/src/demo.ts", 'import { openDatabase } from "@lantern/db";', true],
  ["packages/seed/src/demo.ts", 'import { appRouter } from "@lantern/api";', false],
  ["packages/notify/src/worker/x.ts", 'import { render } from "@lantern/emails";', true],
  ["packages/notify/src/worker/x.ts", 'import { appRouter } from "@lantern/api";', false],
  ["packages/notify/src/worker/x.ts", 'import { createUser } from "@lantern/seed";', false],
  [
    "packages/notify/src/worker/x.integration.test.ts",
    'import { createUser } from "@lantern/seed";',
    true,
  ],
  ["packages/api/src/services/x.ts", 'import { createUser } from "@lantern/seed";', false],
  [
    "packages/api/src/services/x.ts",
    'import { startNotificationWorker } from "@lantern/notify";',
    true,
  ],
  ["packages/api/src/services/x.ts", 'import { env } from "@lantern/web";', false],
  [
    "packages/api/src/services/x.ts",
    'import { openDatabase } from "../../../db/src/client.ts";',
    false,
  ],
  [
    "packages/api/src/services/x.integration.test.ts",
    'import { createUser } from "@lantern/seed";',
    true,
  ],
  ["packages/api/src/role-matrix.table.ts", 'import { createUser } from "@lantern/seed";', true],
  ["apps/web/src/components/x.tsx", 'import { appRouter } from "@lantern/api";', true],
  ["apps/web/src/components/x.tsx", 'import type { PrismaClient } from "@lantern/db";', false],
  ["apps/web/src/app/x/page.tsx", 'import { DEMO_PEOPLE } from "@lantern/seed";', false],
  ["apps/web/src/server/auth/adapter.ts", 'import type { PrismaClient } from "@lantern/db";', true],
  ["apps/web/src/server/demo.ts", 'import { seedIfEmpty } from "@lantern/seed";', true],
];

for (const [file, line, allowed] of ROWS) {
  test(`${file}: ${line} → ${allowed ? "allowed" : "refused"}`, async () => {
    const [result] = await eslint.lintText(`${line}\nexport const used = [${usedNames(line)}];\n`, {
      filePath: join(root, file),
    });
    const walls = result.messages.filter(
      (m) => m.ruleId === "@typescript-eslint/no-restricted-imports",
    );
    assert.equal(result.messages.filter((m) => m.fatal).length, 0, JSON.stringify(result.messages));
    assert.equal(walls.length === 0, allowed, JSON.stringify(walls.map((m) => m.message)));
  });
}

/** The value names an import line brings in (type imports bring none), to keep them used. */
function usedNames(line) {
  if (line.startsWith("import type")) return "";
  const named = line.match(/\{([^}]*)\}/);
  if (named)
    return named[1]
      .split(",")
      .map((n) => n.trim())
      .join(", ");
  return line.match(/^import (\w+)/)?.[1] ?? "";
}
