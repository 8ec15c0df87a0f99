import { describe, expect, it } from "vitest";
import { DomainError } from "./errors.ts";
import { decodeCursor, encodeCursor, toPage } from "./pagination.ts";

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
