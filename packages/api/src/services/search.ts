/**
 * Escapes LIKE/ILIKE wildcards so typed text matches literally. Prisma's `contains`
 * passes its value into LIKE unescaped: "%" would match everything, "_" any character.
 */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, "\\$&");
}
