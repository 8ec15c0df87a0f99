// The words of the access review pages (SPEC §10): campaign and item states, the item filters,
// the scope and the reviewer plan said in sentences, and the New campaign defaults. A plain
// module: the server pages, the client tables and the unit tests share it.
import type { RouterInputs, RouterOutputs } from "@lantern/api";
import type { ReviewAccountType, ReviewCampaignState, ReviewerKind } from "@lantern/domain";
import { formatCount, plural } from "~/lib/format";

export type CampaignRow = RouterOutputs["reviews"]["list"]["items"][number];
export type CampaignDetails = RouterOutputs["reviews"]["byId"];
export type ReviewItemRow = RouterOutputs["reviews"]["items"]["items"][number];
export type ReviewItemFilter = NonNullable<RouterInputs["reviews"]["items"]["filter"]>;
export type ReviewScope = RouterInputs["reviews"]["countScope"]["scope"];
export type ScopeCount = RouterOutputs["reviews"]["countScope"];

/** The list's tabs: each is an address (`?state=closed`); running campaigns first. */
export const CAMPAIGN_TABS = [
  { id: "running", label: "Running", state: "RUNNING" },
  { id: "closed", label: "Closed", state: "CLOSED" },
  { id: "all", label: "All", state: undefined },
] as const;
export type CampaignTabId = (typeof CAMPAIGN_TABS)[number]["id"];

/** The tab a `?state=` value names; anything else is the first tab. */
export function campaignTab(param: string | undefined): (typeof CAMPAIGN_TABS)[number] {
  return CAMPAIGN_TABS.find((tab) => tab.id === param) ?? CAMPAIGN_TABS[0];
}

export const CAMPAIGN_PAGE_SIZE = 25;
export const ITEM_PAGE_SIZE = 50;

export const CAMPAIGN_STATE_LABEL: Record<ReviewCampaignState, string> = {
  DRAFT: "Draft",
  RUNNING: "Running",
  CLOSED: "Closed",
};

export const ITEM_STATE_LABEL: Record<ReviewItemRow["state"], string> = {
  PENDING: "Pending",
  KEPT: "Kept",
  REVOKED: "Revoked",
  NOT_REVIEWED: "Not reviewed",
};

/** The Items table's filter, in the order of the menu. */
export const ITEM_FILTER_LABEL: Record<ReviewItemFilter, string> = {
  pending: "Pending",
  kept: "Kept",
  revoked: "Revoked",
  not_reviewed: "Not reviewed",
  removal_pending: "Removal pending",
  removed: "Removed",
  removal_failed: "Removal failed, denied or cancelled",
};
export const ITEM_FILTERS = Object.keys(ITEM_FILTER_LABEL) as ReviewItemFilter[];

export const isItemFilter = (value: string | null | undefined): value is ReviewItemFilter =>
  !!value && value in ITEM_FILTER_LABEL;

export const ACCOUNT_TYPE_LABEL: Record<ReviewAccountType, string> = {
  USER: "User",
  SERVICE: "Service",
  SYSTEM: "System",
};

/** The reviewer choices of one level, as the form offers them. */
export const REVIEWER_OPTIONS: { value: ReviewerKind; label: string; hint: string }[] = [
  {
    value: "MANAGER",
    label: "The owner's manager",
    hint: "Each account is reviewed by its owner's manager.",
  },
  { value: "APP_OWNERS", label: "App owners", hint: "The owners of each app review its access." },
  {
    value: "ENTITLEMENT_OWNERS",
    label: "Entitlement owners",
    hint: "The owners of each entitlement review who holds it.",
  },
  { value: "USERS", label: "Named people", hint: "Any one of the people you name decides." },
];

/** Who reviews at one level, in the words of a sentence ("the owner's manager"). */
const REVIEWER_WORDS: Record<ReviewerKind, string> = {
  MANAGER: "the owner's manager",
  APP_OWNERS: "the app owners",
  ENTITLEMENT_OWNERS: "the entitlement owners",
  USERS: "named people",
};

export const FALLBACK_SENTENCE =
  "When the preferred reviewer is missing or is the account's own owner, the app owners review, then super admins. Nobody reviews their own access.";

/** "This scope holds 1,234 grants (review items) of 567 accounts in 3 apps." */
export function scopeCountSentence(count: ScopeCount): string {
  return `This scope holds ${plural(count.items, "grant")} (review items) of ${plural(count.accounts, "account")} in ${plural(count.apps, "app")}.`;
}

/** The account types of a scope in words: "User accounts", "User and Service accounts". */
export function accountTypesInWords(types: readonly ReviewAccountType[]): string {
  const words = types.map((t) => ACCOUNT_TYPE_LABEL[t]);
  if (words.length === 0) return "No accounts";
  const list =
    words.length === 1 ? words[0] : `${words.slice(0, -1).join(", ")} and ${words.at(-1)}`;
  return `${list} accounts`;
}

/** The filters of a scope, one phrase each; empty when every grant of the choice is in. */
export function scopeFiltersInWords(scope: {
  grantOlderThanDays?: number | null;
  ownerInactiveOnly?: boolean;
  ownerlessOnly?: boolean;
  unusedForDays?: number | null;
}): string[] {
  const phrases: string[] = [];
  if (scope.grantOlderThanDays) {
    phrases.push(`Only grants older than ${plural(scope.grantOlderThanDays, "day")}`);
  }
  if (scope.ownerInactiveOnly)
    phrases.push("Only accounts whose owner is suspended or deprovisioned");
  if (scope.ownerlessOnly) phrases.push("Only accounts with no owner");
  if (scope.unusedForDays) {
    phrases.push(`Only accounts not used for ${plural(scope.unusedForDays, "day")}`);
  }
  return phrases;
}

interface PlanLevel {
  kind: string;
  userIds?: string[];
}

/** One level of a reviewer plan in words; named people by name where `names` knows them. */
function levelInWords(level: PlanLevel, names: ReadonlyMap<string, string>): string {
  const kind = level.kind as ReviewerKind;
  if (kind !== "USERS") return REVIEWER_WORDS[kind] ?? level.kind;
  const ids = level.userIds ?? [];
  const known = ids.map((id) => names.get(id)).filter((n): n is string => !!n);
  if (known.length === ids.length && ids.length > 0 && ids.length <= 5) {
    return known.length === 1 ? known[0]! : `${known.slice(0, -1).join(", ")} or ${known.at(-1)}`;
  }
  return plural(ids.length, "named person", "named people");
}

/**
 * The reviewer plan as a sentence: "Reviewed by the owner's manager, then what they keep by
 * the app owners."
 */
export function reviewerPlanInWords(
  plan: { first: PlanLevel; second: PlanLevel | null },
  names: ReadonlyMap<string, string> = new Map(),
): string {
  const first = `Reviewed by ${levelInWords(plan.first, names)}`;
  if (!plan.second) return `${first}.`;
  return `${first}, then what they keep by ${levelInWords(plan.second, names)}.`;
}

/**
 * The day `days` after `now` as "YYYY-MM-DD", in UTC: the calendar the API reads a due date
 * in (a campaign is due until the end of that day, UTC).
 */
export function dayAhead(now: Date, days: number): string {
  return new Date(now.getTime() + days * 86_400_000).toISOString().slice(0, 10);
}

/** New campaign's due date: two weeks from today. */
export const DEFAULT_DUE_DAYS = 14;

/** Decided share in whole percent, never 100 before every item is decided. */
export function decidedPercent(decided: number, total: number): number {
  if (total <= 0) return 0;
  const percent = Math.round((decided / total) * 100);
  return decided < total ? Math.min(percent, 99) : 100;
}

const dueDateFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" });

/** A due date as the day it names: campaigns are due at the end of a day, UTC. */
export const formatDueDate = (dueAt: Date | string) => dueDateFormat.format(new Date(dueAt));

/** "12 / 40 decided". */
export const progressText = (decided: number, total: number) =>
  `${formatCount(decided)} / ${formatCount(total)} decided`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The items query of a campaign for the filters of the URL (`?filter=&reviewer=`). */
export function reviewItemsInput(
  campaignId: string,
  params: { filter?: string | null; reviewer?: string | null },
) {
  return {
    campaignId,
    filter: isItemFilter(params.filter) ? params.filter : undefined,
    reviewerId: params.reviewer && UUID.test(params.reviewer) ? params.reviewer : undefined,
    limit: ITEM_PAGE_SIZE,
  };
}

/** The campaign's export link (GET /api/reviews/<id>/export). */
export const reviewExportHref = (campaignId: string) =>
  `/api/reviews/${encodeURIComponent(campaignId)}/export`;
