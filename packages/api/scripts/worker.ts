// `npm run worker`: Lantern's background work as its own process, for production (PostgreSQL).
// Delivers the notification outbox and runs queued connector jobs until SIGTERM / SIGINT, then
// finishes what it holds and exits. Start as many as you like against one database.
import { connectPostgres, MigrationError } from "@lantern/db";
import { describeNotifyConfig, loadNotifyConfig } from "@lantern/notify";
import { z } from "zod";
import { startBackgroundWork } from "../src/background.ts";

const Env = z.object({
  DATABASE_URL: z
    .string({
      error:
        "DATABASE_URL is not set. The worker runs against PostgreSQL; with the embedded database the web server runs this work itself.",
    })
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgresql:// connection string."),
  NEXTAUTH_URL: z
    .url("NEXTAUTH_URL must be Lantern's public URL.")
    .default("http://localhost:3000"),
  LANTERN_DIGEST_CRON: z.string().default("0 8 * * *"),
  LANTERN_DIGEST_TIMEZONE: z.string().default("UTC"),
  /** A delivery still running after this long is presumed dead (worker crashed) and retried. */
  LANTERN_DELIVERY_TIMEOUT_SECONDS: z.coerce
    .number()
    .int()
    .min(1, "LANTERN_DELIVERY_TIMEOUT_SECONDS is at least 1.")
    .default(120),
});

async function main() {
  const parsed = Env.safeParse(process.env);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) console.error(issue.message);
    process.exit(1);
  }
  const env = parsed.data;
  const config = loadNotifyConfig(process.env);
  const database = await connectPostgres(env.DATABASE_URL);
  const work = await startBackgroundWork({
    database,
    config,
    publicUrl: env.NEXTAUTH_URL,
    digestCron: env.LANTERN_DIGEST_CRON === "off" ? null : env.LANTERN_DIGEST_CRON,
    digestTimeZone: env.LANTERN_DIGEST_TIMEZONE,
    expireInSeconds: env.LANTERN_DELIVERY_TIMEOUT_SECONDS,
    maintenanceIntervalSeconds: Math.max(1, Math.min(30, env.LANTERN_DELIVERY_TIMEOUT_SECONDS / 2)),
  });
  console.log(`[lantern] Worker started on ${database.location}. ${describeNotifyConfig(config)}`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`[lantern] ${signal}: finishing running work…`);
    await work.stop();
    await database.close();
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
}

main().catch((error: unknown) => {
  console.error(
    error instanceof MigrationError || error instanceof Error ? error.message : String(error),
  );
  process.exit(1);
});
