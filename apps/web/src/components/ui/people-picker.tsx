"use client";

import { useEffect, useId, useState } from "react";
import { Search } from "lucide-react";
import { Avatar } from "~/components/ui/avatar";
import { fieldClass } from "~/components/ui/textarea";
import { FieldError } from "./field.tsx";
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

/** What both people pickers are given: the search, the caller's answer to it, and the field's words. */
export interface PickerProps<P> {
  legend: string;
  search: ReturnType<typeof useSettledSearch>;
  /** The matches of `search.search`; undefined while the first answer loads. */
  people: P[] | undefined;
  loading: boolean;
  /** A newer search is loading while the previous answer is shown. */
  refreshing: boolean;
  /** Why nobody can be listed (an error, a refusal). */
  problem?: string | null;
  /** A line under the search box (one picker) or the legend (several). */
  note?: React.ReactNode;
  /** The server answers this many matches at most. */
  limit: number;
  error?: string | null;
}

/** A people picker's search box (a search icon inside): its text is `search`'s input. */
export function PeopleSearch({
  search,
  label,
  className,
  ...input
}: {
  search: ReturnType<typeof useSettledSearch>;
  /** For screen readers. */
  label: string;
  className?: string;
} & Pick<
  React.InputHTMLAttributes<HTMLInputElement>,
  "placeholder" | "autoFocus" | "aria-controls"
>) {
  return (
    <label className={cn("relative block", className)}>
      <span className="sr-only">{label}</span>
      <Search
        className="text-faint pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2"
        aria-hidden
      />
      <input
        type="search"
        value={search.input}
        onChange={(e) => search.setInput(e.target.value)}
        maxLength={200}
        {...input}
        className={cn(fieldClass, "pl-9")}
      />
    </label>
  );
}

/** One person in a picker's list: `children` (its radio or checkbox), avatar, name, title and email. */
export function PersonOption({
  person,
  selected = false,
  children,
}: {
  person: PickablePerson;
  selected?: boolean;
  children: React.ReactNode;
}) {
  return (
    <label
      className={cn(
        "flex cursor-pointer items-center gap-3 px-3 py-2 hover:bg-zinc-50",
        selected && "bg-brand-50 hover:bg-brand-50",
      )}
    >
      {children}
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
  );
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
}: PickerProps<P> & {
  /** When nobody matches and nothing was searched. */
  empty: string;
  value: P | null;
  onChange: (person: P) => void;
  autoFocus?: boolean;
}) {
  const id = useId();
  const errorId = `${id}-error`;
  const list = people ?? [];
  return (
    <fieldset aria-describedby={error ? errorId : undefined} className="min-w-0">
      <legend className="mb-1.5 block text-sm font-medium text-zinc-800">{legend}</legend>
      <PeopleSearch
        search={search}
        label="Search people by name or email"
        placeholder="Search by name or email"
        autoFocus={autoFocus}
      />
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
                  <PersonOption person={person} selected={selected}>
                    <input
                      type="radio"
                      name={`${id}-person`}
                      value={person.id}
                      checked={selected}
                      onChange={() => onChange(person)}
                      className="size-4 shrink-0 accent-zinc-900"
                    />
                  </PersonOption>
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
      <FieldError id={errorId} error={error} />
    </fieldset>
  );
}
