import { isSuperAdmin, readsEverything, responsibleRule } from "../permissions/rules.ts";

// Who may see and run access reviews (SPEC §10). Deciding items is decisions.ts's.

/** An organization, as the campaign rules need it. */
export interface ReviewOrganizationFacts {
  organizationId: string;
}

/** Starting a campaign (and counting a scope before it): super admins. */
export const canStartReviewCampaign = responsibleRule<ReviewOrganizationFacts>({
  notFound: "This organization does not exist.",
  responsible: (actor) => isSuperAdmin(actor),
  whoCan: () => "Only a super admin can start an access review.",
});

/**
 * Reading campaigns, their items, progress and evidence export, and counting a scope: super
 * admins and auditors. Reviewers see their own items in their queue.
 */
export const canReadReviewCampaigns = responsibleRule<ReviewOrganizationFacts>({
  notFound: "This campaign does not exist.",
  responsible: (actor) => readsEverything(actor),
  whoCan: () => "Only super admins and auditors can see access review campaigns.",
});
