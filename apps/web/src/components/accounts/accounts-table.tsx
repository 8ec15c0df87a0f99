"use client";

import { useDeferredValue, useMemo } from "react";
import Link from "next/link";
import { parseAsString, useQueryStates } from "nuqs";
import { useQuery, useSuspenseInfiniteQuery } from "@tanstack/react-query";
import { Download, KeyRound, SearchX } from "lucide-react";
import { Badge } from "~/components/ui/badge";
import { secondaryButton } from "~/components/ui/button";
import { EmptyState } from "~/components/ui/empty-state";
import { SearchInput } from "~/components/ui/search-input";
import { ShowMore } from "~/components/ui/show-more";
import { DataTable, srOnly, TableFrame } from "~/components/ui/table";
import { Time } from "~/components/tasks/time";
import { distinctFacts, plural } from "~/lib/format";
import { CLIENT_URL_STATE } from "~/lib/url-state";
import { useUrlSearch } from "~/lib/use-url-search";
import { useTRPC } from "~/trpc/react";
import { AccountActionsMenu } from "./account-actions-menu.tsx";
import { AccountOwner } from "./account-owner.tsx";
import {
  accountsInput,
  countInput,
  exportHref,
  filterParams,
  isFiltered,
  parseAccountFilters,
  knownCount,
  OWNER_OPTIONS,
  SORT_OPTIONS,
  STATUS_OPTIONS,
  TYPE_LABEL,
  TYPE_OPTIONS,
  type AccountFigures,
  type AccountFilters,
  type AccountListRow,
} from "./accounts-list.ts";

const STATUS_BADGE = {
  ACTIVE: { label: "Active", tone: "green" },
  DISABLED: { label: "Disabled", tone: "neutral" },
  DELETED: { label: "Deleted", tone: "red" },
} as const;

const selectClass =
  "rounded-md border border-zinc-300 bg-white py-1.5 pr-8 pl-2.5 text-sm text-zinc-800 shadow-xs focus:border-zinc-500 focus:outline-none";

function FilterSelect<T extends string>({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: T | undefined;
  options: Array<{ value: T | undefined; label: string }>;
  onChange: (value: T | undefined) => void;
}) {
  return (
    <label className="flex min-w-0 items-center gap-2 text-sm text-zinc-600">
      <span className="sr-only sm:not-sr-only">{label}</span>
      <select
        aria-label={label}
        value={value ?? ""}
        onChange={(e) => onChange((e.target.value || undefined) as T | undefined)}
        className={`${selectClass} w-full min-w-0 sm:w-auto`}
      >
        {options.map((o) => (
          <option key={o.value ?? ""} value={o.value ?? ""}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The row's account: its name (a link to its page), login and email, external id. */
function AccountCell({ appId, account }: { appId: string; account: AccountListRow }) {
  const secondary = distinctFacts([account.login, account.email], [account.name]).join(" · ");
  return (
    <div className="min-w-0">
      <Link
        href={`/apps/${appId}/accounts/${account.id}`}
        className="block truncate font-medium text-zinc-900 hover:underline"
      >
        {account.name}
      </Link>
      {secondary ? (
        <p className="truncate text-xs text-zinc-600" title={account.emails.join(", ")}>
          {secondary}
          {account.emails.length > 1 ? (
            <span className="text-faint"> +{account.emails.length - 1}</span>
          ) : null}
        </p>
      ) : null}
      <p className="text-faint truncate font-mono text-[11px]" title="External ID">
        {account.externalId}
      </p>
      {/* Small screens: status, type and last login under the name. */}
      <p className="text-muted mt-1 flex flex-wrap items-center gap-1.5 text-xs md:hidden">
        {account.status !== "ACTIVE" ? (
          <Badge tone={STATUS_BADGE[account.status].tone}>
            {STATUS_BADGE[account.status].label}
          </Badge>
        ) : null}
        {account.type !== "USER" ? <Badge>{TYPE_LABEL[account.type]}</Badge> : null}
        <span>
          {account.lastLoginAt ? (
            <>
              Last login <Time at={account.lastLoginAt} relative />
            </>
          ) : (
            "No usage data"
          )}
        </span>
      </p>
    </div>
  );
}

/**
 * The Accounts tab (SPEC §4.1): search and filters (kept in the URL), the table with each
 * account's owner and how it was set, "Show more" (keyset pages), the CSV export of the list
 * as filtered, and each row's … menu for those who manage the app.
 */
export function AccountsTable({
  appId,
  appName,
  initialFilters,
  figures,
  canManage,
}: {
  appId: string;
  appName: string;
  initialFilters: AccountFilters;
  figures: AccountFigures;
  canManage: boolean;
}) {
  const trpc = useTRPC();
  // Each filter is its own URL parameter (nuqs): a change sets that one alone, so two made
  // in the same moment both stick (none is written from a copy of the others).
  const [params, setParams] = useQueryStates(
    { status: parseAsString, type: parseAsString, owner: parseAsString, sort: parseAsString },
    CLIENT_URL_STATE,
  );
  const choice = parseAccountFilters({
    status: params.status ?? undefined,
    type: params.type ?? undefined,
    owner: params.owner ?? undefined,
    sort: params.sort ?? undefined,
  });
  const { input, setInput, search, isPending } = useUrlSearch(initialFilters.q);
  const filters: AccountFilters = useMemo(
    () => ({
      status: choice.status,
      type: choice.type,
      owner: choice.owner,
      sort: choice.sort,
      q: search,
    }),
    [choice.status, choice.type, choice.owner, choice.sort, search],
  );
  // The rows (and the count) follow the filters once their data is there.
  const shown = useDeferredValue(filters);
  const changing = shown !== filters;
  const change = (next: Partial<Omit<AccountFilters, "q">>) => {
    const written = filterParams({ ...choice, ...next, q: "" });
    const update: Partial<Record<keyof typeof params, string | null>> = {};
    for (const key of Object.keys(next) as Array<keyof typeof params>) {
      update[key] = written[key] ?? null;
    }
    void setParams(update);
  };

  const clear = () => {
    setInput("");
    change({ status: undefined, type: undefined, owner: undefined });
  };

  const query = useSuspenseInfiniteQuery(
    trpc.accounts.list.infiniteQueryOptions(accountsInput(appId, shown), {
      getNextPageParam: (page) => page.nextCursor,
    }),
  );
  const rows = query.data.pages.flatMap((p) => p.items);
  // The app's figures say it at once for the simplest filters; any other is counted.
  const known = knownCount(shown, figures);
  const counted = useQuery({
    ...trpc.accounts.count.queryOptions(countInput(appId, shown)),
    enabled: known === null,
  });
  const total = known ?? counted.data?.count ?? null;
  const filtered = isFiltered(filters);

  return (
    <div className="space-y-4">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-center">
        <SearchInput
          value={input}
          onChange={setInput}
          label="Search accounts"
          placeholder="Search by login, email or name"
        />
        <div className="flex items-center justify-between gap-3 sm:ml-auto">
          {total !== null ? (
            <p className="text-muted text-sm" aria-live="polite">
              {filtered
                ? `${plural(total, "account")} ${total === 1 ? "matches" : "match"}`
                : plural(total, "account")}
            </p>
          ) : null}
          <a href={exportHref(appId, filters)} download className={`${secondaryButton} shrink-0`}>
            <Download className="size-4" aria-hidden /> Export CSV
          </a>
        </div>
      </div>
      <div className="grid grid-cols-2 gap-2 sm:flex sm:flex-wrap sm:items-center sm:gap-x-4 sm:gap-y-2">
        <FilterSelect
          label="Status"
          value={choice.status}
          options={STATUS_OPTIONS}
          onChange={(status) => change({ status })}
        />
        <FilterSelect
          label="Type"
          value={choice.type}
          options={TYPE_OPTIONS}
          onChange={(type) => change({ type })}
        />
        <FilterSelect
          label="Owner"
          value={choice.owner}
          options={OWNER_OPTIONS}
          onChange={(owner) => change({ owner })}
        />
        <FilterSelect
          label="Sort"
          value={choice.sort}
          options={SORT_OPTIONS}
          onChange={(sort) => change({ sort: sort ?? "name" })}
        />
      </div>

      {rows.length === 0 ? (
        filtered ? (
          <EmptyState icon={<SearchX className="size-8" />} title="No accounts match">
            {search
              ? `Nothing in ${appName} matches “${search}”${choice.status || choice.type || choice.owner ? " with these filters" : ""}. `
              : null}
            Search by login, any email address or name, or{" "}
            <button
              type="button"
              onClick={clear}
              className="font-medium text-zinc-800 underline hover:text-zinc-950"
            >
              clear the filters
            </button>
            .
          </EmptyState>
        ) : (
          <EmptyState
            icon={<KeyRound className="size-8" />}
            title={`${appName} has no accounts yet`}
          >
            Accounts appear here once they are imported from the app or a file.
          </EmptyState>
        )
      ) : (
        <TableFrame pending={isPending || changing}>
          <DataTable
            rows={rows}
            rowKey={(account) => account.id}
            rowProps={(account) => ({ "data-account": account.id })}
            columns={[
              {
                key: "account",
                header: "Account",
                cell: (account) => <AccountCell appId={appId} account={account} />,
              },
              {
                key: "status",
                header: "Status",
                from: "md",
                head: "w-24",
                cell: (account) => (
                  <Badge tone={STATUS_BADGE[account.status].tone}>
                    {STATUS_BADGE[account.status].label}
                  </Badge>
                ),
              },
              {
                key: "type",
                header: "Type",
                from: "md",
                head: "w-36",
                cell: (account) => (
                  <>
                    <span className="block text-zinc-800">{TYPE_LABEL[account.type]}</span>
                    {account.typeSource === "MANUAL" ? (
                      <span className="text-muted block text-xs">set manually</span>
                    ) : null}
                  </>
                ),
              },
              {
                key: "owner",
                header: "Owner",
                head: "w-[44%] md:w-[30%]",
                cell: (account) => <AccountOwner account={account} />,
              },
              {
                key: "last-login",
                header: "Last login",
                from: "lg",
                head: "w-32",
                body: "text-zinc-700",
                cell: (account) =>
                  account.lastLoginAt ? (
                    <Time at={account.lastLoginAt} relative />
                  ) : (
                    <span className="text-muted">No usage data</span>
                  ),
              },
              canManage && {
                key: "actions",
                header: srOnly("Actions"),
                head: "w-12",
                body: "text-right py-2",
                cell: (account) => (
                  <AccountActionsMenu
                    appId={appId}
                    account={{
                      id: account.id,
                      name: account.name,
                      status: account.status,
                      ownerSource: account.ownerSource,
                      owner: account.owner,
                      matchedOwner:
                        account.evidence.matchedOwner ??
                        (account.ownerSource === "MATCHED" ? account.owner : null),
                      type: account.type,
                    }}
                  />
                ),
              },
            ]}
          />
          <ShowMore query={query} label="Show more accounts" />
        </TableFrame>
      )}
    </div>
  );
}
