// What a reviewer should notice about an item (SPEC §10, issue 16), and which grants a
// campaign's scope holds: pure predicates over the facts the campaign snapshots, so that the
// service's set-based SQL can be checked against them in a test over the same data.

import { DomainError } from "../errors.ts";

export type ReviewAccountType = "USER" | "SERVICE" | "SYSTEM";
export const REVIEW_ACCOUNT_TYPES: readonly ReviewAccountType[] = ["USER", "SERVICE", "SYSTEM"];

/** The facts of one grant as snapshotted when the campaign starts. */
export interface ReviewItemSnapshot {
  accountType: ReviewAccountType;
  ownerId: string | null;
  /** The owner's status; null when there is no owner. */
  ownerStatus: "ACTIVE" | "SUSPENDED" | "DEPROVISIONED" | null;
  /** How the owner was set (SPEC §4.2). */
  ownerSource: "MATCHED" | "MANUAL" | "CLEARED";
  /** BROAD mapping found two or more people with the account's name. */
  matchAmbiguous: boolean;
  /** Null: the app gives no usage data for the account (SPEC §1). */
  lastLoginAt: Date | null;
  grantedAt: Date;
}

const DAY_MS = 86_400_000;

/**
 * The moment `days` whole days before `now`. A date is "N days old" when it is at or before
 * this cutoff; the SQL compares with the same instant (`<= cutoff`).
 */
export function daysBefore(now: Date, days: number): Date {
  return new Date(now.getTime() - days * DAY_MS);
}

const atOrBefore = (date: Date, cutoff: Date) => date.getTime() <= cutoff.getTime();

// ─────────────────────────────── Flags ───────────────────────────────

export type ReviewFlag =
  | "OWNER_SUSPENDED"
  | "OWNER_DEPROVISIONED"
  | "NO_OWNER"
  | "AMBIGUOUS_OWNER"
  | "UNUSED"
  | "SERVICE_ACCOUNT"
  | "SYSTEM_ACCOUNT";

/** An item is flagged "not used" when its last login is at least this many days old. */
export const UNUSED_FLAG_DAYS = 90;

export const REVIEW_FLAG_LABEL: Record<ReviewFlag, string> = {
  OWNER_SUSPENDED: "Owner suspended",
  OWNER_DEPROVISIONED: "Owner deprovisioned",
  NO_OWNER: "No owner",
  AMBIGUOUS_OWNER: "Ambiguous owner",
  UNUSED: `Not used for ${UNUSED_FLAG_DAYS} days`,
  SERVICE_ACCOUNT: "Service account",
  SYSTEM_ACCOUNT: "System account",
};

/**
 * The flags of one item, in the order above:
 * - the owner's status when it is not active;
 * - no owner, or — when the mapping found several people and nobody has decided since (as
 *   on the Accounts tab) — an ambiguous owner instead of the plainer "no owner";
 * - not used for UNUSED_FLAG_DAYS days. An account without usage data (null last login:
 *   "never", or an app that does not report logins — Lantern cannot tell them apart) is not
 *   flagged: nothing shows it unused, and flagging it would flag every account of such apps;
 * - a service or system account.
 */
export function reviewItemFlags(item: ReviewItemSnapshot, now: Date): ReviewFlag[] {
  const flags: ReviewFlag[] = [];
  if (item.ownerId !== null) {
    if (item.ownerStatus === "SUSPENDED") flags.push("OWNER_SUSPENDED");
    if (item.ownerStatus === "DEPROVISIONED") flags.push("OWNER_DEPROVISIONED");
  } else if (item.matchAmbiguous && item.ownerSource === "MATCHED") {
    flags.push("AMBIGUOUS_OWNER");
  } else {
    flags.push("NO_OWNER");
  }
  if (item.lastLoginAt && atOrBefore(item.lastLoginAt, daysBefore(now, UNUSED_FLAG_DAYS))) {
    flags.push("UNUSED");
  }
  if (item.accountType === "SERVICE") flags.push("SERVICE_ACCOUNT");
  if (item.accountType === "SYSTEM") flags.push("SYSTEM_ACCOUNT");
  return flags;
}

// ─────────────────────────────── Scope filters ───────────────────────────────

/** A campaign's filters over the grants of its apps and entitlements; all of them apply. */
export interface ReviewScopeFilters {
  /** The account types reviewed: User by default, Service and System opt-in. */
  accountTypes: readonly ReviewAccountType[];
  /** Only grants at least this many days old; null: any age. */
  grantOlderThanDays: number | null;
  /** Only accounts whose owner is suspended or deprovisioned. */
  ownerInactiveOnly: boolean;
  /** Only accounts with no owner (none matched, ambiguous, or cleared). */
  ownerlessOnly: boolean;
  /** Only accounts whose last login is at least this many days old; null: any. */
  unusedForDays: number | null;
}

export const DEFAULT_REVIEW_SCOPE_FILTERS: ReviewScopeFilters = {
  accountTypes: ["USER"],
  grantOlderThanDays: null,
  ownerInactiveOnly: false,
  ownerlessOnly: false,
  unusedForDays: null,
};

/** The longest day count a filter takes: ten years. */
export const REVIEW_FILTER_DAYS_MAX = 3650;

function daysProblem(days: number | null, what: string): string | null {
  if (days === null) return null;
  if (!Number.isInteger(days) || days < 1 || days > REVIEW_FILTER_DAYS_MAX) {
    return `${what} must be a whole number of days, from 1 to ${REVIEW_FILTER_DAYS_MAX}.`;
  }
  return null;
}

/** Every problem of the filters, by field; empty when they may be used. */
export function reviewScopeFilterErrors(
  filters: ReviewScopeFilters,
): Partial<Record<keyof ReviewScopeFilters, string[]>> {
  const errors: Partial<Record<keyof ReviewScopeFilters, string[]>> = {};
  const add = (field: keyof ReviewScopeFilters, message: string | null) => {
    if (message) (errors[field] ??= []).push(message);
  };
  if (filters.accountTypes.length === 0) {
    add("accountTypes", "Choose at least one account type to review.");
  }
  if (new Set(filters.accountTypes).size !== filters.accountTypes.length) {
    add("accountTypes", "Each account type is chosen once.");
  }
  add("grantOlderThanDays", daysProblem(filters.grantOlderThanDays, "The grant age"));
  add("unusedForDays", daysProblem(filters.unusedForDays, "The time without use"));
  if (filters.ownerInactiveOnly && filters.ownerlessOnly) {
    add(
      "ownerlessOnly",
      "An account cannot both have no owner and have an inactive owner. Choose one of the two.",
    );
  }
  return errors;
}

/** BAD_REQUEST with the first problem as its message and all of them in `fieldErrors`. */
export function assertValidReviewScopeFilters(filters: ReviewScopeFilters): void {
  const errors = reviewScopeFilterErrors(filters);
  const first = Object.values(errors)[0]?.[0];
  if (first) throw new DomainError("BAD_REQUEST", first, { fieldErrors: errors });
}

/** The instants the day filters compare with (`<= cutoff`), for the SQL and the predicate. */
export function reviewScopeCutoffs(
  filters: ReviewScopeFilters,
  now: Date,
): { grantedAtOrBefore: Date | null; lastLoginAtOrBefore: Date | null } {
  return {
    grantedAtOrBefore:
      filters.grantOlderThanDays === null ? null : daysBefore(now, filters.grantOlderThanDays),
    lastLoginAtOrBefore:
      filters.unusedForDays === null ? null : daysBefore(now, filters.unusedForDays),
  };
}

/**
 * Whether a grant of the campaign's apps and entitlements is an item of it. "Not used for N
 * days" needs usage data: an account with no last login is left out (see reviewItemFlags).
 */
export function inReviewScope(
  item: ReviewItemSnapshot,
  filters: ReviewScopeFilters,
  now: Date,
): boolean {
  const { grantedAtOrBefore, lastLoginAtOrBefore } = reviewScopeCutoffs(filters, now);
  if (!filters.accountTypes.includes(item.accountType)) return false;
  if (grantedAtOrBefore && !atOrBefore(item.grantedAt, grantedAtOrBefore)) return false;
  if (
    filters.ownerInactiveOnly &&
    (item.ownerId === null || item.ownerStatus === "ACTIVE" || item.ownerStatus === null)
  ) {
    return false;
  }
  if (filters.ownerlessOnly && item.ownerId !== null) return false;
  if (
    lastLoginAtOrBefore &&
    !(item.lastLoginAt && atOrBefore(item.lastLoginAt, lastLoginAtOrBefore))
  ) {
    return false;
  }
  return true;
}
