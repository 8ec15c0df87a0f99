import type { Metadata } from "next";
import { Breadcrumb } from "~/components/shell/breadcrumb";
import { PageHeader } from "~/components/ui/page-header";
import { queueFilters, queueInput } from "~/components/reviews/queue/queue";
import { ReviewQueue } from "~/components/reviews/queue/review-queue";
import { getQueryClient, HydrateClient, prefetch, trpc } from "~/trpc/server";
import { nextPage } from "~/trpc/pages";

export const metadata: Metadata = { title: "Reviews" };

type SearchParams = Promise<{ campaign?: string | string[]; flag?: string | string[] }>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** The reviewer's queue (SPEC §10): `?campaign=` (the email's link) and `?flag=` filter it. */
export default async function ReviewQueuePage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const filters = queueFilters({ campaign: first(params.campaign), flag: first(params.flag) });
  const summary = await getQueryClient().fetchQuery(trpc.reviews.queueSummary.queryOptions());
  await prefetch(trpc.reviews.queue.infiniteQueryOptions(queueInput(filters), nextPage));
  const campaign = filters.campaignId
    ? summary.campaigns.find((c) => c.campaignId === filters.campaignId)
    : undefined;
  return (
    <>
      <PageHeader
        title="Reviews"
        description="Access waiting for your decision: keep what is still needed, revoke what is not."
      >
        {campaign ? (
          <Breadcrumb
            trail={[{ href: "/reviews/queue", label: "Reviews" }]}
            current={campaign.name}
          />
        ) : null}
      </PageHeader>
      <div className="px-6 py-6 xl:px-8">
        <HydrateClient>
          <ReviewQueue initialCampaign={filters.campaignId} initialFlag={filters.flag} />
        </HydrateClient>
      </div>
    </>
  );
}
