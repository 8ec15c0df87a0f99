import type { Metadata } from "next";
import { canManagePolicies } from "@lantern/domain";
import { PoliciesForbidden } from "~/components/policies/policies-forbidden";
import { PolicyBreadcrumb } from "~/components/policies/policy-breadcrumb";
import { PolicyEditor } from "~/components/policies/policy-editor";
import { PageHeader } from "~/components/ui/page-header";
import { requireActor } from "~/server/auth/session";

export const metadata: Metadata = { title: "New policy" };

export default async function NewPolicyPage() {
  const actor = await requireActor();
  // The same shared rule the API asks (the server checks again when the form is sent).
  const decision = canManagePolicies(actor);
  if (!decision.allowed) return <PoliciesForbidden message={decision.reason} />;
  return (
    <>
      <PageHeader
        title="New policy"
        description="Choose who approves, in which order. Provisioning always comes last and follows the entitlement's strategy."
      >
        <PolicyBreadcrumb current="New policy" />
      </PageHeader>
      <div className="mx-auto max-w-3xl px-6 py-6 xl:px-8">
        <PolicyEditor policy={null} />
      </div>
    </>
  );
}
