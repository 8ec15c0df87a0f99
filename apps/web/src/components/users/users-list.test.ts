import { describe, expect, it } from "vitest";
import { resolveFilters } from "./users-list.ts";

describe("resolveFilters (the directory's URL)", () => {
  it.each<[string, string | undefined, string | null]>([
    ["a person id", "0190f0c4-5b6a-7c3d-8e9f-0a1b2c3d4e5f", "0190f0c4-5b6a-7c3d-8e9f-0a1b2c3d4e5f"],
    // Hex in UUID form but no valid version/variant: users.list would answer BAD_REQUEST.
    ["not an RFC UUID", "12345678-1234-1234-1234-123456789abc", null],
    ["a NUL", "\u0000", null],
    ["a name", "ada", null],
    ["nothing", undefined, null],
  ])("manager: %s", (_label, manager, expected) => {
    expect(resolveFilters({ manager }).managerId).toBe(expected);
  });

  it("keeps 'no manager' only without a manager", () => {
    expect(resolveFilters({ nomanager: "1" }).noManager).toBe(true);
    expect(
      resolveFilters({ nomanager: "1", manager: "0190f0c4-5b6a-7c3d-8e9f-0a1b2c3d4e5f" }).noManager,
    ).toBe(false);
  });
});
