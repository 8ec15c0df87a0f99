import { describe, expect, it } from "vitest";
import { initials, plural } from "./format.ts";

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
