import "server-only";
import { loadActor } from "@lantern/api";
import { isDomainError, type Actor, type DomainErrorCode } from "@lantern/domain";
import { getSession } from "~/server/auth/session";
import { getPrisma } from "~/server/db";

// Shared by the upload routes of ingestion (SPEC §4.6): who is calling, which format the body
// is, and the JSON answers of a refusal.

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

/** The signed-in, active person of the session cookie, with the database. */
export async function uploader(): Promise<{
  prisma: Awaited<ReturnType<typeof getPrisma>>;
  actor: Actor | null;
}> {
  const prisma = await getPrisma();
  const session = await getSession();
  return { prisma, actor: await loadActor(prisma, session?.user.id ?? null) };
}

/** csv or json from the Content-Type header; null for anything else. */
export function uploadFormat(req: Request): "csv" | "json" | null {
  const type = req.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (type === "text/csv") return "csv";
  if (type === "application/json") return "json";
  return null;
}

export const unsupportedType = () =>
  refusal(
    415,
    "UNSUPPORTED_MEDIA_TYPE",
    "Send the file as text/csv or application/json (the Content-Type header).",
  );

/** The request body as the importer reads it: a stream of byte chunks. */
export const bodyOf = (req: Request) => req.body as unknown as AsyncIterable<Uint8Array>;

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
