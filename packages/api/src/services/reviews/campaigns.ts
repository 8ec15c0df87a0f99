import { Prisma } from "@lantern/db";
import {
  assertCampaignClosable,
  canCloseReviewCampaign,
  canReadReviewCampaigns,
  decodeCursor,
  DomainError,
  itemStateOnClose,
  removalState,
  REVIEW_FLAG_LABEL,
  toPage,
  type Actor,
  type Page,
  type RemovalRequestState,
  type RemovalState,
  type ReviewCampaignState,
  type ReviewFlag,
  type ReviewItemState,
} from "@lantern/domain";
import type {
  TReviewCampaignIdInput,
  TReviewCampaignListInput,
  TReviewItemsInput,
} from "../../schemas/reviews.ts";
import { keyset, NEWEST_FIRST } from "../shared/keyset.ts";
import type { ReadContext, ServiceContext } from "../shared/context.ts";
import { recordEvents, transaction, type Tx } from "../shared/records.ts";

// Campaigns as super admins and auditors see them (SPEC §10): the list, one campaign's progress
// (decided / total, by reviewer) and removal states, its items with their evidence, and Close.

export const CAMPAIGN_NOT_FOUND = "This campaign does not exist.";

function assertReader(actor: Actor): void {
  const may = canReadReviewCampaigns(actor, actor);
  if (!may.allowed) throw new DomainError("FORBIDDEN", may.reason);
}

export interface CampaignCounts {
  total: number;
  pending: number;
  kept: number;
  revoked: number;
  notReviewed: number;
  /** Revoked items by removal state. */
  removal: Record<RemovalState, number>;
}

export interface CampaignRow {
  id: string;
  name: string;
  state: ReviewCampaignState;
  dueAt: Date;
  startedAt: Date | null;
  closedAt: Date | null;
  createdAt: Date;
  itemCount: number;
  decided: number;
  overdue: boolean;
}

/** Campaigns of the organization, newest first; `state` narrows to running or closed ones. */
export async function listReviewCampaigns(
  ctx: ServiceContext,
  input: TReviewCampaignListInput,
): Promise<Page<CampaignRow>> {
  assertReader(ctx.actor);
  const page = keyset(input, NEWEST_FIRST);
  const rows = await ctx.db.reviewCampaign.findMany({
    where: {
      organizationId: ctx.actor.organizationId,
      ...(input.state ? { state: input.state } : {}),
      ...page.after,
    },
    ...page.window,
    select: {
      id: true,
      name: true,
      state: true,
      dueAt: true,
      startedAt: true,
      closedAt: true,
      createdAt: true,
      itemCount: true,
    },
  });
  const decided = await decidedCounts(
    ctx.db,
    rows.map((r) => r.id),
  );
  const now = ctx.now();
  return page.page(
    rows.map((r) => ({
      ...r,
      decided: decided.get(r.id) ?? 0,
      overdue: r.state === "RUNNING" && r.dueAt.getTime() < now.getTime(),
    })),
  );
}

async function decidedCounts(db: Tx, ids: string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const rows = await db.$queryRaw<{ campaignId: string; decided: number }[]>`
    SELECT "campaignId", count(*)::int AS decided FROM "ReviewItem"
     WHERE "campaignId" = ANY(${ids}::uuid[]) AND state IN ('KEPT', 'REVOKED')
     GROUP BY "campaignId"`;
  return new Map(rows.map((r) => [r.campaignId, r.decided]));
}

async function loadCampaign(db: Tx, actor: Actor, campaignId: string) {
  const campaign = await db.reviewCampaign.findFirst({
    where: { id: campaignId, organizationId: actor.organizationId },
    include: {
      createdBy: { select: { id: true, displayName: true } },
      closedBy: { select: { id: true, displayName: true } },
    },
  });
  if (!campaign) throw new DomainError("NOT_FOUND", CAMPAIGN_NOT_FOUND);
  return campaign;
}

export interface ReviewerProgress {
  userId: string;
  displayName: string;
  /** Items this person decided (at either level). */
  decided: number;
  /** Items waiting for them now. */
  waiting: number;
}

/** One campaign: what it covers, who reviews, progress, removal states. */
export async function getReviewCampaign(ctx: ServiceContext, input: TReviewCampaignIdInput) {
  assertReader(ctx.actor);
  const campaign = await loadCampaign(ctx.db, ctx.actor, input.campaignId);
  const counts = await campaignCounts(ctx.db, campaign.id);
  const reviewers = await ctx.db.$queryRaw<ReviewerProgress[]>`
    WITH waiting AS (
      SELECT "userId", count(*)::int AS n FROM "ReviewAssignment"
       WHERE "campaignId" = ${campaign.id}::uuid AND active GROUP BY "userId"
    ), decided AS (
      SELECT who AS "userId", count(*)::int AS n FROM (
        SELECT "decidedById" AS who FROM "ReviewItem"
         WHERE "campaignId" = ${campaign.id}::uuid AND "decidedById" IS NOT NULL
        UNION ALL
        SELECT "firstDecidedById" FROM "ReviewItem"
         WHERE "campaignId" = ${campaign.id}::uuid AND "firstDecidedById" IS NOT NULL
      ) d GROUP BY who
    )
    SELECT u.id AS "userId", u."displayName", COALESCE(d.n, 0) AS decided,
           COALESCE(w.n, 0) AS waiting
      FROM (SELECT "userId" FROM waiting UNION SELECT "userId" FROM decided) p
      JOIN "User" u ON u.id = p."userId"
      LEFT JOIN waiting w ON w."userId" = p."userId"
      LEFT JOIN decided d ON d."userId" = p."userId"
     ORDER BY waiting DESC, u."displayName", u.id
     LIMIT 200`;
  const scope = campaign.scope as { appIds?: string[]; entitlementIds?: string[] };
  const [apps, entitlements] = [
    await ctx.db.app.findMany({
      where: { id: { in: scope.appIds ?? [] }, organizationId: ctx.actor.organizationId },
      select: { id: true, name: true },
      orderBy: { name: "asc" },
    }),
    await ctx.db.entitlement.findMany({
      where: { id: { in: scope.entitlementIds ?? [] }, organizationId: ctx.actor.organizationId },
      select: { id: true, displayName: true, app: { select: { id: true, name: true } } },
      orderBy: { displayName: "asc" },
    }),
  ];
  const now = ctx.now();
  return {
    id: campaign.id,
    name: campaign.name,
    description: campaign.description,
    state: campaign.state,
    dueAt: campaign.dueAt,
    overdue: campaign.state === "RUNNING" && campaign.dueAt.getTime() < now.getTime(),
    startedAt: campaign.startedAt,
    closedAt: campaign.closedAt,
    createdBy: campaign.createdBy,
    closedBy: campaign.closedBy,
    hasSecondLevel: campaign.hasSecondLevel,
    scope: campaign.scope as Record<string, unknown>,
    reviewerPlan: campaign.reviewerPlan as {
      first: { kind: string; userIds: string[] };
      second: { kind: string; userIds: string[] } | null;
    },
    apps,
    entitlements,
    counts,
    reviewers,
    canClose: canCloseReviewCampaign(ctx.actor, campaign).allowed && campaign.state === "RUNNING",
  };
}

export async function campaignCounts(db: Tx, campaignId: string): Promise<CampaignCounts> {
  const rows = await db.$queryRaw<
    {
      state: ReviewItemState;
      requestState: RemovalRequestState | null;
      grantRevoked: boolean;
      problem: string | null;
      n: number;
    }[]
  >`
    SELECT i.state::text AS state, r.state::text AS "requestState",
           (g."revokedAt" IS NOT NULL) AS "grantRevoked",
           CASE WHEN i."removalProblem" IS NOT NULL THEN 'refused' END AS problem,
           count(*)::int AS n
      FROM "ReviewItem" i
      LEFT JOIN "Request" r ON r.id = i."revokeRequestId"
      LEFT JOIN "Grant" g ON g.id = i."grantId" AND i.state = 'REVOKED'
     WHERE i."campaignId" = ${campaignId}::uuid
     GROUP BY 1, 2, 3, 4`;
  const counts: CampaignCounts = {
    total: 0,
    pending: 0,
    kept: 0,
    revoked: 0,
    notReviewed: 0,
    removal: { PENDING: 0, REMOVED: 0, ERRORED: 0, DENIED: 0, CANCELLED: 0 },
  };
  for (const row of rows) {
    counts.total += row.n;
    if (row.state === "PENDING") counts.pending += row.n;
    if (row.state === "KEPT") counts.kept += row.n;
    if (row.state === "NOT_REVIEWED") counts.notReviewed += row.n;
    if (row.state === "REVOKED") {
      counts.revoked += row.n;
      counts.removal[removalState(row.state, row.requestState, row.grantRevoked, row.problem)!] +=
        row.n;
    }
  }
  return counts;
}

export interface ReviewItemRow {
  id: string;
  position: number;
  campaignId: string;
  appId: string;
  appName: string;
  entitlementId: string;
  entitlementName: string;
  accountId: string;
  accountLabel: string;
  accountType: "USER" | "SERVICE" | "SYSTEM";
  ownerId: string | null;
  ownerName: string | null;
  ownerEmail: string | null;
  ownerStatus: "ACTIVE" | "SUSPENDED" | "DEPROVISIONED" | null;
  ownerSource: "MATCHED" | "MANUAL" | "CLEARED";
  matchRule: "EMAIL" | "NAME" | null;
  matchValue: string | null;
  grantedAt: Date;
  lastLoginAt: Date | null;
  flags: { flag: ReviewFlag; label: string }[];
  state: ReviewItemState;
  level: number;
  routingNote: string | null;
  firstDecidedBy: string | null;
  firstDecidedAt: Date | null;
  firstReason: string | null;
  decidedBy: string | null;
  decidedAt: Date | null;
  reason: string | null;
  version: number;
  reviewers: { id: string; displayName: string }[];
  removal: RemovalState | null;
  revokeRequestId: string | null;
  /** Why the removal a bulk Revoke asked for could not be requested, if it could not. */
  removalProblem: string | null;
  /** The open task of the removal request, if any (its number). */
  removalTaskNumber: number | null;
}

interface RawItemRow extends Omit<ReviewItemRow, "flags" | "removal" | "reviewers"> {
  flags: string[];
  secondRoutingNote: string | null;
  requestState: RemovalRequestState | null;
  grantRevoked: boolean;
  reviewers: { id: string; displayName: string }[] | null;
}

/** The columns of an item row, over `i` (ReviewItem); reviewers are those it waits for now. */
export const itemColumns = Prisma.sql`
  i.id, i.position, i."campaignId", i."appId", i."appName", i."entitlementId",
  i."entitlementName", i."accountId", i."accountLabel", i."accountType"::text AS "accountType",
  i."ownerId", i."ownerName", i."ownerEmail", i."ownerStatus"::text AS "ownerStatus",
  i."ownerSource"::text AS "ownerSource", i."matchRule"::text AS "matchRule", i."matchValue",
  i."grantedAt", i."lastLoginAt", i.flags, i.state::text AS state, i.level, i."routingNote",
  i."secondRoutingNote", f."displayName" AS "firstDecidedBy", i."firstDecidedAt",
  i."firstReason", d."displayName" AS "decidedBy", i."decidedAt", i.reason, i.version,
  i."revokeRequestId", i."removalProblem", r.state::text AS "requestState",
  (g."revokedAt" IS NOT NULL) AS "grantRevoked",
  (SELECT t.number FROM "Task" t WHERE t."requestId" = r.id AND t.state = 'OPEN'
    ORDER BY t.number DESC LIMIT 1) AS "removalTaskNumber",
  (SELECT json_agg(json_build_object('id', u.id, 'displayName', u."displayName")
                   ORDER BY u."displayName")
     FROM "ReviewAssignment" ra JOIN "User" u ON u.id = ra."userId"
    WHERE ra."itemId" = i.id AND ra.active) AS reviewers`;

/** Joins the item columns need, after `FROM "ReviewItem" i`. */
export const itemJoins = Prisma.sql`
  LEFT JOIN "User" f ON f.id = i."firstDecidedById"
  LEFT JOIN "User" d ON d.id = i."decidedById"
  LEFT JOIN "Request" r ON r.id = i."revokeRequestId"
  LEFT JOIN "Grant" g ON g.id = i."grantId" AND i.state = 'REVOKED'`;

export function toItemRow(raw: RawItemRow): ReviewItemRow {
  const { secondRoutingNote, requestState, grantRevoked, ...row } = raw;
  return {
    ...row,
    routingNote: raw.level === 2 ? secondRoutingNote : raw.routingNote,
    flags: raw.flags.map((flag) => ({
      flag: flag as ReviewFlag,
      label: REVIEW_FLAG_LABEL[flag as ReviewFlag] ?? flag,
    })),
    reviewers: raw.reviewers ?? [],
    removal: removalState(raw.state, requestState, grantRevoked, raw.removalProblem),
  };
}

const FILTER_SQL: Record<NonNullable<TReviewItemsInput["filter"]>, Prisma.Sql> = {
  pending: Prisma.sql`i.state = 'PENDING'`,
  kept: Prisma.sql`i.state = 'KEPT'`,
  revoked: Prisma.sql`i.state = 'REVOKED'`,
  not_reviewed: Prisma.sql`i.state = 'NOT_REVIEWED'`,
  removal_pending: Prisma.sql`i.state = 'REVOKED' AND g."revokedAt" IS NULL
    AND ((r.state IS NULL AND i."removalProblem" IS NULL)
         OR r.state IN ('PENDING_APPROVAL', 'APPROVED', 'PROVISIONING'))`,
  removed: Prisma.sql`i.state = 'REVOKED' AND (g."revokedAt" IS NOT NULL OR r.state = 'COMPLETED')`,
  removal_failed: Prisma.sql`i.state = 'REVOKED' AND g."revokedAt" IS NULL
    AND (r.state IN ('ERRORED', 'DENIED', 'CANCELLED')
         OR (r.state IS NULL AND i."removalProblem" IS NOT NULL))`,
};

/** A page of a campaign's items in snapshot order, filtered by state, removal or reviewer. */
export async function itemPage(
  db: Tx,
  campaignId: string,
  input: Pick<TReviewItemsInput, "filter" | "reviewerId" | "cursor" | "limit">,
): Promise<Page<ReviewItemRow>> {
  const after = input.cursor ? Number(decodeCursor(input.cursor, "integer").key) : 0;
  const conditions = [
    Prisma.sql`i."campaignId" = ${campaignId}::uuid`,
    Prisma.sql`i.position > ${after}`,
    input.filter ? FILTER_SQL[input.filter] : null,
    input.reviewerId
      ? Prisma.sql`(i."decidedById" = ${input.reviewerId}::uuid
          OR i."firstDecidedById" = ${input.reviewerId}::uuid
          OR EXISTS (SELECT 1 FROM "ReviewAssignment" ra WHERE ra."itemId" = i.id
                      AND ra."userId" = ${input.reviewerId}::uuid AND ra.active))`
      : null,
  ].filter((c) => c !== null);
  const rows = await db.$queryRaw<RawItemRow[]>`
    SELECT ${itemColumns} FROM "ReviewItem" i ${itemJoins}
     WHERE ${Prisma.join(conditions, " AND ")}
     ORDER BY i.position LIMIT ${input.limit + 1}`;
  return toPage(rows.map(toItemRow), input.limit, (row) => ({
    key: String(row.position),
    id: row.campaignId,
  }));
}

/** A campaign's items, for super admins and auditors. */
export async function listReviewItems(
  ctx: ServiceContext,
  input: TReviewItemsInput,
): Promise<Page<ReviewItemRow>> {
  assertReader(ctx.actor);
  const campaign = await loadCampaign(ctx.db, ctx.actor, input.campaignId);
  return itemPage(ctx.db, campaign.id, input);
}

/**
 * Closes a running campaign (super admins): undecided items are recorded as "not reviewed",
 * nobody waits for them any more, and the campaign keeps its evidence as it stands.
 */
export async function closeReviewCampaign(
  ctx: ServiceContext,
  input: TReviewCampaignIdInput,
): Promise<{ notReviewed: number }> {
  const { actor } = ctx;
  return transaction(ctx, async (tx) => {
    const now = ctx.now();
    const locked = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM "ReviewCampaign"
       WHERE id = ${input.campaignId}::uuid AND "organizationId" = ${actor.organizationId}::uuid
         FOR UPDATE`;
    if (locked.length === 0) throw new DomainError("NOT_FOUND", CAMPAIGN_NOT_FOUND);
    const campaign = await loadCampaign(tx, actor, input.campaignId);
    const may = canCloseReviewCampaign(actor, campaign);
    if (!may.allowed) throw new DomainError("FORBIDDEN", may.reason);
    assertCampaignClosable(campaign);
    const notReviewed = await tx.$executeRaw`
      UPDATE "ReviewItem" SET state = ${itemStateOnClose("PENDING")}::"ReviewItemState",
             version = version + 1
       WHERE "campaignId" = ${campaign.id}::uuid AND state = 'PENDING'`;
    await tx.$executeRaw`
      UPDATE "ReviewAssignment"
         SET active = false, "unassignedAt" = ${now}, "unassignedReason" = 'campaign closed'
       WHERE "campaignId" = ${campaign.id}::uuid AND active`;
    await tx.reviewCampaign.update({
      where: { id: campaign.id },
      data: { state: "CLOSED", closedAt: now, closedById: actor.id },
    });
    const counts = await campaignCounts(tx, campaign.id);
    await recordEvents(tx, [
      {
        organizationId: actor.organizationId,
        actorId: actor.id,
        action: "review_campaign.closed",
        targetType: "ReviewCampaign",
        targetId: campaign.id,
        before: { state: "RUNNING" },
        after: {
          state: "CLOSED",
          name: campaign.name,
          kept: counts.kept,
          revoked: counts.revoked,
          notReviewed: counts.notReviewed,
        },
        at: now,
      },
    ]);
    return { notReviewed };
  });
}

/** Reads of a campaign that a CSV route needs: the campaign, checked for the reader. */
export async function readableCampaign(ctx: ReadContext, campaignId: string) {
  assertReader(ctx.actor);
  return loadCampaign(ctx.db, ctx.actor, campaignId);
}
