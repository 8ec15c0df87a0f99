import { Readable } from "node:stream";
import { CsvError, parse } from "csv-parse";
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
}

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
  constructor(private readonly max: number) {}

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
  const checker = new Checker(options.maxProblems ?? 50);
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

/**
 * The file as text with LF line ends and no byte-order mark: csv-parse counts lines reliably
 * only then. Multi-byte characters and CRLF pairs split across chunks are stitched back.
 */
async function* normalizedText(source: AsyncIterable<string | Uint8Array>): AsyncGenerator<string> {
  const decoder = new TextDecoder("utf-8");
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
  for await (const chunk of source) {
    const text = clean(typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: true }));
    if (text) yield text;
  }
  const rest = clean(decoder.decode()) + (pendingCr ? "\r" : "");
  if (rest) yield rest;
}

/** Line breaks inside a record's fields (quoted values may span lines). */
function innerLineBreaks(fields: string[]): number {
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
  const parser = parse({ relax_column_count: true });
  const input = Readable.from(normalizedText(toStream(source)));
  input.on("error", (error) => parser.destroy(error));
  input.pipe(parser);

  const known = CSV_COLUMNS[kind];
  let header: { field: string | null; name: string }[] | null = null;
  let batch: ImportRows[ImportKind][] = [];
  try {
    let nextLine = 1;
    for await (const fields of parser as AsyncIterable<string[]>) {
      const line = nextLine;
      nextLine += 1 + innerLineBreaks(fields);
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
    if (!(error instanceof CsvError)) throw error;
    const lines = (error as CsvError & { lines?: number }).lines;
    checker.add(lines ?? 1, `the file is not valid CSV: ${error.message}`);
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
  const header = cells.map((cell) => {
    const name = cell.trim();
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
      }
    }
    return { field, name };
  });
  const missing = REQUIRED_CSV_COLUMNS[kind].filter((f) => !used.has(f));
  if (missing.length > 0) {
    checker.add(
      1,
      `the header lacks the required column${missing.length > 1 ? "s" : ""} ${missing.join(", ")}`,
    );
  }
  return checker.failed ? null : header;
}

async function readText(source: ImportSource): Promise<string> {
  if (typeof source === "string") return source;
  const decoder = new TextDecoder("utf-8");
  if (source instanceof Uint8Array) return decoder.decode(source);
  let text = "";
  for await (const chunk of source) {
    text += typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: true });
  }
  return text + decoder.decode();
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
  const text = (await readText(source)).replace(/^\uFEFF/, "");
  if (text.trim() === "") {
    checker.add(1, 'the file is empty: expected a JSON document such as { "accounts": [ … ] }');
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
  const topIsArray = Array.isArray(document);
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
        checker.add(1, `unknown key "${key}"; a document holds ${IMPORT_KINDS.join(", ")}`);
      } else if (only && key !== only) {
        checker.add(1, `this import takes ${only} only, and the document also holds ${key}`);
      } else sections.push([key as ImportKind, value]);
    }
    if (checker.failed) return;
  } else {
    checker.add(1, 'the document must be an object such as { "accounts": [ … ] }');
    return;
  }

  const lines = elementLines(text, topIsArray);
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
 * document order), or a single list for a top-level array.
 */
function elementLines(text: string, topIsArray: boolean): number[][] {
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
        if (depth === elementDepth) expecting = true;
        break;
      case 123: // '{'
        depth++;
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
  return lists;
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
