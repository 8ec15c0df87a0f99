import fc from "fast-check";

// Hostile values, as an attacker or a careless client sends them: broken text, huge text,
// numbers JSON cannot hold, wrong types, deep nesting. The generators of arbitraries.ts mix
// them into otherwise valid inputs.

/** One megabyte of text (one instance, shared: generating it once keeps runs fast). */
export const MEGABYTE = "x".repeat(1 << 20);

/** Nested `depth` levels deep: [[[…]]] or {"a":{"a":…}}. */
export function nested(depth: number, kind: "array" | "object"): unknown {
  let value: unknown = "deep";
  for (let level = 0; level < depth; level++) value = kind === "array" ? [value] : { a: value };
  return value;
}

const DEEP_ARRAY = nested(20_000, "array");
const DEEP_OBJECT = nested(20_000, "object");

/** Text no field may accept: NUL, half a surrogate pair, control characters. */
export const BROKEN_TEXT: readonly string[] = [
  "\u0000",
  "a\u0000b",
  "\u0000".repeat(64),
  "\ud800",
  "\udfff",
  "x\udc00y",
  "\ud83d",
  "\u0007",
  "\u001b[31mred",
  "\u007f",
  "\b\f\v",
];

/** Text no field should accept, and text that is valid but hostile to queries. */
export const HOSTILE_STRINGS: readonly string[] = [
  ...BROKEN_TEXT,
  "\t",
  "tab\tinside",
  "\n",
  "line\nbreak",
  "\r\n",
  " ",
  "   \t  ",
  "",
  MEGABYTE,
  `${MEGABYTE}\u0000`,
  '\'; DROP TABLE "User"; --',
  'Robert\'); DELETE FROM "Grant"; --',
  "%",
  "_",
  "\\",
  "%_%\\%",
  "$1",
  "::uuid",
  "${jndi:ldap://x}",
  "<script>alert(1)</script>",
  "\ufeff",
  "\u202eevil",
  "e\u0301\u0301\u0301",
  "🙂".repeat(300),
  "𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
  "null",
  "undefined",
  "__proto__",
  "constructor",
  "NaN",
  "-1",
  "1e309",
  "0000-01-01",
  "9999-12-31",
  "2026-02-30",
  "+275760-09-13",
  "00000000-0000-0000-0000-000000000000",
  "ffffffff-ffff-ffff-ffff-ffffffffffff",
  "12345678-1234-1234-1234-123456789abc",
  "0190f0c4-5b6a-7c3d-8e9f-0a1b2c3d4e5f' OR '1'='1",
  "javascript:alert(1)",
  "https://evil.example/\u0000",
  "http://[::1",
  "a@b",
  "@",
  "x".repeat(201),
  "x".repeat(10_001),
];

/** Numbers JSON or PostgreSQL cannot hold, and the edges of every range. */
export const HOSTILE_NUMBERS: readonly number[] = [
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  -0,
  0,
  -1,
  0.5,
  1.000001,
  2 ** 31,
  -(2 ** 31) - 1,
  2 ** 53 + 2,
  Number.MAX_SAFE_INTEGER,
  Number.MAX_VALUE,
  Number.MIN_VALUE,
  1e21,
];

/** Values of the wrong type for any field, including absurd shapes. */
export function wrongType(): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.constantFrom<unknown>(
      null,
      undefined,
      true,
      false,
      0,
      "",
      [],
      {},
      [null],
      { toString: "x" },
      new Date(Number.NaN),
      DEEP_ARRAY,
      DEEP_OBJECT,
      MEGABYTE,
      Number.NaN,
      BigInt(2) ** BigInt(70),
    ),
    fc.anything({ maxDepth: 2, maxKeys: 4 }),
  );
}

/** Broken text, alone or inside otherwise ordinary text; NUL (PostgreSQL's nemesis) most often. */
export function brokenText(): fc.Arbitrary<string> {
  const nul = BROKEN_TEXT.filter((text) => text.includes("\u0000"));
  const others = BROKEN_TEXT.filter((text) => !text.includes("\u0000"));
  const bad = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...nul) },
    { weight: 2, arbitrary: fc.constantFrom(...others) },
  );
  return fc.oneof(
    bad,
    fc
      .tuple(fc.string({ maxLength: 8 }), bad, fc.string({ maxLength: 8 }))
      .map(([before, text, after]) => `${before}${text}${after}`),
  );
}

/** Any hostile value at all: broken text, bad numbers, wrong types. */
export function hostileValue(): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.constantFrom<unknown>(...HOSTILE_STRINGS),
    fc.constantFrom<unknown>(...HOSTILE_NUMBERS),
    fc.string({ unit: "binary", maxLength: 40 }),
    wrongType(),
  );
}
