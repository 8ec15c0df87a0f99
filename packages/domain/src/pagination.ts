import { DomainError } from "./errors.ts";

// Keyset pagination (ARCHITECTURE.md): a cursor is the last row's sort key plus its id,
// opaque to clients. Never OFFSET.

export interface Cursor {
  /** The sort key of the last row seen (string form). */
  key: string;
  id: string;
}

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.key, cursor.id]), "utf8").toString("base64url");
}

export function decodeCursor(raw: string): Cursor {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
    if (
      Array.isArray(parsed) &&
      parsed.length === 2 &&
      typeof parsed[0] === "string" &&
      typeof parsed[1] === "string"
    ) {
      return { key: parsed[0], id: parsed[1] };
    }
  } catch {
    // fall through to the typed error
  }
  throw new DomainError(
    "BAD_REQUEST",
    "This page link is no longer valid. Go back to the first page.",
  );
}

const TIMESTAMP_KEY = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A cursor whose key is a UTC timestamp in ISO form (milliseconds, "Z") and whose id is a
 * UUID: safe to hand to SQL as `::timestamp` and `::uuid`. Anything else is a tampered
 * cursor and refused with the same BAD_REQUEST as `decodeCursor`.
 */
export function decodeTimestampCursor(raw: string): Cursor {
  const cursor = decodeCursor(raw);
  if (
    TIMESTAMP_KEY.test(cursor.key) &&
    !Number.isNaN(Date.parse(cursor.key)) &&
    UUID.test(cursor.id)
  )
    return cursor;
  throw new DomainError(
    "BAD_REQUEST",
    "This page link is no longer valid. Go back to the first page.",
  );
}

/**
 * A cursor whose id is a UUID (safe to hand to SQL as `::uuid`) and whose key is any text
 * (passed to SQL as a parameter only). Anything else is refused like `decodeCursor`.
 */
export function decodeUuidCursor(raw: string): Cursor {
  const cursor = decodeCursor(raw);
  if (UUID.test(cursor.id)) return cursor;
  throw new DomainError(
    "BAD_REQUEST",
    "This page link is no longer valid. Go back to the first page.",
  );
}

export interface Page<T> {
  items: T[];
  /** Pass back to get the next page; null on the last page. */
  nextCursor: string | null;
}

/** Builds a page from `limit + 1` fetched rows. */
export function toPage<T>(rows: T[], limit: number, cursorOf: (row: T) => Cursor): Page<T> {
  const hasMore = rows.length > limit;
  const items = hasMore ? rows.slice(0, limit) : rows;
  const last = items[items.length - 1];
  return { items, nextCursor: hasMore && last ? encodeCursor(cursorOf(last)) : null };
}
