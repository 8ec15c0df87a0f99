"use client";

import { useState, useTransition } from "react";
import { parseAsString, useQueryStates } from "nuqs";
import { UserRoundSearch, X } from "lucide-react";
import { secondaryButton } from "~/components/ui/button";
import { URL_STATE } from "~/lib/url-state";
import { ChoosePersonDialog } from "~/components/ui/choose-person-dialog";
import { useActivePeople } from "./active-people.ts";
import {
  filterParams,
  ROLE_FILTERS,
  type DirectoryFilters,
  type RoleFilterId,
} from "./users-list.ts";

const selectClass =
  "rounded-md border border-zinc-300 bg-white py-1.5 pr-8 pl-2.5 text-sm text-zinc-800 shadow-xs focus:border-zinc-500 focus:outline-none";

/**
 * The directory's filters next to its search: role, manager (their direct reports) and
 * "Has no manager". Each change is a URL (shareable), keeping the status tab and the search.
 */
export function UsersFilters({
  filters,
  managerName,
}: {
  filters: DirectoryFilters;
  /** The name of the manager filtered by, when there is one. */
  managerName: string | null;
}) {
  const [picking, setPicking] = useState(false);
  const [, startTransition] = useTransition();
  // Each filter is its own URL parameter (nuqs), shown at once: a change sets the ones it
  // names and keeps the others (the status tab, the search, a filter changed a moment ago).
  const [params, setParams] = useQueryStates(
    { role: parseAsString, manager: parseAsString, nomanager: parseAsString },
    { ...URL_STATE, startTransition },
  );
  const role = ROLE_FILTERS.find((r) => r.id === params.role)?.id ?? null;
  const noManager = params.nomanager === "1" && !filters.managerId;
  const go = (next: Partial<DirectoryFilters>) => {
    const written = filterParams({ ...filters, ...next });
    // The controls show the change at once; the page follows in a transition (nuqs calls
    // the router in `startTransition`).
    void setParams({
      ...("role" in next ? { role: written.role ?? null } : {}),
      ...("managerId" in next ? { manager: written.manager ?? null } : {}),
      ...("noManager" in next ? { nomanager: written.nomanager ?? null } : {}),
    });
  };

  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
      <label className="flex items-center gap-2 text-sm text-zinc-600">
        Role
        <select
          value={role ?? ""}
          onChange={(e) => {
            go({ role: (e.target.value || null) as RoleFilterId | null });
          }}
          className={selectClass}
        >
          <option value="">Any role</option>
          {ROLE_FILTERS.map((r) => (
            <option key={r.id} value={r.id}>
              {r.label}
            </option>
          ))}
        </select>
      </label>
      {filters.managerId ? (
        <span className="inline-flex items-center gap-1 rounded-md border border-zinc-300 bg-white py-1 pr-1 pl-2.5 text-sm text-zinc-800 shadow-xs">
          Reports to {managerName ?? "someone"}
          <button
            type="button"
            onClick={() => go({ managerId: null })}
            aria-label="Clear manager filter"
            className="text-muted inline-flex size-6 items-center justify-center rounded hover:bg-zinc-100 hover:text-zinc-900"
          >
            <X className="size-3.5" aria-hidden />
          </button>
        </span>
      ) : (
        <button type="button" className={secondaryButton} onClick={() => setPicking(true)}>
          <UserRoundSearch className="size-4" aria-hidden /> Filter by manager
        </button>
      )}
      <label className="flex items-center gap-2 text-sm text-zinc-600">
        <input
          type="checkbox"
          checked={noManager}
          disabled={!!filters.managerId}
          onChange={(e) => {
            go({ noManager: e.target.checked });
          }}
          className="size-4 rounded border-zinc-300 accent-zinc-900"
        />
        Has no manager
      </label>
      {picking ? (
        <ChoosePersonDialog
          useCandidates={useActivePeople}
          title="Filter by manager"
          description="Show the people who report directly to this person."
          legend="Manager"
          submitLabel="Show their reports"
          pendingLabel="Showing…"
          required="Choose a manager."
          onOpenChange={setPicking}
          onChoose={async (person) => go({ managerId: person.id, noManager: false })}
        />
      ) : null}
    </div>
  );
}
