import { describe, expect, it } from "vitest";
import type { Actor } from "../actor.ts";
import {
  ACCOUNT_APP_NOT_FOUND,
  canManageAccounts,
  canViewAccounts,
  whoManagesAccounts,
  type AccountAppFacts,
} from "./app-accounts.ts";

const ORG = "org-1";
const person = (id: string, role: Actor["role"] = "MEMBER", organizationId = ORG): Actor => ({
  id,
  organizationId,
  role,
  status: "ACTIVE",
  displayName: id,
  email: `${id}@example.com`,
});

const app: AccountAppFacts = {
  organizationId: ORG,
  appName: "GitHub",
  owners: [
    { id: "owner", displayName: "Olga Owner" },
    { id: "owner2", displayName: "Omar Owner" },
  ],
};

describe("app account rules (role × action → allowed)", () => {
  it.each([
    // actor,                                                   view,  manage
    ["super admin", person("admin", "SUPER_ADMIN"), true, true],
    // Auditors read every app's accounts and change none.
    ["auditor", person("auditor", "AUDITOR"), true, false],
    ["auditor of another org", person("auditor", "AUDITOR", "org-2"), false, false],
    ["app owner", person("owner"), true, true],
    ["second app owner", person("owner2"), true, true],
    ["member", person("member"), false, false],
    ["super admin of another org", person("outsider", "SUPER_ADMIN", "org-2"), false, false],
    ["an owner's id in another org", person("owner", "MEMBER", "org-2"), false, false],
  ] as const)("%s", (_label, actor, view, manage) => {
    expect(canViewAccounts(actor, app).allowed).toBe(view);
    expect(canManageAccounts(actor, app).allowed).toBe(manage);
  });

  it("names who can, for a member", () => {
    expect(canViewAccounts(person("member"), app)).toEqual({
      allowed: false,
      reason:
        "Only super admins and the owners of GitHub (Olga Owner and Omar Owner) can see the accounts of GitHub.",
    });
    expect(canManageAccounts(person("member"), app)).toEqual({
      allowed: false,
      reason:
        "Only super admins and the owners of GitHub (Olga Owner and Omar Owner) can change the owner or type of accounts in GitHub.",
    });
  });

  it("tells an auditor who may change accounts", () => {
    expect(canManageAccounts(person("auditor", "AUDITOR"), app)).toEqual({
      allowed: false,
      reason:
        "Only super admins and the owners of GitHub (Olga Owner and Omar Owner) can change the owner or type of accounts in GitHub.",
    });
  });

  it("says an app of another organization does not exist", () => {
    expect(canViewAccounts(person("x", "SUPER_ADMIN", "org-2"), app)).toEqual({
      allowed: false,
      reason: ACCOUNT_APP_NOT_FOUND,
    });
  });

  it.each([
    [[], "super admins (GitHub has no owner)"],
    [[{ id: "a", displayName: "Ada" }], "super admins and the owners of GitHub (Ada)"],
    [
      [
        { id: "a", displayName: "Ada" },
        { id: "b", displayName: "Bo" },
        { id: "c", displayName: "Cy" },
      ],
      "super admins and the owners of GitHub (Ada, Bo and Cy)",
    ],
  ] as const)("whoManagesAccounts(%j)", (owners, text) => {
    expect(whoManagesAccounts({ ...app, owners })).toBe(text);
  });
});
