import { describe, expect, it } from "vitest";
import { describeEvent, joinNames, type HistoryEvent, type HistoryFacts } from "./history.ts";

const marcus = { id: "u-marcus", displayName: "Marcus Chen" };
const facts: HistoryFacts = {
  requestKind: "GRANT",
  entitlement: "Workspace admin",
  app: "Slack",
  names: new Map([
    ["u-marcus", "Marcus Chen"],
    ["u-keisha", "Keisha Williams"],
    ["u-priya", "Priya Shah"],
  ]),
};
const event = (e: Partial<HistoryEvent>): HistoryEvent => ({
  action: "task.created",
  actor: null,
  reason: null,
  taskNumber: 1042,
  before: null,
  after: null,
  ...e,
});

describe("describeEvent", () => {
  it.each<[Partial<HistoryEvent>, string, string | null]>([
    [
      { action: "request.created", actor: marcus, reason: "On call" },
      "Marcus Chen requested Workspace admin in Slack",
      "On call",
    ],
    [
      {
        action: "task.created",
        after: { kind: "PROVISION", assigneeIds: ["u-marcus", "u-keisha"] },
      },
      "Provisioning task #1042 opened for Marcus Chen and Keisha Williams",
      null,
    ],
    [
      {
        action: "task.created",
        after: {
          kind: "APPROVAL",
          assigneeIds: ["u-priya", "u-zz"],
          routingNote: "No manager on record.",
        },
      },
      "Approval task #1042 opened for Priya Shah and 1 other",
      "No manager on record.",
    ],
    [
      {
        action: "task.reassigned",
        actor: marcus,
        reason: "Out of office",
        after: { assigneeIds: ["u-priya"] },
      },
      "Marcus Chen reassigned task #1042 to Priya Shah",
      "Out of office",
    ],
    [
      {
        action: "task.reminded",
        actor: marcus,
        after: { lastRemindedAt: "2026-11-22T14:05:00.000Z", remindedIds: ["u-priya", "u-keisha"] },
      },
      "Marcus Chen sent a reminder about task #1042 to Priya Shah and Keisha Williams",
      null,
    ],
    [
      { action: "task.reminded", actor: marcus, after: { remindedIds: ["u-unknown"] } },
      "Marcus Chen sent a reminder about task #1042",
      null,
    ],
    [
      { action: "task.provisioned", actor: marcus },
      "Marcus Chen marked task #1042 provisioned",
      null,
    ],
    [
      { action: "task.errored", actor: marcus, reason: "No license" },
      "Marcus Chen marked task #1042 as errored",
      "No license",
    ],
    [
      { action: "task.commented", actor: marcus, reason: "ignored" },
      "Marcus Chen commented on task #1042",
      null,
    ],
    [{ action: "request.approved", taskNumber: null }, "The request was approved", null],
    [
      { action: "request.provisioning", taskNumber: null },
      "The request moved on to provisioning",
      null,
    ],
    [
      { action: "grant.created", after: { expiresAt: null } },
      "Workspace admin is now live in Slack",
      null,
    ],
    [
      { action: "request.cancelled", actor: marcus, reason: "Not needed" },
      "Marcus Chen cancelled the request",
      "Not needed",
    ],
  ])("%j", (input, text, detail) => {
    const line = describeEvent(event(input), facts);
    expect(line.text).toBe(text);
    expect(line.detail).toBe(detail);
  });

  it("falls back to a generic line for actions it does not know", () => {
    expect(
      describeEvent(event({ action: "policy.snapshot_refreshed", actor: marcus }), facts).text,
    ).toBe("Marcus Chen: policy snapshot refreshed");
    expect(describeEvent(event({ action: "something.new" }), facts).text).toBe(
      "Lantern: something new",
    );
  });

  it("speaks of removal for revocations", () => {
    const revoke = { ...facts, requestKind: "REVOKE" as const };
    expect(describeEvent(event({ action: "request.created", actor: marcus }), revoke).text).toBe(
      "Marcus Chen asked to remove Workspace admin in Slack",
    );
    expect(describeEvent(event({ action: "request.completed" }), revoke).text).toBe(
      "The request was completed: the access is removed",
    );
  });
});

describe("joinNames", () => {
  it.each([
    [[], ""],
    [["A"], "A"],
    [["A", "B"], "A and B"],
    [["A", "B", "C"], "A, B and C"],
    [["A", "B", "C", "D"], "A, B and 2 others"],
  ])("%j → %s", (names, expected) => expect(joinNames(names)).toBe(expected));
});
