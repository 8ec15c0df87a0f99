import { DomainError } from "./errors.ts";
import { textProblem } from "./text.ts";

// Keyset pagination (ARCHITECTURE.md): a cursor is the last row's sort key plus its id,
// opaque to clients. Never OFFSET.
//
// One codec for every list. A cursor travels as the base64url of the JSON array [key, id];
// every list declares the kind of its sort key, and `decodeCursor` refuses, with the one
// BAD_REQUEST below, anything that its list could not have produced: not base64url, not
// UTF-8, not a pair of strings, an id that is not a UUID, or a key that is not of the list's
// kind (text keys must pass `textProblem`, so a cursor never carries a NUL or half a surrogate
// pair into a query). What `decodeCursor` returns is therefore safe to hand to SQL as
// `::uuid` and, per kind, `::timestamp`.

export interface Cursor {
  /** The sort key of the last row seen (string form). */
  key: string;
  id: string;
}

/**
 * The kinds of sort keys a list may declare:
 * - `text`: any acceptable text (a name, a login), compared as text;
 * - `timestamp`: a UTC time in ISO form with milliseconds ("2026-03-01T09:30:00.125Z"), years
 *   0001–9999;
 * - `optional-timestamp`: a timestamp, or "" for rows without one (sorted after the others);
 * - `uuid`: a UUID other than the row's id;
 * - `id`: the row's id itself (lists ordered by id alone): the key equals the id;
 * - `integer`: a whole number in decimal ("42", "-7"), within JavaScript's safe integers.
 */
export type CursorKeyKind = "text" | "timestamp" | "optional-timestamp" | "uuid" | "id" | "integer";

export const CURSOR_KEY_KINDS: readonly CursorKeyKind[] = [
  "text",
  "timestamp",
  "optional-timestamp",
  "uuid",
  "id",
  "integer",
];

/** The one answer to a cursor a list could not have produced. */
export const INVALID_CURSOR_MESSAGE =
  "This page link is no longer valid. Go back to the first page.";

/** The longest cursor accepted (characters of base64url): keys are names, not documents. */
export const CURSOR_MAX_LENGTH = 10_000;

const BASE64URL = /^[A-Za-z0-9_-]*$/;
const TIMESTAMP_KEY = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const INTEGER = /^(0|-?[1-9]\d{0,15})$/;
const UTF8 = new TextDecoder("utf-8", { fatal: true });

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.key, cursor.id]), "utf8").toString("base64url");
}

function invalidCursor(): DomainError {
  return new DomainError("BAD_REQUEST", INVALID_CURSOR_MESSAGE);
}

/**
 * A real instant written exactly as `Date.toISOString` writes it, from the year 1 on: there
 * is no year 0 in PostgreSQL's calendar (JavaScript's year 0 is its 1 BC).
 */
function isTimestamp(key: string): boolean {
  if (!TIMESTAMP_KEY.test(key) || key.startsWith("0000-")) return false;
  const at = new Date(key);
  return !Number.isNaN(at.getTime()) && at.toISOString() === key;
}

function keyFits(kind: CursorKeyKind, key: string, id: string): boolean {
  switch (kind) {
    case "text":
      return textProblem(key, "multi-line") === null;
    case "timestamp":
      return isTimestamp(key);
    case "optional-timestamp":
      return key === "" || isTimestamp(key);
    case "uuid":
      return UUID.test(key);
    case "id":
      return key === id;
    case "integer":
      return INTEGER.test(key) && Number.isSafeInteger(Number(key));
  }
}

/** [key, id] of a raw cursor, or null when it is not the base64url of a JSON pair of strings. */
function parsePair(raw: string): [string, string] | null {
  if (raw.length === 0 || raw.length > CURSOR_MAX_LENGTH || !BASE64URL.test(raw)) return null;
  const bytes = Buffer.from(raw, "base64url");
  // Only the canonical spelling: no stray trailing bits that decode to the same bytes.
  if (bytes.toString("base64url") !== raw) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(UTF8.decode(bytes));
  } catch {
    return null;
  }
  if (
    Array.isArray(parsed) &&
    parsed.length === 2 &&
    typeof parsed[0] === "string" &&
    typeof parsed[1] === "string"
  ) {
    return [parsed[0], parsed[1]];
  }
  return null;
}

/**
 * The cursor of a list whose sort key is of `kind`, or the typed BAD_REQUEST
 * (INVALID_CURSOR_MESSAGE) for anything else: the id is always a UUID.
 */
export function decodeCursor(raw: string, kind: CursorKeyKind): Cursor {
  const pair = parsePair(raw);
  if (!pair) throw invalidCursor();
  const [key, id] = pair;
  if (!UUID.test(id) || !keyFits(kind, key, id)) throw invalidCursor();
  return { key, id };
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
