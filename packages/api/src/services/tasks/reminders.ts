import {
  assertAllowed,
  canRemindTask,
  DomainError,
  reminderAvailableAt,
  reminderCutoff,
  reminderTooSoonMessage,
  type TaskReminderPayload,
} from "@lantern/domain";

import type { TRemindTaskInput } from "../../schemas/tasks.ts";
import { closedConflict } from "./actions.ts";
import { loadRequest, notificationFacts } from "../workflow/engine.ts";
import {
  enqueueNotifications,
  recipientSelect,
  recordEvents,
  transaction,
  type Tx,
} from "../shared/records.ts";
import { loadTaskWhere } from "../workflow/task-access.ts";
import type { ServiceContext } from "../shared/context.ts";

// "Send reminder" on an open task: the requester, the app's owners or a super admin
// re-notifies the people the task is assigned to, at most once an hour per task, and the
// task's history says who reminded whom.

export interface RemindResult {
  taskId: string;
  number: number;
  remindedAt: Date;
  /** When the next reminder can be sent. */
  availableAt: Date;
  /** The people reminded (the task's active assignees, except the sender). */
  recipients: { id: string; displayName: string }[];
}

/** Who sent the task's last reminder (from its history), for the "too soon" refusal. */
export async function lastReminderSender(
  tx: Pick<Tx, "event">,
  taskId: string,
): Promise<{ id: string; displayName: string; email: string } | null> {
  const event = await tx.event.findFirst({
    where: { taskId, action: "task.reminded" },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    select: { actor: { select: { id: true, displayName: true, email: true } } },
  });
  return event?.actor ?? null;
}

/**
 * Sends a reminder about task #`number` to its assignees. One transaction: a conditional
 * update claims the hour (so of two simultaneous clicks exactly one sends), the
 * `task.reminded` event, and a "task.reminder" outbox row per assignee and channel they
 * have kept on. Refused with CONFLICT when the task is closed or was reminded less than an
 * hour ago (saying by whom and when the next one can go).
 */
export function remindTask(ctx: ServiceContext, input: TRemindTaskInput): Promise<RemindResult> {
  return transaction(ctx, async (tx) => {
    const now = ctx.now();
    const actor = ctx.actor;
    const task = await loadTaskWhere(tx, actor, { number: input.number });
    // A closed task first: "already completed by X" is the answer that matters.
    if (task.state !== "OPEN") throw await closedConflict(tx, task.id);
    assertAllowed(canRemindTask(actor, { ...task.rules, state: task.state }));

    const recipients = await tx.user.findMany({
      where: {
        id: { in: task.activeAssigneeIds.filter((id) => id !== actor.id) },
        status: "ACTIVE",
      },
      orderBy: [{ displayName: "asc" }, { id: "asc" }],
      select: { ...recipientSelect, displayName: true },
    });
    if (recipients.length === 0) {
      throw new DomainError(
        "CONFLICT",
        task.activeAssigneeIds.every((id) => id === actor.id)
          ? `Task #${task.number} is assigned only to you: there is nobody to remind.`
          : `Nobody assigned to task #${task.number} is active any more: reassign it instead of sending a reminder.`,
      );
    }

    const current = await tx.task.findUniqueOrThrow({
      where: { id: task.id },
      select: { lastRemindedAt: true, createdAt: true, dueAt: true },
    });
    const claimed = await tx.task.updateMany({
      where: {
        id: task.id,
        state: "OPEN",
        OR: [{ lastRemindedAt: null }, { lastRemindedAt: { lte: reminderCutoff(now) } }],
      },
      data: { lastRemindedAt: now, updatedAt: now },
    });
    if (claimed.count === 0) throw await notNowConflict(tx, task.id, now);

    await recordEvents(tx, [
      {
        organizationId: actor.organizationId,
        actorId: actor.id,
        action: "task.reminded",
        targetType: "Task",
        targetId: task.id,
        before: { lastRemindedAt: current.lastRemindedAt?.toISOString() ?? null },
        after: { lastRemindedAt: now.toISOString(), remindedIds: recipients.map((r) => r.id) },
        requestId: task.requestId,
        taskId: task.id,
        at: now,
      },
    ]);
    const request = await loadRequest(tx, task.requestId);
    const payload: TaskReminderPayload = {
      ...notificationFacts(request),
      taskId: task.id,
      taskNumber: task.number,
      taskKind: task.kind,
      remindedBy: actor.displayName,
      openedAt: current.createdAt.toISOString(),
      dueAt: current.dueAt?.toISOString() ?? null,
      path: `/tasks/${task.number}`,
    };
    await enqueueNotifications(tx, {
      organizationId: actor.organizationId,
      recipients,
      template: "task.reminder",
      payload,
      key: `${task.id}:reminder:${now.getTime()}`,
      at: now,
    });
    return {
      taskId: task.id,
      number: task.number,
      remindedAt: now,
      availableAt: reminderAvailableAt(now)!,
      recipients: recipients.map((r) => ({ id: r.id, displayName: r.displayName })),
    };
  });
}

/** CONFLICT for a reminder that lost the race or came too soon (or a task closed meanwhile). */
async function notNowConflict(tx: Tx, taskId: string, now: Date): Promise<DomainError> {
  const task = await tx.task.findUniqueOrThrow({
    where: { id: taskId },
    select: { state: true, lastRemindedAt: true },
  });
  if (task.state !== "OPEN" || !task.lastRemindedAt) return closedConflict(tx, taskId);
  const by = await lastReminderSender(tx, taskId);
  return new DomainError(
    "CONFLICT",
    reminderTooSoonMessage({
      lastRemindedAt: task.lastRemindedAt,
      byName: by?.displayName ?? null,
      now,
    }),
    {
      lastRemindedAt: task.lastRemindedAt.toISOString(),
      lastRemindedBy: by?.displayName ?? null,
      availableAt: reminderAvailableAt(task.lastRemindedAt)!.toISOString(),
    },
  );
}
