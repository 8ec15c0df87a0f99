// The process-wide database, without the "server-only" guard so that instrumentation (the
// background worker) can load it too; pages and routes import it through ./db.
import { resolve } from "node:path";
import { openDatabase, type Database } from "@lantern/db";
import { env } from "~/env";
import { seedDemoIfEmpty } from "./demo";

const globalForDb = globalThis as unknown as { lanternDb?: Promise<Database> };

/** Default location of the embedded database: <repo>/.lantern/pgdata (cwd is apps/web). */
function embeddedDataDir(): string {
  return env.LANTERN_DATA_DIR ?? resolve(process.cwd(), "..", "..", ".lantern", "pgdata");
}

async function open(): Promise<Database> {
  const db = await openDatabase({ url: env.DATABASE_URL, dataDir: embeddedDataDir() });
  if (db.kind === "embedded") {
    // First start of the embedded default: create the demo organization.
    if (await seedDemoIfEmpty(db.prisma)) console.log("[lantern] Seeded the demo organization.");
  }
  return db;
}

/**
 * The process-wide database. One instance per process (kept on globalThis so that dev
 * reloads do not open the embedded database twice). A failure — pending migrations, a
 * database ahead of the code, an unreachable server — is thrown with its clear message
 * to every caller, and retried on the next call.
 */
export function getDatabase(): Promise<Database> {
  if (!globalForDb.lanternDb) {
    globalForDb.lanternDb = open().catch((error: unknown) => {
      globalForDb.lanternDb = undefined;
      throw error;
    });
  }
  return globalForDb.lanternDb;
}

export async function getPrisma() {
  return (await getDatabase()).prisma;
}
