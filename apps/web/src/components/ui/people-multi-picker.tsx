"use client";

import { useId } from "react";
import { X } from "lucide-react";
import { Avatar } from "~/components/ui/avatar";
import { Badge } from "~/components/ui/badge";
import { cn } from "~/lib/cn";
import { FieldError } from "./field.tsx";
import {
  PeopleSearch,
  PersonOption,
  type PickablePerson,
  type PickerProps,
} from "./people-picker.tsx";

export interface ChosenPerson extends PickablePerson {
  /** Shown as a badge when the person is no longer active (someone chosen earlier). */
  status?: "ACTIVE" | "SUSPENDED" | "DEPROVISIONED";
}

const STATUS_WORD = { SUSPENDED: "Suspended", DEPROVISIONED: "Deprovisioned" } as const;

/**
 * Pick several people: the chosen ones as removable chips, then a search whose matches are
 * checkboxes (checked: chosen). The server answers the first `limit` matches; the caller runs
 * the query (with `search.search`) and this shows it. Matches show only while searching.
 */
export function PeopleMultiPicker<P extends ChosenPerson>({
  legend,
  search,
  people,
  loading,
  refreshing,
  problem,
  note,
  limit,
  value,
  onChange,
  emptyChoice = "Nobody chosen yet.",
  error,
  disabled = false,
}: PickerProps<P> & {
  value: P[];
  onChange: (people: P[]) => void;
  /** Said when nobody is chosen. */
  emptyChoice?: string;
  disabled?: boolean;
}) {
  const id = useId();
  const list = people ?? [];
  const chosen = new Set(value.map((p) => p.id));
  const toggle = (person: P, on: boolean) =>
    onChange(on ? [...value, person] : value.filter((p) => p.id !== person.id));
  const searching = search.input.trim() !== "";
  return (
    <fieldset
      aria-describedby={
        [note ? `${id}-note` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") ||
        undefined
      }
      className="min-w-0"
      disabled={disabled}
    >
      <legend className="block text-sm font-medium text-zinc-800">{legend}</legend>
      {note ? (
        <p id={`${id}-note`} className="text-muted mt-0.5 text-xs">
          {note}
        </p>
      ) : null}
      {value.length === 0 ? (
        <p className="text-muted mt-2 text-sm">{emptyChoice}</p>
      ) : (
        <ul aria-label={`Chosen ${legend.toLowerCase()}`} className="mt-2 flex flex-wrap gap-1.5">
          {value.map((person) => (
            <li
              key={person.id}
              className="flex max-w-full min-w-0 items-center gap-1.5 rounded-full border border-zinc-200 bg-white py-0.5 pr-1 pl-0.5 text-sm text-zinc-800 shadow-xs"
              title={person.email}
            >
              <Avatar name={person.displayName} size="sm" />
              <span className="truncate">{person.displayName}</span>
              {person.status && person.status !== "ACTIVE" ? (
                <Badge tone="red">{STATUS_WORD[person.status]}</Badge>
              ) : null}
              <button
                type="button"
                onClick={() => toggle(person, false)}
                aria-label={`Remove ${person.displayName}`}
                className="text-faint rounded-full p-1 hover:bg-zinc-100 hover:text-zinc-700"
              >
                <X className="size-3.5" aria-hidden />
              </button>
            </li>
          ))}
        </ul>
      )}
      <PeopleSearch
        search={search}
        label={`Search people to add as ${legend.toLowerCase()}`}
        placeholder="Search people to add"
        aria-controls={`${id}-matches`}
        className="mt-2.5"
      />
      <div id={`${id}-matches`} aria-live="polite">
        {searching ? (
          <div
            aria-busy={loading || refreshing}
            className={cn(
              "mt-2 max-h-56 overflow-y-auto rounded-md border border-zinc-200",
              refreshing && "opacity-70",
            )}
          >
            {problem ? (
              <p role="alert" className="px-3 py-3 text-sm text-rose-700">
                {problem}
              </p>
            ) : loading || search.search !== search.input.trim() ? (
              <p className="text-muted px-3 py-3 text-sm">Searching…</p>
            ) : list.length === 0 ? (
              <p className="text-muted px-3 py-3 text-sm">Nobody matches “{search.search}”.</p>
            ) : (
              <ul aria-label="Matching people" className="divide-y divide-zinc-100">
                {list.map((person) => (
                  <li key={person.id}>
                    <PersonOption person={person}>
                      <input
                        type="checkbox"
                        checked={chosen.has(person.id)}
                        onChange={(e) => toggle(person, e.target.checked)}
                        className="size-4 shrink-0 accent-zinc-900"
                      />
                    </PersonOption>
                  </li>
                ))}
              </ul>
            )}
            {list.length === limit ? (
              <p className="text-muted border-t border-zinc-100 px-3 py-1.5 text-xs">
                Showing the first {limit} matches: type more to narrow the search.
              </p>
            ) : null}
          </div>
        ) : null}
      </div>
      <FieldError id={`${id}-error`} error={error} />
    </fieldset>
  );
}
