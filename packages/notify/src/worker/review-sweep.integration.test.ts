import {
  QUEUES,
  type Grant,
  type Notification,
  type Organization,
  type ReviewCampaignState,
  type ReviewItemState,
  type User,
} from "@lantern/db";
import { createTestDatabase, type TestDatabase } from "@lantern/db/testing";
import type { ReviewOverduePayload, ReviewReminderPayload } from "@lantern/domain";
import {
  createAccount,
  createApp,
  createEntitlement,
  createGrant,
  createOrganization,
  createUser,
} from "@lantern/seed";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderNotification } from "../messages/render.ts";
import { enqueueReviewReminders } from "./review-sweep.ts";

// The access reviews' sweep (SPEC §10) over real rows: people, an app and grants from the
// seed factories; campaigns, items and assignments inserted as rows (no review service
// exists in this package). Who is reminded, who hears of an overdue campaign, what the
// messages count, and that nobody hears anything twice. Runs on an in-memory PGlite, or on
// scratch PostgreSQL with DATABASE_URL.

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NOW = new Date("2026-12-01T10:00:00.000Z");
const days = (n: number) => new Date(NOW.getTime() + n * DAY);

let db: TestDatabase;
let acme: Organization;
let globex: Organization;
const people = {} as Record<
  // Reviewers: Rita takes email and Slack, Ed only email, Nia nothing; Sam is suspended; Lev
  // only has assignments that do not wait for him. Ada and Sue (Slack only) are super admins,
  // Sid a suspended one; Mo reviews, Aud audits; Gus is Globex's super admin.
  "rita" | "ed" | "nia" | "sam" | "lev" | "ada" | "sue" | "sid" | "mo" | "aud" | "gus",
  User
>;
const campaigns = {} as Record<
  | "soon"
  | "later"
  | "reminded"
  | "overdue"
  | "allDecided"
  | "escalated"
  | "closedSoon"
  | "closedLate"
  | "draft"
  | "globexLate",
  { id: string; name: string; dueAt: Date }
>;
/** Per organization: its Salesforce app and four live grants of its Admin entitlement. */
const appIdOf = new Map<string, string>();
const grantsOf = new Map<string, Grant[]>();

interface ItemSpec {
  state?: ReviewItemState;
  level?: number;
  /** Who reviews the item: `active` when it waits for them now. */
  reviewers: { user: User; active: boolean; level?: number; unassigned?: boolean }[];
}

interface CampaignSpec {
  name: string;
  state?: ReviewCampaignState;
  dueAt: Date;
  remindedAt?: Date;
  escalatedAt?: Date;
  /** Default: two weeks ago. */
  startedAt?: Date;
  items?: ItemSpec[];
}

/** A campaign with its items and assignments, as the review service would have written them. */
async function campaign(org: Organization, spec: CampaignSpec) {
  const p = db.prisma;
  const grants = grantsOf.get(org.id)!;
  const starter = org.id === acme.id ? people.ada : people.gus;
  const state = spec.state ?? "RUNNING";
  const items = spec.items ?? [];
  const row = await p.reviewCampaign.create({
    data: {
      organizationId: org.id,
      name: spec.name,
      dueAt: spec.dueAt,
      state,
      scope: { appIds: [grants[0]!.entitlementId], entitlementIds: [], filters: {} },
      reviewerPlan: { first: { kind: "NAMED", userIds: [] }, second: null },
      itemCount: items.length,
      createdById: starter.id,
      startedAt: state === "DRAFT" ? null : (spec.startedAt ?? days(-14)),
      closedAt: state === "CLOSED" ? days(-1) : null,
      closedById: state === "CLOSED" ? starter.id : null,
      remindedAt: spec.remindedAt ?? null,
      escalatedAt: spec.escalatedAt ?? null,
    },
  });
  for (const [position, item] of items.entries()) {
    const grant = grants[position % grants.length]!;
    const decided = item.state === "KEPT" || item.state === "REVOKED";
    const created = await p.reviewItem.create({
      data: {
        organizationId: org.id,
        campaignId: row.id,
        position,
        grantId: grant.id,
        accountId: grant.accountId,
        appId: appIdOf.get(org.id)!,
        entitlementId: grant.entitlementId,
        appName: "Salesforce",
        entitlementName: "Admin",
        accountLabel: `account-${position}`,
        accountType: "USER",
        ownerSource: "MATCHED",
        grantedAt: days(-200),
        state: item.state ?? "PENDING",
        level: item.level ?? 1,
        decidedById: decided ? item.reviewers[0]?.user.id : null,
        decidedAt: decided ? days(-3) : null,
      },
    });
    await p.reviewAssignment.createMany({
      data: item.reviewers.map((reviewer) => ({
        itemId: created.id,
        level: reviewer.level ?? 1,
        userId: reviewer.user.id,
        organizationId: org.id,
        campaignId: row.id,
        position,
        active: reviewer.active,
        assignedAt: days(-14),
        unassignedAt: reviewer.unassigned ? days(-5) : null,
        unassignedReason: reviewer.unassigned ? "Out of office" : null,
      })),
    });
  }
  return { id: row.id, name: row.name, dueAt: row.dueAt };
}

beforeAll(async () => {
  db = await createTestDatabase();
  const p = db.prisma;
  acme = await createOrganization(p, { name: "Acme" });
  globex = await createOrganization(p, { name: "Globex" });
  const person = async (
    key: keyof typeof people,
    org: Organization,
    givenName: string,
    extra: Parameters<typeof createUser>[2] = {},
  ) => {
    people[key] = await createUser(p, org, { givenName, familyName: "Test", ...extra });
  };
  await person("rita", acme, "Rita");
  await person("ed", acme, "Ed", { slackNotifications: false });
  await person("nia", acme, "Nia", { emailNotifications: false, slackNotifications: false });
  await person("sam", acme, "Sam", { status: "SUSPENDED" });
  await person("lev", acme, "Lev");
  await person("ada", acme, "Ada", { role: "SUPER_ADMIN" });
  await person("sue", acme, "Sue", { role: "SUPER_ADMIN", emailNotifications: false });
  await person("sid", acme, "Sid", { role: "SUPER_ADMIN", status: "SUSPENDED" });
  await person("mo", acme, "Mo");
  await person("aud", acme, "Aud", { role: "AUDITOR" });
  await person("gus", globex, "Gus", { role: "SUPER_ADMIN" });

  for (const org of [acme, globex]) {
    const app = await createApp(p, org, { name: "Salesforce" });
    appIdOf.set(org.id, app.id);
    const admin = await createEntitlement(p, app, { displayName: "Admin" });
    const grants: Grant[] = [];
    for (let n = 0; n < 4; n += 1) {
      const account = await createAccount(p, app, { login: `user-${n}` });
      grants.push(await createGrant(p, account, admin, { grantedAt: days(-200) }));
    }
    grantsOf.set(org.id, grants);
  }

  const { rita, ed, nia, sam, lev, mo, gus } = people;
  campaigns.soon = await campaign(acme, {
    name: "Due in two days",
    dueAt: days(2),
    items: [
      { reviewers: [{ user: rita, active: true }] },
      { reviewers: [{ user: rita, active: true }] },
      // Lev reviews it at level 2, once Rita keeps it: not waiting for him yet.
      {
        reviewers: [
          { user: rita, active: true },
          { user: lev, active: false, level: 2 },
        ],
      },
      { reviewers: [{ user: ed, active: true }] },
      { reviewers: [{ user: sam, active: true }] },
      { reviewers: [{ user: nia, active: true }] },
      // Decided: waits for nobody.
      { state: "KEPT", reviewers: [{ user: rita, active: false }] },
      // Reassigned from Lev to Ed.
      {
        reviewers: [
          { user: lev, active: false, unassigned: true },
          { user: ed, active: true },
        ],
      },
    ],
  });
  campaigns.later = await campaign(acme, {
    name: "Due in ten days",
    dueAt: days(10),
    items: [{ reviewers: [{ user: rita, active: true }] }],
  });
  campaigns.reminded = await campaign(acme, {
    name: "Reminded yesterday",
    dueAt: days(1),
    remindedAt: days(-1),
    items: [{ reviewers: [{ user: rita, active: true }] }],
  });
  campaigns.overdue = await campaign(acme, {
    name: "Due yesterday",
    dueAt: days(-1),
    items: [
      { reviewers: [{ user: mo, active: true }] },
      { reviewers: [{ user: mo, active: true }] },
      { level: 2, reviewers: [{ user: rita, active: true, level: 2 }] },
      { state: "KEPT", reviewers: [{ user: mo, active: false }] },
      { state: "KEPT", reviewers: [{ user: mo, active: false }] },
      { state: "REVOKED", reviewers: [{ user: mo, active: false }] },
    ],
  });
  campaigns.allDecided = await campaign(acme, {
    name: "Late but decided",
    dueAt: days(-2),
    items: [
      { state: "KEPT", reviewers: [{ user: mo, active: false }] },
      { state: "REVOKED", reviewers: [{ user: mo, active: false }] },
    ],
  });
  campaigns.escalated = await campaign(acme, {
    name: "Escalated already",
    dueAt: days(-3),
    escalatedAt: days(-2),
    items: [{ reviewers: [{ user: mo, active: true }] }],
  });
  campaigns.closedSoon = await campaign(acme, {
    name: "Closed, due tomorrow",
    state: "CLOSED",
    dueAt: days(1),
    items: [{ reviewers: [{ user: rita, active: true }] }],
  });
  campaigns.closedLate = await campaign(acme, {
    name: "Closed, due yesterday",
    state: "CLOSED",
    dueAt: days(-1),
    items: [{ reviewers: [{ user: rita, active: true }] }],
  });
  campaigns.draft = await campaign(acme, { name: "Draft", state: "DRAFT", dueAt: days(1) });
  campaigns.globexLate = await campaign(globex, {
    name: "Globex, due yesterday",
    dueAt: days(-1),
    items: [{ reviewers: [{ user: gus, active: true }] }, { state: "KEPT", reviewers: [] }],
  });
});

afterAll(async () => {
  await db?.close();
});

async function rows(template: "review.reminder" | "review.overdue"): Promise<Notification[]> {
  return db.prisma.notification.findMany({
    where: { template },
    orderBy: [{ createdAt: "asc" }, { idempotencyKey: "asc" }],
  });
}

/** "Rita EMAIL", in a stable order, for comparing who got what. */
function recipients(list: Notification[]): string[] {
  const names = new Map(Object.values(people).map((u) => [u.id, u.givenName]));
  return list.map((row) => `${names.get(row.recipientId)} ${row.channel}`).sort();
}

async function stamps(campaign: { id: string }) {
  return db.prisma.reviewCampaign.findUniqueOrThrow({
    where: { id: campaign.id },
    select: { remindedAt: true, escalatedAt: true },
  });
}

describe("enqueueReviewReminders", () => {
  let first: Awaited<ReturnType<typeof enqueueReviewReminders>>;
  beforeAll(async () => {
    first = await enqueueReviewReminders(db.prisma, NOW);
  });

  it("reminds each active reviewer of a campaign due soon once, on the channels they take", async () => {
    const reminders = await rows("review.reminder");
    // Not Sam (suspended), Nia (no channel), Lev (nothing waits for him), Mo (his campaign
    // is overdue, not due soon), and nobody of the other campaigns.
    expect(recipients(reminders)).toEqual(["Ed EMAIL", "Rita EMAIL", "Rita SLACK"]);
    expect(first).toMatchObject({ reminders: 3, remindedCampaigns: 1 });

    const rita = reminders.find((r) => r.recipientId === people.rita.id && r.channel === "EMAIL")!;
    expect(rita).toMatchObject({
      organizationId: acme.id,
      state: "PENDING",
      idempotencyKey: `review.reminder:${campaigns.soon.id}:${people.rita.id}:EMAIL`,
      nextAttemptAt: NOW,
      queuedAt: NOW,
      createdAt: NOW,
    });
    expect(rita.payload).toEqual({
      campaignId: campaigns.soon.id,
      campaignName: "Due in two days",
      dueAt: days(2).toISOString(),
      path: `/reviews/queue?campaign=${campaigns.soon.id}`,
      pendingCount: 3,
    } satisfies ReviewReminderPayload);
    const ed = reminders.find((r) => r.recipientId === people.ed.id)!;
    // The item reassigned to him counts; the decided one and Lev's level 2 do not.
    expect((ed.payload as unknown as ReviewReminderPayload).pendingCount).toBe(2);
  });

  it("tells every active super admin of the organization about an overdue campaign, with its counts", async () => {
    const overdue = await rows("review.overdue");
    // Not Sid (suspended), not Sue by email (off), not reviewers, the auditor or members.
    expect(recipients(overdue)).toEqual([
      "Ada EMAIL",
      "Ada SLACK",
      "Gus EMAIL",
      "Gus SLACK",
      "Sue SLACK",
    ]);
    expect(first).toMatchObject({ overdue: 5, escalatedCampaigns: 2 });

    const ada = overdue.filter((r) => r.recipientId === people.ada.id);
    for (const row of ada) {
      expect(row.organizationId).toBe(acme.id);
      expect(row.idempotencyKey).toBe(
        `review.overdue:${campaigns.overdue.id}:${people.ada.id}:${row.channel}`,
      );
      expect(row.payload).toEqual({
        campaignId: campaigns.overdue.id,
        campaignName: "Due yesterday",
        dueAt: days(-1).toISOString(),
        path: `/reviews/${campaigns.overdue.id}`,
        pendingCount: 3,
        decidedCount: 3,
        totalCount: 6,
      } satisfies ReviewOverduePayload);
    }
    const gus = overdue.find((r) => r.recipientId === people.gus.id)!;
    expect(gus.organizationId).toBe(globex.id);
    expect(gus.payload).toMatchObject({
      campaignId: campaigns.globexLate.id,
      pendingCount: 1,
      decidedCount: 1,
      totalCount: 2,
    });
  });

  it("stamps the campaigns it handled and leaves the others alone", async () => {
    expect(await stamps(campaigns.soon)).toEqual({ remindedAt: NOW, escalatedAt: null });
    expect(await stamps(campaigns.overdue)).toEqual({ remindedAt: null, escalatedAt: NOW });
    expect(await stamps(campaigns.globexLate)).toEqual({ remindedAt: null, escalatedAt: NOW });
    expect(await stamps(campaigns.reminded)).toEqual({ remindedAt: days(-1), escalatedAt: null });
    expect(await stamps(campaigns.escalated)).toEqual({ remindedAt: null, escalatedAt: days(-2) });
    for (const untouched of [
      campaigns.later,
      campaigns.allDecided,
      campaigns.closedSoon,
      campaigns.closedLate,
      campaigns.draft,
    ]) {
      expect(await stamps(untouched)).toEqual({ remindedAt: null, escalatedAt: null });
    }
  });

  it("queues one delivery job per message, in its own transaction", async () => {
    const written = [...(await rows("review.reminder")), ...(await rows("review.overdue"))];
    const jobs = await db.sql.query<{ id: string }>(
      `SELECT data->>'notificationId' AS id FROM pgboss.job WHERE name = $1`,
      [QUEUES.deliver],
    );
    expect(jobs.map((job) => job.id).sort()).toEqual(written.map((row) => row.id).sort());
  });

  it("writes messages that render as the review emails and Slack messages", async () => {
    const context = {
      recipientName: people.rita.displayName,
      recipientEmail: people.rita.email,
      organizationName: acme.name,
      baseUrl: "https://lantern.acme.test",
    };
    const [reminder] = (await rows("review.reminder")).filter(
      (r) => r.recipientId === people.rita.id,
    );
    const remind = await renderNotification("review.reminder", reminder!.payload, context);
    expect(remind.email.subject).toBe(
      "Reminder: Access review: Due in two days (3 items left, due Dec 3, 2026)",
    );
    expect(remind.email.text).toContain(
      `https://lantern.acme.test/reviews/queue?campaign=${campaigns.soon.id}`,
    );
    const [late] = (await rows("review.overdue")).filter((r) => r.recipientId === people.ada.id);
    const escalate = await renderNotification("review.overdue", late!.payload, context);
    expect(escalate.email.subject).toBe(
      "Access review overdue: Due yesterday (3 of 6 items undecided)",
    );
    expect(escalate.slack.text).toContain(
      `https://lantern.acme.test/reviews/${campaigns.overdue.id}`,
    );
  });

  it("enqueues nothing on the next run, nor when a stamp was lost: the keys hold", async () => {
    const before = await db.prisma.notification.count();
    expect(await enqueueReviewReminders(db.prisma, new Date(NOW.getTime() + HOUR))).toEqual({
      reminders: 0,
      remindedCampaigns: 0,
      overdue: 0,
      escalatedCampaigns: 0,
    });
    await db.prisma.reviewCampaign.update({
      where: { id: campaigns.soon.id },
      data: { remindedAt: null },
    });
    await db.prisma.reviewCampaign.update({
      where: { id: campaigns.overdue.id },
      data: { escalatedAt: null },
    });
    const again = new Date(NOW.getTime() + 2 * HOUR);
    expect(await enqueueReviewReminders(db.prisma, again)).toEqual({
      reminders: 0,
      remindedCampaigns: 1,
      overdue: 0,
      escalatedCampaigns: 1,
    });
    expect(await db.prisma.notification.count()).toBe(before);
    expect(await stamps(campaigns.soon)).toEqual({ remindedAt: again, escalatedAt: null });
  });

  it("reminds of a later campaign once it comes within the window, and escalates what ran late", async () => {
    const later = days(8);
    // Two sweeps at once (two workers): each message is written once.
    const [a, b] = await Promise.all([
      enqueueReviewReminders(db.prisma, later),
      enqueueReviewReminders(db.prisma, later),
    ]);
    const total = (key: keyof typeof a) => a[key] + b[key];
    // "Due in ten days" reaches Rita; "Due in two days" and "Reminded yesterday" are overdue
    // now with items undecided, so Ada (twice) and Sue hear of each.
    expect(total("reminders")).toBe(2);
    expect(total("remindedCampaigns")).toBe(1);
    expect(total("overdue")).toBe(6);
    expect(total("escalatedCampaigns")).toBe(2);

    const reminders = (await rows("review.reminder")).filter(
      (r) => r.createdAt.getTime() === later.getTime(),
    );
    expect(recipients(reminders)).toEqual(["Rita EMAIL", "Rita SLACK"]);
    expect(reminders[0]!.payload).toMatchObject({
      campaignId: campaigns.later.id,
      pendingCount: 1,
    });
    const overdue = (await rows("review.overdue")).filter(
      (r) => r.createdAt.getTime() === later.getTime(),
    );
    expect(
      overdue.map((r) => (r.payload as unknown as ReviewOverduePayload).campaignName).sort(),
    ).toEqual([
      ...Array<string>(3).fill("Due in two days"),
      ...Array<string>(3).fill("Reminded yesterday"),
    ]);
    expect(await enqueueReviewReminders(db.prisma, new Date(later.getTime() + HOUR))).toEqual({
      reminders: 0,
      remindedCampaigns: 0,
      overdue: 0,
      escalatedCampaigns: 0,
    });
  });

  it("waits a day before reminding the reviewers of a campaign that has just started", async () => {
    const started = days(20);
    const fresh = await campaign(acme, {
      name: "Started an hour before the sweep",
      startedAt: started,
      dueAt: days(22),
      items: [{ reviewers: [{ user: people.rita!, active: true }] }],
    });
    const first = await enqueueReviewReminders(db.prisma, new Date(started.getTime() + HOUR));
    expect(first.reminders).toBe(0);
    const nextDay = await enqueueReviewReminders(
      db.prisma,
      new Date(started.getTime() + 25 * HOUR),
    );
    expect(nextDay).toMatchObject({ reminders: 2, remindedCampaigns: 1 });
    const rows = await db.prisma.notification.findMany({
      where: { template: "review.reminder", recipientId: people.rita!.id },
    });
    expect(
      rows.filter((r) => (r.payload as { campaignId: string }).campaignId === fresh.id),
    ).toHaveLength(2);
  });
});
