// The task page's History (SPEC §3.5): each audit event of the request as a sentence a
// person reads ("Marcus Chen marked task #1042 provisioned"). A plain module, unit-tested.

export interface HistoryEvent {
  action: string;
  actor: { id: string; displayName: string } | null;
  reason: string | null;
  taskNumber: number | null;
  before: unknown;
  after: unknown;
}

export interface HistoryFacts {
  requestKind: "GRANT" | "REVOKE";
  entitlement: string;
  app: string;
  /** Names of the people the page knows, by id (assignees, former assignees, …). */
  names: ReadonlyMap<string, string>;
}

export interface HistoryLine {
  /** The sentence. */
  text: string;
  /** A reason or note to show under it, quoted. */
  detail: string | null;
  tone: "neutral" | "good" | "bad";
}

const KIND_NOUN: Record<string, string> = {
  APPROVAL: "approval task",
  PROVISION: "provisioning task",
  DEPROVISION: "deprovisioning task",
};

function obj(value: unknown): Record<string, unknown> {
  return value && typeof value === "object" && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

function str(value: unknown): string | null {
  return typeof value === "string" && value.trim() ? value : null;
}

/** "Marcus Chen", "Marcus Chen and Keisha Williams", "Ann, Bo and 2 others". */
export function joinNames(names: string[]): string {
  if (names.length <= 1) return names[0] ?? "";
  if (names.length === 2) return `${names[0]} and ${names[1]}`;
  if (names.length === 3) return `${names[0]}, ${names[1]} and ${names[2]}`;
  return `${names[0]}, ${names[1]} and ${names.length - 2} others`;
}

function people(ids: unknown, names: ReadonlyMap<string, string>): string | null {
  if (!Array.isArray(ids)) return null;
  const known = ids.flatMap((id) =>
    typeof id === "string" && names.has(id) ? [names.get(id)!] : [],
  );
  if (known.length === 0) return null;
  const unknown = ids.length - known.length;
  return unknown > 0
    ? joinNames([...known, `${unknown} other${unknown === 1 ? "" : "s"}`])
    : joinNames(known);
}

/** One event as a sentence. Unknown actions get a generic line that still names them. */
export function describeEvent(event: HistoryEvent, facts: HistoryFacts): HistoryLine {
  const who = event.actor?.displayName ?? "Lantern";
  const task = event.taskNumber !== null ? `task #${event.taskNumber}` : "the task";
  const after = obj(event.after);
  const reason = str(event.reason);
  const work = facts.requestKind === "GRANT" ? "provisioning" : "deprovisioning";
  const line = (text: string, tone: HistoryLine["tone"] = "neutral", detail = reason) => ({
    text,
    detail,
    tone,
  });

  switch (event.action) {
    case "request.created":
      return line(
        facts.requestKind === "GRANT"
          ? `${who} requested ${facts.entitlement} in ${facts.app}`
          : `${who} asked to remove ${facts.entitlement} in ${facts.app}`,
      );
    case "request.pending_approval":
      return line("The request is waiting for approval");
    case "request.approved":
      return line("The request was approved", "good");
    case "request.provisioning":
      return line(`The request moved on to ${work}`);
    case "request.completed":
      return line(
        facts.requestKind === "GRANT"
          ? "The request was completed: the access is live"
          : "The request was completed: the access is removed",
        "good",
      );
    case "request.errored":
      return line("The request stopped as errored", "bad");
    case "request.denied":
      return line("The request was denied", "bad");
    case "request.cancelled":
      return line(`${who} cancelled the request`, "bad");
    case "request.retried":
      return line(`${who} retried the request`);
    case "task.created": {
      const kind = KIND_NOUN[String(after.kind)] ?? "task";
      const to = people(after.assigneeIds, facts.names);
      const number = event.taskNumber !== null ? ` #${event.taskNumber}` : "";
      return line(
        `${capitalize(kind)}${number} opened${to ? ` for ${to}` : ""}`,
        "neutral",
        str(after.routingNote) ?? reason,
      );
    }
    case "task.reassigned": {
      const to = people(after.assigneeIds, facts.names);
      return line(`${who} reassigned ${task}${to ? ` to ${to}` : ""}`);
    }
    case "task.reminded": {
      const to = people(after.remindedIds, facts.names);
      return line(`${who} sent a reminder about ${task}${to ? ` to ${to}` : ""}`, "neutral", null);
    }
    case "task.approved":
      return line(`${who} approved ${task}`, "good");
    case "task.denied":
      return line(`${who} denied ${task}`, "bad");
    case "task.provisioned":
      return line(`${who} marked ${task} provisioned`, "good");
    case "task.deprovisioned":
      return line(`${who} marked ${task} deprovisioned`, "good");
    case "task.errored":
      return line(`${who} marked ${task} as errored`, "bad");
    case "task.cancelled":
      return line(`${who} cancelled ${task}`, "bad");
    case "task.commented":
      return line(`${who} commented on ${task}`, "neutral", null);
    case "grant.created": {
      const expires = str(after.expiresAt);
      return line(
        `${facts.entitlement} is now live in ${facts.app}`,
        "good",
        expires ? `Expires ${formatDay(expires)}` : null,
      );
    }
    case "grant.revoked":
      return line(`${facts.entitlement} was removed in ${facts.app}`, "good", null);
    case "grant.already_live":
      return line(`The account already had ${facts.entitlement}: nothing to add`, "neutral", null);
    case "account.created":
      return line(
        `An account${str(after.login) ? ` (${str(after.login)})` : ""} was recorded in ${facts.app}`,
        "neutral",
        null,
      );
    case "connector.job_queued":
      return line(`The ${facts.app} connector was asked to do the work`);
    case "connector.succeeded":
      return line(`The ${facts.app} connector did the work`, "good");
    case "connector.failed":
      return line(`The ${facts.app} connector failed`, "bad", str(after.error) ?? reason);
    default:
      return line(`${who}: ${event.action.replace(/[._]/g, " ")}`);
  }
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function formatDay(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? iso
    : new Intl.DateTimeFormat("en-US", { dateStyle: "medium" }).format(date);
}
