import { describe, expect, it } from "vitest";
import { isShortcutPress, type KeyPress } from "./shortcut-keys.ts";

describe("isShortcutPress", () => {
  const press = (p: Partial<KeyPress>): KeyPress => ({
    key: "j",
    ctrlKey: false,
    metaKey: false,
    altKey: false,
    isComposing: false,
    defaultPrevented: false,
    target: null,
    ...p,
  });

  it.each<[string, Partial<KeyPress>]>([
    ["with Ctrl (the browser's)", { ctrlKey: true }],
    ["with ⌘", { metaKey: true }],
    ["with Alt", { altKey: true }],
    ["while composing text (an input method)", { isComposing: true }],
    ["already handled", { defaultPrevented: true }],
  ])("is never one %s", (_, p) => {
    expect(isShortcutPress(press(p))).toBe(false);
  });
});
