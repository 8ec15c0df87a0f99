import type { Actor } from "../actor.ts";
import { isSuperAdmin, managesOwner, responsibleRule } from "./rules.ts";

// SPEC §5, §8: who may remove an account's access to an entitlement by hand.

/** The people around one grant, as the revoke rule needs them. */
export interface GrantFactsForRevoke {
  organizationId: string;
  appName: string;
  entitlementName: string;
  appOwnerIds: readonly string[];
  entitlementOwnerIds: readonly string[];
  /** The person who owns the account; null when the account has no owner. */
  accountOwner: { id: string; displayName: string; managerId: string | null } | null;
}

export const GRANT_NOT_FOUND = "This access does not exist.";

/** "Only a super admin, an owner of GitHub, an owner of Admin, or Dana Ortiz's manager can…" */
export function whoCanRevoke(grant: GrantFactsForRevoke): string {
  const manager = grant.accountOwner
    ? `or the direct manager of the account's owner (${grant.accountOwner.displayName})`
    : "or the direct manager of the account's owner (this account has no owner, so no manager can)";
  return `Only a super admin, an owner of ${grant.appName}, an owner of ${grant.entitlementName}, ${manager} can revoke this access.`;
}

/**
 * Revoke a grant (SPEC §5): a super admin, an owner of the app, an owner of the entitlement,
 * or the direct manager of the account's owner. The account's owner is not on the list: they
 * ask one of these people. Refusals name who can.
 */
export const canRevokeGrant = responsibleRule<GrantFactsForRevoke>({
  notFound: GRANT_NOT_FOUND,
  responsible: (actor, grant) =>
    responsibleForEntitlement(actor, grant) || managesOwner(actor, grant.accountOwner),
  whoCan: whoCanRevoke,
});

/** A super admin, an owner of the grant's app or an owner of its entitlement. */
export function responsibleForEntitlement(
  actor: Actor,
  grant: Pick<GrantFactsForRevoke, "appOwnerIds" | "entitlementOwnerIds">,
): boolean {
  return (
    isSuperAdmin(actor) ||
    grant.appOwnerIds.includes(actor.id) ||
    grant.entitlementOwnerIds.includes(actor.id)
  );
}
