import { describe, expect, it } from "vitest";
import {
  TASK_KINDS,
  requestEndedHeadline,
  taskHeadline,
  type RequestEndState,
  type RequestKind,
} from "./copy.ts";

const facts = { appName: "GitHub", entitlementName: "Owner", subject: "Leo Park" };

describe("taskHeadline", () => {
  it.each([
    ["PROVISION", "GRANT", "Provision access: Owner in GitHub for Leo Park"],
    ["DEPROVISION", "REVOKE", "Remove access: Owner in GitHub from Leo Park"],
    ["APPROVAL", "GRANT", "Approve a request: Owner in GitHub for Leo Park"],
    ["APPROVAL", "REVOKE", "Approve a request: remove Owner in GitHub from Leo Park"],
  ] as const)("%s of %s → %s", (taskKind, requestKind, expected) => {
    expect(taskHeadline({ ...facts, taskKind, requestKind })).toBe(expected);
  });

  it("starts each kind differently", () => {
    const starts = TASK_KINDS.map(
      (taskKind) => taskHeadline({ ...facts, taskKind, requestKind: "GRANT" }).split(":")[0],
    );
    expect(new Set(starts).size).toBe(TASK_KINDS.length);
  });
});

describe("requestEndedHeadline", () => {
  it("never reads the same for two different endings", () => {
    const states: RequestEndState[] = ["COMPLETED", "ERRORED", "DENIED", "CANCELLED"];
    const kinds: RequestKind[] = ["GRANT", "REVOKE"];
    const headlines = states.flatMap((state) =>
      kinds.map((requestKind) => requestEndedHeadline({ ...facts, state, requestKind })),
    );
    expect(new Set(headlines.map((h) => h.split(":")[0])).size).toBe(headlines.length);
  });
});
