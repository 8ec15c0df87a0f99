import { describe, expect, it } from "vitest";
import { encodeCursor, INVALID_CURSOR_MESSAGE } from "@lantern/domain";
import {
  multiLineText,
  pageLimit,
  reasonText,
  singleLineText,
  ZCursor,
  ZDescription,
  ZSearchText,
} from "./text.ts";

const appName = singleLineText({
  label: "The app name",
  max: 10,
  required: true,
  requiredMessage: "Give the app a name.",
});
const notes = multiLineText({ label: "The note", max: 20 });

/** The messages of a refused value, or the parsed value. */
function judge(schema: { safeParse: (v: unknown) => unknown }, value: unknown) {
  const result = schema.safeParse(value) as
    | { success: true; data: unknown }
    | { success: false; error: { issues: Array<{ message: string }> } };
  return result.success
    ? { value: result.data }
    : { refused: result.error.issues.map((i) => i.message) };
}

describe("singleLineText", () => {
  it.each<[string, unknown, ReturnType<typeof judge>]>([
    ["plain text", "GitHub", { value: "GitHub" }],
    ["text with spaces around (trimmed)", "  GitHub \n", { value: "GitHub" }],
    ["accents and emoji", "Zoom 🚀 é", { value: "Zoom 🚀 é" }],
    [
      "a NUL",
      "Git\u0000Hub",
      { refused: ["The app name contains a NUL character, which text cannot hold."] },
    ],
    [
      "a lone surrogate",
      "\ud800",
      {
        refused: ["The app name is not valid Unicode text (it holds half of a surrogate pair)."],
      },
    ],
    [
      "a control character",
      "a\u001bb",
      {
        refused: ["The app name contains a control character (U+001B), which text cannot hold."],
      },
    ],
    ["a line break inside", "Git\nHub", { refused: ["The app name must be on one line."] }],
    [
      "a tab inside",
      "Git\tHub",
      {
        refused: ["The app name contains a control character (U+0009), which text cannot hold."],
      },
    ],
    ["empty text", "   ", { refused: ["Give the app a name."] }],
    ["nothing", undefined, { refused: ["Give the app a name."] }],
    ["null", null, { refused: ["Give the app a name."] }],
    ["a number", 42, { refused: ["The app name must be text, not a number."] }],
    [
      "an object",
      { $gt: "" },
      { refused: ["The app name must be text, not a list or an object."] },
    ],
    ["a list", ["a"], { refused: ["The app name must be text, not a list or an object."] }],
    ["too long", "x".repeat(11), { refused: ["The app name is limited to 10 characters."] }],
    [
      "a megabyte with a NUL",
      `${"x".repeat(1 << 20)}\u0000`,
      {
        refused: [
          "The app name contains a NUL character, which text cannot hold.",
          "The app name is limited to 10 characters.",
        ],
      },
    ],
  ])("%s", (_label, value, expected) => {
    expect(judge(appName, value)).toEqual(expected);
  });

  it("allows empty text unless required", () => {
    expect(judge(singleLineText({ label: "The title", max: 5 }), "")).toEqual({ value: "" });
  });
});

describe("multiLineText", () => {
  it.each<[string, unknown, ReturnType<typeof judge>]>([
    ["lines and tabs", "one\n\ttwo\r\nthree", { value: "one\n\ttwo\r\nthree" }],
    [
      "a NUL",
      "one\u0000",
      { refused: ["The note contains a NUL character, which text cannot hold."] },
    ],
    [
      "a bell",
      "ding\u0007",
      { refused: ["The note contains a control character (U+0007), which text cannot hold."] },
    ],
    [
      "half a surrogate pair",
      "a\udc00b",
      { refused: ["The note is not valid Unicode text (it holds half of a surrogate pair)."] },
    ],
    ["too long", "x".repeat(21), { refused: ["The note is limited to 20 characters."] }],
  ])("%s", (_label, value, expected) => {
    expect(judge(notes, value)).toEqual(expected);
  });
});

describe("the shared fields", () => {
  it("search text: optional, one line, 200 characters", () => {
    expect(judge(ZSearchText, undefined)).toEqual({ value: undefined });
    expect(judge(ZSearchText, " ada ")).toEqual({ value: "ada" });
    expect(judge(ZSearchText, "\u0000")).toEqual({
      refused: ["The search text contains a NUL character, which text cannot hold."],
    });
    expect(judge(ZSearchText, "x".repeat(201))).toEqual({
      refused: ["Search text is limited to 200 characters."],
    });
  });

  it("reasons: required, multi-line, 2,000 characters, in the action's words", () => {
    const reason = reasonText("Say why you need this access.");
    expect(judge(reason, "For the\nQ3 audit")).toEqual({ value: "For the\nQ3 audit" });
    expect(judge(reason, " ")).toEqual({ refused: ["Say why you need this access."] });
    expect(judge(reason, "\u0000")).toEqual({
      refused: ["The reason contains a NUL character, which text cannot hold."],
    });
    expect(judge(reason, "x".repeat(2_001))).toEqual({
      refused: ["A reason is limited to 2,000 characters."],
    });
  });

  it("descriptions: multi-line, 2,000 characters", () => {
    expect(judge(ZDescription, "a\nb")).toEqual({ value: "a\nb" });
    expect(judge(ZDescription, "x".repeat(2_001))).toEqual({
      refused: ["A description is limited to 2,000 characters."],
    });
  });

  it("cursors: bounded here, judged by the codec; a wrong type says the same", () => {
    const raw = encodeCursor({ key: "a", id: "0190f0c4-5b6a-7c3d-8e9f-0a1b2c3d4e5f" });
    expect(judge(ZCursor, raw)).toEqual({ value: raw });
    expect(judge(ZCursor, "A".repeat(10_001))).toEqual({ refused: [INVALID_CURSOR_MESSAGE] });
    expect(judge(ZCursor, 12)).toEqual({ refused: [INVALID_CURSOR_MESSAGE] });
  });

  it("page sizes: whole numbers from 1 to 100", () => {
    expect(judge(pageLimit(25), undefined)).toEqual({ value: 25 });
    for (const bad of [0, 101, 1.5, "10", Number.NaN]) {
      expect(judge(pageLimit(25), bad)).toEqual({
        refused: ["The page size is a whole number from 1 to 100."],
      });
    }
  });
});
