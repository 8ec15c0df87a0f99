"use client";

import { useSelectedLayoutSegment } from "next/navigation";
import { LinkTabs } from "~/components/ui/tabs";

/** The entitlement page's tabs, each its own URL: Grants (default) and Details. */
export function EntitlementTabs({ href, grantCount }: { href: string; grantCount: number }) {
  const segment = useSelectedLayoutSegment();
  return (
    <LinkTabs
      label="Entitlement sections"
      active={segment === "details" ? "details" : "grants"}
      tabs={[
        { id: "grants", label: "Grants", href, count: grantCount },
        { id: "details", label: "Details", href: `${href}/details` },
      ]}
    />
  );
}
