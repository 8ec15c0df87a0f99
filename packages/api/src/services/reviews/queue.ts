import { Prisma } from "@lantern/db";
import { decodeCursor, reviewReasonLabel, toPage, type Page } from "@lantern/domain";
import type { TReviewQueueInput } from "../../schemas/reviews.ts";
import type { ReadContext } from "../shared/context.ts";
import { itemColumns, itemJoins, toItemRow, type ReviewItemRow } from "./campaigns.ts";

// A reviewer's queue (SPEC §10): the items waiting for their decision, grouped by campaign
// (oldest campaign first) in snapshot order. Keyset over the reviewer's active assignments,
// (campaign, position): one index range scan however large the campaign.

export interface QueueItem extends ReviewItemRow {
  campaignName: string;
  campaignDueAt: Date;
  /** What the reason field is called for Keep of this item, null when none is needed. */
  keepReasonLabel: string | null;
}

/** The viewer's waiting review items. */
export async function listReviewQueue(
  ctx: ReadContext,
  input: TReviewQueueInput,
): Promise<Page<QueueItem>> {
  const cursor = input.cursor ? decodeCursor(input.cursor, "integer") : null;
  const conditions = [
    Prisma.sql`ra."userId" = ${ctx.actor.id}::uuid`,
    Prisma.sql`ra.active`,
    input.campaignId ? Prisma.sql`ra."campaignId" = ${input.campaignId}::uuid` : null,
    cursor
      ? Prisma.sql`(ra."campaignId", ra.position) > (${cursor.id}::uuid, ${Number(cursor.key)}::int)`
      : null,
    input.flag === "FLAGGED"
      ? Prisma.sql`cardinality(i.flags) > 0`
      : input.flag
        ? Prisma.sql`${input.flag} = ANY(i.flags)`
        : null,
  ].filter((c) => c !== null);
  const rows = await ctx.db.$queryRaw<
    (Parameters<typeof toItemRow>[0] & { campaignName: string; campaignDueAt: Date })[]
  >`
    SELECT ${itemColumns}, c.name AS "campaignName", c."dueAt" AS "campaignDueAt"
      FROM "ReviewAssignment" ra
      JOIN "ReviewItem" i ON i.id = ra."itemId"
      JOIN "ReviewCampaign" c ON c.id = ra."campaignId"
      ${itemJoins}
     WHERE ${Prisma.join(conditions, " AND ")}
     ORDER BY ra."campaignId", ra.position
     LIMIT ${input.limit + 1}`;
  const items = rows.map((raw) => {
    const row = toItemRow(raw);
    return {
      ...row,
      campaignName: raw.campaignName,
      campaignDueAt: raw.campaignDueAt,
      keepReasonLabel: reviewReasonLabel("keep", row.flags.length > 0),
    };
  });
  return toPage(items, input.limit, (row) => ({ key: String(row.position), id: row.campaignId }));
}

export interface QueueCampaign {
  campaignId: string;
  name: string;
  dueAt: Date;
  overdue: boolean;
  waiting: number;
  flagged: number;
}

/** The campaigns the viewer has items waiting in, with counts: the queue's groups and tabs. */
export async function reviewQueueSummary(ctx: ReadContext & { now: () => Date }) {
  const rows = await ctx.db.$queryRaw<Omit<QueueCampaign, "overdue">[]>`
    SELECT c.id AS "campaignId", c.name, c."dueAt", count(*)::int AS waiting,
           count(*) FILTER (WHERE cardinality(i.flags) > 0)::int AS flagged
      FROM "ReviewAssignment" ra
      JOIN "ReviewCampaign" c ON c.id = ra."campaignId"
      JOIN "ReviewItem" i ON i.id = ra."itemId"
     WHERE ra."userId" = ${ctx.actor.id}::uuid AND ra.active
     GROUP BY c.id
     ORDER BY c.id`;
  const now = ctx.now().getTime();
  const campaigns: QueueCampaign[] = rows.map((r) => ({ ...r, overdue: r.dueAt.getTime() < now }));
  return { campaigns, waiting: campaigns.reduce((sum, c) => sum + c.waiting, 0) };
}
