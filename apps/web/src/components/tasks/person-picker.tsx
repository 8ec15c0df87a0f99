"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { RouterOutputs } from "@lantern/api";
import { PeoplePicker, useSettledSearch } from "~/components/ui/people-picker";
import { useTRPC } from "~/trpc/react";
import { actionError } from "~/trpc/errors";

export type Reassignee = RouterOutputs["tasks"]["reassignees"]["people"][number];

/**
 * Who a task can be reassigned to (`tasks.reassignees`: active people, the policy's list when
 * it has one, not the current assignees), searchable by name or email.
 */
export function PersonPicker({
  taskId,
  value,
  onChange,
  error,
  autoFocus = false,
}: {
  taskId: string;
  value: Reassignee | null;
  onChange: (person: Reassignee) => void;
  error?: string | null;
  autoFocus?: boolean;
}) {
  const trpc = useTRPC();
  const search = useSettledSearch();
  const query = useQuery({
    ...trpc.tasks.reassignees.queryOptions({ taskId, search: search.search || undefined }),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
  return (
    <PeoplePicker
      legend="New assignee"
      search={search}
      people={query.data?.people}
      loading={query.isPending}
      refreshing={query.isFetching && query.isPlaceholderData}
      problem={
        query.isError ? actionError(query.error).message : (query.data?.blockedReason ?? null)
      }
      note={
        query.data?.restricted ? "This task’s policy allows only the people listed here." : null
      }
      empty="Nobody else can take this task."
      limit={20}
      value={value}
      onChange={onChange}
      error={error}
      autoFocus={autoFocus}
    />
  );
}
