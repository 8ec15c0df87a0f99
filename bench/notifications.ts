// Notification delivery throughput (SPEC §6.3): outbox rows written with their delivery jobs,
// the pg-boss queue and the running workers, rendered (React Email + Block Kit) and sent to a
// real SMTP server on 127.0.0.1. Counts notifications per second from the first row written
// to the last SENT mark.
//
//   node --import tsx bench/notifications.ts [--notifications 2000] [--out section.md]
//
// Needs PostgreSQL (DATABASE_URL, default postgresql://postgres@127.0.0.1:5432/postgres): it
// makes a scratch database there and drops it at the end.
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import type { Prisma } from "@lantern/db";
import { createOrganization, createUser } from "@lantern/seed";
import { createTestDatabase, type TestDatabase } from "@lantern/db/testing";
import type { TaskAssignedPayload } from "@lantern/domain";
import { loadNotifyConfig, queueDeliveries, startNotificationWorker } from "@lantern/notify";
import { startSmtpSink } from "@lantern/notify/testing";
import { count, measureOnce } from "./measure.ts";

const { values: args } = parseArgs({
  options: { notifications: { type: "string" }, out: { type: "string" } },
});
const total = args.notifications ? Number(args.notifications.replaceAll("_", "")) : 2000;
process.env.DATABASE_URL ||= "postgresql://postgres@127.0.0.1:5432/postgres";

interface Run {
  label: string;
  workers: number;
  concurrency: number;
}

const RUNS: Run[] = [
  { label: "1 worker, 8 at a time", workers: 1, concurrency: 8 },
  { label: "1 worker, 32 at a time", workers: 1, concurrency: 32 },
  { label: "2 workers, 16 at a time each", workers: 2, concurrency: 16 },
];

async function enqueue(db: TestDatabase, orgId: string, userIds: string[], tag: string) {
  const rows: Prisma.NotificationCreateManyInput[] = [];
  for (let i = 0; i < total; i++) {
    const number = 1000 + i;
    const payload: TaskAssignedPayload = {
      requestId: "0193f0a0-0000-7000-8000-000000000000",
      requestKind: "GRANT",
      appName: "Salesforce",
      entitlementName: "Admin",
      subject: "Dana Ortiz",
      requesterName: "Dana Ortiz",
      reason: "Quarter close: I own the forecast reports.",
      policyName: "Manager then app owner",
      path: `/tasks/${number}`,
      taskId: "0193f0a0-0000-7000-8000-000000000001",
      taskNumber: number,
      taskKind: "PROVISION",
      dueAt: new Date(Date.now() + 3 * 86_400_000).toISOString(),
    };
    rows.push({
      organizationId: orgId,
      recipientId: userIds[i % userIds.length]!,
      channel: "EMAIL",
      template: "task.assigned",
      payload: payload as unknown as Prisma.InputJsonValue,
      idempotencyKey: `bench:${tag}:${i}`,
    });
  }
  // As the services write them: each batch of rows with its delivery jobs, in one transaction.
  for (let i = 0; i < rows.length; i += 1000) {
    await db.prisma.$transaction(async (tx) => {
      const written = await tx.notification.createManyAndReturn({
        data: rows.slice(i, i + 1000).map((row) => ({ ...row, queuedAt: new Date() })),
        select: { id: true },
      });
      await queueDeliveries(tx, written);
    });
  }
}

async function main() {
  const db = await createTestDatabase();
  const smtp = await startSmtpSink();
  const lines = [
    `## Notification delivery (SPEC §6.3)`,
    ``,
    `${count(total)} "task assigned" emails per run: outbox rows with their jobs → pg-boss → render (React Email) → SMTP (\`smtp-server\` on 127.0.0.1, parsing every message) → SENT. PostgreSQL, one scratch database.`,
    ``,
    `| Run | Seconds | Notifications/s |`,
    `|---|---:|---:|`,
  ];
  try {
    const org = await createOrganization(db.prisma, { name: "Bench", slug: "bench-notify" });
    const userIds: string[] = [];
    for (let i = 0; i < 50; i++) {
      userIds.push(
        (await createUser(db.prisma, org, { givenName: `Person${i}`, familyName: "Bench" })).id,
      );
    }
    const config = loadNotifyConfig({ SMTP_URL: smtp.url });
    for (const [index, run] of RUNS.entries()) {
      const workers = await Promise.all(
        Array.from({ length: run.workers }, () =>
          startNotificationWorker({
            database: db,
            config,
            publicUrl: "https://lantern.bench.test",
            concurrency: run.concurrency,
            pollingIntervalSeconds: 0.5,
            digestCron: null,
            log: () => {},
          }),
        ),
      );
      const { ms } = await measureOnce(async () => {
        await enqueue(db, org.id, userIds, String(index));
        for (;;) {
          const pending = await db.prisma.notification.count({ where: { state: "PENDING" } });
          if (pending === 0) break;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      });
      await Promise.all(workers.map((w) => w.stop()));
      const failed = await db.prisma.notification.count({ where: { state: { not: "SENT" } } });
      if (failed > 0) throw new Error(`${failed} notifications were not sent`);
      lines.push(
        `| ${run.label} | ${(ms / 1000).toFixed(1)} | ${((total * 1000) / ms).toFixed(0)} |`,
      );
      console.log(lines.at(-1));
    }
    lines.push(
      ``,
      `SMTP messages received: ${count(smtp.messages.length)} (one per notification).`,
      ``,
    );
  } finally {
    await smtp.close();
    await db.close();
  }
  const section = lines.join("\n");
  if (args.out) writeFileSync(args.out, section + "\n");
  else console.log(section);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
