import "server-only";
import { loadActor, toByteStream, type CsvExport } from "@lantern/api";
import { isDomainError, textProblem, type Actor, type DomainErrorCode } from "@lantern/domain";
import { getSession, sessionClaim } from "~/server/auth/session";
import { getPrisma } from "~/server/db";

// Shared by the /api/* routes (the uploads of ingestion, SPEC §4.6, and the CSV exports): who is
// calling, the checks of the query and the body, and the JSON answers of a refusal. Whatever
// the request gets wrong is answered as JSON with a 4xx before the first byte of a file.

export const HTTP_STATUS: Record<DomainErrorCode, number> = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
};

export function refusal(status: number, code: string, message: string, extra: object = {}) {
  return Response.json({ error: { code, message, ...extra } }, { status });
}

/** The signed-in, active person of the session cookie (a current session), with the database. */
async function uploader(): Promise<{
  prisma: Awaited<ReturnType<typeof getPrisma>>;
  actor: Actor | null;
}> {
  const prisma = await getPrisma();
  const session = await getSession();
  return { prisma, actor: await loadActor(prisma, sessionClaim(session)) };
}

/** The service context of an /api/* call: the database, the caller, the clock. */
export type RouteContext = {
  db: Awaited<ReturnType<typeof getPrisma>>;
  actor: Actor;
  now: () => Date;
};

/**
 * Every /api/* route starts here: the signed-in caller (401 without one) and a query string
 * whose text Lantern accepts (400 otherwise, see queryRefusal). The refusal is a Response to
 * answer as it is.
 */
export async function routeContext(req: Request): Promise<RouteContext | Response> {
  const { prisma, actor } = await uploader();
  if (!actor) return refusal(401, "UNAUTHORIZED", "Sign in to continue.");
  return queryRefusal(req) ?? { db: prisma, actor, now: () => new Date() };
}

/**
 * An upload's file: its format from the Content-Type (415 otherwise) and its body (400 when
 * there is none). `check` refuses what the route's own query asks of the format, before the
 * body is looked at.
 */
export function uploadOf(
  req: Request,
  check: (format: "csv" | "json") => Response | null = () => null,
): { format: "csv" | "json"; source: AsyncIterable<Uint8Array> } | Response {
  const format = uploadFormat(req);
  if (!format) return unsupportedType();
  const refused = check(format);
  if (refused) return refused;
  if (!req.body) return refusal(400, "BAD_REQUEST", "The request has no body: send the file.");
  return { format, source: bodyOf(req) };
}

/** csv or json from the Content-Type header; null for anything else. */
function uploadFormat(req: Request): "csv" | "json" | null {
  const type = req.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (type === "text/csv") return "csv";
  if (type === "application/json") return "json";
  return null;
}

const unsupportedType = () =>
  refusal(
    415,
    "UNSUPPORTED_MEDIA_TYPE",
    "Send the file as text/csv or application/json (the Content-Type header).",
  );

/** The request body as the importer reads it: a stream of byte chunks. */
const bodyOf = (req: Request) => req.body as unknown as AsyncIterable<Uint8Array>;

/** Runs an import and answers its summary, or the refusal with its problems. */
export async function answer(run: () => Promise<unknown>): Promise<Response> {
  try {
    return Response.json(await run());
  } catch (error) {
    if (isDomainError(error)) {
      return refusal(HTTP_STATUS[error.code], error.code, error.message, error.details ?? {});
    }
    console.error("[lantern] import failed:", error);
    return refusal(500, "INTERNAL_SERVER_ERROR", "Something went wrong on our side. Try again.");
  }
}

/**
 * The refusal of a query string holding text Lantern does not accept (Lantern's text rule:
 * no NUL or control characters, no broken Unicode), or null. Every parameter, known or not:
 * such text has no business in a URL, and it must not reach a query.
 */
function queryRefusal(req: Request): Response | null {
  for (const [name, value] of new URL(req.url).searchParams) {
    const nameProblem = textProblem(name, "single-line");
    if (nameProblem) return refusal(400, "BAD_REQUEST", `A parameter's name ${nameProblem}.`);
    const problem = textProblem(value, "single-line");
    if (problem) {
      return refusal(400, "BAD_REQUEST", `The parameter ${name.slice(0, 40)} ${problem}.`);
    }
  }
  return null;
}

/**
 * Answers a CSV export. `prepare` checks who may and reads the first batch (pagedCsvExport),
 * so a refusal or a failure is a JSON error before the first byte. A failure after it errors
 * the body: the connection is aborted and the download fails visibly, never ending like a
 * complete shorter file; it is logged here.
 */
export async function csvDownload(prepare: () => Promise<CsvExport>): Promise<Response> {
  let file: CsvExport;
  try {
    file = await prepare();
  } catch (error) {
    if (isDomainError(error)) return refusal(HTTP_STATUS[error.code], error.code, error.message);
    console.error("[lantern] export failed:", error);
    return refusal(500, "INTERNAL_SERVER_ERROR", "Something went wrong on our side. Try again.");
  }
  const body = toByteStream(file.chunks, (error) =>
    console.error(
      `[lantern] export ${file.filename} failed after its first byte (aborted):`,
      error,
    ),
  );
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${file.filename}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
