import type { PGlite, Transaction } from "@electric-sql/pglite";
import type pg from "pg";

/** The little a migration runner needs from a database session. */
export interface SqlExecutor {
  query<T extends Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs a script of several statements. */
  exec(script: string): Promise<void>;
  /** Runs a script of several statements and answers the rows of the last one. */
  script?(script: string): Promise<Record<string, unknown>[]>;
}

/**
 * Raw SQL beside Prisma, for the parts that speak SQL themselves (the job queue, COPY-style
 * bulk work): single statements, scripts, and a transaction on one session.
 */
export interface SqlSession extends SqlExecutor {
  transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T>;
}

/**
 * One statement with parameters, or (without parameters) a script of several; answers the
 * rows of the last statement. The calling convention of libraries that bring their own SQL
 * (pg-boss's `executeSql`).
 */
export async function execute(
  db: SqlExecutor,
  sql: string,
  params: unknown[] = [],
): Promise<Record<string, unknown>[]> {
  if (params.length > 0 || db.script === undefined) return db.query(sql, params);
  return db.script(sql);
}

export function pgliteExecutor(db: PGlite | Transaction): SqlExecutor {
  return {
    async query<T>(sql: string, params: unknown[] = []) {
      return (await db.query<T>(sql, params)).rows;
    },
    async exec(script: string) {
      await db.exec(script);
    },
    async script(script: string) {
      const results = await db.exec(script);
      return (results.at(-1)?.rows ?? []) as Record<string, unknown>[];
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
    async script(script: string) {
      return lastRows(await client.query(script));
    },
  } as SqlExecutor;
}

/** PGlite queues every query and transaction behind its own mutex: one session. */
export function pgliteSession(db: PGlite): SqlSession {
  return {
    ...pgliteExecutor(db),
    transaction: (fn) => db.transaction((tx) => fn(pgliteExecutor(tx))),
  };
}

/** A pool: each transaction takes its own connection. */
export function pgPoolSession(pool: pg.Pool): SqlSession {
  return {
    async query<T>(sql: string, params: unknown[] = []) {
      return (await pool.query(sql, params)).rows as T[];
    },
    async exec(script: string) {
      await pool.query(script);
    },
    async script(script: string) {
      return lastRows(await pool.query(script));
    },
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const result = await fn(pgClientExecutor(client));
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
  } as SqlSession;
}

/** A script through `pg` answers one result per statement (or a single one). */
function lastRows(result: pg.QueryResult | pg.QueryResult[]): Record<string, unknown>[] {
  const last = Array.isArray(result) ? result.at(-1) : result;
  return (last?.rows ?? []) as Record<string, unknown>[];
}
