import { describe, expect, it } from "vitest";
import type { Actor } from "../actor.ts";
import {
  accountGrantsScope,
  canViewGrant,
  entitlementGrantsScope,
  whoCanViewGrant,
  type AccountGrantsScope,
  type EntitlementGrantsScope,
  type GrantFactsForView,
} from "./grant-visibility.ts";
import { GRANT_NOT_FOUND } from "./grants.ts";

const ORG = "org-1";
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

type Case = "owned" | "owner without manager" | "no owner" | "another entitlement";

const grants: Record<Case, GrantFactsForView> = {
  owned: { ...base, accountOwner: { id: "holder", managerId: "boss" } },
  "owner without manager": { ...base, accountOwner: { id: "holder", managerId: null } },
  "no owner": { ...base, accountOwner: null },
  // The same account's grant of an entitlement someone else owns.
  "another entitlement": {
    ...base,
    entitlementName: "Billing",
    entitlementOwnerIds: ["billingOwner"],
    accountOwner: { id: "holder", managerId: "boss" },
  },
};

const REFUSED = whoCanViewGrant(base);
const REFUSED_BILLING = whoCanViewGrant({ appName: "GitHub", entitlementName: "Billing" });
const SUSPENDED = "Your Lantern account is suspended. Ask a Lantern super admin to reactivate it.";
const DEPROVISIONED = "Your Lantern account has been deprovisioned.";

/** true = allowed; a string = refused with exactly that reason. */
type Expected = Record<Case, true | string>;
const everywhere = (value: true | string): Expected => ({
  owned: value,
  "owner without manager": value,
  "no owner": value,
  "another entitlement": value,
});

const MATRIX: [string, Actor, Expected][] = [
  ["super admin", person("admin", "SUPER_ADMIN"), everywhere(true)],
  // An auditor sees every grant, though responsible for none.
  ["auditor", person("auditor", "AUDITOR"), everywhere(true)],
  ["app owner", person("appOwner"), everywhere(true)],
  [
    "entitlement owner",
    person("entOwner"),
    {
      owned: true,
      "owner without manager": true,
      "no owner": true,
      "another entitlement": REFUSED_BILLING,
    },
  ],
  [
    "direct manager of the account's owner",
    person("boss"),
    {
      owned: true,
      "owner without manager": REFUSED,
      "no owner": REFUSED,
      "another entitlement": true,
    },
  ],
  [
    "the account's owner",
    person("holder"),
    {
      owned: true,
      "owner without manager": true,
      "no owner": REFUSED,
      "another entitlement": true,
    },
  ],
  [
    "unrelated member",
    person("stranger"),
    {
      owned: REFUSED,
      "owner without manager": REFUSED,
      "no owner": REFUSED,
      "another entitlement": REFUSED_BILLING,
    },
  ],
  [
    "super admin of another organization",
    person("outsider", "SUPER_ADMIN", "org-2"),
    everywhere(GRANT_NOT_FOUND),
  ],
  [
    "an app owner's id in another organization",
    person("appOwner", "MEMBER", "org-2"),
    everywhere(GRANT_NOT_FOUND),
  ],
  [
    "auditor of another organization",
    person("auditor", "AUDITOR", "org-2"),
    everywhere(GRANT_NOT_FOUND),
  ],
  ["suspended app owner", person("appOwner", "MEMBER", ORG, "SUSPENDED"), everywhere(SUSPENDED)],
  ["suspended auditor", person("auditor", "AUDITOR", ORG, "SUSPENDED"), everywhere(SUSPENDED)],
  [
    "deprovisioned account owner",
    person("holder", "MEMBER", ORG, "DEPROVISIONED"),
    everywhere(DEPROVISIONED),
  ],
];

describe("canViewGrant (role × grant → decision)", () => {
  it.each(MATRIX)("%s", (_label, actor, expected) => {
    for (const [name, grant] of Object.entries(grants) as [Case, GrantFactsForView][]) {
      const decision = canViewGrant(actor, grant);
      const got = decision.allowed ? true : decision.reason;
      expect(got, name).toBe(expected[name]);
    }
  });

  it("names who can see the access", () => {
    expect(REFUSED).toBe(
      "Only super admins, auditors, the owners of GitHub, the owners of Admin, and the account's owner and their direct manager can see this access.",
    );
  });
});

describe("list scopes", () => {
  it.each<[string, Actor, EntitlementGrantsScope, AccountGrantsScope]>([
    // actor,                                            Grants tab,        account page
    ["super admin", person("admin", "SUPER_ADMIN"), "ALL", "ALL"],
    ["auditor", person("auditor", "AUDITOR"), "ALL", "ALL"],
    ["app owner", person("appOwner"), "ALL", "ALL"],
    ["entitlement owner", person("entOwner"), "ALL", "OWNED_ENTITLEMENTS"],
    ["direct manager", person("boss"), "OWN_AND_REPORTS", "ALL"],
    ["the account's owner", person("holder"), "OWN_AND_REPORTS", "ALL"],
    ["unrelated member", person("stranger"), "OWN_AND_REPORTS", "OWNED_ENTITLEMENTS"],
    ["another organization", person("admin", "SUPER_ADMIN", "org-2"), "NONE", "NONE"],
    ["suspended super admin", person("admin", "SUPER_ADMIN", ORG, "SUSPENDED"), "NONE", "NONE"],
    ["auditor of another organization", person("auditor", "AUDITOR", "org-2"), "NONE", "NONE"],
  ])("%s", (_label, actor, tab, page) => {
    expect(entitlementGrantsScope(actor, grants.owned)).toBe(tab);
    expect(accountGrantsScope(actor, grants.owned)).toBe(page);
  });

  // What the services' SQL does with each scope, written as predicates over one grant.
  const inEntitlementScope = (scope: EntitlementGrantsScope, actor: Actor, g: GrantFactsForView) =>
    scope === "ALL" ||
    (scope === "OWN_AND_REPORTS" &&
      (g.accountOwner?.id === actor.id || g.accountOwner?.managerId === actor.id));
  const inAccountScope = (scope: AccountGrantsScope, actor: Actor, g: GrantFactsForView) =>
    scope === "ALL" || (scope === "OWNED_ENTITLEMENTS" && g.entitlementOwnerIds.includes(actor.id));

  it.each(MATRIX)(
    "%s: a list in scope holds exactly the grants canViewGrant allows",
    (_l, actor) => {
      for (const [name, grant] of Object.entries(grants)) {
        const visible = canViewGrant(actor, grant).allowed;
        expect(inEntitlementScope(entitlementGrantsScope(actor, grant), actor, grant), name).toBe(
          visible,
        );
        expect(inAccountScope(accountGrantsScope(actor, grant), actor, grant), name).toBe(visible);
      }
    },
  );
});
