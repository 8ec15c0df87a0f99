/** `pathname?a=1&b=2`, leaving out empty parameters. */
export function hrefWith(pathname: string, params: Record<string, string | undefined>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) query.set(key, value);
  const qs = query.toString();
  return qs ? `${pathname}?${qs}` : pathname;
}
