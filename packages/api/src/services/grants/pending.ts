import { canViewTask, type Actor, type RequestState, type TaskKind } from "@lantern/domain";
import type { Tx } from "../shared/records.ts";

// "Pending revocation" (SPEC §5): the REVOKE request in flight for a grant, read for a whole
// page of grants at once (the Grants tab of an entitlement, an account's entitlements, My
// access), and how each list shows it to its viewer.

/** The request states of a revocation still in flight. */
const RUNNING: RequestState[] = ["PENDING_APPROVAL", "APPROVED", "PROVISIONING"];

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

/** The open task of a revocation, linked only for a viewer canViewTask allows. */
export type PendingTaskView = { number: number; kind: TaskKind; viewerCanOpen: boolean } | null;

/**
 * The revocation's task as `actor` sees it among the grants of one app (whose owners are
 * `appOwnerIds`): who may open its tasks stays on the server; the answer says whether this
 * viewer may.
 */
export function pendingTaskView(
  pending: PendingRevocation,
  actor: Actor,
  appOwnerIds: readonly string[],
): PendingTaskView {
  if (!pending.task) return null;
  return { ...pending.task, viewerCanOpen: canOpenPendingTask(pending, actor, appOwnerIds) };
}

/** A revocation in flight, as the lists show it ("pending revocation"). */
export interface PendingRevocationView {
  requestId: string;
  state: RequestState;
  /** "waiting for approval (task #1042)". */
  description: string;
  /**
   * The open task; null while a connector removes the access. `viewerCanOpen`: canViewTask
   * allows the viewer, so the lists link to it (never to a page that would refuse them).
   */
  task: PendingTaskView;
  requester: { id: string; displayName: string };
  requestedAt: Date;
}

/**
 * A revocation in flight as `actor` sees it in a list of grants of one app (whose owners are
 * `appOwnerIds`).
 */
export function pendingView(
  pending: PendingRevocation | undefined,
  actor: Actor,
  appOwnerIds: readonly string[],
): PendingRevocationView | null {
  if (!pending) return null;
  return {
    requestId: pending.requestId,
    state: pending.state,
    description: describePending(pending),
    task: pendingTaskView(pending, actor, appOwnerIds),
    requester: pending.requester,
    requestedAt: pending.requestedAt,
  };
}
