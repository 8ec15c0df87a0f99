"use client";

import { useState } from "react";
import { fieldError } from "~/trpc/errors";
import { PolicyPair, type PolicyPairValue } from "~/components/policies/policy-pair";
import { useTRPCClient } from "~/trpc/react";
import { SettingsForm } from "./settings-form.tsx";
import { useSettingsSave, type AppSettings } from "./use-settings-save.ts";

/** What PolicySelect says an empty choice inherits. */
const fromOrganization = (policy: { name: string } | null) => ({
  name: policy?.name ?? null,
  from: policy ? "the organization's default" : "the organization",
});

const chosen = (settings: AppSettings): PolicyPairValue => ({
  request: settings.defaultRequestPolicy?.id ?? null,
  revocation: settings.defaultRevocationPolicy?.id ?? null,
});

/** The app's default request and revocation policies; empty inherits the organization's. */
export function PoliciesSection({ settings }: { settings: AppSettings }) {
  const client = useTRPCClient();
  const { save, pending, error, problem } = useSettingsSave(settings.id);
  const [policies, setPolicies] = useState(() => chosen(settings));

  const submit = async () => {
    const saved = await save(
      () =>
        client.apps.update.mutate({
          appId: settings.id,
          defaultRequestPolicyId: policies.request,
          defaultRevocationPolicyId: policies.revocation,
        }),
      { saved: "Policies saved", unchanged: "The policies were already so: nothing changed." },
    );
    if (saved) setPolicies(chosen(saved));
  };
  const defaults = settings.organizationDefaults;
  return (
    <SettingsForm
      title="Policies"
      description="What requests and revocations of this app's entitlements go through, unless an entitlement names its own policy."
      onSubmit={submit}
      pending={pending}
      problem={problem}
      saveLabel="Save policies"
    >
      <PolicyPair
        labels={{ request: "Default request policy", revocation: "Default revocation policy" }}
        value={policies}
        onChange={setPolicies}
        inherited={{
          request: fromOrganization(defaults.requestPolicy),
          revocation: fromOrganization(defaults.revocationPolicy),
        }}
        errors={{
          request: fieldError(error, "defaultRequestPolicyId"),
          revocation: fieldError(error, "defaultRevocationPolicyId"),
        }}
        disabled={pending}
      />
    </SettingsForm>
  );
}
