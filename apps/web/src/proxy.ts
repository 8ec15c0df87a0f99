import { NextResponse, type NextRequest } from "next/server";

// Runs before every page. It only tells pages which URL was asked for, so a signed-out
// visitor can be sent to sign-in and brought back to exactly that page (deep links,
// SPEC §2). The authorization itself happens in the pages and the API, on every call.
export function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  headers.set("x-lantern-path", `${request.nextUrl.pathname}${request.nextUrl.search}`);
  return NextResponse.next({ request: { headers } });
}

export const config = {
  matcher: ["/((?!api/|_next/static|_next/image|favicon.ico|icon.svg).*)"],
};
