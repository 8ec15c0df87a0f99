"use client";

import { useDeferredValue, useMemo, useRef, useState } from "react";
import Link from "next/link";
import dynamic from "next/dynamic";
import { parseAsString, useQueryStates } from "nuqs";
import { useSuspenseInfiniteQuery, useSuspenseQuery } from "@tanstack/react-query";
import { CircleCheck, Keyboard, ListFilter } from "lucide-react";
import { Badge } from "~/components/ui/badge";
import { BulkBar } from "~/components/ui/bulk-bar";
import { EmptyState } from "~/components/ui/empty-state";
import { Kbd } from "~/components/ui/kbd";
import { ShowMore } from "~/components/ui/show-more";
import { TableFrame } from "~/components/ui/table";
import { toast } from "~/components/ui/toast";
import { useShortcutKeys } from "~/components/ui/use-shortcut-keys";
import { formatDate, plural } from "~/lib/format";
import { URL_STATE } from "~/lib/url-state";
import { actionError, type ApiError } from "~/trpc/errors";
import { nextPage } from "~/trpc/pages";
import { useTRPC, useTRPCClient } from "~/trpc/react";
import type { DecisionResult } from "./decision-dialog.tsx";
import { QUEUE_SHORTCUTS, queueCommand } from "./keys.ts";
import {
  DECISION_LABEL,
  FLAG_FILTERS,
  outcomeTitle,
  queueFilters,
  queueInput,
  rowSummary,
  type QueueRow,
  type ReviewDecision,
} from "./queue.ts";
import { focusQueueRow, QueueTable } from "./queue-table.tsx";
import { useQueueChanged } from "./use-queue.ts";

// The dialogs load when first opened: the list itself stays light.
const DecisionDialog = dynamic(() => import("./decision-dialog.tsx"), { ssr: false });
const BulkDecisionDialog = dynamic(() => import("./bulk-decision-dialog.tsx"), { ssr: false });
const ShortcutsDialog = dynamic(() => import("~/components/ui/shortcuts-dialog"), { ssr: false });
const preloadDialogs = () => {
  void import("./decision-dialog.tsx");
  void import("./bulk-decision-dialog.tsx");
};

const selectClass =
  "rounded-md border border-zinc-300 bg-white py-1.5 pr-8 pl-2.5 text-sm text-zinc-800 shadow-xs focus:border-zinc-500 focus:outline-none";

/**
 * The viewer's review queue (SPEC §10): the items waiting for their decision, by campaign,
 * filtered by campaign (the email's link) and flag (kept in the URL). Keep, Revoke or
 * Reassign each row, or the selection from the bulk bar with one comment. The keyboard (`?`
 * lists it) moves a current row with j / k, keeps with e, revokes with r and selects with x;
 * a status line tells screen readers which item is current.
 */
export function ReviewQueue({
  initialCampaign,
  initialFlag,
}: {
  initialCampaign: string | null;
  initialFlag: string | null;
}) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const changed = useQueueChanged();
  const [params, setParams] = useQueryStates(
    { campaign: parseAsString, flag: parseAsString },
    URL_STATE,
  );
  const [firstParams] = useState(params);
  const unchanged = params.campaign === firstParams.campaign && params.flag === firstParams.flag;
  const filters = queueFilters(
    unchanged ? { campaign: initialCampaign, flag: initialFlag } : params,
  );
  // The rows follow a new filter once its data is there.
  const shown = useDeferredValue(filters);
  const loading = shown.campaignId !== filters.campaignId || shown.flag !== filters.flag;
  const summary = useSuspenseQuery(trpc.reviews.queueSummary.queryOptions());
  const query = useSuspenseInfiniteQuery(
    trpc.reviews.queue.infiniteQueryOptions(queueInput(shown), nextPage),
  );
  const rows = useMemo(() => query.data.pages.flatMap((p) => p.items), [query.data]);
  const groups = useMemo(() => {
    const list: { campaignId: string; rows: QueueRow[] }[] = [];
    for (const row of rows) {
      const last = list[list.length - 1];
      if (last?.campaignId === row.campaignId) last.rows.push(row);
      else list.push({ campaignId: row.campaignId, rows: [row] });
    }
    return list;
  }, [rows]);
  const campaigns = summary.data.campaigns;
  const filtered = filters.campaignId !== null || filters.flag !== null;

  const [picked, setPicked] = useState<ReadonlySet<string>>(() => new Set());
  const selected = useMemo(() => {
    const ids = new Set(rows.map((r) => r.id));
    return new Set([...picked].filter((id) => ids.has(id)));
  }, [picked, rows]);
  const selectedRows = rows.filter((r) => selected.has(r.id));
  const [busy, setBusy] = useState<ReadonlySet<string>>(() => new Set());
  const [current, setCurrent] = useState<string | null>(null);
  const [help, setHelp] = useState(false);
  const [announcement, setAnnouncement] = useState("");
  const [single, setSingle] = useState<{
    action: ReviewDecision;
    row: QueueRow;
    nextId: string | null;
  } | null>(null);
  const [bulk, setBulk] = useState<{ action: ReviewDecision; rows: QueueRow[] } | null>(null);
  const decided = useRef(false);

  const toggle = (id: string, on: boolean) =>
    setPicked((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const toggleAll = (ids: string[], on: boolean) =>
    setPicked((prev) => {
      const next = new Set(prev);
      for (const id of ids) {
        if (on) next.add(id);
        else next.delete(id);
      }
      return next;
    });

  const nextOf = (row: QueueRow) => {
    const at = rows.findIndex((r) => r.id === row.id);
    return (rows[at + 1] ?? rows[at - 1] ?? null)?.id ?? null;
  };

  /** The decision is in: the row leaves, the toast says what happened, the next row is current. */
  const finished = (row: QueueRow, result: DecisionResult, nextId: string | null) => {
    toast.success(outcomeTitle(result.outcome, result.reassignedTo), {
      description: rowSummary(row),
    });
    setCurrent(nextId);
    void changed([row.id]);
  };

  /** Someone else decided meanwhile (or the campaign closed): say so, and reload. */
  const conflict = (error: ApiError) => {
    toast.error(error.message);
    void changed();
  };

  const decide = (row: QueueRow, action: ReviewDecision) => {
    const nextId = nextOf(row);
    if (action !== "keep" || row.keepReasonLabel) {
      decided.current = false;
      setSingle({ action, row, nextId });
      return;
    }
    // A Keep without a flag needs no words: it is done at once.
    if (busy.has(row.id)) return;
    setBusy((prev) => new Set(prev).add(row.id));
    void (async () => {
      try {
        finished(
          row,
          await client.reviews.decide.mutate({ itemId: row.id, decision: "keep" }),
          nextId,
        );
        if (nextId) requestAnimationFrame(() => focusQueueRow(nextId));
      } catch (error) {
        const decoded = actionError(error);
        if (decoded.code === "CONFLICT" || decoded.code === "NOT_FOUND") conflict(decoded);
        else toast.error(decoded.message);
      } finally {
        setBusy((prev) => {
          const next = new Set(prev);
          next.delete(row.id);
          return next;
        });
      }
    })();
  };

  useShortcutKeys((key) => {
    const command = queueCommand(key);
    if (!command) return false;
    const at = rows.findIndex((r) => r.id === current);
    const row = at === -1 ? null : rows[at]!;
    switch (command.type) {
      case "next":
      case "previous": {
        if (rows.length === 0) return false;
        const to =
          at === -1
            ? 0
            : Math.min(Math.max(at + (command.type === "next" ? 1 : -1), 0), rows.length - 1);
        const next = rows[to]!;
        setCurrent(next.id);
        focusQueueRow(next.id);
        const edge =
          to === at ? (command.type === "next" ? " Last item on this page." : " First item.") : "";
        setAnnouncement(
          `${to + 1} of ${rows.length}: ${rowSummary(next)}.${
            next.flags.length > 0 ? ` Flagged: ${next.flags.map((f) => f.label).join(", ")}.` : ""
          }${selected.has(next.id) ? " Selected." : ""}${edge}`,
        );
        return true;
      }
      case "keep":
      case "revoke":
        if (!row) {
          setAnnouncement("Press j to choose an item first.");
          return true;
        }
        decide(row, command.type);
        return true;
      case "toggle": {
        if (!row) {
          setAnnouncement("Press j to choose an item first.");
          return true;
        }
        const on = !selected.has(row.id);
        toggle(row.id, on);
        setAnnouncement(
          `${rowSummary(row)} ${on ? "selected" : "no longer selected"}: ${
            selected.size + (on ? 1 : -1)
          } selected.`,
        );
        return true;
      }
      case "help":
        setHelp(true);
        return true;
    }
  });

  const setFilter = (next: { campaign?: string | null; flag?: string | null }) => {
    setPicked(new Set());
    void setParams(next);
  };

  return (
    <div className="space-y-5" onPointerOver={preloadDialogs}>
      <p role="status" className="sr-only">
        {announcement}
      </p>
      {campaigns.length > 0 || filtered ? (
        <div className="flex flex-wrap items-center justify-between gap-3">
          <div className="flex flex-wrap items-center gap-3">
            <label className="flex items-center gap-2 text-sm text-zinc-600">
              Campaign
              <select
                value={filters.campaignId ?? ""}
                onChange={(e) => setFilter({ campaign: e.target.value || null })}
                className={selectClass}
              >
                <option value="">All campaigns ({summary.data.waiting})</option>
                {campaigns.map((c) => (
                  <option key={c.campaignId} value={c.campaignId}>
                    {c.name} ({c.waiting})
                  </option>
                ))}
                {filters.campaignId &&
                !campaigns.some((c) => c.campaignId === filters.campaignId) ? (
                  <option value={filters.campaignId}>A campaign with nothing waiting</option>
                ) : null}
              </select>
            </label>
            <label className="flex items-center gap-2 text-sm text-zinc-600">
              Show
              <select
                value={filters.flag ?? ""}
                onChange={(e) => setFilter({ flag: e.target.value || null })}
                className={selectClass}
              >
                {FLAG_FILTERS.map((f) => (
                  <option key={f.id ?? "all"} value={f.id ?? ""}>
                    {f.label}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <button
            type="button"
            onClick={() => setHelp(true)}
            aria-keyshortcuts="?"
            className="hidden items-center gap-1.5 rounded-md px-2 py-1.5 text-sm text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900 sm:inline-flex"
          >
            <Keyboard className="text-muted size-4" aria-hidden />
            Shortcuts <Kbd>?</Kbd>
          </button>
        </div>
      ) : null}

      {rows.length === 0 ? (
        filtered ? (
          <EmptyState icon={<ListFilter className="size-8" />} title="Nothing waiting here">
            No item waiting for you matches this filter.{" "}
            <Link href="/reviews/queue" className="font-medium text-zinc-900 underline">
              Show every item
            </Link>
          </EmptyState>
        ) : (
          <EmptyState icon={<CircleCheck className="size-8" />} title="Nothing to review.">
            When a campaign asks you to review access, the items appear here.
          </EmptyState>
        )
      ) : (
        <div className="space-y-6">
          {groups.map((group) => {
            const info = campaigns.find((c) => c.campaignId === group.campaignId);
            const name = info?.name ?? group.rows[0]!.campaignName;
            const dueAt = info?.dueAt ?? group.rows[0]!.campaignDueAt;
            const headingId = `campaign-${group.campaignId}`;
            return (
              <section key={group.campaignId} aria-labelledby={headingId} className="space-y-2">
                <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
                  <h2 id={headingId} className="text-base font-semibold text-zinc-950">
                    {name}
                  </h2>
                  <span className="text-muted text-sm">Due {formatDate(dueAt)}</span>
                  {info?.overdue ? <Badge tone="red">Overdue</Badge> : null}
                  {info ? (
                    <span className="text-muted text-sm">
                      {plural(info.waiting, "item")} waiting
                      {info.flagged > 0 ? `, ${info.flagged} flagged` : ""}
                    </span>
                  ) : null}
                </div>
                <TableFrame pending={loading}>
                  <div className="overflow-x-auto [&>table]:min-w-4xl">
                    <QueueTable
                      caption={name}
                      rows={group.rows}
                      selected={selected}
                      onToggle={toggle}
                      onToggleAll={toggleAll}
                      current={current}
                      onCurrent={setCurrent}
                      busy={busy}
                      onDecide={decide}
                    />
                  </div>
                </TableFrame>
              </section>
            );
          })}
          {query.hasNextPage ? (
            <TableFrame>
              <ShowMore query={query} label="Load more items" />
            </TableFrame>
          ) : null}
        </div>
      )}

      {selectedRows.length > 0 ? (
        <>
          {/* Room below the list so the bar never hides the last rows. */}
          <div aria-hidden className="h-16" />
          <BulkBar
            count={selectedRows.length}
            actions={(["keep", "revoke", "reassign"] as const).map((id) => ({
              id,
              label: DECISION_LABEL[id],
            }))}
            onAction={(action) => setBulk({ action, rows: selectedRows })}
            onClear={() => setPicked(new Set())}
          />
        </>
      ) : null}

      {single ? (
        <DecisionDialog
          key={`${single.row.id}:${single.action}`}
          action={single.action}
          row={single.row}
          onOpenChange={(open) => !open && setSingle(null)}
          onDone={(result) => {
            decided.current = true;
            finished(single.row, result, single.nextId);
          }}
          onConflict={conflict}
          onCloseAutoFocus={(event) => {
            // Decided: on to the next row. Cancelled: back to the row.
            const to = decided.current ? single.nextId : single.row.id;
            decided.current = false;
            if (to && document.querySelector(`[data-review-row="${to}"]`)) {
              event.preventDefault();
              focusQueueRow(to);
            }
          }}
        />
      ) : null}
      {help ? (
        <ShortcutsDialog
          description="In Reviews, whenever you are not typing in a field."
          shortcuts={QUEUE_SHORTCUTS}
          onOpenChange={(open) => !open && setHelp(false)}
          onCloseAutoFocus={(event) => {
            if (!current || !document.querySelector(`[data-review-row="${current}"]`)) return;
            event.preventDefault();
            focusQueueRow(current);
          }}
        />
      ) : null}
      {bulk ? (
        <BulkDecisionDialog
          action={bulk.action}
          rows={bulk.rows}
          onOpenChange={(open) => !open && setBulk(null)}
          onFinished={(doneIds) => {
            setPicked(new Set());
            void changed(doneIds);
          }}
          onCloseAutoFocus={(event) => {
            const first = document.querySelector<HTMLElement>("[data-review-row]");
            if (first) {
              event.preventDefault();
              first.focus();
            }
          }}
        />
      ) : null}
    </div>
  );
}
