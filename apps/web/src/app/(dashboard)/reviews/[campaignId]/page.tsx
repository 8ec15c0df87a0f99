import type { Metadata } from "next";
import { cache } from "react";
import { Download } from "lucide-react";
import { CampaignBadges } from "~/components/reviews/campaign-badges";
import { CloseCampaignButton } from "~/components/reviews/close-campaign-button";
import {
  ProgressSection,
  RemovalSection,
  ReviewersSection,
  ScopeSection,
} from "~/components/reviews/campaign-sections";
import { ReviewItemsTable } from "~/components/reviews/review-items-table";
import {
  formatDueDate,
  reviewExportHref,
  reviewItemsInput,
} from "~/components/reviews/review-labels";
import { Breadcrumb } from "~/components/shell/breadcrumb";
import { RefusedPage } from "~/components/shell/refused";
import { Time } from "~/components/tasks/time";
import { secondaryButton } from "~/components/ui/button";
import { Fact } from "~/components/ui/fact";
import { PageHeader } from "~/components/ui/page-header";
import { requireActor } from "~/server/auth/session";
import { orRefusal } from "~/server/page-load";
import { HydrateClient, prefetch, serverCaller, trpc } from "~/trpc/server";
import { nextPage } from "~/trpc/pages";

type Params = Promise<{ campaignId: string }>;
type SearchParams = Promise<{ filter?: string | string[]; reviewer?: string | string[] }>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** The campaign, or the API's refusal (FORBIDDEN); an unknown id is 404. */
const loadCampaign = cache(async (campaignId: string) => {
  await requireActor();
  const caller = await serverCaller();
  return orRefusal(() => caller.reviews.byId({ campaignId }));
});

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { value } = await loadCampaign((await params).campaignId);
  return { title: value ? `${value.name} · Access reviews` : "Access reviews" };
}

/**
 * One access review campaign (super admins and auditors): progress, whether revoked access was
 * removed, who reviews, what it covers, every item with its decision, the CSV evidence, and
 * Close for super admins while it runs.
 */
export default async function CampaignPage({
  params,
  searchParams,
}: {
  params: Params;
  searchParams: SearchParams;
}) {
  const { campaignId } = await params;
  const loaded = await loadCampaign(campaignId);
  if (loaded.refusal !== null) {
    return (
      <RefusedPage
        page="Access reviews"
        title={loaded.refusal.replace(/\.$/, "")}
        back={{ href: "/apps", label: "Back to Applications" }}
      >
        Items waiting for your decision are in My reviews.
      </RefusedPage>
    );
  }
  const campaign = loaded.value;
  const query = await searchParams;
  await prefetch(
    trpc.reviews.items.infiniteQueryOptions(
      reviewItemsInput(campaign.id, {
        filter: first(query.filter),
        reviewer: first(query.reviewer),
      }),
      nextPage,
    ),
  );

  return (
    <>
      <PageHeader
        title={<span className="break-words">{campaign.name}</span>}
        description={campaign.description || undefined}
        actions={
          <>
            <a href={reviewExportHref(campaign.id)} className={secondaryButton} download>
              <Download className="size-4" aria-hidden />
              Export CSV
            </a>
            {campaign.canClose ? (
              <CloseCampaignButton
                campaignId={campaign.id}
                name={campaign.name}
                pending={campaign.counts.pending}
              />
            ) : null}
          </>
        }
      >
        <Breadcrumb
          trail={[{ href: "/reviews", label: "Access reviews" }]}
          current={campaign.name}
          truncate
        />
      </PageHeader>
      <div className="space-y-6 px-6 py-6 xl:px-8">
        <dl className="grid grid-cols-2 gap-4 rounded-xl border border-zinc-200 bg-white px-5 py-4 shadow-xs md:grid-cols-4">
          <Fact label="State">
            <CampaignBadges state={campaign.state} overdue={campaign.overdue} />
          </Fact>
          <Fact label="Due">{formatDueDate(campaign.dueAt)}</Fact>
          <Fact label="Started">
            {campaign.startedAt ? <Time at={campaign.startedAt} /> : "Not started"}
            {campaign.createdBy ? (
              <span className="text-muted block text-xs">by {campaign.createdBy.displayName}</span>
            ) : null}
          </Fact>
          <Fact label="Closed">
            {campaign.closedAt ? <Time at={campaign.closedAt} /> : "Still running"}
            {campaign.closedBy ? (
              <span className="text-muted block text-xs">by {campaign.closedBy.displayName}</span>
            ) : null}
          </Fact>
        </dl>
        <div className="grid gap-6 lg:grid-cols-2">
          <ProgressSection campaign={campaign} />
          <RemovalSection campaign={campaign} />
        </div>
        <div className="grid items-start gap-6 lg:grid-cols-2">
          <ReviewersSection campaign={campaign} />
          <ScopeSection campaign={campaign} />
        </div>
        <section id="items" aria-labelledby="items-heading" className="space-y-3">
          <div>
            <h2 id="items-heading" className="text-base font-semibold text-zinc-900">
              Items
            </h2>
            <p className="text-muted text-sm">
              Every grant the campaign snapshotted, in order, with its decision.
            </p>
          </div>
          <HydrateClient>
            <ReviewItemsTable campaignId={campaign.id} reviewers={campaign.reviewers} />
          </HydrateClient>
        </section>
      </div>
    </>
  );
}
