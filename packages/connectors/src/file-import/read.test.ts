import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import {
  ImportFileError,
  readImportFile,
  type ImportBatch,
  type ImportSource,
  type ReadImportOptions,
  type TextKind,
} from "./read.ts";
import { IMPORT_LIMITS } from "./limits.ts";
import type { ImportProblem } from "./rows.ts";

async function read(source: ImportSource, options: ReadImportOptions) {
  const batches: ImportBatch[] = [];
  for await (const batch of readImportFile(source, options)) batches.push(batch);
  return batches;
}

async function rowsOf(source: ImportSource, options: ReadImportOptions) {
  return (await read(source, options)).flatMap((b) => b.rows as Record<string, unknown>[]);
}

async function problemsOf(source: ImportSource, options: ReadImportOptions) {
  try {
    await read(source, options);
  } catch (error) {
    if (error instanceof ImportFileError) return error.problems;
    throw error;
  }
  throw new Error("the file was accepted");
}

/**
 * The text rule handed to the reader. Lantern's own (textProblem of @lantern/domain, which this
 * package may not import) is table-tested there and applied through the imports of
 * packages/api; this one answers which kind of text it was asked about, so the tests below see
 * that every value is checked, and how.
 */
const textProblem = (text: string, kind: TextKind) => {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const lineBreakOrTab = code === 9 || code === 10 || code === 13;
    if (code < 0x20 && !(kind === "multi-line" && lineBreakOrTab)) {
      return `holds a control character (${kind})`;
    }
  }
  return null;
};
const csv = (kind: ReadImportOptions["kind"]) => ({ format: "csv" as const, kind, textProblem });
const json = () => ({ format: "json" as const, textProblem });
const examples = join(import.meta.dirname, "..", "..", "examples");

describe("CSV accounts", () => {
  it("reads every column, emails primary first, other columns as profile attributes", async () => {
    const rows = await rowsOf(
      [
        "externalId,login,emails,givenName,familyName,displayName,status,type,lastLoginAt,Department,Region",
        `005A1,dana,"Dana@Acme.com; dana.o@acme.com",Dana,Ortiz,Dana Ortiz,active,user,2026-11-20T08:15:00Z,Sales,"EMEA, North"`,
        "005A2,svc-sync,,,,Sync bot,DISABLED,Service,,,",
      ].join("\n"),
      csv("accounts"),
    );
    expect(rows).toEqual([
      {
        line: 2,
        externalId: "005A1",
        login: "dana",
        emails: ["Dana@Acme.com", "dana.o@acme.com"],
        givenName: "Dana",
        familyName: "Ortiz",
        displayName: "Dana Ortiz",
        status: "ACTIVE",
        type: "USER",
        lastLoginAt: "2026-11-20T08:15:00.000Z",
        profile: { Department: "Sales", Region: "EMEA, North" },
      },
      {
        line: 3,
        externalId: "005A2",
        login: "svc-sync",
        emails: [],
        givenName: null,
        familyName: null,
        displayName: "Sync bot",
        status: "DISABLED",
        type: "SERVICE",
        lastLoginAt: null,
        profile: {},
      },
    ]);
  });

  it("strips a byte-order mark, accepts CRLF, quoted commas and newlines, skips blank lines", async () => {
    const rows = await rowsOf(
      '\uFEFFexternalId,displayName,Address\r\n1,"Ortiz, Dana",\r\n\r\n2,Two,"two\r\nlines"\r\n3,plain,',
      csv("accounts"),
    );
    // Line breaks are text of a multi-line value (a profile attribute): a name is one line.
    expect(rows.map((r) => [r.line, r.externalId, r.displayName, r.profile])).toEqual([
      [2, "1", "Ortiz, Dana", {}],
      [4, "2", "Two", { Address: "two\nlines" }],
      [6, "3", "plain", {}],
    ]);
  });

  it("accepts a stream of byte chunks split anywhere and hands out batches", async () => {
    const text = ["externalId,login", ...Array.from({ length: 25 }, (_, i) => `a${i},l${i}`)].join(
      "\n",
    );
    const bytes = new TextEncoder().encode(text);
    const chunks = Array.from({ length: Math.ceil(bytes.length / 7) }, (_, i) =>
      bytes.subarray(i * 7, i * 7 + 7),
    );
    const batches = await read(Readable.from(chunks), { ...csv("accounts"), batchSize: 10 });
    expect(batches.map((b) => b.rows.length)).toEqual([10, 10, 5]);
    expect(batches[2]!.rows.at(-1)).toMatchObject({ line: 26, externalId: "a24", login: "l24" });
  });

  it("a header alone is an empty import", async () => {
    expect(await rowsOf("externalId,login\n", csv("accounts"))).toEqual([]);
  });

  it("reads the example file of the repository", async () => {
    const rows = await rowsOf(
      readFileSync(join(examples, "salesforce-accounts.csv")),
      csv("accounts"),
    );
    expect(rows.length).toBeGreaterThan(3);
    expect(rows[0]).toMatchObject({ line: 2 });
  });
});

describe("CSV problems refuse the file with line and reason", () => {
  const cases: [string, string, ReadImportOptions["kind"], ImportProblem[]][] = [
    ["an empty file", "", "accounts", [{ line: 1, message: expect.stringMatching(/empty/) }]],
    ["only a BOM", "\uFEFF", "accounts", [{ line: 1, message: expect.stringMatching(/empty/) }]],
    [
      "a missing required column",
      "login,emails\nx,y@z.com",
      "accounts",
      [{ line: 1, message: "the header lacks the required column externalId" }],
    ],
    [
      "an unknown column of entitlements",
      "slug,displayName,colour\nadmin,Admin,red",
      "entitlements",
      [{ line: 1, message: expect.stringContaining('unknown column "colour"') }],
    ],
    [
      "a column twice",
      "externalId,login,Login\n1,a,b",
      "accounts",
      [{ line: 1, message: "the column login appears twice in the header" }],
    ],
    [
      "a blank required cell",
      "externalId,login\n1,a\n ,b",
      "accounts",
      [{ line: 3, message: "externalId is required" }],
    ],
    [
      "a wrong number of fields",
      "externalId,login\n1,a,extra",
      "accounts",
      [{ line: 2, message: "has 3 fields but the header has 2 columns" }],
    ],
    [
      "a bad enum value",
      "externalId,status,type\n1,gone,robot",
      "accounts",
      [
        {
          line: 2,
          message:
            "status must be one of ACTIVE, DISABLED, DELETED; type must be one of USER, SERVICE, SYSTEM",
        },
      ],
    ],
    [
      "a bad date",
      "externalId,lastLoginAt\n1,yesterday",
      "accounts",
      [{ line: 2, message: expect.stringContaining('"yesterday" is not an ISO 8601 date') }],
    ],
    [
      "a date the database cannot hold (issue 13)",
      "accountExternalId,entitlementSlug,expiresAt\nA,admin,0001-01-01T01:00:00+02:00",
      "grants",
      [
        {
          line: 2,
          message:
            'expiresAt "0001-01-01T01:00:00+02:00" is out of range: dates run from 0001-01-01 to 9999-12-31 (UTC)',
        },
      ],
    ],
    [
      "a bad email",
      "externalId,emails\n1,ok@acme.com;not-an-email",
      "accounts",
      [{ line: 2, message: 'emails "not-an-email" is not an email address' }],
    ],
    [
      "a duplicate external id",
      "externalId\nA\nB\nA",
      "accounts",
      [{ line: 4, message: 'duplicate account: externalId "A" is already on line 2' }],
    ],
    [
      "a duplicate grant",
      "accountExternalId,entitlementSlug\nA,admin\nA,admin",
      "grants",
      [
        {
          line: 3,
          message:
            'duplicate grant: accountExternalId "A", entitlementSlug "admin" is already on line 2',
        },
      ],
    ],
    [
      "a user email twice in different case",
      "email,givenName,familyName\ndana@acme.com,Dana,Ortiz\nDANA@acme.com ,Dana,Ortiz",
      "users",
      [{ line: 3, message: expect.stringContaining("already on line 2") }],
    ],
    [
      "an unclosed quote, on the line where it opened",
      'externalId,login\n1,"open\n2,b',
      "accounts",
      [
        {
          line: 2,
          message: "the file is not valid CSV: a quote opened on this line is never closed",
        },
      ],
    ],
  ];
  it.each(cases)("%s", async (_, text, kind, expected) => {
    expect(await problemsOf(text, csv(kind))).toEqual(expected);
  });

  it("lists every bad line up to the cap, and hands out no batch after the first", async () => {
    const lines = ["externalId,lastLoginAt", "ok,2026-01-01"];
    for (let i = 0; i < 80; i++) lines.push(`x${i},never`);
    const batches: ImportBatch[] = [];
    let error: unknown;
    try {
      for await (const b of readImportFile(lines.join("\n"), {
        ...csv("accounts"),
        batchSize: 1,
      })) {
        batches.push(b);
      }
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ImportFileError);
    const refused = error as ImportFileError;
    expect(refused.problems).toHaveLength(50);
    expect(refused.truncated).toBe(true);
    expect(refused.problems[0]!.line).toBe(3);
    expect(refused.problems[49]!.line).toBe(52);
    expect(refused.message).toMatch(/^The file was refused: 50\+ problems, nothing was imported/);
    // The good first row was handed out before the problem was seen; the caller's
    // transaction rolls it back.
    expect(batches.flatMap((b) => b.rows.map((r) => r.line))).toEqual([2]);
  });
});

describe("CSV of the other kinds", () => {
  it("entitlements take slug (or externalId), grants take dates", async () => {
    expect(
      await rowsOf("externalId,displayName\nadmin,System Administrator", csv("entitlements")),
    ).toEqual([{ line: 2, slug: "admin", displayName: "System Administrator", description: null }]);
    expect(
      await rowsOf(
        "accountExternalId,entitlementSlug,grantedAt,expiresAt\n005A1,admin,2026-01-02,",
        csv("grants"),
      ),
    ).toEqual([
      {
        line: 2,
        accountExternalId: "005A1",
        entitlementSlug: "admin",
        grantedAt: "2026-01-02T00:00:00.000Z",
        expiresAt: null,
      },
    ]);
  });

  it("users carry their manager's email and a status", async () => {
    expect(
      await rowsOf(
        "email,givenName,familyName,title,department,managerEmail,status\n" +
          "dana@acme.com,Dana,Ortiz,AE,Sales,lee@acme.com,suspended",
        csv("users"),
      ),
    ).toEqual([
      {
        line: 2,
        email: "dana@acme.com",
        givenName: "Dana",
        familyName: "Ortiz",
        displayName: null,
        title: "AE",
        department: "Sales",
        managerEmail: "lee@acme.com",
        status: "SUSPENDED",
      },
    ]);
  });
});

describe("JSON", () => {
  const json = { format: "json" as const, textProblem };

  it("reads a document of several kinds, with the line each element starts on", async () => {
    const text = `{
  "entitlements": [
    { "slug": "admin", "displayName": "Admin" }
  ],
  "accounts": [
    { "externalId": "1", "emails": ["a@acme.com"], "profile": { "region": "EMEA", "seats": 2 } },
    {
      "externalId": "2",
      "login": "b"
    }
  ],
  "grants": [{ "accountExternalId": "1", "entitlementSlug": "admin" }]
}`;
    const batches = await read(text, json);
    expect(batches.map((b) => [b.kind, b.rows.map((r) => r.line)])).toEqual([
      ["entitlements", [3]],
      ["accounts", [6, 7]],
      ["grants", [12]],
    ]);
    expect(batches[1]!.rows[0]).toMatchObject({ profile: { region: "EMEA", seats: 2 } });
  });

  it("accepts a bare array when the kind is named", async () => {
    expect(
      await rowsOf('[{"slug":"a"},{"slug":"b"}]', { ...json, kind: "entitlements" }),
    ).toMatchObject([{ slug: "a" }, { slug: "b" }]);
  });

  it("reads the example file of the repository", async () => {
    const batches = await read(readFileSync(join(examples, "salesforce.json")), json);
    expect(batches.map((b) => b.kind)).toEqual(["entitlements", "accounts", "grants"]);
  });

  const cases: [string, string, ReadImportOptions["kind"], ImportProblem[]][] = [
    ["an empty file", "  ", undefined, [{ line: 1, message: expect.stringMatching(/empty/) }]],
    [
      "invalid JSON",
      '{\n  "accounts": [\n    { "externalId": "1" },,\n  ]\n}',
      undefined,
      [{ line: 3, message: 'the file is not valid JSON: unexpected ","' }],
    ],
    [
      "an unknown key",
      '{ "accounts": [], "people": [] }',
      undefined,
      [{ line: 1, message: expect.stringContaining('unknown key "people"') }],
    ],
    [
      "another kind than the one named",
      '{ "accounts": [], "grants": [] }',
      "accounts",
      [{ line: 1, message: "this import takes accounts only, and the document also holds grants" }],
    ],
    [
      "a bare array without a kind",
      "[]",
      undefined,
      [{ line: 1, message: expect.stringContaining("name the kind") }],
    ],
    [
      "a section that is not an array",
      '{ "accounts": { "externalId": "1" } }',
      undefined,
      [{ line: 1, message: '"accounts" must be an array' }],
    ],
    [
      "an element that is not an object",
      '{ "accounts": [\n  "1",\n  { "externalId": "2" }\n] }',
      undefined,
      [{ line: 2, message: "each account must be an object" }],
    ],
    [
      "an unknown field and a wrong type",
      '{ "accounts": [\n { "externalId": "1", "colour": "red" },\n { "externalId": 2 }\n] }',
      undefined,
      [
        { line: 2, message: expect.stringContaining('"colour"') },
        { line: 3, message: "externalId must be text" },
      ],
    ],
    [
      "nested profile attributes",
      '{ "accounts": [{ "externalId": "1", "profile": { "a": { "b": 1 } } }] }',
      undefined,
      [{ line: 1, message: expect.stringContaining("profile.a") }],
    ],
  ];
  it("locates the unclosed string and the early end", async () => {
    expect(await problemsOf('{\n"accounts": [\n{"externalId": "1\n}]}', json)).toEqual([
      { line: 3, message: expect.stringContaining("inside a string") },
    ]);
    expect(await problemsOf('{\n"accounts": [\n', json)).toEqual([
      { line: 3, message: "the file is not valid JSON: the file ends too early" },
    ]);
  });

  it.each(cases)("refuses %s", async (_, text, kind, expected) => {
    expect(await problemsOf(text, { ...json, kind })).toEqual(expected);
  });
});

describe("text that is not UTF-8 is refused with its line (issue 13)", () => {
  const latin1 = (text: string) => Buffer.from(text, "latin1");
  const people = "email,givenName,familyName\n";
  const notUtf8 = (line: number) => ({
    line,
    message: `the file is not UTF-8 (line ${line}): save it as UTF-8 (in Excel: "CSV UTF-8") and send it again`,
  });

  it("a Latin-1 file (José García) is refused, not stored as Jos\uFFFD", async () => {
    const file = latin1(`${people}dana@acme.com,Dana,Ortiz\njose@acme.com,José,García\n`);
    expect(await problemsOf(file, csv("users"))).toEqual([notUtf8(3)]);
    const accounts = latin1("externalId,displayName\n1,Dana\n2,José García");
    expect(await problemsOf(accounts, csv("accounts"))).toEqual([notUtf8(3)]);
    expect(await problemsOf(latin1('{\n"users": [\n{"email": "é"}]}'), json())).toEqual([
      notUtf8(3),
    ]);
  });

  it("finds the line wherever the chunks of a stream split, across characters too", async () => {
    // "é" (2 bytes) and "€" (3 bytes) of real UTF-8 on lines 2–3, a Latin-1 byte on line 5.
    const bytes = Buffer.concat([
      Buffer.from(`${people}ana@acme.com,Renée,Müller\nbo@acme.com,Bo,€uro\nx@acme.com,X,Y\n`),
      latin1("z@acme.com,Zoë,Z\n"),
    ]);
    for (const size of [1, 2, 3, 5, 7, 64]) {
      const chunks = Array.from({ length: Math.ceil(bytes.length / size) }, (_, i) =>
        bytes.subarray(i * size, i * size + size),
      );
      expect(await problemsOf(Readable.from(chunks), csv("users"))).toEqual([notUtf8(5)]);
    }
  });

  it("a file that ends inside a character is refused on its last line", async () => {
    const bytes = Buffer.concat([
      Buffer.from(`${people}a@acme.com,A,`),
      Buffer.from("€").subarray(0, 2),
    ]);
    expect(await problemsOf(Readable.from([bytes]), csv("users"))).toEqual([notUtf8(2)]);
  });

  it("a UTF-16 file is named as such, with or without its byte-order mark", async () => {
    const utf16 = {
      line: 1,
      message:
        'the file is UTF-16 (it starts with a UTF-16 byte-order mark), not UTF-8: save it as UTF-8 (in Excel: "CSV UTF-8") and send it again',
    };
    const text = `${people}dana@acme.com,Dana,Ortiz\n`;
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
    const be = Buffer.from(le).swap16();
    expect(await problemsOf(le, csv("users"))).toEqual([utf16]);
    expect(await problemsOf(be, csv("users"))).toEqual([utf16]);
    expect(await problemsOf(le, json())).toEqual([utf16]);
    // The mark split from the rest of the stream is still seen.
    expect(
      await problemsOf(Readable.from([le.subarray(0, 1), le.subarray(1)]), csv("users")),
    ).toEqual([utf16]);
    expect(await problemsOf(Buffer.from(text, "utf16le"), csv("users"))).toEqual([
      {
        line: 1,
        message:
          'the file is not UTF-8 (line 1): it holds NUL bytes, as UTF-16 text does; save it as UTF-8 (in Excel: "CSV UTF-8") and send it again',
      },
    ]);
  });

  it("a UTF-8 byte-order mark is skipped, in bytes too", async () => {
    const bytes = Buffer.from(`\uFEFF${people}renee@acme.com,Renée,Müller\n`);
    expect(await rowsOf(bytes, csv("users"))).toMatchObject([{ line: 2, givenName: "Renée" }]);
  });
});

describe("CSV structure (issue 13)", () => {
  const quoteNeverClosed = (line: number) => ({
    line,
    message: "the file is not valid CSV: a quote opened on this line is never closed",
  });

  it("reports the line where an unclosed quote opened", async () => {
    const cases: [string, number][] = [
      ['externalId,login\n1,a\n2,"open\n3,c', 3],
      ['externalId,login\n1,a\n"2,open\n3,c\n4,d', 3],
      // Quoted line breaks before it, in earlier records and earlier in its own.
      ['externalId,Address,login\n1,"two\nlines",a\n2,"x\ny\nz","open\n3,c,d\n', 6],
      ['externalId,login\n\n\n1,"open', 4],
    ];
    for (const [text, line] of cases) {
      expect(await problemsOf(text, csv("accounts"))).toEqual([quoteNeverClosed(line)]);
      const bytes = Buffer.from(text);
      const chunks = Array.from({ length: bytes.length }, (_, i) => bytes.subarray(i, i + 1));
      expect(await problemsOf(Readable.from(chunks), csv("accounts"))).toEqual([
        quoteNeverClosed(line),
      ]);
    }
  });

  it("refuses a record over 1 MB on the line it starts, however the file goes on", async () => {
    const long = "x".repeat(IMPORT_LIMITS.maxCsvRecordBytes + 1);
    const tooLong = (line: number) => ({
      line,
      message:
        "the record that starts on this line is longer than 1 MB, the limit of a record: a quote opened here and never closed, or a value far too long",
    });
    expect(await problemsOf(`externalId,login\n1,a\n2,${long}\n3,c`, csv("accounts"))).toEqual([
      tooLong(3),
    ]);
    const rest = Array.from({ length: 100_000 }, (_, i) => `${i},login-${i}`).join("\n");
    expect(await problemsOf(`externalId,login\n1,a\n2,"open\n${rest}`, csv("accounts"))).toEqual([
      tooLong(3),
    ]);
  });
});

describe("every value goes through the text rule, with its line and field (issue 13)", () => {
  it("CSV: names, logins and emails are single-line; descriptions and profile values multi-line", async () => {
    expect(
      await problemsOf("email,givenName,familyName\na@acme.com,A\u0000na,B\n", csv("users")),
    ).toEqual([{ line: 2, message: "givenName holds a control character (single-line)" }]);
    expect(
      await problemsOf(
        'externalId,login,emails,Notes\n1,"two\nlines",a@acme.com,\n2,b,"b@acme.com;\u0007b@x.com",\n3,c,,"ok\tand\nmore"',
        csv("accounts"),
      ),
    ).toEqual([
      { line: 2, message: "login holds a control character (single-line)" },
      { line: 4, message: "emails holds a control character (single-line)" },
    ]);
    expect(
      await rowsOf('slug,description\nadmin,"Tabs\tand\nlines are fine"', csv("entitlements")),
    ).toMatchObject([{ description: "Tabs\tand\nlines are fine" }]);
    expect(await problemsOf("externalId,Notes\n1,\u0000\n", csv("accounts"))).toEqual([
      { line: 2, message: "profile.Notes holds a control character (multi-line)" },
    ]);
  });

  it("CSV: the header's cells too", async () => {
    expect(await problemsOf("externalId,Re\u0000gion\n1,a", csv("accounts"))).toEqual([
      { line: 1, message: "column 2 of the header holds a control character (single-line)" },
    ]);
  });

  it("JSON: every string of a row, profile names and list items included", async () => {
    const text = JSON.stringify({
      accounts: [
        { externalId: "1", displayName: "Nul\u0000" },
        { externalId: "2", emails: ["ok@acme.com", "b\u001b@acme.com"] },
        { externalId: "3", profile: { "Re\u0001gion": "EMEA" } },
        { externalId: "4", profile: { Tags: ["a", "b\u0000"] } },
      ],
    }).replaceAll("},{", "},\n{");
    expect(await problemsOf(text, json())).toEqual([
      { line: 1, message: "displayName holds a control character (single-line)" },
      { line: 2, message: "emails holds a control character (single-line)" },
      {
        line: 3,
        message: "the name of profile attribute 1 holds a control character (single-line)",
      },
      { line: 4, message: "profile.Tags holds a control character (multi-line)" },
    ]);
  });
});

describe("profile attributes are bounded (issue 13)", () => {
  const { maxProfileAttributes, maxProfileKeyLength, maxProfileValueLength, maxProfileListItems } =
    IMPORT_LIMITS;

  it("CSV: a 1 MB value in an extra column is refused, not stored", async () => {
    const big = "x".repeat(1024 * 1023);
    expect(await problemsOf(`externalId,Notes\n1,short\n2,${big}`, csv("accounts"))).toEqual([
      {
        line: 3,
        message: `profile.Notes is ${big.length} characters long; a profile value holds at most ${maxProfileValueLength}`,
      },
    ]);
    const fits = "y".repeat(maxProfileValueLength);
    expect(await rowsOf(`externalId,Notes\n1,${fits}`, csv("accounts"))).toMatchObject([
      { profile: { Notes: fits } },
    ]);
  });

  it("CSV: too many extra columns, a name too long, a column twice", async () => {
    const extras = Array.from({ length: maxProfileAttributes + 1 }, (_, i) => `c${i}`);
    expect(await problemsOf(`externalId,${extras.join(",")}\n1`, csv("accounts"))).toEqual([
      {
        line: 1,
        message: `the header has ${maxProfileAttributes + 1} columns that are not account fields; each becomes a profile attribute, and an account holds at most ${maxProfileAttributes}`,
      },
    ]);
    const name = "N".repeat(maxProfileKeyLength + 1);
    expect(await problemsOf(`externalId,${name}\n1,a`, csv("accounts"))).toEqual([
      {
        line: 1,
        message: `the column "${"N".repeat(40)}…" has a name of ${maxProfileKeyLength + 1} characters; a profile attribute's name holds at most ${maxProfileKeyLength}`,
      },
    ]);
    expect(await problemsOf("externalId,Region,Region\n1,a,b", csv("accounts"))).toEqual([
      { line: 1, message: 'the column "Region" appears twice in the header' },
    ]);
  });

  it("JSON: count, name length, value length, list length and kind of value", async () => {
    const many = Object.fromEntries(
      Array.from({ length: maxProfileAttributes + 1 }, (_, i) => [`k${i}`, i]),
    );
    const rows = [
      { externalId: "1", profile: many },
      { externalId: "2", profile: { ["K".repeat(maxProfileKeyLength + 1)]: 1 } },
      { externalId: "3", profile: { Notes: "v".repeat(maxProfileValueLength + 1) } },
      {
        externalId: "4",
        profile: { Tags: Array.from({ length: maxProfileListItems + 1 }, () => 1) },
      },
      { externalId: "5", profile: { Tags: ["ok", "v".repeat(maxProfileValueLength + 1)] } },
      { externalId: "6", profile: { Nested: [["a"]] } },
      { externalId: "7", profile: { "": 1 } },
      { externalId: "8", profile: ["a"] },
    ];
    const text = `{ "accounts": [\n${rows.map((r) => JSON.stringify(r)).join(",\n")}\n] }`;
    expect(await problemsOf(text, json())).toEqual([
      {
        line: 2,
        message: `profile has ${maxProfileAttributes + 1} attributes; an account holds at most ${maxProfileAttributes}`,
      },
      {
        line: 3,
        message: `profile has an attribute name of ${maxProfileKeyLength + 1} characters; names hold at most ${maxProfileKeyLength}`,
      },
      {
        line: 4,
        message: `profile.Notes is ${maxProfileValueLength + 1} characters long; a profile value holds at most ${maxProfileValueLength}`,
      },
      {
        line: 5,
        message: `profile.Tags lists ${maxProfileListItems + 1} values; a list holds at most ${maxProfileListItems}`,
      },
      {
        line: 6,
        message: `profile.Tags has a value that is ${maxProfileValueLength + 1} characters long; a profile value holds at most ${maxProfileValueLength}`,
      },
      {
        line: 7,
        message: "profile.Nested must be text, a number, true/false, null or a list of them",
      },
      { line: 8, message: "profile has an attribute without a name" },
      { line: 9, message: "profile must be an object of attributes" },
    ]);
  });
});

describe("hostile JSON structure is refused, not a crash (issue 13)", () => {
  const deep = (line: number) => ({
    line,
    message: `the document is nested deeper than ${IMPORT_LIMITS.maxJsonDepth} levels of arrays and objects; an import document needs 5 at most`,
  });

  it("20,000 levels of nesting, closed or not, in any place", async () => {
    const n = 20_000;
    for (const text of [
      `{"users":${"[".repeat(n)}${"]".repeat(n)}}`,
      `{"users":\n${"[".repeat(n)}`,
      `${"[".repeat(n)}`,
      `{"users":[{"email":"a@b.c","title":\n${'{"a":'.repeat(n)}1${"}".repeat(n)}}]}`,
    ]) {
      const problems = await problemsOf(text, { ...json(), kind: "users" });
      expect(problems).toEqual([deep(text.includes("\n") ? 2 : 1)]);
    }
    // Brackets inside strings are text, not nesting.
    expect(
      await rowsOf(`[{"slug":"${"[".repeat(150)}"}]`, { ...json(), kind: "entitlements" }),
    ).toHaveLength(1);
  });

  // 65 MB go through the reader: a slower, busier machine than this test's author's needs more
  // than vitest's default 5 s.
  it(
    "a document larger than the JSON limit is refused as it streams in",
    { timeout: 60_000 },
    async () => {
      const chunk = Buffer.alloc(1024 * 1024, 0x20);
      const chunks = Array.from(
        { length: IMPORT_LIMITS.maxJsonBytes / chunk.length + 1 },
        () => chunk,
      );
      expect(await problemsOf(Readable.from(chunks), json())).toEqual([
        {
          line: 1,
          message:
            "the file is larger than 64 MB, the limit of a JSON import; send the rows as CSV files, which have no limit",
        },
      ]);
    },
  );
});
