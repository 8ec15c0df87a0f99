import { describe, expect, it } from "vitest";
import { isAcceptableText, textProblem } from "./text.ts";

describe("textProblem", () => {
  it.each([
    ["plain", "Ada Lovelace", "single-line", null],
    ["accents and emoji", "José García 🚀", "single-line", null],
    ["an empty text", "", "single-line", null],
    ["a NUL", "a\u0000b", "single-line", "contains a NUL character, which text cannot hold"],
    [
      "a NUL in multi-line",
      "a\u0000b",
      "multi-line",
      "contains a NUL character, which text cannot hold",
    ],
    [
      "a bell",
      "a\u0007",
      "single-line",
      "contains a control character (U+0007), which text cannot hold",
    ],
    [
      "DEL",
      "a\u007f",
      "multi-line",
      "contains a control character (U+007F), which text cannot hold",
    ],
    [
      "escape",
      "\u001b[31m",
      "multi-line",
      "contains a control character (U+001B), which text cannot hold",
    ],
    ["a newline on one line", "a\nb", "single-line", "must be on one line"],
    ["a carriage return on one line", "a\rb", "single-line", "must be on one line"],
    [
      "a tab on one line",
      "a\tb",
      "single-line",
      "contains a control character (U+0009), which text cannot hold",
    ],
    ["newlines and tabs in multi-line", "a\r\n\tb", "multi-line", null],
    [
      "a lone high surrogate",
      "\ud800",
      "single-line",
      "is not valid Unicode text (it holds half of a surrogate pair)",
    ],
    [
      "a lone low surrogate",
      "x\udc00y",
      "multi-line",
      "is not valid Unicode text (it holds half of a surrogate pair)",
    ],
    [
      "a high surrogate at the end",
      "ok\ud83d",
      "single-line",
      "is not valid Unicode text (it holds half of a surrogate pair)",
    ],
    [
      "two high surrogates",
      "\ud83d\ud83d\ude80",
      "single-line",
      "is not valid Unicode text (it holds half of a surrogate pair)",
    ],
    ["a pair", "\ud83d\ude80", "single-line", null],
    ["C1 controls are left alone", "a\u0085b", "single-line", null],
  ] as const)("%s", (_name, text, kind, expected) => {
    expect(textProblem(text, kind)).toBe(expected);
    expect(isAcceptableText(text, kind)).toBe(expected === null);
  });

  it("is single-line by default", () => {
    expect(textProblem("a\nb")).toBe("must be on one line");
  });
});
