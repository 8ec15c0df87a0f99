import { describe, expect, it } from "vitest";
import { FLAG_FILTERS, queueFilters } from "./queue.ts";

describe("queueFilters", () => {
  const id = "3f1c2a4e-9b7d-4c1e-8f2a-0b1c2d3e4f5a";

  it("reads the campaign of an email's link and a known flag", () => {
    expect(queueFilters({ campaign: id, flag: "UNUSED" })).toEqual({
      campaignId: id,
      flag: "UNUSED",
    });
    expect(queueFilters({ campaign: id.toUpperCase(), flag: "FLAGGED" })).toEqual({
      campaignId: id,
      flag: "FLAGGED",
    });
  });

  it("treats anything else as no filter", () => {
    expect(queueFilters({ campaign: "not-an-id", flag: "SOMETHING" })).toEqual({
      campaignId: null,
      flag: null,
    });
    expect(queueFilters({})).toEqual({ campaignId: null, flag: null });
  });

  it("offers All, Flagged and every flag once", () => {
    const ids = FLAG_FILTERS.map((f) => f.id);
    expect(ids.slice(0, 2)).toEqual([null, "FLAGGED"]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain("OWNER_SUSPENDED");
  });
});
