import { describe, expect, it } from "vitest";
import { DomainError } from "../errors.ts";
import {
  checkManagerChange,
  checkRoleChange,
  checkStatusChange,
  type PersonFacts,
  type PersonRole,
  type PersonStatus,
} from "./changes.ts";

const person = (
  id: string,
  role: PersonRole = "MEMBER",
  status: PersonStatus = "ACTIVE",
): PersonFacts => ({ id, displayName: id, role, status });

/** The code the rule refuses with, or "ok". */
function outcome(fn: () => void): string {
  try {
    fn();
    return "ok";
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
}

const admin = person("ada", "SUPER_ADMIN");
const member = person("max");
const suspendedAdmin = person("bea", "SUPER_ADMIN", "SUSPENDED");

describe("checkRoleChange (person × new role × other active super admins → outcome)", () => {
  it.each([
    ["demote the last active super admin", admin, "MEMBER", 0, "CONFLICT"],
    ["demote a super admin when another is active", admin, "MEMBER", 1, "ok"],
    ["keep the last super admin a super admin", admin, "SUPER_ADMIN", 0, "ok"],
    ["promote a member", member, "SUPER_ADMIN", 0, "ok"],
    ["demote a suspended super admin", suspendedAdmin, "MEMBER", 0, "ok"],
    // An auditor is not a super admin: making the last one an auditor leaves nobody to change things.
    ["make the last active super admin an auditor", admin, "AUDITOR", 0, "CONFLICT"],
    ["make a super admin an auditor when another is active", admin, "AUDITOR", 1, "ok"],
    ["make a member an auditor", member, "AUDITOR", 0, "ok"],
    ["promote an auditor", person("avery", "AUDITOR"), "SUPER_ADMIN", 0, "ok"],
    ["make an auditor a member", person("avery", "AUDITOR"), "MEMBER", 0, "ok"],
  ] as const)("%s → %s", (_name, who, role, others, expected) => {
    expect(outcome(() => checkRoleChange(who, role, others))).toBe(expected);
  });
});

describe("checkStatusChange (actor × person × status × reason × others → outcome)", () => {
  it.each([
    ["suspend a member with a reason", "ada", member, "SUSPENDED", "Left on leave", 0, "ok"],
    ["deprovision a member with a reason", "ada", member, "DEPROVISIONED", "Left", 0, "ok"],
    ["suspend without a reason", "ada", member, "SUSPENDED", "", 0, "BAD_REQUEST"],
    ["deprovision with a blank reason", "ada", member, "DEPROVISIONED", "  ", 0, "BAD_REQUEST"],
    ["suspend yourself", "ada", admin, "SUSPENDED", "Holiday", 3, "BAD_REQUEST"],
    ["deprovision yourself", "max", member, "DEPROVISIONED", "Leaving", 1, "BAD_REQUEST"],
    ["suspend the last active super admin", "zed", admin, "SUSPENDED", "Why", 0, "CONFLICT"],
    ["suspend a super admin when another is active", "zed", admin, "SUSPENDED", "Why", 1, "ok"],
    ["reactivate without a reason", "ada", suspendedAdmin, "ACTIVE", null, 0, "ok"],
    ["deprovision a suspended super admin", "ada", suspendedAdmin, "DEPROVISIONED", "x", 0, "ok"],
    ["set what already is (no reason needed)", "ada", member, "ACTIVE", undefined, 0, "ok"],
  ] as const)("%s → %s", (_name, actorId, who, status, reason, others, expected) => {
    expect(outcome(() => checkStatusChange({ id: actorId }, who, status, reason, others))).toBe(
      expected,
    );
  });
});

describe("checkManagerChange (person × manager × manager's chain → outcome)", () => {
  it.each([
    ["clear the manager", member, null, [], "ok"],
    ["an active manager with no manager", member, person("hana"), [], "ok"],
    ["an active manager up a chain without the person", member, person("hana"), ["ada"], "ok"],
    ["themselves", member, person("max"), [], "BAD_REQUEST"],
    ["their direct report (loop of two)", member, person("rae"), ["max"], "BAD_REQUEST"],
    [
      "someone further down (longer loop)",
      member,
      person("lee"),
      ["rae", "max", "ada"],
      "BAD_REQUEST",
    ],
    ["a suspended person", member, person("sam", "MEMBER", "SUSPENDED"), [], "BAD_REQUEST"],
    ["a deprovisioned person", member, person("dan", "MEMBER", "DEPROVISIONED"), [], "BAD_REQUEST"],
  ] as const)("%s → %s", (_name, who, manager, chain, expected) => {
    expect(outcome(() => checkManagerChange(who, manager, chain))).toBe(expected);
  });

  it("names both people when the chain would loop", () => {
    expect(() => checkManagerChange(member, person("rae"), ["max"])).toThrow(
      "rae reports to max (directly or through their managers): max cannot report to them.",
    );
  });
});
