import type { PrismaClient } from "@lantern/db";
import { isoTimeSql } from "./digest.ts";
import { queueDeliveries } from "./outbox.ts";

/** A running campaign's reviewers are reminded once, this many days before it is due. */
export const REVIEW_REMINDER_DAYS = 3;

const DAY_MS = 24 * 60 * 60 * 1000;

/** What one sweep wrote. */
export interface ReviewSweepResult {
  /** `review.reminder` rows (one per reviewer and channel). */
  reminders: number;
  /** Campaigns whose reminder went out in this sweep (`remindedAt` set). */
  remindedCampaigns: number;
  /** `review.overdue` rows (one per super admin and channel). */
  overdue: number;
  /** Campaigns escalated in this sweep (`escalatedAt` set). */
  escalatedCampaigns: number;
}

interface SweepRow {
  campaigns: number;
  ids: string[];
}

// Both statements pick their campaigns with an UPDATE that stamps them, so the stamp and the
// messages are one statement: a campaign is taken by exactly one sweep (a second sweep at the
// same moment waits for the row lock, then finds it stamped), and the idempotency keys make a
// repeat enqueue nothing even where a stamp was cleared. The channels are each person's
// preferences now; delivery checks them (and the person's status) again when it sends.

/** The channels a person takes, as rows `(channel)` joined on `u`. */
const CHANNELS = `JOIN LATERAL (VALUES ('EMAIL'::"NotificationChannel", u."emailNotifications"),
                                     ('SLACK'::"NotificationChannel", u."slackNotifications"))
                    AS ch(channel, wanted) ON ch.wanted`;

/** The columns of a new outbox row after `organizationId, recipientId, channel`. */
const NOTIFICATION_COLUMNS = `(id, "organizationId", "recipientId", channel, template, payload,
     "idempotencyKey", "nextAttemptAt", "queuedAt", "createdAt")`;

/** The facts every review notification carries (ReviewNoticeFacts), of campaign `c`. */
const noticeFacts = (path: string) =>
  `'campaignId', c.id::text, 'campaignName', c.name, 'dueAt', ${isoTimeSql(`c."dueAt"`)},
   'path', ${path}`;

/**
 * Reminders: each RUNNING campaign due within the window and not reminded yet gets one
 * `review.reminder` per ACTIVE reviewer with active assignments in it, on each channel they
 * take, counting those assignments; the campaign is stamped `remindedAt`. A campaign started
 * less than a day ago waits (its reviewers have just been told).
 */
const REMINDERS_SQL = `
WITH c AS (
  UPDATE "ReviewCampaign"
     SET "remindedAt" = $1::timestamp
   WHERE state = 'RUNNING' AND "remindedAt" IS NULL
     AND "dueAt" > $1::timestamp AND "dueAt" <= $2::timestamp
     -- A campaign started less than a day ago has just told its reviewers: no reminder yet.
     AND "startedAt" <= $1::timestamp - interval '1 day'
  RETURNING id, "organizationId", name, "dueAt"
), per_reviewer AS (
  SELECT a."campaignId", a."userId", count(*) AS pending
    FROM c
    JOIN "ReviewAssignment" a ON a."campaignId" = c.id AND a.active
   GROUP BY a."campaignId", a."userId"
), inserted AS (
  INSERT INTO "Notification" ${NOTIFICATION_COLUMNS}
  SELECT gen_random_uuid(), c."organizationId", u.id, ch.channel, 'review.reminder',
         jsonb_build_object(${noticeFacts(`'/reviews/queue?campaign=' || c.id::text`)},
                            'pendingCount', pr.pending),
         'review.reminder:' || c.id::text || ':' || u.id::text || ':' || ch.channel::text,
         $1::timestamp, $1::timestamp, $1::timestamp
    FROM per_reviewer pr
    JOIN c ON c.id = pr."campaignId"
    JOIN "User" u ON u.id = pr."userId" AND u."organizationId" = c."organizationId"
                 AND u.status = 'ACTIVE'
    ${CHANNELS}
  ON CONFLICT ("idempotencyKey") DO NOTHING
  RETURNING id
)
SELECT (SELECT count(*)::int FROM c) AS campaigns,
       COALESCE((SELECT array_agg(id::text) FROM inserted), ARRAY[]::text[]) AS ids`;

/**
 * Escalations: each RUNNING campaign past its due date, not escalated yet and with a PENDING
 * item gets one `review.overdue` per ACTIVE super admin of its organization, on each channel
 * they take, with the items' counts; the campaign is stamped `escalatedAt`.
 */
const ESCALATIONS_SQL = `
WITH c AS (
  UPDATE "ReviewCampaign" campaign
     SET "escalatedAt" = $1::timestamp
   WHERE campaign.state = 'RUNNING' AND campaign."escalatedAt" IS NULL
     AND campaign."dueAt" <= $1::timestamp
     AND EXISTS (SELECT 1 FROM "ReviewItem" i
                  WHERE i."campaignId" = campaign.id AND i.state = 'PENDING')
  RETURNING campaign.id, campaign."organizationId", campaign.name, campaign."dueAt"
), counts AS (
  SELECT i."campaignId",
         count(*) FILTER (WHERE i.state = 'PENDING') AS pending,
         count(*) FILTER (WHERE i.state IN ('KEPT', 'REVOKED')) AS decided,
         count(*) AS total
    FROM c
    JOIN "ReviewItem" i ON i."campaignId" = c.id
   GROUP BY i."campaignId"
), inserted AS (
  INSERT INTO "Notification" ${NOTIFICATION_COLUMNS}
  SELECT gen_random_uuid(), c."organizationId", u.id, ch.channel, 'review.overdue',
         jsonb_build_object(${noticeFacts(`'/reviews/' || c.id::text`)},
                            'pendingCount', n.pending, 'decidedCount', n.decided,
                            'totalCount', n.total),
         'review.overdue:' || c.id::text || ':' || u.id::text || ':' || ch.channel::text,
         $1::timestamp, $1::timestamp, $1::timestamp
    FROM c
    JOIN counts n ON n."campaignId" = c.id
    JOIN "User" u ON u."organizationId" = c."organizationId"
                 AND u.role = 'SUPER_ADMIN' AND u.status = 'ACTIVE'
    ${CHANNELS}
  ON CONFLICT ("idempotencyKey") DO NOTHING
  RETURNING id
)
SELECT (SELECT count(*)::int FROM c) AS campaigns,
       COALESCE((SELECT array_agg(id::text) FROM inserted), ARRAY[]::text[]) AS ids`;

/**
 * The access reviews' hourly sweep (SPEC §10): reminds the reviewers of campaigns due within
 * `reminderDays` (default 3) once, and tells the super admins once about campaigns past their
 * due date with undecided items. Set-based statements for every organization, in one
 * transaction with the messages' delivery jobs; keyed by campaign, person and channel
 * (`review.reminder:<campaign>:<person>:<channel>`), so a second run enqueues nothing.
 */
export async function enqueueReviewReminders(
  prisma: PrismaClient,
  now: Date,
  options: { reminderDays?: number } = {},
): Promise<ReviewSweepResult> {
  const windowEnd = new Date(
    now.getTime() + (options.reminderDays ?? REVIEW_REMINDER_DAYS) * DAY_MS,
  );
  return prisma.$transaction(
    async (tx) => {
      const [reminded] = await tx.$queryRawUnsafe<SweepRow[]>(REMINDERS_SQL, now, windowEnd);
      const [escalated] = await tx.$queryRawUnsafe<SweepRow[]>(ESCALATIONS_SQL, now);
      const ids = [...(reminded?.ids ?? []), ...(escalated?.ids ?? [])];
      await queueDeliveries(
        tx,
        ids.map((id) => ({ id })),
      );
      return {
        reminders: reminded?.ids.length ?? 0,
        remindedCampaigns: reminded?.campaigns ?? 0,
        overdue: escalated?.ids.length ?? 0,
        escalatedCampaigns: escalated?.campaigns ?? 0,
      };
    },
    // Counting the assignments of a campaign of a million items takes a few seconds.
    { timeout: 120_000, maxWait: 20_000 },
  );
}
