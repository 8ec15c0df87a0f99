// Access reviews (SPEC §10): one file per part — the scope, starting, the reviewer's queue,
// decisions, the campaign pages and the evidence export.
export { countReviewScope, type ScopeCount } from "./scope.ts";
export { startReviewCampaign, type StartedCampaign } from "./start.ts";
export { listReviewQueue, reviewQueueSummary, type QueueItem } from "./queue.ts";
export {
  bulkReviewDecision,
  decideReviewItem,
  listReviewReassignees,
  reassignReviewItem,
  type ReviewBulkResult,
  type ReviewDecisionResult,
} from "./decide.ts";
export {
  closeReviewCampaign,
  getReviewCampaign,
  listReviewCampaigns,
  listReviewItems,
  type ReviewItemRow,
} from "./campaigns.ts";
export { exportReviewCampaign } from "./export.ts";
export { runReviewRemovalJobs, runReviewRemovals, type ReviewRemovalSummary } from "./removals.ts";
