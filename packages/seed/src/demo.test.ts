import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "@lantern/db";
import type { Account, User } from "@lantern/db";
import {
  countDemo,
  DEMO_ORGANIZATION,
  DEMO_PEOPLE,
  DEMO_SIGN_IN_PEOPLE,
  DEPARTMENTS,
  type DemoSeedResult,
  deleteOrganization,
  normalizeEmail,
  type PolicySnapshot,
  seedDemoOrganization,
  seedIfEmpty,
} from "./index.ts";
import { buildUsersIndex, matchAccountOwner, reviewItemFlags } from "@lantern/domain";
import { createScratchPostgres, type ScratchPostgres } from "@lantern/db/testing";

const NOW = new Date("2026-11-21T12:00:00.000Z");
const DAY = 86_400_000;

function normalizeName(value: string): string {
  return value.normalize("NFD").replace(/\p{M}/gu, "").trim().replace(/\s+/g, " ").toLowerCase();
}

let db: Database;
let seeded: DemoSeedResult;
let orgId: string;
let users: User[];
let usersById: Map<string, User>;

beforeAll(async () => {
  db = await openDatabase({ dataDir: "memory://" });
  seeded = await seedDemoOrganization(db.prisma, { now: NOW });
  orgId = seeded.organization.id;
  users = await db.prisma.user.findMany({ where: { organizationId: orgId } });
  usersById = new Map(users.map((u) => [u.id, u]));
});

afterAll(async () => {
  await db?.close();
});

describe("demo organization: people", () => {
  it("is Northwind Labs with about 150 people", () => {
    expect(seeded.organization.slug).toBe("northwind");
    expect(seeded.organization.name).toBe("Northwind Labs");
    expect(users.length).toBeGreaterThanOrEqual(140);
    expect(users.length).toBeLessThanOrEqual(160);
    expect(seeded.counts.users).toBe(users.length);
  });

  it("gives everyone a first.last@northwind.example email, normalized", () => {
    for (const u of users) {
      expect(u.email).toMatch(/^[a-z][a-z0-9-]*\.[a-z][a-z0-9-]*@northwind\.example$/);
      expect(u.emailNormalized).toBe(normalizeEmail(u.email));
      expect(u.displayName).toBe(`${u.givenName} ${u.familyName}`);
      expect(u.title).toBeTruthy();
    }
  });

  it("has exactly two super admins: the documented ones", () => {
    const admins = users
      .filter((u) => u.role === "SUPER_ADMIN")
      .map((u) => u.email)
      .sort();
    expect(admins).toEqual([DEMO_PEOPLE.securityAdmin, DEMO_PEOPLE.superAdmin].sort());
  });

  it("has exactly one auditor: the documented one, who owns no app and manages nobody", async () => {
    const auditors = users.filter((u) => u.role === "AUDITOR");
    expect(auditors.map((u) => u.email)).toEqual([DEMO_PEOPLE.auditor]);
    const auditor = auditors[0]!;
    expect(users.filter((u) => u.managerId === auditor.id)).toEqual([]);
    expect(await db.prisma.appMember.count({ where: { userId: auditor.id } })).toBe(0);
    expect(await db.prisma.entitlementOwner.count({ where: { userId: auditor.id } })).toBe(0);
    expect(await db.prisma.policyStepApprover.count({ where: { userId: auditor.id } })).toBe(0);
    // Never an assignee: the super-admin fallback takes super admins only.
    expect(await db.prisma.taskAssignee.count({ where: { userId: auditor.id } })).toBe(0);
  });

  it("covers the ten departments, with suspended and deprovisioned people", () => {
    const departments = new Set(users.map((u) => u.department));
    for (const d of DEPARTMENTS) expect(departments).toContain(d);
    expect(users.filter((u) => u.status === "SUSPENDED").length).toBeGreaterThanOrEqual(2);
    expect(users.filter((u) => u.status === "DEPROVISIONED").length).toBeGreaterThanOrEqual(2);
  });

  it("has a management chain from the CEO down, and a few people without a manager", () => {
    const ceo = users.find((u) => u.title === "Chief Executive Officer");
    expect(ceo?.managerId).toBeNull();
    expect(users.filter((u) => u.managerId === null).length).toBeGreaterThanOrEqual(3);
    for (const u of users) {
      let current: User | undefined = u;
      for (let hops = 0; current?.managerId; hops++) {
        expect(hops).toBeLessThan(8);
        current = usersById.get(current.managerId);
        expect(current).toBeDefined();
      }
    }
    const vps = users.filter((u) => u.managerId === ceo!.id);
    expect(vps.length).toBeGreaterThanOrEqual(5);
  });

  it("has two people with the same given and family name", () => {
    const byName = new Map<string, User[]>();
    for (const u of users) {
      const key = `${normalizeName(u.givenName)} ${normalizeName(u.familyName)}`;
      byName.set(key, [...(byName.get(key) ?? []), u]);
    }
    expect([...byName.values()].some((list) => list.length === 2)).toBe(true);
  });

  it("documents the people to sign in as", () => {
    const roles = Object.keys(DEMO_PEOPLE);
    expect(DEMO_SIGN_IN_PEOPLE.map((p) => p.role).sort()).toEqual([...roles].sort());
    for (const p of DEMO_SIGN_IN_PEOPLE) {
      const user = users.find((u) => u.email === p.email);
      expect(user, p.email).toBeDefined();
      expect(user!.displayName).toBe(p.name);
      expect(user!.title).toBe(p.title);
      expect(user!.status).toBe("ACTIVE");
      expect(p.description.length).toBeGreaterThan(20);
      expect(seeded.people[p.role].id).toBe(user!.id);
    }
  });
});

describe("demo organization: apps, entitlements and policies", () => {
  it("has 12 managed apps, each with owners, instructions and 2-6 entitlements", async () => {
    const apps = await db.prisma.app.findMany({
      where: { organizationId: orgId, status: "MANAGED" },
      include: { members: true, entitlements: { include: { owners: true } } },
    });
    expect(apps).toHaveLength(12);
    for (const app of apps) {
      expect(app.iconUrl).toBeNull();
      expect(app.description.length, app.name).toBeGreaterThan(30);
      expect(
        app.members.some((m) => m.role === "OWNER"),
        app.name,
      ).toBe(true);
      expect(app.provisioningInstructions, app.name).toMatch(/\n1\. |^1\. /m);
      expect(app.deprovisioningInstructions, app.name).toMatch(/^1\. /m);
      expect(app.provisioningInstructions).toMatch(/\]\(https:\/\//);
      expect(app.entitlements.length, app.name).toBeGreaterThanOrEqual(2);
      expect(app.entitlements.length, app.name).toBeLessThanOrEqual(6);
      for (const e of app.entitlements) expect(e.slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    }
    const names = apps.map((a) => a.name);
    for (const name of [
      "GitHub",
      "Salesforce",
      "AWS",
      "Slack",
      "Jira",
      "Figma",
      "Zoom",
      "Workday",
      "Snowflake",
      "Okta",
      "NetSuite",
    ]) {
      expect(names).toContain(name);
    }
    // Some apps have no provisioners: their owners act.
    expect(apps.some((a) => !a.members.some((m) => m.role === "PROVISIONER"))).toBe(true);
    expect(apps.filter((a) => a.accountMappingMode === "BROAD").length).toBeGreaterThanOrEqual(1);
    const entitlements = apps.flatMap((a) => a.entitlements);
    expect(entitlements.some((e) => e.provisioningStrategy === "CONNECTOR")).toBe(true);
    expect(entitlements.some((e) => e.provisioningStrategy === "MANUAL")).toBe(true);
    expect(entitlements.some((e) => e.owners.length > 0)).toBe(true);
    expect(entitlements.some((e) => e.requestPolicyId !== null)).toBe(true);
    expect(apps.some((a) => a.defaultRequestPolicyId !== null)).toBe(true);
    expect(apps.some((a) => a.defaultRevocationPolicyId !== null)).toBe(true);
  });

  it("has shadow apps for the Discovered apps tab", async () => {
    const shadow = await db.prisma.app.findMany({
      where: { organizationId: orgId, status: { not: "MANAGED" } },
    });
    expect(shadow.length).toBeGreaterThanOrEqual(1);
    for (const app of shadow) {
      expect(app.discoveredUserCount).toBeGreaterThan(0);
      expect(app.firstSeenAt).not.toBeNull();
    }
  });

  it("has policies whose approval steps come first and end with one PROVISION step", async () => {
    const policies = await db.prisma.policy.findMany({
      where: { organizationId: orgId },
      include: {
        steps: { include: { approvers: true }, orderBy: { position: "asc" } },
        allowedReassignees: true,
      },
    });
    const byName = new Map(policies.map((p) => [p.name, p]));
    expect(byName.get("Auto-approve")?.steps.map((s) => s.kind)).toEqual(["PROVISION"]);
    expect(byName.get("Manager approval")?.steps.map((s) => s.approverKind)).toEqual([
      "MANAGER",
      null,
    ]);
    expect(byName.get("Manager then app owner")?.steps.map((s) => s.approverKind)).toEqual([
      "MANAGER",
      "APP_OWNERS",
      null,
    ]);
    const security = byName.get("Security review")!;
    expect(
      security.steps.find((s) => s.approverKind === "USERS")?.approvers.length,
    ).toBeGreaterThan(0);
    expect(security.restrictReassignees).toBe(true);
    expect(security.allowedReassignees.length).toBeGreaterThan(0);
    expect(policies.some((p) => !p.allowReassignment)).toBe(true);
    for (const p of policies) {
      expect(p.steps.map((s) => s.position)).toEqual(p.steps.map((_, i) => i));
      expect(p.steps.at(-1)?.kind).toBe("PROVISION");
      expect(
        p.steps.slice(0, -1).every((s) => s.kind === "APPROVAL" && s.approverKind !== null),
      ).toBe(true);
    }
    const org = await db.prisma.organization.findUniqueOrThrow({ where: { id: orgId } });
    expect(org.defaultRequestPolicyId).toBe(byName.get("Manager approval")!.id);
    expect(org.defaultRevocationPolicyId).toBe(byName.get("Auto-approve")!.id);
  });
});

describe("demo organization: accounts and owner mapping", () => {
  let accounts: (Account & { app: { name: string; accountMappingMode: string } })[];
  beforeAll(async () => {
    accounts = await db.prisma.account.findMany({
      where: { organizationId: orgId },
      include: { app: { select: { name: true, accountMappingMode: true } } },
    });
  });

  it("has tens to a couple hundred accounts per app", () => {
    const perApp = new Map<string, number>();
    for (const a of accounts) perApp.set(a.app.name, (perApp.get(a.app.name) ?? 0) + 1);
    expect(perApp.size).toBe(12);
    for (const [app, n] of perApp) {
      expect(n, app).toBeGreaterThanOrEqual(10);
      expect(n, app).toBeLessThanOrEqual(250);
    }
  });

  it("matches by email consistently: the owner's email is one of the account's emails", () => {
    const emailMatched = accounts.filter((a) => a.matchRule === "EMAIL");
    expect(emailMatched.length).toBeGreaterThan(500);
    for (const a of emailMatched) {
      const owner = usersById.get(a.matchedOwnerId!);
      expect(owner, a.externalId).toBeDefined();
      expect(a.emails.map(normalizeEmail)).toContain(owner!.emailNormalized);
      expect(a.matchValue).toBe(owner!.emailNormalized);
      // The first address that matches anyone decides (SPEC §4.2).
      const first = a.emails
        .map(normalizeEmail)
        .find((e) => users.some((u) => u.emailNormalized === e));
      expect(first).toBe(owner!.emailNormalized);
    }
  });

  it("matches by name only in BROAD apps, on the normalised name", () => {
    // An ambiguous name is recorded under NAME too (as the domain rule and the re-map SQL do).
    const nameMatched = accounts.filter((a) => a.matchRule === "NAME" && !a.matchAmbiguous);
    expect(nameMatched.length).toBeGreaterThan(0);
    for (const a of nameMatched) {
      expect(a.app.accountMappingMode).toBe("BROAD");
      const owner = usersById.get(a.matchedOwnerId!)!;
      expect(a.matchValue).toBe(
        `${normalizeName(owner.givenName)} ${normalizeName(owner.familyName)}`,
      );
      expect(a.emails.map(normalizeEmail)).not.toContain(owner.emailNormalized);
    }
    // A display name only, with accents stripped, still finds its person.
    expect(nameMatched.some((a) => a.givenName === null && a.displayName !== null)).toBe(true);
  });

  it("covers mixed-case and padded emails, secondary emails, and accounts without email", () => {
    const emailMatched = accounts.filter((a) => a.matchRule === "EMAIL");
    expect(emailMatched.some((a) => a.emails.some((e) => e !== e.trim()))).toBe(true);
    expect(
      emailMatched.some((a) => a.emails.some((e) => e.trim() !== e.trim().toLowerCase())),
    ).toBe(true);
    expect(emailMatched.some((a) => normalizeEmail(a.emails[0]!) !== a.matchValue)).toBe(true);
    expect(accounts.some((a) => a.emails.length === 0 && a.matchRule === "NAME")).toBe(true);
  });

  it("flags an ambiguous name with no owner", () => {
    const ambiguous = accounts.filter((a) => a.matchAmbiguous);
    expect(ambiguous.length).toBeGreaterThanOrEqual(1);
    for (const a of ambiguous) {
      expect(a.ownerId).toBeNull();
      expect(a.matchedOwnerId).toBeNull();
      expect(a.app.accountMappingMode).toBe("BROAD");
      const candidates = users.filter(
        (u) => `${normalizeName(u.givenName)} ${normalizeName(u.familyName)}` === a.matchValue,
      );
      expect(candidates.length).toBeGreaterThanOrEqual(2);
    }
  });

  it("has a NARROW app where switching to BROAD gives name-only accounts an owner", () => {
    // SPEC §4.2 as the domain's rules say (what the re-map applies when the mode changes).
    const index = buildUsersIndex(users);
    const snowflake = accounts.filter((a) => a.app.name === "Snowflake");
    expect(snowflake[0]!.app.accountMappingMode).toBe("NARROW");
    const broad = snowflake
      .filter((a) => a.matchedOwnerId === null)
      .map((a) => ({ a, match: matchAccountOwner(a, index, "BROAD") }));
    const gained = broad.filter(({ match }) => match.ownerId && match.rule === "NAME");
    expect(gained.map(({ match }) => match.value).sort()).toEqual([
      "andres castillo",
      "gabriel santos",
      "hana kobayashi",
    ]);
    expect(broad.filter(({ match }) => match.ambiguous).map(({ match }) => match.value)).toEqual([
      "sam taylor",
    ]);
    for (const { a } of [...gained, ...broad.filter(({ match }) => match.ambiguous)]) {
      expect(a.ownerId).toBeNull();
      expect(a.matchRule).toBeNull();
    }
  });

  it("keeps owner and matched owner consistent with the owner source", () => {
    for (const a of accounts) {
      if (a.ownerSource === "MATCHED") {
        expect(a.ownerId).toBe(a.matchedOwnerId);
        expect(a.ownerSetById).toBeNull();
      }
      if (a.matchedOwnerId === null) expect(a.matchRule).toBe(a.matchAmbiguous ? "NAME" : null);
    }
    const manual = accounts.filter((a) => a.ownerSource === "MANUAL");
    const cleared = accounts.filter((a) => a.ownerSource === "CLEARED");
    expect(manual.length).toBeGreaterThanOrEqual(1);
    expect(cleared.length).toBeGreaterThanOrEqual(1);
    for (const a of manual) expect(a.ownerId && a.ownerSetById && a.ownerSetAt).toBeTruthy();
    for (const a of cleared) {
      expect(a.ownerId).toBeNull();
      expect(a.ownerSetById).not.toBeNull();
    }
  });

  it("has service, system, orphaned and no-usage-data accounts, and accounts of people who left", () => {
    expect(accounts.filter((a) => a.type === "SERVICE").length).toBeGreaterThanOrEqual(3);
    expect(accounts.filter((a) => a.type === "SYSTEM").length).toBeGreaterThanOrEqual(3);
    expect(accounts.some((a) => a.typeSource === "MANUAL")).toBe(true);
    for (const login of ["northwind-ci-bot", "terraform", "root"]) {
      expect(
        accounts.some((a) => a.login === login && a.type !== "USER"),
        login,
      ).toBe(true);
    }
    const orphans = accounts.filter(
      (a) => a.type === "USER" && a.matchedOwnerId === null && !a.matchAmbiguous,
    );
    expect(orphans.length).toBeGreaterThanOrEqual(3);
    expect(accounts.filter((a) => a.lastLoginAt === null).length).toBeGreaterThan(10);
    const ownedByLeavers = accounts.filter((a) => {
      const owner = a.ownerId ? usersById.get(a.ownerId) : undefined;
      return owner && owner.status !== "ACTIVE";
    });
    expect(ownedByLeavers.some((a) => usersById.get(a.ownerId!)!.status === "SUSPENDED")).toBe(
      true,
    );
    expect(
      ownedByLeavers.some(
        (a) => usersById.get(a.ownerId!)!.status === "DEPROVISIONED" && a.status === "ACTIVE",
      ),
    ).toBe(true);
    expect(accounts.some((a) => a.status === "DISABLED")).toBe(true);
    expect(accounts.some((a) => a.status === "DELETED" && a.deletedAt !== null)).toBe(true);
  });
});

describe("demo organization: grants, requests and tasks", () => {
  it("has live grants (ingested and from requests) and ended ones", async () => {
    const grants = await db.prisma.grant.findMany({
      where: { organizationId: orgId },
      include: { request: true },
    });
    const live = grants.filter((g) => g.revokedAt === null);
    expect(live.filter((g) => g.source === "INGESTED").length).toBeGreaterThan(500);
    const fromRequests = live.filter((g) => g.source === "REQUEST");
    expect(fromRequests.length).toBeGreaterThan(5);
    for (const g of fromRequests) {
      expect(g.request?.kind).toBe("GRANT");
      expect(g.request?.state).toBe("COMPLETED");
      expect(g.request?.accountId).toBe(g.accountId);
    }
    const ended = grants.filter((g) => g.revokedAt !== null);
    expect(ended.length).toBeGreaterThan(5);
    expect(ended.some((g) => g.revokeRequestId !== null)).toBe(true);
    const liveKeys = live.map((g) => `${g.accountId}|${g.entitlementId}`);
    expect(new Set(liveKeys).size).toBe(liveKeys.length);
  });

  it("dates every grant at or after its account's first import, and ends it after that", async () => {
    const grants = await db.prisma.grant.findMany({
      where: { organizationId: orgId },
      select: {
        grantedAt: true,
        revokedAt: true,
        account: { select: { createdAt: true, login: true } },
        entitlement: { select: { slug: true } },
      },
    });
    const early = grants
      .filter((g) => g.grantedAt < g.account.createdAt)
      .map((g) => `${g.entitlement.slug} for ${g.account.login}`);
    expect(early, "grants dated before their account was first imported").toEqual([]);
    const backwards = grants.filter((g) => g.revokedAt && g.revokedAt < g.grantedAt);
    expect(backwards).toEqual([]);
  });

  it("numbers tasks sequentially per organization from the organization's counter", async () => {
    const tasks = await db.prisma.task.findMany({
      where: { organizationId: orgId },
      orderBy: { number: "asc" },
    });
    expect(tasks.map((t) => t.number)).toEqual(tasks.map((_, i) => i + 1));
    const org = await db.prisma.organization.findUniqueOrThrow({ where: { id: orgId } });
    expect(org.taskNumberSeq).toBe(tasks.length);
  });

  it("has tasks of every kind and state, open ones of each kind", async () => {
    const tasks = await db.prisma.task.findMany({ where: { organizationId: orgId } });
    for (const kind of ["APPROVAL", "PROVISION", "DEPROVISION"] as const) {
      expect(
        tasks.some((t) => t.kind === kind && t.state === "OPEN"),
        kind,
      ).toBe(true);
      expect(
        tasks.some((t) => t.kind === kind && t.state === "DONE"),
        kind,
      ).toBe(true);
    }
    expect(tasks.some((t) => t.state === "ERRORED")).toBe(true);
    expect(tasks.some((t) => t.state === "CANCELLED")).toBe(true);
    expect(tasks.some((t) => t.outcome === "DENIED")).toBe(true);
    for (const t of tasks) {
      if (t.state === "OPEN") {
        expect(t.completedAt).toBeNull();
        expect(t.outcome).toBeNull();
      } else {
        expect(t.completedAt).not.toBeNull();
        expect(t.outcome).not.toBeNull();
      }
      if (t.state === "ERRORED" || t.outcome === "DENIED") expect(t.outcomeNote).toBeTruthy();
    }
  });

  it("keeps TaskAssignee rows consistent with their task, including a reassignment", async () => {
    const tasks = await db.prisma.task.findMany({
      where: { organizationId: orgId },
      include: { assignees: true },
    });
    for (const t of tasks) {
      expect(t.assignees.length).toBeGreaterThan(0);
      expect(t.assignees.filter((a) => a.active).length).toBeGreaterThan(0);
      for (const a of t.assignees) {
        expect(a.kind).toBe(t.kind);
        expect(a.taskOpen).toBe(t.state === "OPEN");
        expect(a.organizationId).toBe(orgId);
      }
      if (t.completedById && t.state !== "CANCELLED") {
        expect(t.assignees.filter((a) => a.active).map((a) => a.userId)).toContain(t.completedById);
      }
    }
    const reassigned = tasks.filter((t) => t.assignees.some((a) => !a.active));
    expect(reassigned.length).toBeGreaterThanOrEqual(1);
    for (const t of reassigned) {
      const gone = t.assignees.find((a) => !a.active)!;
      expect(gone.unassignedReason).toBeTruthy();
      expect(gone.unassignedAt).not.toBeNull();
      expect(t.assignees.some((a) => a.active && a.assignedById !== null)).toBe(true);
    }
    expect(reassigned.some((t) => t.state === "OPEN")).toBe(true);
  });

  it("stores the policy snapshot on each request and keeps tasks on its steps", async () => {
    const requests = await db.prisma.request.findMany({
      where: { organizationId: orgId },
      include: { tasks: true },
    });
    expect(requests.some((r) => r.kind === "REVOKE")).toBe(true);
    expect(requests.some((r) => r.accountId === null && r.targetUserId !== null)).toBe(true);
    for (const r of requests) {
      const snapshot = r.policySnapshot as unknown as PolicySnapshot;
      expect(snapshot.name).toBe(r.policyName);
      expect(snapshot.steps.at(-1)?.kind).toBe("PROVISION");
      const approvals = snapshot.steps.length - 1;
      for (const t of r.tasks) {
        expect(t.appId).toBe(r.appId);
        if (t.kind === "APPROVAL") expect(t.stepIndex).toBeLessThan(approvals);
        else {
          expect(t.stepIndex).toBe(approvals);
          expect(t.kind).toBe(r.kind === "GRANT" ? "PROVISION" : "DEPROVISION");
        }
      }
      if (r.kind === "REVOKE") expect(r.grantId).not.toBeNull();
      const terminal = ["COMPLETED", "ERRORED", "DENIED", "CANCELLED"].includes(r.state);
      expect(r.completedAt !== null).toBe(terminal);
    }
  });

  it("records an event for every request, task and state change", async () => {
    const events = await db.prisma.event.findMany({ where: { organizationId: orgId } });
    const actions = new Set(events.map((e) => e.action));
    for (const action of [
      "request.created",
      "task.created",
      "task.approved",
      "task.provisioned",
      "task.deprovisioned",
      "task.errored",
      "task.reassigned",
      "task.commented",
      "grant.created",
      "grant.revoked",
    ]) {
      expect(actions, action).toContain(action);
    }
    const tasks = await db.prisma.task.findMany({ where: { organizationId: orgId } });
    const created = new Set(events.filter((e) => e.action === "task.created").map((e) => e.taskId));
    const closed = new Set(
      events
        .filter((e) =>
          /^task\.(approved|denied|provisioned|deprovisioned|errored|cancelled)$/.test(e.action),
        )
        .map((e) => e.taskId),
    );
    for (const t of tasks) {
      expect(created.has(t.id)).toBe(true);
      expect(closed.has(t.id)).toBe(t.state !== "OPEN");
    }
    const requestCount = await db.prisma.request.count({ where: { organizationId: orgId } });
    expect(events.filter((e) => e.action === "request.created").length).toBe(requestCount);
    const comments = await db.prisma.comment.count({ where: { organizationId: orgId } });
    expect(comments).toBeGreaterThan(3);
  });

  it("spreads its history over the last ~90 days before now", async () => {
    const [events, requests] = await Promise.all([
      db.prisma.event.findMany({ where: { organizationId: orgId }, select: { at: true } }),
      db.prisma.request.findMany({ where: { organizationId: orgId }, select: { createdAt: true } }),
    ]);
    for (const e of events) {
      expect(e.at.getTime()).toBeLessThanOrEqual(NOW.getTime());
      expect(e.at.getTime()).toBeGreaterThan(NOW.getTime() - 100 * DAY);
    }
    const ages = requests.map((r) => (NOW.getTime() - r.createdAt.getTime()) / DAY);
    expect(Math.max(...ages)).toBeLessThanOrEqual(90);
    expect(Math.max(...ages)).toBeGreaterThan(60);
    expect(Math.min(...ages)).toBeLessThan(1);
  });

  it("puts open tasks in the inboxes of the well-known demo people", async () => {
    const openFor = async (email: string) => {
      const user = users.find((u) => u.email === email)!;
      const rows = await db.prisma.taskAssignee.groupBy({
        by: ["kind"],
        where: { userId: user.id, active: true, taskOpen: true },
        _count: true,
      });
      return Object.fromEntries(rows.map((r) => [r.kind, r._count])) as Record<string, number>;
    };
    const provisioner = await openFor(DEMO_PEOPLE.provisioner);
    expect(provisioner.PROVISION).toBeGreaterThan(0);
    expect(provisioner.DEPROVISION).toBeGreaterThan(0);
    expect((await openFor(DEMO_PEOPLE.manager)).APPROVAL).toBeGreaterThan(0);
    const appOwner = await openFor(DEMO_PEOPLE.appOwner);
    expect((appOwner.APPROVAL ?? 0) + (appOwner.PROVISION ?? 0)).toBeGreaterThan(0);
    expect((await openFor(DEMO_PEOPLE.securityAdmin)).APPROVAL).toBeGreaterThan(0);
    const employee = users.find((u) => u.email === DEMO_PEOPLE.employee)!;
    const inFlight = await db.prisma.request.count({
      where: {
        OR: [{ requesterId: employee.id }, { targetUserId: employee.id }],
        state: { in: ["PENDING_APPROVAL", "PROVISIONING"] },
      },
    });
    expect(inFlight).toBeGreaterThan(0);
  });
});

describe("demo organization: access reviews", () => {
  // Items and assignments have no foreign keys (so no Prisma relations): joined here.
  const campaigns = async () => {
    const list = await db.prisma.reviewCampaign.findMany({
      where: { organizationId: orgId },
      orderBy: { startedAt: "asc" },
    });
    const items = await db.prisma.reviewItem.findMany({
      where: { campaignId: { in: list.map((c) => c.id) } },
      orderBy: { position: "asc" },
    });
    const assignments = await db.prisma.reviewAssignment.findMany({
      where: { campaignId: { in: list.map((c) => c.id) } },
    });
    return list.map((c) => ({
      ...c,
      items: items
        .filter((i) => i.campaignId === c.id)
        .map((i) => ({ ...i, assignments: assignments.filter((a) => a.itemId === i.id) })),
    }));
  };

  it("has one finished and one running campaign, in the seed's counts", async () => {
    const all = await campaigns();
    expect(all.map((c) => c.state)).toEqual(["CLOSED", "RUNNING"]);
    const [finished, running] = all;
    expect(finished!.name).toMatch(/^Q\d \d{4} access review — GitHub and Salesforce$/);
    expect(running!.name).toMatch(/^Admin access review — [A-Z][a-z]+ \d{4}$/);
    expect(finished!.closedAt!.getTime()).toBeLessThan(NOW.getTime() - 60 * DAY);
    expect(running!.startedAt!.getTime()).toBeGreaterThan(NOW.getTime() - 7 * DAY);
    expect(running!.dueAt.getTime()).toBeGreaterThan(NOW.getTime() + 7 * DAY);
    expect(running!.hasSecondLevel).toBe(true);
    for (const c of all) {
      expect(c.itemCount).toBe(c.items.length);
      expect(c.items.map((i) => i.position).sort((a, b) => a - b)).toEqual(
        c.items.map((_, i) => i + 1),
      );
    }
    expect(seeded.counts.reviewCampaigns).toBe(2);
    expect(seeded.counts.reviewItems).toBe(all.reduce((n, c) => n + c.items.length, 0));
  });

  it("snapshots each grant once, with the domain's flags, ordered by owner, app, entitlement", async () => {
    for (const c of await campaigns()) {
      const items = [...c.items].sort((a, b) => a.position - b.position);
      expect(new Set(items.map((i) => i.grantId)).size).toBe(items.length);
      const started = c.startedAt!;
      for (const i of items) {
        expect(i.accountType).toBe("USER");
        expect(i.grantedAt.getTime()).toBeLessThanOrEqual(started.getTime());
        if (i.lastLoginAt) expect(i.lastLoginAt.getTime()).toBeLessThanOrEqual(started.getTime());
        expect(i.flags).toEqual(
          reviewItemFlags(
            {
              accountType: i.accountType,
              ownerId: i.ownerId,
              ownerStatus: i.ownerStatus,
              ownerSource: i.ownerSource,
              matchAmbiguous: i.matchAmbiguous,
              lastLoginAt: i.lastLoginAt,
              grantedAt: i.grantedAt,
            },
            started,
          ),
        );
      }
      const owners = items.map((i) => i.ownerName).filter((n) => n !== null);
      expect(owners.length).toBeGreaterThan(0);
      // Ownerless items come last (NULLS LAST), as the start service orders them.
      const lastOwned = items.findLastIndex((i) => i.ownerName !== null);
      const firstOwnerless = items.findIndex((i) => i.ownerName === null);
      if (firstOwnerless >= 0) expect(firstOwnerless).toBeGreaterThan(lastOwned);
    }
  });

  it("never asks anyone to review their own access", async () => {
    for (const c of await campaigns()) {
      for (const i of c.items) {
        expect(i.assignments.length, `${c.name} #${i.position}`).toBeGreaterThan(0);
        for (const a of i.assignments) expect(a.userId).not.toBe(i.ownerId);
        for (const who of [i.decidedById, i.firstDecidedById]) {
          if (who) expect(who).not.toBe(i.ownerId);
        }
      }
    }
  });

  it("closed the finished campaign: kept by managers, a few revoked and removed, two not reviewed", async () => {
    const [finished] = await campaigns();
    const byState = (state: string) => finished!.items.filter((i) => i.state === state);
    expect(byState("PENDING")).toEqual([]);
    expect(byState("NOT_REVIEWED").length).toBe(2);
    expect(byState("REVOKED").length).toBeGreaterThanOrEqual(2);
    expect(byState("KEPT").length).toBeGreaterThan(finished!.items.length * 0.9);
    expect(finished!.items.every((i) => i.assignments.every((a) => !a.active))).toBe(true);
    const manager = (ownerId: string | null) => usersById.get(ownerId ?? "")?.managerId;
    const byManager = byState("KEPT").filter((i) => i.decidedById === manager(i.ownerId));
    expect(byManager.length).toBeGreaterThan(byState("KEPT").length * 0.8);
    for (const i of byState("KEPT")) {
      if (i.flags.length > 0) expect(i.reason, `#${i.position}`).toBeTruthy();
    }

    const revoked = byState("REVOKED");
    const requests = await db.prisma.request.findMany({
      where: { id: { in: revoked.map((i) => i.revokeRequestId!) } },
      include: { tasks: true, grant: true },
    });
    expect(requests.length).toBe(revoked.length);
    for (const i of revoked) {
      expect(i.reason).toBeTruthy();
      const request = requests.find((r) => r.id === i.revokeRequestId)!;
      expect(request.kind).toBe("REVOKE");
      expect(request.state).toBe("COMPLETED");
      expect(request.requesterId).toBe(i.decidedById);
      expect(request.grantId).toBe(i.grantId);
      expect(request.reason).toBe(`Access review "${finished!.name}": ${i.reason}`);
      expect(request.tasks.some((t) => t.kind === "DEPROVISION" && t.state === "DONE")).toBe(true);
      expect(request.grant!.revokedAt).not.toBeNull();
      expect(request.grant!.revokeRequestId).toBe(request.id);
    }
    const events = await db.prisma.event.findMany({
      where: {
        organizationId: orgId,
        targetId: { in: [finished!.id, ...revoked.map((i) => i.id)] },
      },
    });
    expect(events.map((e) => e.action).sort()).toEqual(
      [
        "review_campaign.closed",
        "review_campaign.started",
        ...revoked.map(() => "review_item.revoked"),
      ].sort(),
    );
    const closed = events.find((e) => e.action === "review_campaign.closed")!;
    expect(closed.after).toMatchObject({
      state: "CLOSED",
      kept: byState("KEPT").length,
      revoked: revoked.length,
      notReviewed: 2,
    });
    for (const e of events.filter((e) => e.action === "review_item.revoked")) {
      const item = revoked.find((i) => i.id === e.targetId)!;
      expect(e.actorId).toBe(item.decidedById);
      expect(e.reason).toBe(item.reason);
      expect(e.requestId).toBe(item.revokeRequestId);
      expect(e.at).toEqual(item.decidedAt);
    }
    const kept = await db.prisma.event.count({
      where: {
        organizationId: orgId,
        action: "review_item.kept",
        targetId: { in: byState("KEPT").map((i) => i.id) },
      },
    });
    expect(kept).toBe(byState("KEPT").length);
  });

  it("has the running campaign mostly pending, a few decided, and a removal still open", async () => {
    const [, running] = await campaigns();
    const items = running!.items;
    const pending = items.filter((i) => i.state === "PENDING");
    expect(pending.length).toBeGreaterThan(items.length / 2);
    const atSecond = pending.filter((i) => i.level === 2);
    expect(atSecond.length).toBeGreaterThanOrEqual(1);
    for (const i of atSecond) {
      expect(i.firstDecidedById).not.toBeNull();
      const active = i.assignments.filter((a) => a.active);
      expect(active.length).toBeGreaterThan(0);
      expect(active.every((a) => a.level === 2 && a.userId !== i.firstDecidedById)).toBe(true);
    }
    expect(items.filter((i) => i.state === "KEPT").length).toBeGreaterThanOrEqual(2);
    const [revoked, ...more] = items.filter((i) => i.state === "REVOKED");
    expect(more).toEqual([]);
    const request = await db.prisma.request.findUniqueOrThrow({
      where: { id: revoked!.revokeRequestId! },
      include: { tasks: true, grant: true },
    });
    expect(request.state).toBe("PROVISIONING");
    expect(request.tasks.filter((t) => t.state === "OPEN").map((t) => t.kind)).toEqual([
      "DEPROVISION",
    ]);
    expect(request.grant!.revokedAt).toBeNull();
    for (const i of pending.filter((i) => i.level === 1)) {
      expect(i.assignments.filter((a) => a.active).every((a) => a.level === 1)).toBe(true);
    }
  });

  it("fills the demo manager's review queue, and gives every reviewer a badge count", async () => {
    const manager = seeded.people.manager;
    const active = await db.prisma.reviewAssignment.findMany({
      where: { userId: manager.id, active: true },
    });
    const itemRows = await db.prisma.reviewItem.findMany({
      where: { id: { in: active.map((a) => a.itemId) } },
    });
    const waiting = active.map((a) => ({ ...a, item: itemRows.find((i) => i.id === a.itemId)! }));
    expect(waiting.length).toBeGreaterThanOrEqual(3);
    for (const a of waiting) {
      expect(a.item.state).toBe("PENDING");
      expect(a.item.ownerId).not.toBe(manager.id);
      expect(usersById.get(a.item.ownerId!)?.managerId).toBe(manager.id);
    }
    // Her own admin access waits for her manager.
    const own = await db.prisma.reviewItem.findMany({
      where: { organizationId: orgId, ownerId: manager.id, state: "PENDING" },
    });
    for (const i of own) {
      const reviewers = await db.prisma.reviewAssignment.findMany({
        where: { itemId: i.id, active: true },
      });
      expect(reviewers.map((a) => a.userId)).toEqual([manager.managerId]);
    }
  });
});

describe("demo organization: determinism and lifecycle", () => {
  let second: Database;
  beforeAll(async () => {
    second = await openDatabase({ dataDir: "memory://" });
  });
  afterAll(async () => {
    await second?.close();
  });

  const fingerprint = async (database: Database) => {
    const org = await database.prisma.organization.findUniqueOrThrow({
      where: { slug: DEMO_ORGANIZATION.slug },
    });
    const where = { organizationId: org.id };
    const [emails, apps, accounts, requests, tasks, reviewItems] = await Promise.all([
      database.prisma.user.findMany({
        where,
        select: { email: true, managerId: true },
        orderBy: { email: "asc" },
      }),
      database.prisma.app.findMany({ where, select: { name: true }, orderBy: { name: "asc" } }),
      database.prisma.account.findMany({
        where,
        select: {
          externalId: true,
          login: true,
          emails: true,
          matchRule: true,
          app: { select: { name: true } },
        },
        orderBy: [{ appId: "asc" }, { externalId: "asc" }],
      }),
      database.prisma.request.findMany({
        where,
        select: { reason: true, state: true },
        orderBy: { reason: "asc" },
      }),
      database.prisma.task.findMany({
        where,
        select: { number: true, kind: true, state: true },
        orderBy: { number: "asc" },
      }),
      database.prisma.reviewItem.findMany({
        where,
        select: {
          position: true,
          state: true,
          level: true,
          accountLabel: true,
          entitlementName: true,
          campaignId: true,
        },
        orderBy: { position: "asc" },
      }),
    ]);
    const campaigns = await database.prisma.reviewCampaign.findMany({
      where,
      select: { id: true, name: true },
      orderBy: { startedAt: "asc" },
    });
    const campaignName = new Map(campaigns.map((c) => [c.id, c.name]));
    return {
      emails: emails.map((u) => u.email),
      apps: apps.map((a) => a.name),
      accounts: accounts
        .map((a) => `${a.app.name}|${a.externalId}|${a.login}|${a.emails.join(",")}|${a.matchRule}`)
        .sort(),
      requests: requests.map((r) => `${r.state}|${r.reason}`).sort(),
      tasks: tasks.map((t) => `${t.number}|${t.kind}|${t.state}`),
      reviewItems: campaigns.flatMap((c) =>
        reviewItems
          .filter((i) => i.campaignId === c.id)
          .map(
            (i) =>
              `${campaignName.get(i.campaignId)}|${i.position}|${i.entitlementName}|${i.accountLabel}|${i.state}|${i.level}`,
          ),
      ),
    };
  };

  it("seeds only an empty database, and seeds the same data every time", async () => {
    expect(await seedIfEmpty(db.prisma)).toBe(false);
    expect(await seedIfEmpty(second.prisma, { now: new Date(NOW.getTime() + 7 * DAY) })).toBe(true);
    expect(await seedIfEmpty(second.prisma)).toBe(false);
    const [a, b] = await Promise.all([fingerprint(db), fingerprint(second)]);
    expect(b.emails).toEqual(a.emails);
    expect(b.apps).toEqual(a.apps);
    expect(b.accounts).toEqual(a.accounts);
    expect(b.requests).toEqual(a.requests);
    expect(b.tasks).toEqual(a.tasks);
    expect(b.reviewItems).toEqual(a.reviewItems);
  });

  it("deletes the whole organization", async () => {
    const org = await second.prisma.organization.findUniqueOrThrow({
      where: { slug: DEMO_ORGANIZATION.slug },
    });
    await deleteOrganization(second.prisma, org.id);
    expect(await second.prisma.organization.count()).toBe(0);
    expect(await countDemo(second.prisma, org.id)).toEqual({
      users: 0,
      apps: 0,
      entitlements: 0,
      accounts: 0,
      liveGrants: 0,
      revokedGrants: 0,
      policies: 0,
      requests: 0,
      tasks: 0,
      openTasks: 0,
      comments: 0,
      events: 0,
      reviewCampaigns: 0,
      reviewItems: 0,
    });
  });
});

const databaseUrl = process.env.DATABASE_URL;
describe.runIf(Boolean(databaseUrl))("demo organization on PostgreSQL", () => {
  let scratch: ScratchPostgres;
  let pgDb: Database | undefined;
  beforeAll(async () => {
    scratch = await createScratchPostgres(databaseUrl!, "lantern_test_demo");
    const { withExecutor } = await import("@lantern/db");
    const { applyMigrations } = await import("@lantern/db");
    const { listMigrations } = await import("@lantern/db");
    await withExecutor({ url: scratch.url }, async (ex) =>
      applyMigrations(ex, await listMigrations(), { log: () => {} }),
    );
    pgDb = await openDatabase({ url: scratch.url });
  });
  afterAll(async () => {
    await pgDb?.close();
    await scratch?.drop();
  });

  it("seeds the same organization as on PGlite", async () => {
    const result = await seedDemoOrganization(pgDb!.prisma, { now: NOW });
    expect(result.counts).toEqual(seeded.counts);
  });
});
