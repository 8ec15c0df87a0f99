"use client";

import { useSearchParams } from "next/navigation";
import { LinkTabs } from "~/components/ui/tabs";
import { hrefWith } from "~/lib/url";
import {
  filterParams,
  STATUS_FILTERS,
  type DirectoryFilters,
  type StatusFilterId,
} from "./users-list.ts";

/** The status filter as tabs with counts; each is a URL, and the other filters carry over. */
export function UserStatusTabs({
  filters,
  counts,
}: {
  filters: DirectoryFilters;
  counts: Record<StatusFilterId, number>;
}) {
  const q = useSearchParams().get("q") ?? undefined;
  return (
    <LinkTabs
      label="Filter people by status"
      active={filters.status}
      tabs={STATUS_FILTERS.map((f) => ({
        id: f.id,
        label: f.label,
        href: hrefWith("/users", {
          ...filterParams({ ...filters, status: f.id }),
          q,
        }),
        count: counts[f.id],
      }))}
    />
  );
}
