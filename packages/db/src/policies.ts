import type { Prisma } from "./generated/prisma/client.ts";

// A policy with its steps, as the request service and the seed factories load it. The
// snapshot a request runs under is the domain's (`snapshotPolicy` in @lantern/domain): db
// imports nothing of Lantern's own.

export type PolicyWithSteps = Prisma.PolicyGetPayload<{
  include: { steps: { include: { approvers: true } }; allowedReassignees: true };
}>;

export const policyInclude = {
  steps: { include: { approvers: true }, orderBy: { position: "asc" } },
  allowedReassignees: true,
} as const satisfies Prisma.PolicyInclude;
