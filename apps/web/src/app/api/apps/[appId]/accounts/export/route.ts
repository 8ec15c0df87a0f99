// GET /api/apps/{appId}/accounts/export?status=&type=&owner=&q=&sort=
// The Accounts tab as a CSV file (SPEC §4.1): the same filters as the page (and its URL), every
// matching account, streamed in keyset batches so any size works. Signed-in super admins and
// the app's owners (the session cookie, as every page); 401, 403 or 404 otherwise, as JSON.
//
//   curl -b cookies.txt -OJ 'http://localhost:3000/api/apps/<appId>/accounts/export?owner=unset'
import { z } from "zod";
import { exportAccounts, toByteStream, ZAccountFilters } from "@lantern/api";
import { isDomainError } from "@lantern/domain";
import { parseAccountFilters } from "~/components/accounts/accounts-list";
import { HTTP_STATUS, refusal, uploader } from "~/server/import-upload";

export const dynamic = "force-dynamic";

export async function GET(req: Request, { params }: { params: Promise<{ appId: string }> }) {
  const { prisma, actor } = await uploader();
  if (!actor) return refusal(401, "UNAUTHORIZED", "Sign in to continue.");
  const { q, ...filters } = parseAccountFilters(new URL(req.url).searchParams);
  const input = ZAccountFilters.safeParse({ ...filters, search: q, appId: (await params).appId });
  if (!input.success) {
    return refusal(400, "BAD_REQUEST", z.prettifyError(input.error));
  }
  try {
    const file = await exportAccounts({ db: prisma, actor, now: () => new Date() }, input.data);
    return new Response(toByteStream(file.chunks), {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${file.filename}"`,
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    if (isDomainError(error)) return refusal(HTTP_STATUS[error.code], error.code, error.message);
    throw error;
  }
}
