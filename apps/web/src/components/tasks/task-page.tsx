"use client";

import { useMemo, useRef, useState } from "react";
import dynamic from "next/dynamic";
import Link from "next/link";
import { useSuspenseQuery } from "@tanstack/react-query";
import {
  ChevronRight,
  Ellipsis,
  Info,
  RotateCcw,
  TriangleAlert,
  UserRoundPen,
  UserRoundX,
  X,
} from "lucide-react";
import type { RouterOutputs } from "@lantern/api";
import { AppIcon } from "~/components/ui/app-icon";
import { Avatar } from "~/components/ui/avatar";
import { Badge } from "~/components/ui/badge";
import { primaryButton, secondaryButton } from "~/components/ui/button";
import { LazyMarkdown as Markdown } from "./markdown-lazy.tsx";
import { Menu, MenuContent, MenuItem, MenuTrigger } from "~/components/ui/menu";
import { PageHeader } from "~/components/ui/page-header";
import { PersonLabel } from "~/components/ui/people";
import { Section } from "~/components/ui/section";
import { cn } from "~/lib/cn";
import { plural } from "~/lib/format";
import { useTRPC } from "~/trpc/react";
import { ACTION_LABEL, KIND_LABEL, PRIMARY_ACTION, type TaskAction } from "./actions.ts";
import type { HistoryFacts } from "./history.ts";
import type { RequestAction } from "./request-action-dialog.tsx";
import { ACTION_KEY } from "./shortcuts.ts";
import type { ActionTarget } from "./task-action-dialog.tsx";
import { TaskComments } from "./task-comments.tsx";
import { TaskHistory } from "./task-history.tsx";
import { ReminderButton, ReminderLine, useReminder, type Reminder } from "./task-reminder.tsx";
import { iconButton } from "./task-row-actions.tsx";
import { TaskWorkflow } from "./task-workflow.tsx";
import { Time } from "./time.tsx";
import { useShortcutKeys } from "./use-shortcut-keys.ts";

const TaskActionDialog = dynamic(() => import("./task-action-dialog.tsx"), { ssr: false });
const RequestActionDialog = dynamic(() => import("./request-action-dialog.tsx"), { ssr: false });
const ShortcutsDialog = dynamic(() => import("./shortcuts-dialog.tsx"), { ssr: false });

type Details = RouterOutputs["tasks"]["byNumber"];
type Subject = NonNullable<Details["request"]["subject"]>;

const STATE_BADGE: Record<
  Details["state"],
  { label: string; tone: "brand" | "green" | "red" | "neutral" }
> = {
  OPEN: { label: "Open", tone: "brand" },
  DONE: { label: "Done", tone: "green" },
  ERRORED: { label: "Errored", tone: "red" },
  CANCELLED: { label: "Cancelled", tone: "neutral" },
};

const OUTCOME_BADGE: Record<
  NonNullable<Details["outcome"]>,
  { label: string; tone: "green" | "red" | "neutral" }
> = {
  APPROVED: { label: "Approved", tone: "green" },
  DENIED: { label: "Denied", tone: "red" },
  PROVISIONED: { label: "Provisioned", tone: "green" },
  DEPROVISIONED: { label: "Deprovisioned", tone: "green" },
  ERRORED: { label: "Errored", tone: "red" },
  CANCELLED: { label: "Cancelled", tone: "neutral" },
};

const OUTCOME_SENTENCE: Record<NonNullable<Details["outcome"]>, string> = {
  APPROVED: "Approved",
  DENIED: "Denied",
  PROVISIONED: "Marked provisioned",
  DEPROVISIONED: "Marked deprovisioned",
  ERRORED: "Marked as errored",
  CANCELLED: "Cancelled",
};

const REQUEST_STATE: Record<Details["request"]["state"], string> = {
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
function summaryOf(task: Details): string {
  const who = subjectName(task.request.subject);
  return `${task.request.entitlement.displayName} in ${task.app.name}${who ? ` for ${who}` : ""}`;
}

/** What the task asks, as a heading line: "Provision Workspace admin in Slack for Kofi Boateng". */
function askOf(task: Details): string {
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

/**
 * The task page (SPEC §3.5): what is asked, the admins' instructions, the comments, the
 * workflow with the viewer's part, who it is assigned to, and the full history — with the
 * task's actions for the people who may take them.
 */
export function TaskPage({ number }: { number: number }) {
  const trpc = useTRPC();
  const { data: task } = useSuspenseQuery(trpc.tasks.byNumber.queryOptions({ number }));
  const [action, setActionState] = useState<TaskAction | null>(null);
  const [requestAction, setRequestActionState] = useState<RequestAction | null>(null);
  // What opened a dialog: focus goes back there when it closes (a menu item is gone by then,
  // so the menu's own button stands in for it).
  const opener = useRef<HTMLElement | null>(null);
  const menuButton = useRef<HTMLButtonElement>(null);
  const remember = (from: "menu" | "button") => {
    opener.current =
      from === "menu" ? menuButton.current : (document.activeElement as HTMLElement | null);
  };
  const setAction = (next: TaskAction, from: "menu" | "button" = "button") => {
    remember(from);
    setActionState(next);
  };
  const setRequestAction = (next: RequestAction, from: "menu" | "button" = "button") => {
    remember(from);
    setRequestActionState(next);
  };
  const focusOpener = (event: Event) => {
    const element = opener.current;
    opener.current = null;
    if (element?.isConnected) {
      event.preventDefault();
      element.focus();
    }
  };
  const can = task.viewer.can;
  const primary = PRIMARY_ACTION[task.kind];
  const target: ActionTarget = {
    id: task.id,
    number: task.number,
    kind: task.kind,
    summary: summaryOf(task),
  };
  const box = task.kind === "DEPROVISION" ? "revocations" : "requests";
  const state = task.outcome ? OUTCOME_BADGE[task.outcome] : STATE_BADGE[task.state];
  const facts = useMemo<HistoryFacts>(() => {
    const names = new Map<string, string>();
    const add = (p: { id: string; displayName: string } | null | undefined) => {
      if (p) names.set(p.id, p.displayName);
    };
    task.assignees.forEach(add);
    task.formerAssignees.forEach((f) => add(f.person));
    task.steps.forEach((s) =>
      s.tasks.forEach((t) => {
        t.assignees.forEach(add);
        add(t.completedBy);
      }),
    );
    task.history.forEach((e) => add(e.actor));
    task.comments.forEach((c) => add(c.author));
    add(task.request.requester);
    return {
      requestKind: task.request.kind,
      entitlement: task.request.entitlement.displayName,
      app: task.app.name,
      names,
    };
  }, [task]);
  const hasMore = can.reassign || can.cancel;
  const reminder = useReminder(task);
  // The inbox's key for the task's main action works here too (and `?` says so), for the
  // people who may take it.
  const primaryRef = useRef<HTMLButtonElement>(null);
  const [help, setHelp] = useState(false);
  const actionKey = ACTION_KEY[task.kind];
  useShortcutKeys((key) => {
    if (key === actionKey) {
      opener.current = primaryRef.current;
      setActionState(primary);
      return true;
    }
    if (key === "?") {
      setHelp(true);
      return true;
    }
    return false;
  }, can.act);

  return (
    <>
      <PageHeader
        title={
          <span className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <span>Task #{task.number}</span>
            <Badge tone="neutral">{KIND_LABEL[task.kind]}</Badge>
            <Badge tone={state.tone}>{state.label}</Badge>
          </span>
        }
        description={askOf(task)}
        actions={
          <>
            {can.act ? (
              <>
                {task.kind === "APPROVAL" ? (
                  <button
                    type="button"
                    className={secondaryButton}
                    onClick={() => setAction("deny")}
                  >
                    <X className="text-muted size-4" aria-hidden /> Deny
                  </button>
                ) : (
                  <button
                    type="button"
                    className={secondaryButton}
                    onClick={() => setAction("mark_errored")}
                  >
                    <TriangleAlert className="text-muted size-4" aria-hidden /> Mark as errored
                  </button>
                )}
                <button
                  ref={primaryRef}
                  type="button"
                  className={primaryButton}
                  onClick={() => setAction(primary)}
                  aria-keyshortcuts={actionKey}
                  title={`Shortcut: ${actionKey}`}
                >
                  {ACTION_LABEL[primary]}
                </button>
              </>
            ) : null}
            {can.retry ? (
              <button
                type="button"
                className={primaryButton}
                onClick={() => setRequestAction("retry")}
              >
                <RotateCcw className="size-4" aria-hidden /> Retry
              </button>
            ) : null}
            {hasMore ? (
              <Menu>
                <MenuTrigger
                  ref={menuButton}
                  className={cn(iconButton, "size-9 border border-zinc-300 bg-white shadow-xs")}
                  aria-label={`More actions for task #${task.number}`}
                >
                  <Ellipsis className="size-4" aria-hidden />
                </MenuTrigger>
                <MenuContent>
                  {can.reassign ? (
                    <MenuItem onSelect={() => setAction("reassign", "menu")}>
                      <UserRoundPen aria-hidden /> Reassign
                    </MenuItem>
                  ) : null}
                  {can.cancel ? (
                    <MenuItem onSelect={() => setRequestAction("cancel", "menu")} tone="danger">
                      <X aria-hidden /> Cancel request
                    </MenuItem>
                  ) : null}
                </MenuContent>
              </Menu>
            ) : null}
          </>
        }
      >
        <nav
          aria-label="Breadcrumb"
          className="text-muted -mt-2 mb-4 flex items-center gap-1 text-xs"
        >
          <Link href={`/${box}`} className="hover:text-zinc-800 hover:underline">
            {box === "revocations" ? "Revocations" : "Requests"}
          </Link>
          <ChevronRight className="size-3" aria-hidden />
          <span className="text-zinc-700" aria-current="page">
            Task #{task.number}
          </span>
          {task.viewer.roles.length > 0 ? (
            <span className="text-muted ml-3">
              Your part: <span className="text-zinc-700">{task.viewer.roles.join(", ")}</span>
            </span>
          ) : null}
        </nav>
      </PageHeader>

      <div className="grid gap-6 px-6 py-6 xl:grid-cols-3 xl:px-8">
        <div className="min-w-0 space-y-6 xl:col-span-2">
          <Outcome task={task} />
          <Section
            title="What is asked"
            description={task.request.kind === "GRANT" ? "Access to give." : "Access to remove."}
          >
            <WhatIsAsked task={task} />
          </Section>
          <InstructionsCard task={task} />
          <Section
            title="Comments"
            description={
              task.comments.length > 0 ? plural(task.comments.length, "comment") : undefined
            }
          >
            <TaskComments
              taskId={task.id}
              comments={task.comments}
              canComment={task.viewer.can.comment}
            />
          </Section>
          <Section
            title="History"
            description="Everything that happened to this request, oldest first."
          >
            <TaskHistory history={task.history} facts={facts} />
          </Section>
        </div>

        <div className="min-w-0 space-y-6">
          <Section
            title="Assigned to"
            actions={
              can.reassign || reminder.visible ? (
                <>
                  <ReminderButton reminder={reminder} />
                  {can.reassign ? (
                    <button
                      type="button"
                      className={cn(secondaryButton, "px-2.5 py-1 text-xs")}
                      onClick={() => setAction("reassign")}
                    >
                      <UserRoundPen className="text-muted size-3.5" aria-hidden /> Reassign
                    </button>
                  ) : null}
                </>
              ) : undefined
            }
          >
            <AssignedTo task={task} reminder={reminder} />
          </Section>
          <Section title="Task details">
            <dl className="space-y-3 text-sm">
              <div>
                <dt className="text-muted text-xs">Policy</dt>
                <dd className="font-medium text-zinc-900">{task.request.policyName}</dd>
                <dd className="mt-0.5 text-xs text-zinc-600">{task.request.policySummary}</dd>
              </div>
              <div>
                <dt className="text-muted text-xs">Request</dt>
                <dd className="text-zinc-800">{REQUEST_STATE[task.request.state]}</dd>
              </div>
            </dl>
            {task.routingNote ? (
              <p className="mt-4 flex items-start gap-2 rounded-md bg-sky-50 px-3 py-2 text-xs text-sky-900 ring-1 ring-sky-100 ring-inset">
                <Info className="mt-px size-3.5 shrink-0" aria-hidden />
                {task.routingNote}
              </p>
            ) : null}
            <h3 className="text-muted mt-5 mb-3 text-xs font-medium">Workflow</h3>
            <TaskWorkflow steps={task.steps} />
          </Section>
        </div>
      </div>

      {action ? (
        <TaskActionDialog
          key={action}
          action={action}
          task={target}
          onOpenChange={(open) => !open && setActionState(null)}
          onCloseAutoFocus={focusOpener}
        />
      ) : null}
      {help ? (
        <ShortcutsDialog
          description="On this task’s page, whenever you are not typing in a field."
          shortcuts={[
            { keys: [actionKey], does: `${ACTION_LABEL[primary]} (asks to confirm)` },
            { keys: ["?"], does: "Show these shortcuts" },
          ]}
          note={`The inboxes have more: press ? there.`}
          onOpenChange={(open) => !open && setHelp(false)}
        />
      ) : null}
      {requestAction ? (
        <RequestActionDialog
          key={requestAction}
          action={requestAction}
          requestId={task.request.id}
          taskId={task.id}
          summary={summaryOf(task)}
          onOpenChange={(open) => !open && setRequestActionState(null)}
          onCloseAutoFocus={focusOpener}
        />
      ) : null}
    </>
  );
}

/**
 * The app's instructions for this kind of work. When there are none, the card says so — and,
 * to the app's owners and super admins (who may write them), where: App settings →
 * Instructions.
 */
function InstructionsCard({ task }: { task: Details }) {
  if (task.kind === "APPROVAL") {
    return (
      <Section title="Instructions">
        <p className="text-sm text-zinc-600">
          Approvals have no instructions: decide from the request and its reason.
        </p>
      </Section>
    );
  }
  const work = task.kind === "PROVISION" ? "provisioning" : "deprovisioning";
  const written = task.instructions.trim() !== "";
  return (
    <Section
      title="Instructions"
      description={
        written ? `From the admins of ${task.app.name}, for every ${work} task.` : undefined
      }
    >
      {written ? (
        <Markdown>{task.instructions}</Markdown>
      ) : (
        <div className="text-sm">
          <p className="font-medium text-zinc-900">No instructions yet</p>
          {task.viewer.can.editInstructions ? (
            <p className="mt-1 text-zinc-600">
              Write how {work} is done in {task.app.name} in{" "}
              <Link
                href={`/apps/${task.app.id}/settings#instructions`}
                className="font-medium text-sky-700 underline underline-offset-2"
              >
                Settings → Instructions
              </Link>
              : every {work} task of the app shows them here.
            </p>
          ) : (
            <p className="mt-1 text-zinc-600">
              The owners of {task.app.name} have not written how {work} is done in it.
            </p>
          )}
        </div>
      )}
    </Section>
  );
}

/** A closed task: who closed it, when, and their note or reason. */
function Outcome({ task }: { task: Details }) {
  if (task.state === "OPEN" || !task.outcome) return null;
  const bad = task.state === "ERRORED" || task.outcome === "DENIED";
  return (
    <div
      className={cn(
        "rounded-xl px-5 py-4 text-sm ring-1 ring-inset",
        bad
          ? "bg-rose-50 text-rose-900 ring-rose-100"
          : task.state === "CANCELLED"
            ? "bg-zinc-100 text-zinc-800 ring-zinc-200"
            : "bg-emerald-50 text-emerald-900 ring-emerald-100",
      )}
    >
      <p className="font-medium">
        {OUTCOME_SENTENCE[task.outcome]}
        {task.completedBy ? ` by ${task.completedBy.displayName}` : ""}
        {task.completedAt ? (
          <>
            {" "}
            <span className="font-normal opacity-80">
              on <Time at={task.completedAt} />
            </span>
          </>
        ) : null}
      </p>
      {task.outcomeNote ? <p className="mt-1 whitespace-pre-line">{task.outcomeNote}</p> : null}
      {task.state === "ERRORED" && task.request.state === "ERRORED" ? (
        <p className="mt-1 text-xs opacity-80">
          {task.viewer.can.retry
            ? "You can retry the request: a fresh task opens."
            : "An app owner or a super admin can retry the request."}
        </p>
      ) : null}
    </div>
  );
}

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-muted text-xs">{label}</dt>
      <dd className="mt-1 text-sm text-zinc-900">{children}</dd>
    </div>
  );
}

const ACCOUNT_STATUS: Record<string, { label: string; tone: "green" | "neutral" | "red" }> = {
  ACTIVE: { label: "Active", tone: "green" },
  DISABLED: { label: "Disabled", tone: "neutral" },
  DELETED: { label: "Deleted", tone: "red" },
};

function WhatIsAsked({ task }: { task: Details }) {
  const { request } = task;
  const subject = request.subject;
  return (
    <dl className="grid gap-x-6 gap-y-4 sm:grid-cols-2">
      {subject?.type === "account" ? (
        <>
          <Field label="Account">
            <span className="flex min-w-0 flex-wrap items-center gap-2">
              <span className="truncate font-mono text-[13px]">
                {subject.login ?? subject.email ?? subject.displayName ?? "Unnamed account"}
              </span>
              {ACCOUNT_STATUS[subject.status] ? (
                <Badge tone={ACCOUNT_STATUS[subject.status]!.tone}>
                  {ACCOUNT_STATUS[subject.status]!.label}
                </Badge>
              ) : (
                <Badge>{subject.status}</Badge>
              )}
            </span>
            {subject.email && subject.email !== subject.login ? (
              <span className="text-muted mt-0.5 block truncate text-xs">{subject.email}</span>
            ) : null}
          </Field>
          <Field label="Owner">
            {subject.owner ? (
              <span className="flex min-w-0 items-center gap-2">
                <Avatar name={subject.owner.displayName} size="sm" />
                <span className="truncate">{subject.owner.displayName}</span>
              </span>
            ) : (
              <span className="text-brand-700 flex items-center gap-1.5">
                <UserRoundX className="size-4" aria-hidden /> No owner
              </span>
            )}
          </Field>
        </>
      ) : subject?.type === "person" ? (
        <Field label="For">
          <PersonLabel person={subject.person} />
          <span className="text-muted mt-1 block text-xs">
            No account in {task.app.name} yet
            {task.kind === "PROVISION" ? ": create one for them." : "."}
          </span>
        </Field>
      ) : (
        <Field label="For">
          <span className="text-muted">Unknown</span>
        </Field>
      )}
      <Field label="App">
        <Link href={`/apps/${task.app.id}`} className="group flex min-w-0 items-center gap-2">
          <AppIcon name={task.app.name} size="sm" />
          <span className="truncate font-medium group-hover:underline">{task.app.name}</span>
        </Link>
      </Field>
      <Field label="Entitlement">
        <span className="block font-medium">{request.entitlement.displayName}</span>
        <span className="text-muted block font-mono text-xs">{request.entitlement.slug}</span>
      </Field>
      <Field label="Requested by">
        <span className="flex min-w-0 items-center gap-2">
          <Avatar name={request.requester.displayName} size="sm" />
          <span className="truncate">{request.requester.displayName}</span>
        </span>
        <span className="text-muted mt-0.5 block text-xs">
          <Time at={request.createdAt} />
        </span>
      </Field>
      {request.kind === "GRANT" ? (
        <Field label="For how long">
          {request.durationDays ? plural(request.durationDays, "day") : "Until removed"}
        </Field>
      ) : null}
      <div className="sm:col-span-2">
        <dt className="text-muted text-xs">Reason</dt>
        <dd className="mt-1 rounded-md bg-zinc-50 px-3 py-2 text-sm whitespace-pre-line text-zinc-800 ring-1 ring-zinc-200 ring-inset">
          {request.reason}
        </dd>
      </div>
    </dl>
  );
}

function AssignedTo({ task, reminder }: { task: Details; reminder: Reminder }) {
  const viewerIsAssignee = task.viewer.roles.includes("Assignee");
  return (
    <div className="space-y-4">
      {task.assignees.length === 0 ? (
        <p className="text-muted text-sm">Nobody.</p>
      ) : (
        <ul className="space-y-2.5">
          {task.assignees.map((p) => (
            <li key={p.id}>
              <PersonLabel person={p} />
            </li>
          ))}
        </ul>
      )}
      {viewerIsAssignee && task.state === "OPEN" ? (
        <p className="text-xs text-zinc-600">
          Assigned to you{task.assignees.length > 1 ? ": any one of you can act" : ""}.
        </p>
      ) : null}
      <ReminderLine reminder={reminder} />
      {task.viewer.reassignBlockedReason ? (
        <p className="text-muted flex items-start gap-1.5 text-xs">
          <Info className="mt-px size-3.5 shrink-0" aria-hidden />
          {task.viewer.reassignBlockedReason}
        </p>
      ) : null}
      {task.formerAssignees.length > 0 ? (
        <div className="border-t border-zinc-100 pt-3">
          <h3 className="text-muted text-xs font-medium">Previously assigned</h3>
          <ul className="mt-2 space-y-2.5">
            {task.formerAssignees.map((f, i) => (
              <li key={`${f.person.id}:${i}`} className="text-sm">
                <span className="flex items-center gap-2">
                  <Avatar name={f.person.displayName} size="sm" />
                  <span className="truncate text-zinc-700">{f.person.displayName}</span>
                  {f.at ? (
                    <Time at={f.at} relative className="text-muted ml-auto shrink-0 text-xs" />
                  ) : null}
                </span>
                {f.reason ? (
                  <span className="mt-1 block border-l-2 border-zinc-200 pl-2 text-xs text-zinc-600">
                    {f.reason}
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
