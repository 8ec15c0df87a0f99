import { useRef } from "react";
import Link from "next/link";
import { UserRoundX } from "lucide-react";
import type { RouterOutputs } from "@lantern/api";
import { AppIcon } from "~/components/ui/app-icon";
import { Avatar } from "~/components/ui/avatar";
import { Badge } from "~/components/ui/badge";
import { Checkbox } from "~/components/ui/checkbox";
import { FullTextTooltip, TruncatedText, useIsTruncated } from "~/components/ui/full-text";
import { formatAge, formatAgo, formatDateTime, formatDue } from "~/lib/format";
import { tableClass, theadClass } from "~/components/ui/table";
import { cn } from "~/lib/cn";
import { KIND_LABEL, type TaskAction } from "./actions.ts";
import { TaskRowActions } from "./task-row-actions.tsx";
import { OUTCOME_BADGE } from "./task-labels.ts";

export type InboxRow = RouterOutputs["tasks"]["inbox"]["items"][number];
type Subject = NonNullable<InboxRow["subject"]>;
type Resolution = NonNullable<InboxRow["resolution"]>;

const headCell = "px-3 py-2.5 first:pl-4 last:pr-4";
const bodyCell = "px-3 py-3 first:pl-4 last:pr-4";

/** Selection and row actions of an awaiting tab (SPEC §3.2, §3.7). */
export interface RowActions {
  selected: ReadonlySet<string>;
  onToggle: (id: string, selected: boolean) => void;
  onToggleAll: (selected: boolean) => void;
  onAction: (row: InboxRow, action: TaskAction) => void;
}

/**
 * The rows of an inbox tab. On the awaiting tabs (`actions` given) each row has a checkbox
 * and, at the end, the work the task asks for and its … menu; the task number opens the
 * task page. The `current` row (the keyboard's, moved by j / k or by focus) is marked.
 */
export function TaskTable({
  rows,
  completed,
  showKind,
  actions,
  current = null,
  onCurrent,
}: {
  rows: InboxRow[];
  /** The Completed tab: an Outcome column instead of Age. */
  completed: boolean;
  /** Say which kind of task each row is (the Requests box mixes approvals and provisioning). */
  showKind: boolean;
  actions?: RowActions;
  /** The id of the current row. */
  current?: string | null;
  /** Focus moved into a row (by Tab, a click or j / k): it becomes the current one. */
  onCurrent?: (id: string) => void;
}) {
  const now = new Date();
  const selectedOnPage = actions ? rows.filter((r) => actions.selected.has(r.id)).length : 0;
  const approvals = rows.every((r) => r.kind === "APPROVAL");
  // With the action column, the requester gets its own column only on wide screens (below,
  // the Who cell names them when they are someone else).
  const requesterCol = actions ? "hidden 2xl:table-cell" : "hidden xl:table-cell";
  return (
    <table className={tableClass}>
      <thead className={theadClass}>
        <tr>
          {actions ? (
            <th scope="col" className="w-11 py-2.5 pr-1 pl-4">
              <Checkbox
                label="Select all tasks on this page"
                checked={rows.length > 0 && selectedOnPage === rows.length}
                indeterminate={selectedOnPage > 0}
                onCheckedChange={actions.onToggleAll}
                className="align-middle"
              />
            </th>
          ) : null}
          {/* Fixed widths for the short columns; "Who" takes what is left. */}
          <th scope="col" className={`w-20 ${headCell}`}>
            Task
          </th>
          <th scope="col" className={headCell}>
            Who
          </th>
          <th
            scope="col"
            className={`${completed ? "w-[15%]" : actions ? "w-[15%]" : "w-[16%]"} ${headCell}`}
          >
            App
          </th>
          <th
            scope="col"
            className={`${completed ? "w-[20%]" : actions ? "w-[21%]" : "w-[24%]"} ${headCell}`}
          >
            Entitlement
          </th>
          {/* On narrow laptops the requester gives way to the columns a provisioner acts on. */}
          <th
            scope="col"
            className={`${requesterCol} ${completed ? "w-[16%]" : actions ? "w-[13%]" : "w-[17%]"} ${headCell}`}
          >
            Requested by
          </th>
          <th
            scope="col"
            className={`${completed ? "w-[20%]" : actions ? "w-28" : "w-32"} ${headCell}`}
          >
            {completed ? "Outcome" : "Age"}
          </th>
          {actions ? (
            <th scope="col" className={`${approvals ? "w-36" : "w-52"} ${headCell} text-right`}>
              <span className="sr-only">Actions</span>
            </th>
          ) : null}
        </tr>
      </thead>
      <tbody
        className="divide-y divide-zinc-100"
        onFocus={(event) => {
          const row = (event.target as Element).closest<HTMLElement>("tr[data-row-id]");
          if (row?.dataset.rowId) onCurrent?.(row.dataset.rowId);
        }}
      >
        {rows.map((row) => {
          const selected = actions?.selected.has(row.id) ?? false;
          const isCurrent = row.id === current;
          return (
            <tr
              key={row.id}
              data-row-id={row.id}
              aria-current={isCurrent ? "true" : undefined}
              className={cn(
                "hover:bg-zinc-50",
                isCurrent && "bg-zinc-50 shadow-[inset_3px_0_0_var(--color-zinc-900)]",
                selected && "bg-brand-50/60 hover:bg-brand-50",
              )}
            >
              {actions ? (
                <td className="py-3 pr-1 pl-4">
                  <Checkbox
                    label={`Select task #${row.number}`}
                    checked={selected}
                    onCheckedChange={(on) => actions.onToggle(row.id, on)}
                    className="align-middle"
                  />
                </td>
              ) : null}
              <td className={bodyCell}>
                <Link
                  href={`/tasks/${row.number}`}
                  className="font-mono text-sm font-medium text-zinc-950 underline-offset-2 hover:underline"
                  aria-label={`Task #${row.number}: details`}
                  data-task-link={row.id}
                >
                  #{row.number}
                </Link>
                {showKind ? (
                  <span className="text-muted mt-0.5 block text-xs">{KIND_LABEL[row.kind]}</span>
                ) : null}
              </td>
              <td className={bodyCell}>
                <SubjectCell subject={row.subject} />
                {actions && requesterIsSomeoneElse(row) ? (
                  <span className="text-muted mt-1 block truncate text-xs 2xl:hidden">
                    Requested by {row.requester.displayName}
                  </span>
                ) : null}
              </td>
              <td className={bodyCell}>
                <AppLink app={row.app} />
              </td>
              <td className={bodyCell}>
                <p className="truncate font-medium text-zinc-900" title={row.entitlement.slug}>
                  {row.entitlement.displayName}
                </p>
                <TruncatedText text={row.reason} className="text-muted text-xs" />
              </td>
              <td className={`${requesterCol} ${bodyCell}`}>
                <span className="flex min-w-0 items-center gap-2">
                  <Avatar name={row.requester.displayName} size="sm" />
                  <span className="truncate text-zinc-700">{row.requester.displayName}</span>
                </span>
              </td>
              <td className={bodyCell}>
                {completed && row.resolution ? (
                  <OutcomeCell resolution={row.resolution} now={now} />
                ) : (
                  <AgeCell createdAt={row.createdAt} dueAt={row.dueAt} now={now} />
                )}
              </td>
              {actions ? (
                <td className={bodyCell}>
                  <TaskRowActions
                    id={row.id}
                    number={row.number}
                    kind={row.kind}
                    onAction={(action) => actions.onAction(row, action)}
                  />
                </td>
              ) : null}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** The row's app: a link to it, its name in full on hover and focus when cut short. */
function AppLink({ app }: { app: InboxRow["app"] }) {
  const name = useRef<HTMLSpanElement>(null);
  const truncated = useIsTruncated(name, app.name);
  return (
    <FullTextTooltip text={app.name} enabled={truncated}>
      <Link href={`/apps/${app.id}`} className="group flex min-w-0 items-center gap-2.5">
        <AppIcon name={app.name} size="sm" />
        <span ref={name} className="truncate font-medium text-zinc-900 group-hover:underline">
          {app.name}
        </span>
      </Link>
    </FullTextTooltip>
  );
}

/** Whether someone other than the person whose access it is asked for it. */
function requesterIsSomeoneElse(row: InboxRow): boolean {
  const subject = row.subject;
  if (!subject) return true;
  const personId = subject.type === "person" ? subject.id : subject.owner?.id;
  return personId !== row.requester.id;
}

/** "Workspace admin in Slack for Kofi Boateng": what a dialog says the task is about. */
export function rowSummary(row: InboxRow): string {
  const subject = row.subject;
  const who = !subject
    ? null
    : subject.type === "person"
      ? subject.displayName
      : (subject.owner?.displayName ?? accountLabel(subject));
  return `${row.entitlement.displayName} in ${row.app.name}${who ? ` for ${who}` : ""}`;
}

/** Whose access: the account and the person who owns it, or the person with no account yet. */
function SubjectCell({ subject }: { subject: InboxRow["subject"] }) {
  if (!subject) return <span className="text-muted">Unknown</span>;
  if (subject.type === "person") {
    return (
      <span className="flex min-w-0 items-center gap-2">
        <Avatar name={subject.displayName} size="sm" />
        <span className="min-w-0">
          <span className="block truncate font-medium text-zinc-900">{subject.displayName}</span>
          <span className="text-muted block truncate text-xs">No account yet</span>
        </span>
      </span>
    );
  }
  const account = accountLabel(subject);
  if (!subject.owner) {
    return (
      <span className="flex min-w-0 items-center gap-2">
        <span className="text-faint inline-flex size-6 shrink-0 items-center justify-center rounded-full bg-zinc-100 ring-2 ring-white">
          <UserRoundX className="size-3.5" aria-hidden />
        </span>
        <span className="min-w-0">
          <span className="block truncate font-mono text-[13px] text-zinc-900">{account}</span>
          <span className="text-brand-700 block truncate text-xs">No owner</span>
        </span>
      </span>
    );
  }
  return (
    <span className="flex min-w-0 items-center gap-2">
      <Avatar name={subject.owner.displayName} size="sm" />
      <span className="min-w-0">
        <span className="block truncate font-medium text-zinc-900">
          {subject.owner.displayName}
        </span>
        <span
          className="text-muted block truncate font-mono text-xs"
          title={subject.email ?? undefined}
        >
          {account}
        </span>
      </span>
    </span>
  );
}

function accountLabel(subject: Extract<Subject, { type: "account" }>): string {
  return subject.login ?? subject.email ?? subject.displayName ?? "Unnamed account";
}

function AgeCell({ createdAt, dueAt, now }: { createdAt: Date; dueAt: Date | null; now: Date }) {
  const due = dueAt ? formatDue(dueAt, now) : null;
  return (
    <>
      <time
        dateTime={new Date(createdAt).toISOString()}
        title={`Created ${formatDateTime(createdAt)}`}
        className="whitespace-nowrap text-zinc-700 tabular-nums"
        suppressHydrationWarning
      >
        {formatAge(createdAt, now)}
      </time>
      {due ? (
        <span
          className={`mt-0.5 block text-xs whitespace-nowrap ${due.overdue ? "font-medium text-rose-700" : "text-muted"}`}
          title={`Due ${formatDateTime(dueAt!)}`}
          suppressHydrationWarning
        >
          {due.label}
        </span>
      ) : null}
    </>
  );
}

/** How the task left the viewer's hands: done, errored (why), or reassigned (to whom, why). */
function OutcomeCell({ resolution, now }: { resolution: Resolution; now: Date }) {
  let badge: { label: string; tone: "green" | "red" | "neutral" };
  let detail: string | null;
  switch (resolution.type) {
    case "completed":
      badge = resolution.outcome
        ? OUTCOME_BADGE[resolution.outcome]
        : { label: "Done", tone: "green" };
      detail = resolution.note;
      break;
    case "errored":
      badge = OUTCOME_BADGE.ERRORED;
      detail = resolution.reason;
      break;
    case "reassigned":
      badge = { label: "Reassigned", tone: "neutral" };
      detail = [resolution.to ? `To ${resolution.to.displayName}` : null, resolution.reason]
        .filter(Boolean)
        .join(" — ");
      break;
  }
  return (
    <>
      <span className="flex flex-wrap items-center gap-x-2 gap-y-1">
        <Badge tone={badge.tone}>{badge.label}</Badge>
        <time
          dateTime={new Date(resolution.at).toISOString()}
          title={formatDateTime(resolution.at)}
          className="text-muted text-xs"
          suppressHydrationWarning
        >
          {formatAgo(resolution.at, now)}
        </time>
      </span>
      {detail ? <TruncatedText text={detail} className="mt-1 text-xs text-zinc-600" /> : null}
    </>
  );
}
