"use client";

import { useState } from "react";
import Link from "next/link";
import type { RouterOutputs } from "@lantern/api";
import { BulkResults } from "~/components/ui/bulk-results";
import { ErrorAlert } from "~/components/ui/error-alert";
import { Dialog, DialogContent, DialogActions, DialogDone } from "~/components/ui/dialog";
import { Textarea } from "~/components/ui/textarea";
import { plural } from "~/lib/format";
import { useTRPCClient } from "~/trpc/react";
import { ACTION_DONE, ACTION_LABEL, skippedReason, type BulkAction } from "./actions.ts";
import { actionError } from "~/trpc/errors";
import { PersonPicker } from "./person-picker.tsx";
import { useActionForm } from "./use-action-form.ts";
import type { ActionTarget } from "./task-action-dialog.tsx";
import { useTasksChanged } from "./use-task-actions.ts";

type BulkResult = RouterOutputs["tasks"]["bulk"];

const COMMENT_LABEL: Record<BulkAction, string> = {
  approve: "Comment",
  mark_provisioned: "Comment",
  mark_deprovisioned: "Comment",
  mark_errored: "What went wrong",
  reassign: "Reason for the reassignment",
};

const HINT: Record<BulkAction, string> = {
  approve: "Posted as a comment on every task.",
  mark_provisioned: "Posted as a comment on every task.",
  mark_deprovisioned: "Posted as a comment on every task.",
  mark_errored: "The reason of every error, posted as a comment on every task.",
  reassign: "The reason of every reassignment, posted as a comment on every task.",
};

/**
 * A bulk action (SPEC §3.7): a required comment posted on every task (also the reason of an
 * error or a reassignment), then `tasks.bulk`, then each task's outcome — how many were
 * done and each skipped task with why.
 */
export default function BulkActionDialog({
  action,
  tasks,
  onOpenChange,
  onFinished,
  onCloseAutoFocus,
}: {
  action: BulkAction;
  tasks: ActionTarget[];
  onOpenChange: (open: boolean) => void;
  /** The server answered: the selection is spent. */
  onFinished: () => void;
  onCloseAutoFocus?: (event: Event) => void;
}) {
  const client = useTRPCClient();
  const changed = useTasksChanged();
  const form = useActionForm();
  const { text: comment, person, pending, setPending, problem, setProblem } = form;
  const [result, setResult] = useState<BulkResult | null>(null);
  const label = ACTION_LABEL[action];
  const count = plural(tasks.length, "task");

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (pending) return;
    if (action === "reassign" && !person) {
      setProblem({ field: "person", message: "Choose the person to reassign the tasks to." });
      return;
    }
    if (!comment.trim()) {
      setProblem({ field: "text", message: "A comment is required: it is posted on every task." });
      return;
    }
    setProblem(null);
    setPending(true);
    try {
      const answer = await client.tasks.bulk.mutate({
        action,
        taskIds: tasks.map((t) => t.id),
        comment,
        toUserId: action === "reassign" ? person?.id : undefined,
      });
      setResult(answer);
      onFinished();
      void changed(answer.results.filter((r) => r.status === "done").map((r) => r.taskId));
    } catch (error) {
      setProblem({ field: null, message: actionError(error).message });
    } finally {
      setPending(false);
    }
  };

  if (result) {
    const skipped = result.results.filter((r) => r.status === "skipped");
    const what =
      action === "reassign" && person ? `reassigned to ${person.displayName}` : ACTION_DONE[action];
    return (
      <Dialog open onOpenChange={onOpenChange}>
        <DialogContent
          title={`${label}: ${result.done} of ${count} done`}
          description={
            skipped.length === 0
              ? `Every task was ${what}, with your comment.`
              : `${plural(result.done, "task")} ${what}; ${skipped.length} skipped, unchanged.`
          }
          size="md"
          onCloseAutoFocus={onCloseAutoFocus}
        >
          <BulkResults
            done={result.done > 0 ? `${plural(result.done, "task")} ${what}` : null}
            skipped={skipped.map((r) => ({
              key: r.taskId,
              what:
                r.number !== null ? (
                  <Link
                    href={`/tasks/${r.number}`}
                    className="font-mono font-medium text-zinc-950 hover:underline"
                  >
                    #{r.number}
                  </Link>
                ) : (
                  <span className="font-medium">A task</span>
                ),
              reason: r.status === "skipped" ? skippedReason(r.number, r.reason) : "",
            }))}
          />
          <DialogDone />
        </DialogContent>
      </Dialog>
    );
  }

  return (
    <Dialog open onOpenChange={(open) => !pending && onOpenChange(open)}>
      <DialogContent
        title={`${label}: ${count}`}
        description={`${tasks
          .slice(0, 8)
          .map((t) => `#${t.number}`)
          .join(
            ", ",
          )}${tasks.length > 8 ? ` and ${tasks.length - 8} more` : ""}. Tasks that can no longer take this action are skipped and left as they are.`}
        dismissible={!pending}
        size="md"
        onCloseAutoFocus={onCloseAutoFocus}
      >
        <form onSubmit={submit} noValidate>
          <div className="space-y-4">
            {action === "reassign" ? <PersonPicker taskId={tasks[0]!.id} {...form.picker} /> : null}
            <Textarea
              label={COMMENT_LABEL[action]}
              {...form.textBox(submit)}
              maxLength={2000}
              rows={3}
              required
              autoFocus={action !== "reassign"}
              hint={HINT[action]}
            />
            {problem && problem.field === null ? <ErrorAlert>{problem.message}</ErrorAlert> : null}
          </div>
          <DialogActions
            pending={pending}
            label={`${label} ${count}`}
            pendingLabel="Working…"
            danger={action === "mark_errored"}
          />
        </form>
      </DialogContent>
    </Dialog>
  );
}
