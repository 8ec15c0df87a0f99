import type { Metadata } from "next";
import { POLICY_SOURCE_LABEL, STRATEGY_LABEL } from "~/components/entitlements/labels";
import { PeopleList } from "~/components/ui/people";
import { Section } from "~/components/ui/section";
import { loadEntitlement, type LoadedEntitlement } from "~/server/entitlements";
import { InlineMarkdown } from "~/components/ui/markdown";

export const metadata: Metadata = { title: "Details" };

type Params = Promise<{ appId: string; entitlementId: string }>;

function PolicyFacts({
  label,
  policy,
}: {
  label: string;
  policy: LoadedEntitlement["policies"]["request"];
}) {
  return (
    <div>
      <dt className="text-muted text-xs">{label}</dt>
      {policy ? (
        <dd className="mt-0.5">
          <p className="text-sm font-medium text-zinc-900">{policy.name}</p>
          <p className="text-sm text-zinc-600">{policy.summary}</p>
          <p className="text-muted mt-0.5 text-xs">{POLICY_SOURCE_LABEL[policy.source]}</p>
        </dd>
      ) : (
        <dd className="mt-0.5 text-sm text-zinc-600">
          No policy is set on the entitlement, the app or the organization.
        </dd>
      )}
    </div>
  );
}

const STRATEGY_TEXT = {
  provision: {
    MANUAL: "A provisioning task goes to the app's provisioners, who grant it by hand.",
    CONNECTOR: "The app's connector grants it; a person takes over if the connector fails.",
  },
  deprovision: {
    MANUAL: "A deprovisioning task goes to the app's deprovisioners, who remove it by hand.",
    CONNECTOR: "The app's connector removes it; a person takes over if the connector fails.",
  },
} as const;

/** The entitlement's Details tab: description, owners, strategies and effective policies. */
export default async function EntitlementDetailsPage({ params }: { params: Params }) {
  const { appId, entitlementId } = await params;
  const entitlement = await loadEntitlement(appId, entitlementId);
  return (
    <div className="grid gap-6 px-6 py-6 xl:grid-cols-3 xl:px-8">
      <div className="space-y-6 xl:col-span-2">
        <Section title="About">
          <dl className="space-y-4">
            <div>
              <dt className="text-muted text-xs">Description</dt>
              <dd className="mt-0.5 text-sm text-zinc-800">
                {entitlement.description ? (
                  <InlineMarkdown>{entitlement.description}</InlineMarkdown>
                ) : (
                  <span className="text-muted">No description.</span>
                )}
              </dd>
            </div>
            <div>
              <dt className="text-muted text-xs">Slug</dt>
              <dd className="mt-0.5 font-mono text-sm text-zinc-800">{entitlement.slug}</dd>
            </div>
            <div>
              <dt className="text-muted text-xs">
                Granted by: {STRATEGY_LABEL[entitlement.provisioningStrategy]}
              </dt>
              <dd className="mt-0.5 text-sm text-zinc-700">
                {STRATEGY_TEXT.provision[entitlement.provisioningStrategy]}
              </dd>
            </div>
            <div>
              <dt className="text-muted text-xs">
                Removed by: {STRATEGY_LABEL[entitlement.deprovisioningStrategy]}
              </dt>
              <dd className="mt-0.5 text-sm text-zinc-700">
                {STRATEGY_TEXT.deprovision[entitlement.deprovisioningStrategy]}
              </dd>
            </div>
          </dl>
        </Section>
        <Section
          title="Policies"
          description="A request or a revocation runs under the policy in force when it starts."
        >
          <dl className="space-y-4">
            <PolicyFacts label="Requests" policy={entitlement.policies.request} />
            <PolicyFacts label="Revocations" policy={entitlement.policies.revocation} />
          </dl>
        </Section>
      </div>
      <div className="space-y-6">
        <Section
          title="Owners"
          description="They may revoke any grant of this entitlement, and approve when a policy says so."
        >
          <PeopleList people={entitlement.owners} empty="This entitlement has no owner." />
        </Section>
      </div>
    </div>
  );
}
