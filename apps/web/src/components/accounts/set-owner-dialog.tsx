"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { actionError } from "~/trpc/errors";
import { ChoosePersonDialog } from "~/components/ui/choose-person-dialog";
import { toast } from "~/components/ui/toast";
import { useTRPC, useTRPCClient } from "~/trpc/react";
import type { AccountActionsTarget } from "./account-target.ts";
import { useAccountsChanged } from "./use-account-actions.ts";

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
  // The people an app's managers may choose from (accounts.ownerCandidates).
  const useCandidates = (search: string | undefined) =>
    useQuery({
      ...trpc.accounts.ownerCandidates.queryOptions({ appId, search }),
      placeholderData: keepPreviousData,
      staleTime: 60_000,
    });

  const current = account.owner
    ? `Its owner now: ${account.owner.displayName}${account.ownerSource === "MANUAL" ? " (set by hand)" : ""}.`
    : "It has no owner now.";
  return (
    <ChoosePersonDialog
      useCandidates={useCandidates}
      title="Set account owner"
      description={`Choose the person who owns ${account.name}. ${current} An owner set by hand stays until someone resets or clears it.`}
      legend="Account owner"
      submitLabel="Set account owner"
      required="Choose the person who owns this account."
      onOpenChange={onOpenChange}
      onChoose={async (person) => {
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
        } catch (error) {
          // The account or the viewer's rights changed meanwhile: show the page as it is now.
          const { code } = actionError(error);
          if (code === "FORBIDDEN" || code === "NOT_FOUND") void changed();
          throw error;
        }
      }}
    />
  );
}
