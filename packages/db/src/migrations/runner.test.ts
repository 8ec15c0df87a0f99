import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { createScratchPostgres } from "../scratch-postgres.ts";
import { pgClientExecutor, pgliteExecutor, type SqlExecutor } from "./executors.ts";
import { checksumOf, listMigrations, type MigrationFile } from "./files.ts";
import {
  applyMigrations,
  describeProblem,
  MigrationError,
  migrationStatus,
  type MigrationStatus,
} from "./runner.ts";

interface Session {
  db: SqlExecutor;
  /** A second, independent session on the same database; null where there is only one. */
  another(): Promise<{ db: SqlExecutor; close(): Promise<void> } | null>;
  close(): Promise<void>;
}

interface Target {
  name: string;
  open(): Promise<Session>;
}

const targets: Target[] = [
  {
    name: "PGlite (in memory)",
    async open() {
      const pglite = new PGlite();
      await pglite.waitReady;
      return { db: pgliteExecutor(pglite), another: async () => null, close: () => pglite.close() };
    },
  },
];

const databaseUrl = process.env.DATABASE_URL;
if (databaseUrl) {
  targets.push({
    name: "PostgreSQL (DATABASE_URL)",
    async open() {
      const scratch = await createScratchPostgres(databaseUrl, "lantern_test_migrations");
      const clients: pg.Client[] = [];
      const connect = async () => {
        const client = new pg.Client({ connectionString: scratch.url });
        await client.connect();
        clients.push(client);
        return client;
      };
      const main = await connect();
      return {
        db: pgClientExecutor(main),
        async another() {
          const client = await connect();
          return { db: pgClientExecutor(client), close: () => client.end() };
        },
        async close() {
          await Promise.all(clients.map((c) => c.end().catch(() => {})));
          await scratch.drop();
        },
      };
    },
  });
}

const quiet = { log: () => {} };

function migration(name: string, sql: string): MigrationFile {
  return { name, sql, checksum: checksumOf(sql) };
}

async function tableExists(db: SqlExecutor, table: string): Promise<boolean> {
  const rows = await db.query<{ present: boolean }>(
    `SELECT to_regclass($1) IS NOT NULL AS present`,
    [`"${table}"`],
  );
  return rows[0]?.present === true;
}

describe.each(targets)("migration runner on $name", (target) => {
  let session: Session | undefined;
  afterEach(async () => {
    await session?.close();
    session = undefined;
  });
  const open = async () => (session = await target.open());

  it("applies every committed migration to an empty database, and nothing the second time", async () => {
    const { db } = await open();
    const migrations = await listMigrations();
    expect(migrations.length).toBeGreaterThan(0);

    const before = await migrationStatus(db, migrations);
    expect(before.pending).toEqual(migrations.map((m) => m.name));
    expect(before.applied).toEqual([]);
    expect(describeProblem(before)).toMatch(/pending migration/);

    const logged: string[] = [];
    const applied = await applyMigrations(db, migrations, { log: (line) => logged.push(line) });
    expect(applied).toEqual(migrations.map((m) => m.name));
    expect(logged).toEqual(migrations.map((m) => `Applied migration ${m.name}`));
    expect(await tableExists(db, "Organization")).toBe(true);
    expect(await tableExists(db, "Task")).toBe(true);
    const index = await db.query<{ indexdef: string }>(
      `SELECT indexdef FROM pg_indexes WHERE indexname = 'Grant_live_key'`,
    );
    expect(index[0]?.indexdef).toMatch(/WHERE \("revokedAt" IS NULL\)/);

    const after = await migrationStatus(db, migrations);
    expect(after).toEqual<MigrationStatus>({
      applied: migrations.map((m) => m.name),
      pending: [],
      unknown: [],
      modified: [],
      failed: [],
    });
    expect(describeProblem(after)).toBeNull();

    logged.length = 0;
    expect(await applyMigrations(db, migrations, { log: (line) => logged.push(line) })).toEqual([]);
    expect(logged).toEqual([]);
  });

  it("records each migration in _prisma_migrations the way Prisma Migrate does", async () => {
    const { db } = await open();
    const migrations = await listMigrations();
    await applyMigrations(db, migrations, quiet);
    const rows = await db.query<{
      id: string;
      migration_name: string;
      checksum: string;
      finished_at: Date | null;
      rolled_back_at: Date | null;
      applied_steps_count: number;
    }>(`SELECT * FROM "_prisma_migrations" ORDER BY started_at`);
    expect(rows.map((r) => r.migration_name)).toEqual(migrations.map((m) => m.name));
    for (const [i, row] of rows.entries()) {
      expect(row.checksum).toBe(migrations[i]!.checksum);
      expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(row.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(row.finished_at).not.toBeNull();
      expect(row.rolled_back_at).toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }
  });

  it("applies only the new migration when one is added later", async () => {
    const { db } = await open();
    const migrations = await listMigrations();
    await applyMigrations(db, migrations, quiet);
    const later = migration(
      "29991231000000_add_scratch",
      `CREATE TABLE "Scratch" ("id" INTEGER PRIMARY KEY);`,
    );
    const status = await migrationStatus(db, [...migrations, later]);
    expect(status.pending).toEqual([later.name]);
    expect(describeProblem(status)).toMatch(
      /1 pending migration\(s\) \(29991231000000_add_scratch\)/,
    );
    expect(await applyMigrations(db, [...migrations, later], quiet)).toEqual([later.name]);
    expect(await tableExists(db, "Scratch")).toBe(true);
  });

  it("detects a database that is ahead of the code and refuses to migrate it", async () => {
    const { db } = await open();
    const migrations = await listMigrations();
    await applyMigrations(db, migrations, quiet);
    await db.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
       VALUES ('00000000-0000-4000-8000-000000000001', $1, '29991231000000_from_the_future', now(), now(), 1)`,
      [checksumOf("-- later")],
    );
    const status = await migrationStatus(db, migrations);
    expect(status.unknown).toEqual(["29991231000000_from_the_future"]);
    expect(status.pending).toEqual([]);
    const problem = describeProblem(status);
    expect(problem).toMatch(/ahead of this code/);
    expect(problem).toMatch(/29991231000000_from_the_future/);
    await expect(applyMigrations(db, migrations, quiet)).rejects.toThrow(MigrationError);
    await expect(applyMigrations(db, migrations, quiet)).rejects.toThrow(/ahead of this code/);
  });

  it("detects a migration edited after it was applied", async () => {
    const { db } = await open();
    const migrations = await listMigrations();
    await applyMigrations(db, migrations, quiet);
    const first = migrations[0]!;
    const edited = [migration(first.name, `${first.sql}\n-- edited`), ...migrations.slice(1)];
    const status = await migrationStatus(db, edited);
    expect(status.modified).toEqual([first.name]);
    expect(describeProblem(status)).toMatch(/were changed after being applied/);
    await expect(applyMigrations(db, edited, quiet)).rejects.toThrow(/changed after being applied/);

    // The same, seen from the database side: a recorded checksum that no longer matches.
    await db.query(`UPDATE "_prisma_migrations" SET checksum = $1 WHERE migration_name = $2`, [
      checksumOf("something else"),
      first.name,
    ]);
    expect((await migrationStatus(db, migrations)).modified).toEqual([first.name]);
  });

  it("detects a migration that started and never finished", async () => {
    const { db } = await open();
    const migrations = await listMigrations();
    await db.exec(`CREATE TABLE "_prisma_migrations" (
      "id" VARCHAR(36) PRIMARY KEY NOT NULL, "checksum" VARCHAR(64) NOT NULL, "finished_at" TIMESTAMPTZ,
      "migration_name" VARCHAR(255) NOT NULL, "logs" TEXT, "rolled_back_at" TIMESTAMPTZ,
      "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(), "applied_steps_count" INTEGER NOT NULL DEFAULT 0)`);
    await db.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name) VALUES ('00000000-0000-4000-8000-000000000002', $1, $2)`,
      [migrations[0]!.checksum, migrations[0]!.name],
    );
    const status = await migrationStatus(db, migrations);
    expect(status.failed).toEqual([migrations[0]!.name]);
    expect(status.pending).toContain(migrations[0]!.name);
    expect(describeProblem(status)).toMatch(/started but never finished/);
    await expect(applyMigrations(db, migrations, quiet)).rejects.toThrow(
      /started but never finished/,
    );

    // Marked rolled back (what `prisma migrate resolve --rolled-back` does): runnable again.
    await db.query(`UPDATE "_prisma_migrations" SET rolled_back_at = now()`);
    const resolved = await migrationStatus(db, migrations);
    expect(resolved.failed).toEqual([]);
    expect(await applyMigrations(db, migrations, quiet)).toEqual(migrations.map((m) => m.name));
  });

  it("rolls back a migration that fails, and records nothing for it", async () => {
    const { db } = await open();
    const migrations = await listMigrations();
    await applyMigrations(db, migrations, quiet);
    const broken = migration(
      "29991231000000_broken",
      `CREATE TABLE "Half" ("id" INTEGER PRIMARY KEY);\nALTER TABLE "DoesNotExist" ADD COLUMN "x" INTEGER;`,
    );
    const error = await applyMigrations(db, [...migrations, broken], quiet).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(MigrationError);
    expect((error as Error).message).toMatch(/29991231000000_broken failed and was rolled back/);
    expect(await tableExists(db, "Half")).toBe(false);
    const status = await migrationStatus(db, [...migrations, broken]);
    expect(status.pending).toEqual([broken.name]);
    expect(status.failed).toEqual([]);
    // The session is usable afterwards: the lock was released and the fix applies.
    const fixed = migration(broken.name, `CREATE TABLE "Half" ("id" INTEGER PRIMARY KEY);`);
    expect(await applyMigrations(db, [...migrations, fixed], quiet)).toEqual([broken.name]);
  });

  it("lets only one of two concurrent runners apply the migrations", async (context) => {
    const { db, another } = await open();
    const second = await another();
    if (!second) {
      context.skip();
      return;
    }
    try {
      const migrations = await listMigrations();
      const [a, b] = await Promise.all([
        applyMigrations(db, migrations, quiet),
        applyMigrations(second.db, migrations, quiet),
      ]);
      expect([...a, ...b].sort()).toEqual(migrations.map((m) => m.name).sort());
      const rows = await db.query<{ n: string }>(
        `SELECT count(*)::text AS n FROM "_prisma_migrations"`,
      );
      expect(Number(rows[0]?.n)).toBe(migrations.length);
    } finally {
      await second.close();
    }
  });
});

describe("describeProblem", () => {
  const clean: MigrationStatus = {
    applied: ["a"],
    pending: [],
    unknown: [],
    modified: [],
    failed: [],
  };

  it("says nothing about a database that matches the code", () => {
    expect(describeProblem(clean)).toBeNull();
  });

  it("explains each problem with what to do about it", () => {
    expect(describeProblem({ ...clean, pending: ["b", "c"] })).toBe(
      "The database has 2 pending migration(s) (b, c). Run `npm run db:migrate` (a release step) before starting Lantern.",
    );
    expect(describeProblem({ ...clean, unknown: ["z"] })).toMatch(
      /^The database is ahead of this code: .*z.*Deploy the newer version/,
    );
    expect(describeProblem({ ...clean, modified: ["a"] })).toMatch(
      /^Migration\(s\) a were changed after being applied.*Restore the committed files/,
    );
    expect(describeProblem({ ...clean, failed: ["b"] })).toMatch(
      /^Migration b started but never finished\..*npm run db:migrate/,
    );
  });

  it("reports the most serious problem first: failed, then unknown, then modified, then pending", () => {
    const all: MigrationStatus = {
      applied: ["a"],
      pending: ["p"],
      unknown: ["u"],
      modified: ["m"],
      failed: ["f"],
    };
    expect(describeProblem(all)).toMatch(/^Migration f started but never finished/);
    expect(describeProblem({ ...all, failed: [] })).toMatch(/ahead of this code/);
    expect(describeProblem({ ...all, failed: [], unknown: [] })).toMatch(
      /^Migration\(s\) m were changed/,
    );
    expect(describeProblem({ ...all, failed: [], unknown: [], modified: [] })).toMatch(
      /pending migration/,
    );
  });
});
