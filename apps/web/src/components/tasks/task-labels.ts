// How a task's state, outcome and request read on the task page, the workflow and the inbox
// tables; and the one-line summary of what a task is about. A plain module.
import type { RouterOutputs } from "@lantern/api";
import type { TaskOutcome, TaskState } from "@lantern/domain";

type Details = RouterOutputs["tasks"]["byNumber"];
type Subject = NonNullable<Details["request"]["subject"]>;

export const STATE_BADGE: Record<
  TaskState,
  { label: string; tone: "brand" | "green" | "red" | "neutral" }
> = {
  OPEN: { label: "Open", tone: "brand" },
  DONE: { label: "Done", tone: "green" },
  ERRORED: { label: "Errored", tone: "red" },
  CANCELLED: { label: "Cancelled", tone: "neutral" },
};

/** A closed task's outcome as a badge (task page, the inbox's Done tab). */
export const OUTCOME_BADGE: Record<
  TaskOutcome,
  { label: string; tone: "green" | "red" | "neutral" }
> = {
  APPROVED: { label: "Approved", tone: "green" },
  DENIED: { label: "Denied", tone: "red" },
  PROVISIONED: { label: "Provisioned", tone: "green" },
  DEPROVISIONED: { label: "Deprovisioned", tone: "green" },
  ERRORED: { label: "Errored", tone: "red" },
  CANCELLED: { label: "Cancelled", tone: "neutral" },
};

/** A closed task's outcome as the start of a sentence: "Marked provisioned by …". */
export const OUTCOME_SENTENCE: Record<TaskOutcome, string> = {
  APPROVED: "Approved",
  DENIED: "Denied",
  PROVISIONED: "Marked provisioned",
  DEPROVISIONED: "Marked deprovisioned",
  ERRORED: "Marked as errored",
  CANCELLED: "Cancelled",
};

/** Where the task's request stands, as the task page says it. */
export const REQUEST_STATE: Record<Details["request"]["state"], string> = {
  PENDING_APPROVAL: "Waiting for approval",
  APPROVED: "Approved",
  PROVISIONING: "Being provisioned",
  COMPLETED: "Completed",
  ERRORED: "Errored",
  DENIED: "Denied",
  CANCELLED: "Cancelled",
};

function subjectName(subject: Subject | null): string | null {
  if (!subject) return null;
  if (subject.type === "person") return subject.person.displayName;
  return (
    subject.owner?.displayName ??
    subject.login ??
    subject.email ??
    subject.displayName ??
    "an unnamed account"
  );
}

/** "Workspace admin in Slack for Kofi Boateng". */
export function summaryOf(task: Details): string {
  const who = subjectName(task.request.subject);
  return `${task.request.entitlement.displayName} in ${task.app.name}${who ? ` for ${who}` : ""}`;
}

/** What the task asks, as a heading line: "Provision Workspace admin in Slack for Kofi Boateng". */
export function askOf(task: Details): string {
  const verb =
    task.kind === "APPROVAL"
      ? task.request.kind === "GRANT"
        ? "Approve access to"
        : "Approve the removal of"
      : task.kind === "PROVISION"
        ? "Give"
        : "Remove";
  return `${verb} ${summaryOf(task)}`;
}
