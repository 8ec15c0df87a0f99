import { Prisma } from "@lantern/db";

/**
 * Escapes LIKE/ILIKE wildcards so typed text matches literally. Prisma's `contains`
 * passes its value into LIKE unescaped: "%" would match everything, "_" any character.
 */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, "\\$&");
}

const SEP = "\u001f";

/**
 * An account (SQL alias `a`) whose login, display, given or family name, external id or any
 * email contains `search`, case-insensitively. One lower-cased text of every field and one
 * LIKE: several times cheaper than an ILIKE per field when a search reads a whole app
 * (bench/accounts.ts). The separator (U+001F) cannot be typed, so a match never spans fields.
 */
export function accountSearchSql(search: string): Prisma.Sql {
  return Prisma.sql`lower(concat_ws(${SEP}, a."login", a."displayName", a."givenName",
    a."familyName", a."externalId", array_to_string(a."emails", ${SEP})))
    LIKE lower(${`%${escapeLike(search)}%`})`;
}
