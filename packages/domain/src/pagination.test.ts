import { describe, expect, it } from "vitest";
import { DomainError } from "./errors.ts";
import {
  decodeCursor,
  decodeTimestampCursor,
  decodeUuidCursor,
  encodeCursor,
  toPage,
} from "./pagination.ts";

describe("keyset cursors", () => {
  it("round-trips any key, including unicode and separators", () => {
    for (const key of ["GitHub", "Zoom, Inc.", "Ångström", "a|b", ""]) {
      expect(decodeCursor(encodeCursor({ key, id: "id-1" }))).toEqual({ key, id: "id-1" });
    }
  });

  it.each([
    "",
    "not-base64!",
    Buffer.from("{}").toString("base64url"),
    Buffer.from("[1,2]").toString("base64url"),
  ])("refuses a tampered cursor %j with BAD_REQUEST", (raw) => {
    expect(() => decodeCursor(raw)).toThrowError(DomainError);
    try {
      decodeCursor(raw);
    } catch (error) {
      expect((error as DomainError).code).toBe("BAD_REQUEST");
    }
  });

  it("builds pages from limit + 1 rows", () => {
    const rows = [1, 2, 3].map((n) => ({ id: `id-${n}`, name: `n${n}` }));
    const cursorOf = (r: { id: string; name: string }) => ({ key: r.name, id: r.id });
    const full = toPage(rows, 2, cursorOf);
    expect(full.items).toHaveLength(2);
    expect(decodeCursor(full.nextCursor!)).toEqual({ key: "n2", id: "id-2" });
    const last = toPage(rows, 3, cursorOf);
    expect(last.items).toHaveLength(3);
    expect(last.nextCursor).toBeNull();
  });
});

describe("timestamp cursors", () => {
  const id = "0190f0c4-5b6a-7c3d-8e9f-0a1b2c3d4e5f";

  it("accepts an ISO timestamp key and a UUID id", () => {
    const raw = encodeCursor({ key: "2026-03-01T09:30:00.125Z", id });
    expect(decodeTimestampCursor(raw)).toEqual({ key: "2026-03-01T09:30:00.125Z", id });
  });

  it.each([
    ["a name instead of a time", { key: "GitHub", id }],
    ["a time without milliseconds", { key: "2026-03-01T09:30:00Z", id }],
    ["an impossible date", { key: "2026-13-45T09:30:00.000Z", id }],
    ["SQL in the key", { key: "2026-03-01T09:30:00.000Z'; --", id }],
    ["an id that is not a UUID", { key: "2026-03-01T09:30:00.000Z", id: "1 OR 1=1" }],
  ])("refuses %s with BAD_REQUEST", (_label, cursor) => {
    expect(() => decodeTimestampCursor(encodeCursor(cursor))).toThrowError(
      expect.objectContaining({ code: "BAD_REQUEST" }),
    );
  });
});

describe("UUID cursors", () => {
  const id = "0190f0c4-5b6a-7c3d-8e9f-0a1b2c3d4e5f";

  it("accepts any key with a UUID id", () => {
    for (const key of ["", "ada lovelace", "o'brien; --"]) {
      expect(decodeUuidCursor(encodeCursor({ key, id }))).toEqual({ key, id });
    }
  });

  it("refuses an id that is not a UUID with BAD_REQUEST", () => {
    expect(() => decodeUuidCursor(encodeCursor({ key: "a", id: "1 OR 1=1" }))).toThrowError(
      expect.objectContaining({ code: "BAD_REQUEST" }),
    );
  });
});
