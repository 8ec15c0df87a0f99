import { randomBytes } from "node:crypto";
import pg from "pg";
import { connectPostgres, openEmbedded, type Database } from "./client.ts";
import { pgClientExecutor } from "./migrations/executors.ts";
import { listMigrations } from "./migrations/files.ts";
import { applyMigrations } from "./migrations/runner.ts";

/**
 * A fresh, migrated, empty database for one test file: a new PostgreSQL database created
 * next to `DATABASE_URL` (dropped again by `close()`), or an in-memory PGlite when
 * `DATABASE_URL` is unset. Test files never share data, so they can run in parallel.
 */
export async function createTestDatabase(): Promise<Database> {
  const baseUrl = process.env.DATABASE_URL;
  if (!baseUrl) return openEmbedded("memory://");

  const name = `lantern_test_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();

  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  const migrator = new pg.Client({ connectionString: url.toString() });
  await migrator.connect();
  try {
    await applyMigrations(pgClientExecutor(migrator), await listMigrations(), { log: () => {} });
  } finally {
    await migrator.end();
  }
  const db = await connectPostgres(url.toString(), 5);
  return {
    ...db,
    async close() {
      await db.close();
      const dropper = new pg.Client({ connectionString: baseUrl });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await dropper.end();
    },
  };
}
