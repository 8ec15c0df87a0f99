import { policyInclude, snapshotPolicy } from "@lantern/db";
import { describePolicy, type Actor } from "@lantern/domain";
import type { Context } from "../context.ts";

type ServiceContext = Pick<Context, "db"> & { actor: Actor };

export interface PolicyOption {
  id: string;
  name: string;
  /** What a request under it goes through, in words ("The manager … approves, then …"). */
  requestSummary: string;
  revocationSummary: string;
}

/**
 * Every policy of the organization, by name, for the policy pickers of app, entitlement and
 * organization settings. Any member may read them: the request form already shows the policy a
 * request will run under.
 */
export async function listPolicyOptions(ctx: ServiceContext): Promise<PolicyOption[]> {
  const policies = await ctx.db.policy.findMany({
    where: { organizationId: ctx.actor.organizationId },
    include: policyInclude,
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
  return policies.map((policy) => {
    const snapshot = snapshotPolicy(policy);
    return {
      id: policy.id,
      name: policy.name,
      requestSummary: describePolicy(snapshot, "GRANT"),
      revocationSummary: describePolicy(snapshot, "REVOKE"),
    };
  });
}
