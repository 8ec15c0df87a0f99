import type { CsvLayout, CsvRow } from "./csv-rows.ts";
import { contentId, toOutcome, type CandidateSchema, type EventOutcome } from "./fields.ts";

// A generic CSV, for any other source (another identity provider, a CASB, a spreadsheet):
// app,email,seen_at[,source][,scopes]. A row with scopes is a consent (an OAuth grant), one
// without a sign-in. Rows have no ids of their own: a row's id is the sha256 of its normalised
// content, so importing the same file again adds nothing.

export type GenericCsvField = "app" | "email" | "seenAt" | "source" | "scopes";

export const GENERIC_CSV_LAYOUT: CsvLayout<GenericCsvField> = {
  columns: {
    app: ["app", "application", "app_name"],
    email: ["email", "user_email"],
    seenAt: ["seen_at", "timestamp", "time"],
    source: ["source"],
    scopes: ["scopes", "scope"],
  },
  required: [["app"], ["email"], ["seenAt"]],
  expected: "the columns app, email, seen_at (and optionally source, scopes)",
};

export function readGenericCsvRow(
  row: Extract<CsvRow<GenericCsvField>, { values: unknown }>,
  schema: CandidateSchema,
): EventOutcome[] {
  const { values, headers } = row;
  const outcome = toOutcome(
    schema,
    {
      eventId: "(from the record)",
      email: values.email,
      seenAt: values.seenAt,
      appName: values.app,
      appExternalId: null,
      scopes: values.scopes,
      sourceLabel: values.source,
    },
    {
      eventId: "the record",
      email: headers.email!,
      seenAt: headers.seenAt!,
      appName: headers.app!,
      appExternalId: "app id",
      scopes: headers.scopes ?? "scopes",
      sourceLabel: headers.source ?? "source",
    },
    "sign_in",
  );
  if (outcome.type === "record" && outcome.record.scopes.length > 0) {
    outcome.record.kind = "consent";
  }
  return [contentId(outcome, "csv")];
}
