import {
  assertAllowed,
  assertCancellable,
  canCancelRequest,
  DomainError,
  type RequestState,
} from "@lantern/domain";
import type { TCancelRequestInput } from "../../schemas/requests.ts";
import { notifyRequestEnd } from "../tasks/actions.ts";
import { recordEvents, transaction } from "../shared/records.ts";
import type { ServiceContext } from "../shared/context.ts";
import { requestForAction } from "./action-target.ts";

// Withdraw a running request.

/**
 * Cancel a running request: its open tasks become CANCELLED (they stay in the history),
 * queued connector work is dropped, and the requester is told.
 */
export async function cancelRequest(ctx: ServiceContext, input: TCancelRequestInput) {
  const actor = ctx.actor;
  return transaction(ctx, async (tx) => {
    const now = ctx.now();
    const request = await requestForAction(tx, actor, input.requestId);
    assertAllowed(canCancelRequest(actor, request));
    assertCancellable(request.state);
    const moved = await tx.request.updateMany({
      where: { id: request.id, state: request.state },
      data: { state: "CANCELLED", completedAt: now, updatedAt: now },
    });
    if (moved.count === 0) {
      throw new DomainError("CONFLICT", "The request changed meanwhile. Reload it and try again.");
    }
    const open = await tx.task.findMany({
      where: { requestId: request.id, state: "OPEN" },
      select: { id: true, number: true },
    });
    if (open.length > 0) {
      await tx.task.updateMany({
        where: { id: { in: open.map((t) => t.id) }, state: "OPEN" },
        data: {
          state: "CANCELLED",
          outcome: "CANCELLED",
          outcomeNote: input.reason,
          completedById: actor.id,
          completedAt: now,
          version: { increment: 1 },
          updatedAt: now,
        },
      });
      await tx.taskAssignee.updateMany({
        where: { taskId: { in: open.map((t) => t.id) } },
        data: { taskOpen: false },
      });
    }
    await tx.connectorJob.updateMany({
      where: { requestId: request.id, state: "QUEUED" },
      data: {
        state: "FAILED",
        lastError: "The request was cancelled.",
        finishedAt: now,
        updatedAt: now,
      },
    });
    const base = {
      organizationId: actor.organizationId,
      actorId: actor.id,
      requestId: request.id,
      at: now,
    };
    await recordEvents(tx, [
      ...open.map((t) => ({
        ...base,
        taskId: t.id,
        action: "task.cancelled",
        targetType: "Task",
        targetId: t.id,
        before: { state: "OPEN" },
        after: { state: "CANCELLED", outcome: "CANCELLED" },
        reason: input.reason,
      })),
      {
        ...base,
        action: "request.cancelled",
        targetType: "Request",
        targetId: request.id,
        before: { state: request.state },
        after: { state: "CANCELLED" },
        reason: input.reason,
      },
    ]);
    if (request.requesterId !== actor.id) {
      await notifyRequestEnd(tx, request, "CANCELLED", {
        taskNumber: open[0]?.number ?? null,
        note: input.reason,
        now,
      });
    }
    return {
      requestId: request.id,
      state: "CANCELLED" as RequestState,
      cancelledTasks: open.length,
    };
  });
}
