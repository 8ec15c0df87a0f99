import {
  canRevokeGrant,
  type Actor,
  type GrantFactsForRevoke,
  type RequestState,
  type TaskKind,
} from "@lantern/domain";
import { canOpenPendingTask, describePending, type PendingRevocation } from "./revocations.ts";

// What the Grants tab of an entitlement and the account details page say about each live
// grant on a page: its revocation in flight, and whether the viewer may revoke it (the
// shared canRevokeGrant rule, asked per row with facts loaded for the whole page).

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
  task: { number: number; kind: TaskKind; viewerCanOpen: boolean } | null;
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
  const viewerCanOpen = canOpenPendingTask(pending, actor, appOwnerIds);
  return {
    requestId: pending.requestId,
    state: pending.state,
    description: describePending(pending),
    task: pending.task ? { ...pending.task, viewerCanOpen } : null,
    requester: pending.requester,
    requestedAt: pending.requestedAt,
  };
}

export interface RevokeAbility {
  /** canRevokeGrant allows the viewer (the server asks again on Revoke). */
  viewerCanRevoke: boolean;
  /** Why not, naming who can; null when the viewer may. */
  revokeRefusal: string | null;
}

export function revokeAbility(actor: Actor, facts: GrantFactsForRevoke): RevokeAbility {
  const decision = canRevokeGrant(actor, facts);
  return decision.allowed
    ? { viewerCanRevoke: true, revokeRefusal: null }
    : { viewerCanRevoke: false, revokeRefusal: decision.reason };
}

/** "leo.park": how an account is named (login, else primary email, name, external id). */
export function accountLabel(account: {
  login: string | null;
  emails: string[];
  displayName: string | null;
  externalId: string;
}): string {
  return account.login ?? account.emails[0] ?? account.displayName ?? account.externalId;
}
