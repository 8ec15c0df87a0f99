"use client";

import { useSelectedLayoutSegment } from "next/navigation";
import { LinkTabs } from "~/components/ui/tabs";

const SEGMENTS = ["accounts", "entitlements", "settings"] as const;

/**
 * The app page's tabs; each is its own URL: /apps/{id}, /apps/{id}/accounts for those who
 * may see every account of the app, /apps/{id}/entitlements, and /apps/{id}/settings for those
 * who may read its settings (read-only for auditors). A tab the viewer would be refused is not
 * shown at all.
 */
export function AppTabs({
  appId,
  accountCount,
  entitlementCount,
  canViewAccounts,
  canViewSettings,
}: {
  appId: string;
  accountCount: number;
  entitlementCount: number;
  /** Super admins and the app's owners (apps.byId's viewerCanViewAccounts) see Accounts. */
  canViewAccounts: boolean;
  /** Super admins, auditors and the app's owners (apps.byId's viewerCanViewSettings). */
  canViewSettings: boolean;
}) {
  const segment = useSelectedLayoutSegment();
  const active = SEGMENTS.find((s) => s === segment) ?? "overview";
  return (
    <LinkTabs
      label="App sections"
      active={active}
      tabs={[
        { id: "overview", label: "Overview", href: `/apps/${appId}` },
        ...(canViewAccounts
          ? [
              {
                id: "accounts",
                label: "Accounts",
                href: `/apps/${appId}/accounts`,
                count: accountCount,
              },
            ]
          : []),
        {
          id: "entitlements",
          label: "Entitlements",
          href: `/apps/${appId}/entitlements`,
          count: entitlementCount,
        },
        ...(canViewSettings
          ? [{ id: "settings", label: "Settings", href: `/apps/${appId}/settings` }]
          : []),
      ]}
    />
  );
}
