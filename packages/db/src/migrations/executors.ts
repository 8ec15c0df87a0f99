import type { PGlite } from "@electric-sql/pglite";
import type pg from "pg";

/** The little a migration runner needs from a database session. */
export interface SqlExecutor {
  query<T extends Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs a script of several statements. */
  exec(script: string): Promise<void>;
}

export function pgliteExecutor(db: PGlite): SqlExecutor {
  return {
    async query<T>(sql: string, params: unknown[] = []) {
      return (await db.query<T>(sql, params)).rows;
    },
    async exec(script: string) {
      await db.exec(script);
    },
  } as SqlExecutor;
}

export function pgClientExecutor(client: pg.Client | pg.PoolClient): SqlExecutor {
  return {
    async query<T>(sql: string, params: unknown[] = []) {
      return (await client.query(sql, params)).rows as T[];
    },
    async exec(script: string) {
      await client.query(script);
    },
  } as SqlExecutor;
}
