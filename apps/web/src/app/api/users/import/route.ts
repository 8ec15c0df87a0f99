// POST /api/users/import — the organization's people from a CSV (`text/csv`) or JSON
// (`application/json`, { "users": [...] }) file, streamed (SPEC §4.6; columns in
// packages/connectors/README.md). Super admins only. Answers like /api/apps/{appId}/import.
import { importPeople } from "@lantern/api";
import {
  answer,
  bodyOf,
  queryRefusal,
  refusal,
  unsupportedType,
  uploader,
  uploadFormat,
} from "~/server/import-upload";

export const dynamic = "force-dynamic";

export async function POST(req: Request) {
  const { prisma, actor } = await uploader();
  if (!actor) return refusal(401, "UNAUTHORIZED", "Sign in to continue.");
  const badQuery = queryRefusal(req);
  if (badQuery) return badQuery;
  const format = uploadFormat(req);
  if (!format) return unsupportedType();
  if (!req.body) return refusal(400, "BAD_REQUEST", "The request has no body: send the file.");
  return answer(() =>
    importPeople({ db: prisma, actor, now: () => new Date() }, { format, source: bodyOf(req) }),
  );
}
