// "Send reminder" on the task page: the words around the button. A plain module, unit-tested.
import { formatAgo } from "~/lib/format";
import { joinNames } from "./history.ts";

export interface ReminderView {
  allowed: boolean;
  lastRemindedAt: Date | string | null;
  lastRemindedBy: { id: string; displayName: string } | null;
  /** When the next reminder can be sent; null when one can be sent now. */
  availableAt: Date | string | null;
}

const clockFormat = new Intl.DateTimeFormat("en-US", { timeStyle: "short" });
/** A time of day in the reader's zone: "3:05 PM". */
export const formatClock = (at: Date | string) => clockFormat.format(new Date(at));

/**
 * Whether a reminder can be sent at `now`, and the line shown under the button:
 * "Reminder sent 12 minutes ago by Dana Ortiz · next possible at 3:05 PM".
 */
export function reminderStatus(
  reminder: ReminderView,
  now: Date,
  /** The viewer: their own reminder reads "by you". */
  viewerId?: string | null,
): { ready: boolean; line: string | null } {
  if (!reminder.lastRemindedAt) return { ready: true, line: null };
  const ago = formatAgo(reminder.lastRemindedAt, now);
  const sender = reminder.lastRemindedBy;
  const by = sender ? ` by ${sender.id === viewerId ? "you" : sender.displayName}` : "";
  const next = reminder.availableAt ? new Date(reminder.availableAt) : null;
  if (next && next.getTime() > now.getTime()) {
    return {
      ready: false,
      line: `Reminder sent ${ago}${by} · next possible at ${formatClock(next)}`,
    };
  }
  return { ready: true, line: `Last reminder sent ${ago}${by}.` };
}

/** The success toast: "Reminder sent to Pat Lee and Quinn Baker". */
export function reminderSentTitle(recipients: { displayName: string }[]): string {
  return `Reminder sent to ${joinNames(recipients.map((r) => r.displayName))}`;
}

/**
 * A "too soon" refusal in the reader's clock times, from the error's details:
 * "A reminder was sent at 2:05 PM by Dana Ortiz; the next one can be sent after 3:05 PM."
 * Null when the details do not say (the server's own words are shown then).
 */
export function tooSoonMessage(details: Record<string, unknown> | null): string | null {
  const last = details?.lastRemindedAt;
  const next = details?.availableAt;
  if (typeof last !== "string" || typeof next !== "string") return null;
  const by = typeof details?.lastRemindedBy === "string" ? ` by ${details.lastRemindedBy}` : "";
  return `A reminder was sent at ${formatClock(last)}${by}; the next one can be sent after ${formatClock(next)}.`;
}
