import type { PolicySnapshot, PolicySnapshotStep } from "@lantern/domain";
import type { Prisma } from "./generated/prisma/client.ts";

// A policy with its steps, and the snapshot of it that a request runs under (SPEC §1: a
// later edit of the policy does not change running requests). Used by the request service
// and by the seed factories alike.

export type PolicyWithSteps = Prisma.PolicyGetPayload<{
  include: { steps: { include: { approvers: true } }; allowedReassignees: true };
}>;

export const policyInclude = {
  steps: { include: { approvers: true }, orderBy: { position: "asc" } },
  allowedReassignees: true,
} as const satisfies Prisma.PolicyInclude;

/** The snapshot's shape is the domain's: the rules that run requests read it. */
export type { PolicySnapshot, PolicySnapshotStep };

export function snapshotPolicy(policy: PolicyWithSteps): PolicySnapshot {
  return {
    id: policy.id,
    name: policy.name,
    description: policy.description,
    allowReassignment: policy.allowReassignment,
    restrictReassignees: policy.restrictReassignees,
    allowedReassigneeIds: policy.restrictReassignees
      ? policy.allowedReassignees.map((r) => r.userId).sort()
      : null,
    allowSelfApproval: policy.allowSelfApproval,
    requireDistinctApprovers: policy.requireDistinctApprovers,
    steps: [...policy.steps]
      .sort((a, b) => a.position - b.position)
      .map((s) => ({
        position: s.position,
        kind: s.kind,
        approverKind: s.approverKind,
        approverUserIds: s.approvers.map((a) => a.userId).sort(),
      })),
  };
}
