import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { QUEUES, type Database, type User } from "@lantern/db";
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
import { createTestDatabase, makeJobsDue } from "@lantern/db/testing";
import type { Connector } from "@lantern/connectors";
import { defaultBackoffMs, runConnectorJobs } from "../services/connector-jobs.ts";
import { callerFor as callerForUser } from "../testing.ts";

// The request / approval / provisioning workflow through the API (SPEC §1, §3, §8), on a
// real database: every action, every refusal, concurrency, bulk partial results, and the
// connector path.

let db: Database;
const callerFor = (user: { id: string } | null) => callerForUser(db.prisma, user?.id ?? null);

let org: { id: string };
let other: { id: string };
const people: Record<string, User> = {};

async function expectError(promise: Promise<unknown>, code: string, message?: RegExp) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, `expected ${code}`).toBeInstanceOf(TRPCError);
  expect((error as TRPCError).code).toBe(code);
  if (message) expect((error as TRPCError).message).toMatch(message);
  return error as TRPCError;
}

async function taskState(number: number) {
  return db.prisma.task.findUniqueOrThrow({
    where: { organizationId_number: { organizationId: org.id, number } },
    include: { assignees: true, request: true },
  });
}

async function openTasksOf(requestId: string) {
  return db.prisma.task.findMany({
    where: { requestId, state: "OPEN" },
    include: { assignees: { where: { active: true } } },
  });
}

async function notifications(template: string, requestId: string) {
  const rows = await db.prisma.notification.findMany({
    where: { template, organizationId: org.id },
  });
  return rows.filter((r) => (r.payload as { requestId?: string }).requestId === requestId);
}

beforeAll(async () => {
  db = await createTestDatabase();
  const p = db.prisma;
  org = await createOrganization(p, { name: "Acme", slug: "acme-workflow" });
  other = await createOrganization(p, { name: "Globex", slug: "globex-workflow" });
  const person = (key: string, givenName: string, familyName: string, extra = {}) =>
    createUser(p, org, { givenName, familyName, ...extra }).then((u) => (people[key] = u));
  await person("admin", "Ada", "Admin", { role: "SUPER_ADMIN" });
  // An auditor reads everything and is never an assignee, not even as a fallback.
  await person("auditor", "Avery", "Auditor", { role: "AUDITOR" });
  await person("boss", "Bea", "Boss");
  await person("emp", "Eli", "Employee", { managerId: people.boss!.id });
  await person("orphan", "Ora", "Nomanager");
  await person("owner", "Olive", "Owner");
  await person("prov", "Pat", "Provisioner");
  await person("prov2", "Quinn", "Provisioner");
  await person("deprov", "Dee", "Deprovisioner");
  await person("entOwner", "Enzo", "Entowner");
  await person("helper", "Hal", "Helper");
  await person("gone", "Gus", "Gone", { status: "SUSPENDED" });
  await person("stranger", "Stan", "Stranger");
  people.outsider = await createUser(p, other, { givenName: "Otto", familyName: "Outsider" });
});

afterAll(async () => {
  await db?.close();
});

/** A managed app with an owner, two provisioners and a deprovisioner. */
async function setupApp(
  name: string,
  policySteps: Parameters<typeof createPolicy>[2] = {},
  entitlementFields: Parameters<typeof createEntitlement>[2] = {},
) {
  const p = db.prisma;
  const policy = await createPolicy(p, org, { name: `${name} policy`, ...policySteps });
  const app = await createApp(p, org, {
    name,
    owners: [people.owner!],
    provisioners: [people.prov!, people.prov2!],
    deprovisioners: [people.deprov!],
    provisioningInstructions: `Open **${name}** admin and add the role.`,
    defaultRequestPolicyId: policy.id,
  });
  const entitlement = await createEntitlement(p, app, {
    slug: "editor",
    displayName: `${name} Editor`,
    owners: [people.entOwner!],
    ...entitlementFields,
  });
  return { app, policy, entitlement };
}

describe("requesting access and approving it", () => {
  it("runs manager approval, then app owner approval, then provisioning, to a live grant", async () => {
    const { app, entitlement } = await setupApp("Figma", {
      steps: [{ approverKind: "MANAGER" }, { approverKind: "APP_OWNERS" }],
    });
    const account = await createAccount(db.prisma, app, { owner: people.emp! });
    const created = await (
      await callerFor(people.emp!)
    ).requests.create({
      entitlementId: entitlement.id,
      reason: "Design reviews",
      durationDays: 30,
    });
    expect(created.state).toBe("PENDING_APPROVAL");
    expect(created.policySummary).toMatch(
      /approves, then an app owner approves, then it is provisioned/,
    );
    expect(created.task?.kind).toBe("APPROVAL");

    // Step 1: the employee's manager.
    const first = await taskState(created.task!.number);
    expect(first.assignees.map((a) => a.userId)).toEqual([people.boss!.id]);
    expect(first.routingNote).toBeNull();
    expect(first.request.accountId).toBe(account.id);
    expect(await notifications("task.assigned", created.requestId)).toHaveLength(2); // email + slack

    const afterFirst = await (
      await callerFor(people.boss!)
    ).tasks.close({ action: "approve", taskId: first.id, text: "Fine by me" });
    expect(afterFirst.request.state).toBe("PENDING_APPROVAL");
    expect(afterFirst.nextTask?.kind).toBe("APPROVAL");

    // Step 2: the app owners.
    const second = await taskState(afterFirst.nextTask!.number);
    expect(second.assignees.map((a) => a.userId)).toEqual([people.owner!.id]);
    const afterSecond = await (
      await callerFor(people.owner!)
    ).tasks.close({ action: "approve", taskId: second.id });
    expect(afterSecond.request.state).toBe("PROVISIONING");
    expect(afterSecond.nextTask?.kind).toBe("PROVISION");

    // Provision: the app's provisioners, and it shows on their badges.
    const provision = await taskState(afterSecond.nextTask!.number);
    expect(provision.assignees.map((a) => a.userId).sort()).toEqual(
      [people.prov!.id, people.prov2!.id].sort(),
    );
    const before = await (await callerFor(people.prov!)).me.openTaskCounts();
    const done = await (
      await callerFor(people.prov!)
    ).tasks.close({
      action: "mark_provisioned",
      taskId: provision.id,
      text: "Added in the admin console",
    });
    expect(done).toMatchObject({ state: "DONE", outcome: "PROVISIONED" });
    expect(done.request.state).toBe("COMPLETED");
    const after = await (await callerFor(people.prov!)).me.openTaskCounts();
    expect(after.awaitingProvisioning).toBe(before.awaitingProvisioning - 1);
    expect((await (await callerFor(people.prov2!)).me.openTaskCounts()).awaitingProvisioning).toBe(
      after.awaitingProvisioning,
    );

    const grant = await db.prisma.grant.findFirstOrThrow({
      where: { accountId: account.id, entitlementId: entitlement.id, revokedAt: null },
    });
    expect(grant.source).toBe("REQUEST");
    expect(grant.requestId).toBe(created.requestId);
    expect(grant.expiresAt!.getTime() - grant.grantedAt.getTime()).toBe(30 * 86_400_000);

    const actions = (
      await db.prisma.event.findMany({
        where: { requestId: created.requestId },
        orderBy: [{ at: "asc" }, { id: "asc" }],
      })
    ).map((e) => e.action);
    expect(actions).toEqual([
      "request.created",
      "task.created",
      "task.approved",
      "task.created",
      "task.approved",
      "request.approved",
      "request.provisioning",
      "task.created",
      "task.provisioned",
      "request.completed",
      "grant.created",
    ]);
    const completed = await notifications("request.completed", created.requestId);
    expect(completed.map((n) => n.recipientId)).toEqual([people.emp!.id, people.emp!.id]);
    expect(completed[0]!.payload).toMatchObject({
      appName: "Figma",
      entitlementName: "Figma Editor",
      path: `/tasks/${provision.number}`,
    });

    // The provisioner sees it under Completed tasks.
    const history = await (
      await callerFor(people.prov!)
    ).tasks.inbox({
      box: "requests",
      tab: "completed",
    });
    expect(history.items[0]).toMatchObject({ number: provision.number });
  });

  it("falls back to the app owners when the subject has no manager, and says so", async () => {
    const { entitlement } = await setupApp("Miro", { steps: [{ approverKind: "MANAGER" }] });
    const created = await (
      await callerFor(people.orphan!)
    ).requests.create({
      entitlementId: entitlement.id,
      reason: "Workshops",
    });
    const task = await taskState(created.task!.number);
    expect(task.assignees.map((a) => a.userId)).toEqual([people.owner!.id]);
    expect(task.routingNote).toBe(
      "Ora Nomanager has no manager on record, so the app owners approve instead.",
    );
    // A person with no account in the app: the request targets them.
    expect(task.request.accountId).toBeNull();
    expect(task.request.targetUserId).toBe(people.orphan!.id);
  });

  it("never lets requesters approve their own request: the only app owner → super admins", async () => {
    const { entitlement } = await setupApp("Notion", { steps: [{ approverKind: "APP_OWNERS" }] });
    const created = await (
      await callerFor(people.owner!)
    ).requests.create({
      entitlementId: entitlement.id,
      reason: "Own app",
    });
    const task = await taskState(created.task!.number);
    // The super admins, not the auditor beside them.
    expect(task.assignees.map((a) => a.userId)).toEqual([people.admin!.id]);
    expect(task.routingNote).toMatch(/requesters do not approve their own requests/);
    // The auditor reads the task and can act on none of it.
    const auditor = await callerFor(people.auditor!);
    expect((await auditor.tasks.byNumber({ number: task.number })).id).toBe(task.id);
    await expectError(
      auditor.tasks.close({ action: "approve", taskId: task.id }),
      "FORBIDDEN",
      /Only the people this task is assigned to/,
    );
    await expectError(
      (await callerFor(people.owner!)).tasks.close({ action: "approve", taskId: task.id }),
      "FORBIDDEN",
      /Only the people this task is assigned to/,
    );
  });

  it("with distinct approvers, the same person never approves two steps", async () => {
    const { entitlement } = await setupApp("Asana", {
      steps: [
        { approverKind: "APP_OWNERS" },
        { approverKind: "USERS", approverUserIds: [people.owner!, people.helper!] },
      ],
      requireDistinctApprovers: true,
    });
    const created = await (
      await callerFor(people.emp!)
    ).requests.create({
      entitlementId: entitlement.id,
      reason: "Planning",
    });
    const first = await taskState(created.task!.number);
    const next = await (
      await callerFor(people.owner!)
    ).tasks.close({ action: "approve", taskId: first.id });
    const second = await taskState(next.nextTask!.number);
    expect(second.assignees.map((a) => a.userId)).toEqual([people.helper!.id]);
  });

  it("a denial needs a reason, ends the request as DENIED and tells the requester", async () => {
    const { entitlement } = await setupApp("Jira", { steps: [{ approverKind: "APP_OWNERS" }] });
    const created = await (
      await callerFor(people.emp!)
    ).requests.create({
      entitlementId: entitlement.id,
      reason: "Tickets",
    });
    const task = await taskState(created.task!.number);
    const owner = await callerFor(people.owner!);
    await expectError(
      owner.tasks.close({ action: "deny", taskId: task.id, text: "   " }),
      "BAD_REQUEST",
      /A reason for the denial is required/,
    );
    expect((await taskState(task.number)).state).toBe("OPEN");
    const denied = await owner.tasks.close({
      action: "deny",
      taskId: task.id,
      text: "Use the shared board",
    });
    expect(denied).toMatchObject({
      state: "DONE",
      outcome: "DENIED",
      request: { state: "DENIED" },
    });
    expect((await taskState(task.number)).outcomeNote).toBe("Use the shared board");
    expect(await notifications("request.denied", created.requestId)).toHaveLength(2);
    await expectError(
      owner.tasks.close({ action: "approve", taskId: task.id }),
      "CONFLICT",
      /already denied by Olive Owner/,
    );
  });

  it("refuses a second request for the same access, access already held, and apps not managed", async () => {
    const { app, entitlement } = await setupApp("Slack", {});
    const emp = await callerFor(people.emp!);
    const first = await emp.requests.create({ entitlementId: entitlement.id, reason: "Chat" });
    expect(first.state).toBe("PROVISIONING"); // no approval steps
    await expectError(
      emp.requests.create({ entitlementId: entitlement.id, reason: "Again" }),
      "CONFLICT",
      /You already asked for Slack Editor in Slack; that request is being provisioned \(task #\d+\)/,
    );
    const account = await createAccount(db.prisma, app, { owner: people.helper! });
    await createGrant(db.prisma, account, entitlement);
    await expectError(
      (await callerFor(people.helper!)).requests.create({
        entitlementId: entitlement.id,
        reason: "x",
      }),
      "CONFLICT",
      /You already have Slack Editor in Slack/,
    );
    const shadow = await createApp(db.prisma, org, { name: "Shadowy", status: "DISCOVERED" });
    const shadowEnt = await createEntitlement(db.prisma, shadow, { slug: "user" });
    await expectError(
      emp.requests.create({ entitlementId: shadowEnt.id, reason: "x" }),
      "FORBIDDEN",
      /not a managed app/,
    );
    await expectError(
      (await callerFor(people.outsider!)).requests.create({
        entitlementId: entitlement.id,
        reason: "x",
      }),
      "NOT_FOUND",
    );
    await expectError(
      emp.requests.create({ entitlementId: entitlement.id, reason: "" }),
      "BAD_REQUEST",
    );
  });

  it("says clearly when no policy applies", async () => {
    const app = await createApp(db.prisma, org, { name: "Unruled", owners: [people.owner!] });
    const entitlement = await createEntitlement(db.prisma, app, { slug: "user" });
    await expectError(
      (await callerFor(people.emp!)).requests.create({
        entitlementId: entitlement.id,
        reason: "x",
      }),
      "BAD_REQUEST",
      /No request policy applies to User: ask a super admin/,
    );
    expect(await db.prisma.request.count({ where: { entitlementId: entitlement.id } })).toBe(0);
  });

  it("lists my requests and what I can request", async () => {
    const emp = await callerFor(people.emp!);
    const mine = await emp.requests.mine({ limit: 2 });
    expect(mine.items).toHaveLength(2);
    expect(mine.nextCursor).toBeTruthy();
    const rest = await emp.requests.mine({ limit: 100, cursor: mine.nextCursor! });
    const all = [...mine.items, ...rest.items];
    expect(new Set(all.map((r) => r.id)).size).toBe(all.length);
    expect(all.every((r, i) => i === 0 || all[i - 1]!.createdAt >= r.createdAt)).toBe(true);
    const requestable = await emp.requests.requestable({ search: "Slack" });
    expect(requestable.find((e) => e.app.name === "Slack")).toMatchObject({
      pending: true,
      held: false,
      policySummary: "No approval needed: it goes straight to provisioning.",
    });
    // Typed text matches literally: "%" and "_" are not wildcards.
    expect(await emp.requests.requestable({ search: "%" })).toEqual([]);
    expect(await emp.requests.requestable({ search: "Sl_ck" })).toEqual([]);
  });
});

describe("provisioning actions", () => {
  async function provisionTask(name: string) {
    const { app, entitlement } = await setupApp(name, {});
    const account = await createAccount(db.prisma, app, { owner: people.emp! });
    const created = await (
      await callerFor(people.emp!)
    ).requests.create({
      entitlementId: entitlement.id,
      reason: "Work",
    });
    return { app, entitlement, account, created, task: await taskState(created.task!.number) };
  }

  it("only assignees and super admins act; everyone else changes nothing", async () => {
    const { task } = await provisionTask("Zoom");
    await expectError(
      (await callerFor(people.helper!)).tasks.close({
        action: "mark_provisioned",
        taskId: task.id,
      }),
      "NOT_FOUND",
    );
    // The requester sees the task but cannot act on it.
    await expectError(
      (await callerFor(people.emp!)).tasks.close({ action: "mark_provisioned", taskId: task.id }),
      "FORBIDDEN",
      /Only the people this task is assigned to/,
    );
    await expectError(
      (await callerFor(people.outsider!)).tasks.close({
        action: "mark_provisioned",
        taskId: task.id,
      }),
      "NOT_FOUND",
    );
    await expectError(
      (await callerFor(null)).tasks.close({ action: "mark_provisioned", taskId: task.id }),
      "UNAUTHORIZED",
    );
    expect((await taskState(task.number)).state).toBe("OPEN");
    const byAdmin = await (
      await callerFor(people.admin!)
    ).tasks.close({ action: "mark_provisioned", taskId: task.id });
    expect(byAdmin.request.state).toBe("COMPLETED");
  });

  it("an approval task cannot be marked provisioned, nor a provisioning task approved", async () => {
    const { task } = await provisionTask("Box");
    await expectError(
      (await callerFor(people.prov!)).tasks.close({ action: "approve", taskId: task.id }),
      "BAD_REQUEST",
      /is a provisioning task: "Approve" does not apply to it/,
    );
  });

  it("mark as errored needs a reason; app owners are told; retry opens a fresh task", async () => {
    const { task, created } = await provisionTask("Dropbox");
    const prov = await callerFor(people.prov!);
    await expectError(
      prov.tasks.close({ action: "mark_errored", taskId: task.id, text: "" }),
      "BAD_REQUEST",
    );
    const errored = await prov.tasks.close({
      action: "mark_errored",
      taskId: task.id,
      text: "License pool empty",
    });
    expect(errored).toMatchObject({ state: "ERRORED", request: { state: "ERRORED" } });
    const told = await notifications("request.errored", created.requestId);
    expect(new Set(told.map((n) => n.recipientId))).toEqual(
      new Set([people.emp!.id, people.owner!.id]),
    );
    expect(told[0]!.payload).toMatchObject({ note: "License pool empty" });

    await expectError(
      (await callerFor(people.prov!)).requests.retry({ requestId: created.requestId }),
      "FORBIDDEN",
      /Only the app's owners and super admins can retry/,
    );
    const retried = await (
      await callerFor(people.owner!)
    ).requests.retry({ requestId: created.requestId });
    expect(retried.state).toBe("PROVISIONING");
    expect(retried.task!.number).toBeGreaterThan(task.number);
    await expectError(
      (await callerFor(people.owner!)).requests.retry({ requestId: created.requestId }),
      "CONFLICT",
      /Only an errored request can be retried/,
    );
    const fresh = await taskState(retried.task!.number);
    expect(fresh.state).toBe("OPEN");
    // The errored task stays errored, in the errorer's Completed tab.
    const history = await prov.tasks.inbox({ box: "requests", tab: "completed" });
    expect(history.items.find((i) => i.number === task.number)?.resolution).toMatchObject({
      type: "errored",
      reason: "License pool empty",
    });
  });

  it("exactly one of two simultaneous completions wins; the other is told who won", async () => {
    for (let round = 0; round < 5; round += 1) {
      const { task, account, entitlement } = await provisionTask(`Race ${round}`);
      const [a, b] = await Promise.all([callerFor(people.prov!), callerFor(people.prov2!)]);
      const results = await Promise.allSettled([
        a.tasks.close({ action: "mark_provisioned", taskId: task.id }),
        b.tasks.close({ action: "mark_provisioned", taskId: task.id }),
      ]);
      const won = results.filter((r) => r.status === "fulfilled");
      const lost = results.filter((r) => r.status === "rejected");
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(1);
      const error = (lost[0] as PromiseRejectedResult).reason as TRPCError;
      expect(error.code).toBe("CONFLICT");
      const winner =
        (await taskState(task.number)).completedById === people.prov!.id ? "Pat" : "Quinn";
      expect(error.message).toMatch(
        new RegExp(`already marked provisioned by ${winner} Provisioner`),
      );
      expect(
        await db.prisma.grant.count({
          where: { accountId: account.id, entitlementId: entitlement.id },
        }),
      ).toBe(1);
      expect(
        await db.prisma.event.count({ where: { taskId: task.id, action: "task.provisioned" } }),
      ).toBe(1);
    }
  });
});

describe("reassign", () => {
  async function taskWith(name: string, policy: Parameters<typeof createPolicy>[2]) {
    const { entitlement } = await setupApp(name, policy);
    const created = await (
      await callerFor(people.emp!)
    ).requests.create({
      entitlementId: entitlement.id,
      reason: "Work",
    });
    return taskState(created.task!.number);
  }

  it("hands the task to the new person, who is notified; it leaves the old assignees' inbox", async () => {
    const task = await taskWith("Trello", {});
    const prov = await callerFor(people.prov!);
    const before = await (await callerFor(people.helper!)).me.openTaskCounts();
    await expectError(
      prov.tasks.reassign({ taskId: task.id, toUserId: people.helper!.id, reason: " " }),
      "BAD_REQUEST",
    );
    const result = await prov.tasks.reassign({
      taskId: task.id,
      toUserId: people.helper!.id,
      reason: "On leave this week",
    });
    expect(result.assignees.map((a) => a.id)).toEqual([people.helper!.id]);
    expect((await (await callerFor(people.helper!)).me.openTaskCounts()).awaitingProvisioning).toBe(
      before.awaitingProvisioning + 1,
    );
    const awaiting = await prov.tasks.inbox({ box: "requests", tab: "awaiting_provisioning" });
    expect(awaiting.items.map((i) => i.number)).not.toContain(task.number);
    const completed = await prov.tasks.inbox({ box: "requests", tab: "completed" });
    expect(completed.items.find((i) => i.number === task.number)?.resolution).toMatchObject({
      type: "reassigned",
      to: { id: people.helper!.id },
      reason: "On leave this week",
    });
    const sent = await db.prisma.notification.findMany({
      where: { template: "task.reassigned", recipientId: people.helper!.id },
    });
    expect(sent.length).toBe(2);
    expect(sent[0]!.payload).toMatchObject({
      reassignedBy: "Pat Provisioner",
      reassignReason: "On leave this week",
    });
    // The old assignee can no longer act.
    await expectError(
      prov.tasks.close({ action: "mark_provisioned", taskId: task.id }),
      "FORBIDDEN",
    );
    const done = await (
      await callerFor(people.helper!)
    ).tasks.close({ action: "mark_provisioned", taskId: task.id });
    expect(done.state).toBe("DONE");
  });

  it("lists a task once in Completed when a super admin closes it after handing it over", async () => {
    const task = await taskWith("Handover then close", {});
    const admin = await callerFor(people.admin!);
    await (
      await callerFor(people.prov!)
    ).tasks.reassign({
      taskId: task.id,
      toUserId: people.admin!.id,
      reason: "Admin takes it",
    });
    await admin.tasks.reassign({ taskId: task.id, toUserId: people.helper!.id, reason: "Back" });
    await admin.tasks.close({ action: "mark_provisioned", taskId: task.id });
    for (const input of [{}, { search: "Handover" }]) {
      const completed = await admin.tasks.inbox({ box: "requests", tab: "completed", ...input });
      const rows = completed.items.filter((i) => i.number === task.number);
      expect(rows).toHaveLength(1);
      expect(rows[0]!.resolution).toMatchObject({ type: "completed", outcome: "PROVISIONED" });
    }
  });

  it.each([
    ["the policy forbids it", { allowReassignment: false }, "helper", /does not allow reassigning/],
    ["the target is not active", {}, "gone", /is not an active user/],
    [
      "the target is not on the policy's list",
      { allowedReassignees: [] as User[] },
      "helper",
      /only allows reassigning to the people it lists/,
    ],
    ["the target is already assigned", {}, "prov2", /already assigned/],
  ] as const)("is refused when %s", async (_label, policy, target, message) => {
    const task = await taskWith(`Reassign ${_label}`, policy as Parameters<typeof createPolicy>[2]);
    await expectError(
      (await callerFor(people.prov!)).tasks.reassign({
        taskId: task.id,
        toUserId: people[target]!.id,
        reason: "Because",
      }),
      "FORBIDDEN",
      message,
    );
    const after = await taskState(task.number);
    expect(
      after.assignees
        .filter((a) => a.active)
        .map((a) => a.userId)
        .sort(),
    ).toEqual([people.prov!.id, people.prov2!.id].sort());
  });

  it("is refused to someone who is neither an assignee nor a super admin", async () => {
    const task = await taskWith("Reassign by owner", {});
    await expectError(
      (await callerFor(people.owner!)).tasks.reassign({
        taskId: task.id,
        toUserId: people.helper!.id,
        reason: "x",
      }),
      "FORBIDDEN",
      /Only the people this task is assigned to \(or a super admin\) can reassign it/,
    );
  });

  it("offers nobody, and says why, when the policy forbids reassignment", async () => {
    const task = await taskWith("No reassign list", { allowReassignment: false });
    const list = await (await callerFor(people.prov!)).tasks.reassignees({ taskId: task.id });
    expect(list.people).toEqual([]);
    expect(list.blockedReason).toMatch(/does not allow reassigning/);
  });

  it("offers only allowed, active people not already assigned", async () => {
    const task = await taskWith("Reassignees", {
      allowedReassignees: [people.helper!, people.gone!, people.prov!],
    });
    const list = await (await callerFor(people.prov!)).tasks.reassignees({ taskId: task.id });
    expect(list.restricted).toBe(true);
    expect(list.blockedReason).toBeNull();
    expect(list.people.map((p) => p.id)).toEqual([people.helper!.id]);
    // Typed text matches literally: "%" and "_" are not wildcards.
    const caller = await callerFor(people.prov!);
    expect((await caller.tasks.reassignees({ taskId: task.id, search: "%" })).people).toEqual([]);
    expect((await caller.tasks.reassignees({ taskId: task.id, search: "_" })).people).toEqual([]);
  });
});

describe("comments and the task page", () => {
  it("anyone who can see the task comments; the page shows steps, roles and history", async () => {
    const { entitlement } = await setupApp("Canva", { steps: [{ approverKind: "MANAGER" }] });
    const created = await (
      await callerFor(people.emp!)
    ).requests.create({
      entitlementId: entitlement.id,
      reason: "Social posts",
    });
    const approval = await taskState(created.task!.number);
    await (
      await callerFor(people.emp!)
    ).tasks.comment({ taskId: approval.id, body: "Needed by **Friday**" });
    await expectError(
      (await callerFor(people.stranger!)).tasks.comment({ taskId: approval.id, body: "hi" }),
      "NOT_FOUND",
    );
    await expectError(
      (await callerFor(people.emp!)).tasks.comment({ taskId: approval.id, body: "  " }),
      "BAD_REQUEST",
    );
    const approved = await (
      await callerFor(people.boss!)
    ).tasks.close({ action: "approve", taskId: approval.id });

    const page = await (
      await callerFor(people.prov!)
    ).tasks.byNumber({ number: approved.nextTask!.number });
    expect(page).toMatchObject({
      kind: "PROVISION",
      state: "OPEN",
      instructions: "Open **Canva** admin and add the role.",
      request: {
        reason: "Social posts",
        policyName: "Canva policy",
        policySummary:
          "The manager of the person whose access it is approves, then it is provisioned.",
        requester: { id: people.emp!.id },
        subject: { type: "person" },
      },
      viewer: {
        roles: ["Assignee"],
        can: {
          act: true,
          reassign: true,
          comment: true,
          retry: false,
          cancel: false,
          editInstructions: false,
        },
      },
    });
    expect(page.steps.map((s) => [s.title, s.status, s.viewerRole])).toEqual([
      ["Manager approval", "done", null],
      ["Provision", "current", "Assigned to you"],
    ]);
    expect(page.steps[0]!.tasks[0]).toMatchObject({
      completedBy: { id: people.boss!.id },
      outcome: "APPROVED",
    });
    expect(page.history.map((h) => h.action)).toContain("task.commented");

    const bossView = await (
      await callerFor(people.boss!)
    ).tasks.byNumber({ number: approval.number });
    expect(bossView.steps[0]!.viewerRole).toBe("You approved");
    expect(bossView.comments.map((c) => c.body)).toEqual(["Needed by **Friday**"]);
    expect(bossView.viewer.can.act).toBe(false);

    await expectError(
      (await callerFor(people.stranger!)).tasks.byNumber({ number: approval.number }),
      "NOT_FOUND",
    );
    await expectError(
      (await callerFor(people.outsider!)).tasks.byNumber({ number: approval.number }),
      "NOT_FOUND",
    );
  });
});

describe("cancel", () => {
  it("the requester withdraws a pending request; super admins cancel running ones; others cannot", async () => {
    const { entitlement } = await setupApp("Loom", { steps: [{ approverKind: "APP_OWNERS" }] });
    const created = await (
      await callerFor(people.emp!)
    ).requests.create({
      entitlementId: entitlement.id,
      reason: "Videos",
    });
    await expectError(
      (await callerFor(people.owner!)).requests.cancel({
        requestId: created.requestId,
        reason: "x",
      }),
      "FORBIDDEN",
      /Only super admins can cancel a request/,
    );
    const cancelled = await (
      await callerFor(people.emp!)
    ).requests.cancel({
      requestId: created.requestId,
      reason: "Not needed after all",
    });
    expect(cancelled).toMatchObject({ state: "CANCELLED", cancelledTasks: 1 });
    const task = await taskState(created.task!.number);
    expect(task).toMatchObject({ state: "CANCELLED", outcome: "CANCELLED" });
    expect(task.assignees.every((a) => !a.taskOpen)).toBe(true);
    await expectError(
      (await callerFor(people.owner!)).tasks.close({ action: "approve", taskId: task.id }),
      "CONFLICT",
      /already cancelled/,
    );
    await expectError(
      (await callerFor(people.admin!)).requests.cancel({
        requestId: created.requestId,
        reason: "x",
      }),
      "CONFLICT",
      /nothing to cancel/,
    );
  });

  it("a super admin cancels a request being provisioned", async () => {
    const { entitlement } = await setupApp("Calendly", {});
    const created = await (
      await callerFor(people.emp!)
    ).requests.create({
      entitlementId: entitlement.id,
      reason: "Meetings",
    });
    await expectError(
      (await callerFor(people.emp!)).requests.cancel({ requestId: created.requestId, reason: "x" }),
      "FORBIDDEN",
      /already approved/,
    );
    await (
      await callerFor(people.admin!)
    ).requests.cancel({ requestId: created.requestId, reason: "Duplicate" });
    expect(await openTasksOf(created.requestId)).toHaveLength(0);
    expect(await notifications("request.cancelled", created.requestId)).toHaveLength(2);
  });
});

describe("bulk actions", () => {
  it("marks each task in its own transaction, posts the comment, and reports skipped ones", async () => {
    const tasks = [];
    for (const name of ["Bulk A", "Bulk B", "Bulk C", "Bulk D"]) {
      const { entitlement } = await setupApp(name, {});
      const created = await (
        await callerFor(people.emp!)
      ).requests.create({
        entitlementId: entitlement.id,
        reason: "Work",
      });
      tasks.push(await taskState(created.task!.number));
    }
    // Someone else completes one first; another is not the actor's.
    await (
      await callerFor(people.prov2!)
    ).tasks.close({ action: "mark_provisioned", taskId: tasks[1]!.id });
    await (
      await callerFor(people.prov!)
    ).tasks.reassign({
      taskId: tasks[2]!.id,
      toUserId: people.helper!.id,
      reason: "Helper does Bulk C",
    });
    const result = await (
      await callerFor(people.prov!)
    ).tasks.bulk({
      action: "mark_provisioned",
      taskIds: tasks.map((t) => t.id),
      comment: "Done in the weekly batch",
    });
    expect(result.done).toBe(2);
    expect(result.skipped).toBe(2);
    expect(result.results.map((r) => [r.number, r.status])).toEqual([
      [tasks[0]!.number, "done"],
      [tasks[1]!.number, "skipped"],
      [tasks[2]!.number, "skipped"],
      [tasks[3]!.number, "done"],
    ]);
    expect(result.results[1]).toMatchObject({
      code: "CONFLICT",
      reason: `Task #${tasks[1]!.number} was already marked provisioned by Quinn Provisioner.`,
    });
    expect(result.results[2]).toMatchObject({ code: "FORBIDDEN" });
    for (const [i, commented] of [
      [0, 1],
      [1, 0],
      [2, 0],
      [3, 1],
    ] as const) {
      expect(await db.prisma.comment.count({ where: { taskId: tasks[i]!.id } })).toBe(commented);
    }
    // The skipped tasks are unchanged.
    expect((await taskState(tasks[2]!.number)).state).toBe("OPEN");
  });

  it("needs a comment, and a person for reassign", async () => {
    const prov = await callerFor(people.prov!);
    const id = "0190a0c0-0000-7000-8000-000000000000";
    await expectError(
      prov.tasks.bulk({ action: "mark_errored", taskIds: [id], comment: "" }),
      "BAD_REQUEST",
    );
    await expectError(
      prov.tasks.bulk({ action: "reassign", taskIds: [id], comment: "x" }),
      "BAD_REQUEST",
    );
  });
});

describe("revocations", () => {
  it("an approved revocation becomes a deprovisioning task; marking it ends the grant", async () => {
    const { app, entitlement } = await setupApp("Salesforce", {});
    const account = await createAccount(db.prisma, app, { owner: people.emp! });
    const grant = await createGrant(db.prisma, account, entitlement);
    const policy = await createPolicy(db.prisma, org, { steps: [{ approverKind: "APP_OWNERS" }] });
    const { request, tasks } = await createRequestWithTasks(db.prisma, {
      kind: "REVOKE",
      requester: people.boss!,
      entitlement,
      grant,
      policy,
      reason: "Left the sales team",
      tasks: [{ kind: "APPROVAL", assignees: [people.owner!] }],
    });
    const approved = await (
      await callerFor(people.owner!)
    ).tasks.close({ action: "approve", taskId: tasks[0]!.id });
    expect(approved.nextTask?.kind).toBe("DEPROVISION");
    const deprovision = await taskState(approved.nextTask!.number);
    expect(deprovision.assignees.map((a) => a.userId)).toEqual([people.deprov!.id]);
    expect(
      (await (await callerFor(people.deprov!)).me.openTaskCounts()).revocations,
    ).toBeGreaterThan(0);
    await expectError(
      (await callerFor(people.deprov!)).tasks.close({
        action: "mark_provisioned",
        taskId: deprovision.id,
      }),
      "BAD_REQUEST",
    );
    await (
      await callerFor(people.deprov!)
    ).tasks.close({ action: "mark_deprovisioned", taskId: deprovision.id });
    const ended = await db.prisma.grant.findUniqueOrThrow({ where: { id: grant.id } });
    expect(ended.revokedAt).not.toBeNull();
    expect(ended.revokeRequestId).toBe(request.id);
    // The requester and the account's owner hear about it.
    const told = await notifications("request.completed", request.id);
    expect(new Set(told.map((n) => n.recipientId))).toEqual(
      new Set([people.boss!.id, people.emp!.id]),
    );
  });
});

describe("connector jobs", () => {
  it("a CONNECTOR entitlement is granted by a queued job, with the grant and the events", async () => {
    const { app, entitlement } = await setupApp("Okta", {}, { provisioningStrategy: "CONNECTOR" });
    const account = await createAccount(db.prisma, app, { owner: people.emp! });
    const created = await (
      await callerFor(people.emp!)
    ).requests.create({
      entitlementId: entitlement.id,
      reason: "SSO admin",
    });
    expect(created).toMatchObject({ state: "PROVISIONING", task: null });
    const summary = await runConnectorJobs(db.prisma);
    expect(summary).toMatchObject({ succeeded: 1 });
    const request = await db.prisma.request.findUniqueOrThrow({ where: { id: created.requestId } });
    expect(request.state).toBe("COMPLETED");
    expect(
      await db.prisma.grant.count({
        where: { accountId: account.id, entitlementId: entitlement.id, revokedAt: null },
      }),
    ).toBe(1);
    const events = await db.prisma.event.findMany({ where: { requestId: created.requestId } });
    expect(events.find((e) => e.action === "connector.succeeded")?.after).toMatchObject({
      message: `Granted Okta Editor to ${account.login} in Okta.`,
    });
    expect(await runConnectorJobs(db.prisma)).toMatchObject({ claimed: 0 });
  });

  it("retries with backoff, then falls back to a manual task for the app owners", async () => {
    const { entitlement } = await setupApp("Workday", {}, { provisioningStrategy: "CONNECTOR" });
    const created = await (
      await callerFor(people.emp!)
    ).requests.create({
      entitlementId: entitlement.id,
      reason: "HR data",
    });
    await db.prisma.connectorJob.updateMany({
      where: { requestId: created.requestId },
      data: { maxAttempts: 2 },
    });
    const failing: Connector = {
      name: "test connector",
      grant: async () => ({ ok: false, error: "Workday API timed out", retryable: true }),
      revoke: async () => ({ ok: false, error: "unused", retryable: true }),
    };
    const at = Date.now();
    expect(await runConnectorJobs(db.prisma, { connectorFor: () => failing })).toMatchObject({
      retried: 1,
    });
    // Queued again with backoff: not due yet, nothing runs.
    const retry = await db.prisma.connectorJob.findFirstOrThrow({
      where: { requestId: created.requestId },
    });
    expect(retry).toMatchObject({ state: "QUEUED", attempts: 1 });
    expect(retry.runAfter.getTime()).toBeGreaterThanOrEqual(at + defaultBackoffMs(1));
    expect(await runConnectorJobs(db.prisma, { connectorFor: () => failing })).toMatchObject({
      claimed: 0,
    });
    // Once the backoff has passed, the second and last attempt runs.
    expect(await makeJobsDue(db, QUEUES.connector)).toBe(1);
    expect(await runConnectorJobs(db.prisma, { connectorFor: () => failing })).toMatchObject({
      fellBack: 1,
    });
    const [task] = await openTasksOf(created.requestId);
    expect(task!.kind).toBe("PROVISION");
    expect(task!.assignees.map((a) => a.userId)).toEqual([people.owner!.id]);
    expect(task!.routingNote).toMatch(
      /could not grant this access after 2 attempts \(Workday API timed out\)/,
    );
    const job = await db.prisma.connectorJob.findFirstOrThrow({
      where: { requestId: created.requestId },
    });
    expect(job).toMatchObject({ state: "FAILED", attempts: 2, lastError: "Workday API timed out" });
  });
});
