// Who a task goes to (SPEC §1, §3.1): the approvers of an APPROVAL step, and the
// provisioners or deprovisioners of the PROVISION step, with the fallbacks a request
// needs so that it never waits on nobody.

import type { ApproverKind, PolicySnapshot, PolicySnapshotStep } from "./policy.ts";

export interface PersonFact {
  id: string;
  displayName: string;
  /** Only ACTIVE people are ever assigned work. */
  active: boolean;
}

/** Everything the rules need to know about the people around one request. */
export interface AssignmentFacts {
  requesterId: string;
  /** The person whose access it is: the account's owner, or the target person. */
  subject: PersonFact | null;
  /** The subject's manager, if any. */
  subjectManager: PersonFact | null;
  appOwners: PersonFact[];
  /** The app's provisioners (GRANT) or deprovisioners (REVOKE), as configured. */
  appWorkers: PersonFact[];
  entitlementOwners: PersonFact[];
  /** The named approvers of the step (USERS), as currently stored. */
  namedApprovers: PersonFact[];
  superAdmins: PersonFact[];
  /** Who approved the request's earlier steps (for requireDistinctApprovers). */
  priorApproverIds: string[];
}

export type AssignmentSource =
  "POLICY" | "APP_OWNERS_FALLBACK" | "SUPER_ADMINS_FALLBACK" | "APP_WORKERS" | "APP_OWNERS";

export interface Assignment {
  userIds: string[];
  source: AssignmentSource;
  /** Why the assignees differ from what the policy or app names; null when they do not. */
  note: string | null;
}

const active = (people: readonly PersonFact[]) => people.filter((p) => p.active);
const ids = (people: readonly PersonFact[]) => [...new Set(people.map((p) => p.id))];

/** The people around one subject that an approver kind (or an access reviewer kind) names. */
export interface KindPeople {
  manager: PersonFact | null;
  appOwners: readonly PersonFact[];
  entitlementOwners: readonly PersonFact[];
  /** The people a USERS step (or named-reviewer level) lists. */
  named: readonly PersonFact[];
}

/** Who `kind` names, active or not; nobody for a step that names no kind. */
export function peopleOfKind(kind: ApproverKind | null, people: KindPeople): readonly PersonFact[] {
  switch (kind) {
    case "MANAGER":
      return people.manager ? [people.manager] : [];
    case "APP_OWNERS":
      return people.appOwners;
    case "ENTITLEMENT_OWNERS":
      return people.entitlementOwners;
    case "USERS":
      return people.named;
    case null:
      return [];
  }
}

function policyApprovers(step: PolicySnapshotStep, facts: AssignmentFacts) {
  return peopleOfKind(step.approverKind, {
    ...facts,
    manager: facts.subjectManager,
    named: facts.namedApprovers,
  });
}

/**
 * Why `kind` names no active person, in words for the task or campaign page: `subject` is
 * the person whose access it is, `namedList` what the USERS list is called.
 */
export function nobodyOfKindReason(
  kind: ApproverKind | null,
  subject: PersonFact | null,
  manager: PersonFact | null,
  namedList: string,
): string {
  const who = subject?.displayName ?? "The person";
  switch (kind) {
    case "MANAGER":
      if (!manager) return `${who} has no manager on record`;
      return `${who}'s manager, ${manager.displayName}, is not active`;
    case "APP_OWNERS":
      return "The app has no active owners";
    case "ENTITLEMENT_OWNERS":
      return "The entitlement has no active owners";
    case "USERS":
      return `None of ${namedList} is active`;
    case null:
      return "The step names no approvers";
  }
}

/** Why the policy's own rule found nobody, in words for the task page. */
function unresolvedReason(step: PolicySnapshotStep, facts: AssignmentFacts): string {
  const named = "the policy's named approvers";
  return nobodyOfKindReason(step.approverKind, facts.subject, facts.subjectManager, named);
}

/**
 * The fallback when a rule of `kind` found nobody eligible: the eligible app owners (unless
 * the rule was the app owners), else the eligible super admins; null when neither has anyone.
 */
export function fallbackAssignees(
  kind: ApproverKind | null,
  eligible: (people: readonly PersonFact[]) => string[],
  facts: { appOwners: readonly PersonFact[]; superAdmins: readonly PersonFact[] },
): { userIds: string[]; source: "APP_OWNERS_FALLBACK" | "SUPER_ADMINS_FALLBACK" } | null {
  const owners = kind === "APP_OWNERS" ? [] : eligible(facts.appOwners);
  if (owners.length > 0) return { userIds: owners, source: "APP_OWNERS_FALLBACK" };
  const admins = eligible(facts.superAdmins);
  return admins.length > 0 ? { userIds: admins, source: "SUPER_ADMINS_FALLBACK" } : null;
}

/**
 * The approvers of an APPROVAL step. The policy's rule first; when it finds no active
 * person, the app owners (and the task says so). The requester never approves their own
 * request unless the policy allows self-approval, and with requireDistinctApprovers nobody
 * approves two steps of one request. When nobody eligible remains, the super admins decide.
 */
export function resolveApprovers(
  snapshot: PolicySnapshot,
  step: PolicySnapshotStep,
  facts: AssignmentFacts,
): Assignment {
  const excluded = new Set<string>();
  if (!snapshot.allowSelfApproval) excluded.add(facts.requesterId);
  if (snapshot.requireDistinctApprovers) for (const id of facts.priorApproverIds) excluded.add(id);
  const eligible = (people: readonly PersonFact[]) =>
    ids(active(people)).filter((id) => !excluded.has(id));
  // Name only the rules that actually left out someone the policy names.
  const exclusionWords = (people: readonly PersonFact[]) =>
    [
      !snapshot.allowSelfApproval &&
        people.some((p) => p.id === facts.requesterId) &&
        "requesters do not approve their own requests",
      snapshot.requireDistinctApprovers &&
        people.some((p) => facts.priorApproverIds.includes(p.id)) &&
        "each step needs a different approver",
    ]
      .filter(Boolean)
      .join(" and ");

  const fromPolicy = active(policyApprovers(step, facts));
  const primary = eligible(fromPolicy);
  if (primary.length > 0) return { userIds: primary, source: "POLICY", note: null };

  const firstReason =
    fromPolicy.length === 0
      ? unresolvedReason(step, facts)
      : `Nobody the policy names may approve (${exclusionWords(fromPolicy)})`;
  const fallback = fallbackAssignees(step.approverKind, eligible, facts);
  if (fallback?.source === "APP_OWNERS_FALLBACK") {
    return { ...fallback, note: `${firstReason}, so the app owners approve instead.` };
  }
  if (fallback) {
    return {
      ...fallback,
      note:
        step.approverKind === "APP_OWNERS"
          ? `${firstReason}, so the super admins decide.`
          : `${firstReason}, and no app owner can approve either, so the super admins decide.`,
    };
  }
  // Last resort: a request must never wait on nobody. A super admin may act on any task.
  return {
    userIds: ids(active(facts.superAdmins)),
    source: "SUPER_ADMINS_FALLBACK",
    note: `${firstReason}, and no other approver is eligible, so the super admins decide.`,
  };
}

/**
 * The assignees of a PROVISION or DEPROVISION task: the app's provisioners (or
 * deprovisioners); when none is active, the app owners; when none of those either, the
 * super admins.
 */
export function resolveWorkers(
  requestKind: "GRANT" | "REVOKE",
  facts: Pick<AssignmentFacts, "appWorkers" | "appOwners" | "superAdmins">,
): Assignment {
  const workers = ids(active(facts.appWorkers));
  if (workers.length > 0) return { userIds: workers, source: "APP_WORKERS", note: null };
  const owners = ids(active(facts.appOwners));
  const role = requestKind === "GRANT" ? "provisioners" : "deprovisioners";
  if (owners.length > 0) {
    return {
      userIds: owners,
      source: "APP_OWNERS",
      // With no provisioners configured, the owners act by definition (SPEC §1): no note,
      // unless configured provisioners exist but none of them is active.
      note:
        facts.appWorkers.length > 0
          ? `None of the app's ${role} is active, so the app owners do this.`
          : null,
    };
  }
  return {
    userIds: ids(active(facts.superAdmins)),
    source: "SUPER_ADMINS_FALLBACK",
    note: `The app has no active ${role} or owners, so the super admins do this.`,
  };
}
