import type { Prisma } from "@lantern/db";
import {
  canRevokeGrant,
  DomainError,
  GRANT_NOT_FOUND,
  type Actor,
  type GrantFactsForRevoke,
} from "@lantern/domain";
import type { Tx } from "../shared/records.ts";

// What the grant rules (canViewGrant, canRevokeGrant, the grants scopes) are asked with: one
// grant loaded with the people around it, or the facts of a page of grants of one
// entitlement or account, and how each answer is shown.

/** One grant with the people the grant rules and the revocation policy fallback need. */
export const grantSelect = {
  id: true,
  organizationId: true,
  revokedAt: true,
  accountId: true,
  entitlementId: true,
  account: {
    select: {
      id: true,
      login: true,
      emails: true,
      displayName: true,
      externalId: true,
      owner: { select: { id: true, displayName: true, managerId: true } },
    },
  },
  entitlement: {
    select: {
      id: true,
      displayName: true,
      appId: true,
      requestPolicyId: true,
      revocationPolicyId: true,
      owners: { select: { userId: true } },
      app: {
        select: {
          id: true,
          name: true,
          organizationId: true,
          defaultRequestPolicyId: true,
          defaultRevocationPolicyId: true,
          organization: {
            select: { defaultRequestPolicyId: true, defaultRevocationPolicyId: true },
          },
          members: { where: { role: "OWNER" }, select: { userId: true } },
        },
      },
    },
  },
} satisfies Prisma.GrantSelect;

export type LoadedGrant = Prisma.GrantGetPayload<{ select: typeof grantSelect }>;

/** The grant in the actor's organization (live or ended); NOT_FOUND otherwise. */
export async function loadGrant(db: Tx, actor: Actor, grantId: string): Promise<LoadedGrant> {
  const grant = await db.grant.findFirst({
    where: { id: grantId, organizationId: actor.organizationId },
    select: grantSelect,
  });
  if (!grant) throw new DomainError("NOT_FOUND", GRANT_NOT_FOUND);
  return grant;
}

/** The facts canViewGrant and canRevokeGrant decide a loaded grant on. */
export function grantFacts(grant: LoadedGrant): GrantFactsForRevoke {
  const { entitlement } = grant;
  return {
    organizationId: grant.organizationId,
    appName: entitlement.app.name,
    entitlementName: entitlement.displayName,
    appOwnerIds: entitlement.app.members.map((m) => m.userId),
    entitlementOwnerIds: entitlement.owners.map((o) => o.userId),
    accountOwner: grant.account.owner,
  };
}

/**
 * The people around every grant of one entitlement (its app's and its own owners), as the
 * visibility and revoke rules need them; each grant adds its account's owner.
 */
export function entitlementGrantFacts(
  actor: Actor,
  entitlement: {
    displayName: string;
    owners: Array<{ user: { id: string } }>;
    app: { name: string; members: Array<{ userId: string }> };
  },
): Omit<GrantFactsForRevoke, "accountOwner"> {
  return {
    organizationId: actor.organizationId,
    appName: entitlement.app.name,
    entitlementName: entitlement.displayName,
    appOwnerIds: entitlement.app.members.map((m) => m.userId),
    entitlementOwnerIds: entitlement.owners.map((o) => o.user.id),
  };
}

export interface RevokeAbility {
  /** canRevokeGrant allows the viewer (the server asks again on Revoke). */
  viewerCanRevoke: boolean;
  /** Why not, naming who can; null when the viewer may. */
  revokeRefusal: string | null;
}

/** What a list of grants says about each row's Revoke (canRevokeGrant, asked per row). */
export function revokeAbility(actor: Actor, facts: GrantFactsForRevoke): RevokeAbility {
  const decision = canRevokeGrant(actor, facts);
  return decision.allowed
    ? { viewerCanRevoke: true, revokeRefusal: null }
    : { viewerCanRevoke: false, revokeRefusal: decision.reason };
}

/** "leo.park": how an account is named (login, else primary email, name, external id). */
export function accountLabel(account: {
  login: string | null;
  emails: string[];
  displayName: string | null;
  externalId: string;
}): string {
  return account.login ?? account.emails[0] ?? account.displayName ?? account.externalId;
}
