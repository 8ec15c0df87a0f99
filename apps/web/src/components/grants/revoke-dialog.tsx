"use client";

import { useState } from "react";
import Link from "next/link";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { describeOutcome } from "@lantern/domain";
import { apiError } from "~/trpc/errors";
import { Dialog, DialogContent, DialogActions, DialogDone } from "~/components/ui/dialog";
import { ErrorAlert } from "~/components/ui/error-alert";
import { Textarea } from "~/components/ui/textarea";
import { toast } from "~/components/ui/toast";
import { useTRPC, useTRPCClient } from "~/trpc/react";
import { refreshQueries } from "~/trpc/refresh";

/** The grant to revoke, as the row that opens the dialog knows it. */
export interface RevokeTarget {
  grantId: string;
  /** "eli.employee" (login, else email or name). */
  accountLabel: string;
  /** The owner's name, when the account has one. */
  ownerName: string | null;
  entitlement: { id: string; displayName: string };
  appName: string;
  /** Why the viewer may not revoke it (canRevokeGrant), or null when they may. */
  refusal: string | null;
}

/** Every list and figure that shows this grant reloads after a revoke (or a refusal). */
export function useGrantsChanged() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () =>
    refreshQueries(queryClient, [
      trpc.entitlements.pathKey(),
      trpc.accounts.pathKey(),
      trpc.me.openTaskCounts.queryKey(),
      trpc.tasks.pathKey(),
      // A revocation is a request: the requester's My requests lists it.
      trpc.requests.pathKey(),
    ]);
}

type Problem =
  | { kind: "reason"; message: string }
  | { kind: "refused"; message: string }
  | { kind: "conflict"; message: string; taskNumber: number | null }
  | { kind: "other"; message: string };

/**
 * Revoke access (SPEC §5): names the account, the entitlement and the app, says which
 * revocation policy applies and what it will do, asks for a reason. The server decides:
 * a refusal (FORBIDDEN, naming who can) or a revocation already in flight (CONFLICT, with its
 * task) is shown here; success closes the dialog with a toast that says what happens next
 * (describeOutcome: approval by whom, a deprovisioning task for whom, or the connector) and
 * links to the new task.
 * When the list already knows the viewer may not revoke, the dialog says so and offers no form.
 */
export function RevokeDialog({
  target,
  onOpenChange,
}: {
  target: RevokeTarget;
  onOpenChange: (open: boolean) => void;
}) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const changed = useGrantsChanged();
  const [reason, setReason] = useState("");
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const entitlement = useQuery(
    trpc.entitlements.byId.queryOptions({ id: target.entitlement.id }, { staleTime: 60_000 }),
  );
  const policy = entitlement.data?.policies.revocation ?? null;
  const strategy = entitlement.data?.deprovisioningStrategy;
  const refusal = target.refusal;

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (pending) return;
    if (!reason.trim()) {
      setProblem({ kind: "reason", message: "Say why this access should be removed." });
      return;
    }
    setProblem(null);
    setPending(true);
    try {
      const result = await client.grants.revoke.mutate({ grantId: target.grantId, reason });
      // What really happens next, from the step the server started (issue 14).
      const next = describeOutcome(result.outcome, "REVOKE");
      toast.success(next.title, {
        description: (
          <>
            {target.entitlement.displayName} for {target.accountLabel}. {next.detail}
            {next.taskNumber !== null ? (
              <>
                {" "}
                <Link
                  href={`/tasks/${next.taskNumber}`}
                  className="font-medium text-zinc-900 underline underline-offset-2"
                >
                  Open task #{next.taskNumber}
                </Link>
              </>
            ) : null}
          </>
        ),
      });
      void changed();
      onOpenChange(false);
    } catch (error) {
      const { code, message, fieldErrors, details } = apiError(error);
      if (code === "FORBIDDEN") setProblem({ kind: "refused", message });
      else if (code === "CONFLICT") {
        const taskNumber = typeof details?.taskNumber === "number" ? details.taskNumber : null;
        setProblem({ kind: "conflict", message, taskNumber });
        void changed();
      } else if (fieldErrors?.reason?.[0]) {
        setProblem({ kind: "reason", message: fieldErrors.reason[0] });
      } else {
        setProblem({ kind: "other", message });
        if (code === "NOT_FOUND") void changed();
      }
    } finally {
      setPending(false);
    }
  };

  const who = target.ownerName
    ? `${target.accountLabel} (${target.ownerName})`
    : target.accountLabel;
  return (
    <Dialog open onOpenChange={(open) => !pending && onOpenChange(open)}>
      <DialogContent
        title="Revoke access"
        description={
          <>
            Remove{" "}
            <strong className="font-medium text-zinc-900">{target.entitlement.displayName}</strong>{" "}
            in <strong className="font-medium text-zinc-900">{target.appName}</strong> from the
            account <strong className="font-medium text-zinc-900">{who}</strong>.
          </>
        }
        dismissible={!pending}
        size="sm"
      >
        {refusal ? (
          <>
            <ErrorAlert>{refusal}</ErrorAlert>
            <DialogDone label="Close" primary={false} />
          </>
        ) : (
          <form onSubmit={submit} noValidate>
            <div className="mb-4 rounded-md bg-zinc-50 px-3 py-2.5 text-sm ring-1 ring-zinc-200 ring-inset">
              {entitlement.isPending ? (
                <p className="text-muted">Looking up the revocation policy…</p>
              ) : policy ? (
                <>
                  <p className="text-zinc-900">
                    <span className="text-muted">Revocation policy: </span>
                    <span className="font-medium">{policy.name}</span>
                  </p>
                  <p className="mt-0.5 text-zinc-600">
                    {policy.summary}{" "}
                    {strategy === "CONNECTOR"
                      ? "The app's connector removes the access."
                      : "A deprovisioning task goes to the app's deprovisioners."}
                  </p>
                  <p className="text-muted mt-1 text-xs">
                    The access stays until then.
                    {target.ownerName ? ` ${target.ownerName} is told it is going.` : ""}
                  </p>
                </>
              ) : (
                <p className="text-zinc-600">The revocation policy is shown once you revoke.</p>
              )}
            </div>
            <Textarea
              label="Reason"
              hint="Recorded with the request and shown to approvers and deprovisioners."
              value={reason}
              onChange={(e) => {
                setReason(e.target.value);
                if (problem?.kind === "reason") setProblem(null);
              }}
              maxLength={2000}
              rows={3}
              required
              autoFocus
              disabled={pending}
              error={problem?.kind === "reason" ? problem.message : null}
            />
            {problem && problem.kind !== "reason" ? (
              <ErrorAlert className="mt-3">
                <span>
                  {problem.message}
                  {problem.kind === "conflict" && problem.taskNumber !== null ? (
                    <>
                      {" "}
                      <Link
                        href={`/tasks/${problem.taskNumber}`}
                        className="font-medium underline underline-offset-2"
                      >
                        Open task #{problem.taskNumber}
                      </Link>
                    </>
                  ) : null}
                </span>
              </ErrorAlert>
            ) : null}
            <DialogActions
              pending={pending}
              label="Revoke"
              pendingLabel="Revoking…"
              danger
              disabled={problem?.kind === "conflict" || problem?.kind === "refused"}
            />
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}
