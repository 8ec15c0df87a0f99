/**
 * Prints the SQL that creates the job queue's schema (pg-boss's own construction script for
 * the installed version) and Lantern's queues, for a migration: `…_job_queue/migration.sql`
 * was made with it. It creates nothing where a worker of an earlier Lantern already made the
 * schema at its start. When pg-boss is upgraded, its worker migrates the schema at start;
 * write a migration from this script only for a schema that does not exist yet.
 *
 *   npx tsx scripts/job-queue-sql.ts > prisma/migrations/<stamp>_job_queue/migration.sql
 */
import PgBoss from "pg-boss";
import { QUEUE_POLICIES, QUEUE_SCHEMA } from "../src/jobs/queues.ts";

const plan = PgBoss.getConstructionPlans(QUEUE_SCHEMA);
// pg-boss wraps its script in BEGIN … COMMIT behind an advisory lock; a migration already
// runs in a transaction of its own behind the migration lock.
const lock = /SELECT pg_advisory_xact_lock\([\s\S]*?::bigint\s*\);/.exec(plan);
const end = plan.lastIndexOf("COMMIT;");
if (!lock || end < 0) throw new Error("pg-boss's construction script has an unknown shape.");
const body = plan.slice(lock.index + lock[0].length, end).trim();
if (body.includes("$pgboss$")) throw new Error("The script holds the quote tag $pgboss$.");

const queues = QUEUE_POLICIES.map(([name, policy]) => {
  const options = JSON.stringify({ policy: "standard", ...policy });
  return `SELECT ${QUEUE_SCHEMA}.create_queue('${name}', '${options}'::json)
WHERE NOT EXISTS (SELECT 1 FROM ${QUEUE_SCHEMA}.queue WHERE name = '${name}');`;
});

console.log(`-- The job queue: pg-boss's schema (made by scripts/job-queue-sql.ts from pg-boss ${
  (await import("pg-boss/package.json", { with: { type: "json" } })).default.version
}), unless a
-- worker already made it at its start, and Lantern's queues (src/jobs/queues.ts).
DO $lantern$
BEGIN
  IF to_regclass('${QUEUE_SCHEMA}.version') IS NULL THEN
    EXECUTE $pgboss$
${body}
$pgboss$;
  END IF;
END
$lantern$;

${queues.join("\n\n")}`);
