import { ZEntitlementByIdInput } from "../schemas/entitlements.ts";
import { getEntitlement } from "../services/entitlements.ts";
import { authedProcedure, router } from "../trpc.ts";

export const entitlementsRouter = router({
  /** One entitlement and its app: every member may see apps (SPEC §8). */
  byId: authedProcedure
    .input(ZEntitlementByIdInput)
    .query(({ ctx, input }) => getEntitlement(ctx, input.id)),
});
