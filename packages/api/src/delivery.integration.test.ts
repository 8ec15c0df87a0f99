import { spawn } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { QUEUES, type User } from "@lantern/db";
import {
  createApp,
  createEntitlement,
  createOrganization,
  createPolicy,
  createUser,
} from "@lantern/seed";
import { createTestDatabase, type TestDatabase } from "@lantern/db/testing";
import { loadNotifyConfig } from "@lantern/notify";
import {
  startFakeResend,
  startFakeSlack,
  startSmtpSink,
  type FakeResend,
  type FakeSlack,
  type SmtpSink,
} from "@lantern/notify/testing";
import { startBackgroundWork, type BackgroundWork } from "./background.ts";
import { callerFor as callerForUser } from "./testing.ts";

// Notification delivery end to end (SPEC §6.1–6.3): a change writes outbox rows and their
// delivery jobs in its transaction, and the background worker delivers them to a
// real SMTP server and to local fakes of the Resend and Slack APIs, which record what
// arrives. Failures are retried, never doubled, and dead letters can be retried.

const PUBLIC_URL = "https://lantern.acme.test";

let db: TestDatabase;
let smtp: SmtpSink;
let slack: FakeSlack;
let resend: FakeResend;
let org: { id: string };
const people: Record<string, User> = {};
const callerFor = (user: { id: string }) => callerForUser(db.prisma, user.id);

/** Fast retries so failure tests finish in seconds. */
const fast = {
  pollingIntervalSeconds: 0.5,
  retryDelaySeconds: 1,
  retryLimit: 3,
  maintenanceIntervalSeconds: 1,
  digestCron: null,
  publicUrl: PUBLIC_URL,
  log: () => {},
};

async function withWorker<T>(
  env: Record<string, string>,
  fn: (work: BackgroundWork) => Promise<T>,
): Promise<T> {
  const work = await startBackgroundWork({
    database: db,
    config: loadNotifyConfig(env),
    ...fast,
  });
  try {
    return await fn(work);
  } finally {
    await work.stop();
  }
}

async function until<T>(
  what: string,
  probe: () => Promise<T | null | undefined | false>,
  timeoutMs = 45_000,
) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A provisioning task for `requester`, assigned to the app's provisioners (no approvals). */
async function provisioningTask(name: string, provisioners: User[]) {
  const p = db.prisma;
  const policy = await createPolicy(p, org, { name: `${name} policy` });
  const app = await createApp(p, org, {
    name,
    owners: [people.owner!],
    provisioners,
    defaultRequestPolicyId: policy.id,
  });
  const entitlement = await createEntitlement(p, app, { slug: "admin", displayName: "Admin" });
  const created = await (
    await callerFor(people.requester!)
  ).requests.create({ entitlementId: entitlement.id, reason: `Quarter close <b>${name}</b>` });
  expect(created.task?.kind).toBe("PROVISION");
  return { number: created.task!.number, requestId: created.requestId };
}

async function rowsFor(number: number) {
  const rows = await db.prisma.notification.findMany({
    where: { organizationId: org.id },
    include: { recipient: { select: { email: true } } },
    orderBy: { createdAt: "asc" },
  });
  return rows.filter((r) => (r.payload as { taskNumber?: number }).taskNumber === number);
}

beforeAll(async () => {
  db = await createTestDatabase();
  [smtp, slack, resend] = await Promise.all([startSmtpSink(), startFakeSlack(), startFakeResend()]);
  const p = db.prisma;
  org = await createOrganization(p, { name: "Acme", slug: "acme-delivery" });
  const person = (key: string, givenName: string, familyName: string, extra = {}) =>
    createUser(p, org, { givenName, familyName, ...extra }).then((u) => (people[key] = u));
  await person("admin", "Ada", "Admin", { role: "SUPER_ADMIN" });
  await person("owner", "Olive", "Owner");
  await person("requester", "Rita", "Requester");
  await person("pat", "Pat", "Provisioner");
  await person("quinn", "Quinn", "Provisioner");
  await person("emailOnly", "Eve", "Emailonly", { slackNotifications: false });
});

afterAll(async () => {
  await Promise.all([smtp?.close(), slack?.close(), resend?.close()]);
  await db?.close();
});

describe("an assignment", () => {
  it("reaches each assignee once by email (SMTP) and once by Slack DM, with the deep link", async () => {
    slack.users.set(people.pat!.email, "U0PAT");
    const { number } = await provisioningTask("Salesforce", [people.pat!, people.quinn!]);
    const link = `${PUBLIC_URL}/tasks/${number}`;
    await withWorker(
      { SMTP_URL: smtp.url, SLACK_BOT_TOKEN: slack.token, SLACK_API_URL: slack.url },
      async () => {
        const mails = await smtp.waitFor(2, 20_000);
        const dms = await slack.waitFor(1, 20_000);
        const toPat = mails.filter((m) => m.to.includes(people.pat!.email));
        const toQuinn = mails.filter((m) => m.to.includes(people.quinn!.email));
        expect(toPat).toHaveLength(1);
        expect(toQuinn).toHaveLength(1);
        expect(toPat[0]!.subject).toMatch(/Salesforce/);
        expect(toPat[0]!.text).toContain(link);
        expect(toPat[0]!.html).toContain(`href="${link}"`);
        // The requester's text arrives as text, not markup.
        expect(toPat[0]!.html).not.toContain("<b>Salesforce</b>");

        expect(dms).toHaveLength(1);
        expect(JSON.stringify(dms[0]!.blocks)).toContain(link);
        expect(dms[0]!.text).toContain(`#${number}`);

        // Quinn is unknown to Slack: skipped with the reason, not retried in a loop.
        const rows = await until("every row settled", async () => {
          const rows = await rowsFor(number);
          return rows.every((r) => r.state !== "PENDING") && rows;
        });
        const byKey = Object.fromEntries(rows.map((r) => [`${r.recipient.email}:${r.channel}`, r]));
        expect(byKey[`${people.pat!.email}:EMAIL`]!.state).toBe("SENT");
        expect(byKey[`${people.pat!.email}:SLACK`]!.state).toBe("SENT");
        expect(byKey[`${people.pat!.email}:SLACK`]!.providerMessageId).toBe(dms[0]!.ts);
        expect(byKey[`${people.quinn!.email}:EMAIL`]!.state).toBe("SENT");
        expect(byKey[`${people.quinn!.email}:SLACK`]).toMatchObject({
          state: "SKIPPED",
          lastError: expect.stringContaining(
            `Slack has no user with the email ${people.quinn!.email}`,
          ),
        });
        expect(slack.callsTo("users.lookupByEmail")).toHaveLength(2);
      },
    );
    // Nothing more arrives later: exactly one of each.
    expect(
      smtp.messages.filter((m) => m.subject.includes(`#${number}`) || m.text.includes(link)),
    ).toHaveLength(2);
    expect(slack.messages).toHaveLength(1);
  });

  it("skips Slack rows when Slack is not connected, and emails go to the dev mailbox", async () => {
    const { number } = await provisioningTask("GitHub", [people.quinn!]);
    await withWorker({}, async () => {
      const rows = await until("rows settled", async () => {
        const rows = await rowsFor(number);
        return rows.length === 2 && rows.every((r) => r.state !== "PENDING") && rows;
      });
      const email = rows.find((r) => r.channel === "EMAIL")!;
      const slackRow = rows.find((r) => r.channel === "SLACK")!;
      expect(email.state).toBe("SENT");
      expect(slackRow).toMatchObject({
        state: "SKIPPED",
        lastError: expect.stringMatching(/Slack is not connected/),
      });
      const stored = await db.prisma.devEmail.findMany({
        where: { idempotencyKey: email.idempotencyKey },
      });
      expect(stored).toHaveLength(1);
      expect(stored[0]!.to).toBe(people.quinn!.email);
      expect(stored[0]!.text).toContain(`${PUBLIC_URL}/tasks/${number}`);
    });
  });
});

describe("failures", () => {
  const resendEnv = () => ({
    RESEND_API_KEY: resend.apiKey,
    RESEND_BASE_URL: resend.url,
  });

  it("retries a transient failure with the same idempotency key and delivers once", async () => {
    const { number } = await provisioningTask("Zoom", [people.emailOnly!]);
    resend.failNext(2, 503);
    await withWorker(resendEnv(), async () => {
      const row = await until("the email sent", async () => {
        const [row] = (await rowsFor(number)).filter((r) => r.channel === "EMAIL");
        return row?.state === "SENT" && row;
      });
      const requests = resend.requests.filter((r) => r.idempotencyKey === row.idempotencyKey);
      expect(requests.map((r) => r.status)).toEqual([503, 503, 200]);
      expect(resend.delivered.filter((d) => d.idempotencyKey === row.idempotencyKey)).toHaveLength(
        1,
      );
      expect(row.attempts).toBe(3);
      expect(row.providerMessageId).toBe(
        resend.delivered.find((d) => d.idempotencyKey === row.idempotencyKey)!.id,
      );
    });
  });

  it("dead-letters a permanent failure, shows it to super admins only, and retries it on request", async () => {
    const { number } = await provisioningTask("Okta", [people.emailOnly!]);
    resend.failNext(1, 422);
    await withWorker(resendEnv(), async () => {
      const failed = await until("the dead letter", async () => {
        const [row] = (await rowsFor(number)).filter((r) => r.channel === "EMAIL");
        return row?.state === "FAILED" && row;
      });
      expect(failed.attempts).toBe(1);
      expect(failed.lastError).toMatch(/422|invalid|validation/i);

      const admin = await callerFor(people.admin!);
      const listed = await admin.notifications.list({ state: "FAILED" });
      expect(listed.items.map((i) => i.id)).toContain(failed.id);
      expect(listed.items.find((i) => i.id === failed.id)).toMatchObject({
        about: `Task #${number}`,
        recipient: { email: people.emailOnly!.email },
      });
      expect((await admin.notifications.counts()).FAILED).toBeGreaterThanOrEqual(1);

      const member = await callerFor(people.requester!);
      const refused = await member.notifications.list({}).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(TRPCError);
      expect((refused as TRPCError).code).toBe("FORBIDDEN");
      await expect(member.notifications.retry({ id: failed.id })).rejects.toMatchObject({
        code: "FORBIDDEN",
      });

      await admin.notifications.retry({ id: failed.id });
      const sent = await until("the retried email sent", async () => {
        const row = await db.prisma.notification.findUnique({ where: { id: failed.id } });
        return row?.state === "SENT" && row;
      });
      expect(resend.delivered.filter((d) => d.idempotencyKey === sent.idempotencyKey)).toHaveLength(
        1,
      );
      await expect(admin.notifications.retry({ id: failed.id })).rejects.toMatchObject({
        code: "CONFLICT",
        message: expect.stringContaining("this one is sent"),
      });
      const events = await db.prisma.event.findMany({
        where: { action: "notification.retried", targetId: failed.id },
      });
      expect(events).toHaveLength(1);
    });
  });

  it("retries Slack after a rate limit and posts once", async () => {
    slack.users.set(people.pat!.email, "U0PAT");
    const before = slack.messages.length;
    const { number } = await provisioningTask("Notion", [people.pat!]);
    slack.failNext(1, "ratelimited", { method: "chat.postMessage" });
    await withWorker(
      { SMTP_URL: smtp.url, SLACK_BOT_TOKEN: slack.token, SLACK_API_URL: slack.url },
      async () => {
        const row = await until("the DM sent", async () => {
          const [row] = (await rowsFor(number)).filter((r) => r.channel === "SLACK");
          return row?.state === "SENT" && row;
        });
        expect(row.attempts).toBe(2);
        expect(slack.messages.length - before).toBe(1);
      },
    );
  });
});

// A worker process killed between Resend accepting an email and the row being marked SENT:
// the job expires, another worker takes it, and its resend carries the same idempotency
// key, so Resend delivers one email. Needs a second process on the same database, so it
// runs against PostgreSQL (DATABASE_URL), as CI does.
describe.runIf(process.env.DATABASE_URL)("a worker killed mid-send", () => {
  it("is replaced by another whose resend carries the same idempotency key", async () => {
    const held = resend.holdNext({ deliver: true });
    const apiDir = join(dirname(fileURLToPath(import.meta.url)), "..");
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/worker.ts"], {
      cwd: apiDir,
      env: {
        ...process.env,
        DATABASE_URL: db.url!,
        NEXTAUTH_URL: PUBLIC_URL,
        RESEND_API_KEY: resend.apiKey,
        RESEND_BASE_URL: resend.url,
        LANTERN_DIGEST_CRON: "off",
        LANTERN_DELIVERY_TIMEOUT_SECONDS: "3",
      },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk) => (stderr += String(chunk)));
    const exited = new Promise((resolve) => child.on("exit", resolve));
    // The worker's delivery timeout holds for the deliveries queued once it has set it up.
    await until(
      "the worker to set its delivery timeout on the queue",
      async () => {
        const [queue] = await db.sql.query<{ expire_seconds: number }>(
          `SELECT expire_seconds FROM pgboss.queue WHERE name = $1`,
          [QUEUES.deliver],
        );
        return queue?.expire_seconds === 3;
      },
      60_000,
    );
    const { number } = await provisioningTask("Workday", [people.emailOnly!]);
    const request = await Promise.race([
      held,
      exited.then(() => {
        throw new Error(`The worker exited before sending:\n${stderr}`);
      }),
    ]);
    child.kill("SIGKILL");
    await exited;
    const [before] = (await rowsFor(number)).filter((r) => r.channel === "EMAIL");
    expect(before!.state).toBe("PENDING");
    expect(request.idempotencyKey).toBeTruthy();

    await withWorker({ RESEND_API_KEY: resend.apiKey, RESEND_BASE_URL: resend.url }, async () => {
      // The job expires (3 s), the queue's maintenance fails it, and it is retried after the
      // delay the first worker queued it with (10 s, then backing off): generous room here.
      const row = await until(
        "the email marked sent by the second worker",
        async () => {
          const row = await db.prisma.notification.findUnique({ where: { id: before!.id } });
          return row?.state === "SENT" && row;
        },
        120_000,
      );
      const requests = resend.requests.filter((r) => r.idempotencyKey === row.idempotencyKey);
      expect(requests).toHaveLength(2);
      expect(requests[0]!.idempotencyKey).toBe(request.idempotencyKey);
      const delivered = resend.delivered.filter((d) => d.idempotencyKey === row.idempotencyKey);
      expect(delivered).toHaveLength(1);
      expect(row.providerMessageId).toBe(delivered[0]!.id);
    });
  }, 200_000);
});
