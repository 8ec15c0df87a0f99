// POST /api/apps/{appId}/import?kind=accounts|entitlements|grants&mode=full|incremental
// The upload route of ingestion (SPEC §4.6): the body is the file itself, `text/csv` (one kind
// per file, so `kind` is required) or `application/json` (a document such as
// { "accounts": [...], "grants": [...] }; `kind` optional). The body is streamed into the
// import. Signed-in super admins and the app's owners (the session cookie, as every other page
// and call). The columns and the document are described in packages/connectors/README.md.
//
//   curl -X POST -b cookies.txt -H 'Content-Type: text/csv' --data-binary @accounts.csv \
//     'http://localhost:3000/api/apps/<appId>/import?kind=accounts&mode=full'
//
// Answers 200 with the import's summary; 400 with { error: { code, message, problems } } for a
// refused file (each problem: { line, message }); 401, 403, 404 or 415 otherwise.
import { z } from "zod";
import { importAppFile, ZImportKind, ZImportMode } from "@lantern/api";
import { answer, refusal, routeContext, uploadOf } from "~/server/import-upload";

export const dynamic = "force-dynamic";

const ZQuery = z.object({
  appId: z.uuid({ error: "That is not a valid app id." }),
  kind: ZImportKind.optional(),
  mode: ZImportMode.default("incremental"),
});

export async function POST(req: Request, { params }: { params: Promise<{ appId: string }> }) {
  const ctx = await routeContext(req);
  if (ctx instanceof Response) return ctx;
  const url = new URL(req.url);
  const query = ZQuery.safeParse({
    appId: (await params).appId,
    kind: url.searchParams.get("kind") ?? undefined,
    mode: url.searchParams.get("mode") ?? undefined,
  });
  if (!query.success) {
    return refusal(400, "BAD_REQUEST", query.error.issues.map((i) => i.message).join(" "));
  }
  const upload = uploadOf(req, (format) =>
    format === "csv" && !query.data.kind
      ? refusal(
          400,
          "BAD_REQUEST",
          "A CSV file holds one kind of rows: add ?kind=accounts, entitlements or grants.",
        )
      : null,
  );
  if (upload instanceof Response) return upload;
  return answer(() => importAppFile(ctx, { ...query.data, ...upload }));
}
