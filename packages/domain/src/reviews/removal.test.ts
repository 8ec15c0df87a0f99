import { describe, expect, it } from "vitest";
import type { ReviewItemState } from "./decisions.ts";
import { removalState, type RemovalRequestState, type RemovalState } from "./removal.ts";

describe("removalState (item × request × grant)", () => {
  it.each<[ReviewItemState, RemovalRequestState | null, boolean, RemovalState | null]>([
    ["PENDING", null, false, null],
    ["KEPT", null, true, null],
    ["NOT_REVIEWED", "COMPLETED", true, null],
    ["REVOKED", "PENDING_APPROVAL", false, "PENDING"],
    ["REVOKED", "APPROVED", false, "PENDING"],
    ["REVOKED", "PROVISIONING", false, "PENDING"],
    ["REVOKED", "COMPLETED", true, "REMOVED"],
    ["REVOKED", "COMPLETED", false, "REMOVED"],
    ["REVOKED", "ERRORED", false, "ERRORED"],
    ["REVOKED", "DENIED", false, "DENIED"],
    ["REVOKED", "CANCELLED", false, "CANCELLED"],
    ["REVOKED", "DENIED", true, "REMOVED"],
    ["REVOKED", null, true, "REMOVED"],
    ["REVOKED", null, false, "PENDING"],
  ])("%s, request %s, grant ended %s → %s", (item, request, ended, expected) => {
    expect(removalState(item, request, ended)).toBe(expected);
  });

  // A bulk Revoke's removal is opened by a background job; a refused one leaves a problem.
  const problem = "No revocation policy applies to Admin.";
  it.each<
    [ReviewItemState, RemovalRequestState | null, boolean, string | null, RemovalState | null]
  >([
    ["REVOKED", null, false, null, "PENDING"],
    ["REVOKED", null, false, problem, "ERRORED"],
    ["REVOKED", null, true, problem, "REMOVED"],
    ["REVOKED", "PROVISIONING", false, problem, "PENDING"],
    ["KEPT", null, false, problem, null],
  ])("%s, request %s, grant ended %s, problem %s → %s", (item, request, ended, why, expected) => {
    expect(removalState(item, request, ended, why)).toBe(expected);
  });
});
