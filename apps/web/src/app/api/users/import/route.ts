// POST /api/users/import — the organization's people from a CSV (`text/csv`) or JSON
// (`application/json`, { "users": [...] }) file, streamed (SPEC §4.6; columns in
// packages/connectors/README.md). Super admins only. Answers like /api/apps/{appId}/import.
import { importPeople } from "@lantern/api";
import { answer, routeContext, uploadOf } from "~/server/import-upload";

export const dynamic = "force-dynamic";

export async function POST(req: Request) {
  const ctx = await routeContext(req);
  if (ctx instanceof Response) return ctx;
  const upload = uploadOf(req);
  if (upload instanceof Response) return upload;
  return answer(() => importPeople(ctx, upload));
}
