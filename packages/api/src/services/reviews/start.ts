import { randomBytes } from "node:crypto";
import { Prisma } from "@lantern/db";
import {
  assertValidReviewerPlan,
  canStartReviewCampaign,
  DomainError,
  resolveReviewers,
  type PersonFact,
  type ReviewerPlan,
  type ReviewerRule,
} from "@lantern/domain";
import { queueDeliveries } from "@lantern/notify";
import type { TReviewerLevel, TStartReviewCampaignInput } from "../../schemas/reviews.ts";
import type { ServiceContext } from "../shared/context.ts";
import { recordEvents, transaction, type Tx } from "../shared/records.ts";
import { personFactSelect, toFact } from "../workflow/engine.ts";
import { assertScope, reviewFlagsSql, scopeSql, type FlagColumns } from "./scope.ts";

// Starting a campaign (SPEC §10): in one transaction, the campaign, a snapshot of every grant
// in scope (names, owner, grant date, last login, match evidence: later changes do not move
// it), each item's reviewers by the domain's rules, and one message per reviewer — not one
// per item. Set-based, nothing per item over the wire: the scope's routes — the owner and app
// (and entitlement) that decide who reviews an item — go into a temporary table by one
// statement; only they travel, read in batches and resolved by the domain's resolveReviewers,
// their reviewers written back by one statement per batch; then one statement writes every
// item (its flags by reviewFlagsSql, checked against the domain's reviewItemFlags) and every
// assignment.

/** Routes (owner × app, or × entitlement) resolved and written per round trip. */
export const START_BATCH_SIZE = 50_000;

/** The end of the due day, UTC: a campaign due "2026-12-31" is due until that day ends. */
export function dueAtOf(dueDate: string): Date {
  return new Date(`${dueDate}T23:59:59.999Z`);
}

/** One owner of the scope's accounts as read: [id, displayName, status, managerId]. */
type OwnerRow = [string | null, string | null, string | null, string | null];

/** The scope query's columns the flags are computed from (see reviewFlagsSql). */
const FLAG_COLUMNS: FlagColumns = {
  accountType: Prisma.sql`a.type`,
  ownerId: Prisma.sql`a."ownerId"`,
  ownerStatus: Prisma.sql`o.status`,
  ownerSource: Prisma.sql`a."ownerSource"`,
  matchAmbiguous: Prisma.sql`a."matchAmbiguous"`,
  lastLoginAt: Prisma.sql`a."lastLoginAt"`,
};

/**
 * An item's id: a UUIDv7 (RFC 9562) whose time is the start and whose counter is the item's
 * position (bits 66–97), the rest random once per campaign. Items are written in position
 * order, so their ids — and the primary key's index — grow in that order instead of landing
 * all over the index as random ids would.
 */
function reviewItemIdSql(now: Date): Prisma.Sql {
  const time = now.getTime().toString(16).padStart(12, "0");
  const random = randomBytes(5).toString("hex"); // 10 hex digits: 3 before the counter, 7 after
  const prefix = `${time.slice(0, 8)}-${time.slice(8, 12)}-7${random.slice(0, 3)}-8`;
  const suffix = random.slice(3);
  return Prisma.sql`(${prefix} || substr(lpad(to_hex(q.position), 8, '0'), 1, 3) || '-'
                     || substr(lpad(to_hex(q.position), 8, '0'), 4, 5) || ${suffix})::uuid`;
}

/** The route key of "no owner" (and of "any entitlement" when entitlements do not route). */
const NO_ONE = Prisma.sql`'00000000-0000-0000-0000-000000000000'::uuid`;

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
     WHERE m."appId" IN (SELECT DISTINCT "appId" FROM review_route) AND m.role = 'OWNER'`;
  const entitlementOwnerRows = await tx.$queryRaw<
    { entitlementId: string; id: string; displayName: string; status: string }[]
  >`
    SELECT DISTINCT eo."entitlementId", u.id, u."displayName", u.status::text AS status
      FROM "EntitlementOwner" eo JOIN "User" u ON u.id = eo."userId"
     WHERE eo."entitlementId" IN (SELECT DISTINCT "entitlementKey" FROM review_route)`;
  const managers = await tx.$queryRaw<{ id: string; displayName: string; status: string }[]>`
    SELECT u.id, u."displayName", u.status::text AS status
      FROM "User" u WHERE u.id IN (SELECT DISTINCT "managerId"::uuid FROM review_route)`;
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

      const usesEntitlement = [input.reviewers.first.kind, input.reviewers.second?.kind].includes(
        "ENTITLEMENT_OWNERS",
      );
      // (Sorting and hashing a million rows in memory, not in temporary files: this
      // transaction's work_mem only.)
      await tx.$executeRaw`SET LOCAL work_mem = '256MB'`;
      // The routes: the items of one owner in one app (and entitlement, when the plan asks
      // entitlement owners) are reviewed by the same people, so reviewers are resolved once per
      // route, not once per item. Owners are numbered so that each route travels as numbers.
      const entitlementKey = usesEntitlement ? Prisma.sql`g."entitlementId"` : NO_ONE;
      await tx.$executeRaw`
        CREATE TEMPORARY TABLE review_route ON COMMIT DROP AS
        SELECT row_number() OVER (ORDER BY k."ownerKey", k."appId", k."entitlementKey")::int AS route,
               dense_rank() OVER (ORDER BY k."ownerKey")::int AS owner, k.*
          FROM (SELECT coalesce(a."ownerId", ${NO_ONE}) AS "ownerKey", e."appId",
                       ${entitlementKey} AS "entitlementKey",
                       min(a."ownerId"::text) AS "ownerId", min(o."displayName") AS "ownerName",
                       min(o.status::text) AS "ownerStatus", min(o."managerId"::text) AS "managerId",
                       count(*)::int AS items
                  ${scopeSql(organizationId, input.scope, now)}
                 GROUP BY 1, 2, 3) k`;
      const [{ count, routes }] = await tx.$queryRaw<[{ count: number; routes: number }]>`
        SELECT coalesce(sum(items), 0)::int AS count, count(*)::int AS routes FROM review_route`;
      if (count === 0) {
        throw new DomainError(
          "BAD_REQUEST",
          "The scope holds no access to review: no live grants of the chosen apps and entitlements pass the filters.",
        );
      }
      await tx.$executeRaw`CREATE UNIQUE INDEX ON review_route (route)`;
      // Who reviews each route, written back by one statement per batch; notes only where the
      // plan's rule found nobody and a fallback (or nobody) took over.
      await tx.$executeRaw`
        CREATE TEMPORARY TABLE review_route_reviewer (route int, level int, "userId" uuid)
        ON COMMIT DROP`;
      await tx.$executeRaw`
        CREATE TEMPORARY TABLE review_route_note (route int PRIMARY KEY, note1 text, note2 text)
        ON COMMIT DROP`;

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

      // The owners and apps (and entitlements) once; then each route as numbers.
      const [{ owners, apps, entitlements }] = await tx.$queryRaw<
        [{ owners: string; apps: string[]; entitlements: string[] }]
      >`
        SELECT (SELECT json_agg(json_build_array("ownerId", "ownerName", "ownerStatus",
                                                 "managerId") ORDER BY owner)::text
                  FROM (SELECT DISTINCT owner, "ownerId", "ownerName", "ownerStatus", "managerId"
                          FROM review_route) o) AS owners,
               (SELECT array_agg(DISTINCT "appId"::text) FROM review_route) AS apps,
               (SELECT array_agg(DISTINCT "entitlementKey"::text) FROM review_route) AS entitlements`;
      const ownerFacts = (JSON.parse(owners) as OwnerRow[]).map(
        ([id, displayName, status, managerId]) => ({
          owner: id ? { id, displayName: displayName ?? "", active: status === "ACTIVE" } : null,
          manager: managerId ? (index.people.get(managerId) ?? null) : null,
        }),
      );
      let unreviewable = 0;
      for (let after = 0; after < routes; after += START_BATCH_SIZE) {
        // One text per batch of "route,owner,app,entitlement,items" numbers: a row per route
        // costs far more to read than a split.
        const [{ data }] = await tx.$queryRaw<[{ data: string }]>`
          SELECT string_agg(concat_ws(',', route, owner,
                                      array_position(${apps}::text[], "appId"::text),
                                      array_position(${entitlements}::text[], "entitlementKey"::text),
                                      items), ',' ORDER BY route) AS data
            FROM review_route
           WHERE route > ${after} AND route <= ${after + START_BATCH_SIZE}`;
        const numbers = data.split(",").map(Number);
        const assigned = { route: [] as number[], level: [] as number[], userId: [] as string[] };
        const noted = {
          route: [] as number[],
          note1: [] as (string | null)[],
          note2: [] as (string | null)[],
        };
        for (let i = 0; i < numbers.length; i += 5) {
          const [route, owner, app, entitlement, items] = numbers.slice(i, i + 5) as [
            number,
            number,
            number,
            number,
            number,
          ];
          const { owner: ownerFact, manager } = ownerFacts[owner - 1]!;
          const entitlementId = usesEntitlement ? entitlements[entitlement - 1] : null;
          const reviewers = resolveReviewers(plan, {
            owner: ownerFact,
            ownerManager: manager,
            appOwners: index.appOwners.get(apps[app - 1]!) ?? [],
            entitlementOwners: (entitlementId && index.entitlementOwners.get(entitlementId)) || [],
            superAdmins: index.superAdmins,
          });
          if (reviewers.first.reviewerIds.length === 0) unreviewable += items;
          if (reviewers.first.note !== null || reviewers.second?.note) {
            noted.route.push(route);
            noted.note1.push(reviewers.first.note);
            noted.note2.push(reviewers.second?.note ?? null);
          }
          for (const [level, chosen] of [
            [1, reviewers.first],
            [2, reviewers.second],
          ] as const) {
            for (const userId of chosen?.reviewerIds ?? []) {
              assigned.route.push(route);
              assigned.level.push(level);
              assigned.userId.push(userId);
            }
          }
        }
        await tx.$executeRaw`
          INSERT INTO review_route_reviewer (route, level, "userId")
          SELECT * FROM unnest(${assigned.route}::int[], ${assigned.level}::int[],
                               ${assigned.userId}::uuid[])`;
        if (noted.route.length > 0) {
          await tx.$executeRaw`
            INSERT INTO review_route_note (route, note1, note2)
            SELECT * FROM unnest(${noted.route}::int[], ${noted.note1}::text[],
                                 ${noted.note2}::text[])`;
        }
      }

      await tx.$executeRaw`ANALYZE review_route, review_route_reviewer, review_route_note`;
      // The items, numbered in the order reviewers read them, each with its id, flags and
      // notes, and their reviewers' assignments: one statement. The transaction reads one
      // snapshot (REPEATABLE READ), so the scope read here is the one the routes were read from.
      await tx.$executeRaw`
        WITH items AS (
          INSERT INTO "ReviewItem"
            (id, "organizationId", "campaignId", position, "grantId", "accountId", "appId",
             "entitlementId", "appName", "entitlementName", "accountLabel", "accountType",
             "ownerId", "ownerName", "ownerEmail", "ownerStatus", "ownerSource", "matchRule",
             "matchValue", "matchAmbiguous", "grantedAt", "lastLoginAt", flags, "routingNote",
             "secondRoutingNote")
          SELECT ${reviewItemIdSql(now)}, ${organizationId}::uuid, ${campaign.id}::uuid,
                 q.position, q."grantId", q."accountId", q."appId", q."entitlementId", q."appName",
                 q."entitlementName", q."accountLabel", q."accountType", q."ownerId",
                 q."ownerName", q."ownerEmail", q."ownerStatus", q."ownerSource", q."matchRule",
                 q."matchValue", q."matchAmbiguous", q."grantedAt", q."lastLoginAt", q.flags,
                 n.note1, n.note2
            FROM (SELECT row_number() OVER (
                           ORDER BY o."displayName" NULLS LAST, o.id, app.name, app.id,
                                    e."displayName", e.id, a.id, g.id)::int AS position,
                         g.id AS "grantId", a.id AS "accountId", e."appId", g."entitlementId",
                         app.name AS "appName", e."displayName" AS "entitlementName",
                         COALESCE(a.login, a.emails[1], a."displayName", a."externalId") AS "accountLabel",
                         a.type AS "accountType", a."ownerId", o."displayName" AS "ownerName",
                         o.email AS "ownerEmail", o.status AS "ownerStatus", a."ownerSource",
                         a."matchRule", a."matchValue", a."matchAmbiguous", g."grantedAt",
                         a."lastLoginAt", ${reviewFlagsSql(FLAG_COLUMNS, now)} AS flags,
                         coalesce(a."ownerId", ${NO_ONE}) AS "ownerKey",
                         ${entitlementKey} AS "entitlementKey"
                    ${scopeSql(organizationId, input.scope, now)}) q
            JOIN review_route r ON r."ownerKey" = q."ownerKey" AND r."appId" = q."appId"
                               AND r."entitlementKey" = q."entitlementKey"
            LEFT JOIN review_route_note n ON n.route = r.route
           ORDER BY q.position
          RETURNING id, position, "ownerId", "appId", "entitlementId"
        )
        INSERT INTO "ReviewAssignment"
          ("itemId", level, "userId", "organizationId", "campaignId", position, active,
           "assignedAt")
        SELECT i.id, rr.level, rr."userId", ${organizationId}::uuid, ${campaign.id}::uuid,
               i.position, rr.level = 1, ${now}
          FROM items i
          JOIN review_route r ON r."ownerKey" = coalesce(i."ownerId", ${NO_ONE})
                             AND r."appId" = i."appId"
                             AND r."entitlementKey" = ${usesEntitlement ? Prisma.sql`i."entitlementId"` : NO_ONE}
          JOIN review_route_reviewer rr ON rr.route = r.route
         ORDER BY i.position, rr.level, rr."userId"`;

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
    { timeout: 30 * 60_000, maxWait: 60_000, isolationLevel: "RepeatableRead" },
  );
}
