// Automatic account-owner mapping (SPEC §4.2) as pure rules. The set-based SQL in
// packages/api/src/services/accounts/remap.ts implements the same rules for a whole app;
// an integration test runs both over the same generated data and compares every account.
// The character sets below are shared with that SQL, so the two cannot drift apart.

/**
 * What counts as whitespace when trimming and collapsing: JavaScript's `\s` set, spelled
 * out so SQL can use exactly the same characters (PostgreSQL's `btrim` only trims spaces).
 */
export const WHITESPACE_CHARS =
  "\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a" +
  "\u2028\u2029\u202f\u205f\u3000\ufeff";

/**
 * Accents removed from names after NFD: the combining diacritical-mark blocks (not every
 * Unicode mark: vowel signs of Indic scripts are letters of the name, not accents).
 */
export const COMBINING_MARK_RANGES: readonly (readonly [number, number])[] = [
  [0x0300, 0x036f], // Combining Diacritical Marks
  [0x1ab0, 0x1aff], // … Extended
  [0x1dc0, 0x1dff], // … Supplement
  [0x20d0, 0x20ff], // … for Symbols
  [0xfe20, 0xfe2f], // Combining Half Marks
];

/** A regular-expression bracket class of the whitespace characters (JS and PostgreSQL alike). */
export const WHITESPACE_CLASS = `[${WHITESPACE_CHARS}]`;
/** A regular-expression bracket class of the combining marks (JS and PostgreSQL alike). */
export const COMBINING_MARK_CLASS = `[${COMBINING_MARK_RANGES.map(
  ([from, to]) => `${String.fromCodePoint(from)}-${String.fromCodePoint(to)}`,
).join("")}]`;

const whitespaceRun = new RegExp(`${WHITESPACE_CLASS}+`, "g");
const combiningMark = new RegExp(COMBINING_MARK_CLASS, "g");
const NON_ASCII = /[\u0080-\uffff]/;

function trimWhitespace(value: string): string {
  let start = 0;
  let end = value.length;
  while (start < end && WHITESPACE_CHARS.includes(value[start]!)) start += 1;
  while (end > start && WHITESPACE_CHARS.includes(value[end - 1]!)) end -= 1;
  return value.slice(start, end);
}

/**
 * Lower-case one code point at a time, as PostgreSQL's `lower()` does: no context rules
 * (a final Σ becomes σ, not ς), and a code point whose full lower case is longer than one
 * code point keeps its simple mapping (İ → i) or stays as it is.
 */
export function lowerCase(value: string): string {
  if (!NON_ASCII.test(value)) return value.toLowerCase();
  let out = "";
  for (const ch of value) {
    if (ch === "\u0130") {
      out += "i";
      continue;
    }
    const lower = ch.toLowerCase();
    out += [...lower].length === 1 ? lower : ch;
  }
  return out;
}

/** An email as compared (SPEC §4.2): trimmed and lower-cased. */
export function normalizeEmail(email: string): string {
  return lowerCase(trimWhitespace(email));
}

/**
 * A name as compared (SPEC §4.2): accents removed (NFD, combining marks dropped), trimmed,
 * inner whitespace collapsed to one space, lower-cased. Null and blank give "".
 */
export function normalizeName(name: string | null | undefined): string {
  if (!name) return "";
  const unaccented = name.normalize("NFD").replace(combiningMark, "");
  return lowerCase(trimWhitespace(unaccented).replace(whitespaceRun, " "));
}

export interface PersonName {
  given: string;
  family: string;
}

/** The normalised name as shown in match evidence: "given family". */
export function formatPersonName(name: PersonName): string {
  return `${name.given} ${name.family}`;
}

/**
 * The name an account is matched by in BROAD mode: its given and family names when it has
 * both; otherwise the first and last word of its display name (which needs two words).
 * Null when there is nothing to match by.
 */
export function accountPersonName(account: {
  givenName?: string | null;
  familyName?: string | null;
  displayName?: string | null;
}): PersonName | null {
  const given = normalizeName(account.givenName);
  const family = normalizeName(account.familyName);
  if (given && family) return { given, family };
  const words = normalizeName(account.displayName).split(" ");
  if (words.length < 2) return null;
  return { given: words[0]!, family: words[words.length - 1]! };
}

/** A user's name for matching: both parts are needed, or the user never matches by name. */
export function userPersonName(user: { givenName: string; familyName: string }): PersonName | null {
  const given = normalizeName(user.givenName);
  const family = normalizeName(user.familyName);
  return given && family ? { given, family } : null;
}

export type AccountMappingMode = "NARROW" | "BROAD";
export type MatchRule = "EMAIL" | "NAME";

export interface MappableUser {
  id: string;
  email: string;
  givenName: string;
  familyName: string;
}

export interface MappableAccount {
  /** Email addresses, primary first. */
  emails: readonly string[];
  givenName?: string | null;
  familyName?: string | null;
  displayName?: string | null;
}

/** The users of one organization, indexed for matching. Users of every status are in it. */
export interface UsersIndex {
  byEmail: ReadonlyMap<string, string>;
  /** Normalised (given, family) → the ids of the users with that name. */
  byName: ReadonlyMap<string, readonly string[]>;
}

const nameKey = (name: PersonName) => `${name.given}\u0000${name.family}`;

export function buildUsersIndex(users: Iterable<MappableUser>): UsersIndex {
  const byEmail = new Map<string, string>();
  const byName = new Map<string, string[]>();
  for (const user of users) {
    const email = normalizeEmail(user.email);
    if (email && !byEmail.has(email)) byEmail.set(email, user.id);
    const name = userPersonName(user);
    if (name) {
      const key = nameKey(name);
      const ids = byName.get(key);
      if (ids) ids.push(user.id);
      else byName.set(key, [user.id]);
    }
  }
  return { byEmail, byName };
}

export interface OwnerMatch {
  /** The matched owner; null when nothing (or more than one person, ambiguously) matched. */
  ownerId: string | null;
  /** Which rule decided; NAME also for an ambiguous name. */
  rule: MatchRule | null;
  /** The evidence: the normalised email, or the normalised "given family". */
  value: string | null;
  /** BROAD found two or more users with the account's name: no owner, flag for an admin. */
  ambiguous: boolean;
}

export const NO_MATCH: OwnerMatch = { ownerId: null, rule: null, value: null, ambiguous: false };

/**
 * SPEC §4.2. NARROW: the account's emails in order, primary first; the first that equals a
 * user's email decides. BROAD: NARROW first; then exactly one user with the same normalised
 * (given, family) name; two or more is ambiguous (no owner).
 */
export function matchAccountOwner(
  account: MappableAccount,
  users: UsersIndex,
  mode: AccountMappingMode,
): OwnerMatch {
  for (const raw of account.emails) {
    const email = normalizeEmail(raw);
    const userId = email ? users.byEmail.get(email) : undefined;
    if (userId) return { ownerId: userId, rule: "EMAIL", value: email, ambiguous: false };
  }
  if (mode === "NARROW") return NO_MATCH;
  const name = accountPersonName(account);
  if (!name) return NO_MATCH;
  const ids = users.byName.get(nameKey(name));
  if (!ids) return NO_MATCH;
  const value = formatPersonName(name);
  if (ids.length > 1) return { ownerId: null, rule: "NAME", value, ambiguous: true };
  return { ownerId: ids[0]!, rule: "NAME", value, ambiguous: false };
}
