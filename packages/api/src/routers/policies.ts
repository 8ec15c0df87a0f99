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
import { authedProcedure, serviceMutation, serviceQuery, router } from "../trpc.ts";

/**
 * Approval policies (SPEC §1, issue 6). `options` is for every member (the policy pickers);
 * the list and one policy are for super admins and auditors (canViewPolicies), changes for
 * super admins (canManagePolicies); FORBIDDEN otherwise.
 */
export const policiesRouter = router({
  /** Every policy by name with what it does in words, for the policy pickers. */
  options: authedProcedure.query(({ ctx }) => listPolicyOptions(ctx)),
  /** Policies by name with their summary, step count and where they are used. */
  list: serviceQuery(ZListPoliciesInput, listPolicies),
  /** One policy: definition with named people, summaries, and the apps and entitlements using it. */
  byId: serviceQuery(ZPolicyIdInput, getPolicy),
  create: serviceMutation(ZCreatePolicyInput, createPolicy),
  /** Replaces steps and flags; running requests keep the snapshot they started with. */
  update: serviceMutation(ZUpdatePolicyInput, updatePolicy),
  /** A copy named "Copy of X", used by nothing yet. */
  duplicate: serviceMutation(ZPolicyIdInput, duplicatePolicy),
  /** CONFLICT, naming where, while an organization default, app or entitlement uses it. */
  delete: serviceMutation(ZPolicyIdInput, deletePolicy),
});
