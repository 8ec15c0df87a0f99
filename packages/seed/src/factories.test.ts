import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, withExecutor, type Database } from "@lantern/db";
import type { Organization, User } from "@lantern/db";
import { listMigrations } from "@lantern/db";
import { applyMigrations } from "@lantern/db";
import {
  createAccount,
  createApp,
  createEntitlement,
  createGrant,
  createOrganization,
  createPolicy,
  createRequestWithTasks,
  createUser,
  createUsers,
  inTransaction,
  type PolicySnapshot,
} from "./factories.ts";
import { createScratchPostgres, type ScratchPostgres } from "@lantern/db/testing";

interface Target {
  name: string;
  open(): Promise<{ db: Database; close(): Promise<void> }>;
}

const targets: Target[] = [
  {
    name: "PGlite",
    async open() {
      const db = await openDatabase({ dataDir: "memory://" });
      return { db, close: () => db.close() };
    },
  },
];
const databaseUrl = process.env.DATABASE_URL;
if (databaseUrl) {
  targets.push({
    name: "PostgreSQL",
    async open() {
      const scratch: ScratchPostgres = await createScratchPostgres(
        databaseUrl,
        "lantern_test_factories",
      );
      await withExecutor({ url: scratch.url }, async (ex) =>
        applyMigrations(ex, await listMigrations(), { log: () => {} }),
      );
      const db = await openDatabase({ url: scratch.url });
      return {
        db,
        async close() {
          await db.close();
          await scratch.drop();
        },
      };
    },
  });
}

describe.each(targets)("seed factories on $name", (target) => {
  let handle: Awaited<ReturnType<Target["open"]>>;
  let org: Organization;
  beforeAll(async () => {
    handle = await target.open();
    org = await createOrganization(handle.db.prisma);
  });
  afterAll(async () => {
    await handle?.close();
  });
  const prisma = () => handle.db.prisma;

  async function fixture() {
    const [manager, requester, provisioner, backup, owner] = await createUsers(prisma(), org, [
      { givenName: "Mina", familyName: "Okoye" },
      { givenName: "Theo", familyName: "Brandt" },
      { givenName: "Lars", familyName: "Eklund" },
      { givenName: "Rosa", familyName: "Vidal" },
      { givenName: "Ada", familyName: "Quist" },
    ]);
    await prisma().user.update({ where: { id: requester!.id }, data: { managerId: manager!.id } });
    const app = await createApp(prisma(), org, {
      owners: [owner!],
      provisioners: [provisioner!, backup!],
    });
    const entitlement = await createEntitlement(prisma(), app, { slug: "repo-write" });
    const account = await createAccount(prisma(), app, { owner: requester! });
    const policy = await createPolicy(prisma(), org, { steps: [{ approverKind: "MANAGER" }] });
    return {
      manager: manager!,
      requester: requester!,
      provisioner: provisioner!,
      backup: backup!,
      owner: owner!,
      app,
      entitlement,
      account,
      policy,
    };
  }

  it("creates users with a normalized email and a display name", async () => {
    const user = await createUser(prisma(), org, {
      email: "  Grace.Hopper@Example.COM ",
      givenName: "Grace",
      familyName: "Hopper",
    });
    expect(user.emailNormalized).toBe("grace.hopper@example.com");
    expect(user.displayName).toBe("Grace Hopper");
    expect(user.role).toBe("MEMBER");
    const defaults = await createUsers(prisma(), org, [{}, {}, { role: "SUPER_ADMIN" }]);
    expect(new Set(defaults.map((u) => u.email)).size).toBe(3);
    expect(defaults[2]!.role).toBe("SUPER_ADMIN");
    const report = await createUser(prisma(), org, { manager: user });
    expect(report.managerId).toBe(user.id);
  });

  it("creates apps with their members and entitlements with their owners", async () => {
    const [a, b, c] = await createUsers(prisma(), org, [{}, {}, {}]);
    const app = await createApp(prisma(), org, { owners: [a!, b!], deprovisioners: [c!] });
    const members = await prisma().appMember.findMany({ where: { appId: app.id } });
    expect(members.map((m) => m.role).sort()).toEqual(["DEPROVISIONER", "OWNER", "OWNER"]);
    const entitlement = await createEntitlement(prisma(), app, { slug: "org-admin", owners: [c!] });
    expect(entitlement.displayName).toBe("Org Admin");
    expect(entitlement.provisioningStrategy).toBe("MANUAL");
    expect(
      await prisma().entitlementOwner.count({ where: { entitlementId: entitlement.id } }),
    ).toBe(1);
  });

  it("records an email match for an account given its owner", async () => {
    const owner = await createUser(prisma(), org, {
      email: "Kim.Lee@example.com",
      givenName: "Kim",
      familyName: "Lee",
    });
    const app = await createApp(prisma(), org);
    const account = await createAccount(prisma(), app, {
      owner,
      emails: ["kim@legacy.example", " KIM.LEE@example.com"],
    });
    expect(account).toMatchObject({
      matchedOwnerId: owner.id,
      ownerId: owner.id,
      ownerSource: "MATCHED",
      matchRule: "EMAIL",
      matchValue: "kim.lee@example.com",
      givenName: "Kim",
      login: "kim",
    });
    const orphan = await createAccount(prisma(), app, { login: "ci-bot", type: "SERVICE" });
    expect(orphan.ownerId).toBeNull();
    expect(orphan.matchRule).toBeNull();
  });

  it("creates policies with approval steps at 0..n-1 and PROVISION at n", async () => {
    const [approver] = await createUsers(prisma(), org, [{}]);
    const policy = await createPolicy(prisma(), org, {
      name: "Two steps",
      steps: [{ approverKind: "MANAGER" }, { approverKind: "USERS", approverUserIds: [approver!] }],
      allowedReassignees: [approver!],
    });
    expect(policy.steps.map((s) => [s.position, s.kind, s.approverKind])).toEqual([
      [0, "APPROVAL", "MANAGER"],
      [1, "APPROVAL", "USERS"],
      [2, "PROVISION", null],
    ]);
    expect(policy.steps[1]!.approvers.map((a) => a.userId)).toEqual([approver!.id]);
    expect(policy.restrictReassignees).toBe(true);
    const none = await createPolicy(prisma(), org);
    expect(none.steps.map((s) => s.kind)).toEqual(["PROVISION"]);
    expect(none.restrictReassignees).toBe(false);
    await expect(
      createPolicy(prisma(), org, { steps: [{ approverKind: "USERS" }] }),
    ).rejects.toThrow(/needs approverUserIds/);
  });

  it("creates a request's history: numbered tasks, assignees, comments, the grant and events", async () => {
    const f = await fixture();
    const t0 = new Date("2026-10-01T09:00:00Z");
    const h = (n: number) => new Date(t0.getTime() + n * 3_600_000);
    const { request, tasks, grant } = await createRequestWithTasks(prisma(), {
      requester: f.requester,
      entitlement: f.entitlement,
      account: f.account,
      policy: f.policy,
      reason: "Need to push to the billing repository.",
      createdAt: t0,
      tasks: [
        { kind: "APPROVAL", assignees: [f.manager], state: "DONE", completedAt: h(2) },
        {
          kind: "PROVISION",
          assignees: [f.provisioner],
          state: "DONE",
          reassignments: [
            {
              from: f.provisioner,
              to: f.backup,
              by: f.provisioner,
              reason: "On vacation",
              at: h(3),
            },
          ],
          comments: [{ author: f.backup, body: "On it.", at: h(4) }],
          completedAt: h(5),
          outcomeNote: "Added to the team.",
        },
      ],
    });
    expect(request.state).toBe("COMPLETED");
    expect(request.completedAt).toEqual(h(5));
    expect(request.currentStep).toBe(1);
    const snapshot = request.policySnapshot as unknown as PolicySnapshot;
    expect(snapshot.name).toBe(f.policy.name);
    expect(snapshot.steps.map((s) => s.kind)).toEqual(["APPROVAL", "PROVISION"]);

    const [approval, provision] = tasks;
    expect(provision!.number).toBe(approval!.number + 1);
    expect(approval).toMatchObject({
      stepIndex: 0,
      outcome: "APPROVED",
      completedById: f.manager.id,
      version: 1,
    });
    expect(provision).toMatchObject({
      stepIndex: 1,
      outcome: "PROVISIONED",
      completedById: f.backup.id,
      version: 2,
    });
    const rows = provision!.assignees.sort(
      (a, b) => a.assignedAt.getTime() - b.assignedAt.getTime(),
    );
    expect(rows.map((r) => [r.userId, r.active, r.kind, r.taskOpen])).toEqual([
      [f.provisioner.id, false, "PROVISION", false],
      [f.backup.id, true, "PROVISION", false],
    ]);
    expect(rows[0]!.unassignedReason).toBe("On vacation");
    expect(rows[1]!.assignedById).toBe(f.provisioner.id);

    expect(grant).toMatchObject({
      source: "REQUEST",
      requestId: request.id,
      accountId: f.account.id,
      revokedAt: null,
    });
    const events = await prisma().event.findMany({
      where: { requestId: request.id },
      orderBy: { at: "asc" },
    });
    // Several happen at the same instant (one transaction), so compare them as a set.
    expect(events.map((e) => e.action).sort()).toEqual(
      [
        "request.created",
        "task.created",
        "task.approved",
        "request.approved",
        "request.provisioning",
        "task.created",
        "task.reassigned",
        "task.commented",
        "task.provisioned",
        "request.completed",
        "grant.created",
      ].sort(),
    );
    expect(events[0]!.action).toBe("request.created");
    expect(events.at(-1)!.at).toEqual(h(5));
    const org2 = await prisma().organization.findUniqueOrThrow({ where: { id: org.id } });
    expect(org2.taskNumberSeq).toBeGreaterThanOrEqual(provision!.number);

    // Revoking it later ends the grant.
    const revokePolicy = await createPolicy(prisma(), org);
    const revoke = await createRequestWithTasks(prisma(), {
      kind: "REVOKE",
      requester: f.owner,
      entitlement: f.entitlement,
      grant: grant!,
      policy: revokePolicy,
      createdAt: h(30),
      tasks: [
        { kind: "DEPROVISION", assignees: [f.provisioner], state: "DONE", completedAt: h(31) },
      ],
    });
    expect(revoke.request.accountId).toBe(f.account.id);
    expect(revoke.grant).toMatchObject({
      id: grant!.id,
      revokedAt: h(31),
      revokeRequestId: revoke.request.id,
    });
  });

  it("derives the request state from the last task", async () => {
    const f = await fixture();
    const open = await createRequestWithTasks(prisma(), {
      requester: f.requester,
      entitlement: f.entitlement,
      account: f.account,
      policy: f.policy,
      tasks: [{ kind: "APPROVAL", assignees: [f.manager] }],
    });
    expect(open.request.state).toBe("PENDING_APPROVAL");
    expect(open.tasks[0]!.assignees[0]).toMatchObject({
      taskOpen: true,
      active: true,
      kind: "APPROVAL",
    });
    const errored = await createRequestWithTasks(prisma(), {
      requester: f.requester,
      entitlement: f.entitlement,
      account: f.account,
      policy: f.policy,
      tasks: [
        { kind: "APPROVAL", assignees: [f.manager], state: "DONE" },
        {
          kind: "PROVISION",
          assignees: [f.provisioner],
          state: "ERRORED",
          outcomeNote: "No seats left.",
        },
      ],
    });
    expect(errored.request.state).toBe("ERRORED");
    expect(errored.grant).toBeNull();
    const denied = await createRequestWithTasks(prisma(), {
      requester: f.requester,
      entitlement: f.entitlement,
      account: f.account,
      policy: f.policy,
      tasks: [
        {
          kind: "APPROVAL",
          assignees: [f.manager],
          state: "DONE",
          outcome: "DENIED",
          outcomeNote: "Not needed.",
        },
      ],
    });
    expect(denied.request.state).toBe("DENIED");
  });

  it("refuses inconsistent histories and gives the task numbers back", async () => {
    const f = await fixture();
    const before = (await prisma().organization.findUniqueOrThrow({ where: { id: org.id } }))
      .taskNumberSeq;
    await expect(
      createRequestWithTasks(prisma(), {
        requester: f.requester,
        entitlement: f.entitlement,
        account: f.account,
        policy: f.policy,
        tasks: [{ kind: "APPROVAL", assignees: [f.manager], state: "ERRORED" }],
      }),
    ).rejects.toThrow(/needs a reason/);
    await expect(
      createRequestWithTasks(prisma(), {
        requester: f.requester,
        entitlement: f.entitlement,
        account: f.account,
        policy: f.policy,
        tasks: [
          {
            kind: "APPROVAL",
            assignees: [f.manager],
            reassignments: [{ from: f.owner, to: f.backup, reason: "x" }],
          },
        ],
      }),
    ).rejects.toThrow(/not an active assignee/);
    const after = (await prisma().organization.findUniqueOrThrow({ where: { id: org.id } }))
      .taskNumberSeq;
    expect(after).toBe(before);
    expect(await prisma().request.count({ where: { organizationId: org.id, reason: "x" } })).toBe(
      0,
    );
  });

  it("works inside the caller's transaction", async () => {
    const f = await fixture();
    const result = await inTransaction(prisma(), async (tx) => {
      const other: User = await createUser(tx, org);
      return createRequestWithTasks(tx, {
        requester: other,
        entitlement: f.entitlement,
        targetUser: other,
        policy: f.policy,
        tasks: [{ kind: "APPROVAL", assignees: [f.manager] }],
      });
    });
    expect(result.request.targetUserId).not.toBeNull();
    expect(result.request.accountId).toBeNull();
  });

  it("hands out distinct, gap-free task numbers to concurrent requests", async () => {
    const f = await fixture();
    const start = (await prisma().organization.findUniqueOrThrow({ where: { id: org.id } }))
      .taskNumberSeq;
    const results = await Promise.all(
      Array.from({ length: 8 }, () =>
        createRequestWithTasks(prisma(), {
          requester: f.requester,
          entitlement: f.entitlement,
          account: f.account,
          policy: f.policy,
          tasks: [
            { kind: "APPROVAL", assignees: [f.manager], state: "DONE" },
            { kind: "PROVISION", assignees: [f.provisioner] },
          ],
        }),
      ),
    );
    const numbers = results.flatMap((r) => r.tasks.map((t) => t.number)).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 16 }, (_, i) => start + i + 1));
    for (const r of results) expect(r.tasks[1]!.number).toBe(r.tasks[0]!.number + 1);
  });

  it("creates grants directly", async () => {
    const f = await fixture();
    const grant = await createGrant(prisma(), f.account, f.entitlement, {
      expiresAt: new Date("2027-01-01T00:00:00Z"),
    });
    expect(grant).toMatchObject({ source: "INGESTED", organizationId: org.id, revokedAt: null });
    await expect(createGrant(prisma(), f.account, f.entitlement)).rejects.toThrow();
  });
});
