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
