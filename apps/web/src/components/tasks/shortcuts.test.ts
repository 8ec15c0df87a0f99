import { describe, expect, it } from "vitest";
import { ACTION_KEY, inboxCommand, inboxShortcuts } from "./shortcuts.ts";

describe("inboxCommand", () => {
  it.each<[string, ReturnType<typeof inboxCommand>]>([
    ["j", { type: "next" }],
    ["k", { type: "previous" }],
    ["Enter", { type: "open" }],
    ["o", { type: "open" }],
    ["x", { type: "toggle" }],
    ["/", { type: "search" }],
    ["?", { type: "help" }],
    ["a", { type: "act", kind: "APPROVAL" }],
    ["p", { type: "act", kind: "PROVISION" }],
    ["d", { type: "act", kind: "DEPROVISION" }],
    // Shifted letters and other keys are nobody's.
    ["J", null],
    ["P", null],
    ["e", null],
    ["Escape", null],
    ["ArrowDown", null],
    [" ", null],
  ])("%j → %j", (key, command) => {
    expect(inboxCommand(key)).toEqual(command);
  });

  it("gives each kind of task its own key", () => {
    expect(new Set(Object.values(ACTION_KEY)).size).toBe(3);
    for (const key of Object.values(ACTION_KEY)) {
      expect(inboxCommand(key)?.type).toBe("act");
    }
  });
});

describe("inboxShortcuts", () => {
  const keys = (kind: Parameters<typeof inboxShortcuts>[0]) =>
    inboxShortcuts(kind).flatMap((s) => s.keys);

  it("lists the tab's action key and x on an awaiting tab", () => {
    expect(keys("PROVISION")).toEqual(["j", "k", "Enter", "o", "p", "x", "/", "?"]);
    expect(inboxShortcuts("DEPROVISION").find((s) => s.keys[0] === "d")?.does).toBe(
      "Mark deprovisioned (asks to confirm)",
    );
    expect(inboxShortcuts("APPROVAL").find((s) => s.keys[0] === "a")?.does).toBe(
      "Approve (asks to confirm)",
    );
  });

  it("has no action or selection on Completed tasks", () => {
    expect(keys(null)).toEqual(["j", "k", "Enter", "o", "/", "?"]);
  });

  it("lists only keys the inbox handles", () => {
    for (const kind of ["APPROVAL", "PROVISION", "DEPROVISION"] as const) {
      for (const key of keys(kind)) expect(inboxCommand(key), key).not.toBeNull();
    }
  });
});
