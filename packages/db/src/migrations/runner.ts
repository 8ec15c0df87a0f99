import { randomUUID } from "node:crypto";
import type { SqlExecutor } from "./executors.ts";
import type { MigrationFile } from "./files.ts";

// Applies committed SQL migrations and records them in `_prisma_migrations` exactly as
// Prisma Migrate does, so `prisma migrate deploy` / `migrate status` stay compatible
// wherever Prisma's native engine is available. Each migration runs in its own
// transaction; a session-level advisory lock (Prisma's own key) keeps two runners —
// two app instances starting, or a release step run twice — from racing.

const PRISMA_ADVISORY_LOCK = 72707369;

const CREATE_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id"                  VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum"            VARCHAR(64) NOT NULL,
  "finished_at"         TIMESTAMPTZ,
  "migration_name"      VARCHAR(255) NOT NULL,
  "logs"                TEXT,
  "rolled_back_at"      TIMESTAMPTZ,
  "started_at"          TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

export interface MigrationStatus {
  applied: string[];
  /** Committed, not yet applied. */
  pending: string[];
  /** Applied to the database but unknown to this code: the database is ahead. */
  unknown: string[];
  /** Applied, but the committed file has changed since. */
  modified: string[];
  /** Started and never finished (a crash mid-migration); needs a person. */
  failed: string[];
}

interface AppliedRow extends Record<string, unknown> {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

export async function migrationStatus(
  db: SqlExecutor,
  migrations: MigrationFile[],
): Promise<MigrationStatus> {
  const exists = await db.query<{ present: boolean }>(
    `SELECT to_regclass('"_prisma_migrations"') IS NOT NULL AS present`,
  );
  const rows = exists[0]?.present
    ? await db.query<AppliedRow>(
        `SELECT migration_name, checksum, finished_at, rolled_back_at
           FROM "_prisma_migrations" ORDER BY started_at`,
      )
    : [];
  const live = rows.filter((r) => r.rolled_back_at === null);
  const finished = new Map(
    live.filter((r) => r.finished_at !== null).map((r) => [r.migration_name, r]),
  );
  const known = new Set(migrations.map((m) => m.name));
  return {
    applied: [...finished.keys()],
    pending: migrations.filter((m) => !finished.has(m.name)).map((m) => m.name),
    unknown: [...finished.keys()].filter((name) => !known.has(name)),
    modified: migrations
      .filter((m) => finished.has(m.name) && finished.get(m.name)!.checksum !== m.checksum)
      .map((m) => m.name),
    failed: live.filter((r) => r.finished_at === null).map((r) => r.migration_name),
  };
}

export class MigrationError extends Error {
  override name = "MigrationError";
}

/** Explains, for a person, why a database cannot be used by this code as it is. */
export function describeProblem(status: MigrationStatus): string | null {
  if (status.failed.length > 0) {
    return `Migration ${status.failed.join(", ")} started but never finished. Inspect the database, fix it, then delete that row from "_prisma_migrations" and run \`npm run db:migrate\` again.`;
  }
  if (status.unknown.length > 0) {
    return `The database is ahead of this code: it has migration(s) ${status.unknown.join(", ")} that this version of Lantern does not know. Deploy the newer version of Lantern (or restore a matching backup).`;
  }
  if (status.modified.length > 0) {
    return `Migration(s) ${status.modified.join(", ")} were changed after being applied to this database. Restore the committed files; applied migrations must never be edited.`;
  }
  if (status.pending.length > 0) {
    return `The database has ${status.pending.length} pending migration(s) (${status.pending.join(", ")}). Run \`npm run db:migrate\` (a release step) before starting Lantern.`;
  }
  return null;
}

export async function applyMigrations(
  db: SqlExecutor,
  migrations: MigrationFile[],
  { log = console.log }: { log?: (line: string) => void } = {},
): Promise<string[]> {
  await db.query(`SELECT pg_advisory_lock(${PRISMA_ADVISORY_LOCK})`);
  try {
    await db.exec(CREATE_TABLE);
    const status = await migrationStatus(db, migrations);
    const blocking = { ...status, pending: [] };
    const problem = describeProblem(blocking);
    if (problem) throw new MigrationError(problem);

    const done: string[] = [];
    for (const migration of migrations.filter((m) => status.pending.includes(m.name))) {
      const id = randomUUID();
      await db.exec("BEGIN");
      try {
        await db.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at)
           VALUES ($1, $2, $3, now())`,
          [id, migration.checksum, migration.name],
        );
        await db.exec(migration.sql);
        await db.query(
          `UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`,
          [id],
        );
        await db.exec("COMMIT");
      } catch (error) {
        await db.exec("ROLLBACK");
        throw new MigrationError(
          `Migration ${migration.name} failed and was rolled back: ${(error as Error).message}`,
        );
      }
      log(`Applied migration ${migration.name}`);
      done.push(migration.name);
    }
    return done;
  } finally {
    await db.query(`SELECT pg_advisory_unlock(${PRISMA_ADVISORY_LOCK})`);
  }
}
