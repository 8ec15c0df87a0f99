import { DomainError } from "../errors.ts";
import type { ApproverKind, PolicySnapshot } from "./policy.ts";

// What an approval policy may say (SPEC §1), checked before it is stored: the editor's rules
// in one pure place. A policy is a list of approval steps, always followed by provisioning,
// and four flags about reassignment and who may approve.

export const POLICY_NAME_MAX = 80;
export const POLICY_DESCRIPTION_MAX = 2000;
export const POLICY_APPROVAL_STEPS_MAX = 10;
export const POLICY_STEP_PEOPLE_MAX = 25;
export const POLICY_REASSIGNEES_MAX = 50;

export interface PolicyStepDefinition {
  approver: ApproverKind;
  /** The named approvers of a USERS step; empty for every other kind. */
  people: string[];
}

/** A policy as the editor states it: approval steps in order, then provisioning. */
export interface PolicyDefinition {
  name: string;
  description: string;
  steps: PolicyStepDefinition[];
  allowReassignment: boolean;
  /** When true, only allowedReassigneeIds may receive a reassigned task. */
  restrictReassignees: boolean;
  allowedReassigneeIds: string[];
  allowSelfApproval: boolean;
  requireDistinctApprovers: boolean;
}

/**
 * Field paths: "name", "description", "steps", "steps.2" (the second step, counted from 1 as
 * people read them), "allowedReassigneeIds".
 */
export type PolicyFieldErrors = Record<string, string[]>;

const trimmed = (def: PolicyDefinition): PolicyDefinition => ({
  ...def,
  name: def.name.trim(),
  description: def.description.trim(),
});

/** Every problem of a definition, by field; empty when it may be stored. */
export function policyDefinitionErrors(input: PolicyDefinition): PolicyFieldErrors {
  const def = trimmed(input);
  const errors: PolicyFieldErrors = {};
  const add = (field: string, message: string) => (errors[field] ??= []).push(message);

  if (def.name.length === 0) add("name", "Give the policy a name.");
  else if (def.name.length > POLICY_NAME_MAX) {
    add("name", `A policy name is at most ${POLICY_NAME_MAX} characters.`);
  }
  if (def.description.length > POLICY_DESCRIPTION_MAX) {
    add("description", `The description is at most ${POLICY_DESCRIPTION_MAX} characters.`);
  }
  if (def.steps.length > POLICY_APPROVAL_STEPS_MAX) {
    add("steps", `A policy has at most ${POLICY_APPROVAL_STEPS_MAX} approval steps.`);
  }
  def.steps.forEach((step, i) => {
    const field = `steps.${i + 1}`;
    const label = `Step ${i + 1}`;
    if (step.approver !== "USERS") {
      if (step.people.length > 0) {
        add(field, `${label}: only a “Named people” step lists people.`);
      }
      return;
    }
    if (step.people.length === 0) add(field, `${label}: choose at least one person to approve.`);
    if (step.people.length > POLICY_STEP_PEOPLE_MAX) {
      add(field, `${label}: at most ${POLICY_STEP_PEOPLE_MAX} named people can approve a step.`);
    }
    if (new Set(step.people).size !== step.people.length) {
      add(field, `${label}: each person is listed once.`);
    }
  });

  const reassignees = def.allowedReassigneeIds;
  if (def.restrictReassignees) {
    if (!def.allowReassignment) {
      add(
        "allowedReassigneeIds",
        "Reassignment is turned off, so there is nobody to limit it to. Allow reassignment first.",
      );
    } else if (reassignees.length === 0) {
      add("allowedReassigneeIds", "Choose at least one person tasks may be reassigned to.");
    }
  } else if (reassignees.length > 0) {
    add(
      "allowedReassigneeIds",
      "People to reassign to are listed only when reassignment is limited to them.",
    );
  }
  if (reassignees.length > POLICY_REASSIGNEES_MAX) {
    add(
      "allowedReassigneeIds",
      `At most ${POLICY_REASSIGNEES_MAX} people can be listed to reassign to.`,
    );
  }
  if (new Set(reassignees).size !== reassignees.length) {
    add("allowedReassigneeIds", "Each person to reassign to is listed once.");
  }
  return errors;
}

/**
 * The definition, trimmed, when it may be stored; otherwise BAD_REQUEST with the first problem
 * as its message and every problem by field in `details.fieldErrors`.
 */
export function assertValidPolicyDefinition(input: PolicyDefinition): PolicyDefinition {
  const errors = policyDefinitionErrors(input);
  const first = Object.values(errors)[0]?.[0];
  if (first) throw new DomainError("BAD_REQUEST", first, { fieldErrors: errors });
  return trimmed(input);
}

/** Every person a definition names: step approvers and allowed reassignees, once each. */
export function peopleNamedBy(def: PolicyDefinition): string[] {
  return [...new Set([...def.steps.flatMap((s) => s.people), ...def.allowedReassigneeIds])].sort();
}

/**
 * A definition as an audit Event shows it (SPEC §1: before and after), e.g.
 * steps [{approver:"MANAGER"}, {approver:"USERS", people:[ids]}]; id sets sorted, so that
 * comparing two of them with fieldChanges reports only real changes.
 */
export function policyAuditFields(def: PolicyDefinition): Record<string, unknown> {
  return {
    name: def.name,
    description: def.description,
    steps: def.steps.map((s) =>
      s.approver === "USERS"
        ? { approver: s.approver, people: [...s.people].sort() }
        : { approver: s.approver },
    ),
    allowReassignment: def.allowReassignment,
    restrictReassignees: def.restrictReassignees,
    allowedReassigneeIds: def.restrictReassignees ? [...def.allowedReassigneeIds].sort() : [],
    allowSelfApproval: def.allowSelfApproval,
    requireDistinctApprovers: def.requireDistinctApprovers,
  };
}

/** The definition back from a stored policy's snapshot (its approval steps in order). */
export function definitionFromSnapshot(snapshot: PolicySnapshot): PolicyDefinition {
  return {
    name: snapshot.name,
    description: snapshot.description,
    steps: [...snapshot.steps]
      .sort((a, b) => a.position - b.position)
      .filter((s) => s.kind === "APPROVAL")
      .map((s) => ({ approver: s.approverKind ?? "USERS", people: [...s.approverUserIds] })),
    allowReassignment: snapshot.allowReassignment,
    restrictReassignees: snapshot.restrictReassignees,
    allowedReassigneeIds: [...(snapshot.allowedReassigneeIds ?? [])],
    allowSelfApproval: snapshot.allowSelfApproval,
    requireDistinctApprovers: snapshot.requireDistinctApprovers,
  };
}

/**
 * A definition as the snapshot a request would run under (approval steps at positions 0…n-1,
 * provisioning last): what describePolicy reads, so the editor can say what it does while it
 * is being written.
 */
export function snapshotFromDefinition(id: string, def: PolicyDefinition): PolicySnapshot {
  return {
    id,
    name: def.name,
    description: def.description,
    allowReassignment: def.allowReassignment,
    restrictReassignees: def.restrictReassignees,
    allowedReassigneeIds: def.restrictReassignees ? [...def.allowedReassigneeIds].sort() : null,
    allowSelfApproval: def.allowSelfApproval,
    requireDistinctApprovers: def.requireDistinctApprovers,
    steps: [
      ...def.steps.map((s, position) => ({
        position,
        kind: "APPROVAL" as const,
        approverKind: s.approver,
        approverUserIds: [...s.people].sort(),
      })),
      {
        position: def.steps.length,
        kind: "PROVISION" as const,
        approverKind: null,
        approverUserIds: [],
      },
    ],
  };
}

/** "Copy of Standard", or "Copy of Standard (2)", (3)… — the first name not taken. */
export function duplicateName(name: string, taken: ReadonlySet<string>): string {
  const lower = new Set([...taken].map((n) => n.toLowerCase()));
  const base = `Copy of ${name}`.slice(0, POLICY_NAME_MAX - 5).trim();
  if (!lower.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base} (${n})`;
    if (!lower.has(candidate.toLowerCase())) return candidate;
  }
}
