import {
  ZCreatePolicyInput,
  ZListPoliciesInput,
  ZPolicyIdInput,
  ZUpdatePolicyInput,
} from "../schemas/policies.ts";
import {
  createPolicy,
  deletePolicy,
  duplicatePolicy,
  getPolicy,
  listPolicies,
  listPolicyOptions,
  updatePolicy,
} from "../services/policies.ts";
import { authedProcedure, router } from "../trpc.ts";

/**
 * Approval policies (SPEC §1, issue 6). `options` is for every member (the policy pickers);
 * everything else is for super admins: the services ask canManagePolicies and answer
 * FORBIDDEN otherwise.
 */
export const policiesRouter = router({
  /** Every policy by name with what it does in words, for the policy pickers. */
  options: authedProcedure.query(({ ctx }) => listPolicyOptions(ctx)),
  /** Policies by name with their summary, step count and where they are used. */
  list: authedProcedure
    .input(ZListPoliciesInput)
    .query(({ ctx, input }) => listPolicies(ctx, input)),
  /** One policy: definition with named people, summaries, and the apps and entitlements using it. */
  byId: authedProcedure.input(ZPolicyIdInput).query(({ ctx, input }) => getPolicy(ctx, input)),
  create: authedProcedure
    .input(ZCreatePolicyInput)
    .mutation(({ ctx, input }) => createPolicy(ctx, input)),
  /** Replaces steps and flags; running requests keep the snapshot they started with. */
  update: authedProcedure
    .input(ZUpdatePolicyInput)
    .mutation(({ ctx, input }) => updatePolicy(ctx, input)),
  /** A copy named "Copy of X", used by nothing yet. */
  duplicate: authedProcedure
    .input(ZPolicyIdInput)
    .mutation(({ ctx, input }) => duplicatePolicy(ctx, input)),
  /** CONFLICT, naming where, while an organization default, app or entitlement uses it. */
  delete: authedProcedure
    .input(ZPolicyIdInput)
    .mutation(({ ctx, input }) => deletePolicy(ctx, input)),
});
