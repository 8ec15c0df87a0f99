import { listPolicyOptions } from "../services/policies.ts";
import { authedProcedure, router } from "../trpc.ts";

export const policiesRouter = router({
  /** Every policy by name with what it does in words, for the policy pickers. */
  options: authedProcedure.query(({ ctx }) => listPolicyOptions(ctx)),
});
