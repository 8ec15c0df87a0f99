import { GRANT_NOT_FOUND, responsibleForEntitlement, type GrantFactsForRevoke } from "./grants.ts";
import { listScope, ownsOrManages, readsEverything, responsibleRule } from "./rules.ts";

// SPEC §5, §8: who may see that an account holds an entitlement (a grant), one grant at a
// time and as lists. A grant names an account (login, name, email) and its owner, so it is
// visible to exactly the people responsible for it: super admins, the app's owners, the
// entitlement's owners, the account's owner and their direct manager; and to auditors, who
// read everything (readsEverything). Every other member sees only the grants of the accounts
// they own.

/** The people around one grant; the same facts the revoke rule reads. */
export type GrantFactsForView = Pick<
  GrantFactsForRevoke,
  "organizationId" | "appName" | "entitlementName" | "appOwnerIds" | "entitlementOwnerIds"
> & {
  accountOwner: { id: string; managerId: string | null } | null;
};

/** "Only super admins, auditors, the owners of GitHub and of Admin, … can see this access." */
export function whoCanViewGrant(
  grant: Pick<GrantFactsForView, "appName" | "entitlementName">,
): string {
  return `Only super admins, auditors, the owners of ${grant.appName}, the owners of ${grant.entitlementName}, and the account's owner and their direct manager can see this access.`;
}

/**
 * See one grant (its account, owner and revocation in flight): super admins, auditors, the
 * app's owners, the entitlement's owners, the account's owner and the owner's direct manager.
 */
export const canViewGrant = responsibleRule<GrantFactsForView>({
  notFound: GRANT_NOT_FOUND,
  responsible: (actor, grant) =>
    readsEverything(actor) ||
    responsibleForEntitlement(actor, grant) ||
    ownsOrManages(actor, grant.accountOwner),
  whoCan: whoCanViewGrant,
});

/**
 * Which of an entitlement's grants a viewer's list holds (its Grants tab): every one (`ALL`:
 * super admins, auditors, the app's owners, the entitlement's owners); else only those of accounts
 * the viewer owns or a direct report of theirs owns (`OWN_AND_REPORTS`); `NONE` for people
 * of another organization or who may not use Lantern. Lists filter by it in SQL; the result
 * is exactly the grants canViewGrant allows.
 */
export type EntitlementGrantsScope = "ALL" | "OWN_AND_REPORTS" | "NONE";

export const entitlementGrantsScope = listScope<
  Pick<GrantFactsForView, "organizationId" | "appOwnerIds" | "entitlementOwnerIds">,
  "OWN_AND_REPORTS"
>(
  (actor, entitlement) => readsEverything(actor) || responsibleForEntitlement(actor, entitlement),
  "OWN_AND_REPORTS",
);

/**
 * Which of an account's grants a viewer's list holds (the account details page): every one
 * (`ALL`: super admins, auditors, the app's owners, the account's owner and their direct
 * manager);
 * else only those of entitlements the viewer owns (`OWNED_ENTITLEMENTS`); `NONE` for people
 * of another organization or who may not use Lantern. Exactly the grants canViewGrant allows.
 */
export type AccountGrantsScope = "ALL" | "OWNED_ENTITLEMENTS" | "NONE";

export const accountGrantsScope = listScope<
  Pick<GrantFactsForView, "organizationId" | "appOwnerIds" | "accountOwner">,
  "OWNED_ENTITLEMENTS"
>(
  (actor, account) =>
    readsEverything(actor) ||
    account.appOwnerIds.includes(actor.id) ||
    ownsOrManages(actor, account.accountOwner),
  "OWNED_ENTITLEMENTS",
);
