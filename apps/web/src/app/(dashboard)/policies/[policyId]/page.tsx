import type { Metadata } from "next";
import { cache } from "react";
import { PoliciesForbidden } from "~/components/policies/policies-forbidden";
import { PolicyActions } from "~/components/policies/policy-actions";
import { PolicyBreadcrumb } from "~/components/policies/policy-breadcrumb";
import { PolicyEditor } from "~/components/policies/policy-editor";
import { PolicyUsage, usageText } from "~/components/policies/policy-usage";
import { PageHeader } from "~/components/ui/page-header";
import { requireActor } from "~/server/auth/session";
import { orRefusal } from "~/server/page-load";
import { serverCaller } from "~/trpc/server";

type Params = Promise<{ policyId: string }>;

/** The policy, or the API's refusal (FORBIDDEN); an unknown id is 404. */
const loadPolicy = cache(async (id: string) => {
  await requireActor();
  const caller = await serverCaller();
  const loaded = await orRefusal(() => caller.policies.byId({ id }));
  return loaded.refusal === null
    ? { policy: loaded.value, refusal: null }
    : { policy: null, refusal: loaded.refusal };
});

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { policy } = await loadPolicy((await params).policyId);
  return { title: policy ? `${policy.name} · Policies` : "Policies" };
}

/**
 * One approval policy: edit it in place, duplicate or delete it, and see where it is used.
 * Auditors read it (policies.byId) with nothing to change (me.can.managePolicies).
 */
export default async function PolicyPage({ params }: { params: Params }) {
  const { policy, refusal } = await loadPolicy((await params).policyId);
  if (!policy) return <PoliciesForbidden message={refusal} />;
  const { can } = await (await serverCaller()).me.get();
  const readOnly = can.managePolicies
    ? null
    : "You can read this policy; only super admins can change, duplicate or delete it.";
  return (
    <>
      <PageHeader
        title={<span className="break-words">{policy.name}</span>}
        description={policy.requestSummary}
        actions={
          readOnly ? null : (
            <PolicyActions
              policyId={policy.id}
              policyName={policy.name}
              inUse={usageText(policy.usage)}
            />
          )
        }
      >
        <PolicyBreadcrumb current={policy.name} />
      </PageHeader>
      <div className="mx-auto max-w-3xl space-y-6 px-6 py-6 xl:px-8">
        {/* Keyed by the last save: after a save the form starts again from what was stored. */}
        <PolicyEditor key={policy.updatedAt.toISOString()} policy={policy} readOnly={readOnly} />
        <PolicyUsage policy={policy} />
      </div>
    </>
  );
}
