import {
  QUEUES,
  startQueue,
  type Database,
  type JobData,
  type PgBoss,
  type QueueOptions,
} from "@lantern/db";
import type { NotifyConfig } from "../config.ts";
import { createMailer, type Mailer } from "../transports/email.ts";
import { createSlackClient } from "../transports/slack.ts";
import { deliverNotification, markDeadLettered, type DeliveryDeps } from "./deliver.ts";
import { enqueueDailyDigests } from "./digest.ts";
import { queueStrandedNotifications } from "./outbox.ts";
import { enqueueReviewReminders } from "./review-sweep.ts";

type DeliverJob = JobData[typeof QUEUES.deliver];

export interface NotificationWorkerOptions extends QueueOptions {
  database: Pick<Database, "prisma" | "sql">;
  config: NotifyConfig;
  /** Base of deep links for organizations without a public URL of their own. */
  publicUrl: string;
  /** How often the worker asks the queue for deliveries, in seconds (default 1; min 0.5). */
  pollingIntervalSeconds?: number;
  /** Deliveries handled at once (default 8). */
  concurrency?: number;
  /** Cron of the daily digest (default "0 8 * * *"); null turns the digest off. */
  digestCron?: string | null;
  /** Time zone of the digest cron (default "UTC"). */
  digestTimeZone?: string;
  /**
   * Cron of the access reviews' sweep: reminders before a campaign's due date and the
   * escalation of overdue campaigns (default "0 * * * *", hourly); null turns it off.
   */
  reviewSweepCron?: string | null;
  /** Replaces the configured email transport (tests that count what a transport sees). */
  mailer?: Mailer;
  now?: () => Date;
  log?: (line: string) => void;
}

export interface NotificationWorker {
  boss: PgBoss;
  mailer: Mailer;
  /** Stops taking work, lets running deliveries finish, and closes the transports. */
  stop(): Promise<void>;
}

/**
 * The notification worker (SPEC §6.3): delivery of queued notifications through the
 * configured transports, the dead-letter handler, the daily digest and the access reviews'
 * hourly sweep (reminders, overdue escalations). Each notification's job was enqueued in the
 * transaction that wrote its row. Several may run against one PostgreSQL database at once.
 */
export async function startNotificationWorker(
  options: NotificationWorkerOptions,
): Promise<NotificationWorker> {
  const { prisma, sql } = options.database;
  const log = options.log ?? ((line: string) => console.log(`[lantern] ${line}`));
  const now = options.now ?? (() => new Date());
  for (const warning of options.config.warnings) log(warning);
  // A send gives up well before the queue presumes its worker dead and hands the job to
  // another, so one notification is never being sent twice at the same time.
  const timeoutMs = Math.min(30_000, ((options.expireInSeconds ?? 120) * 1000) / 2);
  const mailer = options.mailer ?? createMailer(options.config, { prisma }, { timeoutMs });
  const slack = options.config.slack
    ? createSlackClient(options.config.slack, { timeoutMs })
    : null;
  const deps: DeliveryDeps = { prisma, mailer, slack, publicUrl: options.publicUrl, now };
  const boss = await startQueue(sql, options);
  const stranded = await queueStrandedNotifications(prisma);
  if (stranded > 0) log(`queued ${stranded} notification(s) written before the job queue`);

  const batchSize = options.concurrency ?? 8;
  // pg-boss waits a polling interval after every batch; a full batch means more is waiting,
  // so the worker is told to fetch again at once.
  const deliverWorker: string = await boss.work<DeliverJob>(
    QUEUES.deliver,
    {
      batchSize,
      pollingIntervalSeconds: options.pollingIntervalSeconds ?? 1,
      includeMetadata: true,
    },
    async (jobs) => {
      await Promise.all(
        jobs.map(async (job) => {
          const outcome = await deliverNotification(deps, job.data.notificationId, {
            lastAttempt: job.retryCount >= job.retryLimit,
          }).catch((error: unknown) => ({
            result: "retry" as const,
            reason: error instanceof Error ? error.message : String(error),
          }));
          // The queue retries it with backoff; the others in the batch complete.
          if (outcome.result === "retry") {
            await boss.fail(QUEUES.deliver, job.id, { message: outcome.reason });
          }
        }),
      );
      if (jobs.length === batchSize) boss.notifyWorker(deliverWorker);
    },
  );
  await boss.work<DeliverJob>(
    QUEUES.dead,
    { pollingIntervalSeconds: Math.max(options.pollingIntervalSeconds ?? 1, 2) },
    async (jobs) => {
      for (const job of jobs) await markDeadLettered(prisma, job.data.notificationId, now());
    },
  );

  const digestCron = options.digestCron === undefined ? "0 8 * * *" : options.digestCron;
  await boss.work(QUEUES.digest, { pollingIntervalSeconds: 5 }, async () => {
    const enqueued = await enqueueDailyDigests(prisma, now(), {
      timeZone: options.digestTimeZone ?? "UTC",
    });
    if (enqueued > 0) log(`daily digest: ${enqueued} enqueued`);
  });
  if (digestCron) {
    await boss.schedule(QUEUES.digest, digestCron, {}, { tz: options.digestTimeZone ?? "UTC" });
  } else {
    await boss.unschedule(QUEUES.digest);
  }

  const reviewSweepCron =
    options.reviewSweepCron === undefined ? "0 * * * *" : options.reviewSweepCron;
  await boss.work(QUEUES.reviewSweep, { pollingIntervalSeconds: 5 }, async () => {
    const swept = await enqueueReviewReminders(prisma, now());
    if (swept.reminders + swept.overdue > 0) {
      log(
        `access reviews: ${swept.reminders} reminder(s) for ${swept.remindedCampaigns} campaign(s), ${swept.overdue} overdue notice(s) for ${swept.escalatedCampaigns} campaign(s)`,
      );
    }
  });
  if (reviewSweepCron) {
    await boss.schedule(QUEUES.reviewSweep, reviewSweepCron, {}, { tz: "UTC" });
  } else {
    await boss.unschedule(QUEUES.reviewSweep);
  }

  return {
    boss,
    mailer,
    async stop() {
      await boss.stop({ graceful: true, wait: true, close: false, timeout: 15_000 });
      await mailer.close();
    },
  };
}
