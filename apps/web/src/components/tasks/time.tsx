import { formatAgo, formatDateTime } from "~/lib/format";

/**
 * A moment, as a date and time ("Mar 3, 2026, 10:12 AM", or "3 days ago" with `relative`),
 * with the exact time in its title. Server and browser may differ in time zone: the
 * browser's rendering wins without a hydration warning.
 */
export function Time({
  at,
  relative = false,
  className,
}: {
  at: Date | string;
  relative?: boolean;
  className?: string;
}) {
  const date = new Date(at);
  return (
    <time
      dateTime={date.toISOString()}
      title={formatDateTime(date)}
      className={className}
      suppressHydrationWarning
    >
      {relative ? formatAgo(date) : formatDateTime(date)}
    </time>
  );
}
