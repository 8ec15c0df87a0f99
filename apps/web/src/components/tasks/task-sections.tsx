"use client";

import Link from "next/link";
import { Info, UserRoundX } from "lucide-react";
import { AppIcon } from "~/components/ui/app-icon";
import { Avatar } from "~/components/ui/avatar";
import { Badge } from "~/components/ui/badge";
import { Fact } from "~/components/ui/fact";
import { PersonLabel } from "~/components/ui/people";
import { Section } from "~/components/ui/section";
import { cn } from "~/lib/cn";
import { plural } from "~/lib/format";
import { LazyMarkdown as Markdown } from "./markdown-lazy.tsx";
import { OUTCOME_SENTENCE, REQUEST_STATE } from "./task-labels.ts";
import { ReminderLine, type Reminder } from "./task-reminder.tsx";
import { TaskWorkflow } from "./task-workflow.tsx";
import { Time } from "./time.tsx";
import type { TaskDetails as Details } from "./use-task-page.ts";

// The sections of the task page (SPEC §3.5), each from the task's details.

/**
 * The app's instructions for this kind of work. When there are none, the card says so — and,
 * to the app's owners and super admins (who may write them), where: App settings →
 * Instructions.
 */
export function InstructionsCard({ task }: { task: Details }) {
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
export function Outcome({ task }: { task: Details }) {
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

const ACCOUNT_STATUS: Record<string, { label: string; tone: "green" | "neutral" | "red" }> = {
  ACTIVE: { label: "Active", tone: "green" },
  DISABLED: { label: "Disabled", tone: "neutral" },
  DELETED: { label: "Deleted", tone: "red" },
};

export function WhatIsAsked({ task }: { task: Details }) {
  const { request } = task;
  const subject = request.subject;
  return (
    <dl className="grid gap-x-6 gap-y-4 sm:grid-cols-2">
      {subject?.type === "account" ? (
        <>
          <Fact spaced label="Account">
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
          </Fact>
          <Fact spaced label="Owner">
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
          </Fact>
        </>
      ) : subject?.type === "person" ? (
        <Fact spaced label="For">
          <PersonLabel person={subject.person} />
          <span className="text-muted mt-1 block text-xs">
            No account in {task.app.name} yet
            {task.kind === "PROVISION" ? ": create one for them." : "."}
          </span>
        </Fact>
      ) : (
        <Fact spaced label="For">
          <span className="text-muted">Unknown</span>
        </Fact>
      )}
      <Fact spaced label="App">
        <Link href={`/apps/${task.app.id}`} className="group flex min-w-0 items-center gap-2">
          <AppIcon name={task.app.name} size="sm" />
          <span className="truncate font-medium group-hover:underline">{task.app.name}</span>
        </Link>
      </Fact>
      <Fact spaced label="Entitlement">
        <span className="block font-medium">{request.entitlement.displayName}</span>
        <span className="text-muted block font-mono text-xs">{request.entitlement.slug}</span>
      </Fact>
      <Fact spaced label="Requested by">
        <span className="flex min-w-0 items-center gap-2">
          <Avatar name={request.requester.displayName} size="sm" />
          <span className="truncate">{request.requester.displayName}</span>
        </span>
        <span className="text-muted mt-0.5 block text-xs">
          <Time at={request.createdAt} />
        </span>
      </Fact>
      {request.kind === "GRANT" ? (
        <Fact spaced label="For how long">
          {request.durationDays ? plural(request.durationDays, "day") : "Until removed"}
        </Fact>
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

export function AssignedTo({ task, reminder }: { task: Details; reminder: Reminder }) {
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

/** The policy the request runs under, where the request stands, and its workflow. */
export function TaskDetailsSection({ task }: { task: Details }) {
  return (
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
  );
}
