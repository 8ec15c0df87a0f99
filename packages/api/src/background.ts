import type { Database } from "@lantern/db";
import {
  startNotificationWorker,
  type NotificationWorker,
  type NotificationWorkerOptions,
} from "@lantern/notify";
import { runRemapJobs } from "./services/accounts/remap-jobs.ts";
import { runConnectorJobs } from "./services/connector-jobs.ts";
import type { SecretsKey } from "./services/connectors/secrets.ts";

/** How often queued connector jobs are looked for. */
const CONNECTOR_INTERVAL_MS = 2_000;

export interface BackgroundOptions extends Omit<NotificationWorkerOptions, "database"> {
  database: Pick<Database, "prisma" | "sql">;
  connectorIntervalMs?: number;
  /** Opens the apps' connector secrets (LANTERN_SECRETS_KEY). */
  secretsKey?: SecretsKey | null;
  /** How often queued re-maps of large apps are looked for (default 2 s). */
  remapIntervalMs?: number;
}

export interface BackgroundWork {
  notifications: NotificationWorker;
  stop(): Promise<void>;
}

/**
 * Everything Lantern does in the background: delivers the notification outbox (SPEC §6.3)
 * runs queued CONNECTOR grants and revokes (§6.4), and re-maps the account owners of large
 * apps batch by batch (§4.2). Runs inside the web server for the
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
      const summary = await runConnectorJobs(options.database.prisma, {
        secretsKey: options.secretsKey,
      });
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

  // Re-maps run on their own timer: a large one takes minutes and must not hold up
  // connector jobs. One re-map at a time per process, batch by batch; when it ends the next
  // queued one is taken at once.
  let remapping: Promise<void> | null = null;
  const stopping = new AbortController();
  const remapTick = async () => {
    while (!stopping.signal.aborted) {
      const summary = await runRemapJobs(options.database.prisma, { signal: stopping.signal });
      if (summary.claimed === 0) break;
    }
  };
  const remapTimer = setInterval(() => {
    remapping ??= remapTick()
      .catch((error: unknown) =>
        log(`account re-maps: ${error instanceof Error ? error.message : String(error)}`),
      )
      .finally(() => {
        remapping = null;
      });
  }, options.remapIntervalMs ?? CONNECTOR_INTERVAL_MS);
  remapTimer.unref();

  return {
    notifications,
    async stop() {
      stopping.abort();
      clearInterval(timer);
      clearInterval(remapTimer);
      await busy;
      await remapping;
      await notifications.stop();
    },
  };
}
