import { QUEUES, runDueJobs, type JobData, type PrismaClient } from "@lantern/db";
import { isDomainError, type Actor } from "@lantern/domain";
import { actorSelect } from "../../context.ts";
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
    select: actorSelect,
  });
  if (!actor) {
    summary.skipped += data.itemIds.length;
    return summary;
  }
  for (const itemId of data.itemIds) {
    const outcome = await transaction(
      { db },
      async (tx): Promise<keyof ReviewRemovalSummary> => {
        const [item] = await tx.$queryRaw<WaitingItem[]>`
          SELECT i.id, i."organizationId", i."campaignId", c.name AS "campaignName", i."grantId",
                 i.reason,
                 (i.state = 'REVOKED' AND i."revokeRequestId" IS NULL
                  AND i."removalProblem" IS NULL) AS waiting
            FROM "ReviewItem" i JOIN "ReviewCampaign" c ON c.id = i."campaignId"
           WHERE i.id = ${itemId}::uuid AND i."organizationId" = ${actor.organizationId}::uuid
             FOR UPDATE OF i`;
        if (!item?.waiting) return "skipped";
        const at = now();
        const about = { campaignId: item.campaignId, campaign: item.campaignName };
        try {
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
              after: { ...about, requestId },
              reason: item.reason,
              requestId,
              at,
            },
          ]);
          return "requested";
        } catch (error) {
          if (!isDomainError(error)) throw error;
          // openRemoval's savepoint left nothing behind: the refusal is kept in this transaction.
          await tx.$executeRaw`
            UPDATE "ReviewItem" SET "removalProblem" = ${error.message}, version = version + 1
             WHERE id = ${item.id}::uuid`;
          await recordEvents(tx, [
            {
              organizationId: item.organizationId,
              actorId: null,
              action: "review_item.removal_refused",
              targetType: "ReviewItem",
              targetId: item.id,
              after: { ...about, problem: error.message },
              reason: error.message,
              at,
            },
          ]);
          return "refused";
        }
      },
      { timeout: 60_000 },
    );
    summary[outcome] += 1;
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
