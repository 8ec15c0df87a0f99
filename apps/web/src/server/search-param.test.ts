import { describe, expect, it } from "vitest";
import { searchParam } from "./search-param.ts";

describe("searchParam (?q= of a list page)", () => {
  it.each<[string, string | string[] | undefined, string]>([
    ["absent", undefined, ""],
    ["plain, trimmed", "  ada ", "ada"],
    ["the first of several", ["ada", "bob"], "ada"],
    ["accents", "José", "José"],
    ["a NUL", "\u0000", ""],
    ["a lone surrogate", "a\ud800", ""],
    ["a control character", "a\u001b[31m", ""],
    ["a line break inside", "a\nb", ""],
    ["over 200 characters", "x".repeat(201), ""],
    ["200 characters", "x".repeat(200), "x".repeat(200)],
  ])("%s", (_label, value, expected) => {
    expect(searchParam(value)).toBe(expected);
  });
});
