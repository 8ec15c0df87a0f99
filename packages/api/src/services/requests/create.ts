import {
  assertAllowed,
  canRequestAccess,
  describePolicy,
  DomainError,
  type RequestOutcome,
  type RequestState,
  type TaskKind,
} from "@lantern/domain";
import type { TCreateRequestInput } from "../../schemas/requests.ts";
import { stepOutcome } from "../workflow/engine.ts";
import { transaction } from "../shared/records.ts";
import type { ServiceContext } from "../shared/context.ts";
import { openRequest } from "./open.ts";

// Request access (SPEC §2): a person asks for an entitlement for themselves or someone else.

export interface CreatedRequest {
  requestId: string;
  state: RequestState;
  policyName: string;
  /** What the policy does, in words. */
  policySummary: string;
  /** The first task, when the request waits on a person. */
  task: { number: number; kind: TaskKind } | null;
  /**
   * What happens next, from the step the server started: approval by whom, a provisioning
   * task for whom, or the connector. Word it with describeOutcome (@lantern/domain).
   */
  outcome: RequestOutcome;
}

/**
 * An employee requests an entitlement for themselves (SPEC §8: every member). The request
 * targets their account in the app (the one they own; a USER account first), or them as a
 * person when they have none yet. Refused when they already hold it or already asked.
 */
export async function createRequest(
  ctx: ServiceContext,
  input: TCreateRequestInput,
): Promise<CreatedRequest> {
  const actor = ctx.actor;
  return transaction(ctx, async (tx) => {
    const now = ctx.now();
    const entitlement = await tx.entitlement.findFirst({
      where: { id: input.entitlementId, organizationId: actor.organizationId },
      include: {
        app: {
          select: {
            id: true,
            name: true,
            status: true,
            organizationId: true,
            defaultRequestPolicyId: true,
            defaultRevocationPolicyId: true,
            organization: {
              select: { defaultRequestPolicyId: true, defaultRevocationPolicyId: true },
            },
          },
        },
      },
    });
    if (!entitlement) throw new DomainError("NOT_FOUND", "This entitlement does not exist.");
    assertAllowed(canRequestAccess(actor, entitlement.app));

    // One request at a time per person and entitlement, even under double clicks.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`request:${entitlement.id}:${actor.id}`}))`;

    const accounts = await tx.account.findMany({
      where: { appId: entitlement.appId, ownerId: actor.id, status: { not: "DELETED" } },
      select: { id: true, type: true, status: true, login: true },
      orderBy: [{ type: "asc" }, { createdAt: "asc" }],
    });
    const account = accounts.find((a) => a.type === "USER") ?? accounts[0] ?? null;
    if (account) {
      const live = await tx.grant.findFirst({
        where: { accountId: account.id, entitlementId: entitlement.id, revokedAt: null },
        select: { id: true },
      });
      if (live) {
        throw new DomainError(
          "CONFLICT",
          `You already have ${entitlement.displayName} in ${entitlement.app.name}.`,
        );
      }
    }
    const running = await tx.request.findFirst({
      where: {
        organizationId: actor.organizationId,
        kind: "GRANT",
        entitlementId: entitlement.id,
        state: { in: ["PENDING_APPROVAL", "APPROVED", "PROVISIONING"] },
        OR: [{ targetUserId: actor.id }, ...(account ? [{ accountId: account.id }] : [])],
      },
      select: {
        id: true,
        state: true,
        tasks: { where: { state: "OPEN" }, select: { number: true } },
      },
    });
    if (running) {
      const task = running.tasks[0];
      throw new DomainError(
        "CONFLICT",
        `You already asked for ${entitlement.displayName} in ${entitlement.app.name}; that request is ${running.state === "PENDING_APPROVAL" ? "waiting for approval" : "being provisioned"}${task ? ` (task #${task.number})` : ""}.`,
        { requestId: running.id, taskNumber: task?.number ?? null },
      );
    }

    const { requestId, policy, snapshot, step } = await openRequest(tx, actor, now, {
      kind: "GRANT",
      entitlement,
      accountId: account?.id ?? null,
      targetUserId: account ? null : actor.id,
      reason: input.reason,
      durationDays: input.durationDays ?? null,
    });
    return {
      requestId,
      state: step.state,
      policyName: policy.name,
      policySummary: describePolicy(snapshot, "GRANT"),
      task: step.task ? { number: step.task.number, kind: step.task.kind } : null,
      outcome: await stepOutcome(tx, step),
    };
  });
}
