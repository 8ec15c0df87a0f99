// Lantern's browser security headers (README, Security). Pure: src/proxy.ts computes them for
// every response from the request and the public URL; the table tests are beside this file.

/** What a response's headers depend on. */
export interface HeaderFacts {
  /**
   * The nonce of this page's scripts (fresh for every request), or null for responses that
   * are not pages: /api/* and static files get every header except the Content-Security-Policy.
   */
  nonce: string | null;
  /** Lantern's public URL (NEXTAUTH_URL). */
  publicUrl: string;
  /** The request's X-Forwarded-Proto (set by a TLS-terminating proxy), if any. */
  forwardedProto: string | null;
  /** `next dev`: React needs eval for its debugging aids, and the hot reloader a WebSocket. */
  development: boolean;
}

/** How long browsers keep to https once they have seen Lantern over it: one year. */
export const HSTS_MAX_AGE_SECONDS = 31_536_000;

/**
 * Browser features no page of Lantern uses, switched off for every page and every frame in
 * it. (The clipboard stays: Copy buttons write to it.)
 */
export const PERMISSIONS_POLICY = [
  "accelerometer=()",
  "autoplay=()",
  "camera=()",
  "display-capture=()",
  "geolocation=()",
  "gyroscope=()",
  "magnetometer=()",
  "microphone=()",
  "midi=()",
  "payment=()",
  "usb=()",
  "browsing-topics=()",
].join(", ");

/** True when the browser reached Lantern over https (directly or through a TLS proxy). */
export function servedOverHttps(facts: Pick<HeaderFacts, "publicUrl" | "forwardedProto">) {
  const forwarded = facts.forwardedProto?.split(",")[0]?.trim().toLowerCase();
  return protocolOf(facts.publicUrl) === "https:" || forwarded === "https";
}

function protocolOf(url: string): string | null {
  try {
    return new URL(url).protocol;
  } catch {
    return null;
  }
}

/**
 * The Content-Security-Policy of a page.
 *
 * - Scripts: only Next.js's own, carrying this request's nonce, and what they load
 *   ('strict-dynamic'); no inline script, no eval (except under `next dev`).
 * - Styles: Lantern's stylesheets plus inline styles. Inline styles cannot run code, and the
 *   toasts (sonner) and dialogs (Radix) insert theirs at run time without a nonce; the dev
 *   mailbox's email frame (srcdoc, which inherits this policy) needs them too.
 * - Images: Lantern's own and data: URIs only — no outside image (a tracking pixel in a
 *   comment) can load, whatever the Markdown renderer lets through.
 * - No plugins, no <base>, forms post only to Lantern, and no site may frame Lantern.
 */
export function contentSecurityPolicy(
  facts: Pick<HeaderFacts, "publicUrl" | "forwardedProto" | "development"> & { nonce: string },
): string {
  const { nonce, development } = facts;
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self'${development ? " ws: wss:" : ""}`,
    "frame-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "media-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ];
  if (servedOverHttps(facts)) directives.push("upgrade-insecure-requests");
  return directives.join("; ");
}

/** Every security header of one response (see HeaderFacts.nonce for which get the CSP). */
export function securityHeaders(facts: HeaderFacts): Record<string, string> {
  const headers: Record<string, string> = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": PERMISSIONS_POLICY,
    "Cross-Origin-Opener-Policy": "same-origin",
  };
  if (servedOverHttps(facts)) {
    headers["Strict-Transport-Security"] = `max-age=${HSTS_MAX_AGE_SECONDS}`;
  }
  if (facts.nonce !== null) {
    headers["Content-Security-Policy"] = contentSecurityPolicy({ ...facts, nonce: facts.nonce });
  }
  return headers;
}

/** A fresh, unguessable nonce (128 random bits, base64). */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/**
 * Which responses are pages (and get the CSP with a nonce): everything but the API and the
 * build's static files.
 */
export function isPagePath(pathname: string): boolean {
  return !(
    pathname === "/api" ||
    pathname.startsWith("/api/") ||
    pathname.startsWith("/_next/static/") ||
    pathname.startsWith("/_next/image")
  );
}
