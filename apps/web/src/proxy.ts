import { NextResponse, type NextRequest } from "next/server";
import { env } from "~/env";
import { crossSiteRefusal, originOf } from "~/server/security/cross-site";
import { isPagePath, newNonce, securityHeaders } from "~/server/security/headers";

let publicOrigin: string | undefined;

// Runs before every request — pages, /api/* and static files alike (no matcher):
// - refuses state-changing requests from other sites (server/security/cross-site.ts);
// - adds the browser security headers (server/security/headers.ts), with a fresh script
//   nonce for every page, which Next.js reads from the request's Content-Security-Policy
//   and puts on its own scripts;
// - tells pages which URL was asked for, so a signed-out visitor can be sent to sign-in and
//   brought back to exactly that page (deep links, SPEC §2).
// The authorization itself happens in the pages and the API, on every call.
export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const page = isPagePath(pathname);
  const headers = securityHeaders({
    nonce: page ? newNonce() : null,
    publicUrl: env.NEXTAUTH_URL,
    forwardedProto: request.headers.get("x-forwarded-proto"),
    development: env.NODE_ENV === "development",
  });

  const refusal = crossSiteRefusal(
    {
      method: request.method,
      pathname,
      origin: request.headers.get("origin"),
      secFetchSite: request.headers.get("sec-fetch-site"),
      contentType: request.headers.get("content-type"),
    },
    (publicOrigin ??= originOf(env.NEXTAUTH_URL)),
  );
  if (refusal) {
    return NextResponse.json(
      { error: { code: refusal.code, message: refusal.message } },
      { status: refusal.status, headers },
    );
  }

  const requestHeaders = new Headers(request.headers);
  if (page) {
    requestHeaders.set("x-lantern-path", `${pathname}${search}`);
    requestHeaders.set("content-security-policy", headers["Content-Security-Policy"]!);
  }
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}
