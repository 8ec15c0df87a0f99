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
} from "./read.ts";
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

const csv = (kind: ReadImportOptions["kind"]) => ({ format: "csv" as const, kind });
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
      '\uFEFFexternalId,displayName\r\n1,"Ortiz, Dana"\r\n\r\n2,"two\r\nlines"\r\n3,plain',
      csv("accounts"),
    );
    expect(rows.map((r) => [r.line, r.externalId, r.displayName])).toEqual([
      [2, "1", "Ortiz, Dana"],
      [4, "2", "two\nlines"],
      [6, "3", "plain"],
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
      "an unclosed quote",
      'externalId,login\n1,"open\n2,b',
      "accounts",
      [{ line: 3, message: expect.stringContaining("not valid CSV") }],
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
  const json = { format: "json" as const };

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
