"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { RouterOutputs } from "@lantern/api";
import { PeoplePicker, useSettledSearch } from "~/components/ui/people-picker";
import { useTRPC } from "~/trpc/react";
import { actionError } from "~/trpc/errors";

export type Reviewer = RouterOutputs["reviews"]["reassignees"]["people"][number];

/**
 * Who review items can be handed to (`reviews.reassignees`: active people, never the
 * account's owner or someone reviewing the item already), searchable by name or email — the
 * shared picker, as the task Reassign dialog uses it. A selection asks about its first 100.
 */
export function ReviewerPicker({
  itemIds,
  value,
  onChange,
  error,
  autoFocus = false,
}: {
  itemIds: readonly string[];
  value: Reviewer | null;
  onChange: (person: Reviewer) => void;
  error?: string | null;
  autoFocus?: boolean;
}) {
  const trpc = useTRPC();
  const search = useSettledSearch();
  const query = useQuery({
    ...trpc.reviews.reassignees.queryOptions({
      itemIds: itemIds.slice(0, 100),
      search: search.search || undefined,
    }),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
  return (
    <PeoplePicker
      legend="New reviewer"
      search={search}
      people={query.data?.people}
      loading={query.isPending}
      refreshing={query.isFetching && query.isPlaceholderData}
      problem={
        query.isError ? actionError(query.error).message : (query.data?.blockedReason ?? null)
      }
      empty="Nobody else can review this."
      limit={20}
      value={value}
      onChange={onChange}
      error={error}
      autoFocus={autoFocus}
    />
  );
}
