import { QUEUES, type Database, type JobData, type QueueName } from "@lantern/db";
import {
  startNotificationWorker,
  type NotificationWorker,
  type NotificationWorkerOptions,
} from "@lantern/notify";
import { runRemapJob } from "./services/accounts/remap-jobs.ts";
import { runReviewRemovals } from "./services/reviews/removals.ts";
import { runConnectorJob } from "./services/connector-jobs.ts";
import type { SecretsKey } from "./services/connectors/secrets.ts";

export interface BackgroundOptions extends Omit<NotificationWorkerOptions, "database"> {
  database: Pick<Database, "prisma" | "sql">;
  /** How often the queue is asked for connector jobs, in ms (default 2 s; min 500). */
  connectorIntervalMs?: number;
  /** Opens the apps' connector secrets (LANTERN_SECRETS_KEY). */
  secretsKey?: SecretsKey | null;
  /** How often the queue is asked for re-maps of large apps, in ms (default 2 s; min 500). */
  remapIntervalMs?: number;
}

export interface BackgroundWork {
  notifications: NotificationWorker;
  stop(): Promise<void>;
}

/**
 * Everything Lantern does in the background, on its one job queue: delivers notifications
 * (SPEC §6.3), runs CONNECTOR grants and revokes (§6.4), and re-maps the account owners of
 * large apps batch by batch (§4.2). Runs inside the web server for the embedded database and
 * as its own process (`npm run worker`) in production; several may run at once against one
 * PostgreSQL database, and the queue hands each job to one of them.
 */
export async function startBackgroundWork(options: BackgroundOptions): Promise<BackgroundWork> {
  const log = options.log ?? ((line: string) => console.log(`[lantern] ${line}`));
  const { prisma } = options.database;
  const notifications = await startNotificationWorker(options);
  const boss = notifications.boss;
  const stopping = new AbortController();

  /** Runs each job of a batch on its own: one that throws is failed for the queue to retry. */
  const work = <Q extends QueueName>(
    queue: Q,
    intervalMs: number | undefined,
    batchSize: number,
    handle: (data: JobData[Q]) => Promise<unknown>,
  ) =>
    boss.work<JobData[Q]>(
      queue,
      { batchSize, pollingIntervalSeconds: Math.max((intervalMs ?? 2_000) / 1000, 0.5) },
      async (jobs) => {
        for (const job of jobs) {
          try {
            await handle(job.data);
          } catch (error) {
            const message = error instanceof Error ? error.message : String(error);
            log(`${queue}: ${message}`);
            await boss.fail(queue, job.id, { message });
          }
        }
      },
    );

  await work(QUEUES.connector, options.connectorIntervalMs, 5, ({ connectorJobId }) =>
    runConnectorJob(prisma, connectorJobId, { secretsKey: options.secretsKey }),
  );
  // A large re-map takes minutes: one at a time per process, on its own queue, so it never
  // holds up connector jobs. Stopping hands a running one back to the queue after its batch.
  await work(QUEUES.remap, options.remapIntervalMs, 1, ({ remapId }) =>
    runRemapJob(prisma, remapId, { signal: stopping.signal }),
  );
  // A bulk Revoke's removals: each job opens up to a hundred REVOKE requests.
  await work(QUEUES.reviewRemovals, options.connectorIntervalMs, 1, (data) =>
    runReviewRemovals(prisma, data),
  );

  return {
    notifications,
    async stop() {
      stopping.abort();
      await notifications.stop();
    },
  };
}
