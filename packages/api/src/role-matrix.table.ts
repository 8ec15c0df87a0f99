import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import { expect } from "vitest";
import type {
  Account,
  App,
  Entitlement,
  Grant,
  Organization,
  PolicyWithSteps,
  PrismaClient,
  User,
} from "@lantern/db";
import {
  createAccount,
  createApp,
  createEntitlement,
  createGrant,
  createOrganization,
  createPolicy,
  createRequestWithTasks,
  createUser,
} from "@lantern/seed";
import type { AppRouter } from "./root.ts";
import { startReviewCampaign } from "./services/reviews/index.ts";
import { actorFor } from "./testing.ts";

// The role matrix (issue 13): every procedure of appRouter × every kind of caller → what the
// caller gets. The test (role-matrix.integration.test.ts) enumerates the router and fails for a
// procedure without a row here, and for a row whose procedure is gone. To add a procedure: add
// its row below — a valid input built from the fixture world (a fresh target when the call
// changes something, so that "ok" means it really happened) and the outcome per role.

// ─────────────────────────────── Roles and outcomes ───────────────────────────────

/**
 * Who calls, in the first organization (Acme) unless said otherwise:
 * - superAdmin: a SUPER_ADMIN.
 * - auditor: an AUDITOR who owns nothing and manages nobody: reads everything, changes nothing
 *   but their own things (notification preferences, a request of their own).
 * - appOwner: an owner of the app "Salesforce".
 * - entitlementOwner: an owner of its entitlement "Reports".
 * - manager: the direct manager of `member`.
 * - provisioner: provisioner and deprovisioner of Salesforce (assigned its tasks).
 * - member: a plain member who owns an account in Salesforce holding Reports and Admin.
 * - otherOrganization: a SUPER_ADMIN of the second organization (Globex), calling with Acme's
 *   ids: it must get NOT_FOUND, never data; a call naming no id answers about Globex only.
 * - signedOut: no session.
 */
export const ROLES = [
  "superAdmin",
  "auditor",
  "appOwner",
  "entitlementOwner",
  "manager",
  "provisioner",
  "member",
  "otherOrganization",
  "signedOut",
] as const;
export type Role = (typeof ROLES)[number];

export type Outcome = "ok" | "FORBIDDEN" | "NOT_FOUND" | "UNAUTHORIZED";
export type Expectation = Record<Role, Outcome>;

const CODES: Record<string, Outcome> = {
  ok: "ok",
  F: "FORBIDDEN",
  NF: "NOT_FOUND",
  U: "UNAUTHORIZED",
};

/**
 * One line of the table, in ROLES order: `ok`, `F` (FORBIDDEN), `NF` (NOT_FOUND), `U`
 * (UNAUTHORIZED). Signed out is UNAUTHORIZED unless a ninth column says otherwise.
 */
export function outcomes(line: string): Expectation {
  const columns = line.trim().split(/\s+/);
  if (columns.length === ROLES.length - 1) columns.push("U");
  if (columns.length !== ROLES.length || columns.some((c) => !(c in CODES))) {
    throw new Error(
      `A role-matrix line has ${ROLES.length - 1} or ${ROLES.length} of ok/F/NF/U: "${line}"`,
    );
  }
  return Object.fromEntries(ROLES.map((role, i) => [role, CODES[columns[i]!]!])) as Expectation;
}

// ─────────────────────────────── Procedures ───────────────────────────────

type Inputs = inferRouterInputs<AppRouter>;
type Outputs = inferRouterOutputs<AppRouter>;

/** "tasks.close": every procedure of the router, by its path. */
export type ProcedurePath = {
  [R in keyof Inputs & string]: `${R}.${keyof Inputs[R] & string}`;
}[keyof Inputs & string];

/** What `Of` gives for one procedure ("tasks.close" → Of["tasks"]["close"]). */
type At<Of, P extends string> = P extends `${infer R}.${infer Q}`
  ? R extends keyof Of
    ? Q extends keyof Of[R]
      ? Of[R][Q]
      : never
    : never
  : never;
type InputOf<P extends ProcedurePath> = At<Inputs, P>;
type OutputOf<P extends ProcedurePath> = At<Outputs, P>;

export interface Case<P extends ProcedurePath> {
  /** What the case is about, when a procedure has several. */
  name?: string;
  /** A valid input as `role` sends it: called once per role, so each call gets its own target. */
  input: (w: World, role: Role) => InputOf<P> | Promise<InputOf<P>>;
  expect: Expectation;
  /** For answers that report per item whether the action happened (bulk): the outcome. */
  outcome?: (result: OutputOf<P>) => Outcome;
  /** A mutation that by design changes nothing (a connection test): checked to record no event. */
  writesNothing?: true;
  /** More checks of an allowed call's answer. */
  check?: (w: World, role: Role, result: OutputOf<P>) => void | Promise<void>;
}

export type Matrix = { [P in ProcedurePath]: Case<P> | Case<P>[] };

// ─────────────────────────────── The fixture world ───────────────────────────────

export interface World {
  db: PrismaClient;
  org: Organization;
  other: Organization;
  /** The caller of each role (signedOut: none). */
  people: Record<Exclude<Role, "signedOut">, User>;
  /** A member nobody else in the table manages, with an account of his own. */
  stranger: User;
  /** An active member tasks can be reassigned to. */
  helper: User;
  /** A member of the second organization. */
  otherPerson: User;
  app: App;
  /** Owned by the entitlement owner; held by the member's and the stranger's accounts. */
  reports: Entitlement;
  /** Nobody owns it; held by the member's account. */
  admin: Entitlement;
  accounts: { member: Account; stranger: Account };
  grants: { memberReports: Grant; memberAdmin: Grant; strangerReports: Grant };
  policies: { straight: PolicyWithSteps; managerApproval: PolicyWithSteps };
  /** An open APPROVAL task (assigned to the manager) of the member's request: read, commented. */
  memberApproval: { id: string; number: number };
  /** An open PROVISION task (assigned to the provisioner) of the member's request. */
  memberProvision: { id: string; number: number };
  /** An open PROVISION task (assigned to the provisioner) of the stranger's request. */
  strangerProvision: { id: string; number: number };
  devEmailId: string;
  /** A name, email or slug nobody has used yet. */
  unique: (prefix: string) => string;
}

export async function buildWorld(db: PrismaClient): Promise<World> {
  const org = await createOrganization(db, { name: "Acme Matrix", slug: "acme-role-matrix" });
  const other = await createOrganization(db, { name: "Globex Matrix", slug: "globex-role-matrix" });
  const person = (givenName: string, familyName: string, extra = {}) =>
    createUser(db, org, { givenName, familyName, ...extra });
  const superAdmin = await person("Ada", "Admin", { role: "SUPER_ADMIN" });
  const auditor = await person("Avery", "Auditor", { role: "AUDITOR" });
  const appOwner = await person("Olive", "Owner");
  const entitlementOwner = await person("Enzo", "Entowner");
  const manager = await person("Bea", "Boss");
  const provisioner = await person("Paul", "Provisioner");
  const member = await person("Mia", "Member", { managerId: manager.id });
  const stranger = await person("Stan", "Stranger");
  const helper = await person("Hal", "Helper");
  const otherOrganization = await createUser(db, other, {
    givenName: "Otto",
    familyName: "Outsider",
    role: "SUPER_ADMIN",
  });
  // Globex has people, an app and policies of its own: its lists are not empty.
  const globexPerson = await createUser(db, other, { givenName: "Gus", familyName: "Globex" });
  const globexApp = await createApp(db, other, { name: "Globex CRM", owners: [globexPerson] });
  await createAccount(db, globexApp, { owner: globexPerson });
  await createPolicy(db, other, { name: "Globex policy" });

  const straight = await createPolicy(db, org, { name: "Straight through" });
  const managerApproval = await createPolicy(db, org, {
    name: "Manager approval",
    steps: [{ approverKind: "MANAGER" }],
  });
  await db.organization.update({
    where: { id: org.id },
    data: { defaultRequestPolicyId: straight.id, defaultRevocationPolicyId: straight.id },
  });
  const app = await createApp(db, org, {
    name: "Salesforce",
    owners: [appOwner],
    provisioners: [provisioner],
    deprovisioners: [provisioner],
  });
  const reports = await createEntitlement(db, app, {
    slug: "reports",
    displayName: "Reports",
    owners: [entitlementOwner],
  });
  const admin = await createEntitlement(db, app, { slug: "admin", displayName: "Admin" });
  const accounts = {
    member: await createAccount(db, app, { owner: member }),
    stranger: await createAccount(db, app, { owner: stranger }),
  };
  const grants = {
    memberReports: await createGrant(db, accounts.member, reports),
    memberAdmin: await createGrant(db, accounts.member, admin),
    strangerReports: await createGrant(db, accounts.stranger, reports),
  };
  // Someone else's access in notifications and events too: the outbox and the audit log.
  await db.notification.create({
    data: {
      organizationId: org.id,
      recipientId: stranger.id,
      channel: "EMAIL",
      template: "request.completed",
      payload: { accountId: accounts.stranger.id },
      idempotencyKey: `matrix-${stranger.id}`,
    },
  });

  let n = 0;
  const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${++n}`;
  const world: World = {
    db,
    org,
    other,
    people: {
      superAdmin,
      auditor,
      appOwner,
      entitlementOwner,
      manager,
      provisioner,
      member,
      otherOrganization,
    },
    stranger,
    helper,
    otherPerson: globexPerson,
    app,
    reports,
    admin,
    accounts,
    grants,
    policies: { straight, managerApproval },
    memberApproval: { id: "", number: 0 },
    memberProvision: { id: "", number: 0 },
    strangerProvision: { id: "", number: 0 },
    devEmailId: "",
    unique,
  };
  world.memberApproval = await approvalTask(world);
  world.memberProvision = await provisionTask(world);
  world.strangerProvision = await provisionTask(world, stranger, accounts.stranger);
  world.devEmailId = (
    await db.devEmail.create({
      data: { to: member.email, subject: "Task assigned", html: "<p>Hi</p>", text: "Hi" },
    })
  ).id;
  return world;
}

// ─────────────────────────────── Fresh targets ───────────────────────────────

/** An app run like Salesforce (same owner and provisioner), for calls that change an app. */
function freshApp(w: World) {
  return createApp(w.db, w.org, {
    name: w.unique("App"),
    owners: [w.people.appOwner],
    provisioners: [w.people.provisioner],
    deprovisioners: [w.people.provisioner],
  });
}

/** An entitlement of Salesforce owned by the entitlement owner. */
function freshEntitlement(w: World) {
  return createEntitlement(w.db, w.app, {
    slug: w.unique("ent"),
    owners: [w.people.entitlementOwner],
  });
}

/** An account of Salesforce nobody owns. */
function freshAccount(w: World) {
  return createAccount(w.db, w.app, { login: w.unique("acct") });
}

/** A live grant of the member's account, of an entitlement the entitlement owner owns. */
async function freshMemberGrant(w: World) {
  return createGrant(w.db, w.accounts.member, await freshEntitlement(w));
}

let reviewRuns = 0;
/**
 * A fresh running access review of one fresh grant of the member's, reviewed by the member's
 * manager: its campaign and its one item.
 */
async function freshReviewItem(w: World) {
  const grant = await freshMemberGrant(w);
  reviewRuns += 1;
  const started = await startReviewCampaign(
    { db: w.db, actor: (await actorFor(w.db, w.people.superAdmin.id))!, now: () => new Date() },
    {
      name: `Matrix review ${reviewRuns} ${grant.id}`,
      description: "",
      dueDate: new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10),
      scope: {
        appIds: [],
        entitlementIds: [grant.entitlementId],
        accountTypes: ["USER", "SERVICE", "SYSTEM"],
        grantOlderThanDays: null,
        ownerInactiveOnly: false,
        ownerlessOnly: false,
        unusedForDays: null,
      },
      reviewers: { first: { kind: "MANAGER", userIds: [] }, second: null },
    },
  );
  const item = await w.db.reviewItem.findFirstOrThrow({
    where: { campaignId: started.campaignId },
    select: { id: true },
  });
  return { campaignId: started.campaignId, itemId: item.id };
}

function firstTask(created: { tasks: Array<{ id: string; number: number }> }) {
  const task = created.tasks[0]!;
  return { id: task.id, number: task.number };
}

/** The member asks for a fresh entitlement; the manager must approve (task open). */
async function approvalTask(w: World) {
  return firstTask(
    await createRequestWithTasks(w.db, {
      requester: w.people.member,
      entitlement: await freshEntitlement(w),
      account: w.accounts.member,
      policy: w.policies.managerApproval,
      reason: "For the quarterly numbers",
      tasks: [{ kind: "APPROVAL", assignees: [w.people.manager] }],
    }),
  );
}

/** `requester` asked for a fresh entitlement; the provisioner must provision it (task open). */
async function provisionTask(w: World, requester = w.people.member, account = w.accounts.member) {
  return firstTask(
    await createRequestWithTasks(w.db, {
      requester,
      entitlement: await freshEntitlement(w),
      account,
      policy: w.policies.straight,
      reason: "Needed for work",
      tasks: [{ kind: "PROVISION", assignees: [w.people.provisioner] }],
    }),
  );
}

/** The app owner asked to remove a grant of the member's; the provisioner must do it. */
async function deprovisionTask(w: World) {
  const grant = await freshMemberGrant(w);
  return firstTask(
    await createRequestWithTasks(w.db, {
      kind: "REVOKE",
      requester: w.people.appOwner,
      entitlement: await w.db.entitlement.findUniqueOrThrow({ where: { id: grant.entitlementId } }),
      grant,
      policy: w.policies.straight,
      reason: "Changed teams",
      tasks: [{ kind: "DEPROVISION", assignees: [w.people.provisioner] }],
    }),
  );
}

/** A request of the member's whose provisioning errored. */
async function erroredRequest(w: World) {
  const created = await createRequestWithTasks(w.db, {
    requester: w.people.member,
    entitlement: await freshEntitlement(w),
    account: w.accounts.member,
    policy: w.policies.straight,
    reason: "Needed for work",
    tasks: [
      {
        kind: "PROVISION",
        assignees: [w.people.provisioner],
        state: "ERRORED",
        outcomeNote: "The console was down",
      },
    ],
  });
  return created.request.id;
}

/** A request of the member's still waiting for the manager's approval. */
async function pendingRequest(w: World) {
  const created = await createRequestWithTasks(w.db, {
    requester: w.people.member,
    entitlement: await freshEntitlement(w),
    account: w.accounts.member,
    policy: w.policies.managerApproval,
    reason: "For the quarterly numbers",
    tasks: [{ kind: "APPROVAL", assignees: [w.people.manager] }],
  });
  return created.request.id;
}

/** A notification that gave up (the dead-letter state): to the stranger, or in `org`. */
async function failedNotification(w: World, org: "first" | "second" = "first") {
  const row = await w.db.notification.create({
    data: {
      organizationId: org === "first" ? w.org.id : w.other.id,
      recipientId: org === "first" ? w.stranger.id : w.otherPerson.id,
      channel: "EMAIL",
      template: "task.assigned",
      payload: {},
      idempotencyKey: w.unique("failed"),
      state: "FAILED",
      attempts: 5,
      lastError: "SMTP 550",
      failedAt: new Date(),
    },
  });
  return row.id;
}

function freshPerson(w: World) {
  return createUser(w.db, w.org, { givenName: "Fresh", familyName: w.unique("Person") });
}

function freshPolicy(w: World) {
  return createPolicy(w.db, w.org, { name: w.unique("Policy") });
}

const POLICY = {
  description: "",
  steps: [{ approver: "APP_OWNERS" as const, people: [] }],
  allowReassignment: true,
  restrictReassignees: false,
  allowedReassigneeIds: [],
  allowSelfApproval: false,
  requireDistinctApprovers: false,
};

/** An entitlement owner not otherwise responsible sees only the grants of what they own. */
function onlyOwnedEntitlements(
  w: World,
  role: Role,
  result: { items: Array<{ grantId: string }> },
) {
  if (role !== "entitlementOwner") return;
  expect(result.items.map((g) => g.grantId)).not.toContain(w.grants.memberAdmin.id);
}

// ─────────────────────────────── The table ───────────────────────────────

// Each `outcomes("…")` line reads, in this order: superAdmin, auditor, appOwner,
// entitlementOwner, manager, provisioner, member, otherOrganization [, signedOut —
// UNAUTHORIZED when absent]. The auditor reads what a super admin reads (every query ok) and
// changes nothing (every mutation FORBIDDEN) but their own preferences and requests.
export const MATRIX: Matrix = {
  // Accounts tab and account actions (SPEC §4.1, §4.3, §4.4): super admins and app owners.
  "accounts.list": {
    input: (w) => ({ appId: w.app.id }),
    expect: outcomes("ok ok ok F F F F NF"),
  },
  "accounts.count": {
    input: (w) => ({ appId: w.app.id, type: "SERVICE" }),
    expect: outcomes("ok ok ok F F F F NF"),
  },
  "accounts.ownerCandidates": {
    input: (w) => ({ appId: w.app.id }),
    expect: outcomes("ok ok ok F F F F NF"),
  },
  "accounts.setOwner": {
    input: async (w) => ({ accountId: (await freshAccount(w)).id, userId: w.people.member.id }),
    expect: outcomes("ok F ok F F F F NF"),
    check: (_w, _role, result) => expect(result.changed).toBe(true),
  },
  "accounts.resetOwner": {
    // Set by hand to the stranger; the mapping rules give the member.
    input: async (w) => ({
      accountId: (
        await createAccount(w.db, w.app, {
          owner: w.people.member,
          ownerId: w.stranger.id,
          ownerSource: "MANUAL",
        })
      ).id,
    }),
    expect: outcomes("ok F ok F F F F NF"),
    check: (_w, _role, result) => expect(result.changed).toBe(true),
  },
  "accounts.clearOwner": {
    input: async (w) => ({
      accountId: (await createAccount(w.db, w.app, { owner: w.stranger })).id,
    }),
    expect: outcomes("ok F ok F F F F NF"),
    check: (_w, _role, result) => expect(result.changed).toBe(true),
  },
  "accounts.setType": {
    input: async (w) => ({ accountId: (await freshAccount(w)).id, type: "SERVICE" }),
    expect: outcomes("ok F ok F F F F NF"),
    check: (_w, _role, result) => expect(result.changed).toBe(true),
  },
  // Account details (SPEC §4.5, §8): canViewAccount.
  "accounts.byId": [
    {
      name: "the member's account",
      input: (w) => ({ id: w.accounts.member.id }),
      expect: outcomes("ok ok ok ok ok F ok NF"),
    },
    {
      name: "someone else's account",
      input: (w) => ({ id: w.accounts.stranger.id }),
      expect: outcomes("ok ok ok ok F F F NF"),
    },
  ],
  "accounts.grants": [
    {
      name: "the member's account",
      input: (w) => ({ accountId: w.accounts.member.id }),
      expect: outcomes("ok ok ok ok ok F ok NF"),
      check: onlyOwnedEntitlements,
    },
    {
      name: "someone else's account",
      input: (w) => ({ accountId: w.accounts.stranger.id }),
      expect: outcomes("ok ok ok ok F F F NF"),
      check: onlyOwnedEntitlements,
    },
  ],

  // Apps (SPEC §8: every member sees apps; settings are the owners').
  "apps.list": { input: () => ({}), expect: outcomes("ok ok ok ok ok ok ok ok") },
  "apps.byId": { input: (w) => ({ id: w.app.id }), expect: outcomes("ok ok ok ok ok ok ok NF") },
  "apps.create": {
    input: (w) => ({ name: w.unique("New app") }),
    expect: outcomes("ok F F F F F F ok"),
  },
  "apps.settings": { input: (w) => ({ appId: w.app.id }), expect: outcomes("ok ok ok F F F F NF") },
  "apps.update": {
    input: async (w) => ({ appId: (await freshApp(w)).id, description: "Changed" }),
    expect: outcomes("ok F ok F F F F NF"),
  },
  "apps.setMembers": {
    input: async (w) => ({
      appId: (await freshApp(w)).id,
      provisionerIds: [w.people.provisioner.id, w.helper.id],
    }),
    expect: outcomes("ok F ok F F F F NF"),
  },
  "apps.setAccountMappingMode": {
    input: async (w) => ({ appId: (await freshApp(w)).id, mode: "BROAD" }),
    expect: outcomes("ok F ok F F F F NF"),
  },
  "apps.remapStatus": {
    input: (w) => ({ appId: w.app.id }),
    expect: outcomes("ok ok ok ok ok ok ok NF"),
  },
  "apps.connector": {
    input: (w) => ({ appId: w.app.id }),
    expect: outcomes("ok ok ok F F F F NF"),
  },
  "apps.setConnector": {
    input: async (w) => ({
      appId: (await freshApp(w)).id,
      kind: "webhook",
      settings: { url: "https://idp.example.com/lantern", token: "matrix-token" },
    }),
    expect: outcomes("ok F ok F F F F NF"),
    check: (_w, _role, result) => {
      expect(result.connector.secretsSet).toEqual(["token"]);
      expect(JSON.stringify(result)).not.toContain("matrix-token");
    },
  },
  "apps.testConnector": {
    input: (w) => ({ appId: w.app.id, kind: "recorder" }),
    expect: outcomes("ok F ok F F F F NF"),
    writesNothing: true,
  },

  // The audit log: super admins.
  "audit.list": { input: () => ({}), expect: outcomes("ok ok F F F F F ok") },
  "audit.actions": { input: () => undefined, expect: outcomes("ok ok F F F F F ok") },

  // The dev mailbox does not exist on a production server (here: the default, off).
  "devMailbox.list": { input: () => ({}), expect: outcomes("NF NF NF NF NF NF NF NF NF") },
  "devMailbox.byId": {
    input: (w) => ({ id: w.devEmailId }),
    expect: outcomes("NF NF NF NF NF NF NF NF NF"),
  },

  // Entitlements: every member sees them; the Grants tab lists what each may see (SPEC §8).
  "entitlements.byId": {
    input: (w) => ({ id: w.reports.id }),
    expect: outcomes("ok ok ok ok ok ok ok NF"),
  },
  "entitlements.grants": {
    input: (w) => ({ entitlementId: w.reports.id }),
    expect: outcomes("ok ok ok ok ok ok ok NF"),
    check: (w, role, result) => {
      const holders = result.items.map((g) => g.account.id).sort();
      const everyone = [w.accounts.member.id, w.accounts.stranger.id].sort();
      const expected: Partial<Record<Role, string[]>> = {
        superAdmin: everyone,
        auditor: everyone,
        appOwner: everyone,
        entitlementOwner: everyone,
        manager: [w.accounts.member.id],
        member: [w.accounts.member.id],
        provisioner: [],
      };
      expect(holders).toEqual(expected[role]);
    },
  },
  "entitlements.inheritedPolicies": {
    input: (w) => ({ appId: w.app.id }),
    expect: outcomes("ok ok ok F F F F NF"),
  },
  "entitlements.create": {
    input: (w) => ({ appId: w.app.id, displayName: w.unique("Entitlement") }),
    expect: outcomes("ok F ok F F F F NF"),
  },
  "entitlements.update": {
    input: async (w) => ({ id: (await freshEntitlement(w)).id, description: "Changed" }),
    expect: outcomes("ok F ok F F F F NF"),
  },
  "entitlements.bulkUpdate": {
    input: async (w) => {
      const app = await freshApp(w);
      const entitlement = await createEntitlement(w.db, app, { slug: w.unique("ent") });
      return {
        appId: app.id,
        entitlementIds: [entitlement.id],
        set: { provisioningStrategy: "CONNECTOR" as const },
      };
    },
    expect: outcomes("ok F ok F F F F NF"),
  },

  // Manual revoke (SPEC §5) and a grant's revocation status (SPEC §8: canViewGrant).
  "grants.revoke": {
    input: async (w) => ({ grantId: (await freshMemberGrant(w)).id, reason: "Changed teams" }),
    expect: outcomes("ok F ok ok ok F F NF"),
  },
  "grants.revocationStatus": [
    {
      name: "the member's access",
      input: (w) => ({ grantId: w.grants.memberReports.id }),
      expect: outcomes("ok ok ok ok ok F ok NF"),
    },
    {
      name: "someone else's access",
      input: (w) => ({ grantId: w.grants.strangerReports.id }),
      expect: outcomes("ok ok ok ok F F F NF"),
    },
  ],

  // Imports: an app's files for its managers, people for super admins.
  "imports.run": {
    input: async (w) => ({
      appId: (await freshApp(w)).id,
      format: "csv",
      kind: "accounts",
      content: `externalId,login,emails\n${w.unique("X")},new.login,new@acme.example`,
    }),
    expect: outcomes("ok F ok F F F F NF"),
  },
  "imports.people": {
    input: (w) => ({
      format: "csv",
      content: `email,givenName,familyName\n${w.unique("imported")}@acme.example,Ida,Imported`,
    }),
    expect: outcomes("ok F F F F F F ok"),
  },

  // The signed-in person's own things.
  "me.get": { input: () => undefined, expect: outcomes("ok ok ok ok ok ok ok ok") },
  "me.openTaskCounts": { input: () => undefined, expect: outcomes("ok ok ok ok ok ok ok ok") },
  "me.access": {
    input: () => ({}),
    expect: outcomes("ok ok ok ok ok ok ok ok"),
    // Only ever the caller's own accounts: the member's, to the member; never the stranger's.
    check: (w, role, result) => {
      const ids = result.items.map((a) => a.id);
      expect(ids).not.toContain(w.accounts.stranger.id);
      if (role === "member") expect(ids).toContain(w.accounts.member.id);
      else expect(ids).not.toContain(w.accounts.member.id);
    },
  },
  "me.notificationPreferences": {
    input: () => undefined,
    expect: outcomes("ok ok ok ok ok ok ok ok"),
  },
  "me.updateNotificationPreferences": {
    input: () => ({ email: false, slack: false }),
    expect: outcomes("ok ok ok ok ok ok ok ok"),
  },

  // Notification delivery: super admins.
  "notifications.list": { input: () => ({}), expect: outcomes("ok ok F F F F F ok") },
  "notifications.counts": { input: () => undefined, expect: outcomes("ok ok F F F F F ok") },
  "notifications.retry": {
    input: async (w) => ({ id: await failedNotification(w) }),
    expect: outcomes("ok F F F F F F NF"),
  },
  "notifications.retryAllFailed": {
    // A failed notification in the caller's organization each time: there is one to retry.
    input: async (w, role) => {
      await failedNotification(w, role === "otherOrganization" ? "second" : "first");
      return undefined;
    },
    expect: outcomes("ok F F F F F F ok"),
    check: (_w, _role, result) => expect(result.count).toBeGreaterThan(0),
  },

  // The organization: its headline for everyone, its settings for super admins.
  "organization.get": { input: () => undefined, expect: outcomes("ok ok ok ok ok ok ok ok") },
  "organization.settings": { input: () => undefined, expect: outcomes("ok ok F F F F F ok") },
  "organization.update": {
    input: (w) => ({ name: w.unique("Renamed") }),
    expect: outcomes("ok F F F F F F ok"),
  },

  // Approval policies: the pickers for everyone, the rest for super admins.
  "policies.options": { input: () => undefined, expect: outcomes("ok ok ok ok ok ok ok ok") },
  "policies.list": { input: () => ({}), expect: outcomes("ok ok F F F F F ok") },
  "policies.byId": {
    input: (w) => ({ id: w.policies.managerApproval.id }),
    expect: outcomes("ok ok F F F F F NF"),
  },
  "policies.create": {
    input: (w) => ({ ...POLICY, name: w.unique("Policy") }),
    expect: outcomes("ok F F F F F F ok"),
  },
  "policies.update": {
    input: async (w) => ({ ...POLICY, id: (await freshPolicy(w)).id, name: w.unique("Policy") }),
    expect: outcomes("ok F F F F F F NF"),
  },
  "policies.duplicate": {
    input: (w) => ({ id: w.policies.managerApproval.id }),
    expect: outcomes("ok F F F F F F NF"),
  },
  "policies.delete": {
    input: async (w) => ({ id: (await freshPolicy(w)).id }),
    expect: outcomes("ok F F F F F F NF"),
  },

  // Requests (SPEC §8: every member requests access; cancel and retry are narrower).
  "requests.create": {
    input: async (w) => ({ entitlementId: (await freshEntitlement(w)).id, reason: "For work" }),
    expect: outcomes("ok ok ok ok ok ok ok NF"),
  },
  "requests.mine": { input: () => ({}), expect: outcomes("ok ok ok ok ok ok ok ok") },
  "requests.requestable": { input: () => ({}), expect: outcomes("ok ok ok ok ok ok ok ok") },
  "requests.cancel": {
    input: async (w) => ({ requestId: await pendingRequest(w), reason: "Not needed" }),
    expect: outcomes("ok F F F F F ok NF"),
  },
  "requests.retry": {
    input: async (w) => ({ requestId: await erroredRequest(w) }),
    expect: outcomes("ok F ok F F F F NF"),
  },

  // Tasks (SPEC §3): seen by the people around them, acted on by assignees and super admins.
  "tasks.inbox": {
    input: () => ({ box: "requests", tab: "awaiting_approval" }),
    expect: outcomes("ok ok ok ok ok ok ok ok"),
  },
  "tasks.byNumber": [
    {
      name: "the member's request, waiting for the manager",
      input: (w) => ({ number: w.memberApproval.number }),
      expect: outcomes("ok ok ok NF ok NF ok NF"),
    },
    {
      name: "someone else's request, waiting for the provisioner",
      input: (w) => ({ number: w.strangerProvision.number }),
      expect: outcomes("ok ok ok NF NF ok NF NF"),
    },
  ],
  "tasks.close": [
    {
      name: "approve",
      input: async (w) => ({ taskId: (await approvalTask(w)).id, action: "approve" }),
      expect: outcomes("ok F F NF ok NF F NF"),
    },
    {
      name: "deny",
      input: async (w) => ({
        taskId: (await approvalTask(w)).id,
        action: "deny",
        text: "Not for this role",
      }),
      expect: outcomes("ok F F NF ok NF F NF"),
    },
    {
      name: "mark_provisioned",
      input: async (w) => ({ taskId: (await provisionTask(w)).id, action: "mark_provisioned" }),
      expect: outcomes("ok F F NF NF ok F NF"),
    },
    {
      name: "mark_deprovisioned",
      input: async (w) => ({
        taskId: (await deprovisionTask(w)).id,
        action: "mark_deprovisioned",
      }),
      expect: outcomes("ok F F NF NF ok F NF"),
    },
    {
      name: "mark_errored",
      input: async (w) => ({
        taskId: (await provisionTask(w)).id,
        action: "mark_errored",
        text: "The console is down",
      }),
      expect: outcomes("ok F F NF NF ok F NF"),
    },
  ],
  "tasks.reassign": {
    input: async (w) => ({
      taskId: (await provisionTask(w)).id,
      toUserId: w.helper.id,
      reason: "Out of office",
    }),
    expect: outcomes("ok F F NF NF ok F NF"),
  },
  "tasks.reassignees": {
    input: (w) => ({ taskId: w.memberProvision.id }),
    expect: outcomes("ok ok ok NF NF ok ok NF"),
    check: (w, role, result) => {
      // Only the people who may reassign it are offered anyone.
      const offers = ["superAdmin", "provisioner"].includes(role);
      expect(result.people.length > 0, role).toBe(offers);
      if (!offers) expect(result.blockedReason).toMatch(/can reassign it/);
    },
  },
  "tasks.remind": {
    input: async (w) => ({ number: (await approvalTask(w)).number }),
    expect: outcomes("ok F ok NF F NF ok NF"),
  },
  "tasks.comment": {
    input: (w) => ({ taskId: w.memberApproval.id, body: "Any news?" }),
    expect: outcomes("ok F ok NF ok NF ok NF"),
  },
  "tasks.bulk": {
    input: async (w) => ({
      action: "mark_provisioned",
      taskIds: [(await provisionTask(w)).id],
      comment: "Done in the weekly batch",
    }),
    expect: outcomes("ok F F NF NF ok F NF"),
    // Each task is its own transaction: the answer says whether it was done, or why not.
    outcome: (result) => {
      const [only] = result.results;
      return only?.status === "done" ? "ok" : (only?.code as Outcome);
    },
  },

  // Access reviews (SPEC §10): super admins start and close campaigns, super admins and
  // auditors read them (and may count a scope); an item is decided by its reviewers (here the member's manager) or a
  // super admin, never by the person whose access it is; everyone has a queue.
  "reviews.list": { input: () => ({}), expect: outcomes("ok ok F F F F F ok") },
  "reviews.byId": {
    input: async (w) => ({ campaignId: (await freshReviewItem(w)).campaignId }),
    expect: outcomes("ok ok F F F F F NF"),
  },
  "reviews.items": {
    input: async (w) => ({ campaignId: (await freshReviewItem(w)).campaignId }),
    expect: outcomes("ok ok F F F F F NF"),
  },
  "reviews.countScope": {
    input: (w) => ({ scope: { appIds: [w.app.id] } }),
    expect: outcomes("ok ok F F F F F NF"),
  },
  "reviews.start": {
    input: async (w, role) => ({
      name: `Matrix start ${role} ${(await freshMemberGrant(w)).id}`,
      dueDate: new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10),
      scope: { appIds: [w.app.id] },
      reviewers: { first: { kind: "MANAGER" } },
    }),
    expect: outcomes("ok F F F F F F NF"),
  },
  "reviews.close": {
    input: async (w) => ({ campaignId: (await freshReviewItem(w)).campaignId }),
    expect: outcomes("ok F F F F F F NF"),
  },
  "reviews.queue": { input: () => ({}), expect: outcomes("ok ok ok ok ok ok ok ok") },
  "reviews.queueSummary": { input: () => undefined, expect: outcomes("ok ok ok ok ok ok ok ok") },
  "reviews.decide": {
    input: async (w) => ({
      itemId: (await freshReviewItem(w)).itemId,
      decision: "keep",
      reason: "Still on the team",
    }),
    expect: outcomes("ok F F F ok F F NF"),
  },
  "reviews.reassign": {
    input: async (w) => ({
      itemId: (await freshReviewItem(w)).itemId,
      toUserId: w.helper.id,
      reason: "Knows this app better",
    }),
    expect: outcomes("ok F F F ok F F NF"),
  },
  "reviews.reassignees": {
    input: async (w) => ({ itemIds: [(await freshReviewItem(w)).itemId] }),
    expect: outcomes("ok ok ok ok ok ok ok NF"),
    check: (w, role, result) => {
      // Only who may reassign the item (its reviewer, the manager; a super admin) is offered anyone.
      const offers = ["superAdmin", "manager"].includes(role);
      expect(result.people.length > 0, role).toBe(offers);
      if (!offers) expect(result.blockedReason).toBeTruthy();
    },
  },
  "reviews.bulk": {
    input: async (w) => ({
      itemIds: [(await freshReviewItem(w)).itemId],
      decision: "keep",
      comment: "Checked with the team",
    }),
    expect: outcomes("ok F F F ok F F NF"),
    // Each item is reported: decided, or why not.
    outcome: (result) => {
      const [only] = result.results;
      return only?.status === "done" ? "ok" : (only?.code as Outcome);
    },
  },

  // People: super admins.
  "users.list": { input: () => ({}), expect: outcomes("ok ok F F F F F ok") },
  "users.byId": {
    input: (w) => ({ userId: w.people.member.id }),
    expect: outcomes("ok ok F F F F F NF"),
  },
  "users.search": { input: () => ({}), expect: outcomes("ok ok F F F F F ok") },
  "users.create": {
    input: (w) => ({
      email: `${w.unique("new")}@acme.example`,
      givenName: "Nora",
      familyName: "New",
    }),
    expect: outcomes("ok F F F F F F ok"),
  },
  "users.setRole": {
    input: async (w) => ({ userId: (await freshPerson(w)).id, role: "SUPER_ADMIN" }),
    expect: outcomes("ok F F F F F F NF"),
  },
  "users.setManager": {
    input: async (w) => ({ userId: (await freshPerson(w)).id, managerId: w.people.manager.id }),
    expect: outcomes("ok F F F F F F NF"),
  },
  "users.setStatus": {
    input: async (w) => ({
      userId: (await freshPerson(w)).id,
      status: "SUSPENDED",
      reason: "On leave",
    }),
    expect: outcomes("ok F F F F F F NF"),
  },
  "users.signOutEverywhere": {
    input: async (w) => ({ userId: (await freshPerson(w)).id }),
    expect: outcomes("ok F F F F F F NF"),
  },
};
