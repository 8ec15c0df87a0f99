// Words of the person page: roles, statuses and the history of changes. A plain module.
import type { RouterOutputs } from "@lantern/api";

export type PersonDetails = RouterOutputs["users"]["byId"];
export type PersonStatus = PersonDetails["status"];
export type PersonRole = PersonDetails["role"];

export const ROLE_LABEL: Record<PersonRole, string> = {
  SUPER_ADMIN: "Super admin",
  AUDITOR: "Auditor",
  MEMBER: "Member",
};

/** "a member", "an auditor", "a super admin". */
export const aRole = (role: PersonRole): string => {
  const word = ROLE_LABEL[role].toLowerCase();
  return `${/^[aeiou]/.test(word) ? "an" : "a"} ${word}`;
};

/** One line per role for the role pickers (Change role, Add person). */
export const ROLE_DESCRIPTION: Record<PersonRole, string> = {
  MEMBER: "Requests access, approves and works the tasks given to them, manages the apps they own.",
  AUDITOR:
    "Reads everything (apps, accounts, grants, people, policies, the audit log, exports) and changes nothing but their own requests and preferences.",
  SUPER_ADMIN:
    "Everything members do, plus every app, policy, person and setting of the organization.",
};

/** The roles in the order the pickers offer them. */
export const ROLES_IN_ORDER: readonly PersonRole[] = ["MEMBER", "AUDITOR", "SUPER_ADMIN"];

/** What the viewer's own role lets them do, for the Settings page. */
export const ROLE_MEANING: Record<PersonRole, (organizationName: string) => string> = {
  SUPER_ADMIN: (org) => `You can see and manage everything in ${org}.`,
  AUDITOR: (org) =>
    `You can read everything in ${org} and change nothing; your own requests and preferences stay yours.`,
  MEMBER: () => "You work on the tasks assigned to you, and see apps and your own accounts.",
};

export const STATUS_BADGE: Record<
  PersonStatus,
  { label: string; tone: "green" | "brand" | "neutral" }
> = {
  ACTIVE: { label: "Active", tone: "green" },
  SUSPENDED: { label: "Suspended", tone: "brand" },
  DEPROVISIONED: { label: "Deprovisioned", tone: "neutral" },
};

type HistoryEvent = PersonDetails["history"][number];

const field = (value: unknown, key: string): unknown =>
  value && typeof value === "object" ? (value as Record<string, unknown>)[key] : undefined;

const roleWord = (v: unknown) => ROLE_LABEL[v as PersonRole] ?? String(v);
const statusWord = (v: unknown) => STATUS_BADGE[v as PersonStatus]?.label ?? String(v);
const managerWord = (v: unknown) => (typeof v === "string" && v ? v : "no manager");

/** One line of the person's history, e.g. "Role changed from Member to Super admin". */
export function historyText(event: HistoryEvent): string {
  const { before, after } = event;
  switch (event.action) {
    case "user.created":
      return "Added to the organization";
    case "user.role_changed":
      return `Role changed from ${roleWord(field(before, "role"))} to ${roleWord(field(after, "role"))}`;
    case "user.manager_changed":
      return `Manager changed from ${managerWord(field(before, "managerName"))} to ${managerWord(field(after, "managerName"))}`;
    case "user.status_changed":
      return `Status changed from ${statusWord(field(before, "status"))} to ${statusWord(field(after, "status"))}`;
    case "user.notification_preferences_changed":
      return "Notification preferences changed";
    case "user.signed_out_everywhere":
      return "Signed out everywhere";
    default:
      return event.action;
  }
}
