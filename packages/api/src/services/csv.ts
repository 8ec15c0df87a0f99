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
  /**
   * The file's text: the header (after a UTF-8 byte-order mark for Excel) with the first batch,
   * then one chunk per batch.
   */
  chunks: AsyncGenerator<string>;
}

/**
 * A CSV file read in keyset batches: the FIRST batch is read before this answers, so whatever
 * can fail because of the request (its filters, the query they make) fails here, before the
 * caller has sent a byte, and the caller can still answer with an error. Later batches are read
 * as the file is pulled.
 */
export async function pagedCsvExport<T>(
  filename: string,
  columns: CsvColumns<T>,
  page: (cursor: string | null) => Promise<{ items: T[]; nextCursor: string | null }>,
): Promise<CsvExport> {
  const first = await page(null);
  async function* chunks(): AsyncGenerator<string> {
    yield csvHeader(columns) + csvRows(columns, first.items);
    let cursor = first.nextCursor;
    while (cursor) {
      const next = await page(cursor);
      if (next.items.length > 0) yield csvRows(columns, next.items);
      cursor = next.nextCursor;
    }
  }
  return { filename, chunks: chunks() };
}

/**
 * The chunks as a byte stream for a Response: each read pulls the next batch, no sooner. A
 * failure after the first byte ERRORS the stream (the server then aborts the connection, so the
 * download fails visibly instead of ending like a complete, shorter file) and is handed to
 * `onError` (to be logged: the person only sees a failed download).
 */
export function toByteStream(
  chunks: AsyncGenerator<string>,
  onError: (error: unknown) => void = () => {},
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      let next: IteratorResult<string>;
      try {
        next = await chunks.next();
      } catch (error) {
        onError(error);
        controller.error(error);
        return;
      }
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
}
