// GET /api/reviews/{campaignId}/export
// An access review campaign's evidence as a CSV file (SPEC §10): every item in snapshot order
// with its decision, who decided, when, why, and whether revoked access was removed — what an
// auditor files. Streamed in keyset batches so any size works. Signed-in super admins and
// auditors (the session cookie, as every page); 401, 403 or 404 otherwise, 400 for an id that
// is not one, as JSON — always before the first byte of the file (see csvDownload).
//
//   curl -b cookies.txt -OJ 'http://localhost:3000/api/reviews/<campaignId>/export'
import { z } from "zod";
import { exportReviewCampaign, ZReviewCampaignIdInput } from "@lantern/api";
import { csvDownload, refusal, routeContext } from "~/server/import-upload";

export const dynamic = "force-dynamic";

export async function GET(req: Request, { params }: { params: Promise<{ campaignId: string }> }) {
  const ctx = await routeContext(req);
  if (ctx instanceof Response) return ctx;
  const input = ZReviewCampaignIdInput.safeParse({ campaignId: (await params).campaignId });
  if (!input.success) return refusal(400, "BAD_REQUEST", z.prettifyError(input.error));
  return csvDownload(() => exportReviewCampaign(ctx, input.data.campaignId));
}
