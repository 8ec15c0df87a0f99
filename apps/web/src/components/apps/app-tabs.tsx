"use client";

import { useSelectedLayoutSegment } from "next/navigation";
import { LinkTabs } from "~/components/ui/tabs";

const SEGMENTS = ["accounts", "entitlements", "settings"] as const;

/**
 * The app page's tabs; each is its own URL: /apps/{id}, /apps/{id}/accounts,
 * /apps/{id}/entitlements, and /apps/{id}/settings for those who may manage the app.
 */
export function AppTabs({
  appId,
  accountCount,
  entitlementCount,
  canManage,
}: {
  appId: string;
  accountCount: number;
  entitlementCount: number;
  /** Super admins and the app's owners (apps.byId's viewerCanManage) see Settings. */
  canManage: boolean;
}) {
  const segment = useSelectedLayoutSegment();
  const active = SEGMENTS.find((s) => s === segment) ?? "overview";
  return (
    <LinkTabs
      label="App sections"
      active={active}
      tabs={[
        { id: "overview", label: "Overview", href: `/apps/${appId}` },
        {
          id: "accounts",
          label: "Accounts",
          href: `/apps/${appId}/accounts`,
          count: accountCount,
        },
        {
          id: "entitlements",
          label: "Entitlements",
          href: `/apps/${appId}/entitlements`,
          count: entitlementCount,
        },
        ...(canManage
          ? [{ id: "settings", label: "Settings", href: `/apps/${appId}/settings` }]
          : []),
      ]}
    />
  );
}
