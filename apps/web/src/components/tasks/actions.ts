// What a person can do to a task from the inbox, the bulk bar and the task page
// (SPEC §3.2–§3.7): the words of each action and how its outcome is told. A plain module.
import type { RouterInputs } from "@lantern/api";
import { ACTION_REASON, TASK_ACTION_LABEL } from "@lantern/domain";

export type TaskKind = "APPROVAL" | "PROVISION" | "DEPROVISION";

/** One task's actions. */
export type TaskAction =
  "approve" | "deny" | "mark_provisioned" | "mark_deprovisioned" | "mark_errored" | "reassign";

export type BulkAction = RouterInputs["tasks"]["bulk"]["action"];

/** What an action dialog shows as wrong: under a field (text, person), or for the whole form. */
export interface FormProblem {
  field: "text" | "person" | null;
  message: string;
}

/** The button a row shows first: the work the task asks for. */
export const PRIMARY_ACTION: Record<
  TaskKind,
  "approve" | "mark_provisioned" | "mark_deprovisioned"
> = {
  APPROVAL: "approve",
  PROVISION: "mark_provisioned",
  DEPROVISION: "mark_deprovisioned",
};

/** The domain's words for each action (the buttons say the same everywhere). */
export const ACTION_LABEL: Record<TaskAction, string> = TASK_ACTION_LABEL;

/** "Task #1042 marked provisioned". */
export const ACTION_DONE: Record<TaskAction, string> = {
  approve: "approved",
  deny: "denied",
  mark_provisioned: "marked provisioned",
  mark_deprovisioned: "marked deprovisioned",
  mark_errored: "marked as errored",
  reassign: "reassigned",
};

/** Actions that need a reason (the others take an optional note): the domain's one table. */
export const needsReason = (action: TaskAction): boolean => ACTION_REASON[action] !== null;

/** The actions of the bulk bar for the tasks of one kind (SPEC §3.7). */
export function bulkActionsFor(kind: TaskKind): BulkAction[] {
  return kind === "APPROVAL"
    ? ["approve", "reassign"]
    : [PRIMARY_ACTION[kind], "mark_errored", "reassign"];
}

export const KIND_LABEL: Record<TaskKind, string> = {
  APPROVAL: "Approval",
  PROVISION: "Provisioning",
  DEPROVISION: "Deprovisioning",
};

/** "approval task", "provisioning task". */
export const KIND_NOUN: Record<TaskKind, string> = {
  APPROVAL: "approval task",
  PROVISION: "provisioning task",
  DEPROVISION: "deprovisioning task",
};

/**
 * A skipped task of a bulk action, as "already marked provisioned by Priya Shah" when the
 * server's reason is "Task #1043 was already …"; other reasons are shown as they are.
 */
export function skippedReason(number: number | null, reason: string): string {
  if (number === null) return reason;
  const prefix = `Task #${number} was `;
  return reason.startsWith(prefix) ? reason.slice(prefix.length).replace(/\.$/, "") : reason;
}
