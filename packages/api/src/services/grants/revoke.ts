import {
  canRevokeGrant,
  describePolicy,
  DomainError,
  requireReason,
  type Actor,
  type RequestOutcome,
  type RequestState,
  type TaskKind,
} from "@lantern/domain";
import type { TRevokeGrantInput } from "../../schemas/grants.ts";
import { openRequest } from "../requests/index.ts";
import { notificationFacts, stepOutcome } from "../workflow/engine.ts";
import {
  enqueueNotifications,
  recipientSelect,
  recordEvents,
  transaction,
  type EventRecord,
  type Tx,
} from "../shared/records.ts";
import type { ServiceContext } from "../shared/context.ts";
import { accountLabel, grantFacts, loadGrant, type LoadedGrant } from "./facts.ts";
import { canOpenPendingTask, describePending, pendingRevocations } from "./pending.ts";

// Manual revoke (SPEC §5): someone allowed by canRevokeGrant asks to remove an account's
// access. The REVOKE request runs under the entitlement's revocation policy like any other
// request: approval tasks first when the policy has them (the grant stays live and shows as
// pending revocation), then the deprovisioning strategy (a DEPROVISION task, or a connector
// job). A refusal changes nothing but is recorded as an Event.

export interface RevokeResult {
  requestId: string;
  state: RequestState;
  policyName: string;
  /** What the policy does, in words. */
  policySummary: string;
  /** The first task (approval or deprovisioning); null when a connector removes the access. */
  task: { number: number; kind: TaskKind } | null;
  connectorJobId: string | null;
  /**
   * What happens next, from the step the server started: approval by whom, a deprovisioning
   * task for whom, or the connector. Word it with describeOutcome (@lantern/domain).
   */
  outcome: RequestOutcome;
}

type Attempt =
  { refused: false; result: RevokeResult } | { refused: true; reason: string; grant: LoadedGrant };

/**
 * Revoke an account's access to an entitlement (SPEC §5). One transaction: the REVOKE request
 * under the effective revocation policy, its first step (approval task, DEPROVISION task or
 * connector job), the events, and the "revocation.requested" message to the account's owner.
 * Refused (FORBIDDEN, naming who can) for anyone the rule does not allow, with the refusal
 * recorded in its own transaction; CONFLICT while a revocation of the grant is in flight.
 * Two simultaneous revokes of one grant serialize on an advisory lock: one request is made.
 */
export async function revokeGrant(
  ctx: ServiceContext,
  input: TRevokeGrantInput,
): Promise<RevokeResult> {
  const actor = ctx.actor;
  const reason = requireReason(input.reason, "A reason");
  const attempt = await transaction<Attempt>(ctx, async (tx) => {
    const now = ctx.now();
    const loaded = await loadLiveGrant(tx, actor, input.grantId);
    const decision = canRevokeGrant(actor, grantFacts(loaded));
    if (!decision.allowed) return { refused: true, reason: decision.reason, grant: loaded };

    return { refused: false, result: await requestRevocation(tx, actor, now, loaded, reason) };
  });

  if (!attempt.refused) return attempt.result;
  // Nothing changed, but the attempt is part of the audit trail (SPEC §5).
  const { grant } = attempt;
  await transaction(ctx, (tx) =>
    recordEvents(tx, [
      {
        organizationId: actor.organizationId,
        actorId: actor.id,
        action: "grant.revoke_refused",
        targetType: "Grant",
        targetId: grant.id,
        after: {
          accountId: grant.accountId,
          entitlementId: grant.entitlementId,
          appId: grant.entitlement.appId,
          refusal: attempt.reason,
        },
        reason,
        at: ctx.now(),
      },
    ]),
  );
  throw new DomainError("FORBIDDEN", attempt.reason);
}

/**
 * The revocation itself, once the caller may ask for it, in the caller's transaction: the
 * REVOKE request under the effective revocation policy, its first step, its events (with
 * `moreEvents`), and the "revocation.requested" message to the account's owner. One revocation
 * per grant, even when two people ask at once: the second waits on an advisory lock, then
 * finds the first one's request and is refused with CONFLICT (an access review's Revoke looks
 * for a running one first, under the same lock, and links to it).
 */
export async function requestRevocation(
  tx: Tx,
  actor: Actor,
  now: Date,
  loaded: LoadedGrant,
  reason: string,
  moreEvents?: (requestId: string, policyName: string) => EventRecord[],
): Promise<RevokeResult> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`revoke:${loaded.id}`}))`;
  const grant = await loadLiveGrant(tx, actor, loaded.id);
  const running = (await pendingRevocations(tx, actor.organizationId, [grant.id])).get(grant.id);
  if (running) {
    throw new DomainError(
      "CONFLICT",
      `A revocation of this access is already in flight: ${running.requester.displayName} asked for it, and it is ${describePending(running)}.`,
      // The task is named for linking only to people who may open it (canViewTask).
      {
        requestId: running.requestId,
        taskNumber:
          running.task && canOpenPendingTask(running, actor, grantFacts(grant).appOwnerIds)
            ? running.task.number
            : null,
      },
    );
  }

  const { entitlement } = grant;
  const { requestId, policy, snapshot, request, step } = await openRequest(tx, actor, now, {
    kind: "REVOKE",
    entitlement,
    accountId: grant.accountId,
    targetUserId: null,
    grantId: grant.id,
    reason,
    moreEvents: (id, policyName) => [
      ...(moreEvents?.(id, policyName) ?? []),
      {
        organizationId: actor.organizationId,
        actorId: actor.id,
        action: "grant.revoke_requested",
        targetType: "Grant",
        targetId: grant.id,
        after: { requestId: id, policyName },
        reason,
        requestId: id,
        at: now,
      },
    ],
  });

  // The account's owner hears that their access is going, before anything changes.
  const owner = grant.account.owner;
  if (owner && owner.id !== actor.id) {
    const recipients = await tx.user.findMany({
      where: { id: owner.id, status: "ACTIVE" },
      select: recipientSelect,
    });
    await enqueueNotifications(tx, {
      organizationId: actor.organizationId,
      recipients,
      template: "revocation.requested",
      payload: {
        ...notificationFacts(request),
        accountLabel: accountLabel(grant.account),
        path: step.task ? `/tasks/${step.task.number}` : `/apps/${entitlement.appId}`,
      },
      key: requestId,
      at: now,
    });
  }
  return {
    requestId,
    state: step.state,
    policyName: policy.name,
    policySummary: describePolicy(snapshot, "REVOKE"),
    task: step.task ? { number: step.task.number, kind: step.task.kind } : null,
    connectorJobId: step.connectorJobId,
    outcome: await stepOutcome(tx, step),
  };
}

/** The grant, in the actor's organization and still live; NOT_FOUND otherwise. */
export async function loadLiveGrant(tx: Tx, actor: Actor, grantId: string): Promise<LoadedGrant> {
  const grant = await loadGrant(tx, actor, grantId);
  if (grant.revokedAt) {
    throw new DomainError(
      "NOT_FOUND",
      `This access was already removed on ${grant.revokedAt.toISOString().slice(0, 10)}.`,
    );
  }
  return grant;
}
