/**
 * The same-site path `raw` names, or null when it names none. Absolute URLs (as next-auth
 * sometimes passes) are reduced to their path; anything else that is not a path from the
 * root (another host, `//host`, `\\host`, an unparsable URL, another scheme) names none.
 */
export function sameSitePath(raw: unknown): string | null {
  if (typeof raw !== "string" || !(raw.startsWith("/") || /^https?:\/\//i.test(raw))) return null;
  try {
    const url = new URL(raw, "http://lantern.invalid");
    if (url.origin !== "http://lantern.invalid" && !/^https?:\/\/[^/\\]+\//i.test(raw)) return null;
    const path = `${url.pathname}${url.search}${url.hash}`;
    if (!path.startsWith("/") || path.startsWith("//")) return null;
    return path;
  } catch {
    return null;
  }
}

/** Only same-site paths are accepted as the page to return to after sign-in. */
export function safeCallbackPath(raw: string | undefined | null): string {
  const path = sameSitePath(raw);
  return path && !path.startsWith("/sign-in") ? path : "/apps";
}

/**
 * next-auth's `redirect` callback (sign-in, sign-out, the callback-URL cookie): always a page
 * of this site, and it never throws — a hostile callbackUrl (`\\evil.example`,
 * `http://localhost:3000.evil.example`) leads to /apps instead of an error.
 */
export function safeRedirectUrl({ url, baseUrl }: { url: unknown; baseUrl: string }): string {
  return `${baseUrl}${sameSitePath(url) ?? "/apps"}`;
}
