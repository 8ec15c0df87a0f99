import PgBoss from "pg-boss";
import { execute, type SqlExecutor, type SqlSession } from "../migrations/executors.ts";
import { QUEUE_POLICIES, QUEUE_SCHEMA, QUEUES, type JobData, type QueueName } from "./queues.ts";

export type { PgBoss };

/** What pg-boss needs of a Prisma client or interactive transaction to run its SQL there. */
export interface RawSqlClient {
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T>;
}

/** pg-boss's database interface over one of Lantern's SQL sessions or transactions. */
export function bossDb(db: SqlExecutor): PgBoss.Db {
  return {
    async executeSql(text: string, values: unknown[] = []) {
      return { rows: await execute(db, text, values) };
    },
  };
}

/** pg-boss's database interface over a Prisma client or transaction (its SQL joins it). */
export function prismaBossDb(db: RawSqlClient): PgBoss.Db {
  return {
    async executeSql(text: string, values: unknown[] = []) {
      return { rows: await db.$queryRawUnsafe<unknown[]>(text, ...values) };
    },
  };
}

const noDatabase: PgBoss.Db = {
  executeSql() {
    throw new Error("The queue handle runs SQL only on the database each call names.");
  },
};

/**
 * The one handle on the queue for enqueuing, fetching and completing jobs, never started (no
 * timers: those are `startQueue`'s, in a worker). Each call names its database (`{ db }`), so
 * one handle serves every transaction instead of a pg-boss built per command.
 */
const jobQueue = new PgBoss({
  db: noDatabase,
  schema: QUEUE_SCHEMA,
  supervise: false,
  schedule: false,
});

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

/**
 * Starts pg-boss on the database for a worker (upgrading its schema when pg-boss is newer
 * than the database's) and brings every queue's options up to date.
 */
export async function startQueue(sql: SqlSession, options: QueueOptions = {}): Promise<PgBoss> {
  const boss = new PgBoss({
    db: bossDb(sql),
    schema: QUEUE_SCHEMA,
    maintenanceIntervalSeconds: options.maintenanceIntervalSeconds ?? 30,
  });
  boss.on("error", (error: Error) => console.error("[lantern] job queue:", error.message));
  await boss.start();
  for (const [name, policy] of QUEUE_POLICIES) {
    const deliver = name === QUEUES.deliver;
    await ensureQueue(boss, name, {
      ...policy,
      ...(deliver && options.retryLimit !== undefined ? { retryLimit: options.retryLimit } : {}),
      ...(deliver && options.retryDelaySeconds !== undefined
        ? { retryDelay: options.retryDelaySeconds }
        : {}),
      ...(deliver && options.expireInSeconds !== undefined
        ? { expireInSeconds: options.expireInSeconds }
        : {}),
    });
  }
  return boss;
}

/** Creates a queue, or brings an existing one's options up to date. */
async function ensureQueue(boss: PgBoss, name: QueueName, options: Omit<PgBoss.Queue, "name">) {
  const queue = { name, ...options };
  if (await boss.getQueue(name)) return boss.updateQueue(name, queue);
  // Several workers starting at once on a database whose queue is missing create it at once,
  // and pg-boss's create_queue (a row insert, then DDL that locks the queue table) deadlocks
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

export interface JobToEnqueue<Q extends QueueName> {
  data: JobData[Q];
  /** Not before this moment (default, or a moment already past: at once). */
  startAfter?: Date | null;
}

/**
 * Enqueues jobs inside the caller's transaction: they exist exactly when the command that
 * made their work commits, and not before. Answers the pg-boss job ids.
 */
export async function enqueueJobs<Q extends QueueName>(
  tx: RawSqlClient,
  queue: Q,
  jobs: JobToEnqueue<Q>[],
): Promise<string[]> {
  if (jobs.length === 0) return [];
  const db = prismaBossDb(tx);
  const ids = await jobQueue.insert(
    jobs.map((job) => ({
      name: queue,
      data: job.data,
      // A moment already past (a test's clock, a retry computed late) means at once.
      ...(job.startAfter && job.startAfter.getTime() > Date.now()
        ? { startAfter: job.startAfter.toISOString() }
        : {}),
    })),
    { db },
  );
  return ids ?? [];
}

/** A job taken from a queue by `runDueJobs`. */
export interface DueJob<Q extends QueueName> {
  id: string;
  data: JobData[Q];
}

/**
 * Takes up to `limit` due jobs of `queue` and runs `handle` on each, one after another: a job
 * whose handler returns is completed, one whose handler throws is failed (pg-boss retries it
 * as its queue says). A worker runs the same handlers through `boss.work`; this is how a test
 * or a one-off command drains a queue without starting one. Answers how many jobs it took.
 */
export async function runDueJobs<Q extends QueueName>(
  db: RawSqlClient,
  queue: Q,
  handle: (job: DueJob<Q>) => Promise<void>,
  options: { limit?: number } = {},
): Promise<number> {
  const bossDbOverPrisma = prismaBossDb(db);
  const boss = jobQueue;
  // Without pg-boss's metadata: Prisma cannot read its interval columns.
  const jobs = await boss.fetch<JobData[Q]>(queue, {
    batchSize: options.limit ?? 20,
    db: bossDbOverPrisma,
  });
  for (const job of jobs) {
    try {
      await handle({ id: job.id, data: job.data });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await boss.fail(queue, job.id, { message }, { db: bossDbOverPrisma });
      continue;
    }
    await boss.complete(queue, job.id, {}, { db: bossDbOverPrisma });
  }
  return jobs.length;
}
