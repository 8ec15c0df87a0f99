import { runConnectorJobs } from "@lantern/api";
import { getPrisma } from "./database";

/** How often the server looks for due connector jobs. */
const INTERVAL_MS = 2_000;

const globalForWorker = globalThis as unknown as { lanternWorker?: ReturnType<typeof setInterval> };

/**
 * The background work of a Lantern server: runs queued CONNECTOR grants and revokes
 * (SPEC §6.4). Jobs are claimed with SKIP LOCKED, so several servers can run this at once
 * without doing a job twice. One tick at a time; a failing tick is logged and retried.
 */
export function startBackgroundWork(): void {
  if (globalForWorker.lanternWorker) return;
  let busy = false;
  const tick = async () => {
    if (busy) return;
    busy = true;
    try {
      const prisma = await getPrisma();
      // Drain what is due, a batch at a time.
      for (let batch = 0; batch < 50; batch += 1) {
        const summary = await runConnectorJobs(prisma);
        if (summary.claimed === 0) break;
      }
    } catch (error) {
      console.error(
        "[lantern] connector jobs:",
        error instanceof Error ? error.message : String(error),
      );
    } finally {
      busy = false;
    }
  };
  globalForWorker.lanternWorker = setInterval(() => void tick(), INTERVAL_MS);
  globalForWorker.lanternWorker.unref();
}
