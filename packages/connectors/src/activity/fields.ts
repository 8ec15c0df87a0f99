import { createHash } from "node:crypto";
import { z } from "zod";
import {
  ACTIVITY_LIMITS,
  type ActivityKind,
  type ActivityRecord,
  type ActivitySkipReason,
  type ActivitySource,
  type ReadActivityOptions,
} from "./types.ts";

// The one validation every record goes through, whatever its source: each format's reader
// picks the values out of its event (the "candidate") and says where in the event each came
// from (the labels), and this schema decides whether they make a record. A problem names the
// provider's field: `actor.alternateId "jdoe" is not an email address`.

export type TextProblem = ReadActivityOptions["textProblem"];

/** What a format's reader makes of one event. */
export type EventOutcome =
  | { type: "record"; record: Omit<ActivityRecord, "position" | "source"> }
  | { type: "skip"; reason: ActivitySkipReason }
  | { type: "problem"; message: string };

/** The values picked out of one event, before validation (any of them may be missing). */
export interface Candidate {
  eventId: unknown;
  email: unknown;
  seenAt: unknown;
  appName: unknown;
  appExternalId?: unknown;
  scopes?: unknown;
  sourceLabel?: unknown;
}

/** Where each value came from, in the provider's words ("actor.alternateId"). */
export type CandidateLabels = Record<keyof Candidate, string>;

const EMAIL = /^[^\s@]+@[^\s@]+$/;

/** The times a database can hold: from year 1 to year 9999, in UTC. */
const FIRST_TIME_MS = Date.parse("0001-01-01T00:00:00.000Z");
const LAST_TIME_MS = Date.parse("9999-12-31T23:59:59.999Z");
const ISO_8601 =
  /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

/**
 * The time of an ISO 8601 text, or null: a date alone is midnight UTC, a time without an offset
 * is UTC (the exports' times are, and Entra's column says so).
 */
export function parseTime(text: string): Date | null {
  const value = text.trim();
  if (!ISO_8601.test(value)) return null;
  let iso = value.replace(",", ".").replace(" ", "T");
  if (iso.length === 10) iso += "T00:00:00Z";
  else if (!/(?:Z|[+-]\d{2}(?::?\d{2})?)$/i.test(iso.slice(10))) iso += "Z";
  // "+01" (no minutes) is ISO 8601, not something Date.parse takes.
  iso = iso.replace(/([+-]\d{2})$/, "$1:00");
  const ms = Date.parse(iso);
  if (Number.isNaN(ms) || ms < FIRST_TIME_MS || ms > LAST_TIME_MS) return null;
  return new Date(ms);
}

const isBlank = (value: unknown) =>
  value === undefined || value === null || (typeof value === "string" && value.trim() === "");

/** The zod schema of a candidate, with the caller's text rule in it. */
export function candidateSchema(textProblem: TextProblem) {
  const acceptable = (value: string, ctx: z.RefinementCtx) => {
    const problem = textProblem(value, "single-line");
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  };
  const text = (max: number) =>
    z
      .string({ error: (issue) => (issue.input == null ? "is required" : "must be text") })
      .trim()
      .min(1, { error: "is required" })
      .max(max, { error: `must be at most ${max} characters` })
      .superRefine(acceptable);
  const optional = (max: number) =>
    z.preprocess((value) => (isBlank(value) ? null : value), text(max).nullable());

  const email = z
    .string({ error: (issue) => (issue.input == null ? "is required" : "must be text") })
    .trim()
    .min(1, { error: "is required" })
    .superRefine((value, ctx) => {
      if (value === "") return; // "is required"
      acceptable(value, ctx);
      if (!EMAIL.test(value) || value.length > 320) {
        ctx.addIssue({ code: "custom", message: `"${clip(value)}" is not an email address` });
      }
    })
    .transform((value) => value.toLowerCase());

  const time = z
    .string({ error: (issue) => (issue.input == null ? "is required" : "must be text") })
    .trim()
    .min(1, { error: "is required" })
    .transform((value, ctx) => {
      const date = parseTime(value);
      if (date) return date;
      ctx.addIssue({
        code: "custom",
        message: `"${clip(value)}" is not an ISO 8601 time (e.g. 2026-03-02T09:30:00Z)`,
      });
      return z.NEVER;
    });

  const { maxScopes, maxScopeLength } = ACTIVITY_LIMITS;
  // Scopes: a list, or one text of them separated by blanks, commas or semicolons.
  const scopes = z.preprocess(
    (value) =>
      isBlank(value)
        ? []
        : typeof value === "string"
          ? value.split(/[\s,;]+/)
          : Array.isArray(value)
            ? value.flatMap((item) =>
                typeof item === "string" ? item.split(/[\s,;]+/) : item == null ? [] : [item],
              )
            : value,
    z
      .array(z.string({ error: "must be text" }), { error: "must be a list of scopes" })
      .transform((list, ctx) => {
        const unique = [...new Set(list.map((s) => s.trim()).filter((s) => s !== ""))];
        if (unique.length > maxScopes) {
          ctx.addIssue({
            code: "custom",
            message: `holds ${unique.length} scopes; an event holds at most ${maxScopes}`,
          });
          return z.NEVER;
        }
        for (const scope of unique) {
          if (scope.length > maxScopeLength) {
            ctx.addIssue({
              code: "custom",
              message: `holds a scope of ${scope.length} characters; a scope holds at most ${maxScopeLength}`,
            });
            return z.NEVER;
          }
          const problem = textProblem(scope, "single-line");
          if (problem) {
            ctx.addIssue({ code: "custom", message: `holds a scope that ${problem}` });
            return z.NEVER;
          }
        }
        return unique;
      }),
  );

  return z.object({
    eventId: text(512),
    email,
    seenAt: time,
    appName: text(200),
    appExternalId: optional(512),
    scopes,
    sourceLabel: optional(100),
  });
}

export type CandidateSchema = ReturnType<typeof candidateSchema>;

/** "the file is …" as a sentence. */
export function sentence(text: string): string {
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}${text.endsWith(".") ? "" : "."}`;
}

/** A value shown in a message: at most 60 characters. */
export function clip(value: string): string {
  return value.length > 60 ? `${value.slice(0, 57)}…` : value;
}

/**
 * The record a candidate makes, or the problem: every issue of the candidate in one sentence,
 * each naming the provider's field.
 */
export function toOutcome(
  schema: CandidateSchema,
  candidate: Candidate,
  labels: CandidateLabels,
  kind: ActivityKind,
): EventOutcome {
  const parsed = schema.safeParse(candidate);
  if (!parsed.success) {
    const message = parsed.error.issues
      .map((issue) => {
        const field = issue.path[0];
        const label =
          typeof field === "string" && field in labels
            ? labels[field as keyof Candidate]
            : issue.path.map(String).join(".");
        return `${label} ${issue.message}`;
      })
      .join("; ");
    return { type: "problem", message };
  }
  const { eventId, email, seenAt, appName, appExternalId, scopes, sourceLabel } = parsed.data;
  return {
    type: "record",
    record: {
      eventId,
      ...(sourceLabel ? { sourceLabel } : {}),
      appKey: { externalId: appExternalId, name: appName },
      email,
      seenAt,
      kind,
      scopes,
    },
  };
}

/**
 * The outcome with, for a record, an id made of its content (sha256 of the normalised record):
 * for exports without event ids, so that importing the same file again adds nothing.
 */
export function contentId(outcome: EventOutcome, source: ActivitySource): EventOutcome {
  if (outcome.type !== "record") return outcome;
  const { record } = outcome;
  const content = JSON.stringify([
    source,
    record.sourceLabel ?? "",
    record.appKey.externalId ?? "",
    record.appKey.name,
    record.email,
    record.seenAt.toISOString(),
    record.kind,
    record.scopes,
  ]);
  const eventId = createHash("sha256").update(content, "utf8").digest("hex");
  return { type: "record", record: { ...record, eventId } };
}

/** The value at `path` of a JSON value, or undefined. */
export function at(value: unknown, ...path: (string | number)[]): unknown {
  let current = value;
  for (const step of path) {
    if (current === null || typeof current !== "object") return undefined;
    if (!Object.hasOwn(current, step)) return undefined;
    current = (current as Record<string | number, unknown>)[step];
  }
  return current;
}

/** A JSON value as an object of fields, or null when it is not one. */
export function asObject(value: unknown): Record<string, unknown> | null {
  return value !== null && typeof value === "object" && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}
