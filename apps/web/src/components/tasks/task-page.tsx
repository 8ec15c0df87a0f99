"use client";

import dynamic from "next/dynamic";
import { UserRoundPen } from "lucide-react";
import { secondaryButton } from "~/components/ui/button";
import { Section } from "~/components/ui/section";
import { cn } from "~/lib/cn";
import { plural } from "~/lib/format";
import { ACTION_LABEL } from "./actions.ts";
import { TaskComments } from "./task-comments.tsx";
import { TaskHistory } from "./task-history.tsx";
import { TaskPageHeader } from "./task-page-header.tsx";
import { ReminderButton } from "./task-reminder.tsx";
import {
  AssignedTo,
  InstructionsCard,
  Outcome,
  TaskDetailsSection,
  WhatIsAsked,
} from "./task-sections.tsx";
import { useTaskPage } from "./use-task-page.ts";

const TaskActionDialog = dynamic(() => import("./task-action-dialog.tsx"), { ssr: false });
const RequestActionDialog = dynamic(() => import("./request-action-dialog.tsx"), { ssr: false });
const ShortcutsDialog = dynamic(() => import("~/components/ui/shortcuts-dialog"), { ssr: false });

/**
 * The task page (SPEC §3.5): what is asked, the admins' instructions, the comments, the
 * workflow with the viewer's part, who it is assigned to, and the full history — with the
 * task's actions for the people who may take them.
 */
export function TaskPage({ number }: { number: number }) {
  const page = useTaskPage(number);
  const { task, reminder } = page;
  const can = task.viewer.can;

  return (
    <>
      <TaskPageHeader page={page} />

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
            <TaskComments taskId={task.id} comments={task.comments} canComment={can.comment} />
          </Section>
          <Section
            title="History"
            description="Everything that happened to this request, oldest first."
          >
            <TaskHistory history={task.history} facts={page.facts} />
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
                      onClick={() => page.setAction("reassign")}
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
          <TaskDetailsSection task={task} />
        </div>
      </div>

      {page.action ? (
        <TaskActionDialog
          key={page.action}
          action={page.action}
          task={page.target}
          onOpenChange={(open) => !open && page.closeAction()}
          onCloseAutoFocus={page.focusOpener}
        />
      ) : null}
      {page.help ? (
        <ShortcutsDialog
          description="On this task’s page, whenever you are not typing in a field."
          shortcuts={[
            { keys: [page.actionKey], does: `${ACTION_LABEL[page.primary]} (asks to confirm)` },
            { keys: ["?"], does: "Show these shortcuts" },
          ]}
          note={`The inboxes have more: press ? there.`}
          onOpenChange={(open) => !open && page.closeHelp()}
        />
      ) : null}
      {page.requestAction ? (
        <RequestActionDialog
          key={page.requestAction}
          action={page.requestAction}
          requestId={task.request.id}
          taskId={task.id}
          summary={page.summary}
          onOpenChange={(open) => !open && page.closeRequestAction()}
          onCloseAutoFocus={page.focusOpener}
        />
      ) : null}
    </>
  );
}
