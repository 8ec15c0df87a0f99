import { Prisma, type PrismaClient } from "@lantern/db";
import { DomainError, type NotificationPayloads, type NotificationTemplate } from "@lantern/domain";
import { queueDeliveries } from "@lantern/notify";

// The two side records every state change writes in its own transaction: the audit Event
// (SPEC §1) and the outbox Notification rows with their delivery jobs (SPEC §6.3).

export type Tx = Prisma.TransactionClient;

/** How long a transaction may wait for a connection and run, in ms (both 20 s by default). */
export interface TransactionLimits {
  timeout?: number;
  maxWait?: number;
  isolationLevel?: Prisma.TransactionIsolationLevel;
}

/**
 * Runs `fn` in one transaction: the change, its events and its notifications. Every service
 * opens its transactions here; a long one (an import, a re-map batch) says its own limits.
 */
export function transaction<T>(
  ctx: { db: PrismaClient },
  fn: (tx: Tx) => Promise<T>,
  limits: TransactionLimits = {},
): Promise<T> {
  return ctx.db.$transaction(fn, { timeout: 20_000, maxWait: 20_000, ...limits });
}

/**
 * Awaits queries of one transaction one after another. A transaction is one connection, so
 * running them "in parallel" gains nothing, and `pg` is retiring queries sent to a client that
 * is still busy. Prisma queries only start when awaited, so pass them as built.
 */
export async function inOrder<T extends readonly unknown[]>(
  queries: readonly [...T],
): Promise<{ -readonly [K in keyof T]: Awaited<T[K]> }> {
  const results: unknown[] = [];
  for (const query of queries) results.push(await query);
  return results as { -readonly [K in keyof T]: Awaited<T[K]> };
}

/** The tables whose rows a command locks by id, within the actor's organization. */
export type LockedTable = "Account" | "App" | "Entitlement" | "Policy" | "User";

/**
 * Locks one row of the organization until the transaction ends (`FOR UPDATE`), so two changes
 * of it apply one after the other and the second sees the first; NOT_FOUND with `notFound`
 * when the organization has no such row.
 */
export async function lockRow(
  tx: Tx,
  table: LockedTable,
  id: string,
  organizationId: string,
  notFound: string,
): Promise<void> {
  const locked = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM ${Prisma.raw(`"${table}"`)}
     WHERE "id" = ${id}::uuid AND "organizationId" = ${organizationId}::uuid
       FOR UPDATE`;
  if (locked.length === 0) throw new DomainError("NOT_FOUND", notFound);
}

export interface EventRecord {
  organizationId: string;
  actorId: string | null;
  action: string;
  targetType: string;
  targetId: string;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  reason?: string | null;
  requestId?: string | null;
  taskId?: string | null;
  at: Date;
}

const json = (value: Record<string, unknown> | null | undefined) =>
  value == null ? undefined : (value as Prisma.InputJsonValue);

export async function recordEvents(tx: Tx, events: EventRecord[]): Promise<void> {
  if (events.length === 0) return;
  await tx.event.createMany({
    data: events.map((e) => ({
      organizationId: e.organizationId,
      actorId: e.actorId,
      action: e.action,
      targetType: e.targetType,
      targetId: e.targetId,
      before: json(e.before),
      after: json(e.after),
      reason: e.reason ?? null,
      requestId: e.requestId ?? null,
      taskId: e.taskId ?? null,
      at: e.at,
    })),
  });
}

export interface NotificationRecipient {
  id: string;
  emailNotifications: boolean;
  slackNotifications: boolean;
}

/**
 * Outbox rows for each recipient, on each channel they have not turned off. `key` names the
 * cause uniquely (e.g. the task and its version); the idempotency key adds recipient and
 * channel, so retrying the same change can never enqueue a second message. Each new row's
 * delivery job is enqueued here too, in the same transaction.
 */
export async function enqueueNotifications<T extends NotificationTemplate>(
  tx: Tx,
  input: {
    organizationId: string;
    recipients: NotificationRecipient[];
    template: T;
    payload: NotificationPayloads[T];
    key: string;
    at: Date;
  },
): Promise<void> {
  const seen = new Set<string>();
  const rows: Prisma.NotificationCreateManyInput[] = [];
  for (const r of input.recipients) {
    if (seen.has(r.id)) continue;
    seen.add(r.id);
    const channels = [
      r.emailNotifications ? ("EMAIL" as const) : null,
      r.slackNotifications ? ("SLACK" as const) : null,
    ].filter((c) => c !== null);
    for (const channel of channels) {
      rows.push({
        organizationId: input.organizationId,
        recipientId: r.id,
        channel,
        template: input.template,
        payload: input.payload as unknown as Prisma.InputJsonValue,
        idempotencyKey: `${input.template}:${input.key}:${r.id}:${channel}`,
        nextAttemptAt: input.at,
        queuedAt: input.at,
        createdAt: input.at,
      });
    }
  }
  if (rows.length === 0) return;
  const written = await tx.notification.createManyAndReturn({
    data: rows,
    skipDuplicates: true,
    select: { id: true },
  });
  await queueDeliveries(tx, written);
}

/** Select clause for a notification recipient. */
export const recipientSelect = {
  id: true,
  emailNotifications: true,
  slackNotifications: true,
} as const;
