import { Readable } from "node:stream";
import { CsvError, parse } from "csv-parse";
import {
  FileProblem,
  innerLineBreaks,
  normalizedText,
  type ImportSource,
} from "../file-import/read.ts";
import { sentence, type TextProblem } from "./fields.ts";
import { ACTIVITY_LIMITS, ActivityFileError } from "./types.ts";

// The records of a CSV export, streamed (csv-parse), each as the values of the columns the
// layout knows. Columns are matched by name, case, blanks and punctuation aside ("Date (UTC)",
// "date_utc" and "DATE UTC" are one); columns the layout does not know are ignored (the Entra
// download has fifty). A record whose number of fields is not the header's is a problem of its
// own; a header without the required columns, text that is not CSV or not UTF-8, refuse the
// file.

export interface CsvLayout<F extends string> {
  /** Each field and the column names that hold it (the first is the documented one). */
  columns: Record<F, readonly string[]>;
  /** Fields the header must have: each entry is satisfied by any one of its fields. */
  required: readonly (readonly F[])[];
  /** The columns, in words, for the error of a file that lacks some. */
  expected: string;
}

export type CsvRow<F extends string> =
  | {
      line: number;
      values: Partial<Record<F, string>>;
      /** Each field's column name as the file's header writes it (for the problems). */
      headers: Partial<Record<F, string>>;
    }
  | { line: number; problem: string };

/** "Date (UTC)" → "dateutc": how column names are compared. */
export function columnKey(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, "");
}

export async function* readCsvRows<F extends string>(
  source: ImportSource,
  layout: CsvLayout<F>,
  textProblem: TextProblem,
): AsyncGenerator<CsvRow<F>, void, undefined> {
  // Lines counted as csv-parse makes each record (it reads ahead of this loop), so that at an
  // error `nextLine` is where the record it could not finish began (the text has LF line ends).
  let nextLine = 1;
  const parser = parse({
    relax_column_count: true,
    max_record_size: ACTIVITY_LIMITS.maxRecordChars,
    on_record: ((fields: string[]) => {
      const line = nextLine;
      nextLine += 1 + innerLineBreaks(fields);
      return { line, fields };
    }) as unknown as (fields: string[]) => string[],
  });
  const input = Readable.from(
    (async function* () {
      for await (const text of normalizedText(source)) yield Buffer.from(text, "utf8");
    })(),
  );
  input.on("error", (error) => parser.destroy(error));
  input.pipe(parser);

  const byKey = new Map<string, F>();
  for (const [field, names] of Object.entries(layout.columns) as [F, string[]][]) {
    for (const name of names) if (!byKey.has(columnKey(name))) byKey.set(columnKey(name), field);
  }
  let header: (F | null)[] | null = null;
  const headers: Partial<Record<F, string>> = {};
  try {
    for await (const { line, fields } of parser as AsyncIterable<{
      line: number;
      fields: string[];
    }>) {
      if (fields.length === 1 && fields[0]!.trim() === "") continue; // a blank line
      if (!header) {
        header = readHeader(fields, byKey, headers, layout, textProblem, line);
        continue;
      }
      if (fields.length !== header.length) {
        yield {
          line,
          problem: `has ${fields.length} field${fields.length === 1 ? "" : "s"} but the header has ${header.length} columns`,
        };
        continue;
      }
      const values: Partial<Record<F, string>> = {};
      header.forEach((field, i) => {
        if (field) values[field] = fields[i]!;
      });
      yield { line, values, headers };
    }
  } catch (error) {
    if (error instanceof FileProblem)
      throw new ActivityFileError(sentence(error.message), error.line);
    if (!(error instanceof CsvError)) throw error;
    if (error.code === "CSV_QUOTE_NOT_CLOSED") {
      throw new ActivityFileError(
        `The file is not valid CSV: a quote opened in the record that starts on line ${nextLine} is never closed.`,
        nextLine,
      );
    }
    if (error.code === "CSV_MAX_RECORD_SIZE") {
      throw new ActivityFileError(
        `The record that starts on line ${nextLine} is longer than ${ACTIVITY_LIMITS.maxRecordChars / (1024 * 1024)} MB, the limit of a record: a quote opened there and never closed, or a value far too long.`,
        nextLine,
      );
    }
    throw new ActivityFileError(
      `The file is not valid CSV (line ${nextLine}): ${error.message}`,
      nextLine,
    );
  } finally {
    input.destroy();
    parser.destroy();
  }
  if (!header) {
    throw new ActivityFileError(
      `The file is empty: expected a header row and ${layout.expected}.`,
      1,
    );
  }
}

function readHeader<F extends string>(
  cells: string[],
  byKey: Map<string, F>,
  headers: Partial<Record<F, string>>,
  layout: CsvLayout<F>,
  textProblem: TextProblem,
  line: number,
): (F | null)[] {
  const header = cells.map((cell, index) => {
    const name = cell.trim();
    const problem = textProblem(name, "single-line");
    if (problem) {
      throw new ActivityFileError(`Column ${index + 1} of the header ${problem}.`, line);
    }
    const field = byKey.get(columnKey(name)) ?? null;
    // The first column of a field holds it; a second one ("Date" after "Date (UTC)") is ignored.
    if (field === null || headers[field] !== undefined) return null;
    headers[field] = name;
    return field;
  });
  const missing = layout.required.filter((fields) => fields.every((f) => headers[f] === undefined));
  if (missing.length > 0) {
    const names = missing.map((fields) =>
      fields.map((f) => `"${layout.columns[f][0]}"`).join(" or "),
    );
    throw new ActivityFileError(
      `The header lacks the column${names.length > 1 ? "s" : ""} ${names.join(", ")}: expected ${layout.expected}.`,
      line,
    );
  }
  return header;
}
