"use client";

import Link from "next/link";
import { useSuspenseInfiniteQuery } from "@tanstack/react-query";
import { Info } from "lucide-react";
import type { RouterOutputs } from "@lantern/api";
import { PendingRevocation } from "~/components/grants/pending-revocation";
import { grantDateColumns, revokeColumn } from "~/components/grants/grant-columns";
import { RevokeButton } from "~/components/grants/revoke-button";
import { ShowMore } from "~/components/ui/show-more";
import { DataTable } from "~/components/ui/table";
import { formatDate, plural } from "~/lib/format";
import { useTRPC } from "~/trpc/react";
import { accountGrantsInput } from "./account-details-labels.ts";

type Scope = RouterOutputs["accounts"]["byId"]["viewerGrantsScope"];
type Row = RouterOutputs["accounts"]["grants"]["items"][number];

/**
 * The entitlements an account holds now (SPEC §4.5): entitlement (with its pending revocation,
 * if any), granted and how, expires, Revoke. Keyset "Show more" for accounts with many. An
 * owner of some of its entitlements, not otherwise responsible for the account, sees only
 * those (`scope` OWNED_ENTITLEMENTS), and is told so.
 */
export function AccountGrantsTable({
  account,
  app,
  scope,
}: {
  account: { id: string; label: string; ownerName: string | null; liveGrantCount: number };
  app: { id: string; name: string };
  scope: Scope;
}) {
  const trpc = useTRPC();
  const query = useSuspenseInfiniteQuery(
    trpc.accounts.grants.infiniteQueryOptions(accountGrantsInput(account.id), {
      getNextPageParam: (page) => page.nextCursor,
    }),
  );
  const rows = query.data.pages.flatMap((p) => p.items);
  const revokeTarget = (row: Row) => ({
    grantId: row.grantId,
    accountLabel: account.label,
    ownerName: account.ownerName,
    entitlement: { id: row.entitlement.id, displayName: row.entitlement.displayName },
    appName: app.name,
    refusal: row.revokeRefusal,
  });
  const note =
    scope === "ALL" ? null : (
      <p
        role="note"
        className="flex items-start gap-2 border-b border-zinc-100 bg-zinc-50 px-5 py-3 text-sm text-zinc-700"
      >
        <Info className="text-muted mt-0.5 size-4 shrink-0" aria-hidden />
        <span>
          You see only the entitlements you own (it holds{" "}
          {plural(account.liveGrantCount, "entitlement")} in all). Super admins, the owners of{" "}
          {app.name}, the account&apos;s owner and their manager see every one.
        </span>
      </p>
    );
  if (rows.length === 0) {
    return (
      <>
        {note}
        <p className="text-muted px-5 py-4 text-sm">
          {scope === "ALL"
            ? `This account holds no entitlement in ${app.name} now.`
            : "This account holds none of your entitlements now."}
        </p>
      </>
    );
  }
  return (
    <>
      {note}
      <DataTable
        caption={`Entitlements ${account.label} holds`}
        edge={5}
        rows={rows}
        rowKey={(row) => row.grantId}
        columns={[
          {
            key: "entitlement",
            header: "Entitlement",
            cell: (row) => (
              <>
                <Link
                  href={`/apps/${app.id}/entitlements/${row.entitlement.id}`}
                  className="block font-medium break-words text-zinc-900 hover:underline"
                >
                  {row.entitlement.displayName}
                </Link>
                <p className="text-muted font-mono text-xs break-all">{row.entitlement.slug}</p>
                <p className="text-muted mt-1 text-xs md:hidden">
                  Granted {formatDate(row.grantedAt)}
                  {row.expiresAt ? ` · expires ${formatDate(row.expiresAt)}` : ""}
                </p>
                {row.pending ? (
                  <div className="mt-1.5">
                    <PendingRevocation pending={row.pending} />
                  </div>
                ) : null}
                {row.pending ? null : (
                  <div className="mt-2 sm:hidden">
                    <RevokeButton target={revokeTarget(row)} />
                  </div>
                )}
              </>
            ),
          },
          ...grantDateColumns<Row>("md", { granted: "w-32", expires: "w-28" }),
          revokeColumn(revokeTarget),
        ]}
      />
      <ShowMore query={query} label="Show more entitlements" />
    </>
  );
}
