"use client";

import { useEffect, useId, useState } from "react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Search } from "lucide-react";
import type { RouterOutputs } from "@lantern/api";
import { Avatar } from "~/components/ui/avatar";
import { fieldClass } from "~/components/ui/textarea";
import { cn } from "~/lib/cn";
import { useTRPC } from "~/trpc/react";
import { actionError } from "./actions.ts";

export type Reassignee = RouterOutputs["tasks"]["reassignees"]["people"][number];

/**
 * Who a task can be reassigned to (`tasks.reassignees`: active people, the policy's list when
 * it has one, not the current assignees), searchable by name or email. A radio group: arrow
 * keys move between people.
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
  const id = useId();
  const [input, setInput] = useState("");
  const [search, setSearch] = useState("");
  useEffect(() => {
    const handle = setTimeout(() => setSearch(input.trim()), 200);
    return () => clearTimeout(handle);
  }, [input]);
  const query = useQuery({
    ...trpc.tasks.reassignees.queryOptions({ taskId, search: search || undefined }),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
  const people = query.data?.people ?? [];
  const errorId = `${id}-error`;

  return (
    <fieldset aria-describedby={error ? errorId : undefined} className="min-w-0">
      <legend className="mb-1.5 block text-sm font-medium text-zinc-800">New assignee</legend>
      <label className="relative block">
        <span className="sr-only">Search people by name or email</span>
        <Search
          className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-zinc-400"
          aria-hidden
        />
        <input
          type="search"
          value={input}
          onChange={(e) => setInput(e.target.value)}
          placeholder="Search by name or email"
          maxLength={200}
          autoFocus={autoFocus}
          className={cn(fieldClass, "pl-9")}
        />
      </label>
      {query.data?.restricted ? (
        <p className="mt-1.5 text-xs text-zinc-500">
          This task’s policy allows only the people listed here.
        </p>
      ) : null}
      <div
        role="radiogroup"
        aria-label="People"
        aria-busy={query.isFetching}
        className={cn(
          "mt-2 max-h-56 overflow-y-auto rounded-md border border-zinc-200",
          error && "border-rose-300",
          query.isFetching && query.isPlaceholderData && "opacity-70",
        )}
      >
        {query.isError ? (
          <p role="alert" className="px-3 py-3 text-sm text-rose-700">
            {actionError(query.error).message}
          </p>
        ) : query.isPending ? (
          <p className="px-3 py-3 text-sm text-zinc-500">Loading people…</p>
        ) : query.data.blockedReason ? (
          <p role="alert" className="px-3 py-3 text-sm text-rose-700">
            {query.data.blockedReason}
          </p>
        ) : people.length === 0 ? (
          <p className="px-3 py-3 text-sm text-zinc-500">
            {search ? `Nobody matches “${search}”.` : "Nobody else can take this task."}
          </p>
        ) : (
          <ul className="divide-y divide-zinc-100">
            {people.map((person) => {
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
                      <span className="block truncate text-xs text-zinc-500">
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
      {value && !people.some((p) => p.id === value.id) ? (
        <p className="mt-1.5 text-xs text-zinc-600">
          Chosen: <span className="font-medium text-zinc-900">{value.displayName}</span>
        </p>
      ) : null}
      {people.length === 20 ? (
        <p className="mt-1.5 text-xs text-zinc-500">
          Showing the first 20 people: search to find someone else.
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
