import { z } from "zod";
import { multiLineText, pageLimit, singleLineText, ZCursor } from "./text.ts";

// Approval policies (issue 6): list, read, create, edit, duplicate, delete. The shape is
// checked here; what a policy may say (lengths, steps, named people) is the domain's
// policy-rules, so its messages are the same wherever a policy is written.

const policyId = z.uuid({ error: "That is not a valid policy id." });
const personId = z.uuid({ error: "That is not a valid person id." });

export const APPROVER_KINDS = ["MANAGER", "APP_OWNERS", "ENTITLEMENT_OWNERS", "USERS"] as const;

export const ZListPoliciesInput = z.object({
  cursor: ZCursor,
  limit: pageLimit(50),
});
export type TListPoliciesInput = z.output<typeof ZListPoliciesInput>;

export const ZPolicyIdInput = z.object({ id: policyId });
export type TPolicyIdInput = z.output<typeof ZPolicyIdInput>;

export const ZPolicyDefinition = z.object({
  // Coarse bounds against abuse; the domain's policy-rules decide the real lengths.
  name: singleLineText({
    label: "The policy name",
    max: 500,
    tooLongMessage: "A policy name is at most 80 characters.",
  }),
  description: multiLineText({
    label: "The policy description",
    max: 10_000,
    tooLongMessage: "The description is at most 2000 characters.",
  }).default(""),
  steps: z
    .array(
      z.object({
        approver: z.enum(APPROVER_KINDS, {
          error: "Who approves is Manager, App owners, Entitlement owners or Named people.",
        }),
        people: z.array(personId).max(100).default([]),
      }),
    )
    .max(50, "A policy has at most 10 approval steps."),
  allowReassignment: z.boolean(),
  restrictReassignees: z.boolean(),
  allowedReassigneeIds: z.array(personId).max(200).default([]),
  allowSelfApproval: z.boolean(),
  requireDistinctApprovers: z.boolean(),
});
export type TPolicyDefinition = z.output<typeof ZPolicyDefinition>;

export const ZCreatePolicyInput = ZPolicyDefinition;
export type TCreatePolicyInput = z.output<typeof ZCreatePolicyInput>;

export const ZUpdatePolicyInput = ZPolicyDefinition.extend({ id: policyId });
export type TUpdatePolicyInput = z.output<typeof ZUpdatePolicyInput>;
