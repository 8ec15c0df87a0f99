// What happens next to a request, as the server decided it (SPEC §3.1, §5, §6.4), and the one
// place that words it for people: the revoke dialog's toast, the "you asked for" notice on
// My requests, and whatever shows a request's next step. The facts come from the service
// that opened the step (its task and that task's assignees, or its connector job), never
// from a policy read again in the browser.

import type { RequestState, TaskKind } from "./state-machine.ts";

/** Someone a task is assigned to, by name. */
export interface OutcomePerson {
  id: string;
  displayName: string;
}

/** The next step of a request, from the same facts the server acted on. */
export type RequestOutcome =
  /** An approval task: any one of `approvers` decides. */
  | { kind: "approval"; taskNumber: number; approvers: OutcomePerson[] }
  /** A provisioning (GRANT) or deprovisioning (REVOKE) task for a person to do. */
  | { kind: "task"; taskNumber: number; assignees: OutcomePerson[] }
  /** The app's connector does the work (a queued job). */
  | { kind: "connector"; jobId: string | null }
  /** Nothing is left to do: the access was given (GRANT) or removed (REVOKE). */
  | { kind: "done" };

/** How many names a message lists before it counts the rest. */
const NAMES_SHOWN = 3;

/**
 * "Dana Lee", "Dana Lee or Sam Ortiz", "Dana Lee, Sam Ortiz or Eli Park",
 * "Dana Lee, Sam Ortiz, Eli Park or 2 others": any one of them acts.
 */
export function anyOneOf(people: readonly { displayName: string }[]): string {
  const names = people.map((p) => p.displayName);
  if (names.length === 0) return "nobody";
  if (names.length === 1) return names[0]!;
  if (names.length <= NAMES_SHOWN) return `${names.slice(0, -1).join(", ")} or ${names.at(-1)}`;
  const rest = names.length - NAMES_SHOWN;
  return `${names.slice(0, NAMES_SHOWN).join(", ")} or ${rest} ${rest === 1 ? "other" : "others"}`;
}

export interface OutcomeWords {
  /** One line: what happened and who acts now, e.g. "Sent for approval by Dana Lee (#141)". */
  title: string;
  /** What follows from it, for the line under the title. */
  detail: string;
  /** The task to open, when a person acts next. */
  taskNumber: number | null;
}

/** The words for a request's next step; `requestKind` says whether access is added or removed. */
export function describeOutcome(
  outcome: RequestOutcome,
  requestKind: "GRANT" | "REVOKE",
): OutcomeWords {
  const grant = requestKind === "GRANT";
  switch (outcome.kind) {
    case "approval":
      return {
        title: `Sent for approval by ${anyOneOf(outcome.approvers)} (#${outcome.taskNumber})`,
        detail: grant
          ? "Once approved, the access is set up."
          : "The access stays until the removal is approved and done.",
        taskNumber: outcome.taskNumber,
      };
    case "task":
      return {
        title: `A ${grant ? "provisioning" : "deprovisioning"} task was created for ${anyOneOf(outcome.assignees)} (#${outcome.taskNumber})`,
        detail: grant
          ? "The access is live once they mark it provisioned."
          : "The access stays until they mark it deprovisioned.",
        taskNumber: outcome.taskNumber,
      };
    case "connector":
      return {
        title: grant ? "The connector is granting it" : "The connector is removing it",
        detail:
          "If the connector cannot do it, a task goes to the app owners and nothing is dropped.",
        taskNumber: null,
      };
    case "done":
      return {
        title: grant ? "The access is given" : "The access is removed",
        detail: "Nothing is left to do.",
        taskNumber: null,
      };
  }
}

/**
 * Who does the work once a request is approved (SPEC §3.1): the people the task will go to
 * (resolveWorkers: the app's provisioners or deprovisioners, else its owners, else the super
 * admins), or the app's connector.
 */
export type WhoDoesIt = { kind: "people"; people: OutcomePerson[] } | { kind: "connector" };

/** "Sam Ortiz sets it up and marks it provisioned.", "The app's connector removes it." */
export function describeWhoDoesIt(who: WhoDoesIt, requestKind: "GRANT" | "REVOKE"): string {
  const grant = requestKind === "GRANT";
  if (who.kind === "connector") {
    return grant
      ? "The app's connector sets it up; if it cannot, a task goes to the app owners."
      : "The app's connector removes it; if it cannot, a task goes to the app owners.";
  }
  return grant
    ? `${anyOneOf(who.people)} sets it up and marks it provisioned.`
    : `${anyOneOf(who.people)} removes it and marks it deprovisioned.`;
}

/**
 * A running or finished request's next step, from its state and its open task (with that
 * task's current assignees): how a list shows it later. Null when it ended without the
 * access changing (denied, cancelled, errored).
 */
export function outcomeOfRequest(request: {
  state: RequestState;
  openTask: { number: number; kind: TaskKind; assignees: OutcomePerson[] } | null;
}): RequestOutcome | null {
  const { state, openTask } = request;
  if (state === "COMPLETED") return { kind: "done" };
  if (state !== "PENDING_APPROVAL" && state !== "APPROVED" && state !== "PROVISIONING") {
    return null;
  }
  if (!openTask) return state === "PROVISIONING" ? { kind: "connector", jobId: null } : null;
  return openTask.kind === "APPROVAL"
    ? { kind: "approval", taskNumber: openTask.number, approvers: openTask.assignees }
    : { kind: "task", taskNumber: openTask.number, assignees: openTask.assignees };
}
