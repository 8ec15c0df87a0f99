"use client";

import { useId, useState } from "react";
import { actionError } from "~/trpc/errors";
import { useSubmit } from "~/lib/use-submit";
import { Dialog, DialogContent, DialogActions } from "~/components/ui/dialog";
import { ErrorAlert } from "~/components/ui/error-alert";
import { toast } from "~/components/ui/toast";
import { ChoiceCard } from "~/components/ui/choice-card";
import { useTRPCClient } from "~/trpc/react";
import type { AccountActionsTarget } from "./account-target.ts";
import { TYPE_LABEL, type AccountType } from "./accounts-list.ts";
import { useAccountsChanged } from "./use-account-actions.ts";

const CHOICES: Array<{ type: AccountType; hint: string }> = [
  { type: "USER", hint: "A person’s own account." },
  { type: "SERVICE", hint: "Used by software: a bot, an integration, a CI job." },
  { type: "SYSTEM", hint: "Built into the app: an administrator, a break-glass account." },
];

/** Set account type (SPEC §4.4): User, Service account or System account → set by hand. */
export default function SetTypeDialog({
  account,
  onOpenChange,
}: {
  account: AccountActionsTarget;
  onOpenChange: (open: boolean) => void;
}) {
  const id = useId();
  const client = useTRPCClient();
  const changed = useAccountsChanged();
  const [type, setType] = useState<AccountType>(account.type);
  const { pending, problem, run } = useSubmit((error) => {
    const { code, message } = actionError(error);
    if (code === "FORBIDDEN" || code === "NOT_FOUND") void changed();
    return message;
  });

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    void run(async () => {
      const result = await client.accounts.setType.mutate({ accountId: account.id, type });
      toast.success(
        result.changed
          ? `${account.name} is now a ${TYPE_LABEL[type].toLowerCase()}`
          : `${account.name} already is a ${TYPE_LABEL[type].toLowerCase()}`,
        { description: "Set by hand: later imports keep it." },
      );
      await changed();
      onOpenChange(false);
    });
  };

  return (
    <Dialog open onOpenChange={(open) => !pending && onOpenChange(open)}>
      <DialogContent
        title="Set account type"
        description={`What kind of account ${account.name} is. Access reviews can include or leave out accounts by type; a type set here is kept by later imports.`}
        dismissible={!pending}
        size="sm"
      >
        <form onSubmit={submit} noValidate>
          <fieldset className="space-y-2">
            <legend className="sr-only">Account type</legend>
            {CHOICES.map((choice) => (
              <ChoiceCard
                key={choice.type}
                align="start"
                className="gap-3 px-3 py-2.5"
                name={`${id}-type`}
                value={choice.type}
                checked={type === choice.type}
                onChange={() => setType(choice.type)}
              >
                <span>
                  <span className="block text-sm font-medium text-zinc-900">
                    {TYPE_LABEL[choice.type]}
                  </span>
                  <span className="text-muted block text-xs">{choice.hint}</span>
                </span>
              </ChoiceCard>
            ))}
          </fieldset>
          {problem ? <ErrorAlert className="mt-4">{problem}</ErrorAlert> : null}
          <DialogActions pending={pending} label="Update account type" pendingLabel="Saving…" />
        </form>
      </DialogContent>
    </Dialog>
  );
}
