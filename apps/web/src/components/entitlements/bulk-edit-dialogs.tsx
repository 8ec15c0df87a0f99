"use client";

import { useId, useState } from "react";
import { PolicySelect } from "~/components/policies/policy-select";
import { apiError } from "~/trpc/errors";
import { useSubmit } from "~/lib/use-submit";
import { Dialog, DialogContent, DialogActions } from "~/components/ui/dialog";
import { ErrorAlert } from "~/components/ui/error-alert";
import { toast } from "~/components/ui/toast";
import { ChoiceCard } from "~/components/ui/choice-card";
import { useTRPCClient } from "~/trpc/react";
import { inheritedFor, type AppInheritedPolicies } from "./policy-inherit.ts";
import { StrategyField, type Strategy } from "./strategy-field.tsx";

export type BulkDialog = "strategy" | "policy";

type BulkSet = {
  provisioningStrategy?: Strategy;
  deprovisioningStrategy?: Strategy;
  requestPolicyId?: string | null;
  revocationPolicyId?: string | null;
};

/** "Updated 2 entitlements (1 already had it)". */
export function bulkResultText(result: { changed: number; unchanged: number }): string {
  const noun = result.changed === 1 ? "entitlement" : "entitlements";
  const already = result.unchanged > 0 ? ` (${result.unchanged} already had it)` : "";
  return `Updated ${result.changed} ${noun}${already}`;
}

/** Two choices as a radio group: which setting the bulk change is about. */
function WhichField<T extends string>({
  legend,
  options,
  value,
  onChange,
}: {
  legend: string;
  options: Array<{ value: T; label: string }>;
  value: T;
  onChange: (value: T) => void;
}) {
  const id = useId();
  return (
    <fieldset>
      <legend className="mb-1.5 block text-sm font-medium text-zinc-800">{legend}</legend>
      <div className="flex flex-wrap gap-2">
        {options.map((option) => (
          <ChoiceCard
            key={option.value}
            align="center"
            className="gap-2 px-3 py-2 text-sm text-zinc-900"
            name={id}
            checked={value === option.value}
            onChange={() => onChange(option.value)}
          >
            {option.label}
          </ChoiceCard>
        ))}
      </div>
    </fieldset>
  );
}

/**
 * Set strategy… and Set policy… for the selected entitlements of one app: all of them change or
 * none (the server refuses the whole change if one is gone).
 */
export function BulkEditDialog({
  which,
  app,
  inherited,
  entitlementIds,
  onDone,
  onOpenChange,
}: {
  which: BulkDialog;
  app: { id: string; name: string };
  /** What an entitlement of the app inherits when set to inherit. */
  inherited: AppInheritedPolicies;
  entitlementIds: string[];
  onDone: () => void;
  onOpenChange: (open: boolean) => void;
}) {
  const client = useTRPCClient();
  const [strategyField, setStrategyField] = useState<"provisioning" | "deprovisioning">(
    "provisioning",
  );
  const [strategy, setStrategy] = useState<Strategy>("MANUAL");
  const [policyField, setPolicyField] = useState<"request" | "revocation">("request");
  const [policyId, setPolicyId] = useState<string | null>(null);
  const { pending, problem, run } = useSubmit((error) => apiError(error).message);

  const count = entitlementIds.length;
  const selection = `${count} selected ${count === 1 ? "entitlement" : "entitlements"}`;
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const set: BulkSet =
      which === "strategy"
        ? strategyField === "provisioning"
          ? { provisioningStrategy: strategy }
          : { deprovisioningStrategy: strategy }
        : policyField === "request"
          ? { requestPolicyId: policyId }
          : { revocationPolicyId: policyId };
    void run(async () => {
      const result = await client.entitlements.bulkUpdate.mutate({
        appId: app.id,
        entitlementIds,
        set,
      });
      toast.success(bulkResultText(result));
      onOpenChange(false);
      onDone();
    });
  };

  const title = which === "strategy" ? "Set strategy" : "Set policy";
  return (
    <Dialog open onOpenChange={(next) => !pending && onOpenChange(next)}>
      <DialogContent
        title={title}
        description={
          which === "strategy"
            ? `How the ${selection} are granted or removed.`
            : `The policy requests or revocations of the ${selection} run under. Running ones keep theirs.`
        }
        dismissible={!pending}
      >
        <form onSubmit={submit} noValidate>
          <div className="space-y-4">
            {which === "strategy" ? (
              <>
                <WhichField
                  legend="Which strategy"
                  value={strategyField}
                  onChange={setStrategyField}
                  options={[
                    { value: "provisioning", label: "Provisioning strategy" },
                    { value: "deprovisioning", label: "Deprovisioning strategy" },
                  ]}
                />
                <StrategyField legend="Strategy" value={strategy} onChange={setStrategy} />
              </>
            ) : (
              <>
                <WhichField
                  legend="Which policy"
                  value={policyField}
                  onChange={setPolicyField}
                  options={[
                    { value: "request", label: "Request policy" },
                    { value: "revocation", label: "Revocation policy" },
                  ]}
                />
                <PolicySelect
                  label="Policy"
                  kind={policyField === "request" ? "GRANT" : "REVOKE"}
                  value={policyId}
                  onChange={setPolicyId}
                  inherited={inheritedFor(
                    policyField === "request" ? inherited.request : inherited.revocation,
                  )}
                />
              </>
            )}
            {problem ? <ErrorAlert>{problem}</ErrorAlert> : null}
          </div>
          <DialogActions pending={pending} label={title} pendingLabel="Saving…" />
        </form>
      </DialogContent>
    </Dialog>
  );
}
