import { describe, expect, it } from "vitest";
import {
  accountTypesInWords,
  campaignTab,
  dayAhead,
  decidedPercent,
  formatDueDate,
  reviewerPlanInWords,
  reviewExportHref,
  reviewItemsInput,
  scopeCountSentence,
  scopeFiltersInWords,
} from "./review-labels.ts";

describe("campaignTab", () => {
  it.each([
    [undefined, "running", "RUNNING"],
    ["running", "running", "RUNNING"],
    ["closed", "closed", "CLOSED"],
    ["all", "all", undefined],
    ["CLOSED", "running", "RUNNING"],
    ["nonsense", "running", "RUNNING"],
  ])("?state=%s is the %s tab", (param, id, state) => {
    expect(campaignTab(param)).toMatchObject({ id, state });
  });
});

describe("scopeCountSentence", () => {
  it("says items, accounts and apps, with thousands separators and singulars", () => {
    expect(scopeCountSentence({ items: 1234, accounts: 567, people: 500, apps: 3 })).toBe(
      "This scope holds 1,234 grants (review items) of 567 accounts in 3 apps.",
    );
    expect(scopeCountSentence({ items: 1, accounts: 1, people: 1, apps: 1 })).toBe(
      "This scope holds 1 grant (review items) of 1 account in 1 app.",
    );
  });
});

describe("accountTypesInWords", () => {
  it.each([
    [["USER"], "User accounts"],
    [["USER", "SERVICE"], "User and Service accounts"],
    [["USER", "SERVICE", "SYSTEM"], "User, Service and System accounts"],
    [[], "No accounts"],
  ] as const)("%j", (types, words) => {
    expect(accountTypesInWords(types)).toBe(words);
  });
});

describe("scopeFiltersInWords", () => {
  it("says nothing for no filter", () => {
    expect(scopeFiltersInWords({ grantOlderThanDays: null, unusedForDays: null })).toEqual([]);
  });
  it("says each filter on, in order", () => {
    expect(
      scopeFiltersInWords({
        grantOlderThanDays: 90,
        ownerInactiveOnly: true,
        ownerlessOnly: false,
        unusedForDays: 1,
      }),
    ).toEqual([
      "Only grants older than 90 days",
      "Only accounts whose owner is suspended or deprovisioned",
      "Only accounts not used for 1 day",
    ]);
  });
});

describe("reviewerPlanInWords", () => {
  it("one level", () => {
    expect(reviewerPlanInWords({ first: { kind: "MANAGER" }, second: null })).toBe(
      "Reviewed by the owner's manager.",
    );
  });
  it("two levels, named people by name when known", () => {
    const names = new Map([
      ["a", "Ada"],
      ["b", "Bo"],
    ]);
    expect(
      reviewerPlanInWords(
        { first: { kind: "APP_OWNERS" }, second: { kind: "USERS", userIds: ["a", "b"] } },
        names,
      ),
    ).toBe("Reviewed by the app owners, then what they keep by Ada or Bo.");
  });
  it("named people not all known are counted", () => {
    expect(
      reviewerPlanInWords({ first: { kind: "USERS", userIds: ["a", "x"] }, second: null }),
    ).toBe("Reviewed by 2 named people.");
  });
});

describe("decidedPercent", () => {
  it.each([
    [0, 0, 0],
    [0, 10, 0],
    [5, 10, 50],
    [999, 1000, 99],
    [1000, 1000, 100],
  ])("%i of %i is %i%%", (decided, total, percent) => {
    expect(decidedPercent(decided, total)).toBe(percent);
  });
});

describe("dates", () => {
  it("dayAhead counts whole days in UTC", () => {
    expect(dayAhead(new Date("2026-03-20T23:30:00Z"), 14)).toBe("2026-04-03");
    expect(dayAhead(new Date("2026-12-31T00:00:00Z"), 0)).toBe("2026-12-31");
  });
  it("formatDueDate names the UTC day the campaign is due", () => {
    expect(formatDueDate(new Date("2026-04-03T23:59:59.999Z"))).toBe("Apr 3, 2026");
  });
});

describe("reviewItemsInput", () => {
  const id = "0190a1b2-0000-7000-8000-000000000001";
  it("takes known filters and reviewer ids", () => {
    expect(reviewItemsInput("c", { filter: "removal_failed", reviewer: id })).toEqual({
      campaignId: "c",
      filter: "removal_failed",
      reviewerId: id,
      limit: 50,
    });
  });
  it("drops what the API would refuse", () => {
    expect(reviewItemsInput("c", { filter: "everything", reviewer: "alex" })).toEqual({
      campaignId: "c",
      filter: undefined,
      reviewerId: undefined,
      limit: 50,
    });
  });
});

it("reviewExportHref", () => {
  expect(reviewExportHref("abc")).toBe("/api/reviews/abc/export");
});
