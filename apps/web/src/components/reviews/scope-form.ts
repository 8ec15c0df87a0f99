// New campaign's scope as the form holds it, turned into what reviews.countScope and
// reviews.start take, with the problems the form can tell before asking the server. Pure: the
// form and its unit tests share it.
import { reviewScopeFilterErrors, type ReviewAccountType } from "@lantern/domain";
import type { ReviewScope } from "./review-labels.ts";

/** An app of the scope: all its entitlements, or only those chosen. */
export interface ScopeApp {
  id: string;
  name: string;
  all: boolean;
  entitlementIds: string[];
}

/** A day filter: off, or on with the number typed (kept as typed until it is read). */
export interface DaysFilter {
  on: boolean;
  days: string;
}

export interface ScopeDraft {
  apps: ScopeApp[];
  accountTypes: ReviewAccountType[];
  grantOlder: DaysFilter;
  ownerInactiveOnly: boolean;
  ownerlessOnly: boolean;
  unused: DaysFilter;
}

export const EMPTY_SCOPE: ScopeDraft = {
  apps: [],
  accountTypes: ["USER"],
  grantOlder: { on: false, days: "90" },
  ownerInactiveOnly: false,
  ownerlessOnly: false,
  unused: { on: false, days: "90" },
};

export type ScopeField =
  "apps" | "accountTypes" | "grantOlderThanDays" | "ownerlessOnly" | "unusedForDays";

/** A typed day count: a whole number, or NaN (refused below as not a whole number). */
const daysOf = (filter: DaysFilter): number | null =>
  filter.on ? (/^\s*\d+\s*$/.test(filter.days) ? Number(filter.days) : Number.NaN) : null;

/** The scope the API takes. */
export function scopeInput(draft: ScopeDraft): ReviewScope {
  return {
    appIds: draft.apps.filter((a) => a.all).map((a) => a.id),
    entitlementIds: draft.apps.filter((a) => !a.all).flatMap((a) => a.entitlementIds),
    accountTypes: draft.accountTypes,
    grantOlderThanDays: daysOf(draft.grantOlder),
    ownerInactiveOnly: draft.ownerInactiveOnly,
    ownerlessOnly: draft.ownerlessOnly,
    unusedForDays: daysOf(draft.unused),
  };
}

/**
 * What is wrong with the scope before the server is asked, by field (the domain's own filter
 * rules, and a choice of apps); empty when it may be counted.
 */
export function scopeProblems(draft: ScopeDraft): Partial<Record<ScopeField, string>> {
  const problems: Partial<Record<ScopeField, string>> = {};
  if (draft.apps.length === 0) problems.apps = "Choose at least one app to review.";
  const bare = draft.apps.find((a) => !a.all && a.entitlementIds.length === 0);
  if (bare) {
    problems.apps = `Choose at least one entitlement of ${bare.name}, or review all of them.`;
  }
  const scope = scopeInput(draft);
  const wholeNumber = "Enter a whole number of days.";
  const filterErrors = reviewScopeFilterErrors({
    accountTypes: scope.accountTypes ?? [],
    grantOlderThanDays: Number.isNaN(scope.grantOlderThanDays)
      ? null
      : (scope.grantOlderThanDays ?? null),
    ownerInactiveOnly: scope.ownerInactiveOnly ?? false,
    ownerlessOnly: scope.ownerlessOnly ?? false,
    unusedForDays: Number.isNaN(scope.unusedForDays) ? null : (scope.unusedForDays ?? null),
  });
  for (const field of [
    "accountTypes",
    "grantOlderThanDays",
    "ownerlessOnly",
    "unusedForDays",
  ] as const) {
    const message = filterErrors[field]?.[0];
    if (message) problems[field] = message;
  }
  if (Number.isNaN(scope.grantOlderThanDays)) problems.grantOlderThanDays = wholeNumber;
  if (Number.isNaN(scope.unusedForDays)) problems.unusedForDays = wholeNumber;
  return problems;
}
