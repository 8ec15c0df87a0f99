import {
  QUEUES,
  type Account,
  type App,
  type Entitlement,
  type Organization,
  type User,
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
  type PolicyWithSteps,
  type TaskInput,
} from "@lantern/seed";
import { createTestDatabase, type TestDatabase } from "@lantern/db/testing";
import type { DailyDigestPayload, DigestTask, NotificationTaskKind } from "@lantern/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderNotification } from "../messages/render.ts";
import { DIGEST_TOP_TASKS, enqueueDailyDigests } from "./digest.ts";

// The daily digest (SPEC §6.1) over real rows made with the seed factories: who gets one,
// what it counts, which tasks it lists and how it names their subjects, and that it is
// enqueued once a day. Runs on an in-memory PGlite, or on scratch PostgreSQL with DATABASE_URL.

const NOW = new Date("2026-11-22T08:00:00.000Z");
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Open tasks are opened at BASE + n hours, n = 1..13. */
const BASE = new Date("2026-11-10T09:00:00.000Z");
const at = (hours: number) => new Date(BASE.getTime() + hours * HOUR);

let db: TestDatabase;
let acme: Organization;
let globex: Organization;
const people = {} as Record<
  "alex" | "bea" | "cal" | "dee" | "rita" | "olive" | "tara" | "gina",
  User
>;

/** What each open task of Alex's should look like in the digest, by createdAt hour. */
const expectedTasks: (DigestTask & { hours: number })[] = [];
const expectedCounts: Record<NotificationTaskKind, number> = {
  APPROVAL: 0,
  PROVISION: 0,
  DEPROVISION: 0,
};

interface TaskSpec {
  kind: NotificationTaskKind;
  hours: number;
  entitlement: Entitlement & { appName: string };
  /** The request's subject: an account, or a person without an account yet. */
  account?: Account;
  targetUser?: User;
  assignees?: User[];
  dueAt?: Date;
  /** Non-OPEN tasks are closed and never listed. */
  state?: TaskInput["state"];
  outcome?: TaskInput["outcome"];
  outcomeNote?: string;
  reassignTo?: User;
}

/** One request with one task, through the seed factories. */
async function task(org: Organization, policy: PolicyWithSteps, spec: TaskSpec) {
  const createdAt = at(spec.hours);
  const revoke = spec.kind === "DEPROVISION";
  const grant =
    revoke && spec.account
      ? await createGrant(db.prisma, spec.account, spec.entitlement, { grantedAt: at(-100) })
      : null;
  const assignees = spec.assignees ?? [people.alex];
  const { tasks } = await createRequestWithTasks(db.prisma, {
    kind: revoke ? "REVOKE" : "GRANT",
    requester: people.rita,
    entitlement: spec.entitlement,
    account: revoke ? undefined : (spec.account ?? null),
    targetUser: spec.targetUser ?? null,
    grant,
    policy,
    createdAt,
    tasks: [
      {
        kind: spec.kind,
        assignees,
        createdAt,
        dueAt: spec.dueAt ?? null,
        state: spec.state,
        outcome: spec.outcome,
        outcomeNote: spec.outcomeNote,
        reassignments: spec.reassignTo
          ? [{ from: assignees[0]!, to: spec.reassignTo, reason: "Out of office", at: createdAt }]
          : undefined,
      },
    ],
  });
  return tasks[0]!;
}

/** An open task of Alex's, recorded with how the digest should list it. */
async function openTaskOfAlex(spec: TaskSpec & { subject: string }) {
  const created = await task(acme, policyOf.acme!, spec);
  expectedCounts[spec.kind] += 1;
  expectedTasks.push({
    hours: spec.hours,
    number: created.number,
    kind: spec.kind,
    appName: spec.entitlement.appName,
    entitlementName: spec.entitlement.displayName,
    subject: spec.subject,
    openedAt: at(spec.hours).toISOString(),
    dueAt: spec.dueAt ? spec.dueAt.toISOString() : null,
    path: `/tasks/${created.number}`,
  });
}

const policyOf: Record<string, PolicyWithSteps> = {};

async function entitlementOf(app: App, displayName: string) {
  const entitlement = await createEntitlement(db.prisma, app, { displayName });
  return { ...entitlement, appName: app.name };
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
    familyName: string,
    extra: Parameters<typeof createUser>[2] = {},
  ) => {
    people[key] = await createUser(p, org, { givenName, familyName, ...extra });
  };
  await person("alex", acme, "Alex", "Assignee");
  await person("bea", acme, "Bea", "Suspended", { status: "SUSPENDED" });
  await person("cal", acme, "Cal", "Quiet", { emailNotifications: false });
  await person("dee", acme, "Dee", "Idle");
  await person("rita", acme, "Rita", "Requester");
  await person("olive", acme, "Olive", "Owner");
  await person("tara", acme, "Tara", "Target");
  await person("gina", globex, "Gina", "Globex");

  policyOf.acme = await createPolicy(p, acme, {
    name: "Manager then app owner",
    steps: [{ approverKind: "APP_OWNERS" }],
  });
  policyOf.globex = await createPolicy(p, globex, { name: "Straight to provisioning" });

  const app = (name: string) => createApp(p, acme, { name, owners: [people.olive] });
  const [salesforce, github, figma] = [
    await app("Salesforce"),
    await app("GitHub"),
    await app("Figma"),
  ];
  const sfAdmin = await entitlementOf(salesforce, "Admin");
  const sfReports = await entitlementOf(salesforce, "Reports Viewer");
  const ghMaintainer = await entitlementOf(github, "Maintainer");
  const figmaEditor = await entitlementOf(figma, "Editor");

  const account = (entitlement: Entitlement, fields: Parameters<typeof createAccount>[2]) =>
    createAccount(p, { id: entitlement.appId, organizationId: entitlement.organizationId }, fields);
  // Owned, with a login: "Olive Owner (oowner)".
  const sfOlive = await account(sfAdmin, { owner: people.olive, login: "oowner" });
  // Owned, no login: the owner's name and the account's first email.
  const figmaOlive = await account(figmaEditor, {
    owner: people.olive,
    login: null,
    emails: ["olive@figma-sso.acme.test", people.olive.email],
  });
  // Ownerless: the login, else the first email, else the account's display name.
  const sfService = await account(sfAdmin, { login: "svc-reporting", emails: [] });
  const ghBot = await account(ghMaintainer, {
    login: null,
    emails: ["ci-bot@acme.test", "ci@acme.test"],
    displayName: "CI Bot",
  });
  const ghRobot = await account(ghMaintainer, {
    login: null,
    emails: [],
    displayName: "Build Robot",
  });

  // Alex's open tasks: 5 approvals, 5 provisions, 3 deprovisions, created out of order
  // (task numbers do not follow createdAt), one shared with suspended Bea.
  const olive = "Olive Owner (oowner)";
  const oliveFigma = "Olive Owner (olive@figma-sso.acme.test)";
  const tara = "Tara Target";
  await openTaskOfAlex({
    kind: "APPROVAL",
    hours: 5,
    entitlement: sfAdmin,
    account: sfOlive,
    subject: olive,
    dueAt: at(72),
  });
  await openTaskOfAlex({
    kind: "PROVISION",
    hours: 2,
    entitlement: sfAdmin,
    targetUser: people.tara,
    subject: tara,
  });
  await openTaskOfAlex({
    kind: "DEPROVISION",
    hours: 9,
    entitlement: sfAdmin,
    account: sfService,
    subject: "svc-reporting",
  });
  await openTaskOfAlex({
    kind: "APPROVAL",
    hours: 1,
    entitlement: ghMaintainer,
    account: ghBot,
    subject: "ci-bot@acme.test",
  });
  await openTaskOfAlex({
    kind: "PROVISION",
    hours: 12,
    entitlement: ghMaintainer,
    account: ghRobot,
    subject: "Build Robot",
  });
  await openTaskOfAlex({
    kind: "DEPROVISION",
    hours: 3,
    entitlement: figmaEditor,
    account: figmaOlive,
    subject: oliveFigma,
    dueAt: at(30),
  });
  await openTaskOfAlex({
    kind: "APPROVAL",
    hours: 7,
    entitlement: figmaEditor,
    targetUser: people.tara,
    subject: tara,
  });
  await openTaskOfAlex({
    kind: "PROVISION",
    hours: 4,
    entitlement: sfReports,
    account: sfOlive,
    subject: olive,
    dueAt: at(50),
  });
  await openTaskOfAlex({
    kind: "APPROVAL",
    hours: 11,
    entitlement: sfReports,
    targetUser: people.tara,
    subject: tara,
  });
  await openTaskOfAlex({
    kind: "PROVISION",
    hours: 6,
    entitlement: figmaEditor,
    account: figmaOlive,
    subject: oliveFigma,
  });
  await openTaskOfAlex({
    kind: "DEPROVISION",
    hours: 8,
    entitlement: ghMaintainer,
    account: ghBot,
    subject: "ci-bot@acme.test",
  });
  await openTaskOfAlex({
    kind: "APPROVAL",
    hours: 10,
    entitlement: ghMaintainer,
    targetUser: people.tara,
    subject: tara,
    assignees: [people.alex, people.bea],
  });
  await openTaskOfAlex({
    kind: "PROVISION",
    hours: 13,
    entitlement: ghMaintainer,
    account: ghBot,
    subject: "ci-bot@acme.test",
  });

  // Older than all of them, so they would lead the list if counted: closed tasks, and a
  // task Alex was reassigned away from (to Cal, who takes no email).
  const closed = (spec: Omit<TaskSpec, "entitlement" | "targetUser">) =>
    task(acme, policyOf.acme!, { entitlement: sfAdmin, targetUser: people.tara, ...spec });
  await closed({ kind: "PROVISION", hours: -6, state: "DONE" });
  await closed({ kind: "APPROVAL", hours: -5, state: "DONE" });
  await closed({
    kind: "APPROVAL",
    hours: -5.5,
    state: "DONE",
    outcome: "DENIED",
    outcomeNote: "Not for contractors",
  });
  await closed({ kind: "PROVISION", hours: -4, state: "CANCELLED" });
  await closed({ kind: "PROVISION", hours: -3, state: "ERRORED", outcomeNote: "No licences left" });
  await closed({ kind: "PROVISION", hours: -2, reassignTo: people.cal });

  // Suspended Bea and email-less Cal have open tasks of their own; Dee has none.
  await task(acme, policyOf.acme!, {
    kind: "PROVISION",
    hours: -8,
    entitlement: sfAdmin,
    targetUser: people.tara,
    assignees: [people.bea],
  });
  await task(acme, policyOf.acme!, {
    kind: "APPROVAL",
    hours: -7,
    entitlement: ghMaintainer,
    targetUser: people.tara,
    assignees: [people.bea],
  });
  await task(acme, policyOf.acme!, {
    kind: "PROVISION",
    hours: -9,
    entitlement: figmaEditor,
    targetUser: people.tara,
    assignees: [people.cal],
  });

  // Another organization: Gina's two open tasks.
  const jira = await createApp(p, globex, { name: "Jira" });
  const jiraAdmin = await entitlementOf(jira, "Admin");
  const ginaAccount = await createAccount(p, jira, { owner: people.gina, login: "gina" });
  for (const hours of [1, 2]) {
    await createRequestWithTasks(p, {
      requester: people.gina,
      entitlement: jiraAdmin,
      account: ginaAccount,
      policy: policyOf.globex,
      createdAt: at(hours),
      tasks: [{ kind: "PROVISION", assignees: [people.gina], createdAt: at(hours) }],
    });
  }
});

afterAll(async () => {
  await db?.close();
});

async function digests() {
  return db.prisma.notification.findMany({
    where: { template: "digest.daily" },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
}

describe("enqueueDailyDigests", () => {
  let firstRun: number;
  beforeAll(async () => {
    firstRun = await enqueueDailyDigests(db.prisma, NOW);
  });

  it("enqueues one digest per active person with open tasks who takes email, in their organization", async () => {
    expect(firstRun).toBe(2);
    const rows = await digests();
    expect(rows.map((row) => row.recipientId).sort()).toEqual(
      [people.alex.id, people.gina.id].sort(),
    );
    for (const nobody of [people.bea, people.cal, people.dee, people.rita, people.olive]) {
      expect(rows.filter((row) => row.recipientId === nobody.id)).toEqual([]);
    }
    // Each with exactly one delivery job.
    const jobs = await db.sql.query<{ id: string }>(
      `SELECT data->>'notificationId' AS id FROM pgboss.job WHERE name = $1`,
      [QUEUES.deliver],
    );
    expect(jobs.map((job) => job.id).sort()).toEqual(rows.map((row) => row.id).sort());

    const alex = rows.find((row) => row.recipientId === people.alex.id)!;
    expect(alex).toMatchObject({
      organizationId: acme.id,
      channel: "EMAIL",
      state: "PENDING",
      attempts: 0,
      // Queued with its delivery job, in the digest's own transaction.
      queuedAt: NOW,
      idempotencyKey: `digest.daily:2026-11-22:${people.alex.id}:EMAIL`,
      nextAttemptAt: NOW,
      createdAt: NOW,
    });
    const gina = rows.find((row) => row.recipientId === people.gina.id)!;
    expect(gina.organizationId).toBe(globex.id);
    expect(gina.payload).toMatchObject({
      date: "2026-11-22",
      counts: { APPROVAL: 0, PROVISION: 2, DEPROVISION: 0 },
      total: 2,
    });
    const ginaTasks = (gina.payload as unknown as DailyDigestPayload).tasks;
    expect(ginaTasks.map((t) => [t.appName, t.subject, t.openedAt])).toEqual([
      ["Jira", "Gina Globex (gina)", at(1).toISOString()],
      ["Jira", "Gina Globex (gina)", at(2).toISOString()],
    ]);
  });

  it("counts every open task of Alex's per kind and lists the ten oldest, with their facts", async () => {
    const alex = (await digests()).find((row) => row.recipientId === people.alex.id)!;
    const payload = alex.payload as unknown as DailyDigestPayload;
    expect(expectedCounts).toEqual({ APPROVAL: 5, PROVISION: 5, DEPROVISION: 3 });
    expect(payload.date).toBe("2026-11-22");
    expect(payload.counts).toEqual(expectedCounts);
    expect(payload.total).toBe(13);

    const oldest = [...expectedTasks]
      .sort((a, b) => a.hours - b.hours)
      .slice(0, DIGEST_TOP_TASKS)
      .map(({ hours: _hours, ...listed }) => listed);
    expect(payload.tasks).toEqual(oldest);
    // Ordered by when they were opened, not by task number.
    const numbers = payload.tasks.map((t) => t.number);
    expect(numbers).not.toEqual([...numbers].sort((a, b) => a - b));
    expect(payload.tasks.map((t) => t.subject)).toEqual([
      "ci-bot@acme.test",
      "Tara Target",
      "Olive Owner (olive@figma-sso.acme.test)",
      "Olive Owner (oowner)",
      "Olive Owner (oowner)",
      "Olive Owner (olive@figma-sso.acme.test)",
      "Tara Target",
      "ci-bot@acme.test",
      "svc-reporting",
      "Tara Target",
    ]);
  });

  it("renders as the daily digest email and Slack message", async () => {
    const alex = (await digests()).find((row) => row.recipientId === people.alex.id)!;
    const payload = alex.payload as unknown as DailyDigestPayload;
    const rendered = await renderNotification("digest.daily", alex.payload, {
      recipientName: people.alex.displayName,
      recipientEmail: people.alex.email,
      organizationName: acme.name,
      baseUrl: "https://lantern.acme.test",
    });
    // The wording is the template's (snapshotted in emails); the total and the date are ours.
    expect(rendered.email.subject).toMatch(/\b13 open tasks\b.*Nov 22, 2026/);
    for (const listed of payload.tasks) {
      expect(rendered.email.text).toContain(`https://lantern.acme.test/tasks/${listed.number}`);
    }
    const unlisted = expectedTasks.filter((t) => !payload.tasks.some((l) => l.number === t.number));
    expect(unlisted).toHaveLength(3);
    for (const hidden of unlisted) {
      expect(rendered.email.text).not.toMatch(new RegExp(`/tasks/${hidden.number}\\b`));
    }
    expect(rendered.slack.text).toBeTruthy();
  });

  it("enqueues nothing more the same day, and again the next day", async () => {
    expect(await enqueueDailyDigests(db.prisma, new Date(NOW.getTime() + 3 * HOUR))).toBe(0);
    expect(await digests()).toHaveLength(2);

    const tomorrow = new Date(NOW.getTime() + DAY);
    expect(await enqueueDailyDigests(db.prisma, tomorrow)).toBe(2);
    const rows = await digests();
    expect(rows).toHaveLength(4);
    const alexTomorrow = rows.find(
      (row) => row.recipientId === people.alex.id && row.createdAt.getTime() === tomorrow.getTime(),
    )!;
    expect(alexTomorrow.idempotencyKey).toBe(`digest.daily:2026-11-23:${people.alex.id}:EMAIL`);
    expect(alexTomorrow.payload).toMatchObject({ date: "2026-11-23", total: 13 });
    expect(await enqueueDailyDigests(db.prisma, new Date(tomorrow.getTime() + HOUR))).toBe(0);
  });
});
