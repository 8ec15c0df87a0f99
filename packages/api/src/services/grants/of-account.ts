import { decodeCursor, toPage, type Page } from "@lantern/domain";
import type { TAccountGrantsInput } from "../../schemas/account-details.ts";
import { loadVisibleAccount } from "../accounts/details.ts";
import type { ReadContext } from "../shared/context.ts";
import { revokeAbility, type RevokeAbility } from "./facts.ts";
import { pendingRevocations, pendingView, type PendingRevocationView } from "./pending.ts";

// The entitlements an account holds now (`accounts.grants`, the account details page, SPEC
// §4.5), each with its revocation in flight and whether the viewer may revoke it.

export interface AccountGrantRow extends RevokeAbility {
  grantId: string;
  entitlement: {
    id: string;
    slug: string;
    displayName: string;
    deprovisioningStrategy: "MANUAL" | "CONNECTOR";
  };
  source: "INGESTED" | "REQUEST" | "MANUAL";
  grantedAt: Date;
  expiresAt: Date | null;
  pending: PendingRevocationView | null;
}

/**
 * The entitlements the account holds now, by entitlement name, keyset-paginated (cursor:
 * name + grant id); each with its pending revocation and whether the viewer may revoke it.
 * Only the grants the viewer may see (accountGrantsScope): an owner of one of its
 * entitlements, not otherwise responsible for the account, sees the grants of what they own.
 */
export async function listAccountGrants(
  ctx: ReadContext,
  input: TAccountGrantsInput,
): Promise<Page<AccountGrantRow>> {
  const { account, appOwnerIds, grantsScope } = await loadVisibleAccount(ctx, input.accountId);
  if (grantsScope === "NONE") return { items: [], nextCursor: null };
  const after = input.cursor ? decodeCursor(input.cursor, "text") : null;
  const rows = await ctx.db.grant.findMany({
    where: {
      accountId: account.id,
      organizationId: ctx.actor.organizationId,
      revokedAt: null,
      ...(grantsScope === "OWNED_ENTITLEMENTS"
        ? { entitlement: { owners: { some: { userId: ctx.actor.id } } } }
        : {}),
      ...(after
        ? {
            OR: [
              { entitlement: { displayName: { gt: after.key } } },
              { entitlement: { displayName: after.key }, id: { gt: after.id } },
            ],
          }
        : {}),
    },
    orderBy: [{ entitlement: { displayName: "asc" } }, { id: "asc" }],
    take: input.limit + 1,
    select: {
      id: true,
      source: true,
      grantedAt: true,
      expiresAt: true,
      entitlement: {
        select: {
          id: true,
          slug: true,
          displayName: true,
          deprovisioningStrategy: true,
          owners: { select: { userId: true } },
        },
      },
    },
  });
  const page = toPage(rows, input.limit, (g) => ({ key: g.entitlement.displayName, id: g.id }));
  const pending = await pendingRevocations(
    ctx.db,
    ctx.actor.organizationId,
    page.items.map((g) => g.id),
  );
  return {
    nextCursor: page.nextCursor,
    items: page.items.map((g) => ({
      grantId: g.id,
      entitlement: {
        id: g.entitlement.id,
        slug: g.entitlement.slug,
        displayName: g.entitlement.displayName,
        deprovisioningStrategy: g.entitlement.deprovisioningStrategy,
      },
      source: g.source,
      grantedAt: g.grantedAt,
      expiresAt: g.expiresAt,
      pending: pendingView(pending.get(g.id), ctx.actor, appOwnerIds),
      ...revokeAbility(ctx.actor, {
        organizationId: account.organizationId,
        appName: account.app.name,
        entitlementName: g.entitlement.displayName,
        appOwnerIds,
        entitlementOwnerIds: g.entitlement.owners.map((o) => o.userId),
        accountOwner: account.owner,
      }),
    })),
  };
}
