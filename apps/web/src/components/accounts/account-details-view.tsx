import { TriangleAlert } from "lucide-react";
import { Breadcrumb } from "~/components/shell/breadcrumb";
import {
  PERSON_STATUS_LABEL,
  ACCOUNT_STATUS,
  ACCOUNT_TYPE_LABEL,
} from "~/components/entitlements/labels";
import { Badge } from "~/components/ui/badge";
import { Fact } from "~/components/ui/fact";
import { PageHeader } from "~/components/ui/page-header";
import { PersonLabel } from "~/components/ui/people";
import { Section } from "~/components/ui/section";
import { distinctFacts, formatAgo, formatDate, formatDateTime, plural } from "~/lib/format";
import { HydrateClient } from "~/trpc/server";
import { AccountActionsMenu } from "./account-actions-menu.tsx";
import { AccountGrantsTable } from "./account-details-grants.tsx";
import {
  accountName,
  matchedDiffers,
  ownerEvidence,
  type AccountDetails,
} from "./account-details-labels.ts";
import { AccountProfile } from "./account-details-profile.tsx";

type AppOfAccount = { id: string; name: string; viewerCanViewAccounts: boolean };

/** Applications › app › Accounts (for those who may open that tab) › this account. */
export function AccountBreadcrumb({ app, current }: { app: AppOfAccount; current: string }) {
  return (
    <Breadcrumb
      trail={[
        { href: "/apps", label: "Applications" },
        { href: `/apps/${app.id}`, label: app.name },
        ...(app.viewerCanViewAccounts
          ? [{ href: `/apps/${app.id}/accounts`, label: "Accounts" }]
          : []),
      ]}
      current={current}
      truncate
    />
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
 * The account's grants are prefetched by the page (HydrateClient hands them over).
 */
export function AccountDetailsView({
  app,
  account,
}: {
  app: AppOfAccount;
  account: AccountDetails;
}) {
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
        <AccountBreadcrumb app={app} current={name} />
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
