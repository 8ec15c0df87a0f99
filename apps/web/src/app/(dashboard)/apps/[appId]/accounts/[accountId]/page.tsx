import type { Metadata } from "next";
import { AccountBreadcrumb, AccountDetailsView } from "~/components/accounts/account-details-view";
import { accountGrantsInput, accountName } from "~/components/accounts/account-details-labels";
import { RefusedPage } from "~/components/shell/refused";
import { loadAccountDetails } from "~/server/account-details";
import { loadApp } from "~/server/apps";
import { prefetch, trpc } from "~/trpc/server";
import { nextPage } from "~/trpc/pages";

type Params = Promise<{ appId: string; accountId: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { appId, accountId } = await params;
  const { account } = await loadAccountDetails(appId, accountId);
  const app = await loadApp(appId);
  return { title: account ? `${accountName(account)} · ${app.name}` : `Account · ${app.name}` };
}

/**
 * An account of an app (SPEC §4.5; see AccountDetailsView), with its grants prefetched.
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
      <RefusedPage
        page="Account"
        breadcrumb={<AccountBreadcrumb app={app} current="Account" />}
        title="You cannot see this account"
        back={{ href: `/apps/${app.id}`, label: `Back to ${app.name}` }}
      >
        {refusal}
      </RefusedPage>
    );
  }

  await prefetch(
    trpc.accounts.grants.infiniteQueryOptions(accountGrantsInput(account.id), nextPage),
  );
  return <AccountDetailsView app={app} account={account} />;
}
