import type { Metadata } from "next";
import { Lock } from "lucide-react";
import { EntitlementSettingsForm } from "~/components/entitlements/entitlement-settings-form";
import { EmptyState } from "~/components/ui/empty-state";
import { loadEntitlement } from "~/server/entitlements";

export const metadata: Metadata = { title: "Settings" };

type Params = Promise<{ appId: string; entitlementId: string }>;

/**
 * The entitlement's Settings tab: name, description, owners, strategies and policy overrides.
 * For the app's owners and super admins (the tab is shown to them only; the server checks).
 */
export default async function EntitlementSettingsPage({ params }: { params: Params }) {
  const { appId, entitlementId } = await params;
  const entitlement = await loadEntitlement(appId, entitlementId);
  return (
    <div className="max-w-3xl px-6 py-6 xl:px-8">
      {entitlement.viewerCanManage ? (
        <EntitlementSettingsForm entitlement={entitlement} />
      ) : (
        <EmptyState icon={<Lock className="size-8" />} title="You cannot change this entitlement">
          Only the owners of {entitlement.app.name} and super admins can change its entitlements.
        </EmptyState>
      )}
    </div>
  );
}
