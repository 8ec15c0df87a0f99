import { describe, expect, it } from "vitest";
import { ACTION_KEY, inboxCommand } from "~/components/tasks/shortcuts";
import { KEEP_KEY, QUEUE_SHORTCUTS, queueCommand, REVOKE_KEY } from "./keys.ts";

describe("queueCommand", () => {
  it.each<[string, ReturnType<typeof queueCommand>]>([
    ["j", { type: "next" }],
    ["k", { type: "previous" }],
    ["x", { type: "toggle" }],
    ["e", { type: "keep" }],
    ["r", { type: "revoke" }],
    ["?", { type: "help" }],
    // The inbox's action keys and shifted letters are nobody's here.
    ["a", null],
    ["d", null],
    ["E", null],
    ["R", null],
    ["Enter", null],
  ])("%j → %j", (key, command) => {
    expect(queueCommand(key)).toEqual(command);
  });

  it("keeps and revokes with keys the inboxes and the task page leave alone", () => {
    for (const key of [KEEP_KEY, REVOKE_KEY]) {
      expect(inboxCommand(key), key).toBeNull();
      expect(Object.values(ACTION_KEY), key).not.toContain(key);
    }
  });

  it("lists only keys the queue handles", () => {
    for (const row of QUEUE_SHORTCUTS) {
      for (const key of row.keys) expect(queueCommand(key), key).not.toBeNull();
    }
  });
});
