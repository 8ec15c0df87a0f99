import type { Metadata } from "next";
import Link from "next/link";
import { ChevronRight, ShieldAlert, TriangleAlert } from "lucide-react";
import { AccountActionsMenu } from "~/components/accounts/account-actions-menu";
import { AccountGrantsTable } from "~/components/accounts/account-details-grants";
import {
  accountGrantsInput,
  accountName,
  matchedDiffers,
  ownerEvidence,
  type AccountDetails,
} from "~/components/accounts/account-details-labels";
import { AccountProfile } from "~/components/accounts/account-details-profile";
import {
  ACCOUNT_STATUS,
  ACCOUNT_TYPE_LABEL,
  PERSON_STATUS_LABEL,
} from "~/components/entitlements/labels";
import { Badge } from "~/components/ui/badge";
import { primaryButton } from "~/components/ui/button";
import { Notice } from "~/components/ui/notice";
import { PageHeader } from "~/components/ui/page-header";
import { PersonLabel } from "~/components/ui/people";
import { Section } from "~/components/ui/section";
import { distinctFacts, formatAgo, formatDate, formatDateTime, plural } from "~/lib/format";
import { loadAccountDetails } from "~/server/account-details";
import { loadApp } from "~/server/apps";
import { HydrateClient, prefetch, trpc } from "~/trpc/server";

type Params = Promise<{ appId: string; accountId: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { appId, accountId } = await params;
  const { account } = await loadAccountDetails(appId, accountId);
  const app = await loadApp(appId);
  return { title: account ? `${accountName(account)} · ${app.name}` : `Account · ${app.name}` };
}

/** Applications › app › Accounts (for those who may open that tab) › this account. */
function Breadcrumb({
  app,
  current,
}: {
  app: { id: string; name: string; viewerCanViewAccounts: boolean };
  current: string;
}) {
  return (
    <nav
      aria-label="Breadcrumb"
      className="text-muted -mt-2 mb-4 flex flex-wrap items-center gap-1 text-xs"
    >
      <Link href="/apps" className="hover:text-zinc-800 hover:underline">
        Applications
      </Link>
      <ChevronRight className="size-3" aria-hidden />
      <Link href={`/apps/${app.id}`} className="hover:text-zinc-800 hover:underline">
        {app.name}
      </Link>
      {app.viewerCanViewAccounts ? (
        <>
          <ChevronRight className="size-3" aria-hidden />
          <Link href={`/apps/${app.id}/accounts`} className="hover:text-zinc-800 hover:underline">
            Accounts
          </Link>
        </>
      ) : null}
      <ChevronRight className="size-3" aria-hidden />
      <span className="max-w-[16rem] truncate text-zinc-700" aria-current="page">
        {current}
      </span>
    </nav>
  );
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-muted text-xs">{label}</dt>
      <dd className="mt-0.5 text-sm text-zinc-900">{children}</dd>
    </div>
  );
}

function OwnerFact({ account }: { account: AccountDetails }) {
  const { owner } = account;
  return (
    <>
      {owner ? (
        <span className="flex flex-wrap items-center gap-x-2 gap-y-1">
          <span className="truncate font-medium">{owner.displayName}</span>
          {owner.status !== "ACTIVE" ? (
            <Badge tone="red">{PERSON_STATUS_LABEL[owner.status]}</Badge>
          ) : null}
        </span>
      ) : (
        <span className="text-muted">No owner</span>
      )}
      <span className="text-muted mt-0.5 block text-xs">
        {account.ownerSource === "MATCHED"
          ? "Matched"
          : account.ownerSource === "MANUAL"
            ? "Manual"
            : "Cleared"}
      </span>
    </>
  );
}

/**
 * An account of an app (SPEC §4.5): who owns it and why, when it was last used, the
 * entitlements it holds now (with Revoke, SPEC §5), and its profile attributes as ingested.
 * Visible to the people canViewAccount names; anyone else is told who can see it.
 */
export default async function AccountDetailsPage({ params }: { params: Params }) {
  const { appId, accountId } = await params;
  const [app, { account, refusal }] = await Promise.all([
    loadApp(appId),
    loadAccountDetails(appId, accountId),
  ]);

  if (!account) {
    return (
      <>
        <PageHeader title="Account">
          <Breadcrumb app={app} current="Account" />
        </PageHeader>
        <Notice
          tone="brand"
          icon={<ShieldAlert className="size-6" />}
          title="You cannot see this account"
          actions={
            <Link href={`/apps/${app.id}`} className={primaryButton}>
              Back to {app.name}
            </Link>
          }
        >
          {refusal}
        </Notice>
      </>
    );
  }

  await prefetch(
    trpc.accounts.grants.infiniteQueryOptions(accountGrantsInput(account.id), {
      getNextPageParam: (page) => page.nextCursor,
    }),
  );
  const name = accountName(account);
  const label = account.login ?? account.emails[0] ?? name;
  const status = ACCOUNT_STATUS[account.status];
  // Each fact once: a login that is the email address in other letters is one fact.
  const subtitle = distinctFacts([account.login, account.emails[0]], [name]).join(" · ");

  return (
    <>
      <PageHeader
        title={
          <span className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <span className="break-all">{name}</span>
            <span className="flex gap-1.5">
              <Badge tone={status.tone}>{status.label}</Badge>
              <Badge>{ACCOUNT_TYPE_LABEL[account.type]}</Badge>
            </span>
          </span>
        }
        description={subtitle || undefined}
        actions={
          account.viewerCanManage ? (
            <AccountActionsMenu
              appId={app.id}
              account={{
                id: account.id,
                name,
                status: account.status,
                ownerSource: account.ownerSource,
                owner: account.owner,
                matchedOwner: account.match.matchedOwner,
                type: account.type,
              }}
            />
          ) : undefined
        }
      >
        <Breadcrumb app={app} current={name} />
        <dl className="grid grid-cols-2 gap-x-6 gap-y-4 pb-5 sm:grid-cols-4">
          <Fact label="Owner">
            <OwnerFact account={account} />
          </Fact>
          <Fact label="Last login">
            {account.lastLoginAt ? (
              <span title={formatDateTime(account.lastLoginAt)}>
                {formatDate(account.lastLoginAt)}
                <span className="text-muted block text-xs">{formatAgo(account.lastLoginAt)}</span>
              </span>
            ) : (
              <span className="text-muted">No usage data</span>
            )}
          </Fact>
          <Fact label="Account type">
            {ACCOUNT_TYPE_LABEL[account.type]}
            <span className="text-muted block text-xs">
              {account.typeSource === "MANUAL" ? "Set by hand; imports keep it" : "As imported"}
            </span>
          </Fact>
          <Fact label="Entitlements">{plural(account.liveGrantCount, "live grant")}</Fact>
        </dl>
        {account.owner && account.owner.status !== "ACTIVE" ? (
          <p className="-mt-1 mb-5 flex items-start gap-1.5 text-sm text-rose-700">
            <TriangleAlert className="mt-0.5 size-4 shrink-0" aria-hidden />
            <span>
              Owner {PERSON_STATUS_LABEL[account.owner.status].toLowerCase()}
              {account.ownerStatusChange
                ? ` on ${formatDate(account.ownerStatusChange.at)}${
                    account.ownerStatusChange.by
                      ? ` by ${account.ownerStatusChange.by.displayName}`
                      : ""
                  }${account.ownerStatusChange.reason ? `: ${account.ownerStatusChange.reason}` : ""}`
                : ""}
            </span>
          </p>
        ) : null}
      </PageHeader>

      <div className="grid gap-6 px-6 py-6 xl:grid-cols-3 xl:px-8">
        <div className="min-w-0 space-y-6 xl:col-span-2">
          <section
            aria-labelledby="account-entitlements"
            className="overflow-hidden rounded-xl border border-zinc-200 bg-white shadow-xs"
          >
            <div className="border-b border-zinc-100 px-5 py-3.5">
              <h2 id="account-entitlements" className="text-sm font-semibold text-zinc-900">
                Entitlements
              </h2>
              <p className="text-muted mt-0.5 text-xs">
                What this account can do in {app.name} now.
              </p>
            </div>
            <HydrateClient>
              <AccountGrantsTable
                account={{
                  id: account.id,
                  label,
                  ownerName: account.owner?.displayName ?? null,
                  liveGrantCount: account.liveGrantCount,
                }}
                app={{ id: app.id, name: app.name }}
                scope={account.viewerGrantsScope}
              />
            </HydrateClient>
          </section>
          <Section
            title="Profile attributes"
            description="As the connector or the last import gave them."
          >
            <AccountProfile profile={account.profile} />
          </Section>
        </div>

        <div className="min-w-0 space-y-6">
          <Section title="Owner">
            {account.owner ? (
              <PersonLabel person={account.owner} />
            ) : (
              <p className="text-muted text-sm">Nobody owns this account.</p>
            )}
            <p className="mt-3 text-sm text-zinc-700">{ownerEvidence(account)}</p>
            {matchedDiffers(account) ? (
              <p className="text-muted mt-2 text-xs">
                {account.match.matchedOwner
                  ? `The mapping rules give ${account.match.matchedOwner.displayName}${account.match.value ? ` (${account.match.rule === "NAME" ? "name" : "email"} ${account.match.value})` : ""}; resetting the owner would use that.`
                  : "The mapping rules match nobody for this account."}
              </p>
            ) : null}
          </Section>
          <Section title="Identity">
            <dl className="space-y-3 text-sm">
              <Fact label="Login">
                {account.login ? (
                  <span className="font-mono break-all">{account.login}</span>
                ) : (
                  <span className="text-muted">None</span>
                )}
              </Fact>
              <Fact label="Email addresses">
                {account.emails.length === 0 ? (
                  <span className="text-muted">None</span>
                ) : (
                  <ul className="space-y-0.5">
                    {account.emails.map((email, i) => (
                      <li key={email} className="break-all">
                        {email}
                        {i === 0 && account.emails.length > 1 ? (
                          <span className="text-muted ml-1.5 text-xs">primary</span>
                        ) : null}
                      </li>
                    ))}
                  </ul>
                )}
              </Fact>
              <Fact label="External ID">
                <span className="font-mono break-all">{account.externalId}</span>
              </Fact>
              <Fact label="First imported">{formatDate(account.createdAt)}</Fact>
              {account.deletedAt ? (
                <Fact label="Deleted in the app">{formatDate(account.deletedAt)}</Fact>
              ) : null}
            </dl>
          </Section>
        </div>
      </div>
    </>
  );
}
