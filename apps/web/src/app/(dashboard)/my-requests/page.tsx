import type { Metadata } from "next";
import Link from "next/link";
import { Plus } from "lucide-react";
import { MyRequestsTable } from "~/components/requests/my-requests-table";
import { MY_REQUESTS_PAGE_SIZE } from "~/components/requests/request-state";
import { primaryButton } from "~/components/ui/button";
import { PageHeader } from "~/components/ui/page-header";
import { HydrateClient, prefetch, trpc } from "~/trpc/server";

export const metadata: Metadata = { title: "My requests" };

type SearchParams = Promise<{ requested?: string | string[] }>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function MyRequestsPage({ searchParams }: { searchParams: SearchParams }) {
  const requested = (await searchParams).requested;
  // Set by the request form after a request is sent: the list names it in a notice.
  const requestedId = typeof requested === "string" && UUID.test(requested) ? requested : null;
  await prefetch(
    trpc.requests.mine.infiniteQueryOptions(
      { limit: MY_REQUESTS_PAGE_SIZE },
      { getNextPageParam: (page) => page.nextCursor },
    ),
  );
  return (
    <>
      <PageHeader
        title="My requests"
        description="The access you asked for: who has to approve it, who sets it up, and how it ended."
        actions={
          <Link href="/my-requests/new" className={primaryButton}>
            <Plus className="size-4" aria-hidden />
            Request access
          </Link>
        }
      />
      <div className="px-6 py-6 xl:px-8">
        <HydrateClient>
          <MyRequestsTable requestedId={requestedId} />
        </HydrateClient>
      </div>
    </>
  );
}
