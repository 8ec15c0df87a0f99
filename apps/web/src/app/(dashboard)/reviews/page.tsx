import type { Metadata } from "next";
import Link from "next/link";
import { Plus } from "lucide-react";
import { TRPCError } from "@trpc/server";
import { CampaignsTable } from "~/components/reviews/campaigns-table";
import { CAMPAIGN_PAGE_SIZE, CAMPAIGN_TABS, campaignTab } from "~/components/reviews/review-labels";
import { RefusedPage } from "~/components/shell/refused";
import { primaryButton } from "~/components/ui/button";
import { PageHeader } from "~/components/ui/page-header";
import { LinkTabs } from "~/components/ui/tabs";
import { searchParam } from "~/server/search-param";
import { getQueryClient, HydrateClient, prefetch, trpc } from "~/trpc/server";
import { nextPage } from "~/trpc/pages";

export const metadata: Metadata = { title: "Access reviews" };

const TITLE = "Access reviews";

/** Access review campaigns (super admins start them; super admins and auditors read them). */
export default async function ReviewsPage({
  searchParams,
}: {
  searchParams: Promise<{ state?: string | string[] }>;
}) {
  const tab = campaignTab(searchParam((await searchParams).state) || undefined);
  const list = trpc.reviews.list.infiniteQueryOptions(
    { state: tab.state, limit: CAMPAIGN_PAGE_SIZE },
    nextPage,
  );
  const queryClient = getQueryClient();
  const [me] = await Promise.all([
    queryClient.fetchQuery(trpc.me.get.queryOptions()),
    prefetch(list),
  ]);

  // The API decides who may see campaigns (canReadReviewCampaigns); the page shows its answer.
  const error = queryClient.getQueryState(list.queryKey)?.error;
  if (error) {
    if (error instanceof TRPCError && error.code === "FORBIDDEN") {
      return (
        <RefusedPage
          page={TITLE}
          title={error.message.replace(/\.$/, "")}
          back={{ href: "/apps", label: "Back to Applications" }}
        >
          When you are asked to review access, your items wait in{" "}
          <Link href="/reviews/queue" className="font-medium underline underline-offset-2">
            My reviews
          </Link>
          .
        </RefusedPage>
      );
    }
    throw error;
  }

  return (
    <>
      <PageHeader
        title={TITLE}
        description="Campaigns that ask reviewers to keep or revoke the access in chosen apps, with each decision kept as evidence."
        actions={
          me.can.startReviews ? (
            <Link href="/reviews/new" className={primaryButton}>
              <Plus className="size-4" aria-hidden />
              New campaign
            </Link>
          ) : null
        }
      >
        <LinkTabs
          label="Campaigns by state"
          active={tab.id}
          tabs={CAMPAIGN_TABS.map((t) => ({
            id: t.id,
            label: t.label,
            href: t.id === CAMPAIGN_TABS[0].id ? "/reviews" : `/reviews?state=${t.id}`,
          }))}
        />
      </PageHeader>
      <div className="px-6 py-6 xl:px-8">
        <HydrateClient>
          <CampaignsTable key={tab.id} tab={tab.id} canStart={me.can.startReviews} />
        </HydrateClient>
      </div>
    </>
  );
}
