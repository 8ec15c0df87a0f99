import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { connectPostgres, MigrationError, openEmbedded } from "./client.ts";
import { pgClientExecutor } from "./migrations/executors.ts";
import { listMigrations } from "./migrations/files.ts";
import { applyMigrations } from "./migrations/runner.ts";
import { createScratchPostgres, type ScratchPostgres } from "./scratch-postgres.ts";

const baseUrl = process.env.DATABASE_URL;
const scratches: ScratchPostgres[] = [];
afterAll(async () => {
  await Promise.all(scratches.map((s) => s.drop()));
});

async function run(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

describe.runIf(baseUrl)("connectPostgres: migrations are a release step", () => {
  async function scratch(migrated: boolean) {
    const s = await createScratchPostgres(baseUrl!, "lantern_client_test");
    scratches.push(s);
    if (migrated) {
      const client = new pg.Client({ connectionString: s.url });
      await client.connect();
      await applyMigrations(pgClientExecutor(client), await listMigrations(), { log: () => {} });
      await client.end();
    }
    return s;
  }

  it("refuses an unmigrated database, saying which migrations are pending and what to run", async () => {
    const s = await scratch(false);
    const attempt = connectPostgres(s.url);
    await expect(attempt).rejects.toBeInstanceOf(MigrationError);
    // Every committed migration is pending, named in order.
    const migrations = await listMigrations();
    expect(migrations[0]!.name).toBe("20261121000000_init");
    await expect(attempt).rejects.toThrow(
      `The database has ${migrations.length} pending migration(s) (${migrations.map((m) => m.name).join(", ")}). Run \`npm run db:migrate\``,
    );
  });

  it("refuses a database that is ahead of the code", async () => {
    const s = await scratch(true);
    await run(
      s.url,
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, finished_at, applied_steps_count)
       VALUES ('future', 'x', '29990101000000_from_the_future', now(), 1)`,
    );
    await expect(connectPostgres(s.url)).rejects.toThrow(
      /ahead of this code.*29990101000000_from_the_future/,
    );
  });

  it("connects to an up-to-date database", async () => {
    const s = await scratch(true);
    const db = await connectPostgres(s.url);
    expect(db.kind).toBe("postgres");
    expect(db.location).not.toContain("password");
    expect(await db.prisma.organization.count()).toBe(0);
    await db.close();
  });

  it("names the server it cannot reach, without the password", async () => {
    const attempt = connectPostgres("postgresql://lantern:s3cret@127.0.0.1:1/nowhere");
    await expect(attempt).rejects.toThrow(
      /Cannot connect to PostgreSQL at postgresql:\/\/lantern:\*\*\*@127\.0\.0\.1:1\/nowhere/,
    );
    await expect(attempt).rejects.not.toThrow(/s3cret/);
  });
});

describe("openEmbedded", () => {
  it("creates and migrates a data directory, and lets only one process hold it", async () => {
    const dir = mkdtempSync(join(tmpdir(), "lantern-embedded-"));
    try {
      const dataDir = join(dir, "pgdata");
      const db = await openEmbedded(dataDir);
      expect(db.kind).toBe("embedded");
      expect(await db.prisma.organization.count()).toBe(0);
      // A second opener in this same process is the same "process": the lock is per pid,
      // so simulate another process by writing a live foreign pid into the lock file.
      await db.close();
      const { writeFileSync } = await import("node:fs");
      writeFileSync(join(dir, "pgdata.lock"), String(process.ppid));
      await expect(openEmbedded(dataDir)).rejects.toThrow(
        /in use by another Lantern process \(pid \d+\)/,
      );
      // A stale lock (a process that no longer runs) is taken over.
      writeFileSync(join(dir, "pgdata.lock"), "999999999");
      const again = await openEmbedded(dataDir);
      expect(await again.prisma.user.count()).toBe(0);
      await again.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("the embedded database serializes its one session", () => {
  it("runs concurrent interactive transactions one after another, losing no update", async () => {
    const db = await openEmbedded("memory://");
    try {
      const org = await db.prisma.organization.create({ data: { slug: "s", name: "S" } });
      // Twenty read-modify-write transactions at once. Interleaved on one session they
      // would read the same value and lose updates; serialized, every increment counts.
      await Promise.all(
        Array.from({ length: 20 }, () =>
          db.prisma.$transaction(async (tx) => {
            const { taskNumberSeq } = await tx.organization.findUniqueOrThrow({
              where: { id: org.id },
            });
            await new Promise((resolve) => setTimeout(resolve, 1));
            await tx.organization.update({
              where: { id: org.id },
              data: { taskNumberSeq: taskNumberSeq + 1 },
            });
          }),
        ),
      );
      const after = await db.prisma.organization.findUniqueOrThrow({ where: { id: org.id } });
      expect(after.taskNumberSeq).toBe(20);
    } finally {
      await db.close();
    }
  });
});
