import Link from "next/link";
import { ChevronRight } from "lucide-react";
import { REMOVAL_STATE_LABEL, type RemovalState, type ReviewAccountType } from "@lantern/domain";
import { Fact } from "~/components/ui/fact";
import { Section } from "~/components/ui/section";
import { DataTable } from "~/components/ui/table";
import { formatCount } from "~/lib/format";
import { ProgressBar } from "./progress-bar.tsx";
import {
  accountTypesInWords,
  FALLBACK_SENTENCE,
  reviewerPlanInWords,
  scopeFiltersInWords,
  type CampaignDetails,
  type ReviewItemFilter,
} from "./review-labels.ts";

// The read-only parts of a campaign's page (server components): progress, the removal of what
// was revoked, the reviewers, and the scope and reviewer plan in words.

const itemsHref = (params: { filter?: ReviewItemFilter; reviewer?: string }) => {
  const query = new URLSearchParams(params as Record<string, string>).toString();
  return `?${query}#items`;
};

/** One count of a summary: the number large, its label, a link to the items it counts. */
function Count({
  label,
  value,
  filter,
  tone = "text-zinc-950",
}: {
  label: string;
  value: number;
  filter?: ReviewItemFilter;
  tone?: string;
}) {
  const number = (
    <span className={`text-xl font-semibold tabular-nums ${tone}`}>{formatCount(value)}</span>
  );
  return (
    <div className="min-w-0">
      <dt className="text-muted text-xs">{label}</dt>
      <dd className="mt-0.5">
        {filter && value > 0 ? (
          <Link
            href={itemsHref({ filter })}
            className="hover:underline"
            aria-label={`${formatCount(value)} ${label.toLowerCase()}: show them`}
          >
            {number}
          </Link>
        ) : (
          number
        )}
      </dd>
    </div>
  );
}

export function ProgressSection({ campaign }: { campaign: CampaignDetails }) {
  const { counts } = campaign;
  return (
    <Section title="Progress" description="Items decided at their last level, out of every item.">
      <ProgressBar decided={counts.kept + counts.revoked} total={counts.total} size="lg" />
      <dl className="mt-4 grid grid-cols-2 gap-4 sm:grid-cols-4">
        <Count label="Kept" value={counts.kept} filter="kept" tone="text-emerald-700" />
        <Count label="Revoked" value={counts.revoked} filter="revoked" tone="text-rose-700" />
        <Count label="Pending" value={counts.pending} filter="pending" />
        <Count label="Not reviewed" value={counts.notReviewed} filter="not_reviewed" />
      </dl>
    </Section>
  );
}

const REMOVAL_FILTER: Record<RemovalState, ReviewItemFilter> = {
  PENDING: "removal_pending",
  REMOVED: "removed",
  ERRORED: "removal_failed",
  DENIED: "removal_failed",
  CANCELLED: "removal_failed",
};

const REMOVAL_TONE: Record<RemovalState, string> = {
  PENDING: "text-zinc-950",
  REMOVED: "text-emerald-700",
  ERRORED: "text-rose-700",
  DENIED: "text-rose-700",
  CANCELLED: "text-rose-700",
};

/** Whether what the reviewers revoked was removed: the revoked items by removal state. */
export function RemovalSection({ campaign }: { campaign: CampaignDetails }) {
  const { counts } = campaign;
  return (
    <Section
      title="Removal of revoked access"
      description="Each Revoke opens a revocation request; this is where those removals stand."
    >
      {counts.revoked === 0 ? (
        <p className="text-muted text-sm">Nothing has been revoked in this campaign.</p>
      ) : (
        <dl className="grid grid-cols-2 gap-4 sm:grid-cols-3">
          {(Object.keys(REMOVAL_STATE_LABEL) as RemovalState[]).map((state) => (
            <Count
              key={state}
              label={REMOVAL_STATE_LABEL[state]}
              value={counts.removal[state]}
              filter={REMOVAL_FILTER[state]}
              tone={counts.removal[state] > 0 ? REMOVAL_TONE[state] : "text-zinc-950"}
            />
          ))}
        </dl>
      )}
    </Section>
  );
}

export function ReviewersSection({ campaign }: { campaign: CampaignDetails }) {
  return (
    <Section title="Reviewers" description="Who decided, and who still has items waiting.">
      {campaign.reviewers.length === 0 ? (
        <p className="text-muted text-sm">Nobody has been asked to review.</p>
      ) : (
        <div className="-mx-5 -my-4 overflow-hidden rounded-b-xl">
          <DataTable
            caption="Reviewers"
            edge={5}
            rows={campaign.reviewers}
            rowKey={(r) => r.userId}
            columns={[
              {
                key: "name",
                header: "Reviewer",
                head: "w-1/2",
                cell: (r) => (
                  <Link
                    href={itemsHref({ reviewer: r.userId })}
                    className="font-medium text-zinc-900 hover:underline"
                  >
                    {r.displayName}
                  </Link>
                ),
              },
              {
                key: "decided",
                header: "Decided",
                align: "right",
                body: "tabular-nums text-zinc-700",
                cell: (r) => formatCount(r.decided),
              },
              {
                key: "waiting",
                header: "Waiting",
                align: "right",
                body: "tabular-nums text-zinc-700",
                cell: (r) => formatCount(r.waiting),
              },
            ]}
          />
        </div>
      )}
    </Section>
  );
}

interface StoredScope {
  accountTypes?: ReviewAccountType[];
  grantOlderThanDays?: number | null;
  ownerInactiveOnly?: boolean;
  ownerlessOnly?: boolean;
  unusedForDays?: number | null;
}

/** What the campaign covers and who reviews it, in words. */
export function ScopeSection({ campaign }: { campaign: CampaignDetails }) {
  const scope = campaign.scope as StoredScope;
  const filters = scopeFiltersInWords(scope);
  const names = new Map(campaign.reviewers.map((r) => [r.userId, r.displayName]));
  return (
    <Section title="Scope and reviewers">
      <dl className="space-y-3">
        {campaign.apps.length > 0 ? (
          <Fact label="Apps (every entitlement)">
            {campaign.apps.map((app) => app.name).join(", ")}
          </Fact>
        ) : null}
        {campaign.entitlements.length > 0 ? (
          <Fact label="Entitlements">
            <ul className="space-y-0.5">
              {campaign.entitlements.map((e) => (
                <li key={e.id} className="flex items-center gap-1">
                  {e.app.name}
                  <ChevronRight className="text-faint size-3" aria-label="›" />
                  {e.displayName}
                </li>
              ))}
            </ul>
          </Fact>
        ) : null}
        <Fact label="Account types">{accountTypesInWords(scope.accountTypes ?? ["USER"])}</Fact>
        <Fact label="Filters">
          {filters.length === 0 ? (
            "None: every live grant of the choice"
          ) : (
            <ul className="space-y-0.5">
              {filters.map((f) => (
                <li key={f}>{f}</li>
              ))}
            </ul>
          )}
        </Fact>
        <Fact label="Reviewers">
          {reviewerPlanInWords(campaign.reviewerPlan, names)}
          <span className="text-muted mt-1 block text-xs">{FALLBACK_SENTENCE}</span>
        </Fact>
      </dl>
    </Section>
  );
}
