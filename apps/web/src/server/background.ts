import { startBackgroundWork as startWorker, type BackgroundWork } from "@lantern/api";
import { describeNotifyConfig, loadNotifyConfig } from "@lantern/notify";
import { env, inProcessWorker, secretsKey } from "~/env";
import { getDatabase } from "./database";

const globalForWorker = globalThis as unknown as { lanternWorker?: Promise<BackgroundWork> };

/**
 * The in-process background worker (the embedded default; LANTERN_IN_PROCESS_WORKER=on
 * elsewhere): notification delivery and connector jobs, as `npm run worker` runs them in
 * production. Started once per process; a start failure (bad transport configuration) is
 * logged with its reason and the web server keeps serving.
 */
export function startBackgroundWork(): void {
  if (!inProcessWorker || globalForWorker.lanternWorker) return;
  globalForWorker.lanternWorker = (async () => {
    const config = loadNotifyConfig();
    const work = await startWorker({
      database: await getDatabase(),
      config,
      secretsKey,
      publicUrl: env.NEXTAUTH_URL,
      digestCron: env.LANTERN_DIGEST_CRON === "off" ? null : env.LANTERN_DIGEST_CRON,
      digestTimeZone: env.LANTERN_DIGEST_TIMEZONE,
    });
    console.log(`[lantern] Background worker running. ${describeNotifyConfig(config)}`);
    return work;
  })();
  globalForWorker.lanternWorker.catch((error: unknown) => {
    globalForWorker.lanternWorker = undefined;
    console.error(
      "[lantern] The background worker did not start:",
      error instanceof Error ? error.message : String(error),
    );
  });
}
