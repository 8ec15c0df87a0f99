import { responsibleForEntitlement } from "./grants.ts";
import { ownsOrManages, readsEverything, responsibleRule } from "./rules.ts";

// SPEC §4.5, §8: who may open an account's details page (its emails and profile attributes
// as ingested). Which of its grants the page lists is accountGrantsScope's (grant-visibility.ts):
// an owner of one of its entitlements sees the account, but only the grants of what they own.

/** The facts about one account that the visibility rule needs. */
export interface AccountFactsForView {
  organizationId: string;
  appName: string;
  appOwnerIds: readonly string[];
  /** The person who owns the account; null when nobody does. */
  owner: { id: string; managerId: string | null } | null;
  /** The owners of the entitlements the account holds now (its live grants). */
  entitlementOwnerIds: readonly string[];
}

export const ACCOUNT_NOT_FOUND =
  "This account does not exist, or it belongs to another organization.";

/** "Only super admins, auditors, the owners of GitHub, … can see this account." */
export function whoCanViewAccount(account: Pick<AccountFactsForView, "appName">): string {
  return `Only super admins, auditors, the owners of ${account.appName}, the account's owner and their direct manager, and the owners of the entitlements it holds can see this account.`;
}

/**
 * See an account's details (SPEC §8): super admins, auditors (readsEverything) and the app's
 * owners see every account;
 * a member sees the accounts they own; the direct manager of the account's owner and the
 * owners of an entitlement the account holds see it too — exactly the people who may revoke
 * its access (canRevokeGrant), so they can see what they would revoke.
 */
export const canViewAccount = responsibleRule<AccountFactsForView>({
  notFound: ACCOUNT_NOT_FOUND,
  responsible: (actor, account) =>
    readsEverything(actor) ||
    responsibleForEntitlement(actor, account) ||
    ownsOrManages(actor, account.owner),
  whoCan: whoCanViewAccount,
});
