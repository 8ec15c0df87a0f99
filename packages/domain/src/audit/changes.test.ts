import { describe, expect, it } from "vitest";
import { fieldChanges } from "./changes.ts";

describe("fieldChanges", () => {
  it.each([
    ["nothing changes", { name: "A" }, { name: "A" }, null],
    [
      "a field changes",
      { name: "A", x: 1 },
      { name: "B" },
      { before: { name: "A" }, after: { name: "B" } },
    ],
    ["undefined means not given", { name: "A" }, { name: undefined }, null],
    [
      "null is a value",
      { icon: "u" },
      { icon: null },
      { before: { icon: "u" }, after: { icon: null } },
    ],
    [
      "a missing before becomes null",
      {} as Record<string, unknown>,
      { icon: "u" },
      { before: { icon: null }, after: { icon: "u" } },
    ],
    ["equal arrays", { ids: ["a", "b"] }, { ids: ["a", "b"] }, null],
    [
      "arrays compare in order",
      { ids: ["a", "b"] },
      { ids: ["b", "a"] },
      { before: { ids: ["a", "b"] }, after: { ids: ["b", "a"] } },
    ],
    ["equal objects", { p: { id: "1", name: "X" } }, { p: { id: "1", name: "X" } }, null],
    ["equal dates", { at: new Date(5) }, { at: new Date(5) }, null],
  ] as const)("%s", (_label, before, after, expected) => {
    expect(
      fieldChanges(before as Record<string, unknown>, after as Record<string, unknown>),
    ).toEqual(expected);
  });
});
