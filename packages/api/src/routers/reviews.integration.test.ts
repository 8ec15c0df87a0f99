import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Prisma, type App, type Database, type Entitlement, type User } from "@lantern/db";
import { reviewItemFlags, UNUSED_FLAG_DAYS, type ReviewItemSnapshot } from "@lantern/domain";
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
import { callerFor as callerForUser } from "../testing.ts";
import {
  exportReviewCampaign,
  runReviewRemovalJobs,
  runReviewRemovals,
} from "../services/reviews/index.ts";
import { reviewFlagsSql } from "../services/reviews/scope.ts";
import { actorFor } from "../testing.ts";

// Access reviews through the API (SPEC §10) on a real database: the scope count, the snapshot
// and its isolation, who reviews, decisions and their concurrency, Revoke → REVOKE request →
// deprovisioning task → removed on the campaign, the second level, reassigning, bulk, close,
// the export, and who may see what.

let db: Database;
const callerFor = (user: { id: string }) => callerForUser(db.prisma, user.id);

let org: { id: string };
const people: Record<string, User> = {};
const DAY = 86_400_000;
const daysAgo = (n: number) => new Date(Date.now() - n * DAY);
const future = new Date(Date.now() + 14 * DAY).toISOString().slice(0, 10);

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

interface World {
  appA: App;
  appB: App;
  adminA: Entitlement;
  readA: Entitlement;
  adminB: Entitlement;
}
let w: World;

beforeAll(async () => {
  db = await createTestDatabase();
  const p = db.prisma;
  org = await createOrganization(p, { name: "Acme", slug: "acme-reviews" });
  const person = (key: string, givenName: string, familyName: string, extra = {}) =>
    createUser(p, org, { givenName, familyName, ...extra }).then((u) => (people[key] = u));
  await person("admin", "Ada", "Admin", { role: "SUPER_ADMIN" });
  await person("auditor", "Avery", "Auditor", { role: "AUDITOR" });
  await person("appOwner", "Olive", "Owner");
  await person("boss", "Bea", "Boss");
  await person("boss2", "Ben", "Boss");
  await person("emp", "Eli", "Employee", { managerId: people.boss!.id });
  await person("emp2", "Emma", "Employee", { managerId: people.boss2!.id });
  await person("gone", "Gil", "Gone", { managerId: people.boss!.id, status: "SUSPENDED" });
  await person("deprov", "Dee", "Deprovisioner");
  await person("member", "Max", "Member");

  const policy = await createPolicy(p, org, { name: "Revoke directly" });
  const app = (name: string) =>
    createApp(p, org, {
      name,
      owners: [people.appOwner!],
      deprovisioners: [people.deprov!],
      defaultRevocationPolicyId: policy.id,
    });
  const appA = await app("Alpha");
  const appB = await app("Beta");
  const adminA = await createEntitlement(p, appA, { slug: "admin", displayName: "Alpha Admin" });
  const readA = await createEntitlement(p, appA, { slug: "read", displayName: "Alpha Read" });
  const adminB = await createEntitlement(p, appB, { slug: "admin", displayName: "Beta Admin" });
  w = { appA, appB, adminA, readA, adminB };

  // Alpha: Eli (admin + read, old grant, unused), Gil suspended (admin), a service account,
  // an account nobody owns. Beta: Emma (admin).
  const eliA = await createAccount(p, appA, { owner: people.emp!, lastLoginAt: daysAgo(120) });
  await createGrant(p, eliA, adminA, { grantedAt: daysAgo(400) });
  await createGrant(p, eliA, readA, { grantedAt: daysAgo(10) });
  const gilA = await createAccount(p, appA, { owner: people.gone!, lastLoginAt: daysAgo(2) });
  await createGrant(p, gilA, adminA, { grantedAt: daysAgo(200) });
  const svc = await createAccount(p, appA, { login: "svc-backup", type: "SERVICE" });
  await createGrant(p, svc, adminA, { grantedAt: daysAgo(50) });
  const orphan = await createAccount(p, appA, { login: "old-intern" });
  await createGrant(p, orphan, readA, { grantedAt: daysAgo(30) });
  const emmaB = await createAccount(p, appB, { owner: people.emp2!, lastLoginAt: daysAgo(1) });
  await createGrant(p, emmaB, adminB, { grantedAt: daysAgo(5) });
});

afterAll(async () => {
  await db?.close();
});

const scope = (over: Record<string, unknown> = {}) => ({
  appIds: [w.appA.id, w.appB.id],
  entitlementIds: [],
  accountTypes: ["USER" as const],
  ...over,
});

let seq = 0;
async function start(over: Record<string, unknown> = {}, reviewers?: unknown) {
  seq += 1;
  return (await callerFor(people.admin!)).reviews.start({
    name: `Review ${seq}`,
    dueDate: future,
    scope: scope(),
    reviewers: (reviewers ?? { first: { kind: "MANAGER" } }) as never,
    ...over,
  });
}

/** Items with their assignments (the tables have no foreign keys, so no Prisma relation). */
async function withAssignments<T extends { id: string }>(items: T[]) {
  const assignments = await db.prisma.reviewAssignment.findMany({
    where: { itemId: { in: items.map((i) => i.id) } },
    orderBy: [{ level: "asc" }, { assignedAt: "asc" }],
  });
  return items.map((item) => ({
    ...item,
    assignments: assignments.filter((a) => a.itemId === item.id),
  }));
}

const itemsOf = async (campaignId: string) =>
  withAssignments(
    await db.prisma.reviewItem.findMany({ where: { campaignId }, orderBy: { position: "asc" } }),
  );
const itemById = async (id: string) =>
  (await withAssignments([await db.prisma.reviewItem.findUniqueOrThrow({ where: { id } })]))[0]!;

describe("the scope", () => {
  it.each([
    ["both apps, user accounts", {}, 5],
    ["service accounts too", { accountTypes: ["USER", "SERVICE"] }, 6],
    ["service accounts only", { accountTypes: ["SERVICE"] }, 1],
    ["one entitlement", { appIds: [], entitlementIds: [null] }, 2],
    ["grants older than 100 days", { grantOlderThanDays: 100 }, 2],
    ["owners suspended or deprovisioned", { ownerInactiveOnly: true }, 1],
    ["accounts with no owner", { ownerlessOnly: true }, 1],
    ["not used for 90 days", { unusedForDays: 90 }, 2],
  ])("%s", async (_label, over, items) => {
    const chosen = { ...over } as Record<string, unknown>;
    if (Array.isArray(chosen.entitlementIds)) chosen.entitlementIds = [w.readA.id];
    const count = await (
      await callerFor(people.admin!)
    ).reviews.countScope({
      scope: scope(chosen),
    });
    expect(count.items).toBe(items);
  });

  it("refuses an empty choice, another organization's app, and members", async () => {
    const admin = await callerFor(people.admin!);
    await expectError(
      admin.reviews.countScope({ scope: scope({ appIds: [] }) }),
      "BAD_REQUEST",
      /at least one app or entitlement/,
    );
    await expectError(
      admin.reviews.countScope({
        scope: scope({ appIds: ["01890000-0000-7000-8000-000000000000"] }),
      }),
      "NOT_FOUND",
      /do not exist/,
    );
    await expectError(
      (await callerFor(people.member!)).reviews.countScope({ scope: scope() }),
      "FORBIDDEN",
      /Only super admins and auditors/,
    );
    await expectError(
      (await callerFor(people.auditor!)).reviews.start({
        name: "Not mine",
        dueDate: future,
        scope: scope(),
        reviewers: { first: { kind: "MANAGER", userIds: [] }, second: null },
      }),
      "FORBIDDEN",
    );
  });
});

describe("flags in SQL", () => {
  it("reviewFlagsSql computes the domain's reviewItemFlags for every combination of the facts", async () => {
    const now = new Date("2026-06-30T12:00:00.000Z");
    const cutoff = now.getTime() - UNUSED_FLAG_DAYS * DAY;
    const cases: ReviewItemSnapshot[] = [];
    for (const accountType of ["USER", "SERVICE", "SYSTEM"] as const)
      for (const owner of [null, "ACTIVE", "SUSPENDED", "DEPROVISIONED"] as const)
        for (const ownerSource of ["MATCHED", "MANUAL", "CLEARED"] as const)
          for (const matchAmbiguous of [false, true])
            for (const lastLoginAt of [null, cutoff - 1, cutoff, cutoff + 1])
              cases.push({
                accountType,
                ownerId: owner ? people.emp!.id : null,
                ownerStatus: owner,
                ownerSource,
                matchAmbiguous,
                lastLoginAt: lastLoginAt === null ? null : new Date(lastLoginAt),
                grantedAt: now,
              });
    const rows = await db.prisma.$queryRaw<{ n: number; flags: string[] }[]>`
      SELECT x.n, ${reviewFlagsSql(
        {
          accountType: Prisma.sql`x."accountType"::"AccountType"`,
          ownerId: Prisma.sql`x."ownerId"`,
          ownerStatus: Prisma.sql`x."ownerStatus"::"UserStatus"`,
          ownerSource: Prisma.sql`x."ownerSource"::"OwnerSource"`,
          matchAmbiguous: Prisma.sql`x."matchAmbiguous"`,
          lastLoginAt: Prisma.sql`x."lastLoginAt"`,
        },
        now,
      )} AS flags
        FROM unnest(${cases.map((_, n) => n)}::int[],
                    ${cases.map((c) => c.accountType)}::text[],
                    ${cases.map((c) => c.ownerId)}::uuid[],
                    ${cases.map((c) => c.ownerStatus)}::text[],
                    ${cases.map((c) => c.ownerSource)}::text[],
                    ${cases.map((c) => c.matchAmbiguous)}::boolean[],
                    ${cases.map((c) => c.lastLoginAt)}::timestamp(3)[])
             AS x(n, "accountType", "ownerId", "ownerStatus", "ownerSource", "matchAmbiguous",
                  "lastLoginAt")
       ORDER BY x.n`;
    expect(rows).toHaveLength(cases.length);
    for (const row of rows) {
      expect(row.flags, JSON.stringify(cases[row.n])).toEqual(reviewItemFlags(cases[row.n]!, now));
    }
  });
});

describe("starting", () => {
  it("snapshots the scope, assigns reviewers by the rules, and notifies each reviewer once", async () => {
    const started = await start({ scope: scope({ accountTypes: ["USER", "SERVICE"] }) });
    expect(started).toMatchObject({ items: 6 });
    const items = await itemsOf(started.campaignId);
    expect(items).toHaveLength(6);
    const byLabel = (owner: string | null, ent: string) =>
      items.find((i) => i.ownerName === owner && i.entitlementName === ent)!;
    // Eli's manager Bea reviews Eli; Gil (suspended) too; Emma's manager Ben reviews Emma.
    const eliAdmin = byLabel("Eli Employee", "Alpha Admin");
    expect(eliAdmin.assignments.map((a) => a.userId)).toEqual([people.boss!.id]);
    expect(eliAdmin.flags).toEqual(["UNUSED"]);
    expect(byLabel("Gil Gone", "Alpha Admin").flags).toEqual(["OWNER_SUSPENDED"]);
    expect(byLabel("Emma Employee", "Beta Admin").assignments.map((a) => a.userId)).toEqual([
      people.boss2!.id,
    ]);
    // No owner, no manager: the app owners review, and the item says why.
    const orphan = items.find((i) => i.accountLabel === "old-intern")!;
    expect(orphan.assignments.map((a) => a.userId)).toEqual([people.appOwner!.id]);
    expect(orphan.flags).toEqual(["NO_OWNER"]);
    expect(orphan.routingNote).toMatch(/app owners review it instead/);
    expect(items.find((i) => i.accountLabel === "svc-backup")!.flags).toContain("SERVICE_ACCOUNT");

    const messages = await db.prisma.notification.findMany({
      where: {
        template: "review.assigned",
        payload: { path: ["campaignId"], equals: started.campaignId },
      },
    });
    const perPerson = new Map<string, number>();
    for (const m of messages.filter((m) => m.channel === "EMAIL")) {
      perPerson.set(m.recipientId, (perPerson.get(m.recipientId) ?? 0) + 1);
    }
    expect(Object.fromEntries(perPerson)).toEqual({
      [people.boss!.id]: 1,
      [people.boss2!.id]: 1,
      [people.appOwner!.id]: 1,
    });
    const bea = messages.find((m) => m.recipientId === people.boss!.id && m.channel === "EMAIL")!;
    expect(bea.payload).toMatchObject({ itemCount: 3, level: 1, startedBy: "Ada Admin" });
    const event = await db.prisma.event.findFirst({
      where: { action: "review_campaign.started", targetId: started.campaignId },
    });
    expect(event?.after).toMatchObject({ items: 6 });
  });

  it("is isolated from later changes: a revoked grant stays an item, a new grant is not added", async () => {
    const started = await start({ scope: scope({ appIds: [w.appB.id] }) });
    const [item] = await itemsOf(started.campaignId);
    await db.prisma.grant.update({ where: { id: item!.grantId }, data: { revokedAt: new Date() } });
    const acct = await createAccount(db.prisma, w.appB, { owner: people.emp! });
    const fresh = await createGrant(db.prisma, acct, w.adminB);
    const after = await itemsOf(started.campaignId);
    expect(after.map((i) => i.id)).toEqual([item!.id]);
    expect(after[0]!.ownerName).toBe("Emma Employee");
    // Put things back for the other tests.
    await db.prisma.grant.update({ where: { id: item!.grantId }, data: { revokedAt: null } });
    await db.prisma.grant.update({ where: { id: fresh.id }, data: { revokedAt: new Date() } });
  });

  it("refuses a used name, a past due date and an empty scope", async () => {
    const admin = await callerFor(people.admin!);
    const base = {
      dueDate: future,
      scope: scope(),
      reviewers: { first: { kind: "MANAGER" as const, userIds: [] }, second: null },
    };
    await admin.reviews.start({ ...base, name: "Unique name" });
    await expectError(
      admin.reviews.start({ ...base, name: "Unique name" }),
      "CONFLICT",
      /already exists/,
    );
    await expectError(
      admin.reviews.start({ ...base, name: "Past", dueDate: "2020-01-01" }),
      "BAD_REQUEST",
      /due date has passed/,
    );
    await expectError(
      admin.reviews.start({
        ...base,
        name: "Empty",
        scope: scope({ ownerlessOnly: true, accountTypes: ["SYSTEM"] }),
      }),
      "BAD_REQUEST",
      /holds no access to review/,
    );
  });
});

describe("deciding", () => {
  it("keeps, requires reasons, and lets exactly one of two reviewers win", async () => {
    const started = await start(
      { scope: scope({ appIds: [w.appA.id] }) },
      {
        first: { kind: "APP_OWNERS" },
      },
    );
    const items = await itemsOf(started.campaignId);
    const owner = await callerFor(people.appOwner!);
    const plain = items.find((i) => i.flags.includes("UNUSED"))!;
    const flagged = items.find((i) => i.flags.includes("OWNER_SUSPENDED"))!;

    await expectError(
      owner.reviews.decide({ itemId: flagged.id, decision: "keep" }),
      "BAD_REQUEST",
      /reason for keeping flagged access/,
    );
    await expectError(
      owner.reviews.decide({ itemId: plain.id, decision: "revoke" }),
      "BAD_REQUEST",
      /reason for revoking/,
    );
    await expectError(
      (await callerFor(people.member!)).reviews.decide({ itemId: plain.id, decision: "keep" }),
      "FORBIDDEN",
    );

    // The owner and a super admin decide the same item at once: one wins, one is told.
    const admin = await callerFor(people.admin!);
    const outcomes = await Promise.allSettled([
      owner.reviews.decide({ itemId: plain.id, decision: "keep", reason: "still used monthly" }),
      admin.reviews.decide({ itemId: plain.id, decision: "revoke", reason: "not needed" }),
    ]);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    const lost = outcomes.find((o) => o.status === "rejected") as PromiseRejectedResult;
    expect((lost.reason as TRPCError).code).toBe("CONFLICT");
    expect((lost.reason as TRPCError).message).toMatch(/already (kept|revoked) by/);

    const kept = await owner.reviews.decide({
      itemId: flagged.id,
      decision: "keep",
      reason: "Back from leave next week",
    });
    expect(kept).toMatchObject({ status: "done", outcome: "DONE" });
    const row = await itemById(flagged.id);
    expect(row).toMatchObject({ state: "KEPT", decidedById: people.appOwner!.id });
    expect(row.assignments.every((a) => !a.active)).toBe(true);
    const events = await db.prisma.event.findMany({
      where: { targetType: "ReviewItem", targetId: flagged.id },
    });
    expect(events.map((e) => [e.action, e.reason])).toEqual([
      ["review_item.kept", "Back from leave next week"],
    ]);
  });

  it("nobody reviews their own access", async () => {
    const started = await start(
      { scope: scope({ appIds: [w.appB.id] }) },
      {
        first: { kind: "USERS", userIds: [people.emp2!.id, people.boss!.id] },
      },
    );
    const [item] = await itemsOf(started.campaignId);
    expect(item!.assignments.map((a) => a.userId)).toEqual([people.boss!.id]);
    await expectError(
      (await callerFor(people.emp2!)).reviews.decide({ itemId: item!.id, decision: "keep" }),
      "FORBIDDEN",
      /own access/,
    );
  });

  it("Revoke opens a REVOKE request, and the campaign shows the removal once deprovisioned", async () => {
    const started = await start({ scope: scope({ appIds: [w.appB.id] }) });
    const [item] = await itemsOf(started.campaignId);
    const ben = await callerFor(people.boss2!);
    const queue = await ben.reviews.queue({ campaignId: started.campaignId });
    expect(queue.items.map((i) => i.id)).toEqual([item!.id]);
    const revoked = await ben.reviews.decide({
      itemId: item!.id,
      decision: "revoke",
      reason: "Moved to sales",
    });
    expect(revoked.revokeRequestId).toBeTruthy();
    const request = await db.prisma.request.findUniqueOrThrow({
      where: { id: revoked.revokeRequestId! },
      include: { tasks: true },
    });
    expect(request).toMatchObject({
      kind: "REVOKE",
      grantId: item!.grantId,
      requesterId: people.boss2!.id,
    });
    expect(request.reason).toContain("Moved to sales");

    const admin = await callerFor(people.admin!);
    let campaign = await admin.reviews.byId({ campaignId: started.campaignId });
    expect(campaign.counts).toMatchObject({ total: 1, revoked: 1, removal: { PENDING: 1 } });
    expect((await ben.reviews.queue({ campaignId: started.campaignId })).items).toEqual([]);

    const task = request.tasks.find((t) => t.kind === "DEPROVISION")!;
    await (
      await callerFor(people.deprov!)
    ).tasks.close({
      taskId: task.id,
      action: "mark_deprovisioned",
    });
    campaign = await admin.reviews.byId({ campaignId: started.campaignId });
    expect(campaign.counts.removal).toMatchObject({ PENDING: 0, REMOVED: 1 });
    const items = await admin.reviews.items({ campaignId: started.campaignId, filter: "removed" });
    expect(items.items.map((i) => [i.id, i.removal, i.decidedBy])).toEqual([
      [item!.id, "REMOVED", "Ben Boss"],
    ]);
    // Restore Emma's grant for the tests after this one.
    await db.prisma.grant.update({ where: { id: item!.grantId }, data: { revokedAt: null } });
  });

  it("a kept item goes to the second level, never to the one who kept it", async () => {
    const started = await start(
      { scope: scope({ appIds: [w.appB.id] }) },
      {
        first: { kind: "MANAGER" },
        second: { kind: "APP_OWNERS" },
      },
    );
    const [item] = await itemsOf(started.campaignId);
    await (await callerFor(people.boss2!)).reviews.decide({ itemId: item!.id, decision: "keep" });
    const row = await itemById(item!.id);
    expect(row).toMatchObject({ state: "PENDING", level: 2, firstDecidedById: people.boss2!.id });
    expect(row.assignments.filter((a) => a.active).map((a) => a.userId)).toEqual([
      people.appOwner!.id,
    ]);
    const level2 = await db.prisma.notification.findMany({
      where: { template: "review.assigned", recipientId: people.appOwner!.id, channel: "EMAIL" },
    });
    expect(level2.some((n) => (n.payload as { level: number }).level === 2)).toBe(true);
    await (
      await callerFor(people.appOwner!)
    ).reviews.decide({ itemId: item!.id, decision: "keep" });
    expect(await db.prisma.reviewItem.findUniqueOrThrow({ where: { id: item!.id } })).toMatchObject(
      {
        state: "KEPT",
        level: 2,
      },
    );
  });

  it("reassigns with a reason, and bulk decisions report each item", async () => {
    const started = await start(
      { scope: scope({ appIds: [w.appA.id] }) },
      {
        first: { kind: "APP_OWNERS" },
      },
    );
    const items = await itemsOf(started.campaignId);
    const owner = await callerFor(people.appOwner!);
    // The picker offers neither the account's owner nor who reviews it already.
    const eliItem = items.find((i) => i.ownerId === people.emp!.id)!;
    const offered = (await owner.reviews.reassignees({ itemIds: [eliItem.id] })).people.map(
      (p) => p.id,
    );
    expect(offered).toContain(people.member!.id);
    expect(offered).not.toContain(people.emp!.id);
    expect(offered).not.toContain(people.appOwner!.id);
    const eliOrMax = await owner.reviews.reassignees({ itemIds: [eliItem.id], search: "max" });
    expect(eliOrMax.people.map((p) => p.displayName)).toEqual(["Max Member"]);
    // A selection: Eli is the owner of one item only, so he may still take the others.
    const all = await owner.reviews.reassignees({ itemIds: items.map((i) => i.id) });
    expect(all.people.map((p) => p.id)).toContain(people.emp!.id);
    expect(all.people.map((p) => p.id)).not.toContain(people.appOwner!.id);
    // Someone who reviews none of them is told why, and offered nobody.
    const notMine = await (
      await callerFor(people.member!)
    ).reviews.reassignees({
      itemIds: [eliItem.id],
    });
    expect(notMine.people).toEqual([]);
    expect(notMine.blockedReason).toBeTruthy();
    await expectError(
      owner.reviews.reassign({ itemId: items[0]!.id, toUserId: people.member!.id }),
      "BAD_REQUEST",
      /reason for the reassignment/,
    );
    await owner.reviews.reassign({
      itemId: items[0]!.id,
      toUserId: people.member!.id,
      reason: "Max runs this team",
    });
    const max = await callerFor(people.member!);
    expect((await max.reviews.queue({})).items.map((i) => i.id)).toEqual([items[0]!.id]);
    expect((await max.me.openTaskCounts()).reviews).toBe(1);

    const result = await owner.reviews.bulk({
      itemIds: items.map((i) => i.id),
      decision: "keep",
      comment: "Quarterly check: all still needed",
    });
    // The reassigned one is not the owner's any more.
    expect(result.done).toBe(items.length - 1);
    expect(result.results[0]).toMatchObject({ status: "skipped", code: "FORBIDDEN" });
  });
});

describe("deleting", () => {
  it("a deleted campaign takes its items and assignments with it (no foreign keys to do it)", async () => {
    const started = await start();
    const before = await itemsOf(started.campaignId);
    expect(before.length).toBe(started.items);
    expect(before.flatMap((i) => i.assignments).length).toBeGreaterThan(0);
    const other = await start();
    await db.prisma.reviewCampaign.delete({ where: { id: started.campaignId } });
    expect(await db.prisma.reviewItem.count({ where: { campaignId: started.campaignId } })).toBe(0);
    expect(
      await db.prisma.reviewAssignment.count({ where: { campaignId: started.campaignId } }),
    ).toBe(0);
    // Another campaign's rows stay.
    expect((await itemsOf(other.campaignId)).length).toBe(other.items);
  });
});

describe("closing and the evidence", () => {
  it("close records undecided items as not reviewed, and the export holds every item", async () => {
    const started = await start(
      { scope: scope({ appIds: [w.appA.id] }) },
      {
        first: { kind: "APP_OWNERS" },
      },
    );
    const items = await itemsOf(started.campaignId);
    const owner = await callerFor(people.appOwner!);
    await owner.reviews.decide({ itemId: items[0]!.id, decision: "keep", reason: "ok" });
    await expectError(
      owner.reviews.close({ campaignId: started.campaignId }),
      "FORBIDDEN",
      /Only a super admin/,
    );
    const admin = await callerFor(people.admin!);
    expect(await admin.reviews.close({ campaignId: started.campaignId })).toEqual({
      notReviewed: items.length - 1,
    });
    await expectError(
      admin.reviews.close({ campaignId: started.campaignId }),
      "CONFLICT",
      /already closed/,
    );
    await expectError(
      owner.reviews.decide({ itemId: items[1]!.id, decision: "keep", reason: "late" }),
      "CONFLICT",
      /closed/,
    );
    expect((await owner.reviews.queue({ campaignId: started.campaignId })).items).toEqual([]);

    const actor = (await actorFor(db.prisma, people.auditor!.id))!;
    const file = await exportReviewCampaign(
      { db: db.prisma, actor, now: () => new Date() },
      started.campaignId,
      2,
    );
    let text = "";
    for await (const chunk of file.chunks) text += chunk;
    const lines = text.trim().split("\r\n");
    expect(lines).toHaveLength(items.length + 1);
    expect(lines[0]).toContain("Decision,Decided by,Decided at,Reason");
    expect(text).toContain("Kept,Olive Owner");
    expect(text.match(/Not reviewed/g)).toHaveLength(items.length - 1);
    expect(file.filename).toMatch(/^review-\d+-review-\d{4}-\d{2}-\d{2}\.csv$/);
  });

  it("auditors read campaigns; members do not; nobody sees another organization's", async () => {
    const started = await start({ scope: scope({ appIds: [w.appB.id] }) });
    const auditor = await callerFor(people.auditor!);
    expect((await auditor.reviews.list({})).items.length).toBeGreaterThan(0);
    expect((await auditor.reviews.byId({ campaignId: started.campaignId })).name).toBeTruthy();
    await expectError(auditor.reviews.close({ campaignId: started.campaignId }), "FORBIDDEN");
    await expectError(
      (await callerFor(people.member!)).reviews.byId({ campaignId: started.campaignId }),
      "FORBIDDEN",
    );
    const globex = await createOrganization(db.prisma, { name: "Globex", slug: "globex-reviews" });
    const outsider = await createUser(db.prisma, globex, { role: "SUPER_ADMIN" });
    await expectError(
      (await callerFor(outsider)).reviews.byId({ campaignId: started.campaignId }),
      "NOT_FOUND",
    );
  });
});

describe("bulk Revoke", () => {
  it("records the decisions at once; a background job opens each removal, once, and keeps a refusal on its item", async () => {
    const started = await start(
      { scope: scope({ appIds: [w.appA.id, w.appB.id] }) },
      { first: { kind: "APP_OWNERS" } },
    );
    const items = await itemsOf(started.campaignId);
    const owner = await callerFor(people.appOwner!);
    const betaItem = items.find((i) => i.appId === w.appB.id)!;
    const beta = await db.prisma.app.findUniqueOrThrow({ where: { id: w.appB.id } });
    const requestsBefore = await db.prisma.request.count({ where: { kind: "REVOKE" } });
    try {
      const result = await owner.reviews.bulk({
        itemIds: items.map((i) => i.id),
        decision: "revoke",
        comment: "Team disbanded",
      });
      expect(result.done).toBe(items.length);
      for (const r of result.results) {
        expect(r).toMatchObject({
          status: "done",
          outcome: "REVOKE_REQUEST",
          result: "Revoked; removal being requested",
          revokeRequestId: null,
        });
      }
      const admin = await callerFor(people.admin!);
      let campaign = await admin.reviews.byId({ campaignId: started.campaignId });
      expect(campaign.counts).toMatchObject({
        revoked: items.length,
        removal: { PENDING: items.length, ERRORED: 0 },
      });
      // No request yet: the job opens them.
      expect(await db.prisma.request.count({ where: { kind: "REVOKE" } })).toBe(requestsBefore);

      // Beta loses its revocation policy before the job runs: its item's removal is refused.
      await db.prisma.app.update({
        where: { id: w.appB.id },
        data: { defaultRevocationPolicyId: null },
      });
      const run = await runReviewRemovalJobs(db.prisma);
      expect(run).toMatchObject({ jobs: 1, requested: items.length - 1, refused: 1, skipped: 0 });
      for (const item of await itemsOf(started.campaignId)) {
        if (item.id === betaItem.id) {
          expect(item.revokeRequestId).toBeNull();
          expect(item.removalProblem).toMatch(/No revocation policy applies to Beta Admin/);
          continue;
        }
        const request = await db.prisma.request.findUniqueOrThrow({
          where: { id: item.revokeRequestId! },
          include: { tasks: true },
        });
        expect(request).toMatchObject({
          kind: "REVOKE",
          grantId: item.grantId,
          requesterId: people.appOwner!.id,
        });
        expect(request.reason).toContain("Team disbanded");
        expect(request.tasks.map((t) => t.kind)).toEqual(["DEPROVISION"]);
      }
      campaign = await admin.reviews.byId({ campaignId: started.campaignId });
      expect(campaign.counts.removal).toMatchObject({ PENDING: items.length - 1, ERRORED: 1 });
      const failed = await admin.reviews.items({
        campaignId: started.campaignId,
        filter: "removal_failed",
      });
      expect(failed.items.map((i) => [i.id, i.removal])).toEqual([[betaItem.id, "ERRORED"]]);
      expect(failed.items[0]!.removalProblem).toMatch(/No revocation policy/);
      const events = await db.prisma.event.findMany({
        where: { targetId: betaItem.id, action: "review_item.removal_refused" },
      });
      expect(events).toHaveLength(1);
      // Nothing twice: the queue is empty, and the same job run again changes nothing.
      expect(await runReviewRemovalJobs(db.prisma)).toMatchObject({ jobs: 0 });
      const again = await runReviewRemovals(db.prisma, {
        itemIds: items.map((i) => i.id),
        actorId: people.appOwner!.id,
      });
      expect(again).toEqual({ requested: 0, refused: 0, skipped: items.length });

      // With no policy at the time of the decision, the item is refused in the answer instead.
      const later = await start(
        { scope: scope({ appIds: [w.appB.id] }) },
        { first: { kind: "APP_OWNERS" } },
      );
      const [emma] = await itemsOf(later.campaignId);
      const refused = await owner.reviews.bulk({
        itemIds: [emma!.id],
        decision: "revoke",
        comment: "Team disbanded",
      });
      expect(refused.results[0]).toMatchObject({ status: "skipped", code: "BAD_REQUEST" });
      expect((await itemById(emma!.id)).state).toBe("PENDING");
      expect(await runReviewRemovalJobs(db.prisma)).toMatchObject({ jobs: 0 });
    } finally {
      await db.prisma.app.update({
        where: { id: w.appB.id },
        data: { defaultRevocationPolicyId: beta.defaultRevocationPolicyId },
      });
    }
  });
});
