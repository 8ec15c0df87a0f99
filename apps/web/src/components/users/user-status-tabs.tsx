"use client";

import { useSearchParams } from "next/navigation";
import { LinkTabs } from "~/components/ui/tabs";
import { hrefWith } from "~/lib/url";
import { STATUS_FILTERS, type StatusFilterId } from "./users-list.ts";

/** The status filter as tabs with counts; each is a URL, and the search carries over. */
export function UserStatusTabs({
  active,
  counts,
}: {
  active: StatusFilterId;
  counts: Record<StatusFilterId, number>;
}) {
  const q = useSearchParams().get("q") ?? undefined;
  return (
    <LinkTabs
      label="Filter people by status"
      active={active}
      tabs={STATUS_FILTERS.map((f) => ({
        id: f.id,
        label: f.label,
        href: hrefWith("/users", { status: f.id === "all" ? undefined : f.id, q }),
        count: counts[f.id],
      }))}
    />
  );
}
