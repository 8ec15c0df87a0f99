import { describe, expect, it } from "vitest";
import type { PersonFact } from "../workflow/assignees.ts";
import {
  assertValidReviewerPlan,
  resolveReviewers,
  unreviewableReason,
  type ItemReviewers,
  type LevelReviewers,
  type ReviewerFacts,
  type ReviewerPlan,
  type ReviewerRule,
} from "./reviewers.ts";

const person = (id: string, displayName: string, active = true): PersonFact => ({
  id,
  displayName,
  active,
});
const inactive = (p: PersonFact): PersonFact => ({ ...p, active: false });

const sam = person("sam", "Sam Subject");
const max = person("max", "Max Manager");
const olga = person("olga", "Olga Owner");
const omar = person("omar", "Omar Owner");
const erin = person("erin", "Erin Entitled");
const nina = person("nina", "Nina Named");
const ada = person("ada", "Ada Admin");
const abe = person("abe", "Abe Admin");

const MANAGER: ReviewerRule = { kind: "MANAGER" };
const APP_OWNERS: ReviewerRule = { kind: "APP_OWNERS" };
const ENTITLEMENT_OWNERS: ReviewerRule = { kind: "ENTITLEMENT_OWNERS" };
const named = (...people: PersonFact[]): ReviewerRule => ({ kind: "USERS", people });

/** A well-staffed item: everybody exists and is active; cases take people away. */
const facts = (over: Partial<ReviewerFacts> = {}): ReviewerFacts => ({
  owner: sam,
  ownerManager: max,
  appOwners: [olga, omar],
  entitlementOwners: [erin],
  superAdmins: [ada, abe],
  ...over,
});

const level = (
  source: LevelReviewers["source"],
  reviewerIds: string[],
  note: string | null = null,
): LevelReviewers => ({ reviewerIds, source, note });

const toOwners = ", so the app owners review it instead.";
const toAdmins = ", and no app owner can review it either, so the super admins review it.";
const toAdminsDirect = ", so the super admins review it.";
const SELF = "nobody reviews their own access";
const SECOND = "the second level needs someone other than the first";

interface Case {
  label: string;
  plan: ReviewerPlan;
  facts?: Partial<ReviewerFacts>;
  expected: ItemReviewers;
}
const one = (first: ReviewerRule): ReviewerPlan => ({ first, second: null });

const CASES: Case[] = [
  // ── The campaign's preferred reviewer ──
  {
    label: "manager: the owner's manager",
    plan: one(MANAGER),
    expected: { first: level("MANAGER", ["max"]), second: null },
  },
  {
    label: "app owners: every active owner",
    plan: one(APP_OWNERS),
    expected: { first: level("APP_OWNERS", ["olga", "omar"]), second: null },
  },
  {
    label: "entitlement owners",
    plan: one(ENTITLEMENT_OWNERS),
    expected: { first: level("ENTITLEMENT_OWNERS", ["erin"]), second: null },
  },
  {
    label: "named people, once each",
    plan: one(named(nina, erin, nina)),
    expected: { first: level("NAMED", ["nina", "erin"]), second: null },
  },

  // ── The preferred one is missing → app owners, then super admins ──
  {
    label: "manager: the owner has no manager",
    plan: one(MANAGER),
    facts: { ownerManager: null },
    expected: {
      first: level(
        "APP_OWNERS_FALLBACK",
        ["olga", "omar"],
        `Sam Subject has no manager on record${toOwners}`,
      ),
      second: null,
    },
  },
  {
    label: "manager: the account has no owner",
    plan: one(MANAGER),
    facts: { owner: null, ownerManager: null },
    expected: {
      first: level(
        "APP_OWNERS_FALLBACK",
        ["olga", "omar"],
        `The account has no owner, so there is no manager to review it${toOwners}`,
      ),
      second: null,
    },
  },
  {
    label: "entitlement owners: none",
    plan: one(ENTITLEMENT_OWNERS),
    facts: { entitlementOwners: [] },
    expected: {
      first: level(
        "APP_OWNERS_FALLBACK",
        ["olga", "omar"],
        `The entitlement has no active owners${toOwners}`,
      ),
      second: null,
    },
  },
  {
    label: "app owners: none, so no owner fallback to itself → super admins",
    plan: one(APP_OWNERS),
    facts: { appOwners: [] },
    expected: {
      first: level(
        "SUPER_ADMINS_FALLBACK",
        ["ada", "abe"],
        `The app has no active owners${toAdminsDirect}`,
      ),
      second: null,
    },
  },
  {
    label: "manager missing and no app owner → super admins",
    plan: one(MANAGER),
    facts: { ownerManager: null, appOwners: [] },
    expected: {
      first: level(
        "SUPER_ADMINS_FALLBACK",
        ["ada", "abe"],
        `Sam Subject has no manager on record${toAdmins}`,
      ),
      second: null,
    },
  },

  // ── Inactive people never review ──
  {
    label: "inactive: the manager is suspended → app owners",
    plan: one(MANAGER),
    facts: { ownerManager: inactive(max) },
    expected: {
      first: level(
        "APP_OWNERS_FALLBACK",
        ["olga", "omar"],
        `Sam Subject's manager, Max Manager, is not active${toOwners}`,
      ),
      second: null,
    },
  },
  {
    label: "inactive: only the active app owners",
    plan: one(APP_OWNERS),
    facts: { appOwners: [inactive(olga), omar] },
    expected: { first: level("APP_OWNERS", ["omar"]), second: null },
  },
  {
    label: "inactive: every named person → app owners",
    plan: one(named(inactive(nina))),
    expected: {
      first: level(
        "APP_OWNERS_FALLBACK",
        ["olga", "omar"],
        `None of the campaign's named reviewers is active${toOwners}`,
      ),
      second: null,
    },
  },
  {
    label: "inactive: the fallbacks skip inactive owners and admins",
    plan: one(ENTITLEMENT_OWNERS),
    facts: {
      entitlementOwners: [inactive(erin)],
      appOwners: [inactive(olga)],
      superAdmins: [inactive(ada), abe],
    },
    expected: {
      first: level(
        "SUPER_ADMINS_FALLBACK",
        ["abe"],
        `The entitlement has no active owners${toAdmins}`,
      ),
      second: null,
    },
  },
  {
    label: "an owner whose account it is, though suspended, is still never a reviewer",
    plan: one(APP_OWNERS),
    facts: { owner: inactive(sam), appOwners: [sam, olga] },
    expected: { first: level("APP_OWNERS", ["olga"]), second: null },
  },

  // ── Nobody reviews their own access ──
  {
    label: "self-review: the owner is one of the app owners → the others",
    plan: one(APP_OWNERS),
    facts: { appOwners: [olga, sam, omar] },
    expected: { first: level("APP_OWNERS", ["olga", "omar"]), second: null },
  },
  {
    label: "self-review: the owner is the only entitlement owner → app owners",
    plan: one(ENTITLEMENT_OWNERS),
    facts: { entitlementOwners: [sam] },
    expected: {
      first: level(
        "APP_OWNERS_FALLBACK",
        ["olga", "omar"],
        `No entitlement owner may review it (${SELF})${toOwners}`,
      ),
      second: null,
    },
  },
  {
    label: "self-review: the owner is the only app owner → super admins",
    plan: one(APP_OWNERS),
    facts: { appOwners: [sam] },
    expected: {
      first: level(
        "SUPER_ADMINS_FALLBACK",
        ["ada", "abe"],
        `No app owner may review it (${SELF})${toAdminsDirect}`,
      ),
      second: null,
    },
  },
  {
    label: "self-review: the owner is the only named person",
    plan: one(named(sam)),
    expected: {
      first: level(
        "APP_OWNERS_FALLBACK",
        ["olga", "omar"],
        `No named reviewer may review it (${SELF})${toOwners}`,
      ),
      second: null,
    },
  },
  {
    label: "self-review: the owner is left out of the app-owner fallback",
    plan: one(MANAGER),
    facts: { ownerManager: null, appOwners: [sam, omar] },
    expected: {
      first: level(
        "APP_OWNERS_FALLBACK",
        ["omar"],
        `Sam Subject has no manager on record${toOwners}`,
      ),
      second: null,
    },
  },
  {
    label: "self-review: a super admin's own account goes to the other super admin",
    plan: one(APP_OWNERS),
    facts: { owner: ada, ownerManager: null, appOwners: [ada], superAdmins: [ada, abe] },
    expected: {
      first: level(
        "SUPER_ADMINS_FALLBACK",
        ["abe"],
        `No app owner may review it (${SELF})${toAdminsDirect}`,
      ),
      second: null,
    },
  },

  // ── Nobody at all ──
  {
    label: "nobody: the only super admin owns the account and owns the app",
    plan: one(MANAGER),
    facts: { owner: ada, ownerManager: null, appOwners: [ada], superAdmins: [ada] },
    expected: {
      first: level(
        "NOBODY",
        [],
        "Ada Admin has no manager on record, and no app owner can review it either, and no super admin can: nobody can review this item.",
      ),
      second: null,
    },
  },
  {
    label: "nobody: app owners preferred, none, and no active super admin",
    plan: one(APP_OWNERS),
    facts: { appOwners: [], superAdmins: [inactive(ada)] },
    expected: {
      first: level(
        "NOBODY",
        [],
        "The app has no active owners, and no super admin can: nobody can review this item.",
      ),
      second: null,
    },
  },

  // ── Second level: another rule, and never the first level's reviewers ──
  {
    label: "second level: manager, then app owners",
    plan: { first: MANAGER, second: APP_OWNERS },
    expected: { first: level("MANAGER", ["max"]), second: level("APP_OWNERS", ["olga", "omar"]) },
  },
  {
    label: "second level: a first-level reviewer is left out of the second",
    plan: { first: MANAGER, second: APP_OWNERS },
    facts: { appOwners: [max, olga] },
    expected: { first: level("MANAGER", ["max"]), second: level("APP_OWNERS", ["olga"]) },
  },
  {
    label: "second level: the manager is the only app owner → super admins",
    plan: { first: MANAGER, second: APP_OWNERS },
    facts: { appOwners: [max] },
    expected: {
      first: level("MANAGER", ["max"]),
      second: level(
        "SUPER_ADMINS_FALLBACK",
        ["ada", "abe"],
        `No app owner may review it (${SECOND})${toAdminsDirect}`,
      ),
    },
  },
  {
    label: "second level: the manager already reviews the first level as an app owner",
    plan: { first: APP_OWNERS, second: MANAGER },
    facts: { appOwners: [olga, max] },
    expected: {
      first: level("APP_OWNERS", ["olga", "max"]),
      second: level(
        "SUPER_ADMINS_FALLBACK",
        ["ada", "abe"],
        `The owner's manager may not review it (${SECOND}), and no app owner can review it either, so the super admins review it.`,
      ),
    },
  },
  {
    label: "second level: both reasons when the owner and the first reviewer are all it names",
    plan: { first: MANAGER, second: named(sam, max) },
    expected: {
      first: level("MANAGER", ["max"]),
      second: level(
        "APP_OWNERS_FALLBACK",
        ["olga", "omar"],
        `No named reviewer may review it (${SELF} and ${SECOND})${toOwners}`,
      ),
    },
  },
  {
    label:
      "second level: the first level fell back to the app owners, so the second cannot use them",
    plan: { first: MANAGER, second: ENTITLEMENT_OWNERS },
    facts: { ownerManager: null, entitlementOwners: [omar] },
    expected: {
      first: level(
        "APP_OWNERS_FALLBACK",
        ["olga", "omar"],
        `Sam Subject has no manager on record${toOwners}`,
      ),
      second: level(
        "SUPER_ADMINS_FALLBACK",
        ["ada", "abe"],
        `No entitlement owner may review it (${SECOND}), and no app owner can review it either, so the super admins review it.`,
      ),
    },
  },
  {
    label: "second level: two named lists, the overlap left out",
    plan: { first: named(nina), second: named(nina, erin) },
    expected: { first: level("NAMED", ["nina"]), second: level("NAMED", ["erin"]) },
  },
  {
    label: "second level: nobody left when the first level took the only super admin",
    plan: { first: APP_OWNERS, second: MANAGER },
    facts: { ownerManager: null, appOwners: [], superAdmins: [ada] },
    expected: {
      first: level(
        "SUPER_ADMINS_FALLBACK",
        ["ada"],
        `The app has no active owners${toAdminsDirect}`,
      ),
      second: level(
        "NOBODY",
        [],
        "Sam Subject has no manager on record, and no app owner can review it either, and no super admin can: nobody can review this item.",
      ),
    },
  },
];

describe("resolveReviewers", () => {
  it.each(CASES)("$label", ({ plan, facts: over, expected }) => {
    expect(resolveReviewers(plan, facts(over))).toEqual(expected);
  });

  it("never names the account's owner or an inactive person, whatever the rules", () => {
    const rules: ReviewerRule[] = [MANAGER, APP_OWNERS, ENTITLEMENT_OWNERS, named(sam, nina)];
    const crowded = facts({
      ownerManager: inactive(max),
      appOwners: [sam, inactive(olga)],
      entitlementOwners: [sam, inactive(erin)],
      superAdmins: [sam, inactive(ada), abe],
    });
    for (const first of rules) {
      for (const second of [null, ...rules.filter((r) => r.kind !== first.kind)]) {
        const { first: one, second: two } = resolveReviewers({ first, second }, crowded);
        for (const ids of [one.reviewerIds, two?.reviewerIds ?? []]) {
          expect(ids).not.toContain("sam");
          expect(ids.filter((id) => ["max", "olga", "erin", "ada"].includes(id))).toEqual([]);
        }
        for (const id of two?.reviewerIds ?? []) expect(one.reviewerIds).not.toContain(id);
      }
    }
  });
});

describe("unreviewableReason", () => {
  it("is null when every level has reviewers", () => {
    expect(
      unreviewableReason(resolveReviewers({ first: MANAGER, second: APP_OWNERS }, facts())),
    ).toBeNull();
  });
  it("names the first level's problem", () => {
    const r = resolveReviewers(one(APP_OWNERS), facts({ appOwners: [], superAdmins: [] }));
    expect(unreviewableReason(r)).toBe(
      "The app has no active owners, and no super admin can: nobody can review this item.",
    );
  });
  it("names the second level's problem", () => {
    const r = resolveReviewers(
      { first: APP_OWNERS, second: MANAGER },
      facts({ ownerManager: null, appOwners: [], superAdmins: [ada] }),
    );
    expect(unreviewableReason(r)).toMatch(/^Second level: Sam Subject has no manager on record/);
  });
});

describe("assertValidReviewerPlan", () => {
  it.each<[string, ReviewerPlan, string | null]>([
    ["one level", one(MANAGER), null],
    ["manager, then app owners", { first: MANAGER, second: APP_OWNERS }, null],
    ["two different named lists", { first: named(nina), second: named(erin) }, null],
    [
      "the same rule twice",
      { first: APP_OWNERS, second: APP_OWNERS },
      "The second level would ask the same people as the first. Choose a different reviewer for the second level.",
    ],
    ["named people, nobody named", one(named()), "Choose at least one person to review."],
    [
      "second level named, nobody named",
      { first: MANAGER, second: named() },
      "Choose at least one person to review.",
    ],
  ])("%s", (_label, plan, message) => {
    if (message === null) expect(() => assertValidReviewerPlan(plan)).not.toThrow();
    else expect(() => assertValidReviewerPlan(plan)).toThrow(message);
  });
});
