import { z } from "zod";
import { IMPORT_LIMITS } from "./limits.ts";

// The rows of an import file (SPEC §4.6), one zod schema per kind. CSV cells and JSON values
// both go through these: a CSV cell is always a string, so every field accepts a string and
// also the JSON type it stands for (an array of emails, an object of profile attributes).
// Blank strings mean "not given".

export const IMPORT_KINDS = ["accounts", "entitlements", "grants", "users"] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** One problem of a refused file, for the person who sent it. */
export interface ImportProblem {
  /** 1-based line of the file where the row (or the problem) starts. */
  line: number;
  message: string;
}

const blankToNull = (value: unknown) =>
  typeof value === "string" && value.trim() === "" ? null : value;

/** Optional text: trimmed; blank, null or absent become null. */
const optionalText = (max: number) =>
  z.preprocess(
    blankToNull,
    z
      .string({ error: "must be text" })
      .trim()
      .max(max, { error: `must be at most ${max} characters` })
      .nullish()
      .transform((v) => v ?? null),
  );

/** Required text: trimmed, not blank. */
const requiredText = (max: number) =>
  z.preprocess(
    blankToNull,
    z
      .string({ error: (issue) => (issue.input == null ? "is required" : "must be text") })
      .trim()
      .max(max, { error: `must be at most ${max} characters` }),
  );

/** The dates a database can hold: from year 1 (there is no year 0) to year 9999, in UTC. */
const FIRST_DATE_MS = Date.parse("0001-01-01T00:00:00.000Z");
const LAST_DATE_MS = Date.parse("9999-12-31T23:59:59.999Z");

/** An ISO 8601 date or date-time; answered as a UTC ISO string, or null when not given. */
const optionalDate = z.preprocess(
  blankToNull,
  z
    .string({ error: "must be an ISO 8601 date, e.g. 2026-11-22T09:30:00Z" })
    .trim()
    .nullish()
    .transform((value, ctx) => {
      if (value == null) return null;
      const ms = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(
        value,
      )
        ? Date.parse(value.length === 10 ? `${value}T00:00:00Z` : value)
        : Number.NaN;
      if (Number.isNaN(ms)) {
        ctx.addIssue({
          code: "custom",
          message: `"${value}" is not an ISO 8601 date (e.g. 2026-11-22 or 2026-11-22T09:30:00Z)`,
        });
        return z.NEVER;
      }
      if (ms < FIRST_DATE_MS || ms > LAST_DATE_MS) {
        ctx.addIssue({
          code: "custom",
          message: `"${value}" is out of range: dates run from 0001-01-01 to 9999-12-31 (UTC)`,
        });
        return z.NEVER;
      }
      return new Date(ms).toISOString();
    }),
);

/** One of `values`, case-insensitive; `fallback` when not given. */
const choice = <const T extends readonly [string, ...string[]]>(values: T, fallback: T[number]) =>
  z.preprocess(
    (v) => (typeof v === "string" ? (blankToNull(v) === null ? null : v.trim().toUpperCase()) : v),
    z
      .enum(values, { error: `must be one of ${values.join(", ")}` })
      .nullish()
      .transform((v) => v ?? fallback),
  );

const EMAIL = /^[^\s@]+@[^\s@]+$/;

/** Email addresses, primary first: a JSON array, or a `;`-separated CSV cell. */
const emailList = z.preprocess(
  (v) => (typeof v === "string" ? v.split(";") : (v ?? [])),
  z
    .array(z.string({ error: "must be text" }), { error: "must be a list of email addresses" })
    .transform((list, ctx) => {
      const emails = list.map((e) => e.trim()).filter((e) => e !== "");
      for (const email of emails) {
        if (!EMAIL.test(email) || email.length > 320) {
          ctx.addIssue({ code: "custom", message: `"${email}" is not an email address` });
          return z.NEVER;
        }
      }
      return emails;
    }),
);

type ProfileScalar = string | number | boolean | null;
type ProfileValue = ProfileScalar | ProfileScalar[];

const isScalar = (value: unknown): value is ProfileScalar =>
  value === null || ["string", "number", "boolean"].includes(typeof value);

/** Why a profile scalar is refused, or null. */
function scalarProblem(value: ProfileScalar): string | null {
  const max = IMPORT_LIMITS.maxProfileValueLength;
  return typeof value === "string" && value.length > max
    ? `is ${value.length} characters long; a profile value holds at most ${max}`
    : null;
}

/**
 * Profile attributes as ingested: an object of flat values (text, numbers, true/false, null or
 * a list of them), bounded in count, name length and value length (IMPORT_LIMITS).
 */
const profile = z
  .unknown()
  .optional()
  .transform((value, ctx): Record<string, ProfileValue> => {
    const fail = (message: string, key?: string) => {
      ctx.addIssue({ code: "custom", message, path: key === undefined ? [] : [key] });
      return z.NEVER;
    };
    if (value == null) return {};
    if (typeof value !== "object" || Array.isArray(value)) {
      return fail("must be an object of attributes");
    }
    const entries = Object.entries(value);
    const { maxProfileAttributes, maxProfileKeyLength, maxProfileListItems } = IMPORT_LIMITS;
    if (entries.length > maxProfileAttributes) {
      return fail(
        `has ${entries.length} attributes; an account holds at most ${maxProfileAttributes}`,
      );
    }
    for (const [key, item] of entries) {
      if (key.trim() === "") return fail("has an attribute without a name");
      if (key.length > maxProfileKeyLength) {
        return fail(
          `has an attribute name of ${key.length} characters; names hold at most ${maxProfileKeyLength}`,
        );
      }
      const kind = "must be text, a number, true/false, null or a list of them";
      if (Array.isArray(item)) {
        if (item.length > maxProfileListItems) {
          return fail(
            `lists ${item.length} values; a list holds at most ${maxProfileListItems}`,
            key,
          );
        }
        for (const element of item) {
          if (!isScalar(element)) return fail(kind, key);
          const problem = scalarProblem(element);
          if (problem) return fail(`has a value that ${problem}`, key);
        }
      } else {
        if (!isScalar(item)) return fail(kind, key);
        const problem = scalarProblem(item);
        if (problem) return fail(problem, key);
      }
    }
    return value as Record<string, ProfileValue>;
  });

export const ZAccountRow = z.strictObject({
  externalId: requiredText(512),
  login: optionalText(512),
  emails: emailList,
  givenName: optionalText(200),
  familyName: optionalText(200),
  displayName: optionalText(400),
  status: choice(["ACTIVE", "DISABLED", "DELETED"], "ACTIVE"),
  type: choice(["USER", "SERVICE", "SYSTEM"], "USER"),
  lastLoginAt: optionalDate,
  /** Profile attributes as ingested: flat values (CSV: every column not named here). */
  profile,
});

export const ZEntitlementRow = z.strictObject({
  slug: requiredText(200),
  displayName: optionalText(400),
  description: optionalText(4000),
});

export const ZGrantRow = z.strictObject({
  accountExternalId: requiredText(512),
  entitlementSlug: requiredText(200),
  grantedAt: optionalDate,
  expiresAt: optionalDate,
});

export const ZUserRow = z.strictObject({
  email: z.preprocess(
    blankToNull,
    z
      .string({ error: "is required" })
      .trim()
      .max(320)
      .regex(EMAIL, { error: "is not an email address" }),
  ),
  givenName: requiredText(200),
  familyName: requiredText(200),
  displayName: optionalText(400),
  title: optionalText(200),
  department: optionalText(200),
  managerEmail: z.preprocess(
    blankToNull,
    z
      .string()
      .trim()
      .regex(EMAIL, { error: "is not an email address" })
      .nullish()
      .transform((v) => v ?? null),
  ),
  status: choice(["ACTIVE", "SUSPENDED", "DEPROVISIONED"], "ACTIVE"),
});

export type TAccountRow = z.output<typeof ZAccountRow> & { line: number };
export type TEntitlementRow = z.output<typeof ZEntitlementRow> & { line: number };
export type TGrantRow = z.output<typeof ZGrantRow> & { line: number };
export type TUserRow = z.output<typeof ZUserRow> & { line: number };

export interface ImportRows {
  accounts: TAccountRow;
  entitlements: TEntitlementRow;
  grants: TGrantRow;
  users: TUserRow;
}

export const ROW_SCHEMAS = {
  accounts: ZAccountRow,
  entitlements: ZEntitlementRow,
  grants: ZGrantRow,
  users: ZUserRow,
} as const;

/** The field that identifies a row of each kind within one file (checked for duplicates). */
export const ROW_KEYS = {
  accounts: ["externalId"],
  entitlements: ["slug"],
  grants: ["accountExternalId", "entitlementSlug"],
  users: ["email"],
} as const satisfies { [K in ImportKind]: readonly (keyof ImportRows[K])[] };

/**
 * CSV column names of each kind (matched case-insensitively), with the aliases accepted. An
 * accounts file's other columns become profile attributes.
 */
export const CSV_COLUMNS: { [K in ImportKind]: Record<string, string[]> } = {
  accounts: {
    externalId: ["externalid"],
    login: ["login", "username"],
    emails: ["emails", "email"],
    givenName: ["givenname"],
    familyName: ["familyname"],
    displayName: ["displayname"],
    status: ["status"],
    type: ["type"],
    lastLoginAt: ["lastloginat"],
  },
  entitlements: {
    slug: ["slug", "externalid"],
    displayName: ["displayname"],
    description: ["description"],
  },
  grants: {
    accountExternalId: ["accountexternalid"],
    entitlementSlug: ["entitlementslug", "entitlementexternalid"],
    grantedAt: ["grantedat"],
    expiresAt: ["expiresat"],
  },
  users: {
    email: ["email"],
    givenName: ["givenname"],
    familyName: ["familyname"],
    displayName: ["displayname"],
    title: ["title"],
    department: ["department"],
    managerEmail: ["manageremail"],
    status: ["status"],
  },
};

/** Columns a CSV file of each kind must have. */
export const REQUIRED_CSV_COLUMNS: { [K in ImportKind]: string[] } = {
  accounts: ["externalId"],
  entitlements: ["slug"],
  grants: ["accountExternalId", "entitlementSlug"],
  users: ["email", "givenName", "familyName"],
};

/** Turns zod's issues into one sentence per field. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const path = issue.path.map(String).join(".");
      return path ? `${path} ${issue.message}` : issue.message;
    })
    .join("; ");
}
