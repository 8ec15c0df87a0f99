import type { ImportSource } from "../file-import/read.ts";
import { readCsvRows, type CsvLayout, type CsvRow } from "./csv-rows.ts";
import { ENTRA_CSV_LAYOUT, ENTRA_SHAPE, readEntraCsvRow, readEntraSignIn } from "./entra.ts";
import { candidateSchema, type CandidateSchema, type EventOutcome } from "./fields.ts";
import { GENERIC_CSV_LAYOUT, readGenericCsvRow } from "./generic.ts";
import { GOOGLE_SHAPE, readGoogleActivity } from "./google.ts";
import { readJsonElements, type JsonShape } from "./json-stream.ts";
import { OKTA_SHAPE, readOktaEvent } from "./okta.ts";
import {
  ACTIVITY_SKIP_REASONS,
  type ActivityBatch,
  type ActivityFormat,
  type ActivityRecord,
  type ActivitySource,
  type ActivitySummary,
  type ReadActivityOptions,
} from "./types.ts";

// Reading an activity export (SPEC §7): whatever the provider, the events become normalised
// records, handed out in batches while the file streams in. Unlike an account import, a bad
// event does not refuse the file: it is left out, counted, and listed with its position (the
// first `maxProblems`), and the rest is read. Events that are not about using an app (failed
// sign-ins, other event types) are skipped and counted by reason. Only a file that cannot be
// read as the expected format at all — not UTF-8, not JSON or CSV, the wrong shape, a record
// that breaks the syntax — is refused with ActivityFileError.

interface JsonReader {
  shape: JsonShape;
  read(element: unknown, schema: CandidateSchema): EventOutcome[];
}

interface CsvReader<F extends string> {
  layout: CsvLayout<F>;
  read(row: Extract<CsvRow<F>, { values: unknown }>, schema: CandidateSchema): EventOutcome[];
}

const JSON_READERS: Partial<Record<ActivitySource, JsonReader>> = {
  okta: { shape: OKTA_SHAPE, read: readOktaEvent },
  google: { shape: GOOGLE_SHAPE, read: readGoogleActivity },
  entra: { shape: ENTRA_SHAPE, read: readEntraSignIn },
};

const CSV_READERS: Partial<Record<ActivitySource, CsvReader<string>>> = {
  entra: { layout: ENTRA_CSV_LAYOUT, read: readEntraCsvRow } as CsvReader<string>,
  csv: { layout: GENERIC_CSV_LAYOUT, read: readGenericCsvRow } as CsvReader<string>,
};

/** The format of a source's exports, as asked or by default; throws for one it has not. */
function formatOf(options: ReadActivityOptions): ActivityFormat {
  const format = options.format ?? (options.source === "csv" ? "csv" : "json");
  const readers = format === "json" ? JSON_READERS : CSV_READERS;
  if (!readers[options.source]) {
    throw new Error(`There is no ${format.toUpperCase()} export of source "${options.source}".`);
  }
  return format;
}

/**
 * Reads an activity export and yields its records in batches; answers (as the generator's
 * return value) what the file held: counts, the problems, the next page. Throws
 * ActivityFileError for a file it cannot read at all.
 */
export async function* readActivityFile(
  input: ImportSource,
  options: ReadActivityOptions,
): AsyncGenerator<ActivityBatch, ActivitySummary, undefined> {
  const format = formatOf(options);
  const { source } = options;
  const batchSize = Math.max(1, options.batchSize ?? 5000);
  const maxProblems = options.maxProblems ?? 50;
  const schema = candidateSchema(options.textProblem);
  const summary: ActivitySummary = {
    source,
    format,
    read: 0,
    kept: 0,
    skipped: Object.fromEntries(
      ACTIVITY_SKIP_REASONS.map((r) => [r, 0]),
    ) as ActivitySummary["skipped"],
    invalid: 0,
    problems: [],
    nextPage: null,
  };
  let batch: ActivityRecord[] = [];
  const take = (position: number, line: number, outcomes: EventOutcome[]) => {
    for (const outcome of outcomes) {
      summary.read++;
      if (outcome.type === "record") {
        summary.kept++;
        batch.push({ position, source, ...outcome.record });
      } else if (outcome.type === "skip") {
        summary.skipped[outcome.reason]++;
      } else {
        summary.invalid++;
        if (summary.problems.length < maxProblems) {
          summary.problems.push({ position, line, message: outcome.message });
        }
      }
    }
  };

  if (format === "json") {
    const reader = JSON_READERS[source]!;
    const elements = readJsonElements(input, reader.shape);
    for (;;) {
      const step = await elements.next();
      if (step.done) {
        summary.nextPage = step.value.nextPage;
        break;
      }
      const element = step.value;
      take(
        element.position,
        element.line,
        "problem" in element
          ? [{ type: "problem", message: element.problem }]
          : reader.read(element.value, schema),
      );
      if (batch.length >= batchSize) {
        yield { records: batch };
        batch = [];
      }
    }
  } else {
    const reader = CSV_READERS[source]!;
    for await (const row of readCsvRows(input, reader.layout, options.textProblem)) {
      take(
        row.line,
        row.line,
        "problem" in row ? [{ type: "problem", message: row.problem }] : reader.read(row, schema),
      );
      if (batch.length >= batchSize) {
        yield { records: batch };
        batch = [];
      }
    }
  }
  if (batch.length > 0) yield { records: batch };
  return summary;
}

/**
 * Reads a whole activity export, handing each batch to `onBatch` (awaited before the next is
 * read); answers the summary.
 */
export async function eachActivityBatch(
  input: ImportSource,
  options: ReadActivityOptions,
  onBatch: (batch: ActivityBatch) => void | Promise<void>,
): Promise<ActivitySummary> {
  const reader = readActivityFile(input, options);
  for (;;) {
    const step = await reader.next();
    if (step.done) return step.value;
    await onBatch(step.value);
  }
}
