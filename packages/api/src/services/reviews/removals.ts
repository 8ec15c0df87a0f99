import { QUEUES, runDueJobs, type JobData, type PrismaClient } from "@lantern/db";
import { isDomainError, type Actor } from "@lantern/domain";
import { recordEvents, transaction } from "../shared/records.ts";
import { openRemoval } from "./decide.ts";

// The removals of a bulk Revoke (SPEC §10), opened in the background. The decisions were
// recorded when the reviewer made them (the items are REVOKED, their removal "pending"); this
// job opens each item's REVOKE request through the same path as a single Revoke — or links the
// revocation already running, or nothing when the grant has ended — one item per transaction.
// It is idempotent: an item already linked to a request, or already refused, is left alone, so
// a retried job (a worker that died, a database that went away) does the rest and nothing twice.
// A refusal (the revocation policy was removed since the decision) is kept on the item, shown
// as "Removal failed" on the campaign with the reason, and recorded as an Event.

export interface ReviewRemovalSummary {
  /** Items whose removal was requested (or linked to one under way, or found done). */
  requested: number;
  /** Items whose removal was refused; the reason is on the item. */
  refused: number;
  /** Items not waiting for a removal any more (done by an earlier run, or not revoked). */
  skipped: number;
}

interface WaitingItem {
  id: string;
  organizationId: string;
  campaignId: string;
  campaignName: string;
  grantId: string;
  reason: string | null;
  waiting: boolean;
}

/** Opens the removals of one job's items, as `actorId` (who revoked them). */
export async function runReviewRemovals(
  db: PrismaClient,
  data: JobData[typeof QUEUES.reviewRemovals],
  now: () => Date = () => new Date(),
): Promise<ReviewRemovalSummary> {
  const summary: ReviewRemovalSummary = { requested: 0, refused: 0, skipped: 0 };
  const actor: Actor | null = await db.user.findUnique({
    where: { id: data.actorId },
    select: {
      id: true,
      organizationId: true,
      role: true,
      status: true,
      displayName: true,
      email: true,
    },
  });
  if (!actor) {
    summary.skipped += data.itemIds.length;
    return summary;
  }
  const ctx = { db };
  for (const itemId of data.itemIds) {
    const refusal = await transaction(
      ctx,
      async (tx) => {
        const [item] = await tx.$queryRaw<WaitingItem[]>`
          SELECT i.id, i."organizationId", i."campaignId", c.name AS "campaignName", i."grantId",
                 i.reason,
                 (i.state = 'REVOKED' AND i."revokeRequestId" IS NULL
                  AND i."removalProblem" IS NULL) AS waiting
            FROM "ReviewItem" i JOIN "ReviewCampaign" c ON c.id = i."campaignId"
           WHERE i.id = ${itemId}::uuid AND i."organizationId" = ${actor.organizationId}::uuid
             FOR UPDATE OF i`;
        if (!item?.waiting) {
          summary.skipped += 1;
          return null;
        }
        try {
          const at = now();
          const requestId = await openRemoval(tx, actor, at, item, item);
          await tx.$executeRaw`
            UPDATE "ReviewItem" SET "revokeRequestId" = ${requestId}::uuid, version = version + 1
             WHERE id = ${item.id}::uuid`;
          await recordEvents(tx, [
            {
              organizationId: item.organizationId,
              actorId: actor.id,
              action: "review_item.removal_requested",
              targetType: "ReviewItem",
              targetId: item.id,
              after: { campaignId: item.campaignId, campaign: item.campaignName, requestId },
              reason: item.reason,
              requestId,
              at,
            },
          ]);
          summary.requested += 1;
          return null;
        } catch (error) {
          if (!isDomainError(error)) throw error;
          return { item, message: error.message };
        }
      },
      { timeout: 60_000 },
    );
    if (!refusal) continue;
    // The refusal in a transaction of its own: openRemoval's savepoint left nothing behind.
    await transaction(ctx, async (tx) => {
      const at = now();
      const marked = await tx.$executeRaw`
        UPDATE "ReviewItem" SET "removalProblem" = ${refusal.message}, version = version + 1
         WHERE id = ${refusal.item.id}::uuid AND "revokeRequestId" IS NULL
           AND "removalProblem" IS NULL`;
      if (marked === 0) return;
      await recordEvents(tx, [
        {
          organizationId: refusal.item.organizationId,
          actorId: null,
          action: "review_item.removal_refused",
          targetType: "ReviewItem",
          targetId: refusal.item.id,
          after: {
            campaignId: refusal.item.campaignId,
            campaign: refusal.item.campaignName,
            problem: refusal.message,
          },
          reason: refusal.message,
          at,
        },
      ]);
    });
    summary.refused += 1;
  }
  return summary;
}

/**
 * Takes the due removal jobs from the queue (at most `limit`, default all of them) and runs
 * each, as a worker would; answers what became of their items.
 */
export async function runReviewRemovalJobs(
  db: PrismaClient,
  options: { limit?: number; now?: () => Date } = {},
): Promise<ReviewRemovalSummary & { jobs: number }> {
  const total = { requested: 0, refused: 0, skipped: 0, jobs: 0 };
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  while (total.jobs < limit) {
    const taken = await runDueJobs(
      db,
      QUEUES.reviewRemovals,
      async (job) => {
        const one = await runReviewRemovals(db, job.data, options.now);
        total.requested += one.requested;
        total.refused += one.refused;
        total.skipped += one.skipped;
      },
      { limit: 1 },
    );
    if (taken === 0) break;
    total.jobs += taken;
  }
  return total;
}
