// GET /api/audit/export?actor=&targetType=&targetId=&action=&from=&to=
// The audit log as a CSV file: the same filters as the page (and its URL), every matching
// event, newest first, streamed in keyset batches so any size works. Signed-in super admins
// (the session cookie, as every page); 401 or 403 otherwise, 400 for bad filters, as JSON —
// always before the first byte of the file (see csvDownload).
//
//   curl -b cookies.txt -OJ 'http://localhost:3000/api/audit/export?action=task.&from=2026-11-01'
import { z } from "zod";
import { exportAuditLog, ZAuditFilters } from "@lantern/api";
import { auditFilterInput, parseAuditParams } from "~/components/audit/audit-filters";
import { csvDownload, refusal, routeContext } from "~/server/import-upload";

export const dynamic = "force-dynamic";

export async function GET(req: Request) {
  const ctx = await routeContext(req);
  if (ctx instanceof Response) return ctx;
  const params = parseAuditParams(new URL(req.url).searchParams);
  const input = ZAuditFilters.safeParse(auditFilterInput(params));
  if (!input.success) return refusal(400, "BAD_REQUEST", z.prettifyError(input.error));
  return csvDownload(() => exportAuditLog(ctx, input.data));
}
