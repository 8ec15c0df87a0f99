"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { X } from "lucide-react";
import { actionError } from "~/components/tasks/actions";
import { PeoplePicker, useSettledSearch, type PickablePerson } from "~/components/ui/people-picker";
import { PersonLabel } from "~/components/ui/people";
import { useTRPC } from "~/trpc/react";

/**
 * An entitlement's owners: the people chosen, each with Remove, and a search of the active
 * people of the organization to add one (the same list as Set account owner, for the app's
 * managers).
 */
export function OwnersField({
  appId,
  value,
  onChange,
  disabled,
  error,
}: {
  appId: string;
  value: PickablePerson[];
  onChange: (owners: PickablePerson[]) => void;
  disabled?: boolean;
  error?: string | null;
}) {
  const trpc = useTRPC();
  const search = useSettledSearch();
  const query = useQuery({
    ...trpc.accounts.ownerCandidates.queryOptions({ appId, search: search.search || undefined }),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
  const chosen = new Set(value.map((p) => p.id));
  return (
    <fieldset className="min-w-0" disabled={disabled}>
      <legend className="mb-1.5 block text-sm font-medium text-zinc-800">Owners</legend>
      <p className="mb-2 text-xs text-zinc-500">
        They may revoke any grant of this entitlement, and approve when a policy says so.
      </p>
      {value.length === 0 ? (
        <p className="mb-3 text-sm text-zinc-500">No owner yet.</p>
      ) : (
        <ul
          aria-label="Chosen owners"
          className="mb-3 divide-y divide-zinc-100 rounded-md border border-zinc-200"
        >
          {value.map((person) => (
            <li key={person.id} className="flex items-center justify-between gap-3 px-3 py-2">
              <PersonLabel person={person} />
              <button
                type="button"
                onClick={() => onChange(value.filter((p) => p.id !== person.id))}
                className="inline-flex size-7 shrink-0 items-center justify-center rounded-md text-zinc-400 hover:bg-zinc-100 hover:text-zinc-700"
                aria-label={`Remove ${person.displayName}`}
                title={`Remove ${person.displayName}`}
              >
                <X className="size-4" aria-hidden />
              </button>
            </li>
          ))}
        </ul>
      )}
      <PeoplePicker
        legend="Add an owner"
        search={search}
        people={query.data?.filter((p) => !chosen.has(p.id))}
        loading={query.isPending}
        refreshing={query.isFetching && query.isPlaceholderData}
        problem={query.isError ? actionError(query.error).message : null}
        note="Active people of your organization."
        empty="Nobody else active to choose."
        limit={20}
        value={null}
        onChange={(person) => onChange([...value, person])}
        error={error}
      />
    </fieldset>
  );
}
