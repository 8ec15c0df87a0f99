import { assertAllowed, canRetryRequest, DomainError, retryTransition } from "@lantern/domain";
import { startStep } from "../workflow/engine.ts";
import { recordEvents, transaction } from "../shared/records.ts";
import type { ServiceContext } from "../shared/context.ts";
import { requestForAction } from "./action-target.ts";

// Retry a request whose provisioning errored.

/** Retry an errored request (SPEC §3.4): a fresh task (or connector job) for its provision step. */
export async function retryRequest(ctx: ServiceContext, input: { requestId: string }) {
  const actor = ctx.actor;
  return transaction(ctx, async (tx) => {
    const now = ctx.now();
    const request = await requestForAction(tx, actor, input.requestId);
    const owners = await tx.appMember.findMany({
      where: { appId: request.appId, role: "OWNER" },
      select: { userId: true },
    });
    assertAllowed(
      canRetryRequest(actor, {
        organizationId: request.organizationId,
        appOwnerIds: owners.map((o) => o.userId),
      }),
    );
    const next = retryTransition(request);
    const moved = await tx.request.updateMany({
      where: { id: request.id, state: "ERRORED" },
      data: { state: "PROVISIONING", completedAt: null, updatedAt: now },
    });
    if (moved.count === 0) {
      throw new DomainError("CONFLICT", "Someone retried this request already. Reload it.");
    }
    await recordEvents(tx, [
      {
        organizationId: actor.organizationId,
        actorId: actor.id,
        action: "request.retried",
        targetType: "Request",
        targetId: request.id,
        before: { state: "ERRORED" },
        after: { state: "PROVISIONING" },
        requestId: request.id,
        at: now,
      },
    ]);
    const step = await startStep(
      tx,
      { actorId: actor.id, now },
      { ...request, state: "PROVISIONING" },
      next,
    );
    return {
      requestId: request.id,
      state: step.state,
      task: step.task ? { number: step.task.number, kind: step.task.kind } : null,
    };
  });
}
