/** Up to two initials for an avatar. */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const first = words[0]?.[0] ?? "?";
  const last = words.length > 1 ? (words[words.length - 1]?.[0] ?? "") : "";
  return (first + last).toUpperCase();
}

const numberFormat = new Intl.NumberFormat("en-US");
export const formatCount = (n: number) => numberFormat.format(n);

/** "1 account", "2,310 accounts". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

const dateFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium" });
export const formatDate = (d: Date | string) => dateFormat.format(new Date(d));

const dateTimeFormat = new Intl.DateTimeFormat("en-US", {
  dateStyle: "medium",
  timeStyle: "short",
});
export const formatDateTime = (d: Date | string) => dateTimeFormat.format(new Date(d));

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A length of time in the largest unit that fits: "5 minutes", "3 days", "2 months". */
export function formatDuration(ms: number): string {
  const abs = Math.abs(ms);
  if (abs < MINUTE) return "less than a minute";
  if (abs < HOUR) return plural(Math.floor(abs / MINUTE), "minute");
  if (abs < DAY) return plural(Math.floor(abs / HOUR), "hour");
  if (abs < 60 * DAY) return plural(Math.floor(abs / DAY), "day");
  if (abs < 365 * DAY) return plural(Math.floor(abs / (30 * DAY)), "month");
  return plural(Math.floor(abs / (365 * DAY)), "year");
}

/** How long something has been waiting: "3 days". */
export function formatAge(since: Date | string, now: Date = new Date()): string {
  return formatDuration(now.getTime() - new Date(since).getTime());
}

/** When something happened, relative to now: "3 days ago", "just now". */
export function formatAgo(at: Date | string, now: Date = new Date()): string {
  const ms = now.getTime() - new Date(at).getTime();
  return ms < MINUTE ? "just now" : `${formatDuration(ms)} ago`;
}

/** A due date as a hint: "Due in 2 days", or "Overdue by 3 hours". */
export function formatDue(
  dueAt: Date | string,
  now: Date = new Date(),
): { label: string; overdue: boolean } {
  const ms = new Date(dueAt).getTime() - now.getTime();
  return ms >= 0
    ? { label: `Due in ${formatDuration(ms)}`, overdue: false }
    : { label: `Overdue by ${formatDuration(ms)}`, overdue: true };
}

/**
 * The facts of a subtitle, each said once: empty ones and those that repeat an earlier one,
 * or one of `shown` (e.g. the title), in any capitalisation or with stray spaces, are left
 * out. "ADA@X.COM · ada@x.com" is one fact; the first spelling is kept.
 */
export function distinctFacts(
  facts: Array<string | null | undefined>,
  shown: Array<string | null | undefined> = [],
): string[] {
  const key = (value: string) => value.trim().toLocaleLowerCase();
  const seen = new Set(shown.filter((v): v is string => !!v).map(key));
  const kept: string[] = [];
  for (const fact of facts) {
    if (!fact?.trim() || seen.has(key(fact))) continue;
    seen.add(key(fact));
    kept.push(fact.trim());
  }
  return kept;
}
