"use client";

import { useState } from "react";
import type { RouterOutputs } from "@lantern/api";
import { reviewReasonLabel } from "@lantern/domain";
import { BulkResults } from "~/components/ui/bulk-results";
import { Dialog, DialogActions, DialogContent, DialogDone } from "~/components/ui/dialog";
import { ErrorAlert } from "~/components/ui/error-alert";
import { Textarea } from "~/components/ui/textarea";
import { plural } from "~/lib/format";
import { useSubmit } from "~/lib/use-submit";
import { actionError } from "~/trpc/errors";
import { useTRPCClient } from "~/trpc/react";
import {
  DECISION_DONE,
  DECISION_LABEL,
  rowSummary,
  type QueueRow,
  type ReviewDecision,
} from "./queue.ts";
import { ReviewerPicker, type Reviewer } from "./reviewer-picker.tsx";

type BulkResult = RouterOutputs["reviews"]["bulk"];

/**
 * One decision over the selection with ONE comment, the reason of every item's decision:
 * required for Revoke and Reassign, and for Keep when any selected item is flagged (SPEC
 * §10). Then each item's outcome, as the task bulk dialog tells it: how many were done, and
 * each skipped item with why (someone else decided it, it is the viewer's own access…).
 */
export default function BulkDecisionDialog({
  action,
  rows,
  onOpenChange,
  onFinished,
  onCloseAutoFocus,
}: {
  action: ReviewDecision;
  rows: QueueRow[];
  onOpenChange: (open: boolean) => void;
  /** The server answered: the selection is spent; `doneIds` left the queue. */
  onFinished: (doneIds: string[]) => void;
  onCloseAutoFocus?: (event: Event) => void;
}) {
  const client = useTRPCClient();
  const [comment, setComment] = useState("");
  const [person, setPerson] = useState<Reviewer | null>(null);
  const [missing, setMissing] = useState<{ field: "comment" | "person"; message: string } | null>(
    null,
  );
  const [result, setResult] = useState<BulkResult | null>(null);
  const { pending, problem, run } = useSubmit(actionError);
  const flagged = rows.filter((r) => r.flags.length > 0).length;
  // Which decisions need a reason is the domain's rule (the server applies the same).
  const reasonLabel = reviewReasonLabel(action, flagged > 0);
  const required = reasonLabel !== null;
  const label = DECISION_LABEL[action];
  const count = plural(rows.length, "item");
  const commentLabel = reasonLabel ?? "Comment";
  const hint =
    action === "keep" && flagged > 0
      ? `${plural(flagged, "selected item is", "selected items are")} flagged: say why the access stays. Kept with every decision.`
      : required
        ? "Kept with every decision, as the campaign’s evidence."
        : "Optional; kept with every decision.";

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (action === "reassign" && !person) {
      setMissing({ field: "person", message: "Choose the person to reassign the reviews to." });
      return;
    }
    if (required && !comment.trim()) {
      setMissing({ field: "comment", message: `${commentLabel} is required.` });
      return;
    }
    setMissing(null);
    void run(async () => {
      const answer = await client.reviews.bulk.mutate({
        itemIds: rows.map((r) => r.id),
        decision: action,
        comment: comment.trim() || undefined,
        toUserId: action === "reassign" ? person?.id : undefined,
      });
      setResult(answer);
      onFinished(answer.results.filter((r) => r.status === "done").map((r) => r.itemId));
    });
  };

  if (result) {
    const byId = new Map(rows.map((r) => [r.id, r]));
    const skipped = result.results.filter((r) => r.status === "skipped");
    const what =
      action === "reassign" && person
        ? `reassigned to ${person.displayName}`
        : DECISION_DONE[action];
    return (
      <Dialog open onOpenChange={onOpenChange}>
        <DialogContent
          title={`${label}: ${result.done} of ${count} done`}
          description={
            skipped.length === 0
              ? `Every item was ${what}${comment.trim() ? ", with your comment" : ""}.`
              : `${plural(result.done, "item")} ${what}; ${skipped.length} skipped, unchanged.`
          }
          size="md"
          onCloseAutoFocus={onCloseAutoFocus}
        >
          <BulkResults
            done={result.done > 0 ? `${plural(result.done, "item")} ${what}` : null}
            skipped={skipped.map((r) => {
              const row = byId.get(r.itemId);
              return {
                key: r.itemId,
                what: <span className="font-medium">{row ? rowSummary(row) : "An item"}</span>,
                reason: r.status === "skipped" ? r.reason : "",
              };
            })}
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
        description={`${rows
          .slice(0, 4)
          .map(rowSummary)
          .join(
            "; ",
          )}${rows.length > 4 ? ` and ${rows.length - 4} more` : ""}. Items that can no longer take this decision are skipped and left as they are.`}
        dismissible={!pending}
        size="md"
        onCloseAutoFocus={onCloseAutoFocus}
      >
        <form onSubmit={submit} noValidate>
          <div className="space-y-4">
            {action === "reassign" ? (
              <ReviewerPicker
                itemIds={rows.map((r) => r.id)}
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
              label={commentLabel}
              value={comment}
              onChange={(e) => {
                setComment(e.target.value);
                if (missing?.field === "comment") setMissing(null);
              }}
              onKeyDown={(e) => {
                if (e.key === "Enter" && (e.metaKey || e.ctrlKey)) submit(e);
              }}
              error={missing?.field === "comment" ? missing.message : null}
              maxLength={2000}
              rows={3}
              required={required}
              autoFocus={action !== "reassign"}
              hint={hint}
            />
            {problem ? <ErrorAlert>{problem.message}</ErrorAlert> : null}
          </div>
          <DialogActions
            pending={pending}
            label={`${label} ${count}`}
            pendingLabel="Working…"
            danger={action === "revoke"}
          />
        </form>
      </DialogContent>
    </Dialog>
  );
}
