import { describe, expect, it } from "vitest";
import {
  distinctFacts,
  formatAge,
  formatAgo,
  formatDue,
  formatDuration,
  initials,
  plural,
} from "./format.ts";

describe("initials", () => {
  it.each([
    ["Ada Lovelace", "AL"],
    ["  grace   brewster murray hopper ", "GH"],
    ["Prince", "P"],
    ["", "?"],
  ])("%j → %s", (name, expected) => expect(initials(name)).toBe(expected));
});

describe("plural", () => {
  it("counts with the right noun", () => {
    expect(plural(1, "account")).toBe("1 account");
    expect(plural(2310, "account")).toBe("2,310 accounts");
    expect(plural(0, "entitlement")).toBe("0 entitlements");
  });
});

describe("relative times", () => {
  const now = new Date("2026-03-10T12:00:00Z");
  const before = (ms: number) => new Date(now.getTime() - ms);
  const MIN = 60_000;
  const HOUR = 60 * MIN;
  const DAY = 24 * HOUR;

  it.each([
    [20_000, "less than a minute"],
    [MIN, "1 minute"],
    [59 * MIN, "59 minutes"],
    [HOUR, "1 hour"],
    [23 * HOUR, "23 hours"],
    [36 * HOUR, "1 day"],
    [3 * DAY, "3 days"],
    [59 * DAY, "59 days"],
    [75 * DAY, "2 months"],
    [800 * DAY, "2 years"],
  ])("%d ms → %s", (ms, expected) => {
    expect(formatDuration(ms)).toBe(expected);
    expect(formatAge(before(ms), now)).toBe(expected);
  });

  it("says how long ago", () => {
    expect(formatAgo(before(10_000), now)).toBe("just now");
    expect(formatAgo(before(3 * DAY), now)).toBe("3 days ago");
  });

  it("hints at due dates", () => {
    expect(formatDue(new Date(now.getTime() + 2 * DAY), now)).toEqual({
      label: "Due in 2 days",
      overdue: false,
    });
    expect(formatDue(before(3 * HOUR), now)).toEqual({
      label: "Overdue by 3 hours",
      overdue: true,
    });
  });
});

describe("distinctFacts", () => {
  it.each([
    ["a login that is the email in capitals", ["ADA@X.COM", "ada@x.com"], [], ["ADA@X.COM"]],
    ["an email with stray spaces", ["ada@x.com", "  Ada@X.com "], [], ["ada@x.com"]],
    ["a fact the title already says", ["ada", "ada@x.com"], ["Ada"], ["ada@x.com"]],
    ["different facts", ["ada", "ada@x.com"], ["Ada Lovelace"], ["ada", "ada@x.com"]],
    ["empty ones", [null, "", "  ", "ada"], [], ["ada"]],
  ])("%s", (_name, facts, shown, expected) => {
    expect(distinctFacts(facts, shown)).toEqual(expected);
  });
});
