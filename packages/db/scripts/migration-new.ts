/**
 * Creates a new committed SQL migration from the difference between the committed
 * migrations and prisma/schema.prisma — without Prisma's native schema-engine binary,
 * which cannot be downloaded offline. The official WASM build of the schema engine
 * computes the diff; an in-memory PGlite stands in for the shadow database.
 *
 *   npm run db:migration:new -- <name>
 *   node --experimental-wasm-modules --import tsx scripts/migration-new.ts --check
 *     (exits 1 when the schema has changes no migration covers: run by `npm test`)
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { applyMigrations } from "../src/migrations/runner.ts";
import {
  listMigrations,
  MANUAL_OBJECTS,
  MIGRATIONS_DIR,
  SCHEMA_PATH,
} from "../src/migrations/files.ts";
import { pgliteExecutor } from "../src/migrations/executors.ts";

const name = (process.argv[2] ?? "").trim();
const checkOnly = name === "--check";
if (!checkOnly && !/^[a-z0-9_]+$/.test(name)) {
  console.error("Usage: npm run db:migration:new -- <name>   (lower-case letters, digits and _)");
  process.exit(2);
}

const { SchemaEngine } = await import("@prisma/schema-engine-wasm");

// Replay the committed history into a scratch database: the "shadow database".
const shadow = new PGlite();
await applyMigrations(pgliteExecutor(shadow), await listMigrations(), { log: () => {} });

const schema = await readFile(SCHEMA_PATH, "utf8");
const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaPGlite(shadow));
const engine = await SchemaEngine.new({ datamodels: [[SCHEMA_PATH, schema]] }, () => {}, adapter);
const filters = { externalTables: ["public._prisma_migrations"], externalEnums: [] };
const result = await engine.diff({
  from: {
    tag: "schemaDatasource",
    files: [{ path: SCHEMA_PATH, content: schema }],
    configDir: MIGRATIONS_DIR,
  },
  to: { tag: "schemaDatamodel", files: [{ path: SCHEMA_PATH, content: schema }] },
  script: true,
  exitCode: null,
  filters,
});
let sql = (result.stdout ?? "").trim();
// Objects Prisma's schema language cannot express live in migrations written by hand;
// the diff would propose to drop them.
for (const objectName of MANUAL_OBJECTS) {
  sql = sql.replace(new RegExp(`-- DropIndex\\s*\\nDROP INDEX "${objectName}";\\s*`, "g"), "");
}
sql = sql.trim();
if (!sql || sql === "-- This is an empty migration.") {
  console.log(
    checkOnly
      ? "Migrations match prisma/schema.prisma."
      : "The schema and the migrations agree: no migration created.",
  );
  process.exit(0);
}
if (checkOnly) {
  console.error(
    `prisma/schema.prisma has changes that no committed migration covers:\n\n${sql}\n\nRun \`npm run db:migration:new -- <name>\` and commit the migration.`,
  );
  process.exit(1);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const dir = join(MIGRATIONS_DIR, `${stamp}_${name}`);
await mkdir(dir, { recursive: true });
await writeFile(join(dir, "migration.sql"), `${sql}\n`);
console.log(`Created ${dir}/migration.sql — review it, then commit it.`);
process.exit(0);
