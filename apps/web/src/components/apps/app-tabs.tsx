"use client";

import { useSelectedLayoutSegment } from "next/navigation";
import { LinkTabs } from "~/components/ui/tabs";

/** The app page's tabs; each is its own URL: /apps/{id}, /apps/{id}/accounts, /apps/{id}/entitlements. */
export function AppTabs({
  appId,
  accountCount,
  entitlementCount,
}: {
  appId: string;
  accountCount: number;
  entitlementCount: number;
}) {
  const segment = useSelectedLayoutSegment();
  const active = segment === "accounts" || segment === "entitlements" ? segment : "overview";
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
      ]}
    />
  );
}
