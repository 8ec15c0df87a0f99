import { PageHeader } from "~/components/ui/page-header";
import { searchParam } from "~/server/search-param";
import { getQueryClient, HydrateClient, prefetch, trpc } from "~/trpc/server";
import { INBOXES, inboxInput, resolveInboxSort, resolveInboxTab, type InboxBox } from "./inbox.ts";
import { InboxTabs } from "./inbox-tabs.tsx";
import { TaskInbox } from "./task-inbox.tsx";
import { nextPage } from "~/trpc/pages";

export type InboxSearchParams = Promise<{
  tab?: string | string[];
  q?: string | string[];
  sort?: string | string[];
}>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** The Requests or Revocations page (server): picks the tab, prefetches its first page. */
export async function InboxPage({
  box,
  searchParams,
}: {
  box: InboxBox;
  searchParams: InboxSearchParams;
}) {
  const params = await searchParams;
  const inbox = INBOXES[box];
  // The badge counts (one indexed query) choose the tab when the URL names none.
  const counts = await getQueryClient().fetchQuery(trpc.me.openTaskCounts.queryOptions());
  const tab = resolveInboxTab(box, first(params.tab), counts);
  const search = searchParam(params.q);
  const sort = resolveInboxSort(tab, first(params.sort));
  await prefetch(
    trpc.tasks.inbox.infiniteQueryOptions(inboxInput(box, tab, search, sort), nextPage),
  );
  return (
    <>
      <PageHeader title={inbox.title} description={inbox.description}>
        <InboxTabs box={box} active={tab} />
      </PageHeader>
      <div className="px-6 py-6 xl:px-8">
        <HydrateClient>
          {/* A new tab starts from the URL's search, not the previous tab's state. */}
          <TaskInbox key={tab} box={box} tab={tab} initialSearch={search} initialSort={sort} />
        </HydrateClient>
      </div>
    </>
  );
}
