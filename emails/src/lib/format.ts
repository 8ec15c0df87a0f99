/**
 * Human duration for short validity windows: 1 → "1 minute", 15 → "15 minutes",
 * 60 → "1 hour", 1440 → "24 hours", 90 → "90 minutes".
 */
export function formatMinutes(minutes: number): string {
  const m = Math.max(1, Math.round(minutes));
  if (m >= 60 && m % 60 === 0) {
    const h = m / 60;
    return h === 1 ? "1 hour" : `${h} hours`;
  }
  return m === 1 ? "1 minute" : `${m} minutes`;
}

const dateFormat = new Intl.DateTimeFormat("en-US", {
  timeZone: "UTC",
  month: "short",
  day: "numeric",
  year: "numeric",
});

const DAY_MS = 24 * 60 * 60 * 1000;

/** Milliseconds of an ISO date or time, or `null` when it does not parse. */
function parseTime(iso: string): number | null {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? null : time;
}

/**
 * A calendar date in UTC, the same on every server and in every snapshot:
 * "2026-11-24T09:30:00.000Z" → "Nov 24, 2026", "2026-11-24" → "Nov 24, 2026".
 * Text that is not a date is returned as it is.
 */
export function formatDate(iso: string): string {
  const time = parseTime(iso);
  return time === null ? iso : dateFormat.format(time);
}

/** Whole UTC calendar days from `fromIso` to `toIso` (0 on the same day, negative before). */
export function calendarDaysBetween(fromIso: string, toIso: string): number | null {
  const from = parseTime(fromIso);
  const to = parseTime(toIso);
  if (from === null || to === null) return null;
  return Math.floor(to / DAY_MS) - Math.floor(from / DAY_MS);
}

/**
 * How long a task has been open on a given day (UTC calendar days): "opened today",
 * "open 1 day", "open 3 days". `asOf` is an ISO date or time, e.g. the digest's day.
 */
export function formatOpenFor(openedAt: string, asOf: string): string {
  const days = calendarDaysBetween(openedAt, asOf);
  if (days === null) return `opened ${formatDate(openedAt)}`;
  if (days <= 0) return "opened today";
  return days === 1 ? "open 1 day" : `open ${days} days`;
}

/**
 * A due date as seen on a given day: "due Nov 25, 2026", "due today", or
 * "overdue since Nov 20, 2026".
 */
export function formatDue(dueAt: string, asOf: string): string {
  const days = calendarDaysBetween(asOf, dueAt);
  if (days === 0) return "due today";
  if (days !== null && days < 0) return `overdue since ${formatDate(dueAt)}`;
  return `due ${formatDate(dueAt)}`;
}

/** "1 open task", "3 open tasks": a count with its noun, singular or plural. */
export function formatCountOf(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : plural}`;
}
