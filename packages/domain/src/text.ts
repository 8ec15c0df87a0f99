// What text Lantern accepts, decided once (SECURITY in the README). Every text that comes in —
// a form field, a search box, a cursor's key, a cell of an imported file — is checked by this
// rule before it reaches a query:
//   - well-formed Unicode: no lone surrogate halves (they cannot be stored as UTF-8);
//   - no C0 control characters (U+0000–U+001F) and no DEL (U+007F): PostgreSQL refuses NUL
//     outright, and the others are invisible and only ever mean a broken file or an attack;
//   - multi-line text (descriptions, instructions, comments, reasons) may hold tab, line feed and
//     carriage return; single-line text (names, logins, search) may hold tab only where the
//     caller says so — by default none of them.

export type TextKind = "single-line" | "multi-line";

const MULTI_LINE_ALLOWED = new Set([0x09, 0x0a, 0x0d]);

/** "U+0007" for a code point. */
function codePointName(code: number): string {
  return `U+${code.toString(16).toUpperCase().padStart(4, "0")}`;
}

/**
 * Why `text` is not acceptable, as the end of a sentence ("contains a NUL character"), or null
 * when it is fine. The caller names the field: `${label} ${problem}.`
 */
export function textProblem(text: string, kind: TextKind = "single-line"): string | null {
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code >= 0xd800 && code <= 0xdfff) {
      // A high half must be followed by a low half; a low half alone is always broken.
      const next = text.charCodeAt(index + 1);
      if (code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        index++;
        continue;
      }
      return "is not valid Unicode text (it holds half of a surrogate pair)";
    }
    if (code > 0x1f && code !== 0x7f) continue;
    if (kind === "multi-line" && MULTI_LINE_ALLOWED.has(code)) continue;
    if (code === 0) return "contains a NUL character, which text cannot hold";
    if (code === 0x0a || code === 0x0d) return "must be on one line";
    return `contains a control character (${codePointName(code)}), which text cannot hold`;
  }
  return null;
}

/** Whether `text` passes `textProblem`. */
export function isAcceptableText(text: string, kind: TextKind = "single-line"): boolean {
  return textProblem(text, kind) === null;
}
