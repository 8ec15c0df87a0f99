// The search text of a list page's URL (?q=), read as the API reads it: the first value, by the
// API's own search schema (ZSearchText: trimmed, one line, no NUL or control characters, at most
// 200 characters). Server-only: it imports @lantern/api.
import { ZSearchText } from "@lantern/api";

/**
 * The search of `?q=`, or "" when the API's schema refuses it: a hostile link shows the list
 * unsearched (its search box empty) instead of an error page.
 */
export function searchParam(value: string | string[] | undefined): string {
  const first = Array.isArray(value) ? value[0] : value;
  const parsed = ZSearchText.safeParse(first);
  return parsed.success ? (parsed.data ?? "") : "";
}
