import { enqueueJobs, QUEUES } from "@lantern/db";
import {
  canDecideReviewItem,
  canReassignReviewItem,
  DomainError,
  isDomainError,
  reassignExcludedIds,
  REVIEW_ACTION_LABEL,
  reviewItemTransition,
  type Actor,
  type ReviewAction,
  type ReviewItemFacts,
  type ReviewOutcome,
} from "@lantern/domain";
import type {
  TBulkReviewInput,
  TDecideReviewItemInput,
  TReassignReviewItemInput,
  TReviewReassigneesInput,
} from "../../schemas/reviews.ts";
import { loadGrant, pendingRevocations, requestRevocation } from "../grants/index.ts";
import { effectivePolicy, noPolicyMessage } from "../requests/index.ts";
import { findActivePeople } from "../search.ts";
import type { ServiceContext } from "../shared/context.ts";
import {
  enqueueNotifications,
  recipientSelect,
  recordEvents,
  transaction,
  type EventRecord,
  type Tx,
} from "../shared/records.ts";

// Deciding review items (SPEC §10): Keep, Revoke or Reassign, one item or a selection with one
// comment. Every call is one transaction that locks the items, asks the domain about each one
// (who may decide, what the decision leads to), and writes the decisions set-based with one
// Event per decision. A Revoke opens a REVOKE request through the revocation path (policy →
// approval → deprovisioning task or connector), linked to the item, or links the removal
// already under way; each in a savepoint, so one item's refusal never undoes another's decision.
// A bulk Revoke records its decisions at once and leaves opening the removals to a background
// job (runReviewRemovals): a thousand revocation paths take the better part of a minute, and
// the reviewer's answer should not. Whether a revocation policy applies is still checked first,
// so an item that cannot be removed is refused in the answer, as one at a time.

export const ITEM_NOT_FOUND = "This review item does not exist.";

interface LockedItem {
  id: string;
  campaignId: string;
  campaignName: string;
  campaignState: "DRAFT" | "RUNNING" | "CLOSED";
  dueAt: Date;
  hasSecondLevel: boolean;
  state: "PENDING" | "KEPT" | "REVOKED" | "NOT_REVIEWED";
  level: number;
  ownerId: string | null;
  grantId: string;
  entitlementId: string;
  flags: string[];
  firstDecidedById: string | null;
  decidedByName: string | null;
  appName: string;
  entitlementName: string;
  accountLabel: string;
  version: number;
  reviewerIds: string[];
}

/**
 * The items, locked until the transaction ends (in id order: two bulks never deadlock);
 * `lock: false` only reads them (the Reassign picker).
 */
async function lockItems(
  tx: Tx,
  organizationId: string,
  ids: string[],
  { lock = true }: { lock?: boolean } = {},
): Promise<LockedItem[]> {
  // The lock first, by a statement of its own: the read after it takes a new snapshot, so it
  // sees what a decision that held the lock before us committed. (Locking and reading in one
  // statement would re-read only the locked rows, and join the items as they were before.)
  if (lock) {
    await tx.$queryRaw`
      SELECT id FROM "ReviewItem"
       WHERE id = ANY(${ids}::uuid[]) AND "organizationId" = ${organizationId}::uuid
       ORDER BY id FOR UPDATE`;
  }
  return tx.$queryRaw<LockedItem[]>`
    WITH locked AS (
      SELECT id FROM "ReviewItem"
       WHERE id = ANY(${ids}::uuid[]) AND "organizationId" = ${organizationId}::uuid
    )
    SELECT i.id, i."campaignId", c.name AS "campaignName", c.state::text AS "campaignState",
           c."dueAt", c."hasSecondLevel", i.state::text AS state, i.level, i."ownerId",
           i."grantId", i."entitlementId", i.flags, i."firstDecidedById", d."displayName" AS "decidedByName",
           i."appName", i."entitlementName", i."accountLabel", i.version,
           COALESCE(array_agg(ra."userId"::text) FILTER (WHERE ra."userId" IS NOT NULL), '{}')
             AS "reviewerIds"
      FROM locked
      JOIN "ReviewItem" i ON i.id = locked.id
      JOIN "ReviewCampaign" c ON c.id = i."campaignId"
      LEFT JOIN "User" d ON d.id = i."decidedById"
      -- Who the item waits for; once decided or closed, who it waited for (so that a late
      -- reviewer hears "already kept by…" or "closed", not "not yours").
      LEFT JOIN "ReviewAssignment" ra ON ra."itemId" = i.id AND ra.level = i.level
            AND (ra.active OR i.state <> 'PENDING')
     GROUP BY i.id, c.id, d.id`;
}

function factsOf(organizationId: string, item: LockedItem): ReviewItemFacts {
  return {
    campaign: { organizationId, name: item.campaignName, state: item.campaignState },
    state: item.state,
    level: item.level === 2 ? 2 : 1,
    hasSecondLevel: item.hasSecondLevel,
    reviewerIds: item.reviewerIds,
    ownerId: item.ownerId,
    firstLevelDeciderId: item.firstDecidedById,
    flagged: item.flags.length > 0,
    decidedByName: item.decidedByName,
  };
}

export type ReviewDecisionResult =
  | {
      itemId: string;
      status: "done";
      result: string;
      outcome: ReviewOutcome["effect"];
      revokeRequestId: string | null;
    }
  | { itemId: string; status: "skipped"; reason: string; code: string };

export interface ReviewBulkResult {
  done: number;
  skipped: number;
  results: ReviewDecisionResult[];
}

const DONE_WORDS: Record<ReviewOutcome["effect"], string> = {
  DONE: "Kept",
  NEXT_LEVEL: "Kept; sent to the second level",
  REVOKE_REQUEST: "Revoked; removal requested",
  REASSIGNED: "Reassigned",
};

/** What a bulk Revoke answers: the decision is made, the removal is being requested. */
const REVOKED_REMOVAL_QUEUED = "Revoked; removal being requested";

/** Items whose removals one background job opens. */
export const REVIEW_REMOVALS_PER_JOB = 100;

/** When a Revoke's removal is opened: in the decision's transaction, or by a background job. */
type Removals = "now" | "later";

interface Applied {
  item: LockedItem;
  outcome: ReviewOutcome;
  revokeRequestId: string | null;
}

/**
 * Why a revocation of each entitlement would be refused (no revocation policy applies), or null:
 * what a bulk Revoke checks before it records decisions whose removals a job opens later.
 */
async function revocationRefusals(
  tx: Tx,
  organizationId: string,
  entitlementIds: string[],
): Promise<Map<string, string | null>> {
  const entitlements = await tx.entitlement.findMany({
    where: { organizationId, id: { in: entitlementIds } },
    select: {
      id: true,
      displayName: true,
      requestPolicyId: true,
      revocationPolicyId: true,
      app: {
        select: {
          name: true,
          defaultRequestPolicyId: true,
          defaultRevocationPolicyId: true,
          organization: {
            select: { defaultRequestPolicyId: true, defaultRevocationPolicyId: true },
          },
        },
      },
    },
  });
  const refusals = new Map<string, string | null>();
  for (const entitlement of entitlements) {
    const policy = await effectivePolicy(tx, entitlement, "REVOKE");
    refusals.set(entitlement.id, policy ? null : noPolicyMessage("REVOKE", entitlement));
  }
  return refusals;
}

/**
 * Decides `itemIds` in the caller's transaction. Refusals (not allowed, already decided, no
 * reason, no revocation policy) are answered per item and change nothing of that item.
 */
async function decideIn(
  tx: Tx,
  actor: Actor,
  now: Date,
  itemIds: string[],
  action: ReviewAction,
  reason: string | null | undefined,
  toUserId: string | null,
  removals: Removals = "now",
): Promise<ReviewDecisionResult[]> {
  const org = actor.organizationId;
  const ids = [...new Set(itemIds)];
  const locked = new Map((await lockItems(tx, org, ids)).map((item) => [item.id, item]));
  const later = removals === "later" && action === "revoke";
  const refusals = later
    ? await revocationRefusals(tx, org, [
        ...new Set([...locked.values()].map((i) => i.entitlementId)),
      ])
    : new Map<string, string | null>();
  const queued: string[] = [];
  const target = toUserId
    ? await tx.user.findFirst({
        where: { id: toUserId, organizationId: org },
        select: { ...recipientSelect, organizationId: true, displayName: true, status: true },
      })
    : null;

  const results = new Map<string, ReviewDecisionResult>();
  const applied: Applied[] = [];
  for (const id of ids) {
    const item = locked.get(id);
    try {
      if (!item) throw new DomainError("NOT_FOUND", ITEM_NOT_FOUND);
      const facts = factsOf(org, item);
      const may =
        action === "reassign"
          ? canReassignReviewItem(actor, facts, target)
          : canDecideReviewItem(actor, facts, action);
      if (!may.allowed) throw new DomainError("FORBIDDEN", may.reason);
      const outcome = reviewItemTransition(facts, action, reason);
      const queue = later && outcome.effect === "REVOKE_REQUEST";
      if (queue) {
        const refusal = refusals.get(item.entitlementId);
        if (refusal) throw new DomainError("BAD_REQUEST", refusal);
        queued.push(item.id);
      }
      const revokeRequestId =
        outcome.effect === "REVOKE_REQUEST" && !queue
          ? await openRemoval(tx, actor, now, item, outcome)
          : null;
      applied.push({ item, outcome, revokeRequestId });
      results.set(id, {
        itemId: id,
        status: "done",
        result: queue ? REVOKED_REMOVAL_QUEUED : DONE_WORDS[outcome.effect],
        outcome: outcome.effect,
        revokeRequestId,
      });
    } catch (error) {
      if (!isDomainError(error)) throw error;
      results.set(id, { itemId: id, status: "skipped", reason: error.message, code: error.code });
    }
  }
  await writeDecisions(tx, actor, now, applied, action, target);
  const jobs: { data: { itemIds: string[]; actorId: string } }[] = [];
  for (let i = 0; i < queued.length; i += REVIEW_REMOVALS_PER_JOB) {
    jobs.push({
      data: { itemIds: queued.slice(i, i + REVIEW_REMOVALS_PER_JOB), actorId: actor.id },
    });
  }
  await enqueueJobs(tx, QUEUES.reviewRemovals, jobs);
  return ids.map((id) => results.get(id)!);
}

/**
 * The removal a Revoke asks for: the revocation already under way for the grant, if any (the
 * item links to it), else a new REVOKE request. Null when the grant has already ended. In a
 * savepoint: a refusal (no revocation policy applies) leaves nothing behind.
 */
export async function openRemoval(
  tx: Tx,
  actor: Actor,
  now: Date,
  item: Pick<LockedItem, "grantId" | "campaignName">,
  outcome: Pick<ReviewOutcome, "reason">,
): Promise<string | null> {
  const grant = await loadGrant(tx, actor, item.grantId);
  if (grant.revokedAt) return null;
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`revoke:${grant.id}`}))`;
  const running = (await pendingRevocations(tx, actor.organizationId, [grant.id])).get(grant.id);
  if (running) return running.requestId;
  await tx.$executeRawUnsafe("SAVEPOINT review_revoke");
  try {
    const started = await requestRevocation(
      tx,
      actor,
      now,
      grant,
      `Access review "${item.campaignName}": ${outcome.reason ?? ""}`.trim(),
    );
    await tx.$executeRawUnsafe("RELEASE SAVEPOINT review_revoke");
    return started.requestId;
  } catch (error) {
    await tx.$executeRawUnsafe("ROLLBACK TO SAVEPOINT review_revoke");
    throw error;
  }
}

const EVENT_ACTION: Record<ReviewOutcome["effect"], string> = {
  DONE: "review_item.kept",
  NEXT_LEVEL: "review_item.kept",
  REVOKE_REQUEST: "review_item.revoked",
  REASSIGNED: "review_item.reassigned",
};

async function writeDecisions(
  tx: Tx,
  actor: Actor,
  now: Date,
  applied: Applied[],
  action: ReviewAction,
  target: {
    id: string;
    displayName: string;
    emailNotifications: boolean;
    slackNotifications: boolean;
  } | null,
): Promise<void> {
  if (applied.length === 0) return;
  const org = actor.organizationId;
  const ofEffect = (...effects: ReviewOutcome["effect"][]) =>
    applied.filter((a) => effects.includes(a.outcome.effect));
  const idsOf = (list: Applied[]) => list.map((a) => a.item.id);

  // Kept or revoked for good: the decision is the item's.
  const final = ofEffect("DONE", "REVOKE_REQUEST");
  if (final.length > 0) {
    await tx.$executeRaw`
      UPDATE "ReviewItem" i
         SET state = x.state::"ReviewItemState", "decidedById" = ${actor.id}::uuid,
             "decidedAt" = ${now}, reason = x.reason, "revokeRequestId" = x.request::uuid,
             version = i.version + 1
        FROM unnest(${idsOf(final)}::uuid[], ${final.map((a) => a.outcome.state)}::text[],
                    ${final.map((a) => a.outcome.reason)}::text[],
                    ${final.map((a) => a.revokeRequestId)}::text[]) AS x(id, state, reason, request)
       WHERE i.id = x.id`;
  }
  // Kept at level 1 of two: the second level's reviewers take over.
  const promoted = ofEffect("NEXT_LEVEL");
  if (promoted.length > 0) {
    await tx.$executeRaw`
      UPDATE "ReviewItem" i
         SET level = 2, "firstDecidedById" = ${actor.id}::uuid, "firstDecidedAt" = ${now},
             "firstReason" = x.reason, version = i.version + 1
        FROM unnest(${idsOf(promoted)}::uuid[], ${promoted.map((a) => a.outcome.reason)}::text[])
             AS x(id, reason)
       WHERE i.id = x.id`;
  }
  // Whoever the items waited for no longer waits for them.
  const decided = ofEffect("DONE", "REVOKE_REQUEST", "NEXT_LEVEL", "REASSIGNED");
  const why = action === "reassign" ? "reassigned" : "decided";
  await tx.$executeRaw`
    UPDATE "ReviewAssignment"
       SET active = false, "unassignedAt" = ${now}, "unassignedReason" = ${why}
     WHERE "itemId" = ANY(${idsOf(decided)}::uuid[]) AND active`;
  if (promoted.length > 0) {
    const woken = await tx.$queryRaw<{ userId: string; campaignId: string }[]>`
      UPDATE "ReviewAssignment" SET active = true, "assignedAt" = ${now}
       WHERE "itemId" = ANY(${idsOf(promoted)}::uuid[]) AND level = 2
      RETURNING "userId", "campaignId"`;
    await notifyReviewers(tx, org, now, woken, { level: 2, startedBy: actor.displayName });
  }
  const reassigned = ofEffect("REASSIGNED");
  if (reassigned.length > 0 && target) {
    await tx.$executeRaw`
      INSERT INTO "ReviewAssignment"
        ("itemId", level, "userId", "organizationId", "campaignId", position, active,
         "assignedAt", "assignedById")
      SELECT i.id, i.level, ${target.id}::uuid, i."organizationId", i."campaignId", i.position,
             true, ${now}, ${actor.id}::uuid
        FROM "ReviewItem" i WHERE i.id = ANY(${idsOf(reassigned)}::uuid[])
      ON CONFLICT ("itemId", level, "userId") DO UPDATE
        SET active = true, "assignedAt" = EXCLUDED."assignedAt",
            "assignedById" = EXCLUDED."assignedById", "unassignedAt" = NULL,
            "unassignedReason" = NULL`;
    await tx.$executeRaw`
      UPDATE "ReviewItem" SET version = version + 1 WHERE id = ANY(${idsOf(reassigned)}::uuid[])`;
    const byCampaign = new Map<string, Applied[]>();
    for (const a of reassigned) {
      byCampaign.set(a.item.campaignId, [...(byCampaign.get(a.item.campaignId) ?? []), a]);
    }
    for (const [campaignId, list] of byCampaign) {
      const first = list[0]!.item;
      await enqueueNotifications(tx, {
        organizationId: org,
        recipients: target.id === actor.id ? [] : [target],
        template: "review.reassigned",
        payload: {
          campaignId,
          campaignName: first.campaignName,
          dueAt: first.dueAt.toISOString(),
          path: `/reviews/queue?campaign=${campaignId}`,
          itemCount: list.length,
          reassignedBy: actor.displayName,
          reason: list[0]!.outcome.reason ?? "",
        },
        key: `${campaignId}:${list.map((a) => `${a.item.id}.${a.item.version}`).join(",")}`,
        at: now,
      });
    }
  }

  const events: EventRecord[] = applied.map(({ item, outcome, revokeRequestId }) => ({
    organizationId: org,
    actorId: actor.id,
    action: EVENT_ACTION[outcome.effect],
    targetType: "ReviewItem",
    targetId: item.id,
    before: { state: item.state, level: item.level, reviewerIds: item.reviewerIds },
    after: {
      campaignId: item.campaignId,
      campaign: item.campaignName,
      decision: REVIEW_ACTION_LABEL[action],
      state: outcome.state,
      level: outcome.level,
      app: item.appName,
      entitlement: item.entitlementName,
      account: item.accountLabel,
      ...(outcome.effect === "REASSIGNED" && target
        ? { reassignedTo: { id: target.id, name: target.displayName } }
        : {}),
      ...(outcome.effect === "NEXT_LEVEL" ? { sentToSecondLevel: true } : {}),
    },
    reason: outcome.reason,
    requestId: revokeRequestId,
    at: now,
  }));
  await recordEvents(tx, events);
}

/**
 * "review.assigned" to each reviewer of `assignments` once per campaign and level: the count
 * is their waiting items when written; the key keeps later items of the same level quiet.
 */
export async function notifyReviewers(
  tx: Tx,
  organizationId: string,
  now: Date,
  assignments: readonly { userId: string; campaignId: string }[],
  facts: { level: number; startedBy: string },
): Promise<void> {
  const campaigns = [...new Set(assignments.map((a) => a.campaignId))];
  for (const campaignId of campaigns) {
    const userIds = [
      ...new Set(assignments.filter((a) => a.campaignId === campaignId).map((a) => a.userId)),
    ];
    const campaign = await tx.reviewCampaign.findUniqueOrThrow({
      where: { id: campaignId },
      select: { name: true, dueAt: true },
    });
    const counts = await tx.reviewAssignment.groupBy({
      by: ["userId"],
      where: { campaignId, userId: { in: userIds }, active: true },
      _count: { _all: true },
    });
    const recipients = await tx.user.findMany({
      where: { id: { in: userIds }, status: "ACTIVE" },
      select: recipientSelect,
    });
    for (const recipient of recipients) {
      await enqueueNotifications(tx, {
        organizationId,
        recipients: [recipient],
        template: "review.assigned",
        payload: {
          campaignId,
          campaignName: campaign.name,
          dueAt: campaign.dueAt.toISOString(),
          path: `/reviews/queue?campaign=${campaignId}`,
          itemCount: counts.find((c) => c.userId === recipient.id)?._count._all ?? 0,
          startedBy: facts.startedBy,
          level: facts.level,
        },
        key: `${campaignId}:${facts.level}`,
        at: now,
      });
    }
  }
}

/** Keep or Revoke one item; a refusal is the error (FORBIDDEN, CONFLICT, BAD_REQUEST). */
export async function decideReviewItem(
  ctx: ServiceContext,
  input: TDecideReviewItemInput,
): Promise<Extract<ReviewDecisionResult, { status: "done" }>> {
  return one(ctx, [input.itemId], input.decision, input.reason, null);
}

/** Hand one item to another reviewer, with a reason. */
export async function reassignReviewItem(
  ctx: ServiceContext,
  input: TReassignReviewItemInput,
): Promise<Extract<ReviewDecisionResult, { status: "done" }>> {
  return one(ctx, [input.itemId], "reassign", input.reason, input.toUserId);
}

async function one(
  ctx: ServiceContext,
  ids: string[],
  action: ReviewAction,
  reason: string | undefined,
  toUserId: string | null,
) {
  const [result] = await transaction(ctx, (tx) =>
    decideIn(tx, ctx.actor, ctx.now(), ids, action, reason, toUserId),
  );
  if (result!.status === "skipped") {
    throw new DomainError(result!.code as DomainError["code"], result!.reason);
  }
  return result!;
}

/**
 * One decision over a selection (at most 1,000 items) with one comment, the reason of every
 * item's decision; each item's result reported as the task bulk bar reports them.
 */
export async function bulkReviewDecision(
  ctx: ServiceContext,
  input: TBulkReviewInput,
): Promise<ReviewBulkResult> {
  const results = await transaction(
    ctx,
    (tx) =>
      decideIn(
        tx,
        ctx.actor,
        ctx.now(),
        input.itemIds,
        input.decision,
        input.comment,
        input.toUserId ?? null,
        "later",
      ),
    { timeout: 10 * 60_000 },
  );
  const done = results.filter((r) => r.status === "done").length;
  return { done, skipped: results.length - done, results };
}

/**
 * Who the viewer may hand the items to (Reassign, one item or a selection): active people
 * of the organization matching `search`, 20 at most. Someone no item may go to — the
 * account's owner, a reviewer of it already, the one who kept it at the first level — is
 * left out; for a selection, only when that holds for every item (each other item's refusal
 * is then told in the bulk answer). Nobody, and why, when the viewer may reassign none.
 */
export async function listReviewReassignees(ctx: ServiceContext, input: TReviewReassigneesInput) {
  const org = ctx.actor.organizationId;
  const items = await lockItems(ctx.db, org, [...new Set(input.itemIds)], { lock: false });
  if (items.length === 0) throw new DomainError("NOT_FOUND", ITEM_NOT_FOUND);
  let refusal = "";
  const refusedFor: Set<string>[] = [];
  for (const item of items) {
    const facts = factsOf(org, item);
    const may = canDecideReviewItem(ctx.actor, facts, "reassign");
    if (!may.allowed) {
      refusal = may.reason;
      continue;
    }
    refusedFor.push(reassignExcludedIds(facts));
  }
  if (refusedFor.length === 0) return { people: [], blockedReason: refusal as string | null };
  const everywhere = [...refusedFor[0]!].filter((id) => refusedFor.every((set) => set.has(id)));
  const people = await findActivePeople(
    ctx.db,
    org,
    input.search,
    everywhere.length > 0 ? { id: { notIn: everywhere } } : {},
  );
  return { people, blockedReason: null as string | null };
}
