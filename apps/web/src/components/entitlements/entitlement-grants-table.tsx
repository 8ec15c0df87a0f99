"use client";

import Link from "next/link";
import { useSuspenseInfiniteQuery } from "@tanstack/react-query";
import { Info, KeyRound, SearchX } from "lucide-react";
import type { RouterOutputs } from "@lantern/api";
import {
  grantDateColumns,
  revocationColumn,
  revokeColumn,
} from "~/components/grants/grant-columns";
import { RevokeButton } from "~/components/grants/revoke-button";
import { PendingRevocation } from "~/components/grants/pending-revocation";
import { Badge } from "~/components/ui/badge";
import { EmptyState } from "~/components/ui/empty-state";
import { SearchInput } from "~/components/ui/search-input";
import { ShowMore } from "~/components/ui/show-more";
import { DataTable, TableFrame } from "~/components/ui/table";
import { formatCount } from "~/lib/format";
import { useUrlSearch } from "~/lib/use-url-search";
import { useTRPC } from "~/trpc/react";
import { entitlementGrantsInput } from "./grants-list.ts";
import { ACCOUNT_STATUS, ACCOUNT_TYPE_LABEL, PERSON_STATUS_LABEL } from "./labels.ts";

type Row = RouterOutputs["entitlements"]["grants"]["items"][number];
type Scope = RouterOutputs["entitlements"]["byId"]["viewerGrantsScope"];

function AccountCell({ row, appId }: { row: Row; appId: string }) {
  const { account } = row;
  const name = account.displayName ?? account.label;
  const secondary = [account.login, account.primaryEmail]
    .filter((v): v is string => !!v && v !== name)
    .filter((v, i, all) => all.indexOf(v) === i)
    .join(" · ");
  return (
    <div className="min-w-0">
      <Link
        href={`/apps/${appId}/accounts/${account.id}`}
        className="block truncate font-medium text-zinc-900 hover:underline"
      >
        {name}
      </Link>
      {secondary ? <p className="text-muted truncate text-xs">{secondary}</p> : null}
      {account.type !== "USER" || account.status !== "ACTIVE" ? (
        <p className="mt-1 flex flex-wrap gap-1">
          {account.type !== "USER" ? <Badge>{ACCOUNT_TYPE_LABEL[account.type]}</Badge> : null}
          {account.status !== "ACTIVE" ? (
            <Badge tone={ACCOUNT_STATUS[account.status].tone}>
              {ACCOUNT_STATUS[account.status].label}
            </Badge>
          ) : null}
        </p>
      ) : null}
    </div>
  );
}

function OwnerCell({ row }: { row: Row }) {
  if (!row.owner) {
    return (
      <span className="text-muted">
        {row.ownerSource === "CLEARED" ? "Owner cleared" : "No owner"}
      </span>
    );
  }
  return (
    <div className="min-w-0">
      <p className="truncate text-zinc-800">{row.owner.displayName}</p>
      <p className="text-muted truncate text-xs">{row.owner.email}</p>
      {row.owner.status !== "ACTIVE" ? (
        <Badge tone="red" className="mt-1">
          Owner {PERSON_STATUS_LABEL[row.owner.status].toLowerCase()}
        </Badge>
      ) : null}
    </div>
  );
}

/**
 * Says, above a Grants tab that lists only the viewer's own and their direct reports' accounts
 * (SPEC §8), that the list is partial and who sees every holder.
 */
function PartialListNote({
  entitlement,
  app,
  holderCount,
}: {
  entitlement: { displayName: string };
  app: { name: string };
  holderCount: number;
}) {
  return (
    <p
      role="note"
      className="flex items-start gap-2 rounded-lg border border-zinc-200 bg-zinc-50 px-4 py-3 text-sm text-zinc-700"
    >
      <Info className="text-muted mt-0.5 size-4 shrink-0" aria-hidden />
      <span>
        You see only the accounts you own and those of your direct reports
        {holderCount > 0
          ? ` (${formatCount(holderCount)} ${holderCount === 1 ? "account holds" : "accounts hold"} ${entitlement.displayName} in all)`
          : ""}
        . Super admins and the owners of {app.name} and of {entitlement.displayName} see every
        account that holds it.
      </span>
    </p>
  );
}

/**
 * The Grants tab's table: who holds the entitlement (as far as the viewer may see: `scope`),
 * search in the URL (`?q=`), keyset "Show more", a pending revocation per row, and Revoke.
 */
export function EntitlementGrantsTable({
  entitlement,
  app,
  scope,
  holderCount,
  initialSearch,
}: {
  entitlement: { id: string; displayName: string };
  app: { id: string; name: string };
  /** Which holders the API lists for the viewer (entitlements.byId's viewerGrantsScope). */
  scope: Scope;
  /** Every account holding it, whether listed or not. */
  holderCount: number;
  initialSearch: string;
}) {
  const trpc = useTRPC();
  const { input, setInput, search, isPending } = useUrlSearch(initialSearch);
  const query = useSuspenseInfiniteQuery(
    trpc.entitlements.grants.infiniteQueryOptions(entitlementGrantsInput(entitlement.id, search), {
      getNextPageParam: (page) => page.nextCursor,
    }),
  );
  const rows = query.data.pages.flatMap((p) => p.items);
  const partial = scope !== "ALL";
  const revokeTarget = (row: Row) => ({
    grantId: row.grantId,
    accountLabel: row.account.label,
    ownerName: row.owner?.displayName ?? null,
    entitlement,
    appName: app.name,
    refusal: row.revokeRefusal,
  });

  return (
    <div className="space-y-4">
      {partial ? (
        <PartialListNote entitlement={entitlement} app={app} holderCount={holderCount} />
      ) : null}
      <SearchInput
        value={input}
        onChange={setInput}
        label="Search accounts"
        placeholder="Search by login, email or name"
      />
      {rows.length === 0 ? (
        search ? (
          <EmptyState
            icon={<SearchX className="size-8" />}
            title={
              partial
                ? `No account of yours or your reports’ matches “${search}”`
                : `No account matches “${search}”`
            }
          >
            Search by account login, email address or name.
          </EmptyState>
        ) : partial ? (
          <EmptyState
            icon={<KeyRound className="size-8" />}
            title={`No account of yours or your reports’ holds ${entitlement.displayName}`}
          >
            Your accounts in {app.name}, and those of your direct reports, appear here when they are
            granted {entitlement.displayName}.
          </EmptyState>
        ) : (
          <EmptyState icon={<KeyRound className="size-8" />} title="Nobody holds this entitlement">
            Accounts appear here when they are granted {entitlement.displayName}, through a request
            or an import.
          </EmptyState>
        )
      ) : (
        <TableFrame pending={isPending}>
          <DataTable
            caption={`Accounts holding ${entitlement.displayName} in ${app.name}`}
            rows={rows}
            rowKey={(row) => row.grantId}
            columns={[
              {
                key: "account",
                header: "Account",
                cell: (row) => (
                  <>
                    <AccountCell row={row} appId={app.id} />
                    <div className="text-muted mt-1.5 text-xs md:hidden">
                      {row.owner ? `Owner: ${row.owner.displayName}` : "No owner"}
                    </div>
                    {row.pending ? (
                      <div className="mt-1.5 sm:hidden">
                        <PendingRevocation pending={row.pending} />
                      </div>
                    ) : (
                      <div className="mt-2 sm:hidden">
                        <RevokeButton target={revokeTarget(row)} />
                      </div>
                    )}
                  </>
                ),
              },
              {
                key: "owner",
                header: "Owner",
                from: "md",
                head: "w-[22%]",
                cell: (row) => <OwnerCell row={row} />,
              },
              ...grantDateColumns<Row>("lg", { granted: "w-32", expires: "w-28" }),
              revocationColumn("w-48", <span className="text-faint">—</span>),
              revokeColumn(revokeTarget),
            ]}
          />
          <ShowMore query={query} label="Show more accounts" />
        </TableFrame>
      )}
    </div>
  );
}
