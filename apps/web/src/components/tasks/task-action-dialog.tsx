"use client";

import { ErrorAlert } from "~/components/ui/error-alert";
import { Dialog, DialogContent, DialogActions } from "~/components/ui/dialog";
import { Textarea } from "~/components/ui/textarea";
import { toast } from "~/components/ui/toast";
import { ACTION_LABEL, needsReason, type TaskAction, type TaskKind } from "./actions.ts";
import { actionError } from "~/trpc/errors";
import { PersonPicker } from "./person-picker.tsx";
import { useActionForm } from "./use-action-form.ts";
import {
  announceTaskAction,
  useRunTaskAction,
  useTasksChanged,
  type TaskActionResult,
} from "./use-task-actions.ts";

/** The task an action is about, as the dialog names it. */
export interface ActionTarget {
  id: string;
  number: number;
  kind: TaskKind;
  /** "Workspace admin in Slack for Kofi Boateng". */
  summary: string;
}

const DESCRIPTION: Record<TaskAction, (t: ActionTarget) => string> = {
  approve: (t) => `Approve ${t.summary}. The request moves on to its next step.`,
  deny: (t) => `Deny ${t.summary}. The request ends and the requester is told why.`,
  mark_provisioned: (t) =>
    `Confirm that you have given ${t.summary}. The access is recorded as live and the requester is told.`,
  mark_deprovisioned: (t) =>
    `Confirm that you have removed ${t.summary}. The access is recorded as ended and the requester is told.`,
  mark_errored: (t) =>
    `Say what went wrong with ${t.summary}. The request stops as errored; the app owners and the requester are told, and an app owner can retry it.`,
  reassign: (t) =>
    `Choose who takes over ${t.summary}. The task leaves your inbox and they are notified by email and Slack.`,
};

const TEXT_LABEL: Record<TaskAction, string> = {
  approve: "Note",
  deny: "Reason for the denial",
  mark_provisioned: "Note",
  mark_deprovisioned: "Note",
  mark_errored: "What went wrong",
  reassign: "Reason for the reassignment",
};

const TEXT_PLACEHOLDER: Partial<Record<TaskAction, string>> = {
  approve: "Anything the provisioner or the requester should know",
  mark_provisioned: "e.g. Added to the team with the Maintain role",
  mark_deprovisioned: "e.g. Role removed; account kept for the audit",
  mark_errored: "e.g. The license pool is empty until the renewal on the 14th",
  deny: "e.g. Read-only access covers this; request the analyst role instead",
  reassign: "e.g. I am out of office until the 14th",
};

/**
 * One action on one task: approve, deny, mark provisioned / deprovisioned / errored, or
 * reassign. The main button has the first focus where nothing must be typed, so a
 * provisioner confirms with Enter; required reasons are checked before anything is sent.
 * A task someone else already closed (CONFLICT) or that is gone (NOT_FOUND) is said in an
 * error toast and the lists reload; other refusals are shown in the dialog.
 */
export default function TaskActionDialog({
  action,
  task,
  onOpenChange,
  onDone,
  onCloseAutoFocus,
}: {
  action: TaskAction;
  task: ActionTarget;
  onOpenChange: (open: boolean) => void;
  onDone?: (result: TaskActionResult) => void;
  onCloseAutoFocus?: (event: Event) => void;
}) {
  const run = useRunTaskAction();
  const changed = useTasksChanged();
  const form = useActionForm();
  const { text, person, pending, setPending, problem, setProblem } = form;
  const reasonRequired = needsReason(action);
  const label = ACTION_LABEL[action];

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (pending) return;
    if (action === "reassign" && !person) {
      setProblem({ field: "person", message: "Choose the person to reassign the task to." });
      return;
    }
    if (reasonRequired && !text.trim()) {
      setProblem({ field: "text", message: "A reason is required." });
      return;
    }
    setProblem(null);
    setPending(true);
    try {
      const result = await run(action, task.id, { text, toUserId: person?.id });
      // Closed or handed over: either way it leaves the viewer's awaiting tab.
      void changed([task.id]);
      announceTaskAction(action, result);
      onDone?.(result);
      onOpenChange(false);
    } catch (error) {
      const { code, message } = actionError(error);
      if (code === "CONFLICT" || code === "NOT_FOUND") {
        toast.error(message);
        void changed([task.id]);
        onOpenChange(false);
      } else {
        setProblem({ field: null, message });
        if (code === "FORBIDDEN") void changed();
      }
    } finally {
      setPending(false);
    }
  };

  const danger = action === "deny" || action === "mark_errored";
  return (
    <Dialog open onOpenChange={(open) => !pending && onOpenChange(open)}>
      <DialogContent
        title={`${label} #${task.number}`}
        description={DESCRIPTION[action](task)}
        dismissible={!pending}
        size={action === "reassign" ? "md" : "sm"}
        onCloseAutoFocus={onCloseAutoFocus}
      >
        <form onSubmit={submit} noValidate>
          <div className="space-y-4">
            {action === "reassign" ? <PersonPicker taskId={task.id} {...form.picker} /> : null}
            <Textarea
              label={TEXT_LABEL[action]}
              optional={!reasonRequired}
              {...form.textBox(submit)}
              placeholder={TEXT_PLACEHOLDER[action]}
              maxLength={2000}
              rows={reasonRequired ? 3 : 2}
              required={reasonRequired}
              autoFocus={reasonRequired && action !== "reassign"}
              hint={
                action === "reassign"
                  ? "Shown to the new assignee and kept in the task’s history."
                  : reasonRequired
                    ? "Kept in the task’s history and shown to the people who are told."
                    : "Kept in the task’s history."
              }
            />
            {problem && problem.field === null ? <ErrorAlert>{problem.message}</ErrorAlert> : null}
          </div>
          <DialogActions
            pending={pending}
            label={label}
            pendingLabel="Saving…"
            danger={danger}
            // Nothing to type: Enter confirms at once.
            autoFocus={!reasonRequired}
          />
        </form>
      </DialogContent>
    </Dialog>
  );
}
