import { Prisma } from "@lantern/db";
import { decodeCursor, entitlementGrantsScope, toPage, type Page } from "@lantern/domain";
import type { TEntitlementGrantsInput } from "../../schemas/entitlements.ts";
import { loadEntitlement, personSelect } from "../entitlements.ts";
import { accountSearchSql } from "../search.ts";
import type { ReadContext } from "../shared/context.ts";
import { accountLabel, entitlementGrantFacts, revokeAbility, type RevokeAbility } from "./facts.ts";
import { pendingRevocations, pendingView, type PendingRevocationView } from "./pending.ts";

// The Grants tab of an entitlement (`entitlements.grants`, SPEC §5): the accounts holding it.

export interface EntitlementGrantRow extends RevokeAbility {
  grantId: string;
  source: "INGESTED" | "REQUEST" | "MANUAL";
  grantedAt: Date;
  expiresAt: Date | null;
  account: {
    id: string;
    /** Login, else primary email, name or external id. */
    label: string;
    login: string | null;
    displayName: string | null;
    primaryEmail: string | null;
    status: "ACTIVE" | "DISABLED" | "DELETED";
    type: "USER" | "SERVICE" | "SYSTEM";
  };
  owner: {
    id: string;
    displayName: string;
    email: string;
    status: "ACTIVE" | "SUSPENDED" | "DEPROVISIONED";
  } | null;
  ownerSource: "MATCHED" | "MANUAL" | "CLEARED";
  pending: PendingRevocationView | null;
}

/**
 * The accounts holding an entitlement (its live grants), newest grant first, keyset-paginated
 * on the grant id: the (entitlementId, revokedAt, id) index answers every page at 10M grants.
 * Only the grants the viewer may see (entitlementGrantsScope, SPEC §8): everyone's for super
 * admins and the app's and entitlement's owners; otherwise those of accounts the viewer or a
 * direct report of theirs owns, filtered in the same statement. Optional search by account
 * login, email address or name. Each row says whether a revocation is in flight and whether
 * the viewer may revoke it (canRevokeGrant), from facts loaded once for the page.
 */
export async function listEntitlementGrants(
  ctx: ReadContext,
  input: TEntitlementGrantsInput,
): Promise<Page<EntitlementGrantRow>> {
  const entitlement = await loadEntitlement(ctx, input.entitlementId);
  const orgId = ctx.actor.organizationId;
  const facts = entitlementGrantFacts(ctx.actor, entitlement);
  const scope = entitlementGrantsScope(ctx.actor, facts);
  if (scope === "NONE") return { items: [], nextCursor: null };
  const after = input.cursor ? decodeCursor(input.cursor, "id") : null;
  const search = input.search?.trim();
  const actorId = ctx.actor.id;

  const ids = await ctx.db.$queryRaw<Array<{ id: string }>>`
    SELECT g.id
      FROM "Grant" g
     WHERE g."entitlementId" = ${entitlement.id}::uuid
       AND g."revokedAt" IS NULL
       AND g."organizationId" = ${orgId}::uuid
       ${after ? Prisma.sql`AND g.id < ${after.id}::uuid` : Prisma.empty}
       ${
         scope === "OWN_AND_REPORTS"
           ? // Two index lookups (the viewer's accounts, their reports' accounts), never a
             // walk over the entitlement's holders.
             Prisma.sql`AND g."accountId" IN (
               SELECT a.id FROM "Account" a
                WHERE a."organizationId" = ${orgId}::uuid AND a."ownerId" = ${actorId}::uuid
               UNION ALL
               SELECT a.id FROM "User" u
                 JOIN "Account" a ON a."organizationId" = ${orgId}::uuid AND a."ownerId" = u.id
                WHERE u."managerId" = ${actorId}::uuid AND u."organizationId" = ${orgId}::uuid)`
           : Prisma.empty
       }
       ${
         search
           ? Prisma.sql`AND EXISTS (
               SELECT 1 FROM "Account" a
                WHERE a.id = g."accountId" AND ${accountSearchSql(search)})`
           : Prisma.empty
       }
     ORDER BY g.id DESC
     LIMIT ${input.limit + 1}`;
  const page = toPage(ids, input.limit, (g) => ({ key: g.id, id: g.id }));
  const pageIds = page.items.map((g) => g.id);

  const [grants, pending] = await Promise.all([
    ctx.db.grant.findMany({
      where: { id: { in: pageIds }, organizationId: orgId },
      select: {
        id: true,
        source: true,
        grantedAt: true,
        expiresAt: true,
        account: {
          select: {
            id: true,
            externalId: true,
            login: true,
            displayName: true,
            emails: true,
            status: true,
            type: true,
            ownerSource: true,
            owner: {
              select: { ...personSelect, status: true, managerId: true },
            },
          },
        },
      },
    }),
    pendingRevocations(ctx.db, orgId, pageIds),
  ]);
  const byId = new Map(grants.map((g) => [g.id, g]));

  return {
    nextCursor: page.nextCursor,
    items: pageIds.flatMap((id) => {
      const grant = byId.get(id);
      if (!grant) return [];
      const { account } = grant;
      const owner = account.owner;
      return [
        {
          grantId: grant.id,
          source: grant.source,
          grantedAt: grant.grantedAt,
          expiresAt: grant.expiresAt,
          account: {
            id: account.id,
            label: accountLabel(account),
            login: account.login,
            displayName: account.displayName,
            primaryEmail: account.emails[0] ?? null,
            status: account.status,
            type: account.type,
          },
          owner: owner
            ? {
                id: owner.id,
                displayName: owner.displayName,
                email: owner.email,
                status: owner.status,
              }
            : null,
          ownerSource: account.ownerSource,
          pending: pendingView(pending.get(grant.id), ctx.actor, facts.appOwnerIds),
          ...revokeAbility(ctx.actor, { ...facts, accountOwner: owner }),
        },
      ];
    }),
  };
}
