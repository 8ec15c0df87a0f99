import { describe, expect, it } from "vitest";
import {
  resolveApprovers,
  resolveWorkers,
  type Assignment,
  type AssignmentFacts,
  type PersonFact,
} from "./assignees.ts";
import type { ApproverKind, PolicySnapshot, PolicySnapshotStep } from "./policy.ts";

const person = (id: string, displayName: string, active = true): PersonFact => ({
  id,
  displayName,
  active,
});
const inactive = (p: PersonFact): PersonFact => ({ ...p, active: false });

const requester = person("req", "Rita Requester");
const subject = person("sub", "Sam Subject");
const manager = person("mgr", "Max Manager");
const olga = person("olga", "Olga Owner");
const omar = person("omar", "Omar Owner");
const erin = person("erin", "Erin Entitled");
const eve = person("eve", "Eve Entitled");
const nina = person("nina", "Nina Named");
const ada = person("ada", "Ada Admin");
const abe = person("abe", "Abe Admin");
const pete = person("pete", "Pete Provisioner");
const paula = person("paula", "Paula Provisioner");

const snapshot = (flags: Partial<PolicySnapshot> = {}): PolicySnapshot => ({
  id: "policy-1",
  name: "Standard",
  description: "",
  allowReassignment: true,
  restrictReassignees: false,
  allowedReassigneeIds: null,
  allowSelfApproval: false,
  requireDistinctApprovers: false,
  steps: [],
  ...flags,
});

const step = (approverKind: ApproverKind | null): PolicySnapshotStep => ({
  position: 0,
  kind: "APPROVAL",
  approverKind,
  approverUserIds: approverKind === "USERS" ? ["nina"] : [],
});

/** A well-staffed request: everybody exists and is active; cases take people away. */
const facts = (overrides: Partial<AssignmentFacts> = {}): AssignmentFacts => ({
  requesterId: requester.id,
  subject,
  subjectManager: manager,
  appOwners: [olga, omar],
  appWorkers: [pete],
  entitlementOwners: [erin],
  namedApprovers: [nina],
  superAdmins: [ada, abe],
  priorApproverIds: [],
  ...overrides,
});

const SELF = "requesters do not approve their own requests";
const DISTINCT = "each step needs a different approver";
const toOwners = ", so the app owners approve instead.";
const toAdmins = ", and no app owner can approve either, so the super admins decide.";
const toAdminsDirect = ", so the super admins decide.";
const lastResort = ", and no other approver is eligible, so the super admins decide.";

interface ApproverCase {
  label: string;
  kind: ApproverKind | null;
  policy?: Partial<PolicySnapshot>;
  facts?: Partial<AssignmentFacts>;
  expected: Assignment;
}

const policy = (userIds: string[]): Assignment => ({ userIds, source: "POLICY", note: null });
const ownersFallback = (userIds: string[], note: string): Assignment => ({
  userIds,
  source: "APP_OWNERS_FALLBACK",
  note,
});
const adminsFallback = (userIds: string[], note: string): Assignment => ({
  userIds,
  source: "SUPER_ADMINS_FALLBACK",
  note,
});

const APPROVER_CASES: ApproverCase[] = [
  // ── The policy's own rule, when it finds an eligible active person ──
  { label: "MANAGER: the subject's manager", kind: "MANAGER", expected: policy(["mgr"]) },
  { label: "APP_OWNERS: every owner", kind: "APP_OWNERS", expected: policy(["olga", "omar"]) },
  { label: "ENTITLEMENT_OWNERS", kind: "ENTITLEMENT_OWNERS", expected: policy(["erin"]) },
  { label: "USERS: the named approvers", kind: "USERS", expected: policy(["nina"]) },

  // ── The policy's rule finds nobody active → app owners, with a note naming why ──
  {
    label: "MANAGER: subject has no manager",
    kind: "MANAGER",
    facts: { subjectManager: null },
    expected: ownersFallback(["olga", "omar"], `Sam Subject has no manager on record${toOwners}`),
  },
  {
    label: "MANAGER: the manager is inactive",
    kind: "MANAGER",
    facts: { subjectManager: inactive(manager) },
    expected: ownersFallback(
      ["olga", "omar"],
      `Sam Subject's manager, Max Manager, is not active${toOwners}`,
    ),
  },
  {
    label: "MANAGER: no subject known at all",
    kind: "MANAGER",
    facts: { subject: null, subjectManager: null },
    expected: ownersFallback(["olga", "omar"], `The person has no manager on record${toOwners}`),
  },
  {
    label: "ENTITLEMENT_OWNERS: none",
    kind: "ENTITLEMENT_OWNERS",
    facts: { entitlementOwners: [] },
    expected: ownersFallback(["olga", "omar"], `The entitlement has no active owners${toOwners}`),
  },
  {
    label: "ENTITLEMENT_OWNERS: all inactive",
    kind: "ENTITLEMENT_OWNERS",
    facts: { entitlementOwners: [inactive(erin), inactive(eve)] },
    expected: ownersFallback(["olga", "omar"], `The entitlement has no active owners${toOwners}`),
  },
  {
    label: "USERS: the named approver is inactive",
    kind: "USERS",
    facts: { namedApprovers: [inactive(nina)] },
    expected: ownersFallback(
      ["olga", "omar"],
      `None of the policy's named approvers is active${toOwners}`,
    ),
  },
  {
    label: "USERS: nobody named",
    kind: "USERS",
    facts: { namedApprovers: [] },
    expected: ownersFallback(
      ["olga", "omar"],
      `None of the policy's named approvers is active${toOwners}`,
    ),
  },
  {
    label: "a step that names no approver kind",
    kind: null,
    expected: ownersFallback(["olga", "omar"], `The step names no approvers${toOwners}`),
  },
  {
    label: "APP_OWNERS: none active (no owner fallback to itself) → super admins",
    kind: "APP_OWNERS",
    facts: { appOwners: [inactive(olga)] },
    expected: adminsFallback(["ada", "abe"], `The app has no active owners${toAdminsDirect}`),
  },

  // ── The requester never approves their own request… ──
  {
    label: "the requester is the subject's manager → app owners",
    kind: "MANAGER",
    facts: { subjectManager: requester },
    expected: ownersFallback(
      ["olga", "omar"],
      `Nobody the policy names may approve (${SELF})${toOwners}`,
    ),
  },
  {
    label: "the requester is one of the app owners → the other owner",
    kind: "APP_OWNERS",
    facts: { appOwners: [olga, requester, omar] },
    expected: policy(["olga", "omar"]),
  },
  {
    label: "the requester is the only app owner → super admins",
    kind: "APP_OWNERS",
    facts: { appOwners: [requester] },
    expected: adminsFallback(
      ["ada", "abe"],
      `Nobody the policy names may approve (${SELF})${toAdminsDirect}`,
    ),
  },
  {
    label: "the requester is also excluded from the app-owner fallback",
    kind: "ENTITLEMENT_OWNERS",
    facts: { entitlementOwners: [], appOwners: [requester, olga] },
    expected: ownersFallback(["olga"], `The entitlement has no active owners${toOwners}`),
  },
  {
    label: "the requester is also excluded from the super-admin fallback",
    kind: "USERS",
    facts: { namedApprovers: [], appOwners: [requester], superAdmins: [requester, ada] },
    expected: adminsFallback(
      ["ada"],
      `None of the policy's named approvers is active, and no app owner can approve either, so the super admins decide.`,
    ),
  },
  // ── …unless the policy allows self-approval ──
  {
    label: "allowSelfApproval: the requester as manager approves",
    kind: "MANAGER",
    policy: { allowSelfApproval: true },
    facts: { subjectManager: requester },
    expected: policy(["req"]),
  },
  {
    label: "allowSelfApproval: the requester as only app owner approves",
    kind: "APP_OWNERS",
    policy: { allowSelfApproval: true },
    facts: { appOwners: [requester] },
    expected: policy(["req"]),
  },
  {
    label: "allowSelfApproval: the requester may be an app-owner fallback",
    kind: "MANAGER",
    policy: { allowSelfApproval: true },
    facts: { subjectManager: null, appOwners: [requester] },
    expected: ownersFallback(["req"], `Sam Subject has no manager on record${toOwners}`),
  },

  // ── requireDistinctApprovers ──
  {
    label: "distinct approvers: a prior approver is left out",
    kind: "ENTITLEMENT_OWNERS",
    policy: { requireDistinctApprovers: true },
    facts: { entitlementOwners: [erin, eve], priorApproverIds: ["erin"] },
    expected: policy(["eve"]),
  },
  {
    label: "distinct approvers: the only policy approver already approved → app owners",
    kind: "ENTITLEMENT_OWNERS",
    policy: { requireDistinctApprovers: true, allowSelfApproval: true },
    facts: { priorApproverIds: ["erin"] },
    expected: ownersFallback(
      ["olga", "omar"],
      `Nobody the policy names may approve (${DISTINCT})${toOwners}`,
    ),
  },
  {
    label: "distinct approvers, no self-approval: only the rule that left someone out is named",
    kind: "MANAGER",
    policy: { requireDistinctApprovers: true },
    facts: { priorApproverIds: ["mgr"] },
    expected: ownersFallback(
      ["olga", "omar"],
      `Nobody the policy names may approve (${DISTINCT})${toOwners}`,
    ),
  },
  {
    label: "distinct approvers, no self-approval: the requester as only named approver",
    kind: "USERS",
    policy: { requireDistinctApprovers: true },
    facts: { namedApprovers: [requester], priorApproverIds: ["olga"] },
    expected: ownersFallback(["omar"], `Nobody the policy names may approve (${SELF})${toOwners}`),
  },
  {
    label: "both rules named when each left someone out",
    kind: "ENTITLEMENT_OWNERS",
    policy: { requireDistinctApprovers: true },
    facts: { entitlementOwners: [requester, erin], priorApproverIds: ["erin"] },
    expected: ownersFallback(
      ["olga", "omar"],
      `Nobody the policy names may approve (${SELF} and ${DISTINCT})${toOwners}`,
    ),
  },
  {
    label: "both rules named when they left out the same person",
    kind: "MANAGER",
    policy: { requireDistinctApprovers: true },
    facts: { subjectManager: requester, priorApproverIds: ["req"] },
    expected: ownersFallback(
      ["olga", "omar"],
      `Nobody the policy names may approve (${SELF} and ${DISTINCT})${toOwners}`,
    ),
  },
  {
    label: "distinct approvers: prior approvers are left out of the fallbacks too",
    kind: "APP_OWNERS",
    policy: { requireDistinctApprovers: true },
    facts: { priorApproverIds: ["olga", "omar", "ada"] },
    expected: adminsFallback(
      ["abe"],
      `Nobody the policy names may approve (${DISTINCT})${toAdminsDirect}`,
    ),
  },
  {
    label: "without requireDistinctApprovers a prior approver may approve again",
    kind: "ENTITLEMENT_OWNERS",
    facts: { priorApproverIds: ["erin"] },
    expected: policy(["erin"]),
  },

  // ── Nobody eligible anywhere ──
  {
    label: "no manager, no active app owner → super admins",
    kind: "MANAGER",
    facts: { subjectManager: null, appOwners: [inactive(olga), inactive(omar)] },
    expected: adminsFallback(["ada", "abe"], `Sam Subject has no manager on record${toAdmins}`),
  },
  {
    label: "no manager, no app owners at all → super admins",
    kind: "MANAGER",
    facts: { subjectManager: inactive(manager), appOwners: [] },
    expected: adminsFallback(
      ["ada", "abe"],
      `Sam Subject's manager, Max Manager, is not active${toAdmins}`,
    ),
  },
  {
    label: "last resort: the requester is the only active super admin",
    kind: "APP_OWNERS",
    facts: { appOwners: [requester], superAdmins: [requester, inactive(ada)] },
    expected: adminsFallback(["req"], `Nobody the policy names may approve (${SELF})${lastResort}`),
  },
  {
    label: "last resort: every super admin already approved an earlier step",
    kind: "MANAGER",
    policy: { requireDistinctApprovers: true, allowSelfApproval: true },
    facts: {
      subjectManager: null,
      appOwners: [olga],
      superAdmins: [ada, abe],
      priorApproverIds: ["olga", "ada", "abe"],
    },
    expected: adminsFallback(["ada", "abe"], `Sam Subject has no manager on record${lastResort}`),
  },
  {
    label: "last resort: no active super admin exists (nobody can be assigned)",
    kind: "USERS",
    facts: { namedApprovers: [], appOwners: [], superAdmins: [inactive(ada)] },
    expected: adminsFallback(
      [],
      `None of the policy's named approvers is active, and no other approver is eligible, so the super admins decide.`,
    ),
  },

  // ── Inactive people are never assigned; duplicates are removed ──
  {
    label: "inactive policy approvers are skipped, active ones kept",
    kind: "ENTITLEMENT_OWNERS",
    facts: { entitlementOwners: [inactive(erin), eve] },
    expected: policy(["eve"]),
  },
  {
    label: "inactive app owners are skipped in the fallback",
    kind: "MANAGER",
    facts: { subjectManager: null, appOwners: [inactive(olga), omar] },
    expected: ownersFallback(["omar"], `Sam Subject has no manager on record${toOwners}`),
  },
  {
    label: "inactive super admins are skipped in the fallback",
    kind: "APP_OWNERS",
    facts: { appOwners: [], superAdmins: [inactive(ada), abe] },
    expected: adminsFallback(["abe"], `The app has no active owners${toAdminsDirect}`),
  },
  {
    label: "duplicate policy approvers appear once",
    kind: "USERS",
    facts: { namedApprovers: [nina, erin, nina, erin] },
    expected: policy(["nina", "erin"]),
  },
  {
    label: "duplicate app owners appear once in the fallback",
    kind: "MANAGER",
    facts: { subjectManager: null, appOwners: [omar, olga, omar] },
    expected: ownersFallback(["omar", "olga"], `Sam Subject has no manager on record${toOwners}`),
  },
  {
    label: "duplicate super admins appear once in the fallback",
    kind: "APP_OWNERS",
    facts: { appOwners: [], superAdmins: [ada, ada, abe] },
    expected: adminsFallback(["ada", "abe"], `The app has no active owners${toAdminsDirect}`),
  },
  {
    label: "duplicate super admins appear once in the last resort",
    kind: "APP_OWNERS",
    facts: { appOwners: [requester], superAdmins: [requester, requester] },
    expected: adminsFallback(["req"], `Nobody the policy names may approve (${SELF})${lastResort}`),
  },
];

describe("resolveApprovers", () => {
  it.each(APPROVER_CASES)("$label", ({ kind, policy: flags, facts: overrides, expected }) => {
    const result = resolveApprovers(snapshot(flags), step(kind), facts(overrides));
    expect(result).toEqual(expected);
  });

  it("never assigns an inactive person, whatever the fallback", () => {
    const everyoneInactive = facts({
      subjectManager: inactive(manager),
      appOwners: [inactive(olga)],
      entitlementOwners: [inactive(erin)],
      namedApprovers: [inactive(nina)],
      superAdmins: [inactive(ada)],
    });
    for (const kind of ["MANAGER", "APP_OWNERS", "ENTITLEMENT_OWNERS", "USERS", null] as const) {
      expect(resolveApprovers(snapshot(), step(kind), everyoneInactive).userIds).toEqual([]);
    }
  });

  it("does not change the facts it was given", () => {
    const given = facts({ appOwners: [olga, requester, omar], priorApproverIds: ["olga"] });
    const copy = structuredClone(given);
    resolveApprovers(snapshot({ requireDistinctApprovers: true }), step("APP_OWNERS"), given);
    expect(given).toEqual(copy);
  });
});

interface WorkerCase {
  label: string;
  kind: "GRANT" | "REVOKE";
  facts: Partial<AssignmentFacts>;
  expected: Assignment;
}

describe("resolveWorkers", () => {
  it.each<WorkerCase>([
    {
      label: "the app's active workers",
      kind: "GRANT",
      facts: { appWorkers: [pete, paula] },
      expected: { userIds: ["pete", "paula"], source: "APP_WORKERS", note: null },
    },
    {
      label: "only the active workers",
      kind: "REVOKE",
      facts: { appWorkers: [inactive(pete), paula] },
      expected: { userIds: ["paula"], source: "APP_WORKERS", note: null },
    },
    {
      label: "duplicate workers appear once",
      kind: "GRANT",
      facts: { appWorkers: [pete, pete, paula] },
      expected: { userIds: ["pete", "paula"], source: "APP_WORKERS", note: null },
    },
    {
      label: "GRANT, no provisioners configured → app owners, no note",
      kind: "GRANT",
      facts: { appWorkers: [] },
      expected: { userIds: ["olga", "omar"], source: "APP_OWNERS", note: null },
    },
    {
      label: "REVOKE, no deprovisioners configured → app owners, no note",
      kind: "REVOKE",
      facts: { appWorkers: [] },
      expected: { userIds: ["olga", "omar"], source: "APP_OWNERS", note: null },
    },
    {
      label: "GRANT, provisioners configured but all inactive → app owners, with a note",
      kind: "GRANT",
      facts: { appWorkers: [inactive(pete), inactive(paula)] },
      expected: {
        userIds: ["olga", "omar"],
        source: "APP_OWNERS",
        note: "None of the app's provisioners is active, so the app owners do this.",
      },
    },
    {
      label: "REVOKE, deprovisioners configured but all inactive → app owners, with a note",
      kind: "REVOKE",
      facts: { appWorkers: [inactive(pete)] },
      expected: {
        userIds: ["olga", "omar"],
        source: "APP_OWNERS",
        note: "None of the app's deprovisioners is active, so the app owners do this.",
      },
    },
    {
      label: "only the active owners, once each",
      kind: "GRANT",
      facts: { appWorkers: [], appOwners: [inactive(olga), omar, omar] },
      expected: { userIds: ["omar"], source: "APP_OWNERS", note: null },
    },
    {
      label: "GRANT, nobody → super admins",
      kind: "GRANT",
      facts: { appWorkers: [], appOwners: [] },
      expected: {
        userIds: ["ada", "abe"],
        source: "SUPER_ADMINS_FALLBACK",
        note: "The app has no active provisioners or owners, so the super admins do this.",
      },
    },
    {
      label: "REVOKE, only inactive workers and owners → active super admins, once each",
      kind: "REVOKE",
      facts: {
        appWorkers: [inactive(pete)],
        appOwners: [inactive(olga)],
        superAdmins: [inactive(ada), abe, abe],
      },
      expected: {
        userIds: ["abe"],
        source: "SUPER_ADMINS_FALLBACK",
        note: "The app has no active deprovisioners or owners, so the super admins do this.",
      },
    },
  ])("$label", ({ kind, facts: overrides, expected }) => {
    expect(resolveWorkers(kind, facts(overrides))).toEqual(expected);
  });
});
