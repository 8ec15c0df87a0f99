// The policy a request runs under, as a plain snapshot (SPEC §1: a later edit of the policy
// does not change running requests), and what it says in plain language.

export type ApproverKind = "MANAGER" | "APP_OWNERS" | "ENTITLEMENT_OWNERS" | "USERS";

export interface PolicySnapshotStep {
  position: number;
  kind: "APPROVAL" | "PROVISION";
  approverKind: ApproverKind | null;
  /** The named approvers of a USERS step; empty otherwise. */
  approverUserIds: string[];
}

export interface PolicySnapshot {
  id: string;
  name: string;
  description: string;
  allowReassignment: boolean;
  restrictReassignees: boolean;
  /** Null: any active user of the organization may receive a reassigned task. */
  allowedReassigneeIds: string[] | null;
  allowSelfApproval: boolean;
  requireDistinctApprovers: boolean;
  steps: PolicySnapshotStep[];
}

/**
 * A stored policy with its steps, approvers and allowed reassignees, as plain data: what
 * `snapshotPolicy` reads (the database's policy rows satisfy it).
 */
export interface PolicySource {
  id: string;
  name: string;
  description: string;
  allowReassignment: boolean;
  restrictReassignees: boolean;
  allowSelfApproval: boolean;
  requireDistinctApprovers: boolean;
  allowedReassignees: readonly { userId: string }[];
  steps: readonly {
    position: number;
    kind: "APPROVAL" | "PROVISION";
    approverKind: ApproverKind | null;
    approvers: readonly { userId: string }[];
  }[];
}

/**
 * The snapshot a new request runs under: the policy as it is now, steps by position, id
 * lists sorted so equal policies give equal snapshots. Reassignees are listed only when the
 * policy restricts them.
 */
export function snapshotPolicy(policy: PolicySource): PolicySnapshot {
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

/**
 * The steps in the order they run: the APPROVAL steps by position, then exactly one
 * PROVISION step (added when a stored policy lacks it, so every request can finish).
 */
export function orderedSteps(snapshot: PolicySnapshot): PolicySnapshotStep[] {
  const sorted = [...snapshot.steps].sort((a, b) => a.position - b.position);
  const approvals = sorted.filter((s) => s.kind === "APPROVAL");
  const provision = sorted.find((s) => s.kind === "PROVISION") ?? {
    position: (sorted.at(-1)?.position ?? -1) + 1,
    kind: "PROVISION" as const,
    approverKind: null,
    approverUserIds: [],
  };
  return [...approvals, provision];
}

export const APPROVER_LABEL: Record<ApproverKind, string> = {
  MANAGER: "the manager of the person whose access it is",
  APP_OWNERS: "an app owner",
  ENTITLEMENT_OWNERS: "an entitlement owner",
  USERS: "a named approver",
};

/** A short title for a workflow step, e.g. "Manager approval". */
export function stepTitle(step: PolicySnapshotStep, requestKind: "GRANT" | "REVOKE"): string {
  if (step.kind === "PROVISION") return requestKind === "GRANT" ? "Provision" : "Deprovision";
  switch (step.approverKind) {
    case "MANAGER":
      return "Manager approval";
    case "APP_OWNERS":
      return "App owner approval";
    case "ENTITLEMENT_OWNERS":
      return "Entitlement owner approval";
    case "USERS":
    case null:
      return "Approval";
  }
}

/** "The manager approves, then an app owner approves, then it is provisioned." */
export function describePolicy(snapshot: PolicySnapshot, requestKind: "GRANT" | "REVOKE"): string {
  const steps = orderedSteps(snapshot);
  const parts = steps
    .filter((s) => s.kind === "APPROVAL")
    .map((s) => `${s.approverKind ? APPROVER_LABEL[s.approverKind] : "an approver"} approves`);
  const last = requestKind === "GRANT" ? "it is provisioned" : "it is deprovisioned";
  // Not "at once": with a MANUAL strategy a person still does the work (issue 14).
  if (parts.length === 0) {
    return `No approval needed: it goes straight to ${requestKind === "GRANT" ? "provisioning" : "deprovisioning"}.`;
  }
  const sentence = [...parts, last].join(", then ");
  return sentence.charAt(0).toUpperCase() + sentence.slice(1) + ".";
}
