import type { Metadata } from "next";
import { MyRequestsTable } from "~/components/requests/my-requests-table";
import { MY_REQUESTS_PAGE_SIZE } from "~/components/requests/request-state";
import { PageHeader } from "~/components/ui/page-header";
import { HydrateClient, prefetch, trpc } from "~/trpc/server";
import { nextPage } from "~/trpc/pages";
import { RequestAccessLink } from "~/components/requests/request-access-link";

export const metadata: Metadata = { title: "My requests" };

type SearchParams = Promise<{ requested?: string | string[] }>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function MyRequestsPage({ searchParams }: { searchParams: SearchParams }) {
  const requested = (await searchParams).requested;
  // Set by the request form after a request is sent: the list names it in a notice.
  const requestedId = typeof requested === "string" && UUID.test(requested) ? requested : null;
  await prefetch(
    trpc.requests.mine.infiniteQueryOptions({ limit: MY_REQUESTS_PAGE_SIZE }, nextPage),
  );
  return (
    <>
      <PageHeader
        title="My requests"
        description="The access you asked for: who has to approve it, who sets it up, and how it ended."
        actions={<RequestAccessLink />}
      />
      <div className="px-6 py-6 xl:px-8">
        <HydrateClient>
          <MyRequestsTable requestedId={requestedId} />
        </HydrateClient>
      </div>
    </>
  );
}
