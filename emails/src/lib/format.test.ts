import { describe, expect, it } from "vitest";
import {
  calendarDaysBetween,
  formatCountOf,
  formatDate,
  formatDue,
  formatMinutes,
  formatOpenFor,
} from "./format.ts";

describe("formatMinutes", () => {
  it.each([
    [1, "1 minute"],
    [15, "15 minutes"],
    [60, "1 hour"],
    [90, "90 minutes"],
    [120, "2 hours"],
    [1440, "24 hours"],
    [0, "1 minute"],
    [9.6, "10 minutes"],
  ])("%s → %s", (minutes, expected) => {
    expect(formatMinutes(minutes)).toBe(expected);
  });
});

describe("formatDate", () => {
  it.each([
    ["2026-11-24T09:30:00.000Z", "Nov 24, 2026"],
    ["2026-11-24T23:59:59.999Z", "Nov 24, 2026"],
    // Always UTC: 01:00 in Berlin is still the day before in UTC.
    ["2026-11-25T01:00:00+02:00", "Nov 24, 2026"],
    ["2026-11-24", "Nov 24, 2026"],
    ["not a date", "not a date"],
  ])("%s → %s", (iso, expected) => {
    expect(formatDate(iso)).toBe(expected);
  });
});

describe("formatOpenFor", () => {
  it.each([
    ["2026-11-24T08:00:00.000Z", "opened today"],
    ["2026-11-23T23:59:00.000Z", "open 1 day"],
    ["2026-11-21T00:00:00.000Z", "open 3 days"],
    ["2026-11-25T08:00:00.000Z", "opened today"],
    ["garbage", "opened garbage"],
  ])("opened %s, seen on 2026-11-24 → %s", (openedAt, expected) => {
    expect(formatOpenFor(openedAt, "2026-11-24")).toBe(expected);
  });
});

describe("formatDue", () => {
  it.each([
    ["2026-11-25T17:00:00.000Z", "due Nov 25, 2026"],
    ["2026-11-24T17:00:00.000Z", "due today"],
    ["2026-11-20T17:00:00.000Z", "overdue since Nov 20, 2026"],
  ])("due %s, seen on 2026-11-24 → %s", (dueAt, expected) => {
    expect(formatDue(dueAt, "2026-11-24")).toBe(expected);
  });
});

describe("calendarDaysBetween", () => {
  it("counts UTC calendar days, not 24-hour periods", () => {
    expect(calendarDaysBetween("2026-11-23T23:59:00.000Z", "2026-11-24T00:01:00.000Z")).toBe(1);
    expect(calendarDaysBetween("2026-11-24T00:01:00.000Z", "2026-11-24T23:59:00.000Z")).toBe(0);
    expect(calendarDaysBetween("x", "2026-11-24")).toBeNull();
  });
});

describe("formatCountOf", () => {
  it("uses the singular for one only", () => {
    expect(formatCountOf(0, "task")).toBe("0 tasks");
    expect(formatCountOf(1, "task")).toBe("1 task");
    expect(formatCountOf(2, "entry", "entries")).toBe("2 entries");
  });
});
