"use client";

import Link from "next/link";
import { useSuspenseInfiniteQuery } from "@tanstack/react-query";
import { ClipboardCheck, Plus } from "lucide-react";
import { primaryButton } from "~/components/ui/button";
import { EmptyState } from "~/components/ui/empty-state";
import { ShowMore } from "~/components/ui/show-more";
import { DataTable, TableFrame } from "~/components/ui/table";
import { formatDate } from "~/lib/format";
import { nextPage } from "~/trpc/pages";
import { useTRPC } from "~/trpc/react";
import { CampaignBadges } from "./campaign-badges.tsx";
import { ProgressBar } from "./progress-bar.tsx";
import {
  CAMPAIGN_PAGE_SIZE,
  campaignTab,
  formatDueDate,
  type CampaignTabId,
} from "./review-labels.ts";

/** What a campaign is, for the empty list. */
const WHAT_A_CAMPAIGN_IS =
  "A campaign asks reviewers (managers, app owners, or people you name) to keep or revoke each account's access in the apps you choose, by a due date. What they revoke is removed through the usual revocation path, and the campaign keeps every decision as evidence for auditors.";

const EMPTY_TITLE: Record<CampaignTabId, string> = {
  running: "No campaign is running",
  closed: "No closed campaigns yet",
  all: "No access reviews yet",
};

/** The campaigns of one tab, newest first, with Show more (keyset pages). */
export function CampaignsTable({ tab, canStart }: { tab: CampaignTabId; canStart: boolean }) {
  const trpc = useTRPC();
  const query = useSuspenseInfiniteQuery(
    trpc.reviews.list.infiniteQueryOptions(
      { state: campaignTab(tab).state, limit: CAMPAIGN_PAGE_SIZE },
      nextPage,
    ),
  );
  const campaigns = query.data.pages.flatMap((p) => p.items);

  if (campaigns.length === 0) {
    return (
      <EmptyState icon={<ClipboardCheck className="size-8" />} title={EMPTY_TITLE[tab]}>
        <p>{WHAT_A_CAMPAIGN_IS}</p>
        {canStart ? (
          <div className="mt-4">
            <Link href="/reviews/new" className={primaryButton}>
              <Plus className="size-4" aria-hidden />
              New campaign
            </Link>
          </div>
        ) : (
          <p className="mt-2">A super admin starts campaigns; you can read them here.</p>
        )}
      </EmptyState>
    );
  }

  return (
    <TableFrame>
      <DataTable
        caption="Access review campaigns"
        edge="even"
        rowClassName="group relative hover:bg-zinc-50"
        rows={campaigns}
        rowKey={(c) => c.id}
        columns={[
          {
            key: "name",
            header: "Campaign",
            head: "w-[34%]",
            cell: (c) => (
              <div className="min-w-0">
                <Link
                  href={`/reviews/${c.id}`}
                  className="font-medium break-words text-zinc-950 group-hover:underline after:absolute after:inset-0"
                >
                  {c.name}
                </Link>
                <div className="mt-1 md:hidden">
                  <CampaignBadges state={c.state} overdue={c.overdue} />
                </div>
              </div>
            ),
          },
          {
            key: "state",
            header: "State",
            from: "md",
            head: "w-[16%]",
            cell: (c) => <CampaignBadges state={c.state} overdue={c.overdue} />,
          },
          {
            key: "due",
            header: "Due",
            from: "sm",
            head: "w-[14%]",
            body: "text-zinc-700 tabular-nums",
            cell: (c) => (
              <time dateTime={new Date(c.dueAt).toISOString()}>{formatDueDate(c.dueAt)}</time>
            ),
          },
          {
            key: "progress",
            header: "Progress",
            head: "w-[22%]",
            cell: (c) => <ProgressBar decided={c.decided} total={c.itemCount} />,
          },
          {
            key: "started",
            header: "Started",
            from: "lg",
            head: "w-[14%]",
            body: "text-zinc-700 tabular-nums",
            cell: (c) => {
              const at = c.startedAt ?? c.createdAt;
              return <time dateTime={new Date(at).toISOString()}>{formatDate(at)}</time>;
            },
          },
        ]}
      />
      <ShowMore query={query} label="Show more campaigns" />
    </TableFrame>
  );
}
