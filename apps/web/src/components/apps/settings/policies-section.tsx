"use client";

import { useState } from "react";
import { fieldError } from "~/trpc/errors";
import { primaryButton } from "~/components/ui/button";
import { ErrorAlert } from "~/components/ui/error-alert";
import { PolicySelect } from "~/components/policies/policy-select";
import { Section } from "~/components/ui/section";
import { useTRPCClient } from "~/trpc/react";
import { useSettingsSave, type AppSettings } from "./use-settings-save.ts";

/** What PolicySelect says an empty choice inherits. */
const fromOrganization = (policy: { name: string } | null) => ({
  name: policy?.name ?? null,
  from: policy ? "the organization's default" : "the organization",
});

/** The app's default request and revocation policies; empty inherits the organization's. */
export function PoliciesSection({ settings }: { settings: AppSettings }) {
  const client = useTRPCClient();
  const { save, pending, error } = useSettingsSave(settings.id);
  const [request, setRequest] = useState(settings.defaultRequestPolicy?.id ?? null);
  const [revocation, setRevocation] = useState(settings.defaultRevocationPolicy?.id ?? null);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const saved = await save(
      () =>
        client.apps.update.mutate({
          appId: settings.id,
          defaultRequestPolicyId: request,
          defaultRevocationPolicyId: revocation,
        }),
      { saved: "Policies saved", unchanged: "The policies were already so: nothing changed." },
    );
    if (saved) {
      setRequest(saved.defaultRequestPolicy?.id ?? null);
      setRevocation(saved.defaultRevocationPolicy?.id ?? null);
    }
  };
  const defaults = settings.organizationDefaults;
  return (
    <Section
      title="Policies"
      description="What requests and revocations of this app's entitlements go through, unless an entitlement names its own policy."
    >
      <form onSubmit={submit} noValidate className="space-y-4">
        <PolicySelect
          label="Default request policy"
          kind="GRANT"
          value={request}
          onChange={setRequest}
          inherited={fromOrganization(defaults.requestPolicy)}
          error={fieldError(error, "defaultRequestPolicyId")}
          disabled={pending}
        />
        <PolicySelect
          label="Default revocation policy"
          kind="REVOKE"
          value={revocation}
          onChange={setRevocation}
          inherited={fromOrganization(defaults.revocationPolicy)}
          error={fieldError(error, "defaultRevocationPolicyId")}
          disabled={pending}
        />
        {error && !error.fieldErrors ? <ErrorAlert>{error.message}</ErrorAlert> : null}
        <div className="flex justify-end">
          <button type="submit" className={primaryButton} disabled={pending}>
            {pending ? "Saving…" : "Save policies"}
          </button>
        </div>
      </form>
    </Section>
  );
}
