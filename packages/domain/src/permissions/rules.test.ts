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
  canViewAppSettings,
  canViewAuditLog,
  canViewDirectory,
  canViewNotifications,
  canViewOrganizationSettings,
  canViewPolicies,
  devMailboxScope,
  readsEverything,
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
const auditor = person("auditor", "AUDITOR");
const owner = person("owner");
const member = person("member");
const outsiderAdmin = person("outsider", "SUPER_ADMIN", OTHER_ORG);
const outsiderAuditor = person("outsider", "AUDITOR", OTHER_ORG);
const app = { organizationId: ORG, ownerIds: ["owner"] };

describe("app rules (role × action → allowed)", () => {
  it.each([
    // actor,         view,  settings, manage
    ["super admin", admin, true, true, true],
    ["auditor", auditor, true, true, false],
    ["app owner", owner, true, true, true],
    ["member", member, true, false, false],
    ["super admin of another org", outsiderAdmin, false, false, false],
    ["auditor of another org", outsiderAuditor, false, false, false],
  ] as const)("%s", (_label, actor, canView, canSeeSettings, canManage) => {
    expect(canViewApp(actor, app).allowed).toBe(canView);
    expect(canViewAppSettings(actor, app).allowed).toBe(canSeeSettings);
    expect(canManageApp(actor, app).allowed).toBe(canManage);
  });

  it("explains a refusal in words a person understands", () => {
    expect(canManageApp(member, app)).toEqual({
      allowed: false,
      reason: "Only the app's owners and super admins can change this app.",
    });
  });
});

describe("organization rules (role × read / change → allowed)", () => {
  it.each([
    // actor,        reads everything, changes
    ["super admin", admin, true, true],
    ["auditor", auditor, true, false],
    ["app owner", owner, false, false],
    ["member", member, false, false],
  ] as const)("%s", (_label, actor, reads, changes) => {
    expect(readsEverything(actor)).toBe(reads);
    expect(canViewDirectory(actor).allowed).toBe(reads);
    expect(canViewAuditLog(actor).allowed).toBe(reads);
    expect(canViewOrganizationSettings(actor).allowed).toBe(reads);
    expect(canViewNotifications(actor).allowed).toBe(reads);
    expect(canViewPolicies(actor).allowed).toBe(reads);
    expect(canManageOrganization(actor).allowed).toBe(changes);
    expect(canManageNotifications(actor).allowed).toBe(changes);
    expect(canCreateApp(actor).allowed).toBe(changes);
    expect(canManagePolicies(actor).allowed).toBe(changes);
    expect(canManagePeople(actor).allowed).toBe(changes);
  });

  it("tells an auditor that changes are for super admins", () => {
    expect(canManagePeople(auditor)).toEqual({
      allowed: false,
      reason: "Only super admins can change people's roles, managers and status.",
    });
    expect(canViewAuditLog(member)).toEqual({
      allowed: false,
      reason: "Only super admins and auditors can read the audit log.",
    });
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
