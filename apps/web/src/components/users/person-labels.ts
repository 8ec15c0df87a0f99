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
