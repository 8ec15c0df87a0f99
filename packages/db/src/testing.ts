import { connectPostgres, openEmbedded, type Database } from "./client.ts";
import { pgClientExecutor } from "./migrations/executors.ts";
import { listMigrations } from "./migrations/files.ts";
import { applyMigrations } from "./migrations/runner.ts";
import { createScratchPostgres } from "./scratch-postgres.ts";
import { QUEUE_SCHEMA, type QueueName } from "./jobs/queues.ts";
import pg from "pg";

/**
 * A fresh, migrated, empty database for one test file: a new PostgreSQL database created
 * next to `DATABASE_URL` (dropped again by `close()`), or an in-memory PGlite when
 * `DATABASE_URL` is unset. Test files never share data, so they can run in parallel.
 */
export interface TestDatabase extends Database {
  /** The scratch PostgreSQL database's URL (for a second process); null for PGlite. */
  url: string | null;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const baseUrl = process.env.DATABASE_URL;
  if (!baseUrl) return { ...(await openEmbedded("memory://")), url: null };

  const scratch = await createScratchPostgres(baseUrl);
  const migrator = new pg.Client({ connectionString: scratch.url });
  await migrator.connect();
  try {
    await applyMigrations(pgClientExecutor(migrator), await listMigrations(), { log: () => {} });
  } finally {
    await migrator.end();
  }
  const db = await connectPostgres(scratch.url, 5);
  return {
    ...db,
    url: scratch.url,
    async close() {
      await db.close();
      await scratch.drop();
    },
  };
}
export { createScratchPostgres, type ScratchPostgres } from "./scratch-postgres.ts";

/**
 * Time passes for the job queue: every waiting job of `queue` (a retry with backoff, a later
 * look) becomes due now. Answers how many.
 */
export async function makeJobsDue(db: Pick<Database, "sql">, queue: QueueName): Promise<number> {
  const rows = await db.sql.query<{ id: string }>(
    // A second in the past: pg-boss takes a job once its start_after < now(), and PGlite's
    // clock can read the same moment in the next statement.
    `UPDATE ${QUEUE_SCHEMA}.job SET start_after = now() - interval '1 second'
      WHERE name = $1 AND state IN ('created', 'retry') AND start_after > now()
     RETURNING id::text`,
    [queue],
  );
  return rows.length;
}
