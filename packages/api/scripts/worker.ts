// `npm run worker`: Lantern's background work as its own process, for production (PostgreSQL).
// Delivers the notification outbox and runs queued connector jobs until SIGTERM / SIGINT, then
// finishes what it holds and exits. Start as many as you like against one database.
import { connectPostgres, MigrationError } from "@lantern/db";
import { describeNotifyConfig, loadNotifyConfig } from "@lantern/notify";
import { startBackgroundWork } from "../src/background.ts";
import { SecretsKey } from "../src/services/connectors/secrets.ts";
import { connectorSecretsProblem } from "../src/services/connectors/startup.ts";
import { readWorkerSettings, workerRefusalText } from "../src/worker-settings.ts";

async function main() {
  const read = readWorkerSettings(process.env);
  if (!read.ok) {
    console.error(workerRefusalText(read.problems));
    process.exit(1);
  }
  const env = read.settings;
  const config = loadNotifyConfig(process.env);
  const database = await connectPostgres(env.DATABASE_URL);
  const secretsKey = env.LANTERN_SECRETS_KEY ? SecretsKey.parse(env.LANTERN_SECRETS_KEY) : null;
  const secretsProblem = await connectorSecretsProblem(database.prisma, secretsKey);
  if (secretsProblem) {
    console.error(workerRefusalText([secretsProblem]));
    await database.close();
    process.exit(1);
  }
  const work = await startBackgroundWork({
    database,
    config,
    secretsKey,
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
