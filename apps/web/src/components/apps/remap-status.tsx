"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "~/trpc/react";

// The app's latest re-map of account owners (SPEC §4.2), shared by the mapping settings dialog
// and the banner of the app page: one query, polled while a re-map is queued or running.

export interface RemapCounts {
  accounts: number;
  matched: number;
  matchedByName: number;
  ambiguous: number;
  changed: number;
}

export interface RemapStatusView {
  state: "QUEUED" | "RUNNING" | "SUCCEEDED" | "FAILED" | "SUPERSEDED";
  mode: "NARROW" | "BROAD";
  total: number;
  done: number;
  matchedByName: number;
  ambiguous: number;
  changed: number;
  error: string | null;
}

/** How often a running re-map's progress is asked for. */
export const REMAP_POLL_MS = 1500;

export const isRemapActive = (status: RemapStatusView | null | undefined) =>
  status?.state === "QUEUED" || status?.state === "RUNNING";

export function useRemapStatus(appId: string) {
  const trpc = useTRPC();
  return useQuery(
    trpc.apps.remapStatus.queryOptions(
      { appId },
      { refetchInterval: (query) => (isRemapActive(query.state.data) ? REMAP_POLL_MS : false) },
    ),
  );
}

const number = new Intl.NumberFormat("en-US");
export const formatCount = (n: number) => number.format(n);
const plural = (n: number, one: string, many: string) =>
  `${formatCount(n)} ${n === 1 ? one : many}`;

/** "412 accounts re-mapped, 37 now matched by name, 3 ambiguous (40 owners changed)". */
export function remapSummary(mode: "NARROW" | "BROAD", counts: RemapCounts): string {
  const parts = [plural(counts.accounts, "account re-mapped", "accounts re-mapped")];
  if (mode === "BROAD") {
    parts.push(`${formatCount(counts.matchedByName)} now matched by name`);
    parts.push(`${formatCount(counts.ambiguous)} ambiguous`);
  }
  const changed =
    counts.changed === 0
      ? "no owner changed"
      : plural(counts.changed, "match changed", "matches changed");
  return `${parts.join(", ")} (${changed})`;
}

/** "Re-mapping 340,000 of 1,000,000 accounts…" (or "Waiting to re-map …" while queued). */
export function remapProgressText(status: RemapStatusView): string {
  const total = Math.max(status.total, status.done);
  if (status.state === "QUEUED" && status.done === 0)
    return `Waiting to re-map ${plural(total, "account", "accounts")}…`;
  return `Re-mapping ${formatCount(Math.min(status.done, total))} of ${plural(total, "account", "accounts")}…`;
}

export function remapPercent(status: RemapStatusView): number {
  const total = Math.max(status.total, status.done);
  return total === 0 ? 0 : Math.min(100, Math.round((status.done / total) * 100));
}

export function RemapProgressBar({ status, label }: { status: RemapStatusView; label: string }) {
  const percent = remapPercent(status);
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
      aria-valuetext={remapProgressText(status)}
      className="h-2 w-full overflow-hidden rounded-full bg-zinc-200"
    >
      <div
        className="bg-brand-600 h-full rounded-full transition-[width] duration-500"
        style={{ width: `${Math.max(percent, 2)}%` }}
      />
    </div>
  );
}
