import { policyInclude, type Prisma, type PolicyWithSteps } from "@lantern/db";
import {
  DomainError,
  firstStep,
  type Actor,
  type RequestKind,
  snapshotPolicy,
} from "@lantern/domain";
import { loadRequest, startStep } from "../workflow/engine.ts";
import { recordEvents, type EventRecord, type Tx } from "../shared/records.ts";

// How every request starts, whoever asks (a person, a revoke): the policy it runs under and
// its first step, in the caller's transaction.

/**
 * The policy a request of `kind` on this entitlement runs under: the entitlement's own,
 * else the app's default, else the organization's default.
 */
export async function effectivePolicy(
  tx: Tx,
  entitlement: {
    requestPolicyId: string | null;
    revocationPolicyId: string | null;
    app: {
      defaultRequestPolicyId: string | null;
      defaultRevocationPolicyId: string | null;
      organization: {
        defaultRequestPolicyId: string | null;
        defaultRevocationPolicyId: string | null;
      };
    };
  },
  kind: RequestKind,
): Promise<PolicyWithSteps | null> {
  const id =
    kind === "GRANT"
      ? (entitlement.requestPolicyId ??
        entitlement.app.defaultRequestPolicyId ??
        entitlement.app.organization.defaultRequestPolicyId)
      : (entitlement.revocationPolicyId ??
        entitlement.app.defaultRevocationPolicyId ??
        entitlement.app.organization.defaultRevocationPolicyId);
  if (!id) return null;
  return tx.policy.findUnique({ where: { id }, include: policyInclude });
}

export interface OpenRequestInput {
  kind: RequestKind;
  entitlement: {
    id: string;
    appId: string;
    displayName: string;
    requestPolicyId: string | null;
    revocationPolicyId: string | null;
    app: Parameters<typeof effectivePolicy>[1]["app"] & { name: string };
  };
  accountId: string | null;
  targetUserId: string | null;
  grantId?: string | null;
  reason: string;
  durationDays?: number | null;
  /** Further events of the same change (e.g. on the grant a revocation is about). */
  moreEvents?: (requestId: string, policyName: string) => EventRecord[];
}

/** Why a request of `kind` cannot be opened for the entitlement: no policy applies to it. */
export function noPolicyMessage(
  kind: RequestKind,
  entitlement: { displayName: string; app: { name: string } },
): string {
  const which = kind === "GRANT" ? "request" : "revocation";
  return `No ${which} policy applies to ${entitlement.displayName}: ask a super admin to set a default ${which} policy for ${entitlement.app.name} or the organization.`;
}

/**
 * Opens a request (GRANT or REVOKE) under the entitlement's effective policy: snapshots the
 * policy, creates the request, records its events and starts its first step (approval task,
 * provisioning or deprovisioning task, or connector job). Runs inside the caller's
 * transaction, after the caller's own checks.
 */
export async function openRequest(tx: Tx, actor: Actor, now: Date, input: OpenRequestInput) {
  const { entitlement, kind } = input;
  const policy = await effectivePolicy(tx, entitlement, kind);
  if (!policy) throw new DomainError("BAD_REQUEST", noPolicyMessage(kind, entitlement));
  const snapshot = snapshotPolicy(policy);
  const next = firstStep(snapshot);
  const fields = {
    kind,
    accountId: input.accountId,
    targetUserId: input.targetUserId,
    grantId: input.grantId ?? null,
    appId: entitlement.appId,
    entitlementId: entitlement.id,
    durationDays: input.durationDays ?? null,
  };
  const created = await tx.request.create({
    data: {
      ...fields,
      organizationId: actor.organizationId,
      requesterId: actor.id,
      reason: input.reason,
      state: next.type === "approval" ? "PENDING_APPROVAL" : "APPROVED",
      policyId: policy.id,
      policyName: policy.name,
      policySnapshot: snapshot as unknown as Prisma.InputJsonValue,
      currentStep: next.index,
      createdAt: now,
      updatedAt: now,
    },
    select: { id: true, state: true },
  });
  const base = {
    organizationId: actor.organizationId,
    requestId: created.id,
    at: now,
  };
  const events: EventRecord[] = [
    {
      ...base,
      actorId: actor.id,
      action: "request.created",
      targetType: "Request",
      targetId: created.id,
      after: { ...fields, state: created.state, policyName: policy.name },
      reason: input.reason,
    },
    ...(input.moreEvents?.(created.id, policy.name) ?? []),
  ];
  if (next.type === "provision") {
    events.push({
      ...base,
      actorId: null,
      action: "request.provisioning",
      targetType: "Request",
      targetId: created.id,
      before: { state: "APPROVED" },
      after: { state: "PROVISIONING" },
      reason: "The policy has no approval steps.",
    });
  }
  await recordEvents(tx, events);
  const request = await loadRequest(tx, created.id);
  const step = await startStep(tx, { actorId: null, now }, request, next);
  return { requestId: created.id, policy, snapshot, request, step };
}
