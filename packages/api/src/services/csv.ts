// CSV files for download (the Accounts tab, the audit log): RFC 4180 cells with a guard
// against spreadsheet formulas, CRLF records, and a byte stream that pulls one batch per read.

/**
 * One CSV cell (RFC 4180): quoted when it holds a comma, quote or line break, quotes doubled.
 * Text a spreadsheet would run as a formula (starting with = + - @, or a tab or carriage
 * return) gets a leading apostrophe first, so an account named "=HYPERLINK(…)" stays text.
 */
export function csvCell(value: string | null | undefined): string {
  let text = value ?? "";
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One CSV record, CRLF-terminated. */
export const csvLine = (cells: ReadonlyArray<string | null | undefined>) =>
  `${cells.map(csvCell).join(",")}\r\n`;

/** Columns of a CSV file: a header and how to write one row's cell. */
export type CsvColumns<T> = ReadonlyArray<
  readonly [header: string, cell: (row: T) => string | null]
>;

/** The header record after a UTF-8 byte-order mark (so Excel reads UTF-8). */
export const csvHeader = <T>(columns: CsvColumns<T>) =>
  `\uFEFF${csvLine(columns.map(([header]) => header))}`;

/** The records of a batch of rows, as one chunk. */
export const csvRows = <T>(columns: CsvColumns<T>, rows: readonly T[]) =>
  rows.map((row) => csvLine(columns.map(([, cell]) => cell(row)))).join("");

export interface CsvExport {
  filename: string;
  /** The file's text: the header (after a UTF-8 byte-order mark for Excel), then one chunk per batch. */
  chunks: AsyncGenerator<string>;
}

/** The chunks as a byte stream for a Response: each read pulls the next batch, no sooner. */
export function toByteStream(chunks: AsyncGenerator<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
}
