"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { apiError } from "~/trpc/errors";
import { PeopleMultiPicker, type ChosenPerson } from "~/components/ui/people-multi-picker";
import { useSettledSearch } from "~/components/ui/people-picker";
import { useTRPC } from "~/trpc/react";

/** The server lists this many matches (accounts.ownerCandidates). */
const MATCHES = 20;

/**
 * People chosen for a role in an app (its owners, provisioners, deprovisioners, or an
 * entitlement's owners): removable chips and a search of the organization's active people
 * (accounts.ownerCandidates, open to the app's managers).
 */
export function AppPeopleField({
  appId,
  legend,
  note,
  emptyChoice,
  value,
  onChange,
  error,
}: {
  appId: string;
  legend: string;
  note?: string;
  emptyChoice: string;
  value: ChosenPerson[];
  onChange: (people: ChosenPerson[]) => void;
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
      legend={legend}
      note={note}
      emptyChoice={emptyChoice}
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
