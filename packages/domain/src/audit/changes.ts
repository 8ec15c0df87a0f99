// What a settings change changed, for its audit Event (SPEC §1: before and after). Only the
// fields whose values differ are kept, so an Event reads as the change itself.

export interface FieldChanges {
  before: Record<string, unknown>;
  after: Record<string, unknown>;
}

function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((value, i) => same(value, b[i]));
  }
  if (a && b && typeof a === "object" && typeof b === "object") {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((k) =>
      same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
    );
  }
  return false;
}

/**
 * The fields of `after` whose value differs from `before` (deep comparison; arrays compare in
 * order, so sort sets such as owner ids before passing them). Null when nothing changed: the
 * caller then writes nothing at all.
 */
export function fieldChanges<T extends Record<string, unknown>>(
  before: T,
  after: Partial<T>,
): FieldChanges | null {
  const changes: FieldChanges = { before: {}, after: {} };
  for (const key of Object.keys(after)) {
    const next = after[key];
    if (next === undefined || same(before[key], next)) continue;
    changes.before[key] = before[key] ?? null;
    changes.after[key] = next;
  }
  return Object.keys(changes.after).length === 0 ? null : changes;
}
