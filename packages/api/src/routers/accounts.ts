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
import { authedProcedure, router } from "../trpc.ts";

/**
 * Accounts of an app (SPEC §4.1, §4.3, §4.4). Super admins and the app's owners: the services
 * ask canViewAccounts / canManageAccounts and answer FORBIDDEN, naming who can, otherwise.
 */
export const accountsRouter = router({
  list: authedProcedure
    .input(ZListAccountsInput)
    .query(({ ctx, input }) => listAccounts(ctx, input)),
  /** How many accounts the filters match ("N accounts match"). */
  count: authedProcedure
    .input(ZCountAccountsInput)
    .query(({ ctx, input }) => countAccounts(ctx, input)),
  /** Active people of the organization, for Set account owner. */
  ownerCandidates: authedProcedure
    .input(ZOwnerCandidatesInput)
    .query(({ ctx, input }) => listOwnerCandidates(ctx, input)),
  setOwner: authedProcedure
    .input(ZSetAccountOwnerInput)
    .mutation(({ ctx, input }) => setAccountOwner(ctx, input)),
  resetOwner: authedProcedure
    .input(ZAccountIdInput)
    .mutation(({ ctx, input }) => resetAccountOwner(ctx, input)),
  clearOwner: authedProcedure
    .input(ZAccountIdInput)
    .mutation(({ ctx, input }) => clearAccountOwner(ctx, input)),
  setType: authedProcedure
    .input(ZSetAccountTypeInput)
    .mutation(({ ctx, input }) => setAccountType(ctx, input)),
  /**
   * One account's details (SPEC §4.5): super admins, app owners, the account's owner and their
   * manager, owners of the entitlements it holds (canViewAccount); FORBIDDEN naming who can.
   */
  byId: authedProcedure
    .input(ZAccountByIdInput)
    .query(({ ctx, input }) => getAccountDetails(ctx, input.id)),
  /** Its live grants, by entitlement name, with pending revocations and viewerCanRevoke. */
  grants: authedProcedure
    .input(ZAccountGrantsInput)
    .query(({ ctx, input }) => listAccountGrants(ctx, input)),
});
