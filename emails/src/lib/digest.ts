// How the daily digest groups and orders tasks; shared by the email and the Slack message.
import { TASK_KINDS, formatTaskKindCount, taskKindTitles, type TaskKind } from "./copy.ts";
import { formatDue, formatOpenFor } from "./format.ts";

/** At most this many tasks are listed per kind. */
export const DIGEST_TASKS_PER_KIND = 10;

/** The part of a digest task the grouping needs. */
export interface DigestTaskFacts {
  number: number;
  kind: TaskKind;
  subject: string;
  /** ISO times. */
  openedAt: string;
  dueAt?: string | null;
}

export interface DigestSection<T extends DigestTaskFacts> {
  kind: TaskKind;
  /** "Approvals", "Provisioning", "Deprovisioning". */
  title: string;
  /** Open tasks of this kind, listed or not. */
  count: number;
  /** The oldest first, at most `DIGEST_TASKS_PER_KIND`. */
  tasks: T[];
  /** How many of `count` are not listed. */
  more: number;
}

function openedTime(task: DigestTaskFacts): number {
  const time = Date.parse(task.openedAt);
  return Number.isNaN(time) ? Number.POSITIVE_INFINITY : time;
}

/** One section per kind that has open tasks, in the order approvals, provisioning, deprovisioning. */
export function digestSections<T extends DigestTaskFacts>(
  counts: Readonly<Record<TaskKind, number>>,
  tasks: readonly T[],
): DigestSection<T>[] {
  return TASK_KINDS.flatMap((kind) => {
    const ofKind = tasks
      .filter((task) => task.kind === kind)
      .sort((a, b) => openedTime(a) - openedTime(b) || a.number - b.number)
      .slice(0, DIGEST_TASKS_PER_KIND);
    const count = Math.max(counts[kind], ofKind.length);
    if (count === 0) return [];
    return [
      { kind, title: taskKindTitles[kind], count, tasks: ofKind, more: count - ofKind.length },
    ];
  });
}

/** "3 approvals, 5 to provision, 2 to deprovision" (kinds with no task left out). */
export function digestCountsLine(counts: Readonly<Record<TaskKind, number>>): string {
  const parts = TASK_KINDS.filter((kind) => counts[kind] > 0).map((kind) =>
    formatTaskKindCount(kind, counts[kind]),
  );
  return parts.length > 0 ? parts.join(", ") : "no open tasks";
}

/** The kind whose inbox the digest's button opens: the first kind with open tasks. */
export function digestMainKind(counts: Readonly<Record<TaskKind, number>>): TaskKind {
  return TASK_KINDS.find((kind) => counts[kind] > 0) ?? "APPROVAL";
}

/** The inbox page a kind's tasks wait in: "Requests" or "Revocations". */
export function inboxTitle(kind: TaskKind): string {
  return kind === "DEPROVISION" ? "Revocations" : "Requests";
}

/** A listed task's second line: "for Dana Ortiz · open 3 days · due Nov 25, 2026". */
export function digestTaskDetail(task: DigestTaskFacts, asOf: string): string {
  const whom = `${task.kind === "DEPROVISION" ? "from" : "for"} ${task.subject}`;
  const parts = [whom, formatOpenFor(task.openedAt, asOf)];
  if (task.dueAt) parts.push(formatDue(task.dueAt, asOf));
  return parts.join(" · ");
}
