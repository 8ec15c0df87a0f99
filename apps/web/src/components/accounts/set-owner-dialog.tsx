"use client";

import { useState } from "react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { RouterOutputs } from "@lantern/api";
import { actionError } from "~/components/tasks/actions";
import { primaryButton, secondaryButton } from "~/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogFooter } from "~/components/ui/dialog";
import { ErrorAlert } from "~/components/ui/error-alert";
import { PeoplePicker, useSettledSearch } from "~/components/ui/people-picker";
import { toast } from "~/components/ui/toast";
import { useTRPC, useTRPCClient } from "~/trpc/react";
import type { AccountActionsTarget } from "./account-actions-menu.tsx";
import { useAccountsChanged } from "./use-account-actions.ts";

type Candidate = RouterOutputs["accounts"]["ownerCandidates"][number];

/** Set account owner (SPEC §4.3): pick an active person of the organization → Manual. */
export default function SetOwnerDialog({
  appId,
  account,
  onOpenChange,
}: {
  appId: string;
  account: AccountActionsTarget;
  onOpenChange: (open: boolean) => void;
}) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const changed = useAccountsChanged();
  const search = useSettledSearch();
  const query = useQuery({
    ...trpc.accounts.ownerCandidates.queryOptions({ appId, search: search.search || undefined }),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
  const [person, setPerson] = useState<Candidate | null>(null);
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<{ field: "person" | null; message: string } | null>(null);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (pending) return;
    if (!person) {
      setProblem({ field: "person", message: "Choose the person who owns this account." });
      return;
    }
    setProblem(null);
    setPending(true);
    try {
      const result = await client.accounts.setOwner.mutate({
        accountId: account.id,
        userId: person.id,
      });
      if (result.changed) {
        toast.success(`${person.displayName} now owns ${account.name}`, {
          description: "Set by hand: automatic mapping will not change it.",
        });
      } else {
        toast.success(`${person.displayName} already owns ${account.name}`);
      }
      await changed();
      onOpenChange(false);
    } catch (error) {
      const { code, message } = actionError(error);
      setProblem({ field: null, message });
      if (code === "FORBIDDEN" || code === "NOT_FOUND") void changed();
    } finally {
      setPending(false);
    }
  };

  const current = account.owner
    ? `Its owner now: ${account.owner.displayName}${account.ownerSource === "MANUAL" ? " (set by hand)" : ""}.`
    : "It has no owner now.";
  return (
    <Dialog open onOpenChange={(open) => !pending && onOpenChange(open)}>
      <DialogContent
        title="Set account owner"
        description={`Choose the person who owns ${account.name}. ${current} An owner set by hand stays until someone resets or clears it.`}
        dismissible={!pending}
      >
        <form onSubmit={submit} noValidate>
          <div className="space-y-4">
            <PeoplePicker
              legend="Account owner"
              search={search}
              people={query.data}
              loading={query.isPending}
              refreshing={query.isFetching && query.isPlaceholderData}
              problem={query.isError ? actionError(query.error).message : null}
              note="Active people of your organization."
              empty="Nobody active to choose."
              limit={20}
              value={person}
              onChange={(p) => {
                setPerson(p);
                if (problem?.field === "person") setProblem(null);
              }}
              error={problem?.field === "person" ? problem.message : null}
              autoFocus
            />
            {problem && problem.field === null ? <ErrorAlert>{problem.message}</ErrorAlert> : null}
          </div>
          <DialogFooter>
            <DialogClose className={secondaryButton} disabled={pending}>
              Cancel
            </DialogClose>
            <button type="submit" className={primaryButton} disabled={pending}>
              {pending ? "Saving…" : "Set account owner"}
            </button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
