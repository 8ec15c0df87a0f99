import { describe, expect, it } from "vitest";
import type { Actor } from "../actor.ts";
import {
  ACCOUNT_NOT_FOUND,
  canViewAccount,
  whoCanViewAccount,
  type AccountFactsForView,
} from "./accounts.ts";

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
  appOwnerIds: ["appOwner"],
  entitlementOwnerIds: ["entOwner"],
};

type Case = "owned" | "owner without manager" | "no owner" | "no grants";

const accounts: Record<Case, AccountFactsForView> = {
  owned: { ...base, owner: { id: "holder", managerId: "boss" } },
  "owner without manager": { ...base, owner: { id: "holder", managerId: null } },
  "no owner": { ...base, owner: null },
  "no grants": { ...base, owner: { id: "holder", managerId: "boss" }, entitlementOwnerIds: [] },
};

const REFUSED = whoCanViewAccount(base);
const SUSPENDED = "Your Lantern account is suspended. Ask a Lantern super admin to reactivate it.";
const DEPROVISIONED = "Your Lantern account has been deprovisioned.";

/** true = allowed; a string = refused with exactly that reason. */
type Expected = Record<Case, true | string>;
const everywhere = (value: true | string): Expected => ({
  owned: value,
  "owner without manager": value,
  "no owner": value,
  "no grants": value,
});

const MATRIX: [string, Actor, Expected][] = [
  ["super admin", person("admin", "SUPER_ADMIN"), everywhere(true)],
  // An auditor reads every account, though responsible for none.
  ["auditor", person("auditor", "AUDITOR"), everywhere(true)],
  ["app owner", person("appOwner"), everywhere(true)],
  [
    "owner of an entitlement the account holds",
    person("entOwner"),
    { owned: true, "owner without manager": true, "no owner": true, "no grants": REFUSED },
  ],
  [
    "the account's owner",
    person("holder"),
    { owned: true, "owner without manager": true, "no owner": REFUSED, "no grants": true },
  ],
  [
    "direct manager of the account's owner",
    person("boss"),
    { owned: true, "owner without manager": REFUSED, "no owner": REFUSED, "no grants": true },
  ],
  ["unrelated member", person("stranger"), everywhere(REFUSED)],
  [
    "super admin of another organization",
    person("admin", "SUPER_ADMIN", "org-2"),
    everywhere(ACCOUNT_NOT_FOUND),
  ],
  [
    "auditor of another organization",
    person("auditor", "AUDITOR", "org-2"),
    everywhere(ACCOUNT_NOT_FOUND),
  ],
  ["suspended auditor", person("auditor", "AUDITOR", ORG, "SUSPENDED"), everywhere(SUSPENDED)],
  [
    "suspended super admin",
    person("admin", "SUPER_ADMIN", ORG, "SUSPENDED"),
    everywhere(SUSPENDED),
  ],
  [
    "deprovisioned account owner",
    person("holder", "MEMBER", ORG, "DEPROVISIONED"),
    everywhere(DEPROVISIONED),
  ],
];

describe("canViewAccount", () => {
  for (const [label, actor, expected] of MATRIX) {
    for (const [kind, account] of Object.entries(accounts) as [Case, AccountFactsForView][]) {
      it(`${label} · ${kind}`, () => {
        const decision = canViewAccount(actor, account);
        const want = expected[kind];
        if (want === true) expect(decision).toEqual({ allowed: true });
        else expect(decision).toEqual({ allowed: false, reason: want });
      });
    }
  }

  it("names who can, with the app's name", () => {
    expect(REFUSED).toBe(
      "Only super admins, auditors, the owners of GitHub, the account's owner and their direct manager, and the owners of the entitlements it holds can see this account.",
    );
  });
});
