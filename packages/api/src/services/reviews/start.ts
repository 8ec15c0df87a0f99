import { randomUUID } from "node:crypto";
import { type Prisma } from "@lantern/db";
import {
  assertValidReviewerPlan,
  canStartReviewCampaign,
  DomainError,
  resolveReviewers,
  reviewItemFlags,
  type ItemReviewers,
  type PersonFact,
  type ReviewerPlan,
  type ReviewerRule,
} from "@lantern/domain";
import { queueDeliveries } from "@lantern/notify";
import type { TReviewerLevel, TStartReviewCampaignInput } from "../../schemas/reviews.ts";
import type { ServiceContext } from "../shared/context.ts";
import { recordEvents, transaction, type Tx } from "../shared/records.ts";
import { personFactSelect, toFact } from "../workflow/engine.ts";
import { assertScope, scopeSql } from "./scope.ts";

// Starting a campaign (SPEC §10): in one transaction, the campaign, a snapshot of every grant
// in scope (names, owner, grant date, last login, match evidence: later changes do not move
// it), each item's reviewers by the domain's rules, and one message per reviewer — not one
// per item. Set-based: the scope is copied into a temporary table by one statement, then read
// in batches whose items and reviewers are written by one statement each; nothing is done
// per item over the wire.

/** Items resolved and written per round trip. */
export const START_BATCH_SIZE = 20_000;

/** The end of the due day, UTC: a campaign due "2026-12-31" is due until that day ends. */
export function dueAtOf(dueDate: string): Date {
  return new Date(`${dueDate}T23:59:59.999Z`);
}

interface ScopeRow {
  position: number;
  ownerId: string | null;
  ownerName: string | null;
  ownerStatus: "ACTIVE" | "SUSPENDED" | "DEPROVISIONED" | null;
  managerId: string | null;
  appId: string;
  entitlementId: string;
  accountType: "USER" | "SERVICE" | "SYSTEM";
  ownerSource: "MATCHED" | "MANUAL" | "CLEARED";
  matchAmbiguous: boolean;
  lastLoginAt: Date | null;
  grantedAt: Date;
}

/** The people the reviewer rules are asked about, loaded once per campaign. */
interface PeopleIndex {
  people: Map<string, PersonFact>;
  appOwners: Map<string, PersonFact[]>;
  entitlementOwners: Map<string, PersonFact[]>;
  superAdmins: PersonFact[];
}

async function loadPeople(
  tx: Tx,
  organizationId: string,
  named: readonly string[],
): Promise<PeopleIndex> {
  // The scope's apps and entitlements, their owners, the owners' managers and the named.
  const appOwnerRows = await tx.$queryRaw<
    { appId: string; id: string; displayName: string; status: string }[]
  >`
    SELECT DISTINCT m."appId", u.id, u."displayName", u.status::text AS status
      FROM "AppMember" m JOIN "User" u ON u.id = m."userId"
     WHERE m."appId" IN (SELECT DISTINCT "appId" FROM review_scope) AND m.role = 'OWNER'`;
  const entitlementOwnerRows = await tx.$queryRaw<
    { entitlementId: string; id: string; displayName: string; status: string }[]
  >`
    SELECT DISTINCT eo."entitlementId", u.id, u."displayName", u.status::text AS status
      FROM "EntitlementOwner" eo JOIN "User" u ON u.id = eo."userId"
     WHERE eo."entitlementId" IN (SELECT DISTINCT "entitlementId" FROM review_scope)`;
  const managers = await tx.$queryRaw<{ id: string; displayName: string; status: string }[]>`
    SELECT u.id, u."displayName", u.status::text AS status
      FROM "User" u WHERE u.id IN (SELECT DISTINCT "managerId" FROM review_scope)`;
  const namedPeople = await tx.user.findMany({
    where: { organizationId, id: { in: [...named] } },
    select: personFactSelect,
  });
  const superAdmins = await tx.user.findMany({
    where: { organizationId, role: "SUPER_ADMIN" },
    orderBy: { displayName: "asc" },
    select: personFactSelect,
  });
  const people = new Map<string, PersonFact>();
  for (const u of [...managers, ...namedPeople]) people.set(u.id, toFact(u));
  const group = <K extends string>(
    rows: ({ [key in K]: string } & { id: string; displayName: string; status: string })[],
    key: K,
  ) => {
    const byKey = new Map<string, PersonFact[]>();
    for (const row of rows) {
      const list = byKey.get(row[key]) ?? [];
      list.push(toFact(row));
      byKey.set(row[key], list);
    }
    return byKey;
  };
  return {
    people,
    appOwners: group(appOwnerRows, "appId"),
    entitlementOwners: group(entitlementOwnerRows, "entitlementId"),
    superAdmins: superAdmins.map(toFact),
  };
}

function reviewerRule(level: TReviewerLevel, people: Map<string, PersonFact>): ReviewerRule {
  if (level.kind !== "USERS") return { kind: level.kind };
  return {
    kind: "USERS",
    people: [...new Set(level.userIds)].map((id) => people.get(id)!).filter(Boolean),
  };
}

export interface StartedCampaign {
  campaignId: string;
  items: number;
  reviewers: number;
  /** Items whose rules found nobody who may review them (a super admin decides them). */
  unreviewable: number;
}

/**
 * Starts an access review over `input.scope`, reviewed by `input.reviewers` (super admins).
 * BAD_REQUEST for a scope that holds nothing, a due date in the past, named reviewers who are
 * not people of the organization; CONFLICT for a name already used.
 */
export async function startReviewCampaign(
  ctx: ServiceContext,
  input: TStartReviewCampaignInput,
): Promise<StartedCampaign> {
  const { actor } = ctx;
  const decision = canStartReviewCampaign(actor, actor);
  if (!decision.allowed) throw new DomainError("FORBIDDEN", decision.reason);
  const now = ctx.now();
  const dueAt = dueAtOf(input.dueDate);
  if (dueAt.getTime() < now.getTime()) {
    throw new DomainError("BAD_REQUEST", "The due date has passed. Choose today or a later day.");
  }
  const organizationId = actor.organizationId;
  const named = [...input.reviewers.first.userIds, ...(input.reviewers.second?.userIds ?? [])];

  // A million grants take a while: the transaction may run for minutes, never half-done.
  return transaction(
    ctx,
    async (tx) => {
      const { appIds, entitlementIds } = await assertScope(tx, organizationId, input.scope);
      if (await tx.reviewCampaign.findFirst({ where: { organizationId, name: input.name } })) {
        throw new DomainError(
          "CONFLICT",
          `A campaign named "${input.name}" already exists. Choose another name.`,
        );
      }
      const knownNamed = await tx.user.count({
        where: { organizationId, id: { in: [...new Set(named)] } },
      });
      if (knownNamed !== new Set(named).size) {
        throw new DomainError(
          "BAD_REQUEST",
          "Some of the named reviewers are not people of your organization. Choose them again.",
        );
      }

      await tx.$executeRaw`
        CREATE TEMPORARY TABLE review_scope ON COMMIT DROP AS
        SELECT row_number() OVER (
                 ORDER BY o."displayName" NULLS LAST, o.id, app.name, app.id, e."displayName",
                          e.id, a.id, g.id)::int AS position,
               g.id AS "grantId", a.id AS "accountId", e."appId", g."entitlementId",
               app.name AS "appName", e."displayName" AS "entitlementName",
               COALESCE(a.login, a.emails[1], a."displayName", a."externalId") AS "accountLabel",
               a.type AS "accountType", a."ownerId", o."displayName" AS "ownerName",
               o.email AS "ownerEmail", o.status AS "ownerStatus", o."managerId",
               a."ownerSource", a."matchRule", a."matchValue", a."matchAmbiguous",
               g."grantedAt", a."lastLoginAt"
        ${scopeSql(organizationId, input.scope, now)}`;
      // Each batch reads a range of positions: an index, not a scan of the whole scope.
      await tx.$executeRaw`CREATE UNIQUE INDEX ON review_scope (position)`;
      await tx.$executeRaw`ANALYZE review_scope`;
      const [{ count }] = await tx.$queryRaw<[{ count: number }]>`
        SELECT count(*)::int AS count FROM review_scope`;
      if (count === 0) {
        throw new DomainError(
          "BAD_REQUEST",
          "The scope holds no access to review: no live grants of the chosen apps and entitlements pass the filters.",
        );
      }

      const index = await loadPeople(tx, organizationId, named);
      const plan: ReviewerPlan = {
        first: reviewerRule(input.reviewers.first, index.people),
        second: input.reviewers.second ? reviewerRule(input.reviewers.second, index.people) : null,
      };
      assertValidReviewerPlan(plan);

      const campaign = await tx.reviewCampaign.create({
        data: {
          organizationId,
          name: input.name,
          description: input.description,
          dueAt,
          state: "RUNNING",
          scope: { ...input.scope, appIds, entitlementIds } as Prisma.InputJsonValue,
          reviewerPlan: input.reviewers as unknown as Prisma.InputJsonValue,
          hasSecondLevel: input.reviewers.second !== null,
          itemCount: count,
          createdById: actor.id,
          startedAt: now,
        },
        select: { id: true },
      });

      const usesEntitlement = [plan.first.kind, plan.second?.kind].includes("ENTITLEMENT_OWNERS");
      let unreviewable = 0;
      for (let after = 0; after < count; after += START_BATCH_SIZE) {
        const rows = await tx.$queryRaw<ScopeRow[]>`
          SELECT s.position, s."ownerId", s."ownerName", s."ownerStatus"::text AS "ownerStatus",
                 s."managerId", s."appId", s."entitlementId", s."accountType"::text AS "accountType",
                 s."ownerSource"::text AS "ownerSource", s."matchAmbiguous", s."lastLoginAt",
                 s."grantedAt"
            FROM review_scope s
           WHERE s.position > ${after} AND s.position <= ${after + START_BATCH_SIZE}
           ORDER BY s.position`;
        // Items of one owner in one app (and entitlement, when it matters) share reviewers.
        const memo = new Map<string, ItemReviewers>();
        const items = {
          id: [] as string[],
          position: [] as number[],
          flags: [] as string[],
          note1: [] as (string | null)[],
          note2: [] as (string | null)[],
        };
        const assigned = {
          itemId: [] as string[],
          position: [] as number[],
          level: [] as number[],
          userId: [] as string[],
        };
        for (const row of rows) {
          const key = `${row.ownerId}|${row.appId}|${usesEntitlement ? row.entitlementId : ""}`;
          let reviewers = memo.get(key);
          if (!reviewers) {
            const owner = row.ownerId
              ? {
                  id: row.ownerId,
                  displayName: row.ownerName ?? "",
                  active: row.ownerStatus === "ACTIVE",
                }
              : null;
            reviewers = resolveReviewers(plan, {
              owner,
              ownerManager: row.managerId ? (index.people.get(row.managerId) ?? null) : null,
              appOwners: index.appOwners.get(row.appId) ?? [],
              entitlementOwners: index.entitlementOwners.get(row.entitlementId) ?? [],
              superAdmins: index.superAdmins,
            });
            memo.set(key, reviewers);
          }
          if (reviewers.first.reviewerIds.length === 0) unreviewable += 1;
          // The id is made here, so the reviewers' rows need no look-up of their item.
          const itemId = randomUUID();
          items.id.push(itemId);
          items.position.push(row.position);
          items.flags.push(reviewItemFlags(row, now).join(","));
          items.note1.push(reviewers.first.note);
          items.note2.push(reviewers.second?.note ?? null);
          for (const [level, chosen] of [
            [1, reviewers.first],
            [2, reviewers.second],
          ] as const) {
            for (const userId of chosen?.reviewerIds ?? []) {
              assigned.itemId.push(itemId);
              assigned.position.push(row.position);
              assigned.level.push(level);
              assigned.userId.push(userId);
            }
          }
        }
        await tx.$executeRaw`
          INSERT INTO "ReviewItem"
            (id, "organizationId", "campaignId", position, "grantId", "accountId", "appId",
             "entitlementId", "appName", "entitlementName", "accountLabel", "accountType",
             "ownerId", "ownerName", "ownerEmail", "ownerStatus", "ownerSource", "matchRule",
             "matchValue", "matchAmbiguous", "grantedAt", "lastLoginAt", flags, "routingNote",
             "secondRoutingNote")
          SELECT x.id, ${organizationId}::uuid, ${campaign.id}::uuid, s.position,
                 s."grantId", s."accountId", s."appId", s."entitlementId", s."appName",
                 s."entitlementName", s."accountLabel", s."accountType", s."ownerId",
                 s."ownerName", s."ownerEmail", s."ownerStatus", s."ownerSource", s."matchRule",
                 s."matchValue", s."matchAmbiguous", s."grantedAt", s."lastLoginAt",
                 CASE WHEN x.flags = '' THEN '{}'::text[] ELSE string_to_array(x.flags, ',') END,
                 x.note1, x.note2
            FROM unnest(${items.id}::uuid[], ${items.position}::int[], ${items.flags}::text[],
                        ${items.note1}::text[], ${items.note2}::text[])
                 AS x(id, position, flags, note1, note2)
            JOIN review_scope s ON s.position = x.position
           WHERE s.position > ${after} AND s.position <= ${after + START_BATCH_SIZE}`;
        if (assigned.position.length > 0) {
          await tx.$executeRaw`
            INSERT INTO "ReviewAssignment"
              ("itemId", level, "userId", "organizationId", "campaignId", position, active,
               "assignedAt")
            SELECT x."itemId", x.level, x."userId", ${organizationId}::uuid, ${campaign.id}::uuid,
                   x.position, x.level = 1, ${now}
              FROM unnest(${assigned.itemId}::uuid[], ${assigned.position}::int[],
                          ${assigned.level}::int[], ${assigned.userId}::uuid[])
                   AS x("itemId", position, level, "userId")`;
        }
      }

      // One message per reviewer (email and Slack, as each prefers), with their item count.
      const path = `/reviews/queue?campaign=${campaign.id}`;
      const notified = await tx.$queryRaw<{ id: string }[]>`
        WITH per_reviewer AS (
          SELECT ra."userId", count(*)::int AS items
            FROM "ReviewAssignment" ra
           WHERE ra."campaignId" = ${campaign.id}::uuid AND ra.active
           GROUP BY ra."userId"
        ), channels AS (
          SELECT p."userId", p.items, c.channel
            FROM per_reviewer p
            JOIN "User" u ON u.id = p."userId" AND u.status = 'ACTIVE'
            CROSS JOIN LATERAL (VALUES ('EMAIL', u."emailNotifications"),
                                       ('SLACK', u."slackNotifications")) AS c(channel, wanted)
           WHERE c.wanted
        )
        INSERT INTO "Notification"
          (id, "organizationId", "recipientId", channel, template, payload, "idempotencyKey",
           "nextAttemptAt", "queuedAt", "createdAt")
        SELECT gen_random_uuid(), ${organizationId}::uuid, "userId", channel::"NotificationChannel",
               'review.assigned',
               jsonb_build_object('campaignId', ${campaign.id}::text, 'campaignName', ${input.name}::text,
                                  'dueAt', ${dueAt.toISOString()}::text, 'path', ${path}::text,
                                  'itemCount', items, 'startedBy', ${actor.displayName}::text,
                                  'level', 1),
               'review.assigned:' || ${campaign.id}::text || ':1:' || "userId" || ':' || channel,
               ${now}, ${now}, ${now}
          FROM channels
        ON CONFLICT ("idempotencyKey") DO NOTHING
        RETURNING id`;
      await queueDeliveries(tx, notified);
      const [{ reviewers }] = await tx.$queryRaw<[{ reviewers: number }]>`
        SELECT count(DISTINCT "userId")::int AS reviewers FROM "ReviewAssignment"
         WHERE "campaignId" = ${campaign.id}::uuid AND active`;

      await recordEvents(tx, [
        {
          organizationId,
          actorId: actor.id,
          action: "review_campaign.started",
          targetType: "ReviewCampaign",
          targetId: campaign.id,
          after: {
            name: input.name,
            dueAt: dueAt.toISOString(),
            items: count,
            reviewers,
            unreviewable,
            scope: { ...input.scope, appIds, entitlementIds },
            reviewerPlan: input.reviewers,
          },
          at: now,
        },
      ]);
      return { campaignId: campaign.id, items: count, reviewers, unreviewable };
    },
    { timeout: 30 * 60_000, maxWait: 60_000 },
  );
}
