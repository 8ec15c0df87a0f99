import { describe, expect, it } from "vitest";
import { dayIn } from "./digest.ts";

describe("dayIn (the digest's date and once-a-day key)", () => {
  it.each([
    ["2026-11-22T23:00:00.000Z", "UTC", "2026-11-22"],
    ["2026-11-22T23:00:00.000Z", "Asia/Tokyo", "2026-11-23"],
    ["2026-11-22T03:00:00.000Z", "America/Los_Angeles", "2026-11-21"],
    ["2026-12-31T23:30:00.000Z", "Europe/Berlin", "2027-01-01"],
  ])("%s in %s is %s", (at, timeZone, day) => {
    expect(dayIn(new Date(at), timeZone)).toBe(day);
  });
});
