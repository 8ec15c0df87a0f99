import { enqueueJobs, QUEUES, type PrismaClient, type RawSqlClient } from "@lantern/db";

/** A notification row just written, as its delivery job needs it. */
export interface QueuedNotification {
  id: string;
  /** Not before this moment (default: at once). */
  nextAttemptAt?: Date | null;
}

/**
 * Hands notifications to the delivery queue in the transaction that wrote their rows (SPEC
 * §6.3: the outbox row and its job commit together, or neither does). The row stays the
 * delivery record: state, attempts, idempotency key. Every writer of a Notification row
 * calls this with the rows it wrote; it writes their `queuedAt` itself where asked to.
 */
export async function queueDeliveries(tx: RawSqlClient, rows: QueuedNotification[]): Promise<void> {
  await enqueueJobs(
    tx,
    QUEUES.deliver,
    rows.map((row) => ({ data: { notificationId: row.id }, startAfter: row.nextAttemptAt })),
  );
}

/**
 * Queues PENDING rows that no job carries (`queuedAt` null): rows written by a Lantern from
 * before the queue took its jobs in the writer's transaction. One statement in one
 * transaction, run as a worker starts; workers starting together each wait for the other's
 * row locks and then find those rows queued, so a row gets exactly one job. Answers how many.
 */
export async function queueStrandedNotifications(prisma: PrismaClient): Promise<number> {
  return prisma.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ id: string; nextAttemptAt: Date }[]>`
      UPDATE "Notification" SET "queuedAt" = (now() AT TIME ZONE 'UTC')
       WHERE state = 'PENDING' AND "queuedAt" IS NULL
      RETURNING id::text, "nextAttemptAt"`;
    await queueDeliveries(tx, rows);
    return rows.length;
  });
}
