"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { ErrorAlert } from "~/components/ui/error-alert";
import { Dialog, DialogContent, DialogActions } from "~/components/ui/dialog";
import { Textarea } from "~/components/ui/textarea";
import { toast } from "~/components/ui/toast";
import { useTRPCClient } from "~/trpc/react";
import { KIND_NOUN } from "./actions.ts";
import { actionError } from "~/trpc/errors";
import { useTasksChanged } from "./use-task-actions.ts";

export type RequestAction = "retry" | "cancel";

/**
 * The request's own actions from a task page: Retry an errored request (a fresh provisioning
 * task), or Cancel a running one (a reason is required; its open tasks are cancelled).
 */
export default function RequestActionDialog({
  action,
  requestId,
  summary,
  taskId,
  onOpenChange,
  onCloseAutoFocus,
}: {
  action: RequestAction;
  requestId: string;
  /** "Workspace admin in Slack for Kofi Boateng". */
  summary: string;
  /** The task the page shows (it changes too). */
  taskId: string;
  onOpenChange: (open: boolean) => void;
  onCloseAutoFocus?: (event: Event) => void;
}) {
  const client = useTRPCClient();
  const changed = useTasksChanged();
  const router = useRouter();
  const [reason, setReason] = useState("");
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<{ field: "text" | null; message: string } | null>(null);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (pending) return;
    if (action === "cancel" && !reason.trim()) {
      setProblem({ field: "text", message: "A reason is required." });
      return;
    }
    setProblem(null);
    setPending(true);
    try {
      if (action === "retry") {
        const result = await client.requests.retry.mutate({ requestId });
        const task = result.task;
        toast.success(
          task
            ? `Request retried: ${KIND_NOUN[task.kind]} #${task.number} is open`
            : "Request retried",
          task
            ? {
                action: {
                  label: `Open #${task.number}`,
                  onClick: () => router.push(`/tasks/${task.number}`),
                },
              }
            : { description: "The connector will try again." },
        );
      } else {
        const result = await client.requests.cancel.mutate({ requestId, reason });
        toast.success("Request cancelled", {
          description:
            result.cancelledTasks > 0
              ? "Its open tasks were cancelled and the requester was told."
              : undefined,
        });
      }
      void changed([taskId]);
      onOpenChange(false);
    } catch (error) {
      const { code, message } = actionError(error);
      if (code === "CONFLICT") {
        toast.error(message);
        void changed();
        onOpenChange(false);
      } else {
        setProblem({ field: null, message });
      }
    } finally {
      setPending(false);
    }
  };

  const retry = action === "retry";
  return (
    <Dialog open onOpenChange={(open) => !pending && onOpenChange(open)}>
      <DialogContent
        title={retry ? "Retry the request" : "Cancel the request"}
        description={
          retry
            ? `Try ${summary} again: a fresh task opens for the people who do the work, and they are notified.`
            : `Stop the request for ${summary}. Its open tasks are cancelled and stay in the history; the requester is told why.`
        }
        dismissible={!pending}
        size="sm"
        onCloseAutoFocus={onCloseAutoFocus}
      >
        <form onSubmit={submit} noValidate>
          {retry ? null : (
            <Textarea
              label="Reason for cancelling"
              value={reason}
              onChange={(e) => {
                setReason(e.target.value);
                if (problem?.field === "text") setProblem(null);
              }}
              maxLength={2000}
              rows={3}
              required
              autoFocus
              error={problem?.field === "text" ? problem.message : null}
            />
          )}
          {problem && problem.field === null ? (
            <ErrorAlert className="mt-3 first:mt-0">{problem.message}</ErrorAlert>
          ) : null}
          <DialogActions
            pending={pending}
            label={retry ? "Retry" : "Cancel request"}
            pendingLabel="Saving…"
            danger={!retry}
            autoFocus={retry}
            cancelLabel={retry ? "Cancel" : "Keep the request"}
          />
        </form>
      </DialogContent>
    </Dialog>
  );
}
