import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, User } from "@lantern/db";
import {
  createAccount,
  createApp,
  createEntitlement,
  createOrganization,
  createPolicy,
  createRequestWithTasks,
  createUser,
} from "@lantern/seed";
import { createTestDatabase } from "@lantern/db/testing";
import { createContext } from "../context.ts";
import { freshSession } from "../testing.ts";
import { createCaller } from "../root.ts";

// "Send reminder" (tasks.remind) through the API on a real database: who may send one, the
// one-hour window (with the clock injected through the context), the outbox rows and the
// history event, closed tasks, and two simultaneous clicks.

let db: Database;
let org: { id: string };
const people: Record<string, User> = {};

/** 14:05 UTC on the day of the reminders issue; tests move the clock from here. */
const T0 = new Date("2026-11-22T14:05:00.000Z");
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);

async function callerFor(user: { id: string }, now: Date = T0) {
  return createCaller(
    await createContext({
      db: db.prisma,
      session: await freshSession(db.prisma, user.id),
      production: true,
      now: () => now,
    }),
  );
}

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

const reminders = (taskId: string) =>
  db.prisma.notification.findMany({
    where: { template: "task.reminder", payload: { path: ["taskId"], equals: taskId } },
    orderBy: [{ recipientId: "asc" }, { channel: "asc" }],
  });

let counter = 0;

/** A fresh open provisioning task of `requester`, assigned to `assignees`. */
async function openTask(assignees: User[] = [people.prov!, people.prov2!]) {
  counter += 1;
  const p = db.prisma;
  const policy = await createPolicy(p, org, { name: `Reminder policy ${counter}` });
  const app = await createApp(p, org, {
    name: `Reminded app ${counter}`,
    owners: [people.owner!],
    provisioners: assignees,
    defaultRequestPolicyId: policy.id,
  });
  const entitlement = await createEntitlement(p, app, {
    slug: "editor",
    displayName: `Editor ${counter}`,
  });
  const account = await createAccount(p, app, { owner: people.emp! });
  const { tasks } = await createRequestWithTasks(p, {
    requester: people.emp!,
    entitlement,
    account,
    policy,
    reason: "Quarterly planning",
    tasks: [{ kind: "PROVISION", assignees }],
  });
  return tasks[0]!;
}

beforeAll(async () => {
  db = await createTestDatabase();
  const p = db.prisma;
  org = await createOrganization(p, { name: "Acme", slug: "acme-reminders" });
  const other = await createOrganization(p, { name: "Globex", slug: "globex-reminders" });
  const person = (key: string, givenName: string, familyName: string, extra = {}) =>
    createUser(p, org, { givenName, familyName, ...extra }).then((u) => (people[key] = u));
  await person("admin", "Ada", "Admin", { role: "SUPER_ADMIN" });
  await person("emp", "Eli", "Employee");
  await person("owner", "Olive", "Owner");
  await person("prov", "Pat", "Lee");
  // Quinn turned Slack messages off: reminded by email only.
  await person("prov2", "Quinn", "Provisioner", { slackNotifications: false });
  await person("stranger", "Stan", "Stranger");
  await person("gone", "Gus", "Gone", { status: "SUSPENDED" });
  people.outsider = await createUser(p, other, {
    givenName: "Otto",
    familyName: "Outsider",
    role: "SUPER_ADMIN",
  });
});

afterAll(async () => {
  await db?.close();
});

describe("tasks.remind", () => {
  it("the requester reminds the assignees: one outbox row per assignee and channel, and an event", async () => {
    const task = await openTask();
    const result = await (await callerFor(people.emp!)).tasks.remind({ number: task.number });
    expect(result).toMatchObject({
      taskId: task.id,
      number: task.number,
      remindedAt: T0,
      availableAt: minutes(60),
      recipients: [
        { id: people.prov!.id, displayName: "Pat Lee" },
        { id: people.prov2!.id, displayName: "Quinn Provisioner" },
      ],
    });

    const rows = await reminders(task.id);
    expect(rows.map((r) => [r.recipientId, r.channel]).sort()).toEqual(
      [
        [people.prov!.id, "EMAIL"],
        [people.prov!.id, "SLACK"],
        [people.prov2!.id, "EMAIL"],
      ].sort(),
    );
    for (const row of rows) {
      expect(row.state).toBe("PENDING");
      expect(row.idempotencyKey).toBe(
        `task.reminder:${task.id}:reminder:${T0.getTime()}:${row.recipientId}:${row.channel}`,
      );
      expect(row.payload).toMatchObject({
        taskId: task.id,
        taskNumber: task.number,
        taskKind: "PROVISION",
        requestKind: "GRANT",
        appName: expect.stringMatching(/^Reminded app/),
        requesterName: "Eli Employee",
        reason: "Quarterly planning",
        remindedBy: "Eli Employee",
        openedAt: task.createdAt.toISOString(),
        path: `/tasks/${task.number}`,
      });
    }

    const events = await db.prisma.event.findMany({
      where: { taskId: task.id, action: "task.reminded" },
    });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      actorId: people.emp!.id,
      requestId: task.requestId,
      after: {
        lastRemindedAt: T0.toISOString(),
        remindedIds: [people.prov!.id, people.prov2!.id],
      },
    });
    const stored = await db.prisma.task.findUniqueOrThrow({ where: { id: task.id } });
    expect(stored.lastRemindedAt).toEqual(T0);
    expect(stored.version).toBe(task.version); // not a state change

    // The task page shows it: in the history, and when the next one can go.
    const page = await (
      await callerFor(people.emp!, minutes(12))
    ).tasks.byNumber({
      number: task.number,
    });
    expect(page.reminder).toEqual({
      allowed: true,
      reason: null,
      lastRemindedAt: T0,
      lastRemindedBy: {
        id: people.emp!.id,
        displayName: "Eli Employee",
        email: people.emp!.email,
      },
      availableAt: minutes(60),
    });
    expect(page.history.some((e) => e.action === "task.reminded")).toBe(true);
  });

  it("at most once an hour: a second reminder is refused, saying by whom and when; after the hour it goes", async () => {
    const task = await openTask();
    await (await callerFor(people.emp!)).tasks.remind({ number: task.number });
    const first = await reminders(task.id);

    const refused = await expectError(
      (await callerFor(people.owner!, minutes(12))).tasks.remind({ number: task.number }),
      "CONFLICT",
    );
    expect(refused.message).toBe(
      "A reminder was sent 12 minutes ago by Eli Employee; the next one can be sent in 48 minutes.",
    );
    expect(await reminders(task.id)).toHaveLength(first.length);
    await expectError(
      (await callerFor(people.emp!, minutes(59))).tasks.remind({ number: task.number }),
      "CONFLICT",
      /the next one can be sent in 1 minute\.$/,
    );
    expect(await reminders(task.id)).toHaveLength(first.length);
    expect(
      await db.prisma.event.count({ where: { taskId: task.id, action: "task.reminded" } }),
    ).toBe(1);

    // Exactly an hour later, an app owner sends the next one.
    const page = await (
      await callerFor(people.owner!, minutes(60))
    ).tasks.byNumber({
      number: task.number,
    });
    expect(page.reminder).toMatchObject({ allowed: true, availableAt: null });
    const again = await (
      await callerFor(people.owner!, minutes(60))
    ).tasks.remind({
      number: task.number,
    });
    expect(again.availableAt).toEqual(minutes(120));
    const all = await reminders(task.id);
    expect(all).toHaveLength(first.length * 2);
    expect(
      all.filter((r) => (r.payload as { remindedBy: string }).remindedBy === "Olive Owner"),
    ).toHaveLength(first.length);
  });

  it("a super admin may remind too", async () => {
    const task = await openTask();
    const result = await (await callerFor(people.admin!)).tasks.remind({ number: task.number });
    expect(result.recipients).toHaveLength(2);
  });

  it("an assignee or the person whose access it is cannot: the refusal names who can", async () => {
    const task = await openTask();
    const who =
      /^Only the requester, the app's owners and super admins can send a reminder about this task\.$/;
    await expectError(
      (await callerFor(people.prov!)).tasks.remind({ number: task.number }),
      "FORBIDDEN",
      who,
    );
    const page = await (await callerFor(people.prov!)).tasks.byNumber({ number: task.number });
    expect(page.reminder).toMatchObject({ allowed: false, reason: expect.stringMatching(who) });
    expect(await reminders(task.id)).toHaveLength(0);
  });

  it("a member who cannot see the task, or another organization, is told it does not exist", async () => {
    const task = await openTask();
    for (const person of [people.stranger!, people.outsider!]) {
      await expectError(
        (await callerFor(person)).tasks.remind({ number: task.number }),
        "NOT_FOUND",
      );
    }
    expect(await reminders(task.id)).toHaveLength(0);
  });

  it("a closed task cannot be reminded about: CONFLICT naming who completed it", async () => {
    const task = await openTask();
    await (
      await callerFor(people.prov!)
    ).tasks.close({ action: "mark_provisioned", taskId: task.id });
    await expectError(
      (await callerFor(people.emp!)).tasks.remind({ number: task.number }),
      "CONFLICT",
      /^Task #\d+ was already marked provisioned by Pat Lee\.$/,
    );
    const page = await (await callerFor(people.emp!)).tasks.byNumber({ number: task.number });
    expect(page.reminder.allowed).toBe(false);
    expect(await reminders(task.id)).toHaveLength(0);
  });

  it("reminds only active assignees other than the sender; refuses when nobody is left", async () => {
    const mixed = await openTask([people.prov!, people.gone!]);
    const result = await (await callerFor(people.emp!)).tasks.remind({ number: mixed.number });
    expect(result.recipients.map((r) => r.displayName)).toEqual(["Pat Lee"]);

    const onlyGone = await openTask([people.gone!]);
    await expectError(
      (await callerFor(people.emp!)).tasks.remind({ number: onlyGone.number }),
      "CONFLICT",
      /is active any more: reassign it instead/,
    );
    const ownersOwn = await openTask([people.owner!]);
    await expectError(
      (await callerFor(people.owner!)).tasks.remind({ number: ownersOwn.number }),
      "CONFLICT",
      /is assigned only to you: there is nobody to remind\.$/,
    );
    // A refused reminder does not use up the hour.
    expect(
      (await db.prisma.task.findUniqueOrThrow({ where: { id: ownersOwn.id } })).lastRemindedAt,
    ).toBeNull();
  });

  it("two simultaneous clicks send exactly one set of reminders", async () => {
    for (let round = 0; round < 5; round += 1) {
      const task = await openTask();
      const [a, b] = await Promise.all([callerFor(people.emp!), callerFor(people.owner!)]);
      const results = await Promise.allSettled([
        a.tasks.remind({ number: task.number }),
        b.tasks.remind({ number: task.number }),
      ]);
      const won = results.filter((r) => r.status === "fulfilled");
      const lost = results.filter((r) => r.status === "rejected");
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(1);
      const error = (lost[0] as PromiseRejectedResult).reason as TRPCError;
      expect(error.code).toBe("CONFLICT");
      expect(error.message).toMatch(
        /^A reminder was sent just now by (Eli Employee|Olive Owner); the next one can be sent in 60 minutes\.$/,
      );
      expect(await reminders(task.id)).toHaveLength(3);
      expect(
        await db.prisma.event.count({ where: { taskId: task.id, action: "task.reminded" } }),
      ).toBe(1);
    }
  });
});
