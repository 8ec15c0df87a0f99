import {
  connectPostgres,
  QUEUES,
  type Database,
  type Notification,
  type Organization,
  type Prisma,
  type User,
} from "@lantern/db";
import { createOrganization, createUser } from "@lantern/seed";
import { createTestDatabase, type TestDatabase } from "@lantern/db/testing";
import type { NotificationTemplate } from "@lantern/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadNotifyConfig } from "../config.ts";
import { fixtureContext, notificationFixtures } from "../messages/fixtures.ts";
import { InvalidNotificationError, renderNotification } from "../messages/render.ts";
import {
  startFakeSlack,
  startSmtpSink,
  type CapturedMail,
  type FakeSlack,
  type SmtpSink,
} from "../testing/index.ts";
import { createMailer, type EmailMessage, type Mailer } from "../transports/email.ts";
import { IDEMPOTENCY_HEADER, messageIdFor } from "../transports/idempotency.ts";
import { queueDeliveries, queueStrandedNotifications } from "./outbox.ts";
import {
  startNotificationWorker,
  type NotificationWorker,
  type NotificationWorkerOptions,
} from "./worker.ts";

// The delivery worker against a real database (in-memory PGlite, or scratch PostgreSQL with
// DATABASE_URL): outbox rows written with their delivery jobs as the services write them, pg-boss, and the
// transports pointed at a real SMTP server and a fake Slack on 127.0.0.1. What happens to
// rows whose recipient changed after they were queued, rows that can never render, stale
// Slack ids, deliveries that hang until the queue gives up, and several workers at once.
// (The flows from a change in the product to an email are tested in packages/api.)

const PUBLIC_URL = "https://lantern.acme.test";

/** Fast polling and retries, so each test settles in seconds. */
const fast = {
  publicUrl: PUBLIC_URL,
  pollingIntervalSeconds: 0.5,
  retryDelaySeconds: 1,
  maintenanceIntervalSeconds: 1,
  digestCron: null,
  log: () => {},
} satisfies Partial<NotificationWorkerOptions>;

let db: TestDatabase;
let smtp: SmtpSink;
let slack: FakeSlack;

beforeAll(async () => {
  db = await createTestDatabase();
  [smtp, slack] = await Promise.all([startSmtpSink(), startFakeSlack()]);
});

afterAll(async () => {
  await Promise.all([smtp?.close(), slack?.close()]);
  await db?.close();
});

const smtpConfig = () => loadNotifyConfig({ SMTP_URL: smtp.url });
const smtpAndSlackConfig = () =>
  loadNotifyConfig({ SMTP_URL: smtp.url, SLACK_BOT_TOKEN: slack.token, SLACK_API_URL: slack.url });

async function withWorker<T>(
  options: Omit<NotificationWorkerOptions, "database" | "publicUrl">,
  fn: (worker: NotificationWorker) => Promise<T>,
): Promise<T> {
  const worker = await startNotificationWorker({ database: db, ...fast, ...options });
  try {
    return await fn(worker);
  } finally {
    await worker.stop();
  }
}

/** Polls until `probe` answers something truthy; a deadline, not a timing assertion. */
async function until<T>(
  what: string,
  probe: () => Promise<T | null | undefined | false>,
  timeoutMs = 45_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

let keySeq = 0;

/** An outbox row as the services write it: a fixture payload unless one is given. */
function outboxRow(
  org: Organization,
  recipient: User,
  template: string,
  fields: Partial<Prisma.NotificationCreateManyInput> = {},
): Prisma.NotificationCreateManyInput {
  keySeq += 1;
  return {
    organizationId: org.id,
    recipientId: recipient.id,
    channel: "EMAIL",
    template,
    payload: (notificationFixtures[template as NotificationTemplate] ??
      {}) as unknown as Prisma.InputJsonValue,
    idempotencyKey: `worker-test:${template}:${keySeq}:${recipient.id}:${fields.channel ?? "EMAIL"}`,
    ...fields,
  };
}

/**
 * Writes outbox rows and their delivery jobs in one transaction, as the services do; with
 * `queued: false`, rows alone, as a Lantern from before the job queue left them.
 */
async function insertRows(
  rows: Prisma.NotificationCreateManyInput[],
  database: Pick<Database, "prisma"> = db,
  { queued = true }: { queued?: boolean } = {},
): Promise<Notification[]> {
  const created = await database.prisma.$transaction(async (tx) => {
    const written = await tx.notification.createManyAndReturn({
      data: rows.map((row) => ({ ...row, queuedAt: queued ? new Date() : null })),
    });
    if (queued) await queueDeliveries(tx, written);
    return written;
  });
  const byKey = new Map(created.map((row) => [row.idempotencyKey, row]));
  return rows.map((row) => byKey.get(row.idempotencyKey)!);
}

/** How many delivery jobs pg-boss holds for each of `ids` that has one. */
async function deliveryJobCounts(ids: string[]) {
  return db.sql.query<{ id: string; jobs: number; later: boolean }>(
    `SELECT data->>'notificationId' AS id, count(*)::int AS jobs,
            bool_or(start_after > now() + interval '30 minutes') AS later
       FROM pgboss.job
      WHERE name = $1 AND data->>'notificationId' = ANY($2::text[])
      GROUP BY 1`,
    [QUEUES.deliver, ids],
  );
}

async function reload(
  rows: { id: string }[],
  database: Pick<Database, "prisma"> = db,
): Promise<Notification[]> {
  const found = await database.prisma.notification.findMany({
    where: { id: { in: rows.map((row) => row.id) } },
  });
  const byId = new Map(found.map((row) => [row.id, row]));
  return rows.map((row) => byId.get(row.id)!);
}

/** Waits until none of `rows` is PENDING any more. */
function settled(
  rows: { id: string }[],
  database: Pick<Database, "prisma"> = db,
  timeoutMs?: number,
): Promise<Notification[]> {
  return until(
    `${rows.length} notification(s) to settle`,
    async () => {
      const current = await reload(rows, database);
      return current.every((row) => row.state !== "PENDING") && current;
    },
    timeoutMs,
  );
}

/** The delivery jobs pg-boss holds for a notification. */
async function jobsOf(notificationId: string) {
  return db.sql.query<{ state: string; retry_count: number }>(
    `SELECT state::text AS state, retry_count FROM pgboss.job
      WHERE name = $1 AND data->>'notificationId' = $2`,
    [QUEUES.deliver, notificationId],
  );
}

const keyOf = (mail: CapturedMail) => mail.headers[IDEMPOTENCY_HEADER.toLowerCase()];
const mailsWithKey = (key: string) => smtp.messages.filter((mail) => keyOf(mail) === key);

async function newOrganization(name: string) {
  return createOrganization(db.prisma, { name });
}

describe.runIf(process.env.DATABASE_URL)("two workers on one PostgreSQL database", () => {
  it("start together on a new database and deliver 200 emails between them, each once", async () => {
    // A database of its own: the two workers' first start on it happens at the same moment.
    const fresh = await createTestDatabase();
    const workers: NotificationWorker[] = [];
    let second: Database | null = null;
    try {
      // The second worker has its own connection pool, as a second process would.
      second = await connectPostgres(fresh.url!, 5);
      const org = await createOrganization(fresh.prisma, { name: "Two Workers" });
      const recipients = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          createUser(fresh.prisma, org, { givenName: "Person", familyName: `Number${i}` }),
        ),
      );
      const templates = Object.keys(notificationFixtures);
      const rows = await insertRows(
        Array.from({ length: 200 }, (_, i) =>
          outboxRow(org, recipients[i % recipients.length]!, templates[i % templates.length]!),
        ),
        fresh,
      );

      const config = smtpConfig();
      let sends = 0;
      const countingMailer = (database: Database): Mailer => {
        const mailer = createMailer(config, { prisma: database.prisma });
        return {
          ...mailer,
          sendEmail: (message: EmailMessage) => {
            sends += 1;
            return mailer.sendEmail(message);
          },
        };
      };
      // Started at the same moment, as two processes of one deployment would be.
      const started = await Promise.allSettled(
        [fresh, second].map((database: Database) =>
          startNotificationWorker({ ...fast, database, config, mailer: countingMailer(database) }),
        ),
      );
      for (const result of started) if (result.status === "fulfilled") workers.push(result.value);
      for (const result of started) if (result.status === "rejected") throw result.reason;

      const done = await settled(rows, fresh, 100_000);
      expect(done.map((row) => row.state)).toEqual(rows.map(() => "SENT"));
      const keys = new Set(rows.map((row) => row.idempotencyKey));
      const received = smtp.messages.filter((mail) => keys.has(keyOf(mail) ?? ""));
      expect(received).toHaveLength(200);
      expect(new Set(received.map(keyOf)).size).toBe(200);
      for (const row of done) {
        const [mail] = mailsWithKey(row.idempotencyKey);
        expect(mail!.messageId).toBe(messageIdFor(row.idempotencyKey));
        expect(row.providerMessageId).toBe(mail!.messageId);
        expect(row.attempts).toBe(1);
      }
      // Not one send was attempted twice.
      expect(sends).toBe(200);
    } finally {
      await Promise.all(workers.map((worker) => worker.stop()));
      await second?.close();
      await fresh.close();
    }
  }, 120_000);
});

describe("delivery jobs", () => {
  it("are enqueued with their rows, one each, and not when the writing transaction rolls back", async () => {
    const org = await newOrganization("Jobs With Rows");
    const person = await createUser(db.prisma, org);
    const rows = await insertRows(
      Array.from({ length: 30 }, () => outboxRow(org, person, "task.assigned")),
    );
    // A row due later (a retry at a set time) gets a job that starts then.
    const [later] = await insertRows([
      outboxRow(org, person, "task.assigned", { nextAttemptAt: new Date(Date.now() + 3_600_000) }),
    ]);
    // A change that fails after writing its outbox rows leaves neither rows nor jobs.
    const doomed = outboxRow(org, person, "task.assigned");
    await expect(
      db.prisma.$transaction(async (tx) => {
        const written = await tx.notification.createManyAndReturn({ data: [doomed] });
        await queueDeliveries(tx, written);
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(
      await db.prisma.notification.count({ where: { idempotencyKey: doomed.idempotencyKey } }),
    ).toBe(0);

    const counts = await deliveryJobCounts([...rows, later!].map((row) => row.id));
    expect(counts).toHaveLength(31);
    expect(counts.every((row) => row.jobs === 1)).toBe(true);
    expect(counts.filter((row) => row.later).map((row) => row.id)).toEqual([later!.id]);
    await db.sql.query(
      `DELETE FROM pgboss.job WHERE name = $1 AND data->>'notificationId' = ANY($2::text[])`,
      [QUEUES.deliver, [...rows, later!].map((row) => row.id)],
    );
    await db.prisma.notification.updateMany({
      where: { organizationId: org.id },
      data: { state: "SKIPPED", lastError: "test cleanup" },
    });
  });

  it("are given exactly once to rows left without one, however many workers start at once", async () => {
    const org = await newOrganization("Stranded Rows");
    const person = await createUser(db.prisma, org);
    const rows = await insertRows(
      Array.from({ length: 300 }, () => outboxRow(org, person, "task.assigned")),
      db,
      { queued: false },
    );
    // PostgreSQL: two connection pools, as two processes; PGlite: one session.
    const second: Database | null = db.url ? await connectPostgres(db.url, 5) : null;
    const sessions = second ? [db, second] : [db];
    try {
      const queued = await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          queueStrandedNotifications(sessions[i % sessions.length]!.prisma),
        ),
      );
      expect(queued.reduce((sum, n) => sum + n, 0)).toBe(300);
      const counts = await deliveryJobCounts(rows.map((row) => row.id));
      expect(counts).toHaveLength(300);
      expect(counts.every((row) => row.jobs === 1)).toBe(true);
      expect((await reload(rows)).every((row) => row.queuedAt !== null)).toBe(true);
      // Nothing left: a second round finds nothing.
      expect(await queueStrandedNotifications(db.prisma)).toBe(0);
    } finally {
      await second?.close();
      // Leave no jobs behind for the workers of the tests that follow.
      await db.sql.query(
        `DELETE FROM pgboss.job WHERE name = $1 AND data->>'notificationId' = ANY($2::text[])`,
        [QUEUES.deliver, rows.map((row) => row.id)],
      );
      await db.prisma.notification.updateMany({
        where: { organizationId: org.id },
        data: { state: "SKIPPED", lastError: "test cleanup" },
      });
    }
  });
});

describe("a recipient who changed after the notification was queued", () => {
  it("is skipped with the reason, and nothing is sent", async () => {
    const org = await newOrganization("Changed Recipients");
    const person = (givenName: string, extra: Parameters<typeof createUser>[2] = {}) =>
      createUser(db.prisma, org, { givenName, familyName: "Changed", ...extra });
    const suspended = await person("Sue");
    const deprovisioned = await person("Dora");
    const noEmail = await person("Pete");
    const noSlack = await person("Sid", { slackUserId: "U0SID", slackLookupAt: new Date() });
    const control = await person("Carl");
    slack.users.set(noSlack.email, "U0SID");
    const rows = await insertRows([
      outboxRow(org, suspended, "task.assigned"),
      outboxRow(org, deprovisioned, "request.completed"),
      outboxRow(org, noEmail, "task.reminder"),
      outboxRow(org, noSlack, "task.assigned", { channel: "SLACK" }),
      outboxRow(org, control, "task.assigned"),
    ]);

    // Queued with their rows: no worker has seen them yet.
    expect((await reload(rows)).every((row) => row.queuedAt !== null)).toBe(true);
    await db.prisma.user.update({ where: { id: suspended.id }, data: { status: "SUSPENDED" } });
    await db.prisma.user.update({
      where: { id: deprovisioned.id },
      data: { status: "DEPROVISIONED" },
    });
    await db.prisma.user.update({ where: { id: noEmail.id }, data: { emailNotifications: false } });
    await db.prisma.user.update({ where: { id: noSlack.id }, data: { slackNotifications: false } });

    const slackBefore = slack.messages.length;
    const done = await withWorker({ config: smtpAndSlackConfig() }, () => settled(rows));
    expect(done.map((row) => [row.state, row.lastError, row.attempts])).toEqual([
      ["SKIPPED", "Sue Changed is suspended in Lantern.", 0],
      ["SKIPPED", "Dora Changed is deprovisioned in Lantern.", 0],
      ["SKIPPED", "Pete Changed turned email notifications off.", 0],
      ["SKIPPED", "Sid Changed turned Slack notifications off.", 0],
      ["SENT", null, 1],
    ]);
    for (const skipped of done.slice(0, 4)) {
      expect(skipped.failedAt).not.toBeNull();
      expect(skipped.sentAt).toBeNull();
      expect(mailsWithKey(skipped.idempotencyKey)).toEqual([]);
    }
    expect(slack.messages.length).toBe(slackBefore);
    expect(mailsWithKey(done[4]!.idempotencyKey)).toHaveLength(1);
  });
});

describe("a notification that can never render", () => {
  it("fails at once with the renderer's reason, without an attempt or a retry", async () => {
    const org = await newOrganization("Invalid Payloads");
    const person = await createUser(db.prisma, org);
    const { appName: _appName, ...withoutApp } = notificationFixtures["task.assigned"];
    const digest = notificationFixtures["digest.daily"];
    const offsite = {
      ...digest,
      tasks: digest.tasks.map((task, i) => (i === 1 ? { ...task, path: "//evil.test/x" } : task)),
    };
    const invalid: [string, unknown][] = [
      ["task.assigned", withoutApp],
      ["task.exploded", notificationFixtures["task.assigned"]],
      ["digest.daily", offsite],
      ["request.denied", { ...notificationFixtures["request.denied"], state: "COMPLETED" }],
    ];
    const rows = await insertRows([
      ...invalid.map(([template, payload]) =>
        outboxRow(org, person, template, { payload: payload as Prisma.InputJsonValue }),
      ),
      outboxRow(org, person, "task.assigned"),
    ]);

    const reasons = await Promise.all(
      invalid.map(([template, payload]) =>
        renderNotification(template, payload, { ...fixtureContext, baseUrl: PUBLIC_URL }).then(
          () => null,
          (error: unknown) => error,
        ),
      ),
    );
    for (const reason of reasons) expect(reason).toBeInstanceOf(InvalidNotificationError);

    const done = await withWorker({ config: smtpConfig() }, () => settled(rows));
    done.slice(0, invalid.length).forEach((row, i) => {
      expect(row).toMatchObject({
        state: "FAILED",
        attempts: 0,
        lastError: (reasons[i] as InvalidNotificationError).message,
        sentAt: null,
        lastAttemptAt: null,
      });
      expect(row.failedAt).not.toBeNull();
      expect(mailsWithKey(row.idempotencyKey)).toEqual([]);
    });
    expect(done[1]!.lastError).toMatch(/^Unknown notification template "task\.exploded"/);
    expect(done[2]!.lastError).toContain("tasks[1].path");
    expect(done.at(-1)!.state).toBe("SENT");
    // One job each, completed on its first run: failed for good, not retried.
    for (const row of done.slice(0, invalid.length)) {
      expect(await jobsOf(row.id)).toEqual([{ state: "completed", retry_count: 0 }]);
    }
  });
});

describe("a cached Slack id that Slack no longer accepts", () => {
  it("is forgotten, and the next message looks the person up again", async () => {
    const org = await newOrganization("Stale Slack Ids");
    const cachedAt = new Date("2026-11-01T00:00:00.000Z");
    const sam = await createUser(db.prisma, org, {
      givenName: "Sam",
      familyName: "Stale",
      slackUserId: "U0SAM",
      slackLookupAt: cachedAt,
    });
    const pia = await createUser(db.prisma, org, {
      givenName: "Pia",
      familyName: "Stale",
      slackUserId: "U0PIA",
      slackLookupAt: cachedAt,
    });
    slack.users.set(sam.email, "U0SAM");
    slack.users.set(pia.email, "U0PIA");
    const slackIds = async (user: User) =>
      db.prisma.user.findUniqueOrThrow({
        where: { id: user.id },
        select: { slackUserId: true, slackLookupAt: true },
      });
    const lookupsOf = (user: User) =>
      slack.callsTo("users.lookupByEmail").filter((call) => call.args.email === user.email);
    const dm = (user: User) =>
      insertRows([outboxRow(org, user, "task.assigned", { channel: "SLACK" })]);

    await withWorker({ config: smtpAndSlackConfig() }, async () => {
      // The DM channel is gone: chat.postMessage answers channel_not_found.
      slack.failNext(1, "channel_not_found", { method: "chat.postMessage" });
      const [samFailed] = await settled(await dm(sam));
      expect(samFailed).toMatchObject({
        state: "FAILED",
        attempts: 1,
        lastError: expect.stringContaining("Slack answered channel_not_found"),
      });
      expect(await slackIds(sam)).toEqual({ slackUserId: null, slackLookupAt: null });

      // The user is gone: conversations.open answers user_not_found.
      slack.failNext(1, "user_not_found", { method: "conversations.open" });
      const [piaFailed] = await settled(await dm(pia));
      expect(piaFailed).toMatchObject({
        state: "FAILED",
        lastError: expect.stringContaining("Slack answered user_not_found"),
      });
      expect(await slackIds(pia)).toEqual({ slackUserId: null, slackLookupAt: null });
      expect(lookupsOf(sam)).toHaveLength(0);
      expect(lookupsOf(pia)).toHaveLength(0);

      // Sam is known to Slack under a new id now: the next message asks and uses it.
      slack.users.set(sam.email, "U0SAM2");
      const [samSent] = await settled(await dm(sam));
      expect(samSent!.state).toBe("SENT");
      expect(lookupsOf(sam)).toHaveLength(1);
      const posted = slack.messages.find((message) => message.ts === samSent!.providerMessageId);
      expect(posted?.userId).toBe("U0SAM2");
      expect((await slackIds(sam)).slackUserId).toBe("U0SAM2");
    });
  });
});

describe("a delivery that never finishes", () => {
  it("is retried when its job expires, then dead-lettered as FAILED, interrupted", async () => {
    const org = await newOrganization("Hanging Deliveries");
    const person = await createUser(db.prisma, org);
    const calls: EmailMessage[] = [];
    // Accepts the message and never answers, like a worker frozen mid-send.
    const hanging: Mailer = {
      kind: "smtp",
      describe: "a mailer that never answers",
      sendEmail: (message) => {
        calls.push(message);
        return new Promise(() => {});
      },
      close: async () => {},
    };

    const failed = await withWorker(
      { config: smtpConfig(), mailer: hanging, expireInSeconds: 1, retryLimit: 1 },
      async () => {
        const [row] = await insertRows([outboxRow(org, person, "task.assigned")]);
        return until("the dead letter", async () => {
          const [current] = await reload([row!]);
          return current!.state === "FAILED" && current;
        });
      },
    );
    // The first attempt and its one retry both hung until the queue expired them.
    expect(calls.map((message) => message.idempotencyKey)).toEqual([
      failed.idempotencyKey,
      failed.idempotencyKey,
    ]);
    expect(failed).toMatchObject({
      attempts: 2,
      lastError:
        "Delivery was interrupted 2 times (the worker stopped or timed out while sending).",
      sentAt: null,
      providerMessageId: null,
    });
    expect(failed.failedAt).not.toBeNull();
    const dead = await db.sql.query<{ id: string }>(
      `SELECT id FROM pgboss.job WHERE name = $1 AND data->>'notificationId' = $2`,
      [QUEUES.dead, failed.id],
    );
    expect(dead).toHaveLength(1);
  });
});
