import type { Database } from "@lantern/db";
import {
  startNotificationWorker,
  type NotificationWorker,
  type NotificationWorkerOptions,
} from "@lantern/notify";
import { runConnectorJobs } from "./services/connector-jobs.ts";

/** How often queued connector jobs are looked for. */
const CONNECTOR_INTERVAL_MS = 2_000;

export interface BackgroundOptions extends Omit<NotificationWorkerOptions, "database"> {
  database: Pick<Database, "prisma" | "sql">;
  connectorIntervalMs?: number;
}

export interface BackgroundWork {
  notifications: NotificationWorker;
  stop(): Promise<void>;
}

/**
 * Everything Lantern does in the background: delivers the notification outbox (SPEC §6.3)
 * and runs queued CONNECTOR grants and revokes (§6.4). Runs inside the web server for the
 * embedded database and as its own process (`npm run worker`) in production; several may
 * run at once against one PostgreSQL database.
 */
export async function startBackgroundWork(options: BackgroundOptions): Promise<BackgroundWork> {
  const log = options.log ?? ((line: string) => console.log(`[lantern] ${line}`));
  const notifications = await startNotificationWorker(options);

  let busy: Promise<void> | null = null;
  const tick = async () => {
    // Drain what is due, a batch at a time.
    for (let batch = 0; batch < 50; batch += 1) {
      const summary = await runConnectorJobs(options.database.prisma);
      if (summary.claimed === 0) break;
    }
  };
  const timer = setInterval(() => {
    busy ??= tick()
      .catch((error: unknown) =>
        log(`connector jobs: ${error instanceof Error ? error.message : String(error)}`),
      )
      .finally(() => {
        busy = null;
      });
  }, options.connectorIntervalMs ?? CONNECTOR_INTERVAL_MS);
  timer.unref();

  return {
    notifications,
    async stop() {
      clearInterval(timer);
      await busy;
      await notifications.stop();
    },
  };
}
