"use client";

import { useDeferredValue } from "react";
import Link from "next/link";
import { useSuspenseInfiniteQuery } from "@tanstack/react-query";
import { parseAsString, useQueryStates } from "nuqs";
import { ChevronRight, SearchX } from "lucide-react";
import { REMOVAL_STATE_LABEL, type RemovalState } from "@lantern/domain";
import { Badge } from "~/components/ui/badge";
import { EmptyState } from "~/components/ui/empty-state";
import { ShowMore } from "~/components/ui/show-more";
import { DataTable, TableFrame } from "~/components/ui/table";
import { Time } from "~/components/tasks/time";
import { formatDate } from "~/lib/format";
import { CLIENT_URL_STATE } from "~/lib/url-state";
import { nextPage } from "~/trpc/pages";
import { useTRPC } from "~/trpc/react";
import {
  ITEM_FILTER_LABEL,
  ITEM_FILTERS,
  ITEM_STATE_LABEL,
  reviewItemsInput,
  type ReviewItemFilter,
  type ReviewItemRow,
} from "./review-labels.ts";

const selectClass =
  "w-full min-w-0 rounded-md border border-zinc-300 bg-white py-1.5 pr-8 pl-2.5 text-sm text-zinc-800 shadow-xs focus:border-zinc-500 focus:outline-none sm:w-auto";

const STATE_TONE = {
  PENDING: "neutral",
  KEPT: "green",
  REVOKED: "red",
  NOT_REVIEWED: "brand",
} as const;

const REMOVAL_TONE: Record<RemovalState, "neutral" | "green" | "red"> = {
  PENDING: "neutral",
  REMOVED: "green",
  ERRORED: "red",
  DENIED: "red",
  CANCELLED: "red",
};

function PersonCell({ item }: { item: ReviewItemRow }) {
  return (
    <div className="min-w-0">
      {item.ownerName ? (
        <p className="truncate font-medium text-zinc-900">{item.ownerName}</p>
      ) : (
        <p className="text-muted">No owner</p>
      )}
      <p className="text-muted truncate text-xs" title={item.accountLabel}>
        {item.accountLabel}
      </p>
      {item.flags.length > 0 ? (
        <p className="mt-1 flex flex-wrap gap-1">
          {item.flags.map((f) => (
            <Badge key={f.flag} tone={f.flag.startsWith("OWNER_") ? "red" : "neutral"}>
              {f.label}
            </Badge>
          ))}
        </p>
      ) : null}
    </div>
  );
}

function AccessCell({ item }: { item: ReviewItemRow }) {
  return (
    <div className="min-w-0">
      <p className="flex min-w-0 items-center gap-1 text-zinc-800">
        <span className="max-w-[45%] shrink-0 truncate">{item.appName}</span>
        <ChevronRight className="text-faint size-3 shrink-0" aria-label="›" />
        <span className="min-w-0 truncate" title={item.entitlementName}>
          {item.entitlementName}
        </span>
      </p>
      <p className="text-muted text-xs">
        Granted {formatDate(item.grantedAt)} ·{" "}
        {item.lastLoginAt ? `last used ${formatDate(item.lastLoginAt)}` : "no sign-in data"}
      </p>
    </div>
  );
}

function DecisionCell({ item }: { item: ReviewItemRow }) {
  return (
    <div className="min-w-0 space-y-1">
      <Badge tone={STATE_TONE[item.state]}>
        {ITEM_STATE_LABEL[item.state]}
        {item.state === "PENDING" && item.level === 2 ? " · second level" : ""}
      </Badge>
      {item.decidedBy && item.decidedAt ? (
        <p className="text-xs text-zinc-700">
          by {item.decidedBy}, <Time at={item.decidedAt} />
        </p>
      ) : null}
      {item.reason ? (
        <p className="line-clamp-3 text-xs break-words text-zinc-700" title={item.reason}>
          “{item.reason}”
        </p>
      ) : null}
      {item.firstDecidedBy && item.firstDecidedAt ? (
        <p className="text-muted text-xs">
          First level kept by {item.firstDecidedBy}, <Time at={item.firstDecidedAt} />
        </p>
      ) : null}
    </div>
  );
}

function RemovalCell({ item }: { item: ReviewItemRow }) {
  if (!item.removal) return <span className="text-faint">—</span>;
  return (
    <div className="space-y-1">
      <Badge tone={REMOVAL_TONE[item.removal]}>{REMOVAL_STATE_LABEL[item.removal]}</Badge>
      {item.removalTaskNumber !== null ? (
        <p className="text-xs">
          <Link
            href={`/tasks/${item.removalTaskNumber}`}
            className="font-medium text-zinc-800 underline underline-offset-2 hover:text-zinc-950"
          >
            Task #{item.removalTaskNumber}
          </Link>
        </p>
      ) : null}
      {item.removal === "ERRORED" && item.removalProblem ? (
        <p className="text-muted max-w-64 text-xs">{item.removalProblem}</p>
      ) : null}
    </div>
  );
}

/**
 * A campaign's items in snapshot order (keyset "Show more"), filtered by decision or removal
 * state and by reviewer — both kept in the URL, so the counts above can link to them.
 */
export function ReviewItemsTable({
  campaignId,
  reviewers,
}: {
  campaignId: string;
  reviewers: { userId: string; displayName: string }[];
}) {
  const trpc = useTRPC();
  const [params, setParams] = useQueryStates(
    { filter: parseAsString, reviewer: parseAsString },
    CLIENT_URL_STATE,
  );
  const input = reviewItemsInput(campaignId, params);
  // The rows follow the filters once their data is there.
  const shown = useDeferredValue(input);
  const query = useSuspenseInfiniteQuery(trpc.reviews.items.infiniteQueryOptions(shown, nextPage));
  const items = query.data.pages.flatMap((p) => p.items);
  const filtered = input.filter !== undefined || input.reviewerId !== undefined;

  return (
    <div className="space-y-3">
      <div className="grid grid-cols-1 gap-2 sm:flex sm:flex-wrap sm:items-center sm:gap-x-4">
        <label className="flex min-w-0 items-center gap-2 text-sm text-zinc-600">
          <span className="shrink-0">Show</span>
          <select
            value={input.filter ?? ""}
            onChange={(e) => void setParams({ filter: e.target.value || null })}
            className={selectClass}
          >
            <option value="">All items</option>
            {ITEM_FILTERS.map((f: ReviewItemFilter) => (
              <option key={f} value={f}>
                {ITEM_FILTER_LABEL[f]}
              </option>
            ))}
          </select>
        </label>
        <label className="flex min-w-0 items-center gap-2 text-sm text-zinc-600">
          <span className="shrink-0">Reviewer</span>
          <select
            value={input.reviewerId ?? ""}
            onChange={(e) => void setParams({ reviewer: e.target.value || null })}
            className={selectClass}
          >
            <option value="">Anyone</option>
            {reviewers.map((r) => (
              <option key={r.userId} value={r.userId}>
                {r.displayName}
              </option>
            ))}
          </select>
        </label>
        {filtered ? (
          <button
            type="button"
            onClick={() => void setParams({ filter: null, reviewer: null })}
            className="text-sm font-medium text-zinc-700 underline underline-offset-2 hover:text-zinc-950"
          >
            Clear filters
          </button>
        ) : null}
      </div>
      {items.length === 0 ? (
        <EmptyState icon={<SearchX className="size-8" />} title="No items match">
          {filtered ? "Choose another filter, or clear them." : "This campaign has no items."}
        </EmptyState>
      ) : (
        <TableFrame pending={shown !== input && JSON.stringify(shown) !== JSON.stringify(input)}>
          <div className="overflow-x-auto">
            <DataTable
              caption="Review items"
              rows={items}
              rowKey={(item) => item.id}
              columns={[
                {
                  key: "person",
                  header: "Person and account",
                  head: "w-[24%]",
                  cell: (item) => <PersonCell item={item} />,
                },
                {
                  key: "access",
                  header: "Access",
                  head: "w-[24%]",
                  cell: (item) => <AccessCell item={item} />,
                },
                {
                  key: "decision",
                  header: "Decision",
                  head: "w-[24%]",
                  cell: (item) => <DecisionCell item={item} />,
                },
                {
                  key: "waiting",
                  header: "Waiting for",
                  from: "md",
                  head: "w-[14%]",
                  body: "text-zinc-700",
                  cell: (item) =>
                    item.reviewers.length > 0 ? (
                      <span title={item.routingNote ?? undefined}>
                        {item.reviewers.map((r) => r.displayName).join(", ")}
                      </span>
                    ) : (
                      <span className="text-faint">—</span>
                    ),
                },
                {
                  key: "removal",
                  header: "Removal",
                  from: "lg",
                  head: "w-[14%]",
                  cell: (item) => <RemovalCell item={item} />,
                },
              ]}
            />
          </div>
          <ShowMore query={query} label="Show more items" />
        </TableFrame>
      )}
    </div>
  );
}
