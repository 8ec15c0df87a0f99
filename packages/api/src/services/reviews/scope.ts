import { Prisma } from "@lantern/db";
import {
  assertValidReviewScopeFilters,
  canReadReviewCampaigns,
  DomainError,
  daysBefore,
  reviewScopeCutoffs,
  UNUSED_FLAG_DAYS,
  type ReviewFlag,
  type ReviewScopeFilters,
} from "@lantern/domain";
import type { TReviewScope, TReviewScopeInput } from "../../schemas/reviews.ts";
import type { ServiceContext } from "../shared/context.ts";
import type { Tx } from "../shared/records.ts";

// A campaign's scope (SPEC §10): the live grants of the chosen apps and entitlements whose
// accounts pass the filters, as one SQL condition that the count before starting and the
// snapshot at start share, so the dialog's number is the number of items.

export function scopeFilters(scope: TReviewScope): ReviewScopeFilters {
  return {
    accountTypes: scope.accountTypes,
    grantOlderThanDays: scope.grantOlderThanDays,
    ownerInactiveOnly: scope.ownerInactiveOnly,
    ownerlessOnly: scope.ownerlessOnly,
    unusedForDays: scope.unusedForDays,
  };
}

/**
 * Checks a scope against the organization: something chosen (else BAD_REQUEST), every app and
 * entitlement its own (else NOT_FOUND), the filters coherent (else BAD_REQUEST).
 */
export async function assertScope(db: Tx, organizationId: string, scope: TReviewScope) {
  assertValidReviewScopeFilters(scopeFilters(scope));
  const appIds = [...new Set(scope.appIds)];
  const entitlementIds = [...new Set(scope.entitlementIds)];
  if (appIds.length === 0 && entitlementIds.length === 0) {
    throw new DomainError("BAD_REQUEST", "Choose at least one app or entitlement to review.");
  }
  const [apps, entitlements] = [
    await db.app.count({ where: { organizationId, id: { in: appIds } } }),
    await db.entitlement.count({ where: { organizationId, id: { in: entitlementIds } } }),
  ];
  if (apps !== appIds.length) {
    throw new DomainError("NOT_FOUND", "Some of the chosen apps do not exist. Choose them again.");
  }
  if (entitlements !== entitlementIds.length) {
    throw new DomainError(
      "NOT_FOUND",
      "Some of the chosen entitlements do not exist. Choose them again.",
    );
  }
  return { appIds, entitlementIds };
}

/**
 * FROM and WHERE of the scope's grants, over `g` (Grant), `a` (Account), `e` (Entitlement),
 * `app` (App) and `o` (the account's owner, if any).
 */
export function scopeSql(organizationId: string, scope: TReviewScope, now: Date): Prisma.Sql {
  const { grantedAtOrBefore, lastLoginAtOrBefore } = reviewScopeCutoffs(scopeFilters(scope), now);
  const appIds = [...new Set(scope.appIds)];
  const entitlementIds = [...new Set(scope.entitlementIds)];
  const chosen = [
    appIds.length > 0 ? Prisma.sql`e."appId" = ANY(${appIds}::uuid[])` : null,
    entitlementIds.length > 0
      ? Prisma.sql`g."entitlementId" = ANY(${entitlementIds}::uuid[])`
      : null,
  ].filter((part) => part !== null);
  const conditions = [
    Prisma.sql`g."organizationId" = ${organizationId}::uuid`,
    Prisma.sql`g."revokedAt" IS NULL`,
    Prisma.sql`a.status <> 'DELETED'`,
    Prisma.sql`(${Prisma.join(chosen, " OR ")})`,
    Prisma.sql`a.type::text = ANY(${[...scope.accountTypes]}::text[])`,
    grantedAtOrBefore ? Prisma.sql`g."grantedAt" <= ${grantedAtOrBefore}` : null,
    lastLoginAtOrBefore ? Prisma.sql`a."lastLoginAt" <= ${lastLoginAtOrBefore}` : null,
    scope.ownerInactiveOnly ? Prisma.sql`o.status IN ('SUSPENDED', 'DEPROVISIONED')` : null,
    scope.ownerlessOnly ? Prisma.sql`a."ownerId" IS NULL` : null,
  ].filter((part) => part !== null);
  return Prisma.sql`
      FROM "Grant" g
      JOIN "Account" a ON a.id = g."accountId"
      JOIN "Entitlement" e ON e.id = g."entitlementId"
      JOIN "App" app ON app.id = e."appId"
      LEFT JOIN "User" o ON o.id = a."ownerId"
     WHERE ${Prisma.join(conditions, " AND ")}`;
}

/** The SQL expressions of a snapshot's facts, as reviewFlagsSql reads them. */
export interface FlagColumns {
  accountType: Prisma.Sql;
  ownerId: Prisma.Sql;
  ownerStatus: Prisma.Sql;
  ownerSource: Prisma.Sql;
  matchAmbiguous: Prisma.Sql;
  lastLoginAt: Prisma.Sql;
}

/**
 * An item's flags as a text[] in SQL: the domain's reviewItemFlags, in its order, computed by
 * the database for every item of a campaign at once. The reviews integration test checks the
 * two agree over every combination of the facts.
 */
export function reviewFlagsSql(c: FlagColumns, now: Date): Prisma.Sql {
  const flag = (name: ReviewFlag, when: Prisma.Sql) =>
    Prisma.sql`CASE WHEN ${when} THEN ${name}::text END`;
  const ambiguous = Prisma.sql`(${c.matchAmbiguous} AND ${c.ownerSource}::text = 'MATCHED')`;
  const unusedCutoff = daysBefore(now, UNUSED_FLAG_DAYS);
  return Prisma.sql`array_remove(ARRAY[
    ${flag("OWNER_SUSPENDED", Prisma.sql`${c.ownerId} IS NOT NULL AND ${c.ownerStatus}::text = 'SUSPENDED'`)},
    ${flag("OWNER_DEPROVISIONED", Prisma.sql`${c.ownerId} IS NOT NULL AND ${c.ownerStatus}::text = 'DEPROVISIONED'`)},
    ${flag("AMBIGUOUS_OWNER", Prisma.sql`${c.ownerId} IS NULL AND ${ambiguous}`)},
    ${flag("NO_OWNER", Prisma.sql`${c.ownerId} IS NULL AND NOT ${ambiguous}`)},
    ${flag("UNUSED", Prisma.sql`${c.lastLoginAt} <= ${unusedCutoff}`)},
    ${flag("SERVICE_ACCOUNT", Prisma.sql`${c.accountType}::text = 'SERVICE'`)},
    ${flag("SYSTEM_ACCOUNT", Prisma.sql`${c.accountType}::text = 'SYSTEM'`)}
  ], NULL)`;
}

export interface ScopeCount {
  /** Grants in scope: the campaign's items. */
  items: number;
  accounts: number;
  /** Distinct owners of those accounts. */
  people: number;
  apps: number;
}

/**
 * How many grants (review items) a scope holds now: what New campaign shows before Start
 * (super admins and auditors).
 */
export async function countReviewScope(
  ctx: ServiceContext,
  input: TReviewScopeInput,
): Promise<ScopeCount> {
  const decision = canReadReviewCampaigns(ctx.actor, ctx.actor);
  if (!decision.allowed) throw new DomainError("FORBIDDEN", decision.reason);
  const organizationId = ctx.actor.organizationId;
  await assertScope(ctx.db, organizationId, input.scope);
  const [row] = await ctx.db.$queryRaw<ScopeCount[]>`
    SELECT count(*)::int AS items, count(DISTINCT a.id)::int AS accounts,
           count(DISTINCT a."ownerId")::int AS people, count(DISTINCT e."appId")::int AS apps
      ${scopeSql(organizationId, input.scope, ctx.now())}`;
  return row!;
}
