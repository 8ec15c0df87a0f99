/**
 * Applies the committed migrations that the database does not have yet.
 *
 *   npm run db:migrate
 *
 * Database: DATABASE_URL when set, otherwise the embedded database in LANTERN_DATA_DIR,
 * or .lantern/pgdata under the directory npm was run from (INIT_CWD), or the repo root.
 * Safe to run twice, and from two places at once (the runner takes an advisory lock).
 */
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { redactUrl, withExecutor } from "../src/client.ts";
import { listMigrations } from "../src/migrations/files.ts";
import { applyMigrations, MigrationError } from "../src/migrations/runner.ts";

function embeddedDataDir(): string {
  if (process.env.LANTERN_DATA_DIR) return resolve(process.env.LANTERN_DATA_DIR);
  const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
  return resolve(process.env.INIT_CWD ?? repoRoot, ".lantern", "pgdata");
}

async function main(): Promise<number> {
  const url = process.env.DATABASE_URL || undefined;
  const options = url ? { url } : { dataDir: embeddedDataDir() };
  console.log(`Database: ${url ? redactUrl(url) : `${options.dataDir} (embedded)`}`);
  const migrations = await listMigrations();
  const applied = await withExecutor(options, (db) =>
    applyMigrations(db, migrations, { log: (line) => console.log(`  ${line}`) }),
  );
  console.log(
    applied.length === 0
      ? "Database is up to date."
      : `Applied ${applied.length} migration${applied.length === 1 ? "" : "s"}.`,
  );
  return 0;
}

try {
  process.exitCode = await main();
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  console.error(
    error instanceof MigrationError ? `Migration failed: ${message}` : `Cannot migrate: ${message}`,
  );
  process.exitCode = 1;
}
