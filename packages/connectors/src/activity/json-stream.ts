import Parser from "stream-json/Parser.js";
import { decodeUtf8, FileProblem, type ImportSource } from "../file-import/read.ts";
import { sentence } from "./fields.ts";
import { ACTIVITY_LIMITS, ActivityFileError } from "./types.ts";

// The elements of the one list an export holds, streamed: a top-level array (`[ … ]`) or the
// list of a wrapper object (`{ "items": [ … ], "nextPageToken": "…" }`), handed out one element
// at a time as plain values, so a file of a million events never sits in memory. stream-json's
// parser turns the text into tokens; the assembler below builds each element from them, within
// ACTIVITY_LIMITS, and skips the rest of the wrapper without building it.
//
// The text is fed to the parser a line at a time (long lines in pieces), through the parser's
// own transform step rather than a pipe: its tokens come back at once, so the line of each
// element, and of a syntax error, is known exactly.

/** What the document must look like. */
export interface JsonShape {
  /** In words, for the error of a file that is something else. */
  expected: string;
  /** The member of a wrapper object that holds the list; null: only a bare array. */
  listKey: string | null;
  /** Members that make a wrapper without the list acceptable (an empty page). */
  markerKeys: readonly string[];
  /** Members whose text is the token or link of the next page. */
  nextPageKeys: readonly string[];
}

/** One element of the list, or why it could not be built (too large, too deep). */
export type JsonElement =
  | { position: number; line: number; value: unknown }
  | { position: number; line: number; problem: string };

interface Token {
  name: string;
  value?: string | boolean | null;
}

/** Pieces of text fed to the parser at a time: lines, and long lines in slices of this. */
const MAX_PIECE = 64 * 1024;

class TokenParser extends Parser {
  readonly tokens: Token[] = [];

  constructor() {
    // Keys, strings and numbers as chunks only: the assembler bounds what it keeps of them.
    super({ packValues: false, streamValues: true });
  }

  override push(token: unknown): boolean {
    if (token !== null) this.tokens.push(token as Token);
    return true;
  }

  /** Parses `text`; answers the syntax error, if any (the tokens before it are kept). */
  feed(text: string): Error | null {
    let failure: Error | null = null;
    this._transform(text, "utf8", (error) => {
      if (error) failure = error;
    });
    return failure;
  }

  /** The end of the text: answers the error of a document that is not finished. */
  finish(): Error | null {
    let failure: Error | null = null;
    this._flush((error) => {
      if (error) failure = error;
    });
    return failure;
  }
}

const VALUE_STARTS = new Set([
  "startObject",
  "startArray",
  "startString",
  "startNumber",
  "trueValue",
  "falseValue",
  "nullValue",
]);

const { maxRecordChars, maxJsonDepth, maxNextPageLength } = ACTIVITY_LIMITS;

/** Builds one element from its tokens, within the limits. */
class ElementBuilder {
  private stack: (unknown[] | Record<string, unknown>)[] = [];
  private keys: string[] = [];
  private parts: string[] = [];
  private size = 0;
  private depth = 0;
  problem: string | null = null;
  value: unknown = undefined;

  constructor(
    readonly position: number,
    readonly line: number,
  ) {}

  /** Takes the next token; answers whether the element is complete. */
  token(token: Token): boolean {
    this.size += 1 + (typeof token.value === "string" ? token.value.length : 0);
    if (this.size > maxRecordChars) {
      this.fail(
        `the record is larger than ${maxRecordChars / (1024 * 1024)} MB, the limit of one record`,
      );
    }
    switch (token.name) {
      case "startObject":
      case "startArray":
        this.depth++;
        if (this.depth > maxJsonDepth) {
          this.fail(
            `the record is nested deeper than ${maxJsonDepth} levels of arrays and objects`,
          );
        }
        if (this.problem === null) {
          this.stack.push(token.name === "startObject" ? {} : []);
          this.keys.push("");
        }
        return false;
      case "endObject":
      case "endArray":
        this.depth--;
        if (this.problem === null) {
          this.keys.pop();
          this.attach(this.stack.pop());
        }
        return this.depth === 0;
      case "startKey":
      case "startString":
      case "startNumber":
        this.parts = [];
        return false;
      case "stringChunk":
      case "numberChunk":
        if (this.problem === null) this.parts.push(token.value as string);
        return false;
      case "endKey":
        if (this.problem === null) this.keys[this.keys.length - 1] = this.parts.join("");
        return false;
      case "endString":
        if (this.problem === null) this.attach(this.parts.join(""));
        return this.depth === 0;
      case "endNumber":
        if (this.problem === null) this.attach(Number(this.parts.join("")));
        return this.depth === 0;
      case "trueValue":
      case "falseValue":
      case "nullValue":
        this.attach(token.name === "trueValue" ? true : token.name === "falseValue" ? false : null);
        return this.depth === 0;
      default:
        return false;
    }
  }

  private fail(problem: string): void {
    if (this.problem !== null) return;
    this.problem = problem;
    this.stack = [];
    this.keys = [];
    this.parts = [];
  }

  private attach(value: unknown): void {
    if (this.problem !== null) return;
    const parent = this.stack.at(-1);
    if (parent === undefined) this.value = value;
    else if (Array.isArray(parent)) parent.push(value);
    else {
      const key = this.keys.at(-1)!;
      // A member named "__proto__" would set the object's prototype: no field of ours has it.
      if (key !== "__proto__") parent[key] = value;
    }
  }
}

/** Follows the document around the list: the array, or the wrapper's members. */
class Assembler {
  readonly ready: JsonElement[] = [];
  state: "start" | "list" | "wrapper" | "end" = "start";
  position = 0;
  line = 1;
  nextPage: string | null = null;
  private element: ElementBuilder | null = null;
  /** Containers open around the current token, elements aside. */
  private depth = 0;
  /** The depth of the list's elements' parent when inside the list, else 0. */
  private listDepth = 0;
  /** A wrapper member's name, while reading it; and the member whose value comes next. */
  private key: string[] | null = null;
  private member: string | null = null;
  /** The text of a next-page member, while reading it. */
  private capture: string[] | null = null;
  /** Characters of the key or text being read (kept up to maxNextPageLength). */
  private textLength = 0;
  private listSeen = false;
  private markerSeen = false;

  constructor(private readonly shape: JsonShape) {}

  /** The element being read, if any (for a syntax error's message). */
  get current(): number | null {
    return this.element?.position ?? null;
  }

  token(token: Token): void {
    if (this.element) {
      if (this.element.token(token)) this.finish(this.element);
      return;
    }
    if (this.state === "start") {
      if (token.name === "startArray") {
        this.state = "list";
        this.depth = this.listDepth = 1;
      } else if (token.name === "startObject" && this.shape.listKey) {
        this.state = "wrapper";
        this.depth = 1;
      } else {
        throw new ActivityFileError(
          `The file is not what was expected: it holds ${describeStart(token.name)}; expected ${this.shape.expected}.`,
          this.line,
        );
      }
      return;
    }
    if (this.state === "end") return;
    if (this.listDepth > 0 && this.depth === this.listDepth) {
      if (token.name === "endArray") {
        this.listDepth = 0;
        this.depth--;
        if (this.state === "list") this.state = "end";
      } else if (VALUE_STARTS.has(token.name)) {
        const element = new ElementBuilder(++this.position, this.line);
        if (element.token(token)) this.finish(element);
        else this.element = element;
      }
      return;
    }
    this.wrapperToken(token);
  }

  /** A token of the wrapper object, outside its list. */
  private wrapperToken(token: Token): void {
    const { name } = token;
    if (this.depth > 1) {
      // Inside a member's value that is not kept.
      if (name === "startObject" || name === "startArray") this.depth++;
      else if (name === "endObject" || name === "endArray") this.depth--;
      return;
    }
    switch (name) {
      case "startKey":
        this.key = [];
        this.textLength = 0;
        return;
      case "stringChunk": {
        // Both bounded: a wrapper's key or next page of megabytes is kept only in part.
        const text = this.key ?? this.capture;
        if (text && this.textLength <= maxNextPageLength) {
          text.push(token.value as string);
          this.textLength += (token.value as string).length;
        }
        return;
      }
      case "endKey":
        this.member = this.key!.join("").slice(0, 200);
        this.key = null;
        return;
      case "endString":
        if (this.capture) {
          const text = this.capture.join("");
          this.nextPage = text.length <= maxNextPageLength && text.trim() !== "" ? text : null;
          this.capture = null;
        }
        return;
      case "endObject":
        this.depth = 0;
        this.state = "end";
        if (!this.listSeen && !this.markerSeen) {
          throw new ActivityFileError(
            `The file is not what was expected: the object has no "${this.shape.listKey}" list; expected ${this.shape.expected}.`,
            this.line,
          );
        }
        return;
    }
    if (!VALUE_STARTS.has(name)) return;
    const member = this.member;
    this.member = null;
    if (member === this.shape.listKey) {
      if (name !== "startArray") {
        throw new ActivityFileError(
          `The file is not what was expected: "${member}" is not a list; expected ${this.shape.expected}.`,
          this.line,
        );
      }
      this.listSeen = true;
      this.depth = this.listDepth = 2;
      return;
    }
    if (member !== null && this.shape.markerKeys.includes(member)) this.markerSeen = true;
    if (name === "startObject" || name === "startArray") this.depth++;
    else if (
      name === "startString" &&
      member !== null &&
      this.shape.nextPageKeys.includes(member)
    ) {
      this.capture = [];
      this.textLength = 0;
    }
  }

  private finish(element: ElementBuilder): void {
    this.element = null;
    const { position, line } = element;
    this.ready.push(
      element.problem === null
        ? { position, line, value: element.value }
        : { position, line, problem: element.problem },
    );
  }
}

function describeStart(token: string): string {
  switch (token) {
    case "startObject":
      return "an object";
    case "startString":
      return "a single text";
    case "startNumber":
      return "a single number";
    default:
      return "a single value";
  }
}

/** stream-json's "Parser cannot parse input: expected ','" in plain words. */
function describeSyntaxError(error: Error): string {
  return error.message
    .replace(/^Parser cannot parse input: /, "")
    .replace(/^Parser has expected /, "expected ")
    .replace(/'([^']*)'/g, '"$1"');
}

/**
 * Reads the elements of the export's list, in order; answers the next-page token or link at
 * the end. Throws ActivityFileError when the file is not UTF-8, not JSON, or not of the shape.
 */
export async function* readJsonElements(
  source: ImportSource,
  shape: JsonShape,
): AsyncGenerator<JsonElement, { nextPage: string | null }, undefined> {
  const parser = new TokenParser();
  const assembler = new Assembler(shape);
  let line = 1;
  let first = true;
  let empty = true;
  const take = (failure: Error | null) => {
    for (const token of parser.tokens) assembler.token(token);
    parser.tokens.length = 0;
    if (!failure) return;
    if (assembler.state === "start") {
      throw new ActivityFileError(
        `The file is not JSON (line ${line}: ${describeSyntaxError(failure)}); expected ${shape.expected}.`,
        line,
      );
    }
    const position = assembler.current;
    throw new ActivityFileError(
      `The file is not valid JSON: line ${line}${position === null ? "" : ` (record ${position})`}: ${describeSyntaxError(failure)}.`,
      line,
      position,
    );
  };
  try {
    for await (let text of decodeUtf8(source)) {
      if (first && text.length > 0) {
        first = false;
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      }
      if (empty && text.trim() !== "") empty = false;
      let start = 0;
      while (start < text.length) {
        const lineFeed = text.indexOf("\n", start);
        const end = Math.min(lineFeed === -1 ? text.length : lineFeed + 1, start + MAX_PIECE);
        assembler.line = line;
        take(parser.feed(text.slice(start, end)));
        if (text.charCodeAt(end - 1) === 10) line++;
        start = end;
        if (assembler.ready.length > 0) {
          yield* assembler.ready;
          assembler.ready.length = 0;
        }
      }
    }
  } catch (error) {
    if (error instanceof FileProblem)
      throw new ActivityFileError(sentence(error.message), error.line);
    throw error;
  }
  if (empty) throw new ActivityFileError(`The file is empty: expected ${shape.expected}.`, 1);
  assembler.line = line;
  const failure = parser.finish();
  if (failure && assembler.state !== "start") {
    const position = assembler.current;
    throw new ActivityFileError(
      `The file ends before its JSON does (line ${line}${position === null ? "" : `, in record ${position}`}): it looks cut off.`,
      line,
      position,
    );
  }
  take(failure);
  yield* assembler.ready;
  if (assembler.state !== "end") {
    throw new ActivityFileError(
      `The file ends before its JSON does (line ${line}): it looks cut off.`,
      line,
    );
  }
  return { nextPage: assembler.nextPage };
}
