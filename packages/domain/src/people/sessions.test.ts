import { describe, expect, it } from "vitest";
import { canUseSession, changeEndsSessions, SESSION_ENDED } from "./sessions.ts";

describe("canUseSession (person's status and generation × the cookie's generation → allowed)", () => {
  it.each([
    ["active, same generation", "ACTIVE", 3, 3, true],
    ["active, first sign-in generation", "ACTIVE", 0, 0, true],
    ["active, cookie from before a sign-out", "ACTIVE", 4, 3, false],
    ["active, cookie from a later generation (forged or restored database)", "ACTIVE", 3, 4, false],
    [
      "active, cookie without a generation (made before generations)",
      "ACTIVE",
      0,
      undefined,
      false,
    ],
    ["active, cookie with a null generation", "ACTIVE", 0, null, false],
    ["suspended, same generation", "SUSPENDED", 3, 3, false],
    ["deprovisioned, same generation", "DEPROVISIONED", 3, 3, false],
  ] as const)("%s → %s", (_label, status, current, claimed, allowed) => {
    expect(
      canUseSession({ status, sessionGeneration: current }, { sessionGeneration: claimed }).allowed,
    ).toBe(allowed);
  });

  it("says why: an ended session, or the status", () => {
    expect(
      canUseSession({ status: "ACTIVE", sessionGeneration: 2 }, { sessionGeneration: 1 }),
    ).toEqual({ allowed: false, reason: SESSION_ENDED });
    expect(
      canUseSession({ status: "SUSPENDED", sessionGeneration: 1 }, { sessionGeneration: 1 }),
    ).toMatchObject({ allowed: false, reason: expect.stringContaining("suspended") });
  });
});

describe("changeEndsSessions (before × change → ends the person's sessions)", () => {
  const member = { role: "MEMBER", status: "ACTIVE" } as const;
  it.each([
    ["promotion to super admin", member, { role: "SUPER_ADMIN" }, true],
    ["demotion to member", { role: "SUPER_ADMIN", status: "ACTIVE" }, { role: "MEMBER" }, true],
    ["member to auditor", member, { role: "AUDITOR" }, true],
    [
      "auditor to super admin",
      { role: "AUDITOR", status: "ACTIVE" },
      { role: "SUPER_ADMIN" },
      true,
    ],
    ["suspension", member, { status: "SUSPENDED" }, true],
    ["deprovisioning", member, { status: "DEPROVISIONED" }, true],
    ["reactivation", { role: "MEMBER", status: "SUSPENDED" }, { status: "ACTIVE" }, true],
    ["the same role again", member, { role: "MEMBER" }, false],
    ["the same status again", member, { status: "ACTIVE" }, false],
    ["no role or status in the change (a manager change)", member, {}, false],
  ] as const)("%s → %s", (_label, before, after, ends) => {
    expect(changeEndsSessions(before, after)).toBe(ends);
  });
});
