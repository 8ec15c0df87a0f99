import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const packageRoot = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

export const SCHEMA_PATH = join(packageRoot, "prisma", "schema.prisma");
export const MIGRATIONS_DIR = join(packageRoot, "prisma", "migrations");

/**
 * Database objects created by hand-written SQL in a migration because Prisma's schema
 * language cannot express them. `db:migration:new` keeps the diff from dropping them.
 */
export const MANUAL_OBJECTS = [
  "Grant_live_key",
  "TaskAssignee_active_key",
  "Account_appId_sortName_id",
  "Account_appId_sortLogin_id",
] as const;

export interface MigrationFile {
  /** Directory name, e.g. `20261121000000_init`; migrations apply in name order. */
  name: string;
  sql: string;
  /** sha256 of migration.sql, as Prisma Migrate records it. */
  checksum: string;
}

export function checksumOf(sql: string): string {
  return createHash("sha256").update(sql).digest("hex");
}

/** The committed migrations, oldest first. */
export async function listMigrations(dir: string = MIGRATIONS_DIR): Promise<MigrationFile[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: checksumOf(sql) };
    }),
  );
}
