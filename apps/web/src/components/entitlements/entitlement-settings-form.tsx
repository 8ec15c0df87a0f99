"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { PolicyPair, type PolicyPairValue } from "~/components/policies/policy-pair";
import { apiError, fieldError } from "~/trpc/errors";
import { useSubmit } from "~/lib/use-submit";
import { ErrorAlert } from "~/components/ui/error-alert";
import { SaveButton } from "~/components/ui/save-button";
import type { ChosenPerson } from "~/components/ui/people-multi-picker";
import { Section } from "~/components/ui/section";
import { Textarea } from "~/components/ui/textarea";
import { toast } from "~/components/ui/toast";
import type { LoadedEntitlement } from "~/server/entitlements";
import { useTRPC, useTRPCClient } from "~/trpc/react";
import { AppPeopleField } from "~/components/apps/app-people-field";
import { inheritedPair } from "./policy-inherit.ts";
import { StrategyPair, type Strategies } from "./strategy-field.tsx";
import { TextField } from "~/components/ui/text-field";
import { useRefreshQueries } from "~/trpc/refresh";

/**
 * The entitlement's Settings tab (SPEC §1, §8; app owners and super admins): name,
 * description, owners, strategies and policy overrides, saved together. The server records
 * only what changed.
 */
export function EntitlementSettingsForm({ entitlement }: { entitlement: LoadedEntitlement }) {
  const router = useRouter();
  const client = useTRPCClient();
  const trpc = useTRPC();
  const refresh = useRefreshQueries();
  const { settings } = entitlement;
  const [displayName, setDisplayName] = useState(entitlement.displayName);
  const [description, setDescription] = useState(entitlement.description);
  const [owners, setOwners] = useState<ChosenPerson[]>(entitlement.owners);
  const [strategies, setStrategies] = useState<Strategies>({
    provisioning: entitlement.provisioningStrategy,
    deprovisioning: entitlement.deprovisioningStrategy,
  });
  const [policies, setPolicies] = useState<PolicyPairValue>({
    request: settings.requestPolicyId,
    revocation: settings.revocationPolicyId,
  });
  const { pending, problem, run } = useSubmit(apiError);

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    void run(async () => {
      const result = await client.entitlements.update.mutate({
        id: entitlement.id,
        displayName,
        description,
        ownerIds: owners.map((o) => o.id),
        provisioningStrategy: strategies.provisioning,
        deprovisioningStrategy: strategies.deprovisioning,
        requestPolicyId: policies.request,
        revocationPolicyId: policies.revocation,
      });
      toast.success(result.changed ? "Settings saved" : "Nothing to save: no setting changed");
      // Its name and description show in the request form and in grant lists too.
      await refresh([trpc.entitlements.pathKey(), trpc.requests.pathKey()]);
      router.refresh();
    });
  };

  const fieldProblem = (field: string) => fieldError(problem, field);
  const general = problem && !problem.fieldErrors ? problem.message : null;
  return (
    <form onSubmit={submit} noValidate className="space-y-6">
      <Section title="About">
        <div className="space-y-4">
          <TextField
            label="Display name"
            value={displayName}
            onChange={(e) => setDisplayName(e.target.value)}
            maxLength={120}
            required
            error={fieldProblem("displayName")}
          />
          <Textarea
            label="Description"
            value={description}
            onChange={(e) => setDescription(e.target.value)}
            maxLength={2000}
            optional
            hint="What it gives access to, shown to people who request it."
            error={fieldProblem("description")}
          />
          <AppPeopleField
            appId={entitlement.app.id}
            legend="Owners"
            note="They may revoke any grant of this entitlement, and approve when a policy says so."
            emptyChoice="No owner yet."
            value={owners}
            onChange={setOwners}
            error={fieldProblem("ownerIds")}
          />
        </div>
      </Section>
      <Section
        title="Granting and removing"
        description="Who does the work once a request or a revocation is approved."
      >
        <div className="space-y-4">
          <StrategyPair value={strategies} onChange={setStrategies} />
        </div>
      </Section>
      <Section
        title="Policies"
        description="A request or a revocation runs under the policy in force when it starts."
      >
        <div className="space-y-4">
          <PolicyPair
            value={policies}
            onChange={setPolicies}
            inherited={inheritedPair(settings.inherited)}
            errors={{
              request: fieldProblem("requestPolicyId"),
              revocation: fieldProblem("revocationPolicyId"),
            }}
          />
        </div>
      </Section>
      {general ? <ErrorAlert>{general}</ErrorAlert> : null}
      <SaveButton label="Save changes" pending={pending} />
    </form>
  );
}
