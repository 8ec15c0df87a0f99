import { allow, deny, type Actor, type Decision } from "../actor.ts";
import type { TaskState } from "../workflow/state-machine.ts";
import { isSuperAdmin, readsEverything } from "./rules.ts";

// SPEC §3, §8: who may see, act on, comment on, reassign, retry and cancel the work of a
// request. One function per rule; services call them, nothing re-implements them.

/** The people around one task, as the rules need them. */
export interface TaskFactsForRules {
  organizationId: string;
  /** People assigned to the task now. */
  activeAssigneeIds: readonly string[];
  /** Everyone ever assigned (including people reassigned away). */
  everAssigneeIds: readonly string[];
  requesterId: string;
  /** The person whose access it is (account owner or target person). */
  subjectId: string | null;
  appOwnerIds: readonly string[];
  /** Everyone assigned to any task of the same request (approvers see the provisioning). */
  requestParticipantIds: readonly string[];
}

const NOT_FOUND = "This task does not exist.";

/**
 * The people around a task: super admins, anyone ever assigned to a task of its request, the
 * requester, the person whose access it is, and the app's owners.
 */
function aroundTask(actor: Actor, task: TaskFactsForRules): boolean {
  return (
    isSuperAdmin(actor) ||
    task.everAssigneeIds.includes(actor.id) ||
    task.requestParticipantIds.includes(actor.id) ||
    task.requesterId === actor.id ||
    task.subjectId === actor.id ||
    task.appOwnerIds.includes(actor.id)
  );
}

/** Who sees a task: the people around it, and auditors (readsEverything). */
export function canViewTask(actor: Actor, task: TaskFactsForRules): Decision {
  if (actor.organizationId !== task.organizationId) return deny(NOT_FOUND);
  if (readsEverything(actor) || aroundTask(actor, task)) return allow;
  return deny(NOT_FOUND);
}

/**
 * Comment on a task (SPEC §3.5): the people around it. An auditor reads every task but
 * comments only where they are one of those people (their own request, say).
 */
export function canCommentOnTask(actor: Actor, task: TaskFactsForRules): Decision {
  const view = canViewTask(actor, task);
  if (!view.allowed) return view;
  if (!aroundTask(actor, task)) {
    return deny(
      "An auditor reads every task but comments only on tasks about their own requests or access.",
    );
  }
  return allow;
}

/** Approve, deny, mark provisioned / deprovisioned / errored: an assignee or a super admin. */
export function canActOnTask(actor: Actor, task: TaskFactsForRules): Decision {
  if (actor.organizationId !== task.organizationId) return deny(NOT_FOUND);
  if (isSuperAdmin(actor) || task.activeAssigneeIds.includes(actor.id)) return allow;
  return deny("Only the people this task is assigned to (or a super admin) can act on it.");
}

export interface ReassignFacts {
  allowReassignment: boolean;
  policyName: string;
  /** Null: any active person of the organization. */
  allowedReassigneeIds: readonly string[] | null;
}

export interface ReassignTarget {
  id: string;
  organizationId: string;
  displayName: string;
  status: "ACTIVE" | "SUSPENDED" | "DEPROVISIONED";
}

/**
 * Reassign (SPEC §3.6): the actor must be an assignee or a super admin, the policy must
 * allow reassignment, and the new assignee must be an active person of the organization,
 * on the policy's list when it has one, and not already assigned.
 */
export function canReassignTask(
  actor: Actor,
  task: TaskFactsForRules,
  policy: ReassignFacts,
  target: ReassignTarget | null,
): Decision {
  const act = canActOnTask(actor, task);
  if (!act.allowed) {
    return task.organizationId === actor.organizationId
      ? deny("Only the people this task is assigned to (or a super admin) can reassign it.")
      : act;
  }
  if (!policy.allowReassignment) {
    return deny(`The policy "${policy.policyName}" does not allow reassigning its tasks.`);
  }
  if (!target || target.organizationId !== task.organizationId) {
    return deny("Choose a person of your organization to reassign the task to.");
  }
  if (target.status !== "ACTIVE") {
    return deny(`${target.displayName} is not an active user and cannot take this task.`);
  }
  if (policy.allowedReassigneeIds && !policy.allowedReassigneeIds.includes(target.id)) {
    return deny(
      `The policy "${policy.policyName}" only allows reassigning to the people it lists; ${target.displayName} is not one of them.`,
    );
  }
  if (task.activeAssigneeIds.includes(target.id)) {
    return deny(`${target.displayName} is already assigned to this task.`);
  }
  return allow;
}

// ─────────────────────────────── Reminders ───────────────────────────────

/** "Send reminder" re-notifies a task's assignees at most once per this many minutes. */
export const REMINDER_INTERVAL_MINUTES = 60;
const REMINDER_INTERVAL_MS = REMINDER_INTERVAL_MINUTES * 60_000;

export const ONLY_REQUESTER_OWNERS_REMIND =
  "Only the requester, the app's owners and super admins can send a reminder about this task.";

/**
 * Send reminder on an open task: the request's requester, the app's owners and super
 * admins (the people waiting for the work, or responsible for it). The assignees are the
 * ones reminded, so being assigned is not enough.
 */
export function canRemindTask(
  actor: Actor,
  task: TaskFactsForRules & { state: TaskState },
): Decision {
  if (actor.organizationId !== task.organizationId) return deny(NOT_FOUND);
  if (
    !isSuperAdmin(actor) &&
    task.requesterId !== actor.id &&
    !task.appOwnerIds.includes(actor.id)
  ) {
    return deny(ONLY_REQUESTER_OWNERS_REMIND);
  }
  if (task.state !== "OPEN") return deny("Only an open task can be reminded about.");
  return allow;
}

/**
 * When the next reminder may be sent after one sent at `lastRemindedAt`; null when the task
 * was never reminded (one may be sent at once).
 */
export function reminderAvailableAt(lastRemindedAt: Date | null): Date | null {
  return lastRemindedAt ? new Date(lastRemindedAt.getTime() + REMINDER_INTERVAL_MS) : null;
}

/** Whether a reminder may be sent at `now`, the last one having been sent at `lastRemindedAt`. */
export function canSendReminderAt(lastRemindedAt: Date | null, now: Date): boolean {
  const next = reminderAvailableAt(lastRemindedAt);
  return next === null || next.getTime() <= now.getTime();
}

/**
 * The latest `lastRemindedAt` that still lets a reminder go at `now`: the conditional
 * update of the reminder service sends only when `lastRemindedAt <= reminderCutoff(now)`.
 */
export function reminderCutoff(now: Date): Date {
  return new Date(now.getTime() - REMINDER_INTERVAL_MS);
}

function minutesWords(minutes: number): string {
  return `${minutes} minute${minutes === 1 ? "" : "s"}`;
}

/**
 * The refusal of a reminder sent too soon, in relative words (the server does not know the
 * reader's time zone; clients show clock times from the error's details):
 * "A reminder was sent 12 minutes ago by Dana Ortiz; the next one can be sent in 48 minutes."
 */
export function reminderTooSoonMessage(input: {
  lastRemindedAt: Date;
  byName: string | null;
  now: Date;
}): string {
  const ago = Math.max(
    0,
    Math.floor((input.now.getTime() - input.lastRemindedAt.getTime()) / 60_000),
  );
  const waitMs = reminderAvailableAt(input.lastRemindedAt)!.getTime() - input.now.getTime();
  const wait = Math.max(1, Math.ceil(waitMs / 60_000));
  const sent = ago === 0 ? "just now" : `${minutesWords(ago)} ago`;
  const by = input.byName ? ` by ${input.byName}` : "";
  return `A reminder was sent ${sent}${by}; the next one can be sent in ${minutesWords(wait)}.`;
}

/** Retry an errored request (SPEC §3.4): the app's owners and super admins. */
export function canRetryRequest(
  actor: Actor,
  request: { organizationId: string; appOwnerIds: readonly string[] },
): Decision {
  if (actor.organizationId !== request.organizationId) return deny("This request does not exist.");
  if (isSuperAdmin(actor) || request.appOwnerIds.includes(actor.id)) return allow;
  return deny("Only the app's owners and super admins can retry an errored request.");
}

/**
 * Cancel a running request: super admins; the requester may withdraw their own request
 * while it waits for approval.
 */
export function canCancelRequest(
  actor: Actor,
  request: { organizationId: string; requesterId: string; state: string },
): Decision {
  if (actor.organizationId !== request.organizationId) return deny("This request does not exist.");
  if (isSuperAdmin(actor)) return allow;
  if (request.requesterId === actor.id && request.state === "PENDING_APPROVAL") return allow;
  if (request.requesterId === actor.id && ["APPROVED", "PROVISIONING"].includes(request.state)) {
    return deny(
      "Your request is already approved; only a super admin can cancel it now. Ask one, or comment on its task.",
    );
  }
  if (request.requesterId === actor.id) {
    const words = request.state.toLowerCase().replace("_", " ");
    return deny(`Your request is already ${words}; there is nothing to cancel.`);
  }
  return deny("Only super admins can cancel a request.");
}

/** Request access (SPEC §8: every member): to a managed app of their own organization. */
export function canRequestAccess(
  actor: Actor,
  app: { organizationId: string; status: "MANAGED" | "DISCOVERED" | "IGNORED"; name: string },
): Decision {
  if (actor.organizationId !== app.organizationId) return deny("This entitlement does not exist.");
  if (app.status !== "MANAGED") {
    return deny(`${app.name} is not a managed app yet, so access to it cannot be requested.`);
  }
  return allow;
}
