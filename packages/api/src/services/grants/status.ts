import { assertAllowed, canViewGrant } from "@lantern/domain";
import type { ReadContext } from "../shared/context.ts";
import { grantFacts, loadGrant } from "./facts.ts";
import {
  pendingRevocations,
  pendingTaskView,
  type PendingRevocation,
  type PendingTaskView,
} from "./pending.ts";

export interface GrantRevocationStatus {
  grantId: string;
  /** Ended grants have revokedAt set; they cannot be revoked again. */
  revokedAt: Date | null;
  pending: (Omit<PendingRevocation, "taskViewers" | "task"> & { task: PendingTaskView }) | null;
}

/**
 * Whether a grant is live and has a revocation in flight (`grants.revocationStatus`): for the
 * people who may see the grant (canViewGrant; FORBIDDEN naming who can).
 */
export async function grantRevocationStatus(
  ctx: ReadContext,
  grantId: string,
): Promise<GrantRevocationStatus> {
  const grant = await loadGrant(ctx.db, ctx.actor, grantId);
  const facts = grantFacts(grant);
  assertAllowed(canViewGrant(ctx.actor, facts));
  const running = (await pendingRevocations(ctx.db, grant.organizationId, [grant.id])).get(
    grant.id,
  );
  if (!running) return { grantId: grant.id, revokedAt: grant.revokedAt, pending: null };
  const { taskViewers: _taskViewers, task: _task, ...rest } = running;
  return {
    grantId: grant.id,
    revokedAt: grant.revokedAt,
    pending: { ...rest, task: pendingTaskView(running, ctx.actor, facts.appOwnerIds) },
  };
}
