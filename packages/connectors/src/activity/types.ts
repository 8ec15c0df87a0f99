import type { ImportSource, TextKind } from "../file-import/read.ts";

// The shapes of an activity import (SPEC §7, shadow apps): what an identity provider's export
// of sign-ins and OAuth grants becomes, one normalised record per event, whatever the provider.

/** Where the export comes from (the reader of each is described in the package README). */
export const ACTIVITY_SOURCES = ["okta", "google", "entra", "csv"] as const;
export type ActivitySource = (typeof ACTIVITY_SOURCES)[number];

export type ActivityFormat = "json" | "csv";

/** What an event says a person did with an app. */
export type ActivityKind = "sign_in" | "consent";

/** One event of the export: a person seen using (or granting access to) an app. */
export interface ActivityRecord {
  /**
   * Where it is in the file: the 1-based index of the JSON array element it comes from (a
   * Google activity holding several events gives them all the same position), or the line of
   * the CSV record.
   */
  position: number;
  /**
   * The provider's id of the event, stable across exports, so re-importing a file adds
   * nothing: Okta's `uuid`, Entra's `id` (the portal's "Request ID"), Google's
   * `<id.time>/<id.uniqueQualifier>/<event index>`, a generic CSV row's sha256.
   */
  eventId: string;
  source: ActivitySource;
  /** A generic CSV's `source` column (e.g. "jumpcloud"), when given. */
  sourceLabel?: string;
  /**
   * The app as the provider names it: its id there when it has one (Okta's app instance id,
   * Google's OAuth client id, Entra's application id), and its display name. Merge names from
   * several sources with `normaliseAppName`.
   */
  appKey: { externalId: string | null; name: string };
  /** The person, trimmed and lower-cased. */
  email: string;
  seenAt: Date;
  kind: ActivityKind;
  /** OAuth scopes granted, in the provider's words (deduplicated, in file order). */
  scopes: string[];
}

export interface ActivityBatch {
  records: ActivityRecord[];
}

/** Why an event was read but not kept: it is not about using an app. Not a problem. */
export const ACTIVITY_SKIP_REASONS = ["other_event_type", "not_successful"] as const;
export type ActivitySkipReason = (typeof ACTIVITY_SKIP_REASONS)[number];

/** An event that could not be read (it is left out; the rest of the file is imported). */
export interface ActivityProblem {
  /** As `ActivityRecord.position`. */
  position: number;
  /** The line of the file where the record starts (for CSV, the position itself). */
  line: number;
  /** For a person: "actor.alternateId "jdoe" is not an email address". */
  message: string;
}

/** What reading the file amounted to: the generator's return value. */
export interface ActivitySummary {
  source: ActivitySource;
  format: ActivityFormat;
  /**
   * Events examined: array elements or CSV records, except for Google, where each event of an
   * activity counts (an activity that cannot be read counts once). Always
   * `kept + skipped (all reasons) + invalid`.
   */
  read: number;
  /** Records handed out in the batches. */
  kept: number;
  /** Events left out on purpose, by reason (every reason is present, 0 when none). */
  skipped: Record<ActivitySkipReason, number>;
  /** Events left out because they could not be read: each one is a problem. */
  invalid: number;
  /** The first `maxProblems` problems, in file order. */
  problems: ActivityProblem[];
  /**
   * The export says there is more: Google's `nextPageToken` or Entra's `@odata.nextLink` of the
   * page the file holds (fetch the rest and import it too). Null otherwise.
   */
  nextPage: string | null;
}

export interface ReadActivityOptions {
  source: ActivitySource;
  /** Entra's exports come as JSON (Graph) or CSV (the portal's download); others have one. */
  format?: ActivityFormat;
  /** Records per batch (default 5,000). */
  batchSize?: number;
  /** Problems listed in the summary (default 50); all of them are counted. */
  maxProblems?: number;
  /**
   * Why a text is not acceptable, or null: Lantern's one rule (`textProblem` of
   * @lantern/domain, handed in because this package imports nothing of Lantern's). Every text
   * a record keeps, and every CSV header cell, goes through it as single-line text.
   */
  textProblem: (text: string, kind: TextKind) => string | null;
}

export type { ImportSource as ActivityInput };

/**
 * The file was refused as a whole: it is not UTF-8, not the expected format, or its JSON or
 * CSV breaks off. Batches handed out before the error belong to a refused file: write them in
 * the transaction the error rolls back.
 */
export class ActivityFileError extends Error {
  override name = "ActivityFileError";
  constructor(
    message: string,
    /** The line of the file where it went wrong, when known. */
    readonly line: number | null = null,
    /** The record being read then, when there was one. */
    readonly position: number | null = null,
  ) {
    super(message);
  }
}

// The bounds of one record of an activity file. A record beyond one is a problem of its own
// (left out, counted); the file goes on.
export const ACTIVITY_LIMITS = {
  /** Characters of one JSON element or CSV record (strings, keys and numbers). */
  maxRecordChars: 1024 * 1024,
  /** Nesting of arrays and objects inside one JSON element (Okta's events need 5). */
  maxJsonDepth: 32,
  /** Scopes of one event. */
  maxScopes: 200,
  /** Characters of one scope. */
  maxScopeLength: 500,
  /** Characters of the next-page token or link kept in the summary. */
  maxNextPageLength: 4096,
} as const;
