import type { SqlSession } from "@lantern/db";
import type PgBoss from "pg-boss";
import { bossDb, QUEUES } from "./queue.ts";

/** Rows handed to the queue per transaction. */
const RELAY_BATCH = 500;

export interface DeliverJob {
  notificationId: string;
}

/**
 * The outbox relay: moves due PENDING notifications that no job carries yet into the
 * delivery queue. Each batch is one transaction that inserts the jobs and stamps the rows'
 * `queuedAt`, so a row is queued exactly once even with several workers relaying at the
 * same time (rows are claimed with SKIP LOCKED) and even if a worker dies mid-batch (its
 * transaction rolls back and the rows stay due). Answers how many rows it queued.
 */
export async function relayPendingNotifications(
  sql: SqlSession,
  boss: PgBoss,
  options: { batch?: number } = {},
): Promise<number> {
  const batch = options.batch ?? RELAY_BATCH;
  let total = 0;
  for (;;) {
    const queued = await sql.transaction(async (tx) => {
      const rows = await tx.query<{ id: string }>(
        `SELECT id FROM "Notification"
          WHERE state = 'PENDING' AND "queuedAt" IS NULL
            AND "nextAttemptAt" <= (now() AT TIME ZONE 'UTC')
          ORDER BY "nextAttemptAt", id
          LIMIT $1
          FOR UPDATE SKIP LOCKED`,
        [batch],
      );
      if (rows.length === 0) return 0;
      const jobs: PgBoss.JobInsert<DeliverJob>[] = rows.map((row) => ({
        name: QUEUES.deliver,
        data: { notificationId: row.id },
      }));
      await boss.insert(jobs, { db: bossDb(tx) });
      await tx.query(
        `UPDATE "Notification" SET "queuedAt" = (now() AT TIME ZONE 'UTC') WHERE id = ANY($1::uuid[])`,
        [rows.map((row) => row.id)],
      );
      return rows.length;
    });
    total += queued;
    if (queued < batch) return total;
  }
}
