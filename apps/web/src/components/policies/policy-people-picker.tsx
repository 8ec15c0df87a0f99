"use client";

import { useQuery } from "@tanstack/react-query";
import { apiError } from "~/trpc/errors";
import { useSettledSearch } from "~/components/ui/people-picker";
import { PeopleMultiPicker, type ChosenPerson } from "~/components/ui/people-multi-picker";
import { useTRPC } from "~/trpc/react";

/** How many matches users.search answers. */
const SEARCH_LIMIT = 20;

/** Choose active people of the organization for a policy (named approvers, reassignees). */
export function PolicyPeoplePicker({
  legend,
  note,
  value,
  onChange,
  error,
  emptyChoice,
}: {
  legend: string;
  note?: React.ReactNode;
  value: ChosenPerson[];
  onChange: (people: ChosenPerson[]) => void;
  error?: string | null;
  emptyChoice?: string;
}) {
  const trpc = useTRPC();
  const search = useSettledSearch();
  const matches = useQuery({
    ...trpc.users.search.queryOptions({ search: search.search }),
    enabled: search.search !== "",
    placeholderData: (previous) => previous,
  });
  return (
    <PeopleMultiPicker
      legend={legend}
      note={note}
      search={search}
      people={matches.data}
      loading={matches.isPending}
      refreshing={matches.isPlaceholderData}
      problem={matches.error ? apiError(matches.error).message : null}
      limit={SEARCH_LIMIT}
      value={value}
      onChange={onChange}
      error={error}
      emptyChoice={emptyChoice}
    />
  );
}
