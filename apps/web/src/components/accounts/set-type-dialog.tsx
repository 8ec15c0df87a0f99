"use client";

import { useId, useState } from "react";
import { actionError } from "~/trpc/errors";
import { Dialog, DialogContent, DialogActions } from "~/components/ui/dialog";
import { ErrorAlert } from "~/components/ui/error-alert";
import { toast } from "~/components/ui/toast";
import { cn } from "~/lib/cn";
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
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (pending) return;
    setProblem(null);
    setPending(true);
    try {
      const result = await client.accounts.setType.mutate({ accountId: account.id, type });
      toast.success(
        result.changed
          ? `${account.name} is now a ${TYPE_LABEL[type].toLowerCase()}`
          : `${account.name} already is a ${TYPE_LABEL[type].toLowerCase()}`,
        { description: "Set by hand: later imports keep it." },
      );
      await changed();
      onOpenChange(false);
    } catch (error) {
      const { code, message } = actionError(error);
      setProblem(message);
      if (code === "FORBIDDEN" || code === "NOT_FOUND") void changed();
    } finally {
      setPending(false);
    }
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
              <label
                key={choice.type}
                className={cn(
                  "flex cursor-pointer items-start gap-3 rounded-md border border-zinc-200 px-3 py-2.5 hover:bg-zinc-50",
                  type === choice.type && "border-zinc-400 bg-zinc-50",
                )}
              >
                <input
                  type="radio"
                  name={`${id}-type`}
                  value={choice.type}
                  checked={type === choice.type}
                  onChange={() => setType(choice.type)}
                  className="mt-0.5 size-4 shrink-0 accent-zinc-900"
                />
                <span>
                  <span className="block text-sm font-medium text-zinc-900">
                    {TYPE_LABEL[choice.type]}
                  </span>
                  <span className="text-muted block text-xs">{choice.hint}</span>
                </span>
              </label>
            ))}
          </fieldset>
          {problem ? <ErrorAlert className="mt-4">{problem}</ErrorAlert> : null}
          <DialogActions pending={pending} label="Update account type" pendingLabel="Saving…" />
        </form>
      </DialogContent>
    </Dialog>
  );
}
