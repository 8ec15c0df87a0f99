import type { Prisma } from "@lantern/db";
import {
  assertAllowed,
  canRevokeGrant,
  canViewGrant,
  canViewTask,
  describePolicy,
  DomainError,
  GRANT_NOT_FOUND,
  requireReason,
  type Actor,
  type GrantFactsForRevoke,
  type RequestOutcome,
  type RequestState,
  type TaskKind,
} from "@lantern/domain";
import type { Context } from "../context.ts";
import type { TRevokeGrantInput } from "../schemas/grants.ts";
import { openRequest } from "./requests/index.ts";
import { notificationFacts, stepOutcome } from "./workflow/engine.ts";
import {
  enqueueNotifications,
  recipientSelect,
  recordEvents,
  transaction,
  type Tx,
} from "./shared/records.ts";
import type { ServiceContext } from "./shared/context.ts";

// Manual revoke (SPEC §5): someone allowed by canRevokeGrant asks to remove an account's
// access. The REVOKE request runs under the entitlement's revocation policy like any other
// request: approval tasks first when the policy has them (the grant stays live and shows as
// pending revocation), then the deprovisioning strategy (a DEPROVISION task, or a connector
// job). A refusal changes nothing but is recorded as an Event.

/** The request states of a revocation still in flight. */
const RUNNING: RequestState[] = ["PENDING_APPROVAL", "APPROVED", "PROVISIONING"];

const grantSelect = {
  id: true,
  organizationId: true,
  revokedAt: true,
  accountId: true,
  entitlementId: true,
  account: {
    select: {
      id: true,
      login: true,
      emails: true,
      displayName: true,
      externalId: true,
      owner: { select: { id: true, displayName: true, managerId: true } },
    },
  },
  entitlement: {
    select: {
      id: true,
      displayName: true,
      appId: true,
      requestPolicyId: true,
      revocationPolicyId: true,
      owners: { select: { userId: true } },
      app: {
        select: {
          id: true,
          name: true,
          organizationId: true,
          defaultRequestPolicyId: true,
          defaultRevocationPolicyId: true,
          organization: {
            select: { defaultRequestPolicyId: true, defaultRevocationPolicyId: true },
          },
          members: { where: { role: "OWNER" }, select: { userId: true } },
        },
      },
    },
  },
} satisfies Prisma.GrantSelect;

type LoadedGrant = Prisma.GrantGetPayload<{ select: typeof grantSelect }>;

function revokeFacts(grant: LoadedGrant): GrantFactsForRevoke {
  const { entitlement } = grant;
  return {
    organizationId: grant.organizationId,
    appName: entitlement.app.name,
    entitlementName: entitlement.displayName,
    appOwnerIds: entitlement.app.members.map((m) => m.userId),
    entitlementOwnerIds: entitlement.owners.map((o) => o.userId),
    accountOwner: grant.account.owner,
  };
}

/** "leo.park": how an account is named in messages. */
function accountLabel(account: LoadedGrant["account"]): string {
  return account.login ?? account.emails[0] ?? account.displayName ?? account.externalId;
}

// ─────────────────────────────── Pending revocations ───────────────────────────────

export interface PendingRevocation {
  grantId: string;
  requestId: string;
  state: RequestState;
  reason: string;
  requestedAt: Date;
  requester: { id: string; displayName: string };
  /** The open task of the request (approval or deprovisioning); null while a connector works. */
  task: { number: number; kind: TaskKind } | null;
  /** Who may open its tasks besides super admins and the app's owners (canViewTask's facts). */
  taskViewers: { subjectId: string | null; participantIds: string[] };
}

/**
 * The revocations in flight for these grants of the organization (SPEC §5: "pending
 * revocation"), keyed by grant id; grants without one are absent. One statement whatever
 * the number of grants (a page of the Grants tab or of an account's entitlements).
 */
export async function pendingRevocations(
  db: Tx,
  organizationId: string,
  grantIds: readonly string[],
): Promise<Map<string, PendingRevocation>> {
  const found = new Map<string, PendingRevocation>();
  if (grantIds.length === 0) return found;
  const rows = await db.request.findMany({
    where: {
      organizationId,
      kind: "REVOKE",
      grantId: { in: [...new Set(grantIds)] },
      state: { in: RUNNING },
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      grantId: true,
      state: true,
      reason: true,
      createdAt: true,
      requester: { select: { id: true, displayName: true } },
      account: { select: { ownerId: true } },
      // Every task of the request: the open one to link to, and everyone ever assigned to one
      // (they may open its tasks). A request has a handful.
      tasks: {
        orderBy: { number: "desc" },
        select: { number: true, kind: true, state: true, assignees: { select: { userId: true } } },
      },
    },
  });
  for (const r of rows) {
    if (!r.grantId || found.has(r.grantId)) continue;
    const open = r.tasks.find((t) => t.state === "OPEN");
    found.set(r.grantId, {
      grantId: r.grantId,
      requestId: r.id,
      state: r.state,
      reason: r.reason,
      requestedAt: r.createdAt,
      requester: r.requester,
      task: open ? { number: open.number, kind: open.kind } : null,
      taskViewers: {
        subjectId: r.account?.ownerId ?? null,
        participantIds: [...new Set(r.tasks.flatMap((t) => t.assignees.map((a) => a.userId)))],
      },
    });
  }
  return found;
}

/**
 * Whether `actor` may open the tasks of this revocation (canViewTask: super admins, the app's
 * owners, the requester, the account's owner, anyone assigned to one of its tasks), so that a
 * link to its task never leads to a refusal.
 */
export function canOpenPendingTask(
  pending: PendingRevocation,
  actor: Actor,
  appOwnerIds: readonly string[],
): boolean {
  return canViewTask(actor, {
    organizationId: actor.organizationId,
    activeAssigneeIds: [],
    everAssigneeIds: pending.taskViewers.participantIds,
    requestParticipantIds: pending.taskViewers.participantIds,
    requesterId: pending.requester.id,
    subjectId: pending.taskViewers.subjectId,
    appOwnerIds,
  }).allowed;
}

/** "waiting for approval (task #1042)", "being removed by the app's connector", … */
export function describePending(pending: PendingRevocation): string {
  const task = pending.task ? ` (task #${pending.task.number})` : "";
  if (pending.task?.kind === "APPROVAL" || pending.state === "PENDING_APPROVAL") {
    return `waiting for approval${task}`;
  }
  if (pending.task) return `waiting to be deprovisioned${task}`;
  return "being removed by the app's connector";
}

export interface GrantRevocationStatus {
  grantId: string;
  /** Ended grants have revokedAt set; they cannot be revoked again. */
  revokedAt: Date | null;
  pending:
    | (Omit<PendingRevocation, "taskViewers" | "task"> & {
        task: { number: number; kind: TaskKind; viewerCanOpen: boolean } | null;
      })
    | null;
}

/**
 * Whether a grant is live and has a revocation in flight: for the people who may see the
 * grant (canViewGrant; FORBIDDEN naming who can).
 */
export async function grantRevocationStatus(
  ctx: Pick<Context, "db"> & { actor: Actor },
  grantId: string,
): Promise<GrantRevocationStatus> {
  const grant = await ctx.db.grant.findFirst({
    where: { id: grantId, organizationId: ctx.actor.organizationId },
    select: grantSelect,
  });
  if (!grant) throw new DomainError("NOT_FOUND", GRANT_NOT_FOUND);
  assertAllowed(canViewGrant(ctx.actor, revokeFacts(grant)));
  const pending = await pendingRevocations(ctx.db, grant.organizationId, [grant.id]);
  const running = pending.get(grant.id);
  if (!running) return { grantId: grant.id, revokedAt: grant.revokedAt, pending: null };
  // Who may open its tasks stays on the server; the answer says whether this viewer may.
  const { taskViewers: _taskViewers, task, ...facts } = running;
  const viewerCanOpen = canOpenPendingTask(running, ctx.actor, revokeFacts(grant).appOwnerIds);
  return {
    grantId: grant.id,
    revokedAt: grant.revokedAt,
    pending: { ...facts, task: task ? { ...task, viewerCanOpen } : null },
  };
}

// ─────────────────────────────── Revoke ───────────────────────────────

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
    const decision = canRevokeGrant(actor, revokeFacts(loaded));
    if (!decision.allowed) return { refused: true, reason: decision.reason, grant: loaded };

    // One revocation per grant, even when two people press Revoke at once: the second waits
    // here, then sees the first one's request below.
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
            running.task && canOpenPendingTask(running, actor, revokeFacts(grant).appOwnerIds)
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
      refused: false,
      result: {
        requestId: requestId,
        state: step.state,
        policyName: policy.name,
        policySummary: describePolicy(snapshot, "REVOKE"),
        task: step.task ? { number: step.task.number, kind: step.task.kind } : null,
        connectorJobId: step.connectorJobId,
        outcome: await stepOutcome(tx, step),
      },
    };
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

/** The grant, in the actor's organization and still live; NOT_FOUND otherwise. */
async function loadLiveGrant(tx: Tx, actor: Actor, grantId: string): Promise<LoadedGrant> {
  const grant = await tx.grant.findFirst({
    where: { id: grantId, organizationId: actor.organizationId },
    select: grantSelect,
  });
  if (!grant) throw new DomainError("NOT_FOUND", GRANT_NOT_FOUND);
  if (grant.revokedAt) {
    throw new DomainError(
      "NOT_FOUND",
      `This access was already removed on ${grant.revokedAt.toISOString().slice(0, 10)}.`,
    );
  }
  return grant;
}
