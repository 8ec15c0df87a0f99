import { describe, expect, it } from "vitest";
import { DomainError } from "./errors.ts";
import {
  CURSOR_KEY_KINDS,
  CURSOR_MAX_LENGTH,
  decodeCursor,
  encodeCursor,
  INVALID_CURSOR_MESSAGE,
  toPage,
  type CursorKeyKind,
} from "./pagination.ts";

const id = "0190f0c4-5b6a-7c3d-8e9f-0a1b2c3d4e5f";
const otherId = "7d1c2a3b-0000-4000-8000-00000000abcd";
const b64 = (text: string) => Buffer.from(text, "utf8").toString("base64url");

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/** The same bytes spelled differently: the last character's unused low bit set. */
function withStrayBits(raw: string): string {
  const last = ALPHABET.indexOf(raw.at(-1)!);
  return `${raw.slice(0, -1)}${ALPHABET[last | 1]}`;
}

function refusal(raw: string, kind: CursorKeyKind): DomainError | null {
  try {
    decodeCursor(raw, kind);
    return null;
  } catch (error) {
    return error as DomainError;
  }
}

describe("decodeCursor: what each kind of key accepts", () => {
  it.each<[CursorKeyKind, string, string]>([
    ["text", "GitHub", id],
    ["text", "Zoom, Inc.", id],
    ["text", "Ångström 🚀", id],
    ["text", "a|b", id],
    ["text", "o'brien; --", id],
    ["text", "", id],
    ["text", "tab\tand\nnewline", id],
    ["timestamp", "2026-03-01T09:30:00.125Z", id],
    ["timestamp", "9999-12-31T00:00:00.000Z", id],
    ["timestamp", "0001-01-01T00:00:00.000Z", id],
    ["optional-timestamp", "2026-03-01T09:30:00.125Z", id],
    ["optional-timestamp", "", id],
    ["uuid", otherId, id],
    ["id", id, id],
    ["integer", "0", id],
    ["integer", "42", id],
    ["integer", "-7", id],
    ["integer", "9007199254740991", id],
  ])("%s key %j round-trips", (kind, key, rowId) => {
    expect(decodeCursor(encodeCursor({ key, id: rowId }), kind)).toEqual({ key, id: rowId });
  });
});

describe("decodeCursor: what every kind refuses, with the one BAD_REQUEST", () => {
  const tampered: Array<[string, string]> = [
    ["an empty cursor", ""],
    ["not base64url", "not-base64!"],
    ["padding", `${encodeCursor({ key: "a", id })}=`],
    ["a non-canonical spelling (stray bits)", withStrayBits(encodeCursor({ key: "a", id }))],
    ["JSON that is not an array", b64("{}")],
    ["numbers", b64("[1,2]")],
    ["one string", b64('["a"]')],
    ["three strings", b64(`["a","${id}","c"]`)],
    ['["a","b"] (the issue\'s apps.list / users.list cursor)', b64('["a","b"]')],
    ["not JSON", b64("a,b")],
    ["bytes that are not UTF-8", Buffer.from([0x5b, 0x22, 0xff, 0x22]).toString("base64url")],
    ["an id that is not a UUID", encodeCursor({ key: "a", id: "1 OR 1=1" })],
    ["an id holding a NUL", encodeCursor({ key: "a", id: `${id}\u0000` })],
    ["longer than the limit", "A".repeat(CURSOR_MAX_LENGTH + 4)],
  ];

  for (const kind of CURSOR_KEY_KINDS) {
    it.each(tampered)(`${kind}: refuses %s`, (_label, raw) => {
      const error = refusal(raw, kind);
      expect(error).toBeInstanceOf(DomainError);
      expect(error).toMatchObject({ code: "BAD_REQUEST", message: INVALID_CURSOR_MESSAGE });
    });
  }

  it.each<[string, CursorKeyKind, string]>([
    ["a NUL in a text key (accounts.list)", "text", "a\u0000b"],
    ["a lone high surrogate in a text key", "text", "\ud800"],
    ["a lone low surrogate in a text key", "text", "x\udc00"],
    ["a control character in a text key", "text", "a\u0007"],
    ["DEL in a text key", "text", "\u007f"],
    ["a name instead of a time", "timestamp", "GitHub"],
    ["a time without milliseconds", "timestamp", "2026-03-01T09:30:00Z"],
    ["an impossible date", "timestamp", "2026-13-45T09:30:00.000Z"],
    ["February 30", "timestamp", "2026-02-30T09:30:00.000Z"],
    ["the year 0", "timestamp", "0000-01-01T00:00:00.000Z"],
    ["SQL after a time", "timestamp", "2026-03-01T09:30:00.000Z'; --"],
    ["an empty timestamp", "timestamp", ""],
    ["a name instead of an optional time", "optional-timestamp", "GitHub"],
    ["a NUL instead of an optional time", "optional-timestamp", "\u0000"],
    ["a name instead of a UUID", "uuid", "GitHub"],
    ["an empty UUID", "uuid", ""],
    ["a key that is not the id", "id", otherId],
    ["a time instead of the id", "id", "2026-01-01T00:00:00.000Z"],
    ["a fraction", "integer", "1.5"],
    ["a leading zero", "integer", "007"],
    ["minus zero", "integer", "-0"],
    ["beyond safe integers", "integer", "9007199254740993"],
    ["an exponent", "integer", "1e3"],
    ["an empty number", "integer", ""],
  ])("refuses %s", (_label, kind, key) => {
    const error = refusal(encodeCursor({ key, id }), kind);
    expect(error).toMatchObject({ code: "BAD_REQUEST", message: INVALID_CURSOR_MESSAGE });
  });

  it("refuses a JSON-escaped NUL or lone surrogate as well as a raw one", () => {
    expect(refusal(b64(`["a\\u0000","${id}"]`), "text")).toMatchObject({ code: "BAD_REQUEST" });
    expect(refusal(b64(`["\\ud800","${id}"]`), "text")).toMatchObject({ code: "BAD_REQUEST" });
  });
});

it("the stray-bits spelling decodes to the same bytes (so only the canonical check refuses it)", () => {
  const raw = encodeCursor({ key: "a", id });
  expect(withStrayBits(raw)).not.toBe(raw);
  expect(Buffer.from(withStrayBits(raw), "base64url")).toEqual(Buffer.from(raw, "base64url"));
});

describe("toPage", () => {
  it("builds pages from limit + 1 rows, with a cursor the codec reads back", () => {
    const rows = [1, 2, 3].map((n) => ({ id: `${id.slice(0, -1)}${n}`, name: `n${n}` }));
    const cursorOf = (r: { id: string; name: string }) => ({ key: r.name, id: r.id });
    const full = toPage(rows, 2, cursorOf);
    expect(full.items).toHaveLength(2);
    expect(decodeCursor(full.nextCursor!, "text")).toEqual({ key: "n2", id: rows[1]!.id });
    const last = toPage(rows, 3, cursorOf);
    expect(last.items).toHaveLength(3);
    expect(last.nextCursor).toBeNull();
  });
});
