import { describe, expect, it } from "vitest";
import { formatMinutes } from "./format.ts";

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
