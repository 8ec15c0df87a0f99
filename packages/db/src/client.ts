import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import pg from "pg";
import { PrismaClient } from "./generated/prisma/client.ts";
import {
  pgClientExecutor,
  pgliteExecutor,
  pgliteSession,
  pgPoolSession,
  type SqlExecutor,
  type SqlSession,
} from "./migrations/executors.ts";
import { listMigrations } from "./migrations/files.ts";
import {
  applyMigrations,
  describeProblem,
  MigrationError,
  migrationStatus,
} from "./migrations/runner.ts";

export type DatabaseKind = "postgres" | "embedded";

export interface Database {
  prisma: PrismaClient;
  /** Raw SQL on the same database (the job queue runs on it). */
  sql: SqlSession;
  kind: DatabaseKind;
  /** Where the data lives: a redacted URL, or the embedded data directory. */
  location: string;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** PostgreSQL connection string. Absent: the embedded database. */
  url?: string;
  /** Embedded database directory (default `./.lantern/pgdata`). `memory://` keeps it in memory. */
  dataDir?: string;
  /** Pool size for PostgreSQL. */
  maxConnections?: number;
}

/** Directory of the embedded database, relative to the current working directory. */
export function defaultDataDir(): string {
  return resolve(process.cwd(), ".lantern", "pgdata");
}

export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "(unparseable DATABASE_URL)";
  }
}

/**
 * Connects to PostgreSQL through `@prisma/adapter-pg`. Migrations are a release step
 * there: this refuses to hand out a client while any are pending, or when the database
 * is ahead of the code, with a message that says what to do.
 */
export async function connectPostgres(url: string, maxConnections = 10): Promise<Database> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
  } catch (error) {
    throw new MigrationError(
      `Cannot connect to PostgreSQL at ${redactUrl(url)}: ${(error as Error).message}`,
    );
  }
  try {
    const problem = describeProblem(
      await migrationStatus(pgClientExecutor(client), await listMigrations()),
    );
    if (problem) throw new MigrationError(problem);
  } finally {
    await client.end();
  }
  const pool = new pg.Pool({ connectionString: url, max: maxConnections });
  // An idle client losing its connection (server restart) must not crash the process.
  pool.on("error", () => {});
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  return {
    prisma,
    sql: pgPoolSession(pool),
    kind: "postgres",
    location: redactUrl(url),
    async close() {
      await prisma.$disconnect();
      await pool.end().catch(() => {});
    },
  };
}

/**
 * Opens the embedded, file-backed PGlite database, creating and migrating it as needed.
 * One PGlite instance is one database session: PGlite queues every query and
 * transaction behind its own mutex, so access is serialized. Only one process may open
 * a data directory; a lock file makes a second one fail with a clear message instead of
 * corrupting the data.
 */
export async function openEmbedded(dataDir: string = defaultDataDir()): Promise<Database> {
  const inMemory = dataDir.startsWith("memory://");
  let releaseLock = () => {};
  if (!inMemory) {
    mkdirSync(dataDir, { recursive: true });
    releaseLock = acquireLock(join(dataDir, "..", `${baseName(dataDir)}.lock`));
  }
  const pglite = inMemory ? new PGlite() : new PGlite(dataDir);
  try {
    await pglite.waitReady;
    await applyMigrations(pgliteExecutor(pglite), await listMigrations(), { log: () => {} });
  } catch (error) {
    releaseLock();
    await pglite.close().catch(() => {});
    throw error;
  }
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
  return {
    prisma,
    sql: pgliteSession(pglite),
    kind: "embedded",
    location: inMemory ? "in memory" : dataDir,
    async close() {
      await prisma.$disconnect();
      await pglite.close();
      releaseLock();
    },
  };
}

/** PostgreSQL when a URL is given, otherwise the embedded database. */
export function openDatabase(options: DatabaseOptions = {}): Promise<Database> {
  return options.url
    ? connectPostgres(options.url, options.maxConnections)
    : openEmbedded(options.dataDir);
}

/** A raw SQL session for a migration run (`npm run db:migrate`). */
export async function withExecutor<T>(
  options: DatabaseOptions,
  fn: (db: SqlExecutor) => Promise<T>,
): Promise<T> {
  if (options.url) {
    const client = new pg.Client({ connectionString: options.url });
    await client.connect();
    try {
      return await fn(pgClientExecutor(client));
    } finally {
      await client.end();
    }
  }
  const dataDir = options.dataDir ?? defaultDataDir();
  mkdirSync(dataDir, { recursive: true });
  const release = acquireLock(join(dataDir, "..", `${baseName(dataDir)}.lock`));
  const pglite = new PGlite(dataDir);
  try {
    return await fn(pgliteExecutor(pglite));
  } finally {
    await pglite.close();
    release();
  }
}

export { MigrationError };

function baseName(path: string): string {
  return (
    path
      .replace(/[/\\]+$/, "")
      .split(/[/\\]/)
      .pop() ?? "pgdata"
  );
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function acquireLock(lockPath: string): () => void {
  const tryCreate = () => {
    writeFileSync(lockPath, String(process.pid), { flag: "wx" });
  };
  try {
    tryCreate();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    const holder = Number.parseInt(readFileSync(lockPath, "utf8"), 10);
    if (Number.isFinite(holder) && holder !== process.pid && processAlive(holder)) {
      throw new MigrationError(
        `The embedded database is in use by another Lantern process (pid ${holder}). ` +
          `Stop it first, or set DATABASE_URL to use PostgreSQL, which many processes can share.`,
      );
    }
    // A stale lock from a process that no longer runs.
    rmSync(lockPath, { force: true });
    tryCreate();
  }
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    rmSync(lockPath, { force: true });
  };
  process.once("exit", release);
  return release;
}
