import {
  ZAppIdInput,
  ZBulkUpdateEntitlementsInput,
  ZCreateEntitlementInput,
  ZEntitlementByIdInput,
  ZEntitlementGrantsInput,
  ZUpdateEntitlementInput,
} from "../schemas/entitlements.ts";
import {
  bulkUpdateEntitlements,
  createEntitlement,
  inheritedPoliciesOfApp,
  updateEntitlement,
} from "../services/entitlement-settings.ts";
import { getEntitlement } from "../services/entitlements.ts";
import { listEntitlementGrants } from "../services/grants/index.ts";
import { serviceMutation, serviceQuery, router } from "../trpc.ts";

export const entitlementsRouter = router({
  /**
   * One entitlement, its app, owners and effective policies (with its own policy choices and
   * what it would inherit, for the Settings tab): every member sees apps (SPEC §8).
   */
  byId: serviceQuery(ZEntitlementByIdInput, (ctx, input) => getEntitlement(ctx, input.id)),
  /**
   * The accounts holding it (SPEC §5 Grants tab), keyset-paginated, each with its pending
   * revocation and whether the viewer may revoke it.
   */
  grants: serviceQuery(ZEntitlementGrantsInput, listEntitlementGrants),
  /** The policies a new entitlement of the app inherits (Add entitlement): its managers. */
  inheritedPolicies: serviceQuery(ZAppIdInput, (ctx, input) =>
    inheritedPoliciesOfApp(ctx, input.appId),
  ),
  /** Add an entitlement to an app: super admins and the app's owners (canManageApp). */
  create: serviceMutation(ZCreateEntitlementInput, createEntitlement),
  /** Change name, description, owners, strategies or policy overrides (only the fields given). */
  update: serviceMutation(ZUpdateEntitlementInput, updateEntitlement),
  /** Set a strategy or a policy on many entitlements of one app: all of them or none. */
  bulkUpdate: serviceMutation(ZBulkUpdateEntitlementsInput, bulkUpdateEntitlements),
});
