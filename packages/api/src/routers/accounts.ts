import {
  ZAccountIdInput,
  ZCountAccountsInput,
  ZListAccountsInput,
  ZOwnerCandidatesInput,
  ZSetAccountOwnerInput,
  ZSetAccountTypeInput,
} from "../schemas/accounts.ts";
import { ZAccountByIdInput, ZAccountGrantsInput } from "../schemas/account-details.ts";
import { getAccountDetails } from "../services/accounts/details.ts";
import { countAccounts, listAccounts } from "../services/accounts/list.ts";
import {
  clearAccountOwner,
  listOwnerCandidates,
  resetAccountOwner,
  setAccountOwner,
  setAccountType,
} from "../services/accounts/ownership.ts";
import { listAccountGrants } from "../services/grants/index.ts";
import { serviceMutation, serviceQuery, router } from "../trpc.ts";

/**
 * Accounts of an app (SPEC §4.1, §4.3, §4.4). Super admins and the app's owners: the services
 * ask canViewAccounts / canManageAccounts and answer FORBIDDEN, naming who can, otherwise.
 */
export const accountsRouter = router({
  list: serviceQuery(ZListAccountsInput, listAccounts),
  /** How many accounts the filters match ("N accounts match"). */
  count: serviceQuery(ZCountAccountsInput, countAccounts),
  /** Active people of the organization, for Set account owner. */
  ownerCandidates: serviceQuery(ZOwnerCandidatesInput, listOwnerCandidates),
  setOwner: serviceMutation(ZSetAccountOwnerInput, setAccountOwner),
  resetOwner: serviceMutation(ZAccountIdInput, resetAccountOwner),
  clearOwner: serviceMutation(ZAccountIdInput, clearAccountOwner),
  setType: serviceMutation(ZSetAccountTypeInput, setAccountType),
  /**
   * One account's details (SPEC §4.5): super admins, app owners, the account's owner and their
   * manager, owners of the entitlements it holds (canViewAccount); FORBIDDEN naming who can.
   */
  byId: serviceQuery(ZAccountByIdInput, (ctx, input) => getAccountDetails(ctx, input.id)),
  /** Its live grants, by entitlement name, with pending revocations and viewerCanRevoke. */
  grants: serviceQuery(ZAccountGrantsInput, listAccountGrants),
});
