// The task and request state machines (SPEC §1, §3). Pure: services ask these functions
// what a transition leads to and write the answer in one transaction.

import { DomainError } from "../errors.ts";
import { orderedSteps, type PolicySnapshot, type PolicySnapshotStep } from "./policy.ts";

export type TaskKind = "APPROVAL" | "PROVISION" | "DEPROVISION";
export type TaskState = "OPEN" | "DONE" | "ERRORED" | "CANCELLED";
export type TaskOutcome =
  "APPROVED" | "DENIED" | "PROVISIONED" | "DEPROVISIONED" | "ERRORED" | "CANCELLED";
export type RequestKind = "GRANT" | "REVOKE";
export type RequestState =
  | "PENDING_APPROVAL"
  | "APPROVED"
  | "PROVISIONING"
  | "COMPLETED"
  | "ERRORED"
  | "DENIED"
  | "CANCELLED";

/** What a person can do to a task. */
export type TaskAction =
  | "approve"
  | "deny"
  | "mark_provisioned"
  | "mark_deprovisioned"
  | "mark_errored"
  | "reassign"
  | "cancel";

/** The action as its button says it. */
export const TASK_ACTION_LABEL: Record<TaskAction, string> = {
  approve: "Approve",
  deny: "Deny",
  mark_provisioned: "Mark provisioned",
  mark_deprovisioned: "Mark deprovisioned",
  mark_errored: "Mark as errored",
  reassign: "Reassign",
  cancel: "Cancel",
};

/** The actions that close a task, each with its own outcome (`tasks.close`). */
export const CLOSE_ACTIONS = [
  "approve",
  "deny",
  "mark_provisioned",
  "mark_deprovisioned",
  "mark_errored",
] as const;
export type CloseAction = (typeof CLOSE_ACTIONS)[number];

/**
 * The text each action takes: the label of a required reason ("A reason for the denial"), or
 * null for an optional note. The one answer to "does this action need a reason?" — the
 * service checks it, the task dialog asks for it.
 */
export const ACTION_REASON: Record<TaskAction, string | null> = {
  approve: null,
  deny: "A reason for the denial",
  mark_provisioned: null,
  mark_deprovisioned: null,
  mark_errored: "A reason for the error",
  reassign: "A reason for the reassignment",
  cancel: null,
};

/** The actions each kind of task accepts while OPEN. */
const ACTIONS_OF: Record<TaskKind, readonly TaskAction[]> = {
  APPROVAL: ["approve", "deny", "reassign", "cancel"],
  PROVISION: ["mark_provisioned", "mark_errored", "reassign", "cancel"],
  DEPROVISION: ["mark_deprovisioned", "mark_errored", "reassign", "cancel"],
};

const RESULT: Record<
  Exclude<TaskAction, "reassign">,
  { state: TaskState; outcome: TaskOutcome }
> = {
  approve: { state: "DONE", outcome: "APPROVED" },
  deny: { state: "DONE", outcome: "DENIED" },
  mark_provisioned: { state: "DONE", outcome: "PROVISIONED" },
  mark_deprovisioned: { state: "DONE", outcome: "DEPROVISIONED" },
  mark_errored: { state: "ERRORED", outcome: "ERRORED" },
  cancel: { state: "CANCELLED", outcome: "CANCELLED" },
};

const KIND_NOUN: Record<TaskKind, string> = {
  APPROVAL: "an approval task",
  PROVISION: "a provisioning task",
  DEPROVISION: "a deprovisioning task",
};

const OUTCOME_PAST: Record<TaskOutcome, string> = {
  APPROVED: "approved",
  DENIED: "denied",
  PROVISIONED: "marked provisioned",
  DEPROVISIONED: "marked deprovisioned",
  ERRORED: "marked as errored",
  CANCELLED: "cancelled",
};

export interface TaskFacts {
  number: number;
  kind: TaskKind;
  state: TaskState;
  outcome: TaskOutcome | null;
  completedByName: string | null;
  completedAt: Date | null;
}

/** Whether `action` applies to this kind of task at all (independent of its state). */
export function taskAccepts(kind: TaskKind, action: TaskAction): boolean {
  return ACTIONS_OF[kind].includes(action);
}

/** "Task #12 was already marked provisioned by Marcus Chen." */
export function closedTaskMessage(task: TaskFacts): string {
  const what = task.outcome ? OUTCOME_PAST[task.outcome] : "closed";
  const by = task.completedByName ? ` by ${task.completedByName}` : "";
  return `Task #${task.number} was already ${what}${by}.`;
}

/**
 * The state and outcome an OPEN task moves to. Throws BAD_REQUEST when the action does not
 * apply to this kind of task, CONFLICT (naming who closed it) when the task is no longer open.
 * Reassign keeps the task OPEN.
 */
export function taskTransition(
  task: TaskFacts,
  action: TaskAction,
): { state: TaskState; outcome: TaskOutcome | null } {
  if (!taskAccepts(task.kind, action)) {
    throw new DomainError(
      "BAD_REQUEST",
      `Task #${task.number} is ${KIND_NOUN[task.kind]}: "${TASK_ACTION_LABEL[action]}" does not apply to it.`,
    );
  }
  if (task.state !== "OPEN") {
    throw new DomainError("CONFLICT", closedTaskMessage(task), {
      completedBy: task.completedByName,
      completedAt: task.completedAt?.toISOString() ?? null,
      state: task.state,
      outcome: task.outcome,
    });
  }
  if (action === "reassign") return { state: "OPEN", outcome: null };
  return { ...RESULT[action] };
}

/** Reasons and notes: a required reason must say something; notes are optional. */
export function requireReason(value: string | null | undefined, what: string): string {
  const text = value?.trim() ?? "";
  if (!text) throw new DomainError("BAD_REQUEST", `${what} is required.`);
  return text;
}

// ─────────────────────────────── Requests ───────────────────────────────

export const TERMINAL_REQUEST_STATES: readonly RequestState[] = [
  "COMPLETED",
  "ERRORED",
  "DENIED",
  "CANCELLED",
];

export function isRequestRunning(state: RequestState): boolean {
  return !TERMINAL_REQUEST_STATES.includes(state);
}

/** What runs next for a request: an approval step, or the provision step. */
export type NextStep =
  | { type: "approval"; index: number; step: PolicySnapshotStep }
  | { type: "provision"; index: number; step: PolicySnapshotStep };

export function stepAt(snapshot: PolicySnapshot, index: number): NextStep {
  const steps = orderedSteps(snapshot);
  const step = steps[index];
  if (!step) throw new Error(`The policy snapshot has no step ${index}`);
  return step.kind === "APPROVAL"
    ? { type: "approval", index, step }
    : { type: "provision", index, step };
}

/** A new request starts at its first step: approval if the policy has any, else provision. */
export function firstStep(snapshot: PolicySnapshot): NextStep {
  return stepAt(snapshot, 0);
}

export function requestStateFor(next: NextStep): RequestState {
  return next.type === "approval" ? "PENDING_APPROVAL" : "PROVISIONING";
}

/** The task kind that does the work of the provision step. */
export function workTaskKind(requestKind: RequestKind): "PROVISION" | "DEPROVISION" {
  return requestKind === "GRANT" ? "PROVISION" : "DEPROVISION";
}

/**
 * What a closed task does to its request:
 * - an approval approved → the next step (more approval, or provision),
 * - an approval denied → DENIED,
 * - provisioned / deprovisioned → COMPLETED,
 * - errored → ERRORED,
 * - cancelled → CANCELLED.
 * Throws CONFLICT when the request is no longer running (cancelled while the task was open).
 */
export function requestAfterTask(
  request: { state: RequestState; currentStep: number; snapshot: PolicySnapshot },
  task: { kind: TaskKind; stepIndex: number },
  outcome: TaskOutcome,
): { state: RequestState; next: NextStep | null } {
  if (!isRequestRunning(request.state)) {
    throw new DomainError(
      "CONFLICT",
      `The request is already ${request.state.toLowerCase()}; its tasks can no longer change it.`,
    );
  }
  switch (outcome) {
    case "APPROVED": {
      const next = stepAt(request.snapshot, task.stepIndex + 1);
      return { state: requestStateFor(next), next };
    }
    case "DENIED":
      return { state: "DENIED", next: null };
    case "PROVISIONED":
    case "DEPROVISIONED":
      return { state: "COMPLETED", next: null };
    case "ERRORED":
      return { state: "ERRORED", next: null };
    case "CANCELLED":
      return { state: "CANCELLED", next: null };
  }
}

/** Retry: only an ERRORED request, back to its provision step with a fresh task. */
export function retryTransition(request: {
  state: RequestState;
  snapshot: PolicySnapshot;
}): NextStep {
  if (request.state !== "ERRORED") {
    throw new DomainError(
      "CONFLICT",
      `Only an errored request can be retried; this one is ${request.state.toLowerCase().replace("_", " ")}.`,
    );
  }
  const steps = orderedSteps(request.snapshot);
  return stepAt(request.snapshot, steps.length - 1);
}

/** Cancel: any running request. */
export function assertCancellable(state: RequestState): void {
  if (!isRequestRunning(state)) {
    throw new DomainError(
      "CONFLICT",
      `The request is already ${state.toLowerCase().replace("_", " ")}; there is nothing to cancel.`,
    );
  }
}
