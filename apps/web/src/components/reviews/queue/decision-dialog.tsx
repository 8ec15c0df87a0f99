"use client";

import { useState } from "react";
import { reviewReasonLabel } from "@lantern/domain";
import { Dialog, DialogActions, DialogContent } from "~/components/ui/dialog";
import { ErrorAlert } from "~/components/ui/error-alert";
import { Textarea } from "~/components/ui/textarea";
import { useSubmit } from "~/lib/use-submit";
import { actionError, type ApiError } from "~/trpc/errors";
import { useTRPCClient } from "~/trpc/react";
import { DECISION_LABEL, rowSummary, type QueueRow, type ReviewDecision } from "./queue.ts";
import { ReviewerPicker, type Reviewer } from "./reviewer-picker.tsx";

export type DecisionResult = Awaited<
  ReturnType<ReturnType<typeof useTRPCClient>["reviews"]["decide"]["mutate"]>
> & { reassignedTo?: string };

/** The reason field's label for this decision on this row: the domain's one answer. */
export const reasonLabelOf = (action: ReviewDecision, row: QueueRow): string | null =>
  action === "keep" ? row.keepReasonLabel : reviewReasonLabel(action, row.flags.length > 0);

/**
 * One item's decision when it needs words: Keep of a flagged item (a reason), Revoke (a
 * reason), Reassign (the new reviewer and a reason). `onDone` gets the server's answer;
 * `onConflict` a refusal because the item changed meanwhile (someone else decided it, the
 * campaign closed): the queue then says so and reloads.
 */
export default function DecisionDialog({
  action,
  row,
  onOpenChange,
  onDone,
  onConflict,
  onCloseAutoFocus,
}: {
  action: ReviewDecision;
  row: QueueRow;
  onOpenChange: (open: boolean) => void;
  onDone: (result: DecisionResult) => void;
  onConflict: (error: ApiError) => void;
  onCloseAutoFocus?: (event: Event) => void;
}) {
  const client = useTRPCClient();
  const [reason, setReason] = useState("");
  const [person, setPerson] = useState<Reviewer | null>(null);
  const [missing, setMissing] = useState<{ field: "reason" | "person"; message: string } | null>(
    null,
  );
  const { pending, problem, run } = useSubmit(actionError);
  const label = reasonLabelOf(action, row) ?? "Reason";

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (action === "reassign" && !person) {
      setMissing({ field: "person", message: "Choose the person to reassign the review to." });
      return;
    }
    if (!reason.trim()) {
      setMissing({ field: "reason", message: `${label} is required.` });
      return;
    }
    setMissing(null);
    void run(async () => {
      try {
        const result =
          action === "reassign"
            ? {
                ...(await client.reviews.reassign.mutate({
                  itemId: row.id,
                  toUserId: person!.id,
                  reason,
                })),
                reassignedTo: person!.displayName,
              }
            : await client.reviews.decide.mutate({ itemId: row.id, decision: action, reason });
        onDone(result);
        onOpenChange(false);
      } catch (error) {
        const decoded = actionError(error);
        if (decoded.code === "CONFLICT" || decoded.code === "NOT_FOUND") {
          onConflict(decoded);
          onOpenChange(false);
          return;
        }
        throw error;
      }
    });
  };

  return (
    <Dialog open onOpenChange={(open) => !pending && onOpenChange(open)}>
      <DialogContent
        title={`${DECISION_LABEL[action]}: ${rowSummary(row)}`}
        description={
          action === "revoke"
            ? "Lantern asks for the access to be removed, through the app’s revocation policy."
            : action === "keep"
              ? "This item is flagged: say why the access stays."
              : "The item leaves your queue and waits for them; they are notified."
        }
        dismissible={!pending}
        size="md"
        onCloseAutoFocus={onCloseAutoFocus}
      >
        <form onSubmit={submit} noValidate>
          <div className="space-y-4">
            {action === "reassign" ? (
              <ReviewerPicker
                itemIds={[row.id]}
                value={person}
                onChange={(p) => {
                  setPerson(p);
                  if (missing?.field === "person") setMissing(null);
                }}
                error={missing?.field === "person" ? missing.message : null}
                autoFocus
              />
            ) : null}
            <Textarea
              label={label}
              value={reason}
              onChange={(e) => {
                setReason(e.target.value);
                if (missing?.field === "reason") setMissing(null);
              }}
              onKeyDown={(e) => {
                if (e.key === "Enter" && (e.metaKey || e.ctrlKey)) submit(e);
              }}
              error={missing?.field === "reason" ? missing.message : null}
              maxLength={2000}
              rows={3}
              required
              autoFocus={action !== "reassign"}
              hint="Kept with the decision, as the campaign’s evidence."
            />
            {problem ? <ErrorAlert>{problem.message}</ErrorAlert> : null}
          </div>
          <DialogActions
            pending={pending}
            label={DECISION_LABEL[action]}
            pendingLabel="Saving…"
            danger={action === "revoke"}
          />
        </form>
      </DialogContent>
    </Dialog>
  );
}
