/** Only same-site paths are accepted as the page to return to after sign-in. */
export function safeCallbackPath(raw: string | undefined | null): string {
  if (!raw) return "/apps";
  try {
    // Absolute URLs (as next-auth sometimes passes) are reduced to their path.
    const url = new URL(raw, "http://lantern.invalid");
    if (url.origin !== "http://lantern.invalid" && !/^https?:\/\/[^/]+\//.test(raw)) return "/apps";
    const path = `${url.pathname}${url.search}${url.hash}`;
    if (!path.startsWith("/") || path.startsWith("//") || path.startsWith("/sign-in"))
      return "/apps";
    return path;
  } catch {
    return "/apps";
  }
}
