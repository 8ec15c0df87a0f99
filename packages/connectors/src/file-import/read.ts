import { Readable } from "node:stream";
import { CsvError, parse } from "csv-parse";
import { formatBytes, IMPORT_LIMITS } from "./limits.ts";
import {
  CSV_COLUMNS,
  describeIssues,
  IMPORT_KINDS,
  REQUIRED_CSV_COLUMNS,
  ROW_KEYS,
  ROW_SCHEMAS,
  type ImportKind,
  type ImportProblem,
  type ImportRows,
} from "./rows.ts";

// Reading an import file (SPEC §4.6): CSV (one file per kind) or JSON (one document holding
// any of the kinds), validated row by row and handed out in batches, so a file of a million
// accounts never sits in memory as objects. A file with any bad row is refused whole: the
// reader stops handing out batches at the first problem, keeps reading to list up to
// `maxProblems` of them, then throws ImportFileError. The caller writes inside one transaction,
// so whatever it staged before the error is rolled back: nothing partial.

export type ImportFormat = "csv" | "json";

/** The file's bytes or text, whole or as a stream of chunks (an upload's body). */
export type ImportSource = string | Uint8Array | AsyncIterable<string | Uint8Array>;

export interface ReadImportOptions {
  format: ImportFormat;
  /** Required for CSV (one file per kind); for JSON, limits the document to this kind. */
  kind?: ImportKind;
  /** Rows per batch (default 5,000). */
  batchSize?: number;
  /** Problems listed before the reader gives up (default 50). */
  maxProblems?: number;
  /**
   * Why a text is not acceptable, or null: Lantern's one rule (`textProblem` of
   * @lantern/domain, handed in because this package imports nothing of Lantern's). Every value
   * and header cell of the file goes through it, as single-line text except descriptions and
   * profile values (multi-line).
   */
  textProblem: (text: string, kind: TextKind) => string | null;
}

export type TextKind = "single-line" | "multi-line";

/** Fields whose text may span lines; every other field is single-line. */
const MULTI_LINE_FIELDS: ReadonlySet<string> = new Set(["description"]);

export type ImportBatch = { [K in ImportKind]: { kind: K; rows: ImportRows[K][] } }[ImportKind];

/** The file was refused as a whole; `problems` says where and why (the first `maxProblems`). */
export class ImportFileError extends Error {
  override name = "ImportFileError";
  constructor(
    readonly problems: ImportProblem[],
    /** More problems exist than are listed. */
    readonly truncated: boolean,
  ) {
    super(
      `The file was refused: ${problems.length}${truncated ? "+" : ""} problem${
        problems.length === 1 && !truncated ? "" : "s"
      }, nothing was imported. ` +
        problems
          .slice(0, 3)
          .map((p) => `Line ${p.line}: ${p.message}`)
          .join(" ") +
        (problems.length > 3 || truncated ? " …" : ""),
    );
  }
}

/** Collects problems up to a cap; remembers the keys seen so far to refuse duplicates. */
class Checker {
  readonly problems: ImportProblem[] = [];
  truncated = false;
  private readonly seen = new Map<string, Map<string, number>>();
  constructor(
    private readonly max: number,
    readonly textProblem: ReadImportOptions["textProblem"],
  ) {}

  get full(): boolean {
    return this.truncated;
  }
  get failed(): boolean {
    return this.problems.length > 0;
  }
  add(line: number, message: string): void {
    if (this.problems.length >= this.max) this.truncated = true;
    else this.problems.push({ line, message });
  }

  /** Validates one raw row of `kind`; answers the row, or null after recording the problem. */
  row<K extends ImportKind>(kind: K, line: number, raw: unknown): ImportRows[K] | null {
    if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
      this.add(line, `each ${singular(kind)} must be an object`);
      return null;
    }
    const textProblems = this.textProblems(raw as Record<string, unknown>);
    if (textProblems.length > 0) {
      this.add(line, textProblems.join("; "));
      return null;
    }
    const parsed = ROW_SCHEMAS[kind].safeParse(raw);
    if (!parsed.success) {
      this.add(line, describeIssues(parsed.error));
      return null;
    }
    const row = { ...parsed.data, line } as ImportRows[K];
    const fields = ROW_KEYS[kind] as readonly string[];
    const values = fields.map((f) => String((row as Record<string, unknown>)[f]));
    // Emails compare case-insensitively (SPEC §1); external ids and slugs exactly.
    const joined = values.join("\u0000");
    const key = kind === "users" ? joined.toLowerCase() : joined;
    let seen = this.seen.get(kind);
    if (!seen) this.seen.set(kind, (seen = new Map()));
    const first = seen.get(key);
    if (first !== undefined) {
      this.add(
        line,
        `duplicate ${singular(kind)}: ${fields.map((f, i) => `${f} "${values[i]}"`).join(", ")} ` +
          `is already on line ${first}`,
      );
      return null;
    }
    seen.set(key, line);
    return row;
  }

  /**
   * The text rule applied to every text of a raw row (surrounding blanks aside: they are
   * trimmed anyway): "givenName contains a NUL character, which text cannot hold".
   */
  private textProblems(raw: Record<string, unknown>): string[] {
    const problems: string[] = [];
    const check = (label: string, value: unknown, kind: TextKind) => {
      if (typeof value !== "string") return;
      const problem = this.textProblem(value.trim(), kind);
      if (problem) problems.push(`${label} ${problem}`);
    };
    for (const [field, value] of Object.entries(raw)) {
      if (field === "profile" && typeof value === "object" && value !== null) {
        if (Array.isArray(value)) continue; // refused by the schema
        for (const [index, [key, item]] of Object.entries(value).entries()) {
          const name = this.textProblem(key, "single-line");
          if (name) {
            problems.push(`the name of profile attribute ${index + 1} ${name}`);
            continue;
          }
          for (const element of Array.isArray(item) ? item : [item]) {
            check(`profile.${key}`, element, "multi-line");
          }
        }
        continue;
      }
      const kind = MULTI_LINE_FIELDS.has(field) ? "multi-line" : "single-line";
      for (const element of Array.isArray(value) ? value : [value]) check(field, element, kind);
    }
    return problems;
  }
}

function singular(kind: ImportKind): string {
  return { accounts: "account", entitlements: "entitlement", grants: "grant", users: "user" }[kind];
}

/**
 * Reads an import file and yields its rows in batches of one kind. Throws ImportFileError
 * (after the last batch it was willing to hand out) when any row is bad.
 */
export async function* readImportFile(
  source: ImportSource,
  options: ReadImportOptions,
): AsyncGenerator<ImportBatch> {
  const checker = new Checker(options.maxProblems ?? 50, options.textProblem);
  const batchSize = options.batchSize ?? 5000;
  if (options.format === "csv") {
    if (!options.kind) throw new Error("A CSV import needs its kind.");
    yield* readCsv(source, options.kind, batchSize, checker);
  } else {
    yield* readJson(source, options.kind, batchSize, checker);
  }
  if (checker.failed) throw new ImportFileError(checker.problems, checker.truncated);
}

function toStream(source: ImportSource): AsyncIterable<string | Uint8Array> {
  if (typeof source === "string" || source instanceof Uint8Array) return Readable.from([source]);
  return source;
}

/** The file cannot be read as text at `line` (not UTF-8, too large): refused whole. */
export class FileProblem extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

const SAVE_AS_UTF8 = 'save it as UTF-8 (in Excel: "CSV UTF-8") and send it again';

/** Line feeds in `text`. */
function lineFeeds(text: string): number {
  let count = 0;
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) count++;
  return count;
}

/**
 * The bytes at the end of `recent` that start a character not yet complete (at most 3): the
 * bytes before them decoded fine, so they are well-formed UTF-8.
 */
function incompleteCharacter(recent: Uint8Array): Uint8Array {
  for (let back = 1; back <= Math.min(3, recent.length); back++) {
    const byte = recent[recent.length - back]!;
    if ((byte & 0xc0) === 0x80) continue; // a continuation byte
    const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return length > back ? recent.subarray(recent.length - back) : new Uint8Array(0);
  }
  return new Uint8Array(0);
}

/**
 * Line feeds before the first byte of `bytes` that is not UTF-8 (`pending`: the start of a
 * character the bytes continue). Only run for a refused file: a binary search with the
 * platform's decoder, which says whether a prefix holds an error but not where.
 */
function lineFeedsBeforeInvalid(pending: Uint8Array, bytes: Uint8Array): number {
  const all = new Uint8Array(pending.length + bytes.length);
  all.set(pending);
  all.set(bytes, pending.length);
  const fails = (length: number) => {
    try {
      new TextDecoder("utf-8", { fatal: true }).decode(all.subarray(0, length), { stream: true });
      return false;
    } catch {
      return true;
    }
  };
  let low = 1;
  let high = all.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (fails(middle)) high = middle;
    else low = middle + 1;
  }
  let count = 0;
  for (let i = 0; i < low - 1; i++) if (all[i] === 10) count++;
  return count;
}

/**
 * The file as text, decoded strictly as UTF-8 (a UTF-8 byte-order mark is skipped): a byte
 * that is not UTF-8 refuses the file with its line, rather than storing "Jos\uFFFD" for a
 * Latin-1 "José". Names UTF-16 when the file starts like it. Text given as strings (already
 * decoded) passes as is; `maxBytes` bounds the whole.
 */
export async function* decodeUtf8(
  source: ImportSource,
  maxBytes = Infinity,
): AsyncGenerator<string> {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  const notUtf8 = (line: number) =>
    new FileProblem(line, `the file is not UTF-8 (line ${line}): ${SAVE_AS_UTF8}`);
  let line = 1;
  let size = 0;
  let start: Uint8Array | null = new Uint8Array(0); // the first bytes, until there are two
  let recent = new Uint8Array(0); // the last three bytes decoded
  const tooLarge = () =>
    new FileProblem(
      line,
      `the file is larger than ${formatBytes(maxBytes)}, the limit of a JSON import; send the rows as CSV files, which have no limit`,
    );
  for await (const chunk of toStream(source)) {
    if (typeof chunk === "string") {
      size += chunk.length;
      if (size > maxBytes) throw tooLarge();
      line += lineFeeds(chunk);
      if (chunk) yield chunk;
      continue;
    }
    let bytes = chunk;
    if (start) {
      // UTF-16 text starts with its byte-order mark, or holds a NUL byte in its first two
      // (every ASCII character is two bytes, one of them 0).
      const head: Uint8Array = new Uint8Array(start.length + bytes.length);
      head.set(start);
      head.set(bytes, start.length);
      if (head.length < 2) {
        start = head;
        continue;
      }
      start = null;
      bytes = head;
      if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) {
        throw new FileProblem(
          1,
          `the file is UTF-16 (it starts with a UTF-16 byte-order mark), not UTF-8: ${SAVE_AS_UTF8}`,
        );
      }
      if (head[0] === 0 || head[1] === 0) {
        throw new FileProblem(
          1,
          `the file is not UTF-8 (line 1): it holds NUL bytes, as UTF-16 text does; ${SAVE_AS_UTF8}`,
        );
      }
    }
    size += bytes.length;
    if (size > maxBytes) throw tooLarge();
    let text: string;
    try {
      text = decoder.decode(bytes, { stream: true });
    } catch {
      throw notUtf8(line + lineFeedsBeforeInvalid(incompleteCharacter(recent), bytes));
    }
    if (bytes.length >= 3) recent = bytes.slice(bytes.length - 3);
    else {
      const joined = new Uint8Array(recent.length + bytes.length);
      joined.set(recent);
      joined.set(bytes, recent.length);
      recent = joined.slice(Math.max(0, joined.length - 3));
    }
    line += lineFeeds(text);
    if (text) yield text;
  }
  let rest: string;
  try {
    rest = start && start.length > 0 ? decoder.decode(start) : decoder.decode();
  } catch {
    throw notUtf8(line); // ends in the middle of a character
  }
  if (rest) yield rest;
}

/**
 * The file as text with LF line ends and no byte-order mark: csv-parse counts lines reliably
 * only then. CRLF pairs split across chunks are stitched back.
 */
export async function* normalizedText(source: ImportSource): AsyncGenerator<string> {
  let first = true;
  let pendingCr = false;
  const clean = (text: string) => {
    if (first && text.length > 0) {
      first = false;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    if (pendingCr) text = "\r" + text;
    pendingCr = text.endsWith("\r");
    if (pendingCr) text = text.slice(0, -1);
    return text.replace(/\r\n/g, "\n");
  };
  for await (const chunk of decodeUtf8(source)) {
    const text = clean(chunk);
    if (text) yield text;
  }
  if (pendingCr) yield "\r";
}

/**
 * The last bytes handed to the CSV parser (at least `keep`, i.e. more than a record may hold),
 * to find where the record that failed began.
 */
class ByteTail {
  private chunks: Buffer[] = [];
  private held = 0;
  /** Bytes handed out so far. */
  end = 0;
  constructor(private readonly keep: number) {}

  push(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.held += chunk.length;
    this.end += chunk.length;
    while (this.chunks.length > 1 && this.held - this.chunks[0]!.length >= this.keep) {
      this.held -= this.chunks.shift()!.length;
    }
  }

  /** Line feeds from byte `offset` to the end, or null when those bytes are gone. */
  lineFeedsFrom(offset: number): number | null {
    let start = this.end - this.held;
    if (offset < start) return null;
    let count = 0;
    for (const chunk of this.chunks) {
      for (
        let i = chunk.indexOf(10, Math.max(0, offset - start));
        i !== -1;
        i = chunk.indexOf(10, i + 1)
      ) {
        count++;
      }
      start += chunk.length;
    }
    return count;
  }
}

/** Line breaks inside a record's fields (quoted values may span lines). */
export function innerLineBreaks(fields: string[]): number {
  let count = 0;
  for (const field of fields) {
    if (!field.includes("\n")) continue;
    for (let i = 0; i < field.length; i++) if (field.charCodeAt(i) === 10) count++;
  }
  return count;
}

async function* readCsv(
  source: ImportSource,
  kind: ImportKind,
  batchSize: number,
  checker: Checker,
): AsyncGenerator<ImportBatch> {
  // Lines are counted here rather than with csv-parse's `info` (a third of its time): the text
  // has LF line ends only, every record ends one line, plus the breaks inside quoted values.
  // Counted as the parser makes each record (it reads ahead of this loop), so that at an error
  // `nextLine` is where the record it could not finish began.
  let nextLine = 1;
  const maxRecord = IMPORT_LIMITS.maxCsvRecordBytes;
  const parser = parse({
    relax_column_count: true,
    max_record_size: maxRecord,
    // Each record becomes { line, fields } (csv-parse's types expect a string[] back).
    on_record: ((fields: string[]) => {
      const line = nextLine;
      nextLine += 1 + innerLineBreaks(fields);
      return { line, fields };
    }) as unknown as (fields: string[]) => string[],
  });
  const tail = new ByteTail(maxRecord + 16);
  let lineFeedsRead = 0;
  const input = Readable.from(
    (async function* () {
      for await (const text of normalizedText(source)) {
        const bytes = Buffer.from(text, "utf8");
        lineFeedsRead += lineFeeds(text);
        tail.push(bytes);
        yield bytes;
      }
    })(),
  );
  input.on("error", (error) => parser.destroy(error));
  input.pipe(parser);

  const known = CSV_COLUMNS[kind];
  let header: { field: string | null; name: string }[] | null = null;
  let batch: ImportRows[ImportKind][] = [];
  try {
    for await (const { line, fields } of parser as AsyncIterable<{
      line: number;
      fields: string[];
    }>) {
      // A blank line.
      if (fields.length === 1 && fields[0] === "") continue;
      const record = { record: fields };
      if (!header) {
        header = readHeader(kind, known, record.record, checker);
        if (!header) return;
        continue;
      }
      if (record.record.length !== header.length) {
        checker.add(
          line,
          `has ${record.record.length} fields but the header has ${header.length} columns`,
        );
      } else {
        const raw: Record<string, unknown> = {};
        const profile: Record<string, string> = {};
        header.forEach((column, i) => {
          const cell = record.record[i]!;
          if (column.field) raw[column.field] = cell;
          else if (cell.trim() !== "") profile[column.name] = cell;
        });
        if (kind === "accounts") raw.profile = profile;
        const row = checker.row(kind, line, raw);
        if (row && !checker.failed) {
          batch.push(row);
          if (batch.length >= batchSize) {
            yield { kind, rows: batch } as ImportBatch;
            batch = [];
          }
        }
      }
      if (checker.full) return;
    }
  } catch (error) {
    if (error instanceof FileProblem) {
      checker.add(error.line, error.message);
      return;
    }
    if (!(error instanceof CsvError)) throw error;
    const { line, message } = csvProblem(
      error as CsvError & { lines?: number; bytes?: number; index?: number },
      nextLine,
      lineFeedsRead,
      tail,
    );
    checker.add(line, message);
    return;
  } finally {
    input.destroy();
    parser.destroy();
  }
  if (!header) {
    checker.add(1, `the file is empty: expected a header row (${Object.keys(known).join(", ")})`);
    return;
  }
  if (batch.length > 0 && !checker.failed) yield { kind, rows: batch } as ImportBatch;
}

/**
 * The line and words of csv-parse's error. `recordLine`: where the record being read began;
 * `lineFeeds`: line feeds of the whole text (the parser had it all when a quote was left open).
 */
function csvProblem(
  error: CsvError & { lines?: number; bytes?: number; index?: number },
  recordLine: number,
  lineFeeds: number,
  tail: ByteTail,
): ImportProblem {
  if (error.code === "CSV_QUOTE_NOT_CLOSED") {
    // The open quote starts the record's last field: at the record's start (its first field)
    // or after the comma the parser saw last. Its line: the line feeds before it.
    const quoteAt = error.index ? (error.bytes ?? 0) + 1 : (error.bytes ?? 0);
    const after = tail.lineFeedsFrom(quoteAt);
    return {
      line: after === null ? recordLine : 1 + lineFeeds - after,
      message: "the file is not valid CSV: a quote opened on this line is never closed",
    };
  }
  if (error.code === "CSV_MAX_RECORD_SIZE") {
    return {
      line: recordLine,
      message:
        `the record that starts on this line is longer than ${formatBytes(IMPORT_LIMITS.maxCsvRecordBytes)}, ` +
        "the limit of a record: a quote opened here and never closed, or a value far too long",
    };
  }
  return {
    line: error.lines ?? recordLine,
    message: `the file is not valid CSV: ${error.message}`,
  };
}

function readHeader(
  kind: ImportKind,
  known: Record<string, string[]>,
  cells: string[],
  checker: Checker,
): { field: string | null; name: string }[] | null {
  const byAlias = new Map<string, string>();
  for (const [field, aliases] of Object.entries(known)) {
    for (const alias of aliases) byAlias.set(alias, field);
  }
  const used = new Set<string>();
  const extra = new Set<string>();
  const { maxProfileAttributes, maxProfileKeyLength } = IMPORT_LIMITS;
  const header = cells.map((cell, index) => {
    const name = cell.trim();
    const problem = checker.textProblem(name, "single-line");
    if (problem) {
      checker.add(1, `column ${index + 1} of the header ${problem}`);
      return { field: null, name };
    }
    const field = byAlias.get(name.toLowerCase().replace(/[\s_-]/g, "")) ?? null;
    if (field && used.has(field)) checker.add(1, `the column ${field} appears twice in the header`);
    if (field) used.add(field);
    if (!field) {
      if (name === "") checker.add(1, "a column of the header has no name");
      else if (kind !== "accounts") {
        checker.add(
          1,
          `unknown column "${name}"; the columns of ${kind} are ${Object.keys(known).join(", ")}`,
        );
      } else if (name.length > maxProfileKeyLength) {
        checker.add(
          1,
          `the column "${name.slice(0, 40)}…" has a name of ${name.length} characters; ` +
            `a profile attribute's name holds at most ${maxProfileKeyLength}`,
        );
      } else if (extra.has(name)) {
        checker.add(1, `the column "${name}" appears twice in the header`);
      } else extra.add(name);
    }
    return { field, name };
  });
  if (extra.size > maxProfileAttributes) {
    checker.add(
      1,
      `the header has ${extra.size} columns that are not account fields; each becomes a ` +
        `profile attribute, and an account holds at most ${maxProfileAttributes}`,
    );
  }
  const missing = REQUIRED_CSV_COLUMNS[kind].filter((f) => !used.has(f));
  if (missing.length > 0) {
    checker.add(
      1,
      `the header lacks the required column${missing.length > 1 ? "s" : ""} ${missing.join(", ")}`,
    );
  }
  return checker.failed ? null : header;
}

/** The whole document as text (strict UTF-8, at most IMPORT_LIMITS.maxJsonBytes). */
async function readText(source: ImportSource): Promise<string> {
  if (typeof source === "string") {
    if (source.length > IMPORT_LIMITS.maxJsonBytes) {
      throw new FileProblem(
        1,
        `the file is larger than ${formatBytes(IMPORT_LIMITS.maxJsonBytes)}, the limit of a JSON import; send the rows as CSV files, which have no limit`,
      );
    }
    return source;
  }
  let text = "";
  for await (const chunk of decodeUtf8(source, IMPORT_LIMITS.maxJsonBytes)) text += chunk;
  return text;
}

/** 1-based line of a character offset. */
function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

async function* readJson(
  source: ImportSource,
  only: ImportKind | undefined,
  batchSize: number,
  checker: Checker,
): AsyncGenerator<ImportBatch> {
  let text: string;
  try {
    text = (await readText(source)).replace(/^\uFEFF/, "");
  } catch (error) {
    if (!(error instanceof FileProblem)) throw error;
    checker.add(error.line, error.message);
    return;
  }
  if (text.trim() === "") {
    checker.add(1, 'the file is empty: expected a JSON document such as { "accounts": [ … ] }');
    return;
  }
  // Before parsing: the nesting is bounded (a hostile document of 20,000 brackets must not
  // cost the stack), and each array element's line is noted for the problems.
  const topIsArray = text.trimStart().startsWith("[");
  const scan = scanJson(text, topIsArray, IMPORT_LIMITS.maxJsonDepth);
  if ("tooDeep" in scan) {
    checker.add(
      scan.tooDeep,
      `the document is nested deeper than ${IMPORT_LIMITS.maxJsonDepth} levels of arrays and ` +
        "objects; an import document needs 5 at most",
    );
    return;
  }
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    const { offset, message } = locateJsonError(text);
    checker.add(lineAt(text, offset), `the file is not valid JSON: ${message}`);
    return;
  }

  // The document: { "accounts": [...], "entitlements": [...], ... } or, with a kind, a bare array.
  let sections: [ImportKind, unknown][];
  if (topIsArray) {
    if (!only) {
      checker.add(1, 'name the kind of the rows (?kind=…) or send { "accounts": [ … ] }');
      return;
    }
    sections = [[only, document]];
  } else if (typeof document === "object" && document !== null) {
    sections = [];
    for (const [key, value] of Object.entries(document)) {
      if (!(IMPORT_KINDS as readonly string[]).includes(key)) {
        checker.add(
          1,
          `unknown key "${key.slice(0, 40)}"; a document holds ${IMPORT_KINDS.join(", ")}`,
        );
      } else if (only && key !== only) {
        checker.add(1, `this import takes ${only} only, and the document also holds ${key}`);
      } else sections.push([key as ImportKind, value]);
    }
    if (checker.failed) return;
  } else {
    checker.add(1, 'the document must be an object such as { "accounts": [ … ] }');
    return;
  }

  const lines = scan.lines;
  const order = topIsArray ? [0] : Object.keys(document as object).map((_, i) => i);
  for (const [index, [kind, value]] of sections.entries()) {
    const starts = lines[order[index] ?? 0] ?? [];
    if (!Array.isArray(value)) {
      checker.add(1, `"${kind}" must be an array`);
      continue;
    }
    let batch: ImportRows[ImportKind][] = [];
    for (const [i, item] of value.entries()) {
      const row = checker.row(kind, starts[i] ?? 1, item);
      if (checker.full) return;
      if (!row || checker.failed) continue;
      batch.push(row);
      if (batch.length >= batchSize) {
        yield { kind, rows: batch } as ImportBatch;
        batch = [];
      }
    }
    if (batch.length > 0 && !checker.failed) yield { kind, rows: batch } as ImportBatch;
  }
}

/**
 * The line where each array element starts: one list per value of the top-level object (in
 * document order), or a single list for a top-level array. Or, at the first bracket deeper
 * than `maxDepth` (valid JSON or not), its line.
 */
function scanJson(
  text: string,
  topIsArray: boolean,
  maxDepth: number,
): { lines: number[][] } | { tooDeep: number } {
  const lists: number[][] = [];
  const elementDepth = topIsArray ? 1 : 2;
  let current: number[] | null = topIsArray ? [] : null;
  if (current) lists.push(current);
  let depth = 0;
  let line = 1;
  let inString = false;
  let escaped = false;
  let expecting = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) line++;
    if (inString) {
      if (escaped) escaped = false;
      else if (c === 92) escaped = true;
      else if (c === 34) inString = false;
      continue;
    }
    if (c === 32 || c === 9 || c === 10 || c === 13) continue;
    if (expecting && depth === elementDepth && c !== 93) {
      current?.push(line);
      expecting = false;
    }
    switch (c) {
      case 34:
        inString = true;
        break;
      case 58: // ':' of a top-level member: its value starts a new list
        if (!topIsArray && depth === 1) lists.push((current = []));
        break;
      case 91: // '['
        depth++;
        if (depth > maxDepth) return { tooDeep: line };
        if (depth === elementDepth) expecting = true;
        break;
      case 123: // '{'
        depth++;
        if (depth > maxDepth) return { tooDeep: line };
        break;
      case 93:
      case 125:
        depth--;
        break;
      case 44: // ','
        if (depth === elementDepth) expecting = true;
        break;
    }
  }
  return { lines: lists };
}

/**
 * Where JSON.parse failed and why (its own messages carry no position on every Node version):
 * a small recursive-descent pass over the text, run only for a refused file.
 */
export function locateJsonError(text: string): { offset: number; message: string } {
  let i = 0;
  class Failure {
    constructor(
      readonly offset: number,
      readonly message: string,
    ) {}
  }
  const fail = (message: string): never => {
    throw new Failure(i, message);
  };
  const describe = () => (i >= text.length ? "the file ends too early" : `unexpected "${text[i]}"`);
  const space = () => {
    while (i < text.length && " \t\r\n".includes(text[i]!)) i++;
  };
  const literal = (word: string) => {
    if (text.startsWith(word, i)) i += word.length;
    else fail(describe());
  };
  const string = () => {
    i++;
    while (i < text.length && text[i] !== '"') {
      if (text.charCodeAt(i) < 0x20) fail("a line break or control character inside a string");
      if (text[i] === "\\") {
        i++;
        if (text[i] === "u") {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) fail("a bad \\u escape");
          i += 4;
        } else if (!'"\\/bfnrt'.includes(text[i] ?? "")) fail("a bad escape in a string");
      }
      i++;
    }
    if (i >= text.length) fail("a string is not closed");
    i++;
  };
  const number = () => {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!match || match[0] === "" || match[0] === "-") fail(describe());
    i += match![0].length;
  };
  const value = (): void => {
    space();
    const c = text[i];
    if (c === "{") {
      i++;
      space();
      if (text[i] === "}") {
        i++;
        return;
      }
      for (;;) {
        space();
        if (text[i] !== '"') fail(`${describe()}: expected a "quoted" key`);
        string();
        space();
        if (text[i] !== ":") fail(`${describe()}: expected ":"`);
        i++;
        value();
        space();
        if (text[i] === ",") {
          i++;
          continue;
        }
        if (text[i] === "}") {
          i++;
          return;
        }
        fail(`${describe()}: expected "," or "}"`);
      }
    }
    if (c === "[") {
      i++;
      space();
      if (text[i] === "]") {
        i++;
        return;
      }
      for (;;) {
        value();
        space();
        if (text[i] === ",") {
          i++;
          continue;
        }
        if (text[i] === "]") {
          i++;
          return;
        }
        fail(`${describe()}: expected "," or "]"`);
      }
    }
    if (c === '"') return string();
    if (c === "t") return literal("true");
    if (c === "f") return literal("false");
    if (c === "n") return literal("null");
    if (c === "-" || (c !== undefined && c >= "0" && c <= "9")) return number();
    fail(describe());
  };
  try {
    value();
    space();
    if (i < text.length) fail(`${describe()} after the end of the document`);
    return { offset: 0, message: "it does not parse" };
  } catch (error) {
    if (error instanceof Failure) return { offset: error.offset, message: error.message };
    throw error;
  }
}
