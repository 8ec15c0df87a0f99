import { ZEntitlementByIdInput, ZEntitlementGrantsInput } from "../schemas/entitlements.ts";
import { getEntitlement, listEntitlementGrants } from "../services/entitlements.ts";
import { authedProcedure, router } from "../trpc.ts";

export const entitlementsRouter = router({
  /** One entitlement, its app, owners and effective policies: every member sees apps (SPEC §8). */
  byId: authedProcedure
    .input(ZEntitlementByIdInput)
    .query(({ ctx, input }) => getEntitlement(ctx, input.id)),
  /**
   * The accounts holding it (SPEC §5 Grants tab), keyset-paginated, each with its pending
   * revocation and whether the viewer may revoke it.
   */
  grants: authedProcedure
    .input(ZEntitlementGrantsInput)
    .query(({ ctx, input }) => listEntitlementGrants(ctx, input)),
});
