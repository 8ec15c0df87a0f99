import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, User } from "@lantern/db";
import {
  createAccount,
  createApp,
  createEntitlement,
  createGrant,
  createOrganization,
  createPolicy,
  createUser,
} from "@lantern/seed";
import { createTestDatabase } from "@lantern/db/testing";
import { isDomainError } from "@lantern/domain";
import { runConnectorJobs } from "../services/connector-jobs.ts";
import { pendingRevocations } from "../services/grants/index.ts";
import { callerFor as callerForUser } from "../testing.ts";

// Manual revoke through the API (SPEC §5, §8) on a real database: who may, what the
// revocation policy makes of it (approval, deprovisioning task, connector), the refusals and
// their audit events, the account owner's message, and two revokes at once.

let db: Database;
const callerFor = (user: { id: string }) => callerForUser(db.prisma, user.id);

let org: { id: string };
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

beforeAll(async () => {
  db = await createTestDatabase();
  const p = db.prisma;
  org = await createOrganization(p, { name: "Acme", slug: "acme-revocations" });
  const other = await createOrganization(p, { name: "Globex", slug: "globex-revocations" });
  const person = (key: string, givenName: string, familyName: string, extra = {}) =>
    createUser(p, org, { givenName, familyName, ...extra }).then((u) => (people[key] = u));
  await person("admin", "Ada", "Admin", { role: "SUPER_ADMIN" });
  await person("appOwner", "Olive", "Owner");
  await person("entOwner", "Enzo", "Entowner");
  await person("bigBoss", "Bo", "Bigboss");
  await person("boss", "Bea", "Boss", { managerId: people.bigBoss!.id });
  await person("emp", "Eli", "Employee", { managerId: people.boss!.id });
  await person("deprov", "Dee", "Deprovisioner");
  await person("stranger", "Stan", "Stranger");
  people.outsider = await createUser(p, other, {
    givenName: "Otto",
    familyName: "Outsider",
    role: "SUPER_ADMIN",
  });
});

afterAll(async () => {
  await db?.close();
});

interface Setup {
  steps?: NonNullable<Parameters<typeof createPolicy>[2]>["steps"];
  deprovisioningStrategy?: "MANUAL" | "CONNECTOR";
  /** The account's owner; null: an account nobody owns. Default: the employee. */
  owner?: User | null;
}

/** An app whose default revocation policy is `steps`, an entitlement, and a live grant. */
async function setupGrant(name: string, setup: Setup = {}) {
  const p = db.prisma;
  const policy = await createPolicy(p, org, { name: `${name} revocation`, steps: setup.steps });
  const app = await createApp(p, org, {
    name,
    owners: [people.appOwner!],
    deprovisioners: [people.deprov!],
    defaultRevocationPolicyId: policy.id,
  });
  const entitlement = await createEntitlement(p, app, {
    slug: "admin",
    displayName: `${name} Admin`,
    owners: [people.entOwner!],
    deprovisioningStrategy: setup.deprovisioningStrategy ?? "MANUAL",
  });
  const owner = setup.owner === undefined ? people.emp! : setup.owner;
  const account = await createAccount(p, app, owner ? { owner } : { login: `svc-${name}` });
  const grant = await createGrant(p, account, entitlement);
  return { app, policy, entitlement, account, grant };
}

async function liveGrant(id: string) {
  return db.prisma.grant.findUniqueOrThrow({ where: { id } });
}

/** The revocation.requested outbox rows of one request. */
async function revocationMessages(requestId: string) {
  const rows = await db.prisma.notification.findMany({
    where: { template: "revocation.requested", organizationId: org.id },
  });
  return rows.filter((r) => (r.payload as { requestId?: string }).requestId === requestId);
}

async function revokeRequests(grantId: string) {
  return db.prisma.request.findMany({ where: { grantId, kind: "REVOKE" } });
}

describe("who may revoke", () => {
  it.each([
    ["a super admin", "admin"],
    ["an owner of the app", "appOwner"],
    ["an owner of the entitlement", "entOwner"],
    ["the direct manager of the account's owner", "boss"],
  ])("%s revokes", async (_label, key) => {
    const { grant, entitlement } = await setupGrant(`Allowed ${key}`);
    const result = await (
      await callerFor(people[key]!)
    ).grants.revoke({ grantId: grant.id, reason: "Left the team" });
    expect(result).toMatchObject({ state: "PROVISIONING", task: { kind: "DEPROVISION" } });
    const [request] = await revokeRequests(grant.id);
    expect(request).toMatchObject({
      kind: "REVOKE",
      requesterId: people[key]!.id,
      accountId: grant.accountId,
      entitlementId: entitlement.id,
      reason: "Left the team",
      policyName: `Allowed ${key} revocation`,
    });
    const events = await db.prisma.event.findMany({
      where: { OR: [{ requestId: request!.id }, { targetId: grant.id }] },
      orderBy: [{ at: "asc" }, { id: "asc" }],
    });
    expect(events.map((e) => e.action)).toEqual([
      "request.created",
      "grant.revoke_requested",
      "request.provisioning",
      "task.created",
    ]);
    // Nothing is removed yet: the deprovisioner does it.
    expect((await liveGrant(grant.id)).revokedAt).toBeNull();
  });

  it("refuses anyone else with FORBIDDEN naming who can, records the refusal, changes nothing", async () => {
    const { grant, entitlement, app } = await setupGrant("Refused");
    for (const key of ["stranger", "emp", "bigBoss", "deprov"]) {
      const error = await expectError(
        (await callerFor(people[key]!)).grants.revoke({ grantId: grant.id, reason: "Tidy up" }),
        "FORBIDDEN",
      );
      expect(error.message).toBe(
        "Only a super admin, an owner of Refused, an owner of Refused Admin, or the direct manager of the account's owner (Eli Employee) can revoke this access.",
      );
    }
    expect(await revokeRequests(grant.id)).toHaveLength(0);
    expect((await liveGrant(grant.id)).revokedAt).toBeNull();
    const refusals = await db.prisma.event.findMany({
      where: { action: "grant.revoke_refused", targetId: grant.id },
      orderBy: [{ at: "asc" }, { id: "asc" }],
    });
    expect(refusals.map((e) => e.actorId)).toEqual(
      ["stranger", "emp", "bigBoss", "deprov"].map((k) => people[k]!.id),
    );
    expect(refusals[0]).toMatchObject({
      organizationId: org.id,
      targetType: "Grant",
      reason: "Tidy up",
      requestId: null,
    });
    expect(refusals[0]!.after).toMatchObject({
      accountId: grant.accountId,
      entitlementId: entitlement.id,
      appId: app.id,
      refusal: expect.stringMatching(/^Only a super admin/),
    });
  });

  it("says so when the account has no owner, so no manager can revoke it; an admin still can", async () => {
    const { grant } = await setupGrant("Unowned", { owner: null });
    await expectError(
      (await callerFor(people.boss!)).grants.revoke({ grantId: grant.id, reason: "Unused" }),
      "FORBIDDEN",
      /this account has no owner, so no manager can/,
    );
    const done = await (
      await callerFor(people.admin!)
    ).grants.revoke({ grantId: grant.id, reason: "Unused" });
    expect(done.task?.kind).toBe("DEPROVISION");
    // Nobody owns the account: nobody to tell.
    expect(await revocationMessages(done.requestId)).toHaveLength(0);
  });

  it("another organization's grant does not exist, even for its super admin", async () => {
    const { grant } = await setupGrant("Foreign");
    await expectError(
      (await callerFor(people.outsider!)).grants.revoke({ grantId: grant.id, reason: "Mine" }),
      "NOT_FOUND",
      /does not exist/,
    );
    await expectError(
      (await callerFor(people.outsider!)).grants.revocationStatus({ grantId: grant.id }),
      "NOT_FOUND",
    );
    expect(
      await db.prisma.event.count({
        where: { targetId: grant.id, action: "grant.revoke_refused" },
      }),
    ).toBe(0);
  });
});

describe("what the revocation policy makes of it", () => {
  it("a manager approval step: an approval task, the grant stays live and shows pending", async () => {
    const { grant } = await setupGrant("Approval", { steps: [{ approverKind: "MANAGER" }] });
    const owner = await callerFor(people.appOwner!);
    const result = await owner.grants.revoke({ grantId: grant.id, reason: "Changed roles" });
    expect(result).toMatchObject({ state: "PENDING_APPROVAL", task: { kind: "APPROVAL" } });
    expect(result.policySummary).toMatch(/approves/);
    const task = await db.prisma.task.findUniqueOrThrow({
      where: { organizationId_number: { organizationId: org.id, number: result.task!.number } },
      include: { assignees: true },
    });
    expect(task.assignees.map((a) => a.userId)).toEqual([people.boss!.id]);
    expect((await liveGrant(grant.id)).revokedAt).toBeNull();

    const status = await owner.grants.revocationStatus({ grantId: grant.id });
    expect(status).toMatchObject({
      grantId: grant.id,
      revokedAt: null,
      pending: {
        requestId: result.requestId,
        state: "PENDING_APPROVAL",
        reason: "Changed roles",
        requester: { id: people.appOwner!.id, displayName: "Olive Owner" },
        task: { number: result.task!.number, kind: "APPROVAL" },
      },
    });
    // The account's owner may look; a member with no part in the access may not (SPEC §8).
    expect(
      (await (await callerFor(people.emp!)).grants.revocationStatus({ grantId: grant.id })).pending
        ?.requestId,
    ).toBe(result.requestId);
    await expectError(
      (await callerFor(people.stranger!)).grants.revocationStatus({ grantId: grant.id }),
      "FORBIDDEN",
      /^Only super admins, auditors, the owners of Approval, the owners of Approval Admin, and the account's owner and their direct manager can see this access\.$/,
    );

    // The manager approves: the deprovisioners get the work.
    const approved = await (
      await callerFor(people.boss!)
    ).tasks.close({ action: "approve", taskId: task.id });
    expect(approved.nextTask?.kind).toBe("DEPROVISION");
    expect((await owner.grants.revocationStatus({ grantId: grant.id })).pending).toMatchObject({
      state: "PROVISIONING",
      task: { kind: "DEPROVISION", number: approved.nextTask!.number },
    });
  });

  it("no approval steps: a DEPROVISION task in the deprovisioners' Revocations inbox; marking it ends the grant", async () => {
    const { grant, entitlement } = await setupGrant("Manual");
    const result = await (
      await callerFor(people.admin!)
    ).grants.revoke({ grantId: grant.id, reason: "Contractor left" });
    expect(result).toMatchObject({ state: "PROVISIONING", connectorJobId: null });
    const deprov = await callerFor(people.deprov!);
    const inbox = await deprov.tasks.inbox({ box: "revocations", tab: "awaiting_deprovisioning" });
    const row = inbox.items.find((i) => i.number === result.task!.number);
    expect(row).toMatchObject({
      kind: "DEPROVISION",
      entitlement: { displayName: entitlement.displayName },
      requester: { id: people.admin!.id },
      reason: "Contractor left",
    });
    expect((await deprov.me.openTaskCounts()).revocations).toBeGreaterThan(0);

    await deprov.tasks.close({
      action: "mark_deprovisioned",
      taskId: row!.id,
      text: "Removed in the console",
    });
    const ended = await liveGrant(grant.id);
    expect(ended.revokedAt).not.toBeNull();
    expect(ended.revokeRequestId).toBe(result.requestId);
    expect(
      await db.prisma.request.findUniqueOrThrow({ where: { id: result.requestId } }),
    ).toMatchObject({ state: "COMPLETED" });
    const status = await (
      await callerFor(people.admin!)
    ).grants.revocationStatus({ grantId: grant.id });
    expect(status.pending).toBeNull();
    expect(status.revokedAt).not.toBeNull();
    // An ended grant cannot be revoked again.
    await expectError(
      (await callerFor(people.admin!)).grants.revoke({ grantId: grant.id, reason: "Again" }),
      "NOT_FOUND",
      /already removed/,
    );
  });

  it("CONNECTOR deprovisioning: a connector job, which ends the grant", async () => {
    const { grant } = await setupGrant("Okta", { deprovisioningStrategy: "CONNECTOR" });
    const result = await (
      await callerFor(people.entOwner!)
    ).grants.revoke({ grantId: grant.id, reason: "License audit" });
    expect(result).toMatchObject({ state: "PROVISIONING", task: null });
    expect(result.connectorJobId).toEqual(expect.any(String));
    const pending = await pendingRevocations(db.prisma, org.id, [grant.id]);
    expect(pending.get(grant.id)).toMatchObject({ requestId: result.requestId, task: null });
    await expectError(
      (await callerFor(people.admin!)).grants.revoke({ grantId: grant.id, reason: "Again" }),
      "CONFLICT",
      /being removed by the app's connector/,
    );

    expect(await runConnectorJobs(db.prisma)).toMatchObject({ succeeded: 1 });
    const ended = await liveGrant(grant.id);
    expect(ended.revokedAt).not.toBeNull();
    expect(ended.revokeRequestId).toBe(result.requestId);
    expect((await pendingRevocations(db.prisma, org.id, [grant.id])).size).toBe(0);
  });

  it("falls back from the entitlement's revocation policy to the app's, then the organization's", async () => {
    const p = db.prisma;
    const initech = await createOrganization(p, { name: "Initech", slug: "initech-revocations" });
    const admin = await createUser(p, initech, { role: "SUPER_ADMIN" });
    const holder = await createUser(p, initech, {});
    const orgPolicy = await createPolicy(p, initech, { name: "Org revocation" });
    const appPolicy = await createPolicy(p, initech, { name: "App revocation" });
    const entPolicy = await createPolicy(p, initech, { name: "Entitlement revocation" });
    const bare = await createApp(p, initech, { name: "Bare", owners: [admin] });
    const withDefault = await createApp(p, initech, {
      name: "Defaulted",
      owners: [admin],
      defaultRevocationPolicyId: appPolicy.id,
    });
    const cases = [
      [bare, null, "BAD_REQUEST"],
      [bare, null, "Org revocation"],
      [withDefault, null, "App revocation"],
      [withDefault, entPolicy.id, "Entitlement revocation"],
    ] as const;
    for (const [i, [app, revocationPolicyId, expected]] of cases.entries()) {
      const entitlement = await createEntitlement(p, app, { slug: `e${i}`, revocationPolicyId });
      const account = await createAccount(p, app, { owner: holder });
      const grant = await createGrant(p, account, entitlement);
      const caller = await callerFor(admin);
      if (expected === "BAD_REQUEST") {
        await expectError(
          caller.grants.revoke({ grantId: grant.id, reason: "Policy" }),
          "BAD_REQUEST",
          /No revocation policy applies/,
        );
        await p.organization.update({
          where: { id: initech.id },
          data: { defaultRevocationPolicyId: orgPolicy.id },
        });
        continue;
      }
      const result = await caller.grants.revoke({ grantId: grant.id, reason: "Policy" });
      expect(result.policyName).toBe(expected);
    }
  });
});

describe("refusals of the request itself", () => {
  it("a second revoke while one is in flight is refused, pointing to the open request", async () => {
    const { grant } = await setupGrant("Twice", { steps: [{ approverKind: "APP_OWNERS" }] });
    const first = await (
      await callerFor(people.boss!)
    ).grants.revoke({ grantId: grant.id, reason: "Moved teams" });
    const error = await expectError(
      (await callerFor(people.admin!)).grants.revoke({ grantId: grant.id, reason: "Also" }),
      "CONFLICT",
      new RegExp(
        `already in flight: Bea Boss asked for it, and it is waiting for approval \\(task #${first.task!.number}\\)`,
      ),
    );
    const cause = error.cause;
    expect(isDomainError(cause) ? cause.details : null).toEqual({
      requestId: first.requestId,
      taskNumber: first.task!.number,
    });
    expect(await revokeRequests(grant.id)).toHaveLength(1);
  });

  it("a reason is required", async () => {
    const { grant } = await setupGrant("Reasonless");
    const caller = await callerFor(people.admin!);
    for (const reason of ["", "   "]) {
      await expectError(
        caller.grants.revoke({ grantId: grant.id, reason }),
        "BAD_REQUEST",
        /Say why this access should be removed/,
      );
    }
    await expectError(caller.grants.revoke({ grantId: grant.id } as never), "BAD_REQUEST");
    expect(await revokeRequests(grant.id)).toHaveLength(0);
  });

  it("two revokes of one grant at once make one request; the other is told it is in flight", async () => {
    for (let round = 0; round < 3; round += 1) {
      const { grant } = await setupGrant(`Race ${round}`);
      const [a, b] = await Promise.all([callerFor(people.admin!), callerFor(people.appOwner!)]);
      const results = await Promise.allSettled([
        a.grants.revoke({ grantId: grant.id, reason: "Race A" }),
        b.grants.revoke({ grantId: grant.id, reason: "Race B" }),
      ]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      const lost = results.filter((r) => r.status === "rejected");
      expect(lost).toHaveLength(1);
      const error = (lost[0] as PromiseRejectedResult).reason as TRPCError;
      expect(error.code).toBe("CONFLICT");
      expect(error.message).toMatch(/already in flight/);
      expect(await revokeRequests(grant.id)).toHaveLength(1);
      expect(
        await db.prisma.task.count({
          where: { request: { grantId: grant.id }, kind: "DEPROVISION" },
        }),
      ).toBe(1);
    }
  });
});

describe("the account's owner is told", () => {
  it("a revocation.requested message to the owner, with the account and the task", async () => {
    const { grant, account } = await setupGrant("Told", {
      steps: [{ approverKind: "ENTITLEMENT_OWNERS" }],
    });
    const result = await (
      await callerFor(people.boss!)
    ).grants.revoke({ grantId: grant.id, reason: "Not needed any more" });
    const mine = await revocationMessages(result.requestId);
    expect(mine.length).toBeGreaterThan(0);
    expect(new Set(mine.map((r) => r.recipientId))).toEqual(new Set([people.emp!.id]));
    expect(mine[0]!.payload).toMatchObject({
      requestKind: "REVOKE",
      appName: "Told",
      entitlementName: "Told Admin",
      accountLabel: account.login,
      requesterName: "Bea Boss",
      reason: "Not needed any more",
      policyName: "Told revocation",
      path: `/tasks/${result.task!.number}`,
    });
  });

  it("is not told about their own revoke", async () => {
    const { grant } = await setupGrant("Self", { owner: people.appOwner! });
    const result = await (
      await callerFor(people.appOwner!)
    ).grants.revoke({ grantId: grant.id, reason: "I no longer need it" });
    expect(await revocationMessages(result.requestId)).toHaveLength(0);
  });
});
