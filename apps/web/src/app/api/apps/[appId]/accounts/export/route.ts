// GET /api/apps/{appId}/accounts/export?status=&type=&owner=&q=&sort=
// The Accounts tab as a CSV file (SPEC §4.1): the same filters as the page (and its URL), every
// matching account, streamed in keyset batches so any size works. Signed-in super admins and
// the app's owners (the session cookie, as every page); 401, 403 or 404 otherwise, 400 for bad
// filters, as JSON — always before the first byte of the file (see csvDownload).
//
//   curl -b cookies.txt -OJ 'http://localhost:3000/api/apps/<appId>/accounts/export?owner=unset'
import { z } from "zod";
import { exportAccounts, ZAccountFilters } from "@lantern/api";
import { csvDownload, refusal, routeContext } from "~/server/import-upload";

export const dynamic = "force-dynamic";

export async function GET(req: Request, { params }: { params: Promise<{ appId: string }> }) {
  const ctx = await routeContext(req);
  if (ctx instanceof Response) return ctx;
  // The page's parameters (as its export link writes them), checked strictly: a filter the
  // export does not know is refused rather than ignored (which would export everything).
  const query = new URL(req.url).searchParams;
  const param = (name: string) => query.get(name)?.trim() || undefined;
  const input = ZAccountFilters.safeParse({
    appId: (await params).appId,
    status: param("status")?.toUpperCase(),
    type: param("type")?.toUpperCase(),
    owner: param("owner"),
    search: param("q"),
    sort: param("sort"),
  });
  if (!input.success) return refusal(400, "BAD_REQUEST", z.prettifyError(input.error));
  return csvDownload(() => exportAccounts(ctx, input.data));
}
