import { NextRequest } from "next/server";
import { sameSitePath } from "~/components/auth/safe-callback";

// What the next-auth route (/api/auth/*) lets through to next-auth. next-auth 4 answers 500 to
// some hostile input before any callback of ours runs: a callbackUrl query parameter that is
// not a URL of this site (`\\evil.example`, `http://localhost:3000.evil.example`) fails its
// configuration check, and a JSON body that does not parse throws. Here the callbackUrl
// becomes a page of this site (as the redirect callback does for the body's), and a body
// next-auth cannot read is refused with a typed 4xx.

/** next-auth's forms are a few short fields; anything bigger is not one of them. */
export const AUTH_BODY_LIMIT = 16 * 1024;

const refusal = (status: number, code: string, message: string) =>
  Response.json({ error: { code, message } }, { status });

/** A body next-auth can read: form fields, or a JSON object of strings. Null: it is one. */
function bodyProblem(type: string, text: string): string | null {
  if (!type.includes("application/json")) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return "The request body is not valid JSON.";
  }
  if (
    typeof parsed !== "object" ||
    parsed === null ||
    Array.isArray(parsed) ||
    Object.values(parsed).some((value) => typeof value !== "string")
  ) {
    return "The request body must be a JSON object whose fields are strings.";
  }
  return null;
}

/** The request to hand to next-auth, or the answer that refuses it. */
export async function cleanAuthRequest(
  req: NextRequest,
): Promise<{ request: NextRequest } | { refusal: Response }> {
  const url = req.nextUrl.clone();
  const callbackUrl = url.searchParams.get("callbackUrl");
  if (callbackUrl !== null)
    url.searchParams.set("callbackUrl", sameSitePath(callbackUrl) ?? "/apps");

  let body: string | undefined;
  if (req.method === "POST") {
    const declared = Number(req.headers.get("content-length") ?? 0);
    if (declared > AUTH_BODY_LIMIT) {
      return { refusal: refusal(413, "PAYLOAD_TOO_LARGE", "The request body is too large.") };
    }
    body = await req.text();
    if (body.length > AUTH_BODY_LIMIT) {
      return { refusal: refusal(413, "PAYLOAD_TOO_LARGE", "The request body is too large.") };
    }
    const problem = bodyProblem(req.headers.get("content-type") ?? "", body);
    if (problem) return { refusal: refusal(400, "BAD_REQUEST", problem) };
  }
  if (url.href === req.nextUrl.href && body === undefined) return { request: req };
  return { request: new NextRequest(url, { method: req.method, headers: req.headers, body }) };
}

/** next-auth's callback-URL cookie (plain and __Secure- names). */
export const isCallbackUrlCookie = (name: string) =>
  name === "next-auth.callback-url" || name === "__Secure-next-auth.callback-url";

/**
 * Whether a callback-URL cookie holds something next-auth refuses outright (answering 500 to
 * every request, pages included): anything but a path or URL of this site. Such a cookie can
 * only have been planted (e.g. from a sibling subdomain); it is dropped.
 */
export const isHostileCallbackCookie = (name: string, value: string) =>
  isCallbackUrlCookie(name) && value !== "" && sameSitePath(value) === null;
