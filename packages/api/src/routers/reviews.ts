import {
  ZBulkReviewInput,
  ZDecideReviewItemInput,
  ZReassignReviewItemInput,
  ZReviewCampaignIdInput,
  ZReviewCampaignListInput,
  ZReviewItemsInput,
  ZReviewQueueInput,
  ZReviewReassigneesInput,
  ZReviewScopeInput,
  ZStartReviewCampaignInput,
} from "../schemas/reviews.ts";
import {
  bulkReviewDecision,
  closeReviewCampaign,
  countReviewScope,
  decideReviewItem,
  getReviewCampaign,
  listReviewCampaigns,
  listReviewItems,
  listReviewQueue,
  listReviewReassignees,
  reassignReviewItem,
  reviewQueueSummary,
  startReviewCampaign,
} from "../services/reviews/index.ts";
import { authedProcedure, router, serviceMutation, serviceQuery } from "../trpc.ts";

// Access reviews (SPEC §10). Campaigns: super admins start and close them; super admins and
// auditors read them. Decisions: each item's reviewers (or a super admin), never on their own
// access.
export const reviewsRouter = router({
  /** Campaigns, newest first. */
  list: serviceQuery(ZReviewCampaignListInput, listReviewCampaigns),
  /** One campaign: scope, reviewers, progress by reviewer, removal states. */
  byId: serviceQuery(ZReviewCampaignIdInput, getReviewCampaign),
  /** A campaign's items with decisions and removal states, filtered. */
  items: serviceQuery(ZReviewItemsInput, listReviewItems),
  /** How many grants a scope holds now (New campaign, before Start). */
  countScope: serviceQuery(ZReviewScopeInput, countReviewScope),
  /** Start a campaign: snapshot the scope, assign reviewers, notify each reviewer once. */
  start: serviceMutation(ZStartReviewCampaignInput, startReviewCampaign),
  /** Close a running campaign; undecided items become "not reviewed". */
  close: serviceMutation(ZReviewCampaignIdInput, closeReviewCampaign),
  /** The viewer's waiting items, by campaign. */
  queue: serviceQuery(ZReviewQueueInput, listReviewQueue),
  /** The campaigns the viewer has items waiting in, with counts. */
  queueSummary: authedProcedure.query(({ ctx }) => reviewQueueSummary(ctx)),
  /** Keep or Revoke one item. */
  decide: serviceMutation(ZDecideReviewItemInput, decideReviewItem),
  /** Hand one item to another reviewer. */
  reassign: serviceMutation(ZReassignReviewItemInput, reassignReviewItem),
  /** Who the viewer may hand items to (the Reassign dialogs' picker). */
  reassignees: serviceQuery(ZReviewReassigneesInput, listReviewReassignees),
  /** One decision over a selection, with one comment; per-item results. */
  bulk: serviceMutation(ZBulkReviewInput, bulkReviewDecision),
});
