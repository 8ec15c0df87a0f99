"use client";

import { useSelectedLayoutSegment } from "next/navigation";
import { LinkTabs } from "~/components/ui/tabs";

const SECTIONS = ["details", "settings"] as const;

/**
 * The entitlement page's tabs, each its own URL: Grants (default), Details, and Settings for
 * the app's managers.
 */
export function EntitlementTabs({
  href,
  grantCount,
  canManage,
}: {
  href: string;
  grantCount: number;
  canManage: boolean;
}) {
  const segment = useSelectedLayoutSegment();
  const active = SECTIONS.find((s) => s === segment) ?? "grants";
  return (
    <LinkTabs
      label="Entitlement sections"
      active={active}
      tabs={[
        { id: "grants", label: "Grants", href, count: grantCount },
        { id: "details", label: "Details", href: `${href}/details` },
        ...(canManage ? [{ id: "settings", label: "Settings", href: `${href}/settings` }] : []),
      ]}
    />
  );
}
