import type { NotificationChannel, NotificationState, Prisma } from "@lantern/db";
import {
  assertAllowed,
  canManageNotifications,
  canViewNotifications,
  DomainError,
  type Page,
} from "@lantern/domain";

import { NEWEST_FIRST, keyset } from "./shared/keyset.ts";
import type { TListNotificationsInput, TRetryNotificationInput } from "../schemas/notifications.ts";
import { queueDeliveries } from "@lantern/notify";
import { recordEvents, transaction } from "./shared/records.ts";
import type { ServiceContext } from "./shared/context.ts";

// Notification delivery for super admins (SPEC §6.3): what went out, what is waiting, what was
// skipped and why, and the dead letters (FAILED) with their retry.

export interface NotificationRow {
  id: string;
  channel: NotificationChannel;
  template: string;
  /** What it was about, e.g. "Task #1042". */
  about: string | null;
  state: NotificationState;
  attempts: number;
  lastError: string | null;
  recipient: { id: string; displayName: string; email: string };
  createdAt: Date;
  sentAt: Date | null;
  failedAt: Date | null;
}

export type NotificationCounts = Record<NotificationState, number>;

function aboutOf(payload: Prisma.JsonValue): string | null {
  if (payload && typeof payload === "object" && !Array.isArray(payload)) {
    const taskNumber = payload["taskNumber"];
    if (typeof taskNumber === "number") return `Task #${taskNumber}`;
    const date = payload["date"];
    if (typeof date === "string") return `Digest for ${date}`;
  }
  return null;
}

/** Deliveries of the organization, newest first, by state and channel. */
export async function listNotifications(
  ctx: ServiceContext,
  input: TListNotificationsInput,
): Promise<Page<NotificationRow>> {
  assertAllowed(canViewNotifications(ctx.actor));
  const keys = keyset(input, NEWEST_FIRST);
  const rows = await ctx.db.notification.findMany({
    where: {
      organizationId: ctx.actor.organizationId,
      ...(input.state ? { state: input.state } : {}),
      ...(input.channel ? { channel: input.channel } : {}),
      ...keys.after,
    },
    ...keys.window,
    select: {
      id: true,
      channel: true,
      template: true,
      payload: true,
      state: true,
      attempts: true,
      lastError: true,
      createdAt: true,
      sentAt: true,
      failedAt: true,
      recipient: { select: { id: true, displayName: true, email: true } },
    },
  });
  const page = keys.page(rows);
  return {
    nextCursor: page.nextCursor,
    items: page.items.map(({ payload, ...row }) => ({ ...row, about: aboutOf(payload) })),
  };
}

/** How many deliveries are in each state. */
export async function countNotifications(ctx: ServiceContext): Promise<NotificationCounts> {
  assertAllowed(canViewNotifications(ctx.actor));
  const groups = await ctx.db.notification.groupBy({
    by: ["state"],
    where: { organizationId: ctx.actor.organizationId },
    _count: { _all: true },
  });
  const counts: NotificationCounts = { PENDING: 0, SENT: 0, SKIPPED: 0, FAILED: 0 };
  for (const group of groups) counts[group.state] = group._count._all;
  return counts;
}

/** The fields that put a dead letter back in the outbox; its new delivery job goes with it. */
const requeue = (now: Date) =>
  ({
    state: "PENDING",
    queuedAt: now,
    attempts: 0,
    failedAt: null,
    nextAttemptAt: now,
  }) as const;

/** Puts one FAILED notification back in the outbox; the worker delivers it within seconds. */
export async function retryNotification(
  ctx: ServiceContext,
  input: TRetryNotificationInput,
): Promise<{ id: string }> {
  assertAllowed(canManageNotifications(ctx.actor));
  const now = ctx.now();
  return transaction(ctx, async (tx) => {
    const row = await tx.notification.findFirst({
      where: { id: input.id, organizationId: ctx.actor.organizationId },
      select: { id: true, state: true, lastError: true },
    });
    if (!row) throw new DomainError("NOT_FOUND", "This notification does not exist.");
    const requeued = await tx.notification.updateManyAndReturn({
      where: { id: row.id, state: "FAILED" },
      data: requeue(now),
      select: { id: true },
    });
    await queueDeliveries(tx, requeued);
    if (requeued.length === 0) {
      throw new DomainError(
        "CONFLICT",
        `Only failed notifications can be retried; this one is ${row.state.toLowerCase()}.`,
      );
    }
    await recordEvents(tx, [
      {
        organizationId: ctx.actor.organizationId,
        actorId: ctx.actor.id,
        action: "notification.retried",
        targetType: "Notification",
        targetId: row.id,
        before: { state: "FAILED", lastError: row.lastError },
        after: { state: "PENDING" },
        at: now,
      },
    ]);
    return { id: row.id };
  });
}

/** Puts every FAILED notification of the organization back in the outbox. */
export async function retryFailedNotifications(ctx: ServiceContext): Promise<{ count: number }> {
  assertAllowed(canManageNotifications(ctx.actor));
  const now = ctx.now();
  return transaction(ctx, async (tx) => {
    const requeued = await tx.notification.updateManyAndReturn({
      where: { organizationId: ctx.actor.organizationId, state: "FAILED" },
      data: requeue(now),
      select: { id: true },
    });
    await queueDeliveries(tx, requeued);
    const count = requeued.length;
    if (count > 0) {
      await recordEvents(tx, [
        {
          organizationId: ctx.actor.organizationId,
          actorId: ctx.actor.id,
          action: "notification.retried_all",
          targetType: "Organization",
          targetId: ctx.actor.organizationId,
          after: { count },
          at: now,
        },
      ]);
    }
    return { count };
  });
}
