import { describe, expect, it } from "vitest";
import type { Actor } from "../actor.ts";
import { DomainError } from "../errors.ts";
import {
  assertAllowed,
  canCreateApp,
  canManageApp,
  canManageNotifications,
  canManageOrganization,
  canManagePeople,
  canManagePolicies,
  canSignIn,
  canViewApp,
  canViewAuditLog,
  canViewDirectory,
  devMailboxScope,
} from "./rules.ts";

const ORG = "org-1";
const OTHER_ORG = "org-2";
const person = (id: string, role: Actor["role"] = "MEMBER", organizationId = ORG): Actor => ({
  id,
  organizationId,
  role,
  status: "ACTIVE",
  displayName: id,
  email: `${id}@example.com`,
});

const admin = person("admin", "SUPER_ADMIN");
const owner = person("owner");
const member = person("member");
const outsiderAdmin = person("outsider", "SUPER_ADMIN", OTHER_ORG);
const app = { organizationId: ORG, ownerIds: ["owner"] };

describe("app rules (role × action → allowed)", () => {
  it.each([
    // actor,         view,  manage
    ["super admin", admin, true, true],
    ["app owner", owner, true, true],
    ["member", member, true, false],
    ["super admin of another org", outsiderAdmin, false, false],
  ] as const)("%s", (_label, actor, canView, canManage) => {
    expect(canViewApp(actor, app).allowed).toBe(canView);
    expect(canManageApp(actor, app).allowed).toBe(canManage);
  });

  it("explains a refusal in words a person understands", () => {
    expect(canManageApp(member, app)).toEqual({
      allowed: false,
      reason: "Only the app's owners and super admins can change this app.",
    });
  });
});

describe("organization rules", () => {
  it.each([
    ["super admin", admin, true],
    ["app owner", owner, false],
    ["member", member, false],
  ] as const)("%s", (_label, actor, allowed) => {
    expect(canViewDirectory(actor).allowed).toBe(allowed);
    expect(canManageOrganization(actor).allowed).toBe(allowed);
    expect(canManageNotifications(actor).allowed).toBe(allowed);
    expect(canCreateApp(actor).allowed).toBe(allowed);
    expect(canManagePolicies(actor).allowed).toBe(allowed);
    expect(canManagePeople(actor).allowed).toBe(allowed);
    expect(canViewAuditLog(actor).allowed).toBe(allowed);
  });
});

describe("canSignIn", () => {
  it.each([
    ["ACTIVE", true],
    ["SUSPENDED", false],
    ["DEPROVISIONED", false],
  ] as const)("%s → %s", (status, allowed) => {
    expect(canSignIn({ status }).allowed).toBe(allowed);
  });
});

describe("assertAllowed", () => {
  it("throws a typed DomainError carrying the reason", () => {
    const decision = canManageApp(member, app);
    expect(() => assertAllowed(decision)).toThrowError(DomainError);
    try {
      assertAllowed(decision, "NOT_FOUND");
    } catch (error) {
      expect(error).toMatchObject({
        code: "NOT_FOUND",
        message: decision.allowed ? "" : decision.reason,
      });
    }
  });
  it("passes an allowed decision", () => {
    expect(() => assertAllowed(canManageApp(admin, app))).not.toThrow();
  });
});

describe("devMailboxScope (access × person → whose email)", () => {
  const suspended: Actor = { ...member, status: "SUSPENDED" };
  it.each([
    ["off", admin, { kind: "NONE" }],
    ["off", null, { kind: "NONE" }],
    ["public", null, { kind: "ALL" }],
    ["public", member, { kind: "ALL" }],
    ["signed-in", null, { kind: "NONE" }],
    ["signed-in", member, { kind: "OWN", email: "member@example.com" }],
    // A super admin too: the mailbox is the server's, shared by every organization.
    ["signed-in", admin, { kind: "OWN", email: "admin@example.com" }],
    ["signed-in", suspended, { kind: "NONE" }],
  ] as const)("%s, %o", (access, actor, scope) => {
    expect(devMailboxScope(access, actor)).toEqual(scope);
  });
});
