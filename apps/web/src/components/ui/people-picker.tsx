"use client";

import { useEffect, useId, useState } from "react";
import { Search } from "lucide-react";
import { Avatar } from "~/components/ui/avatar";
import { fieldClass } from "~/components/ui/textarea";
import { cn } from "~/lib/cn";

export interface PickablePerson {
  id: string;
  displayName: string;
  email: string;
  title?: string | null;
}

/** Search text typed into a picker, settled after `ms` without typing. */
export function useSettledSearch(ms = 200) {
  const [input, setInput] = useState("");
  const [search, setSearch] = useState("");
  useEffect(() => {
    const handle = setTimeout(() => setSearch(input.trim()), ms);
    return () => clearTimeout(handle);
  }, [input, ms]);
  return { input, setInput, search };
}

/**
 * Pick one person from a searchable list (the server answers the first `limit` matches). A radio
 * group: arrow keys move between people. The caller runs the query; this shows it.
 */
export function PeoplePicker<P extends PickablePerson>({
  legend,
  search,
  people,
  loading,
  refreshing,
  problem,
  note,
  empty,
  limit,
  value,
  onChange,
  error,
  autoFocus = false,
}: {
  legend: string;
  search: ReturnType<typeof useSettledSearch>;
  /** Undefined while the first answer loads. */
  people: P[] | undefined;
  loading: boolean;
  /** A newer search is loading while the previous answer is shown. */
  refreshing: boolean;
  /** Why nobody can be listed (an error, a refusal). */
  problem?: string | null;
  /** A line under the search box. */
  note?: React.ReactNode;
  /** When nobody matches and nothing was searched. */
  empty: string;
  limit: number;
  value: P | null;
  onChange: (person: P) => void;
  error?: string | null;
  autoFocus?: boolean;
}) {
  const id = useId();
  const errorId = `${id}-error`;
  const list = people ?? [];
  return (
    <fieldset aria-describedby={error ? errorId : undefined} className="min-w-0">
      <legend className="mb-1.5 block text-sm font-medium text-zinc-800">{legend}</legend>
      <label className="relative block">
        <span className="sr-only">Search people by name or email</span>
        <Search
          className="text-faint pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2"
          aria-hidden
        />
        <input
          type="search"
          value={search.input}
          onChange={(e) => search.setInput(e.target.value)}
          placeholder="Search by name or email"
          maxLength={200}
          autoFocus={autoFocus}
          className={cn(fieldClass, "pl-9")}
        />
      </label>
      {note ? <p className="text-muted mt-1.5 text-xs">{note}</p> : null}
      <div
        role="radiogroup"
        aria-label="People"
        aria-busy={loading || refreshing}
        className={cn(
          "mt-2 max-h-56 overflow-y-auto rounded-md border border-zinc-200",
          error && "border-rose-300",
          refreshing && "opacity-70",
        )}
      >
        {problem ? (
          <p role="alert" className="px-3 py-3 text-sm text-rose-700">
            {problem}
          </p>
        ) : loading ? (
          <p className="text-muted px-3 py-3 text-sm">Loading people…</p>
        ) : list.length === 0 ? (
          <p className="text-muted px-3 py-3 text-sm">
            {search.search ? `Nobody matches “${search.search}”.` : empty}
          </p>
        ) : (
          <ul className="divide-y divide-zinc-100">
            {list.map((person) => {
              const selected = value?.id === person.id;
              return (
                <li key={person.id}>
                  <label
                    className={cn(
                      "flex cursor-pointer items-center gap-3 px-3 py-2 hover:bg-zinc-50",
                      selected && "bg-brand-50 hover:bg-brand-50",
                    )}
                  >
                    <input
                      type="radio"
                      name={`${id}-person`}
                      value={person.id}
                      checked={selected}
                      onChange={() => onChange(person)}
                      className="size-4 shrink-0 accent-zinc-900"
                    />
                    <Avatar name={person.displayName} size="sm" />
                    <span className="min-w-0 flex-1">
                      <span className="block truncate text-sm font-medium text-zinc-900">
                        {person.displayName}
                      </span>
                      <span className="text-muted block truncate text-xs">
                        {[person.title, person.email].filter(Boolean).join(" · ")}
                      </span>
                    </span>
                  </label>
                </li>
              );
            })}
          </ul>
        )}
      </div>
      {value && !list.some((p) => p.id === value.id) ? (
        <p className="mt-1.5 text-xs text-zinc-600">
          Chosen: <span className="font-medium text-zinc-900">{value.displayName}</span>
        </p>
      ) : null}
      {list.length === limit ? (
        <p className="text-muted mt-1.5 text-xs">
          Showing the first {limit} people: search to find someone else.
        </p>
      ) : null}
      {error ? (
        <p id={errorId} role="alert" className="mt-1.5 text-xs font-medium text-rose-700">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
