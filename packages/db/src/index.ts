export * from "./generated/prisma/client.ts";
export {
  openDatabase,
  openEmbedded,
  connectPostgres,
  defaultDataDir,
  redactUrl,
  withExecutor,
  MigrationError,
  type Database,
  type DatabaseKind,
  type DatabaseOptions,
} from "./client.ts";
export { applyMigrations, migrationStatus, describeProblem } from "./migrations/runner.ts";
export { listMigrations } from "./migrations/files.ts";
export { execute, type SqlExecutor, type SqlSession } from "./migrations/executors.ts";
export { reserveTaskNumbers } from "./sequences.ts";
export { policyInclude, type PolicyWithSteps } from "./policies.ts";
export {
  QUEUES,
  QUEUE_SCHEMA,
  QUEUE_POLICIES,
  type QueueName,
  type JobData,
} from "./jobs/queues.ts";
export {
  bossDb,
  prismaBossDb,
  startQueue,
  enqueueJobs,
  runDueJobs,
  type PgBoss,
  type QueueOptions,
  type RawSqlClient,
  type JobToEnqueue,
  type DueJob,
} from "./jobs/boss.ts";
