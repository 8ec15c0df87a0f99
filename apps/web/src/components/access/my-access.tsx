"use client";

import Link from "next/link";
import { useSuspenseInfiniteQuery } from "@tanstack/react-query";
import { Clock, KeyRound, Plus } from "lucide-react";
import type { RouterOutputs } from "@lantern/api";
import { ACCOUNT_STATUS, ACCOUNT_TYPE_LABEL } from "~/components/entitlements/labels";
import { grantDateColumns, revocationColumn } from "~/components/grants/grant-columns";
import { PendingRevocation } from "~/components/grants/pending-revocation";
import { durationLabel, REQUEST_STATE, taskKindLabel } from "~/components/requests/request-state";
import { AppIcon } from "~/components/ui/app-icon";
import { Badge } from "~/components/ui/badge";
import { primaryButton, secondaryButton } from "~/components/ui/button";
import { EmptyState } from "~/components/ui/empty-state";
import { ShowMore } from "~/components/ui/show-more";
import { DataTable } from "~/components/ui/table";
import { cn } from "~/lib/cn";
import { formatDate, plural } from "~/lib/format";
import { useTRPC } from "~/trpc/react";
import { myAccessInput } from "./my-access-input.ts";

type Access = RouterOutputs["me"]["access"];
type Account = Access["items"][number];
type PendingRequest = Account["requests"][number];
type Grant = Account["grants"][number];

/** Request access, prefilled with the app when there is one. */
const requestHref = (appId?: string) =>
  appId ? `/my-requests/new?app=${encodeURIComponent(appId)}` : "/my-requests/new";

/** "#1042 · Approval, waiting for Hannah Okafor" — a link: the viewer's own access's task. */
function TaskLine({ request }: { request: PendingRequest }) {
  const { task } = request;
  if (!task) {
    return <span className="text-xs text-zinc-600">Being granted by the connector</span>;
  }
  const waiting = task.waitingFor.length > 0 ? `, waiting for ${task.waitingFor.join(", ")}` : "";
  return (
    <span className="text-xs text-zinc-600">
      <Link href={`/tasks/${task.number}`} className="font-medium text-zinc-900 hover:underline">
        Task #{task.number}
      </Link>
      {` · ${taskKindLabel(task.kind)}${waiting}`}
    </span>
  );
}

/** One request on its way: the entitlement, its state, its task and when it was asked. */
function RequestItem({ request, app }: { request: PendingRequest; app?: string }) {
  const state = REQUEST_STATE[request.state];
  return (
    <li className="flex flex-wrap items-start gap-x-3 gap-y-1 px-5 py-3">
      <Clock className="text-muted mt-0.5 size-4 shrink-0" aria-hidden />
      <div className="min-w-0 flex-1">
        <p className="text-sm font-medium text-zinc-900">
          {request.entitlement.displayName}
          {app ? <span className="font-normal text-zinc-600"> in {app}</span> : null}
        </p>
        <p className="mt-0.5 flex flex-wrap items-center gap-x-2 gap-y-1">
          <TaskLine request={request} />
        </p>
        <p className="text-muted mt-0.5 text-xs">
          Asked {formatDate(request.requestedAt)} ·{" "}
          {request.durationDays === null
            ? "until revoked"
            : `for ${durationLabel(request.durationDays)}`}
        </p>
      </div>
      <Badge tone={state.tone}>{state.label}</Badge>
    </li>
  );
}

function GrantsTable({ account }: { account: Account }) {
  if (account.grants.length === 0) {
    return (
      <p className="px-5 py-4 text-sm text-zinc-600">
        This account holds no entitlement in {account.app.name} now.
      </p>
    );
  }
  return (
    <DataTable
      caption={`What ${account.label} can do in ${account.app.name}`}
      edge={5}
      rowClassName=""
      rows={account.grants}
      rowKey={(grant) => grant.grantId}
      columns={[
        {
          key: "entitlement",
          header: "Entitlement",
          cell: (grant) => (
            <>
              <Link
                href={`/apps/${account.app.id}/entitlements/${grant.entitlement.id}`}
                className="block font-medium break-words text-zinc-900 hover:underline"
              >
                {grant.entitlement.displayName}
              </Link>
              <p className="font-mono text-xs break-all text-zinc-600">{grant.entitlement.slug}</p>
              <p className="mt-1 text-xs text-zinc-600 md:hidden">
                Granted {formatDate(grant.grantedAt)}
                {grant.expiresAt ? ` · expires ${formatDate(grant.expiresAt)}` : " · no expiry"}
              </p>
              {grant.pending ? (
                <div className="mt-1.5 sm:hidden">
                  <PendingRevocation pending={grant.pending} />
                </div>
              ) : null}
            </>
          ),
        },
        ...grantDateColumns<Grant>("md", { granted: "w-36", expires: "w-32" }),
        revocationColumn("w-56", <span className="text-muted">None</span>),
      ]}
    />
  );
}

/** One account: its app, its name and state, what it holds now and what is on its way. */
function AccountCard({ account }: { account: Account }) {
  const status = ACCOUNT_STATUS[account.status];
  // The login or address the app knows it by (the name is the viewer's own: not repeated).
  const secondary = [account.login, account.primaryEmail]
    .filter((v): v is string => !!v && v !== account.label)
    .filter((v, i, all) => all.indexOf(v) === i)
    .join(" · ");
  const more = account.liveGrantCount - account.grants.length;
  return (
    <section
      id={account.anchor}
      aria-label={`${account.app.name} account ${account.label}`}
      className="target:ring-brand-400 scroll-mt-20 overflow-hidden rounded-xl border border-zinc-200 bg-white shadow-xs target:ring-2"
    >
      <div className="flex flex-wrap items-start justify-between gap-3 border-b border-zinc-100 px-5 py-3.5">
        <div className="flex min-w-0 items-start gap-3">
          <AppIcon name={account.app.name} size="md" />
          <div className="min-w-0">
            <h2 className="text-sm font-semibold text-zinc-900">
              <Link href={`/apps/${account.app.id}`} className="hover:underline">
                {account.app.name}
              </Link>
              <span className="text-muted px-1.5 font-normal" aria-hidden>
                ·
              </span>
              <span className="sr-only"> account </span>
              <Link
                href={`/apps/${account.app.id}/accounts/${account.id}`}
                className="font-mono font-normal break-all text-zinc-800 hover:underline"
              >
                {account.label}
              </Link>
            </h2>
            <p className="mt-1 flex flex-wrap items-center gap-1.5 text-xs text-zinc-600">
              <Badge tone={status.tone}>{status.label}</Badge>
              {account.type !== "USER" ? <Badge>{ACCOUNT_TYPE_LABEL[account.type]}</Badge> : null}
              <span>{plural(account.liveGrantCount, "entitlement")}</span>
              <span aria-hidden>·</span>
              <span>
                {account.lastLoginAt
                  ? `last login ${formatDate(account.lastLoginAt)}`
                  : "no usage data"}
              </span>
            </p>
            {secondary ? (
              <p className="mt-0.5 truncate text-xs text-zinc-600" title={secondary}>
                {secondary}
              </p>
            ) : null}
          </div>
        </div>
        <Link
          href={requestHref(account.app.id)}
          className={cn(secondaryButton, "shrink-0")}
          aria-label={`Request access in ${account.app.name}`}
        >
          <Plus className="size-4" aria-hidden />
          Request access
        </Link>
      </div>
      {account.status !== "ACTIVE" ? (
        <p className="border-b border-zinc-100 bg-zinc-50 px-5 py-2.5 text-sm text-zinc-700">
          {account.status === "DELETED"
            ? `This account was deleted in ${account.app.name}.`
            : `This account is disabled in ${account.app.name}: it cannot be used until the app's owners enable it.`}
        </p>
      ) : null}
      <GrantsTable account={account} />
      {more > 0 ? (
        <p className="border-t border-zinc-100 px-5 py-3 text-sm text-zinc-700">
          {plural(more, "more entitlement")} on{" "}
          <Link
            href={`/apps/${account.app.id}/accounts/${account.id}`}
            className="font-medium underline underline-offset-2"
          >
            the account&apos;s page
          </Link>
          .
        </p>
      ) : null}
      {account.requests.length > 0 ? (
        <div className="border-t border-zinc-100">
          <h3 className="px-5 pt-3 text-xs font-semibold tracking-wide text-zinc-600 uppercase">
            On its way
          </h3>
          <ul className="divide-y divide-zinc-100">
            {account.requests.map((r) => (
              <RequestItem key={r.id} request={r} />
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}

/**
 * My access (issue 14): every account the viewer owns across the organization's apps — what it
 * holds now (source, granted, expires, a revocation in flight) and the requests on their way —
 * with Request access per app. Each account is a section with a stable id (`account-<id>`) that
 * access reviews and expiry notices link to.
 */
export function MyAccess() {
  const trpc = useTRPC();
  const query = useSuspenseInfiniteQuery(
    trpc.me.access.infiniteQueryOptions(myAccessInput, {
      getNextPageParam: (page) => page.nextCursor,
    }),
  );
  const accounts = query.data.pages.flatMap((p) => p.items);
  const withoutAccount = query.data.pages[0]?.withoutAccount ?? [];

  if (accounts.length === 0 && withoutAccount.length === 0) {
    return (
      <EmptyState
        icon={<KeyRound className="size-8" />}
        title="You have no accounts in your organization's apps yet"
      >
        <p>
          An account appears here when an app&apos;s import or connector finds one with your email
          address, or when access you asked for is set up. Need an app, a role or a license? Ask for
          it.
        </p>
        <Link href={requestHref()} className={cn(primaryButton, "mt-5")}>
          <Plus className="size-4" aria-hidden />
          Request access
        </Link>
      </EmptyState>
    );
  }

  return (
    <div className="space-y-6">
      {withoutAccount.length > 0 ? (
        <section
          aria-labelledby="my-access-waiting"
          className="overflow-hidden rounded-xl border border-zinc-200 bg-white shadow-xs"
        >
          <div className="border-b border-zinc-100 px-5 py-3.5">
            <h2 id="my-access-waiting" className="text-sm font-semibold text-zinc-900">
              Asked for, in apps where you have no account yet
            </h2>
            <p className="mt-0.5 text-xs text-zinc-600">
              The account is created for you when the access is set up.
            </p>
          </div>
          <ul className="divide-y divide-zinc-100">
            {withoutAccount.map((r) => (
              <RequestItem key={r.id} request={r} app={r.app.name} />
            ))}
          </ul>
        </section>
      ) : null}
      {accounts.length === 0 ? (
        <p className="text-sm text-zinc-600">
          You have no accounts yet: they appear here once the access you asked for is set up.
        </p>
      ) : (
        accounts.map((account) => <AccountCard key={account.id} account={account} />)
      )}
      {query.hasNextPage ? (
        <div className="rounded-xl border border-zinc-200 bg-white">
          <ShowMore query={query} label="Show more accounts" />
        </div>
      ) : null}
    </div>
  );
}
