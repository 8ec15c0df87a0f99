import { REMOVAL_STATE_LABEL, REVIEW_FLAG_LABEL } from "@lantern/domain";
import { pagedCsvExport, type CsvColumns, type CsvExport } from "../csv.ts";
import type { ServiceContext } from "../shared/context.ts";
import { itemPage, readableCampaign, type ReviewItemRow } from "./campaigns.ts";
import { exportFilename } from "../accounts/export.ts";

// The campaign's evidence as a CSV file (SPEC §10): every item with its snapshot, decision,
// reviewer, time, reason and removal state — what an auditor files. Read in keyset batches of
// the campaign's own order, so a million items stream with flat memory.

export const REVIEW_EXPORT_BATCH_SIZE = 5_000;

const STATE: Record<ReviewItemRow["state"], string> = {
  PENDING: "Pending",
  KEPT: "Kept",
  REVOKED: "Revoked",
  NOT_REVIEWED: "Not reviewed",
};

const iso = (at: Date | null) => at?.toISOString() ?? "";

const COLUMNS: CsvColumns<ReviewItemRow> = [
  ["Item", (r) => String(r.position)],
  ["App", (r) => r.appName],
  ["Entitlement", (r) => r.entitlementName],
  ["Account", (r) => r.accountLabel],
  ["Account type", (r) => r.accountType],
  ["Owner", (r) => r.ownerName],
  ["Owner email", (r) => r.ownerEmail],
  ["Owner status", (r) => r.ownerStatus],
  ["Owner source", (r) => r.ownerSource],
  ["Match rule", (r) => r.matchRule],
  ["Match value", (r) => r.matchValue],
  ["Granted at", (r) => iso(r.grantedAt)],
  ["Last login", (r) => iso(r.lastLoginAt)],
  ["Flags", (r) => r.flags.map((f) => REVIEW_FLAG_LABEL[f.flag] ?? f.flag).join("; ")],
  ["Decision", (r) => STATE[r.state]],
  ["Decided by", (r) => r.decidedBy],
  ["Decided at", (r) => iso(r.decidedAt)],
  ["Reason", (r) => r.reason],
  ["First level kept by", (r) => r.firstDecidedBy],
  ["First level kept at", (r) => iso(r.firstDecidedAt)],
  ["First level reason", (r) => r.firstReason],
  ["Waiting for", (r) => r.reviewers.map((p) => p.displayName).join("; ")],
  ["Removal", (r) => (r.removal ? REMOVAL_STATE_LABEL[r.removal] : "")],
  ["Removal request", (r) => r.revokeRequestId],
  ["Removal problem", (r) => r.removalProblem],
  ["Item ID", (r) => r.id],
];

/** The CSV export of a campaign (super admins and auditors), in snapshot order. */
export async function exportReviewCampaign(
  ctx: ServiceContext,
  campaignId: string,
  batchSize: number = REVIEW_EXPORT_BATCH_SIZE,
): Promise<CsvExport> {
  const campaign = await readableCampaign(ctx, campaignId);
  const filename = exportFilename(campaign.name, ctx.now()).replace(
    /-accounts-(\d{4}-\d{2}-\d{2})\.csv$/,
    "-review-$1.csv",
  );
  return pagedCsvExport(filename, COLUMNS, (cursor) =>
    itemPage(ctx.db, campaign.id, { cursor: cursor ?? undefined, limit: batchSize }),
  );
}
