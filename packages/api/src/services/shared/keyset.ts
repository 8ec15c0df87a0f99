import { decodeCursor, toPage, type Page } from "@lantern/domain";

// One keyset page of a list sorted on one column of its own (cursor = last sort key + id,
// ARCHITECTURE: never deep OFFSET): the rows after the cursor, the order, one row more than
// the limit (it says whether a next page exists), and the page with its cursor. Lists sorted
// on another table's column or in raw SQL say their own.

type Direction = "asc" | "desc";
type KeyKind = "text" | "timestamp";
type KeyValue<T extends KeyKind> = T extends "timestamp" ? Date : string;
type Beyond<V> = { gt: V } | { lt: V };

/** A list's order: its sort column, what the column holds, and which way. */
export interface KeysetOrder<K extends string, T extends KeyKind> {
  key: K;
  kind: T;
  dir: Direction;
}

/** By name, A→Z. */
export const BY_NAME = { key: "name", kind: "text", dir: "asc" } as const;
/** Newest first, by creation time. */
export const NEWEST_FIRST = { key: "createdAt", kind: "timestamp", dir: "desc" } as const;

export interface Keyset<K extends string, T extends KeyKind> {
  /** Spread into the query's `where`: the rows after the cursor (nothing on the first page). */
  after:
    | { OR: [Record<K, Beyond<KeyValue<T>>>, Record<K, KeyValue<T>> & { id: Beyond<string> }] }
    | object;
  /** Spread into the query: `orderBy` (key, then id) and `take` (the limit and one more). */
  window: { orderBy: [Record<K, Direction>, { id: Direction }]; take: number };
  /** The page of rows the query gave, with the cursor of its last row. */
  page<R extends Record<K, KeyValue<T>> & { id: string }>(rows: R[]): Page<R>;
}

export function keyset<K extends string, T extends KeyKind>(
  input: { cursor?: string | null; limit: number },
  order: KeysetOrder<K, T>,
): Keyset<K, T> {
  const { key, kind, dir } = order;
  const beyond = <V>(value: V): Beyond<V> => (dir === "asc" ? { gt: value } : { lt: value });
  const cursor = input.cursor ? decodeCursor(input.cursor, kind) : null;
  const value = (cursor &&
    (kind === "timestamp" ? new Date(cursor.key) : cursor.key)) as KeyValue<T>;
  return {
    after: cursor
      ? {
          OR: [
            { [key]: beyond(value) } as Record<K, Beyond<KeyValue<T>>>,
            { [key]: value, id: beyond(cursor.id) } as Record<K, KeyValue<T>> & {
              id: Beyond<string>;
            },
          ],
        }
      : {},
    window: {
      orderBy: [{ [key]: dir } as Record<K, Direction>, { id: dir }],
      take: input.limit + 1,
    },
    page: (rows) =>
      toPage(rows, input.limit, (row) => {
        const at: string | Date = row[key];
        return { key: at instanceof Date ? at.toISOString() : at, id: row.id };
      }),
  };
}
