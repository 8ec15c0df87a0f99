import { describe, expect, it } from "vitest";
import {
  assertValidReviewScopeFilters,
  daysBefore,
  DEFAULT_REVIEW_SCOPE_FILTERS,
  inReviewScope,
  REVIEW_ACCOUNT_TYPES,
  REVIEW_FLAG_LABEL,
  reviewItemFlags,
  reviewScopeCutoffs,
  reviewScopeFilterErrors,
  UNUSED_FLAG_DAYS,
  type ReviewFlag,
  type ReviewItemSnapshot,
  type ReviewScopeFilters,
} from "./flags.ts";

const NOW = new Date("2026-06-30T12:00:00.000Z");
const ago = (days: number, ms = 0) => new Date(NOW.getTime() - days * 86_400_000 - ms);

/** A plain item: a user account with an active owner, used yesterday, granted a year ago. */
const snap = (over: Partial<ReviewItemSnapshot> = {}): ReviewItemSnapshot => ({
  accountType: "USER",
  ownerId: "sam",
  ownerStatus: "ACTIVE",
  ownerSource: "MATCHED",
  matchAmbiguous: false,
  lastLoginAt: ago(1),
  grantedAt: ago(365),
  ...over,
});
const ownerless = { ownerId: null, ownerStatus: null } as const;

describe("reviewItemFlags", () => {
  it.each<[string, Partial<ReviewItemSnapshot>, ReviewFlag[]]>([
    ["nothing to notice", {}, []],
    ["owner suspended", { ownerStatus: "SUSPENDED" }, ["OWNER_SUSPENDED"]],
    ["owner deprovisioned", { ownerStatus: "DEPROVISIONED" }, ["OWNER_DEPROVISIONED"]],
    ["no owner matched", ownerless, ["NO_OWNER"]],
    ["owner cleared by hand", { ...ownerless, ownerSource: "CLEARED" }, ["NO_OWNER"]],
    [
      "ambiguous owner (instead of 'no owner')",
      { ...ownerless, matchAmbiguous: true },
      ["AMBIGUOUS_OWNER"],
    ],
    [
      "ambiguity resolved by clearing: no owner",
      { ...ownerless, matchAmbiguous: true, ownerSource: "CLEARED" },
      ["NO_OWNER"],
    ],
    [
      "ambiguity resolved by a manual owner: no flag",
      { matchAmbiguous: true, ownerSource: "MANUAL" },
      [],
    ],
    ["last login exactly 90 days ago", { lastLoginAt: ago(UNUSED_FLAG_DAYS) }, ["UNUSED"]],
    ["last login long ago", { lastLoginAt: ago(400) }, ["UNUSED"]],
    ["last login a moment short of 90 days", { lastLoginAt: ago(UNUSED_FLAG_DAYS, -1) }, []],
    ["never / no usage data: not flagged unused", { lastLoginAt: null }, []],
    ["a last login in the future (clock skew)", { lastLoginAt: ago(-1) }, []],
    ["service account", { accountType: "SERVICE" }, ["SERVICE_ACCOUNT"]],
    ["system account", { accountType: "SYSTEM" }, ["SYSTEM_ACCOUNT"]],
    [
      "several at once, in a fixed order",
      { ownerStatus: "DEPROVISIONED", lastLoginAt: ago(200), accountType: "SERVICE" },
      ["OWNER_DEPROVISIONED", "UNUSED", "SERVICE_ACCOUNT"],
    ],
    [
      "an ownerless, unused system account",
      { ...ownerless, lastLoginAt: ago(91), accountType: "SYSTEM" },
      ["NO_OWNER", "UNUSED", "SYSTEM_ACCOUNT"],
    ],
  ])("%s", (_label, over, expected) => {
    expect(reviewItemFlags(snap(over), NOW)).toEqual(expected);
  });

  it("labels every flag", () => {
    expect(REVIEW_FLAG_LABEL.UNUSED).toBe("Not used for 90 days");
    expect(Object.values(REVIEW_FLAG_LABEL).every((label) => label.length > 0)).toBe(true);
  });
});

const filters = (over: Partial<ReviewScopeFilters> = {}): ReviewScopeFilters => ({
  ...DEFAULT_REVIEW_SCOPE_FILTERS,
  ...over,
});
const ALL_TYPES = { accountTypes: REVIEW_ACCOUNT_TYPES };

describe("inReviewScope", () => {
  it.each<[string, Partial<ReviewScopeFilters>, Partial<ReviewItemSnapshot>, boolean]>([
    // Account types: User by default; Service and System opt-in.
    ["default: a user account", {}, {}, true],
    ["default: a service account is left out", {}, { accountType: "SERVICE" }, false],
    ["default: a system account is left out", {}, { accountType: "SYSTEM" }, false],
    ["service opted in", { accountTypes: ["USER", "SERVICE"] }, { accountType: "SERVICE" }, true],
    ["service only: a user account is left out", { accountTypes: ["SERVICE"] }, {}, false],
    ["all types: system", ALL_TYPES, { accountType: "SYSTEM" }, true],
    // Grant age.
    [
      "granted 30 days ago, older than 30",
      { grantOlderThanDays: 30 },
      { grantedAt: ago(30) },
      true,
    ],
    [
      "granted a moment short of 30 days, older than 30",
      { grantOlderThanDays: 30 },
      { grantedAt: ago(30, -1) },
      false,
    ],
    ["granted yesterday, older than 30", { grantOlderThanDays: 30 }, { grantedAt: ago(1) }, false],
    // Owner suspended or deprovisioned.
    [
      "inactive owners only: suspended",
      { ownerInactiveOnly: true },
      { ownerStatus: "SUSPENDED" },
      true,
    ],
    [
      "inactive owners only: deprovisioned",
      { ownerInactiveOnly: true },
      { ownerStatus: "DEPROVISIONED" },
      true,
    ],
    ["inactive owners only: active owner", { ownerInactiveOnly: true }, {}, false],
    ["inactive owners only: no owner", { ownerInactiveOnly: true }, ownerless, false],
    // No owner.
    ["ownerless only: no owner", { ownerlessOnly: true }, ownerless, true],
    [
      "ownerless only: ambiguous owner",
      { ownerlessOnly: true },
      { ...ownerless, matchAmbiguous: true },
      true,
    ],
    [
      "ownerless only: cleared owner",
      { ownerlessOnly: true },
      { ...ownerless, ownerSource: "CLEARED" },
      true,
    ],
    ["ownerless only: an owner", { ownerlessOnly: true }, {}, false],
    [
      "ownerless only: a suspended owner is still an owner",
      { ownerlessOnly: true },
      { ownerStatus: "SUSPENDED" },
      false,
    ],
    // Not used for N days; "never" (no usage data) is left out.
    ["unused 60: last login 60 days ago", { unusedForDays: 60 }, { lastLoginAt: ago(60) }, true],
    ["unused 60: last login 59 days ago", { unusedForDays: 60 }, { lastLoginAt: ago(59) }, false],
    ["unused 60: no usage data", { unusedForDays: 60 }, { lastLoginAt: null }, false],
    // All filters apply together.
    [
      "every filter, all met",
      { ...ALL_TYPES, grantOlderThanDays: 90, ownerInactiveOnly: true, unusedForDays: 30 },
      {
        accountType: "SERVICE",
        ownerStatus: "SUSPENDED",
        grantedAt: ago(91),
        lastLoginAt: ago(31),
      },
      true,
    ],
    [
      "every filter, one unmet (grant too recent)",
      { ...ALL_TYPES, grantOlderThanDays: 90, ownerInactiveOnly: true, unusedForDays: 30 },
      {
        accountType: "SERVICE",
        ownerStatus: "SUSPENDED",
        grantedAt: ago(10),
        lastLoginAt: ago(31),
      },
      false,
    ],
  ])("%s → %s", (_label, over, item, expected) => {
    expect(inReviewScope(snap(item), filters(over), NOW)).toBe(expected);
  });

  // The flags and the filters say the same thing about the same facts.
  const grid: ReviewItemSnapshot[] = [];
  for (const accountType of REVIEW_ACCOUNT_TYPES) {
    for (const owner of [
      { ownerId: "sam", ownerStatus: "ACTIVE" },
      { ownerId: "sam", ownerStatus: "SUSPENDED" },
      { ownerId: "sam", ownerStatus: "DEPROVISIONED" },
      { ...ownerless, matchAmbiguous: false },
      { ...ownerless, matchAmbiguous: true },
      { ...ownerless, ownerSource: "CLEARED" },
    ] as const) {
      for (const lastLoginAt of [null, ago(0), ago(89), ago(90), ago(500)]) {
        grid.push(snap({ accountType, ...owner, lastLoginAt }));
      }
    }
  }
  const hasAny = (item: ReviewItemSnapshot, ...flags: ReviewFlag[]) =>
    reviewItemFlags(item, NOW).some((f) => flags.includes(f));

  it("ownerless-only holds exactly the items flagged 'no owner' or 'ambiguous owner'", () => {
    for (const item of grid) {
      expect(inReviewScope(item, filters({ ...ALL_TYPES, ownerlessOnly: true }), NOW)).toBe(
        hasAny(item, "NO_OWNER", "AMBIGUOUS_OWNER"),
      );
    }
  });
  it("inactive-owner-only holds exactly the items flagged with the owner's status", () => {
    for (const item of grid) {
      expect(inReviewScope(item, filters({ ...ALL_TYPES, ownerInactiveOnly: true }), NOW)).toBe(
        hasAny(item, "OWNER_SUSPENDED", "OWNER_DEPROVISIONED"),
      );
    }
  });
  it(`unused for ${UNUSED_FLAG_DAYS} days holds exactly the items flagged unused`, () => {
    for (const item of grid) {
      const scope = filters({ ...ALL_TYPES, unusedForDays: UNUSED_FLAG_DAYS });
      expect(inReviewScope(item, scope, NOW)).toBe(hasAny(item, "UNUSED"));
    }
  });
  it("the default types leave out exactly the items flagged service or system", () => {
    for (const item of grid) {
      expect(inReviewScope(item, filters(), NOW)).toBe(
        !hasAny(item, "SERVICE_ACCOUNT", "SYSTEM_ACCOUNT"),
      );
    }
  });
});

describe("reviewScopeCutoffs", () => {
  it("gives the instants the SQL compares with", () => {
    expect(reviewScopeCutoffs(filters({ grantOlderThanDays: 30, unusedForDays: 90 }), NOW)).toEqual(
      {
        grantedAtOrBefore: new Date("2026-05-31T12:00:00.000Z"),
        lastLoginAtOrBefore: new Date("2026-04-01T12:00:00.000Z"),
      },
    );
    expect(reviewScopeCutoffs(filters(), NOW)).toEqual({
      grantedAtOrBefore: null,
      lastLoginAtOrBefore: null,
    });
    expect(daysBefore(NOW, 1)).toEqual(new Date("2026-06-29T12:00:00.000Z"));
  });
});

describe("reviewScopeFilterErrors", () => {
  const DAYS = "must be a whole number of days, from 1 to 3650.";
  it.each<[string, Partial<ReviewScopeFilters>, Record<string, string[]>]>([
    ["the defaults", {}, {}],
    [
      "every filter, within bounds",
      { ...ALL_TYPES, grantOlderThanDays: 3650, unusedForDays: 1 },
      {},
    ],
    [
      "no account type",
      { accountTypes: [] },
      { accountTypes: ["Choose at least one account type to review."] },
    ],
    [
      "a type twice",
      { accountTypes: ["USER", "USER"] },
      { accountTypes: ["Each account type is chosen once."] },
    ],
    ["zero days", { grantOlderThanDays: 0 }, { grantOlderThanDays: [`The grant age ${DAYS}`] }],
    [
      "a fraction of a day",
      { unusedForDays: 1.5 },
      { unusedForDays: [`The time without use ${DAYS}`] },
    ],
    [
      "more than ten years",
      { unusedForDays: 3651 },
      { unusedForDays: [`The time without use ${DAYS}`] },
    ],
    [
      "negative days",
      { grantOlderThanDays: -5 },
      { grantOlderThanDays: [`The grant age ${DAYS}`] },
    ],
    [
      "no owner and an inactive owner at once",
      { ownerlessOnly: true, ownerInactiveOnly: true },
      {
        ownerlessOnly: [
          "An account cannot both have no owner and have an inactive owner. Choose one of the two.",
        ],
      },
    ],
  ])("%s", (_label, over, expected) => {
    expect(reviewScopeFilterErrors(filters(over))).toEqual(expected);
  });

  it("refuses with the first problem and all of them by field", () => {
    const bad = filters({ accountTypes: [], unusedForDays: 0 });
    expect(() => assertValidReviewScopeFilters(bad)).toThrow(
      "Choose at least one account type to review.",
    );
    try {
      assertValidReviewScopeFilters(bad);
    } catch (error) {
      expect((error as { code: string; details: unknown }).code).toBe("BAD_REQUEST");
      expect((error as { details: unknown }).details).toEqual({
        fieldErrors: reviewScopeFilterErrors(bad),
      });
    }
    expect(() => assertValidReviewScopeFilters(filters())).not.toThrow();
  });
});
