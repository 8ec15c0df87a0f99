import { ZGrantIdInput, ZRevokeGrantInput } from "../schemas/grants.ts";
import { grantRevocationStatus, revokeGrant } from "../services/grants/index.ts";
import { serviceMutation, serviceQuery, router } from "../trpc.ts";

export const grantsRouter = router({
  /**
   * Revoke an account's access (SPEC §5): super admins, app owners, entitlement owners and the
   * direct manager of the account's owner. Starts a REVOKE request under the revocation policy.
   */
  revoke: serviceMutation(ZRevokeGrantInput, revokeGrant),
  /** Whether the grant is live and has a revocation in flight ("pending revocation"). */
  revocationStatus: serviceQuery(ZGrantIdInput, (ctx, input) =>
    grantRevocationStatus(ctx, input.grantId),
  ),
});
