import { z } from "zod";
import { REVIEW_ACCOUNT_TYPES, REVIEW_FILTER_DAYS_MAX, type ReviewFlag } from "@lantern/domain";
import {
  multiLineText,
  pageLimit,
  singleLineText,
  ZCursor,
  ZDescription,
  ZSearchText,
} from "./text.ts";

// Access reviews (SPEC §10): a campaign's scope and reviewers, the decisions on its items.

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar day "YYYY-MM-DD" (UTC). */
function isRealDate(text: string): boolean {
  const at = new Date(`${text}T00:00:00.000Z`);
  return !Number.isNaN(at.getTime()) && at.toISOString().startsWith(text);
}

const dueDate = singleLineText({
  label: "The due date",
  max: 10,
  required: true,
  requiredMessage: "Choose the date the reviews are due.",
  tooLongMessage: "Enter the due date as YYYY-MM-DD.",
}).refine((text) => DATE.test(text) && isRealDate(text) && text <= "9999-12-31", {
  error: "Enter the due date as YYYY-MM-DD.",
});

const days = (what: string) =>
  z
    .number({ error: `${what} is a whole number of days.` })
    .int(`${what} is a whole number of days.`)
    .min(1, `${what} is at least 1 day.`)
    .max(REVIEW_FILTER_DAYS_MAX, `${what} is at most ${REVIEW_FILTER_DAYS_MAX} days.`)
    .nullable()
    .default(null);

const id = (error: string) => z.uuid({ error });

/** What the campaign reviews: apps (all their entitlements) and/or entitlements, and filters. */
export const ZReviewScope = z.object({
  appIds: z
    .array(id("Choose apps from the list."))
    .max(200, "A campaign reviews at most 200 apps; choose entitlements or start several.")
    .default([]),
  entitlementIds: z
    .array(id("Choose entitlements from the list."))
    .max(1000, "A campaign names at most 1,000 entitlements; choose their apps instead.")
    .default([]),
  accountTypes: z
    .array(z.enum(REVIEW_ACCOUNT_TYPES, { error: "Account types are User, Service or System." }))
    .default(["USER"]),
  grantOlderThanDays: days("The grant age"),
  ownerInactiveOnly: z.boolean({ error: "Say yes or no." }).default(false),
  ownerlessOnly: z.boolean({ error: "Say yes or no." }).default(false),
  unusedForDays: days("The time without use"),
});
export type TReviewScope = z.output<typeof ZReviewScope>;

const REVIEWER_KINDS = ["MANAGER", "APP_OWNERS", "ENTITLEMENT_OWNERS", "USERS"] as const;

const reviewerLevel = z.object({
  kind: z.enum(REVIEWER_KINDS, {
    error: "Reviewers are the manager, the app owners, the entitlement owners or named people.",
  }),
  userIds: z
    .array(id("Choose reviewers from the list of people."))
    .max(50, "Name at most 50 reviewers.")
    .default([]),
});
export type TReviewerLevel = z.output<typeof reviewerLevel>;

export const ZReviewerPlan = z.object({
  first: reviewerLevel,
  second: reviewerLevel.nullable().default(null),
});
export type TReviewerPlan = z.output<typeof ZReviewerPlan>;

export const ZReviewScopeInput = z.object({ scope: ZReviewScope });
export type TReviewScopeInput = z.output<typeof ZReviewScopeInput>;

export const ZStartReviewCampaignInput = z.object({
  name: singleLineText({
    label: "The campaign name",
    max: 120,
    required: true,
    requiredMessage: "Give the campaign a name.",
  }),
  description: ZDescription.default(""),
  dueDate,
  scope: ZReviewScope,
  reviewers: ZReviewerPlan,
});
export type TStartReviewCampaignInput = z.output<typeof ZStartReviewCampaignInput>;

const campaignId = id("Choose a campaign.");
const itemId = id("Choose a review item.");

export const ZReviewCampaignIdInput = z.object({ campaignId });
export type TReviewCampaignIdInput = z.output<typeof ZReviewCampaignIdInput>;

export const REVIEW_CAMPAIGN_STATES = ["RUNNING", "CLOSED"] as const;

export const ZReviewCampaignListInput = z.object({
  state: z.enum(REVIEW_CAMPAIGN_STATES, { error: "Show running or closed campaigns." }).optional(),
  cursor: ZCursor,
  limit: pageLimit(25),
});
export type TReviewCampaignListInput = z.output<typeof ZReviewCampaignListInput>;

export const REVIEW_ITEM_FILTERS = [
  "pending",
  "kept",
  "revoked",
  "not_reviewed",
  "removal_pending",
  "removed",
  "removal_failed",
] as const;
export type TReviewItemFilter = (typeof REVIEW_ITEM_FILTERS)[number];

export const ZReviewItemsInput = z.object({
  campaignId,
  filter: z.enum(REVIEW_ITEM_FILTERS, { error: "Choose a filter from the list." }).optional(),
  reviewerId: id("Choose a reviewer from the list.").optional(),
  cursor: ZCursor,
  limit: pageLimit(50),
});
export type TReviewItemsInput = z.output<typeof ZReviewItemsInput>;

export const REVIEW_QUEUE_FLAGS = [
  "OWNER_SUSPENDED",
  "OWNER_DEPROVISIONED",
  "NO_OWNER",
  "AMBIGUOUS_OWNER",
  "UNUSED",
  "SERVICE_ACCOUNT",
  "SYSTEM_ACCOUNT",
] as const satisfies readonly ReviewFlag[];

export const ZReviewQueueInput = z.object({
  campaignId: campaignId.optional(),
  /** Only items with this flag; `FLAGGED`: items with any flag. */
  flag: z
    .enum([...REVIEW_QUEUE_FLAGS, "FLAGGED"], { error: "Choose a flag from the list." })
    .optional(),
  cursor: ZCursor,
  limit: pageLimit(50),
});
export type TReviewQueueInput = z.output<typeof ZReviewQueueInput>;

const reason = multiLineText({
  label: "The reason",
  max: 2_000,
  tooLongMessage: "A reason is limited to 2,000 characters.",
});

export const ZDecideReviewItemInput = z.object({
  itemId,
  decision: z.enum(["keep", "revoke"], { error: "Decide Keep or Revoke." }),
  reason: reason.optional(),
});
export type TDecideReviewItemInput = z.output<typeof ZDecideReviewItemInput>;

export const ZReassignReviewItemInput = z.object({
  itemId,
  toUserId: id("Choose the person to reassign the review to."),
  reason: reason.optional(),
});
export type TReassignReviewItemInput = z.output<typeof ZReassignReviewItemInput>;

export const ZReviewReassigneesInput = z.object({
  /** The item, or the selection (its first 100 items: who they may go to is told per item). */
  itemIds: z
    .array(itemId)
    .min(1, "Select at least one item.")
    .max(100, "Ask for at most 100 items at a time."),
  search: ZSearchText,
});
export type TReviewReassigneesInput = z.output<typeof ZReviewReassigneesInput>;

export const ZBulkReviewInput = z
  .object({
    itemIds: z
      .array(itemId)
      .min(1, "Select at least one item.")
      .max(1000, "Bulk decisions take at most 1,000 items at a time."),
    decision: z.enum(["keep", "revoke", "reassign"], {
      error: "Choose Keep, Revoke or Reassign.",
    }),
    /** One comment for every item: the reason of each decision. */
    comment: reason.optional(),
    toUserId: id("Choose the person to reassign the reviews to.").optional(),
  })
  .refine((v) => v.decision !== "reassign" || v.toUserId, {
    message: "Choose the person to reassign the reviews to.",
    path: ["toUserId"],
  });
export type TBulkReviewInput = z.output<typeof ZBulkReviewInput>;
