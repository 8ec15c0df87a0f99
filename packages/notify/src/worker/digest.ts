import type { PrismaClient } from "@lantern/db";
import { queueDeliveries } from "./outbox.ts";

/** How many tasks a digest lists (the oldest first). */
export const DIGEST_TOP_TASKS = 10;

/** The calendar day of `at` in `timeZone`, YYYY-MM-DD (the digest's date and once-a-day key). */
export function dayIn(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(at);
}

/** SQL that writes a UTC `timestamp` column as an ISO time, "2026-11-22T08:00:00.000Z". */
export const isoTimeSql = (column: string) => `to_char(${column}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * The daily digest (SPEC §6.1): one outbox row per active person who has open tasks and
 * takes email, with counts per kind and their ten oldest tasks. One set-based statement for
 * every organization, in one transaction with their delivery jobs. Keyed by day and person,
 * so running it twice on a day enqueues nothing new. Answers how many digests were enqueued.
 */
export async function enqueueDailyDigests(
  prisma: PrismaClient,
  now: Date,
  options: { timeZone?: string } = {},
): Promise<number> {
  const day = dayIn(now, options.timeZone ?? "UTC");
  return prisma.$transaction(async (tx) => {
    const rows = await tx.$queryRawUnsafe<{ id: string }[]>(
      `WITH open_tasks AS (
       SELECT ta."userId", ta."organizationId", t.number, t.kind, t."createdAt", t."dueAt",
              app.name AS app_name, e."displayName" AS entitlement_name,
              CASE
                WHEN acc.id IS NOT NULL THEN
                  CASE WHEN owner.id IS NOT NULL
                    THEN owner."displayName" || ' (' || COALESCE(acc.login, acc.emails[1], acc."displayName", 'an account') || ')'
                    ELSE COALESCE(acc.login, acc.emails[1], acc."displayName", 'an account')
                  END
                ELSE COALESCE(target."displayName", 'someone')
              END AS subject,
              row_number() OVER (PARTITION BY ta."userId" ORDER BY t."createdAt", t.id) AS position
         FROM "TaskAssignee" ta
         JOIN "User" u ON u.id = ta."userId"
         JOIN "Task" t ON t.id = ta."taskId"
         JOIN "Request" r ON r.id = t."requestId"
         JOIN "App" app ON app.id = t."appId"
         JOIN "Entitlement" e ON e.id = r."entitlementId"
         LEFT JOIN "User" target ON target.id = r."targetUserId"
         LEFT JOIN "Account" acc ON acc.id = r."accountId"
         LEFT JOIN "User" owner ON owner.id = acc."ownerId"
        WHERE ta.active AND ta."taskOpen" AND t.state = 'OPEN'
          AND u.status = 'ACTIVE' AND u."emailNotifications"
     ), per_person AS (
       SELECT "userId", "organizationId",
              count(*) FILTER (WHERE kind = 'APPROVAL') AS approvals,
              count(*) FILTER (WHERE kind = 'PROVISION') AS provisions,
              count(*) FILTER (WHERE kind = 'DEPROVISION') AS deprovisions,
              count(*) AS total,
              jsonb_agg(jsonb_build_object(
                'number', number, 'kind', kind, 'appName', app_name,
                'entitlementName', entitlement_name, 'subject', subject,
                'openedAt', ${isoTimeSql(`"createdAt"`)},
                'dueAt', CASE WHEN "dueAt" IS NULL THEN NULL ELSE ${isoTimeSql(`"dueAt"`)} END,
                'path', '/tasks/' || number
              ) ORDER BY position) FILTER (WHERE position <= $2) AS tasks
         FROM open_tasks
        GROUP BY "userId", "organizationId"
     )
     INSERT INTO "Notification"
       (id, "organizationId", "recipientId", channel, template, payload, "idempotencyKey",
        "nextAttemptAt", "queuedAt", "createdAt")
     SELECT gen_random_uuid(), "organizationId", "userId", 'EMAIL', 'digest.daily',
            jsonb_build_object(
              'date', $1::text,
              'counts', jsonb_build_object('APPROVAL', approvals, 'PROVISION', provisions,
                                           'DEPROVISION', deprovisions),
              'total', total,
              'tasks', tasks),
            'digest.daily:' || $1::text || ':' || "userId" || ':EMAIL',
            $3::timestamp, $3::timestamp, $3::timestamp
       FROM per_person
     ON CONFLICT ("idempotencyKey") DO NOTHING
     RETURNING id::text`,
      day,
      DIGEST_TOP_TASKS,
      now,
    );
    await queueDeliveries(tx, rows);
    return rows.length;
  });
}
