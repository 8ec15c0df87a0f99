import { execute, type SqlExecutor, type SqlSession } from "@lantern/db";
import PgBoss from "pg-boss";

// The job queue: pg-boss 10 in the `pgboss` schema of Lantern's own database.
//
// Why pg-boss rather than graphile-worker: pg-boss accepts a "bring your own database"
// executor (`executeSql(text, values)`), so the same queue runs over a PostgreSQL pool and
// over the embedded PGlite session, and its inserts can join a transaction we opened. It
// polls instead of needing LISTEN on a dedicated connection (which one PGlite session
// cannot give), and it has retries with exponential backoff, expiry of jobs whose worker
// died, dead-letter queues and cron schedules built in. Its 10.x line runs on Node 20.

export const QUEUE_SCHEMA = "pgboss";

/** Queue names. */
export const QUEUES = {
  deliver: "lantern-notification-deliver",
  dead: "lantern-notification-dead",
  digest: "lantern-notification-digest",
} as const;

export interface QueueOptions {
  /** Seconds between retries of a failed delivery, doubled on each retry (default 10). */
  retryDelaySeconds?: number;
  /** Retries after the first attempt before a delivery is dead-lettered (default 5). */
  retryLimit?: number;
  /** A delivery still running after this long is presumed dead and retried (default 120). */
  expireInSeconds?: number;
  /** How often pg-boss looks for expired jobs (default 30). */
  maintenanceIntervalSeconds?: number;
}

/** pg-boss's database interface over one of Lantern's SQL sessions or transactions. */
export function bossDb(db: SqlExecutor): PgBoss.Db {
  return {
    async executeSql(text: string, values: unknown[] = []) {
      return { rows: await execute(db, text, values) };
    },
  };
}

/** Starts pg-boss on the database (creating or upgrading its schema) and its queues. */
export async function startQueue(sql: SqlSession, options: QueueOptions = {}): Promise<PgBoss> {
  const boss = new PgBoss({
    db: bossDb(sql),
    schema: QUEUE_SCHEMA,
    maintenanceIntervalSeconds: options.maintenanceIntervalSeconds ?? 30,
  });
  boss.on("error", (error: Error) => console.error("[lantern] job queue:", error.message));
  await boss.start();
  const deliver = {
    retryLimit: options.retryLimit ?? 5,
    retryDelay: options.retryDelaySeconds ?? 10,
    retryBackoff: true,
    expireInSeconds: options.expireInSeconds ?? 120,
    deadLetter: QUEUES.dead,
  };
  await ensureQueue(boss, QUEUES.dead, { retryLimit: 3, retryDelay: 5 });
  await ensureQueue(boss, QUEUES.deliver, deliver);
  await ensureQueue(boss, QUEUES.digest, { retryLimit: 2, retryDelay: 60 });
  return boss;
}

/** Creates a queue, or brings an existing one's options up to date. */
async function ensureQueue(boss: PgBoss, name: string, options: Omit<PgBoss.Queue, "name">) {
  const queue = { name, ...options };
  if (await boss.getQueue(name)) return boss.updateQueue(name, queue);
  // Several workers starting at once on a new database create the same queue at once, and
  // pg-boss's create_queue (a row insert, then DDL that locks the queue table) deadlocks
  // between them; PostgreSQL aborts all but one. Asking again waits for the one that got
  // through and then finds its queue there (ON CONFLICT DO NOTHING).
  for (let attempt = 1; ; attempt += 1) {
    try {
      await boss.createQueue(name, queue);
      break;
    } catch (error) {
      if ((error as { code?: unknown }).code !== "40P01" || attempt >= 5) throw error;
    }
  }
  await boss.updateQueue(name, queue);
}
