// The one rule against cross-site requests (README, Security). Pure: src/proxy.ts applies it
// to every request before any page, API route or tRPC procedure sees it; the table tests are
// beside this file.

/** What the rule looks at, straight from the request. */
export interface RequestFacts {
  method: string;
  pathname: string;
  /** The Origin header, if any. */
  origin: string | null;
  /** The Sec-Fetch-Site header, if any. */
  secFetchSite: string | null;
  /** The Content-Type header, if any. */
  contentType: string | null;
}

/** Why a request is refused, with the status and code Lantern answers with. */
export interface Refusal {
  status: 403 | 415;
  code: "FORBIDDEN" | "UNSUPPORTED_MEDIA_TYPE";
  message: string;
}

/** Methods that only read: they change nothing, so the rule lets them through. */
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** The tRPC endpoint: its calls travel as JSON, and nothing else is accepted. */
const TRPC_PREFIX = "/api/trpc/";

/**
 * Null when the request may go on, else why not.
 *
 * Every state-changing request (any method but GET, HEAD and OPTIONS) must come from
 * Lantern's own pages:
 * - with an Origin header, it must be Lantern's public origin (NEXTAUTH_URL) exactly;
 * - without one, a Sec-Fetch-Site header must say "same-origin";
 * - with neither, it is not a browser's cross-site request (browsers send one of them on
 *   every cross-site POST), but a script's, e.g. curl with a session cookie: allowed.
 * And a tRPC call made by POST must be `application/json` — tRPC would also take
 * multipart/form-data, which any HTML form can send.
 */
export function crossSiteRefusal(request: RequestFacts, publicOrigin: string): Refusal | null {
  const method = request.method.toUpperCase();
  if (SAFE_METHODS.has(method)) return null;

  const origin = request.origin?.trim();
  if (origin) {
    if (origin !== publicOrigin) {
      return forbidden(
        origin === "null"
          ? "This request came from a page without an origin (a sandboxed frame or a file), not from Lantern's own pages. Make the change in Lantern itself."
          : `This request came from ${shown(origin)}, not from Lantern's own pages at ${publicOrigin}. Make the change in Lantern itself (an administrator: NEXTAUTH_URL must be the address people use).`,
      );
    }
  } else {
    const site = request.secFetchSite?.trim().toLowerCase();
    if (site && site !== "same-origin") {
      return forbidden(
        `This request came from another site (Sec-Fetch-Site: ${shown(site)}), not from Lantern's own pages. Make the change in Lantern itself.`,
      );
    }
  }

  if (request.pathname.startsWith(TRPC_PREFIX) && method === "POST") {
    const type = mediaType(request.contentType);
    if (type !== "application/json") {
      return {
        status: 415,
        code: "UNSUPPORTED_MEDIA_TYPE",
        message: type
          ? `Lantern's API takes changes as application/json only, not ${shown(type)}. Send the input as JSON with Content-Type: application/json.`
          : "Lantern's API takes changes as application/json only, and this request has no Content-Type. Send the input as JSON with Content-Type: application/json.",
      };
    }
  }
  return null;
}

/** "multipart/form-data; boundary=…" → "multipart/form-data"; null when absent or blank. */
function mediaType(contentType: string | null): string | null {
  const type = contentType?.split(";")[0]?.trim().toLowerCase();
  return type ? type : null;
}

/** A header's value as quoted in a message: at most 100 characters. */
const shown = (value: string) => (value.length > 100 ? `${value.slice(0, 100)}…` : value);

const forbidden = (message: string): Refusal => ({ status: 403, code: "FORBIDDEN", message });

/** Lantern's public origin ("https://lantern.acme.com") from its public URL. */
export function originOf(publicUrl: string): string {
  return new URL(publicUrl).origin;
}
