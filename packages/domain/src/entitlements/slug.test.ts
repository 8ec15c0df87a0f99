import { describe, expect, it } from "vitest";
import { isEntitlementSlug, slugFromName } from "./slug.ts";

describe("slugFromName", () => {
  it.each([
    ["Repository write", "repository-write"],
    ["  Admin  (EU) ", "admin-eu"],
    ["Café Crème", "cafe-creme"],
    ["read_only.v2", "read_only.v2"],
    ["--Owner--", "owner"],
    ["A & B / C", "a-b-c"],
    ["日本語", ""],
    ["!!!", ""],
  ])("%j → %j", (name, slug) => {
    expect(slugFromName(name)).toBe(slug);
  });

  it("keeps at most 100 characters and never ends on a separator", () => {
    const slug = slugFromName(`${"a".repeat(99)} b`);
    expect(slug).toBe("a".repeat(99));
    expect(slugFromName("x".repeat(150))).toHaveLength(100);
  });

  it("always makes a valid slug or nothing", () => {
    for (const name of ["Read", "Ünïcödé group", "x.y-z_1", "Ops: on-call (24/7)"]) {
      expect(isEntitlementSlug(slugFromName(name))).toBe(true);
    }
  });
});

describe("isEntitlementSlug", () => {
  it.each([
    ["repo-write", true],
    ["a.b_c-1", true],
    ["Repo", false],
    ["with space", false],
    ["", false],
    ["é", false],
    ["a".repeat(100), true],
    ["a".repeat(101), false],
  ])("%j → %s", (slug, ok) => {
    expect(isEntitlementSlug(slug)).toBe(ok);
  });
});
