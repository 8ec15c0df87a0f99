import type { Metadata } from "next";
import { TRPCError } from "@trpc/server";
import { AccountsTable } from "~/components/accounts/accounts-table";
import {
  accountsInput,
  countInput,
  knownCount,
  parseAccountFilters,
} from "~/components/accounts/accounts-list";
import { loadApp } from "~/server/apps";
import { searchParam } from "~/server/search-param";
import { getQueryClient, HydrateClient, prefetch, trpc } from "~/trpc/server";
import { Refused } from "~/components/shell/refused";
import { nextPage } from "~/trpc/pages";

export const metadata: Metadata = { title: "Accounts" };

type Params = Promise<{ appId: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The app's Accounts tab (SPEC §4.1): super admins and the app's owners (canViewAccounts). */
export default async function AccountsPage({
  params,
  searchParams,
}: {
  params: Params;
  searchParams: SearchParams;
}) {
  const app = await loadApp((await params).appId);
  // A search the API would refuse (a NUL, over 200 characters) shows the list unsearched.
  const parsed = parseAccountFilters(await searchParams);
  const filters = { ...parsed, q: searchParam(parsed.q) };
  const list = trpc.accounts.list.infiniteQueryOptions(accountsInput(app.id, filters), nextPage);
  await prefetch(list);

  // The API decides who may see the accounts; the page shows its answer, naming who can.
  const error = getQueryClient().getQueryState(list.queryKey)?.error;
  if (error) {
    if (error instanceof TRPCError && error.code === "FORBIDDEN") {
      return (
        <Refused
          title={`You can’t see the accounts of ${app.name}`}
          back={{ href: `/apps/${app.id}`, label: "Back to the overview" }}
        >
          {error.message} Ask one of them when an account needs a look or a new owner.
        </Refused>
      );
    }
    throw error;
  }
  // "N accounts match": counted on the server too when the app's figures do not say it.
  if (knownCount(filters, app.accounts) === null) {
    await prefetch(trpc.accounts.count.queryOptions(countInput(app.id, filters)));
  }

  return (
    <div className="px-6 py-6 xl:px-8">
      <HydrateClient>
        <AccountsTable
          appId={app.id}
          appName={app.name}
          initialFilters={filters}
          figures={app.accounts}
          canManage={app.viewerCanManage}
        />
      </HydrateClient>
    </div>
  );
}
