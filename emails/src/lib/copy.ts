// The words every notification shares, whatever carries it: the email templates here and
// the Slack messages built in @lantern/notify use the same headlines and labels, so an
// email and its Slack twin never describe the same change differently.
import { formatCountOf, formatDate } from "./format.ts";

/** What a task asks its assignee to do. */
export type TaskKind = "PROVISION" | "DEPROVISION" | "APPROVAL";

/** Whether a request adds access or removes it. */
export type RequestKind = "GRANT" | "REVOKE";

/** How a request ended. */
export type RequestEndState = "COMPLETED" | "ERRORED" | "DENIED" | "CANCELLED";

/** The access a request is about. */
export interface AccessFacts {
  requestKind: RequestKind;
  appName: string;
  entitlementName: string;
  /** Who the access is for, e.g. "Dana Ortiz" or "dana@acme.com (account)". */
  subject: string;
}

/** The task kinds in the order every list and digest shows them. */
export const TASK_KINDS: readonly TaskKind[] = ["APPROVAL", "PROVISION", "DEPROVISION"];

/** Section titles of the digest: "Approvals", "Provisioning", "Deprovisioning". */
export const taskKindTitles: Record<TaskKind, string> = {
  APPROVAL: "Approvals",
  PROVISION: "Provisioning",
  DEPROVISION: "Deprovisioning",
};

/** "3 approvals", "1 to provision", "2 to deprovision". */
export function formatTaskKindCount(kind: TaskKind, count: number): string {
  switch (kind) {
    case "APPROVAL":
      return formatCountOf(count, "approval");
    case "PROVISION":
      return `${count} to provision`;
    case "DEPROVISION":
      return `${count} to deprovision`;
  }
}

/**
 * The access and whom it concerns: "Admin in Salesforce for Dana Ortiz" when access is
 * added, "Admin in Salesforce from Dana Ortiz" when it is removed.
 */
export function accessSummary({ requestKind, appName, entitlementName, subject }: AccessFacts) {
  return `${entitlementName} in ${appName} ${requestKind === "REVOKE" ? "from" : "for"} ${subject}`;
}

/** The label of whom the access concerns: "For" when it is added, "Held by" when removed. */
export function subjectLabel(requestKind: RequestKind): string {
  return requestKind === "REVOKE" ? "Held by" : "For";
}

/** "#1042" */
export function taskLabel(taskNumber: number): string {
  return `#${taskNumber}`;
}

/** The call to action of every task message: "Open task #1042". */
export function openTaskLabel(taskNumber: number): string {
  return `Open task ${taskLabel(taskNumber)}`;
}

/**
 * The headline of a task, the same in the email heading, its subject and the Slack header:
 * "Provision access: Admin in Salesforce for Dana Ortiz",
 * "Remove access: Admin in Salesforce from Dana Ortiz",
 * "Approve a request: Admin in Salesforce for Dana Ortiz" (or "…: remove Admin in …").
 */
export function taskHeadline(facts: AccessFacts & { taskKind: TaskKind }): string {
  const access = accessSummary(facts);
  switch (facts.taskKind) {
    case "PROVISION":
      return `Provision access: ${access}`;
    case "DEPROVISION":
      return `Remove access: ${access}`;
    case "APPROVAL":
      return `Approve a request: ${facts.requestKind === "REVOKE" ? "remove " : ""}${access}`;
  }
}

/**
 * What the assignee is asked to do, as one sentence, e.g. "Give Dana Ortiz Admin in
 * Salesforce, then mark task #1042 as provisioned."
 */
export function taskInstruction(
  facts: AccessFacts & { taskKind: TaskKind; taskNumber: number; requesterName: string },
): string {
  const { appName, entitlementName, subject, requesterName } = facts;
  const task = `task ${taskLabel(facts.taskNumber)}`;
  switch (facts.taskKind) {
    case "PROVISION":
      return `The request has passed its approvals. Give ${subject} ${entitlementName} in ${appName}, then mark ${task} as provisioned in Lantern.`;
    case "DEPROVISION":
      return `Remove ${entitlementName} in ${appName} from ${subject}, then mark ${task} as deprovisioned in Lantern.`;
    case "APPROVAL":
      if (facts.requestKind === "REVOKE") {
        return `${requesterName} asked to remove ${entitlementName} in ${appName} from ${subject}. Approve or deny the removal in ${task}.`;
      }
      return requesterName === subject
        ? `${requesterName} asked for ${entitlementName} in ${appName}. Approve or deny the request in ${task}.`
        : `${requesterName} asked for ${subject} to get ${entitlementName} in ${appName}. Approve or deny the request in ${task}.`;
  }
}

/** The reminder line: "Reminder from Maria Chen: task #1042 has been open since Nov 20, 2026." */
export function reminderLine(remindedBy: string, taskNumber: number, openedAt: string): string {
  return `Reminder from ${remindedBy}: task ${taskLabel(taskNumber)} has been open since ${formatDate(openedAt)}.`;
}

/** "Jamal Reed reassigned task #1042 to you." */
export function reassignedLine(reassignedBy: string, taskNumber: number): string {
  return `${reassignedBy} reassigned task ${taskLabel(taskNumber)} to you.`;
}

/**
 * The headline of a finished request. Each ending reads differently, and a finished
 * revocation reads as removed access:
 * "Access granted: …", "Access removed: …", "Request errored: …", "Revocation denied: …".
 */
export function requestEndedHeadline(facts: AccessFacts & { state: RequestEndState }): string {
  const access = accessSummary(facts);
  const noun = facts.requestKind === "REVOKE" ? "Revocation" : "Request";
  switch (facts.state) {
    case "COMPLETED":
      return `${facts.requestKind === "REVOKE" ? "Access removed" : "Access granted"}: ${access}`;
    case "ERRORED":
      return `${noun} errored: ${access}`;
    case "DENIED":
      return `${noun} denied: ${access}`;
    case "CANCELLED":
      return `${noun} cancelled: ${access}`;
  }
}

/** What the ending means for the access, as one sentence. */
export function requestEndedSummary(
  facts: AccessFacts & { state: RequestEndState; taskNumber?: number | null },
): string {
  const { appName, entitlementName, subject } = facts;
  const revoke = facts.requestKind === "REVOKE";
  const inTask = facts.taskNumber != null ? ` in task ${taskLabel(facts.taskNumber)}` : "";
  switch (facts.state) {
    case "COMPLETED":
      return revoke
        ? `${subject} no longer has ${entitlementName} in ${appName}: the access was removed${inTask}.`
        : `${subject} now has ${entitlementName} in ${appName}: the access was granted${inTask}.`;
    case "ERRORED":
      return `The ${revoke ? "removal" : "request"} could not be completed: it was marked as errored${inTask}. ${revoke ? "The access is still in place." : "The access was not granted."}`;
    case "DENIED":
      return `The ${revoke ? "removal" : "request"} was denied${inTask}. ${revoke ? "The access stays in place." : "The access was not granted."}`;
    case "CANCELLED":
      return `The ${revoke ? "removal" : "request"} was cancelled${inTask}. Nothing was changed in ${appName}.`;
  }
}

/** The label of the note an ending carries: the error, the denial reason, … */
export function requestEndedNoteLabel(state: RequestEndState): string {
  switch (state) {
    case "COMPLETED":
      return "Note";
    case "ERRORED":
      return "Error";
    case "DENIED":
      return "Reason for the denial";
    case "CANCELLED":
      return "Note";
  }
}

/** "Removal requested: your access to Admin in Salesforce" */
export function revocationRequestedHeadline(facts: { appName: string; entitlementName: string }) {
  return `Removal requested: your access to ${facts.entitlementName} in ${facts.appName}`;
}

/** "Maria Chen asked to remove the access of your account dana.ortiz to Admin in Salesforce." */
export function revocationRequestedLine(facts: {
  requesterName: string;
  accountLabel: string;
  appName: string;
  entitlementName: string;
}): string {
  return `${facts.requesterName} asked to remove the access of your account ${facts.accountLabel} to ${facts.entitlementName} in ${facts.appName}.`;
}

/** The digest's headline: "10 open tasks waiting for you". */
export function digestHeadline(total: number): string {
  return `${formatCountOf(total, "open task")} waiting for you`;
}

/** How a task reads in a list: "#1042 Salesforce · Admin". */
export function digestTaskLabel(task: {
  number: number;
  appName: string;
  entitlementName: string;
}): string {
  return `${taskLabel(task.number)} ${task.appName} · ${task.entitlementName}`;
}

/** The reason text of a request, or a plain statement that there is none. */
export function reasonOrNone(reason: string): string {
  return reason.trim() === "" ? "No reason given" : reason;
}

// ─────────────────────────────── Access reviews (SPEC §10) ───────────────────────────────

/** The call to action of a reviewer's messages: their queue for the campaign. */
export const reviewQueueLabel = "Review your items";

/** The call to action of the overdue message to super admins: the campaign page. */
export const reviewCampaignLabel = "Open the campaign";

/** The line of a second-level notice: why these items come back. */
export const reviewSecondLevelLine =
  "These items were kept at the first level and need a second look.";

/** The headline of a campaign's messages: "Access review: Q4 Salesforce review". */
export function reviewHeadline(campaignName: string): string {
  return `Access review: ${campaignName}`;
}

/** The headline of a second-level notice: "Second-level review: Q4 Salesforce review". */
export function reviewSecondLevelHeadline(campaignName: string): string {
  return `Second-level review: ${campaignName}`;
}

/** The headline to super admins: "Access review overdue: Q4 Salesforce review". */
export function reviewOverdueHeadline(campaignName: string): string {
  return `Access review overdue: ${campaignName}`;
}

/** "12 items wait for your decision", "1 item waits for your decision". */
export function reviewWaitingLine(count: number): string {
  return `${formatCountOf(count, "item")} ${count === 1 ? "waits" : "wait"} for your decision`;
}

/** "12 items wait for your decision: keep the access or revoke it." */
export function reviewDecideLine(count: number): string {
  return `${reviewWaitingLine(count)}: keep the access or revoke it.`;
}

/** What the reminder asks, besides the count. */
export const reviewReminderAdvice =
  "Keep or revoke each item before the due date. Items nobody decided are recorded as not reviewed when the campaign is closed.";

/** "12 items are still undecided", "1 item is still undecided". */
export function reviewUndecidedLine(count: number): string {
  return `${formatCountOf(count, "item")} ${count === 1 ? "is" : "are"} still undecided`;
}

/** "Maria Chen started the access review Q4 Salesforce review." */
export function reviewStartedLine(startedBy: string, campaignName: string): string {
  return `${startedBy} started the access review ${campaignName}.`;
}

/** "Jamal Reed reassigned 3 items of Q4 Salesforce review to you." */
export function reviewReassignedLine(
  reassignedBy: string,
  itemCount: number,
  campaignName: string,
): string {
  return `${reassignedBy} reassigned ${formatCountOf(itemCount, "item")} of ${campaignName} to you.`;
}

/** "Q4 Salesforce review is due Nov 27, 2026." */
export function reviewDueLine(campaignName: string, dueAt: string): string {
  return `${campaignName} is due ${formatDate(dueAt)}.`;
}

/** "Q4 Salesforce review was due Nov 20, 2026 and 12 items are still undecided." */
export function reviewOverdueLine(campaignName: string, dueAt: string, pendingCount: number) {
  return `${campaignName} was due ${formatDate(dueAt)} and ${reviewUndecidedLine(pendingCount)}.`;
}

/** What a super admin can do about an overdue campaign, as one sentence. */
export const reviewOverdueAdvice =
  "Remind the reviewers, reassign their items, or close the campaign: undecided items are then recorded as not reviewed.";

/** "28 of 40 items" */
export function reviewProgress(decided: number, total: number): string {
  return `${decided} of ${formatCountOf(total, "item")}`;
}
