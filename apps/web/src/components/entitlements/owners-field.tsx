"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { apiError } from "~/components/requests/api-error";
import { PeopleMultiPicker, type ChosenPerson } from "~/components/ui/people-multi-picker";
import { useSettledSearch } from "~/components/ui/people-picker";
import { useTRPC } from "~/trpc/react";

/** The server lists this many matches (accounts.ownerCandidates). */
const MATCHES = 20;

/**
 * An entitlement's owners: the people chosen as removable chips, and a search of the active
 * people of the organization to add one (the same list as Set account owner, for the app's
 * managers).
 */
export function OwnersField({
  appId,
  value,
  onChange,
  error,
}: {
  appId: string;
  value: ChosenPerson[];
  onChange: (owners: ChosenPerson[]) => void;
  error?: string | null;
}) {
  const trpc = useTRPC();
  const search = useSettledSearch();
  const query = useQuery({
    ...trpc.accounts.ownerCandidates.queryOptions({ appId, search: search.search }),
    enabled: search.search !== "",
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
  return (
    <PeopleMultiPicker
      legend="Owners"
      note="They may revoke any grant of this entitlement, and approve when a policy says so."
      emptyChoice="No owner yet."
      search={search}
      people={query.data}
      loading={query.isPending}
      refreshing={query.isPlaceholderData && query.isFetching}
      problem={query.error ? apiError(query.error).message : null}
      limit={MATCHES}
      value={value}
      onChange={onChange}
      error={error}
    />
  );
}
