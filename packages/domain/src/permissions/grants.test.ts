import { describe, expect, it } from "vitest";
import type { Actor } from "../actor.ts";
import {
  canRevokeGrant,
  GRANT_NOT_FOUND,
  whoCanRevoke,
  type GrantFactsForRevoke,
} from "./grants.ts";

const ORG = "org-1";
const OTHER_ORG = "org-2";
const person = (
  id: string,
  role: Actor["role"] = "MEMBER",
  organizationId = ORG,
  status: Actor["status"] = "ACTIVE",
): Actor => ({
  id,
  organizationId,
  role,
  status,
  displayName: id,
  email: `${id}@example.com`,
});

const base = {
  organizationId: ORG,
  appName: "GitHub",
  entitlementName: "Admin",
  appOwnerIds: ["appOwner"],
  entitlementOwnerIds: ["entOwner"],
};

type Case = "owned" | "owner without manager" | "no owner";

const grants: Record<Case, GrantFactsForRevoke> = {
  owned: { ...base, accountOwner: { id: "holder", displayName: "Hana Holder", managerId: "boss" } },
  "owner without manager": {
    ...base,
    accountOwner: { id: "holder", displayName: "Hana Holder", managerId: null },
  },
  "no owner": { ...base, accountOwner: null },
};

const ONLY_OWNED = whoCanRevoke(grants.owned);
const ONLY_UNOWNED = whoCanRevoke(grants["no owner"]);
const SUSPENDED = "Your Lantern account is suspended. Ask a Lantern super admin to reactivate it.";
const DEPROVISIONED = "Your Lantern account has been deprovisioned.";

/** true = allowed; a string = refused with exactly that reason. */
type Expected = Record<Case, true | string>;

const MATRIX: [string, Actor, Expected][] = [
  [
    "super admin",
    person("admin", "SUPER_ADMIN"),
    { owned: true, "owner without manager": true, "no owner": true },
  ],
  [
    // An auditor sees the grant (canViewGrant) but never removes it.
    "auditor",
    person("auditor", "AUDITOR"),
    { owned: ONLY_OWNED, "owner without manager": ONLY_OWNED, "no owner": ONLY_UNOWNED },
  ],
  [
    "app owner",
    person("appOwner"),
    { owned: true, "owner without manager": true, "no owner": true },
  ],
  [
    "entitlement owner",
    person("entOwner"),
    { owned: true, "owner without manager": true, "no owner": true },
  ],
  [
    "direct manager of the account's owner",
    person("boss"),
    { owned: true, "owner without manager": ONLY_OWNED, "no owner": ONLY_UNOWNED },
  ],
  [
    "the account's owner themselves",
    person("holder"),
    { owned: ONLY_OWNED, "owner without manager": ONLY_OWNED, "no owner": ONLY_UNOWNED },
  ],
  [
    "unrelated member",
    person("stranger"),
    { owned: ONLY_OWNED, "owner without manager": ONLY_OWNED, "no owner": ONLY_UNOWNED },
  ],
  [
    "suspended super admin",
    person("admin", "SUPER_ADMIN", ORG, "SUSPENDED"),
    { owned: SUSPENDED, "owner without manager": SUSPENDED, "no owner": SUSPENDED },
  ],
  [
    "suspended direct manager",
    person("boss", "MEMBER", ORG, "SUSPENDED"),
    { owned: SUSPENDED, "owner without manager": SUSPENDED, "no owner": SUSPENDED },
  ],
  [
    "deprovisioned app owner",
    person("appOwner", "MEMBER", ORG, "DEPROVISIONED"),
    { owned: DEPROVISIONED, "owner without manager": DEPROVISIONED, "no owner": DEPROVISIONED },
  ],
  [
    "super admin of another organization",
    person("outsider", "SUPER_ADMIN", OTHER_ORG),
    {
      owned: GRANT_NOT_FOUND,
      "owner without manager": GRANT_NOT_FOUND,
      "no owner": GRANT_NOT_FOUND,
    },
  ],
  [
    "same id as the app owner, but in another organization",
    person("appOwner", "MEMBER", OTHER_ORG),
    {
      owned: GRANT_NOT_FOUND,
      "owner without manager": GRANT_NOT_FOUND,
      "no owner": GRANT_NOT_FOUND,
    },
  ],
];

describe("canRevokeGrant (role × case → decision)", () => {
  const rows = MATRIX.flatMap(([label, actor, expected]) =>
    (Object.keys(expected) as Case[]).map((c) => [label, c, actor, expected[c]] as const),
  );
  it.each(rows)("%s, account %s", (_label, c, actor, expected) => {
    const decision = canRevokeGrant(actor, grants[c]);
    if (expected === true) expect(decision).toEqual({ allowed: true });
    else expect(decision).toEqual({ allowed: false, reason: expected });
  });

  it("names who can, in words a person understands", () => {
    expect(ONLY_OWNED).toBe(
      "Only a super admin, an owner of GitHub, an owner of Admin, or the direct manager of the account's owner (Hana Holder) can revoke this access.",
    );
    expect(ONLY_UNOWNED).toMatch(/this account has no owner, so no manager can/);
  });

  it("the manager rule is the direct manager only, not the manager's manager", () => {
    const grant = grants.owned;
    expect(canRevokeGrant(person("bossOfBoss"), grant).allowed).toBe(false);
  });
});
