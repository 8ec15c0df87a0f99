// The reviews queue's words and filters (SPEC §10): what a row is about, the flag filter, and
// how a decision's outcome is told. A plain module.
import type { RouterInputs, RouterOutputs } from "@lantern/api";
import { REVIEW_FLAG_LABEL, type ReviewFlag } from "@lantern/domain";

export type QueueRow = RouterOutputs["reviews"]["queue"]["items"][number];
export type QueueGroup = RouterOutputs["reviews"]["queueSummary"]["campaigns"][number];
export type QueueFlag = NonNullable<RouterInputs["reviews"]["queue"]["flag"]>;
export type ReviewDecision = "keep" | "revoke" | "reassign";
export type DecisionOutcome = RouterOutputs["reviews"]["decide"]["outcome"];

/** The flag filter: every item, any flagged one, or one flag. */
export const FLAG_FILTERS: ReadonlyArray<{ id: QueueFlag | null; label: string }> = [
  { id: null, label: "All items" },
  { id: "FLAGGED", label: "Flagged" },
  ...(Object.entries(REVIEW_FLAG_LABEL) as [ReviewFlag, string][]).map(([id, label]) => ({
    id,
    label,
  })),
];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The filters of the URL (`?campaign=…&flag=…`); anything else is no filter. */
export function queueFilters(params: { campaign?: string | null; flag?: string | null }): {
  campaignId: string | null;
  flag: QueueFlag | null;
} {
  const campaign = params.campaign?.trim() ?? "";
  const flag = FLAG_FILTERS.find((f) => f.id !== null && f.id === params.flag)?.id ?? null;
  return { campaignId: UUID.test(campaign) ? campaign.toLowerCase() : null, flag };
}

/** The API's input for the filters. */
export const queueInput = (filters: ReturnType<typeof queueFilters>) => ({
  campaignId: filters.campaignId ?? undefined,
  flag: filters.flag ?? undefined,
});

/** Whose access: the owner, else the account ("svc-backup"). */
export const whose = (row: QueueRow): string => row.ownerName ?? row.accountLabel;

/** "Admin in GitHub for Kofi Boateng": what a dialog or a toast says the item is. */
export function rowSummary(row: QueueRow): string {
  return `${row.entitlementName} in ${row.appName} for ${whose(row)}`;
}

export const DECISION_LABEL: Record<ReviewDecision, string> = {
  keep: "Keep",
  revoke: "Revoke",
  reassign: "Reassign",
};

/** The toast after one decision. */
export function outcomeTitle(outcome: DecisionOutcome, reassignedTo?: string): string {
  switch (outcome) {
    case "DONE":
      return "Kept";
    case "NEXT_LEVEL":
      return "Kept — sent to the second level";
    case "REVOKE_REQUEST":
      return "Revoked — removal requested";
    case "REASSIGNED":
      return reassignedTo ? `Reassigned to ${reassignedTo}` : "Reassigned";
  }
}

/** "kept", in "4 items kept". */
export const DECISION_DONE: Record<ReviewDecision, string> = {
  keep: "kept",
  revoke: "revoked; removal being requested",
  reassign: "reassigned",
};
