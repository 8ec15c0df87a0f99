import type { Metadata } from "next";
import { AddAppButton } from "~/components/apps/add-app-dialog";
import { APP_LIST_PAGE_SIZE } from "~/components/apps/apps-list";
import { AppsTable } from "~/components/apps/apps-table";
import { PageHeader } from "~/components/ui/page-header";
import { LinkTabs } from "~/components/ui/tabs";
import { searchParam } from "~/server/search-param";
import { getQueryClient, HydrateClient, prefetch, trpc } from "~/trpc/server";
import { nextPage } from "~/trpc/pages";

export const metadata: Metadata = { title: "Applications" };

export default async function ApplicationsPage({
  searchParams,
}: {
  searchParams: Promise<{ q?: string | string[] }>;
}) {
  const search = searchParam((await searchParams).q) || undefined;
  const me = await getQueryClient().fetchQuery(trpc.me.get.queryOptions());
  await prefetch(
    trpc.apps.list.infiniteQueryOptions(
      { status: "MANAGED", search, limit: APP_LIST_PAGE_SIZE },
      nextPage,
    ),
  );
  return (
    <>
      <PageHeader
        title="Applications"
        description="The applications your organization manages: who owns them, who provisions access, and how many accounts they hold."
        actions={me.can.createApp ? <AddAppButton /> : null}
      >
        <LinkTabs
          label="Application lists"
          active="managed"
          tabs={[{ id: "managed", label: "Managed apps", href: "/apps" }]}
        />
      </PageHeader>
      <div className="px-6 py-6 xl:px-8">
        <HydrateClient>
          <AppsTable initialSearch={search ?? ""} />
        </HydrateClient>
      </div>
    </>
  );
}
