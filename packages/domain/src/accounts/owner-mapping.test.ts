import { describe, expect, it } from "vitest";
import {
  accountPersonName,
  buildUsersIndex,
  lowerCase,
  matchAccountOwner,
  normalizeEmail,
  normalizeName,
  type MappableAccount,
  type MappableUser,
  type OwnerMatch,
} from "./owner-mapping.ts";

describe("normalisation", () => {
  it.each([
    ["  Ana.Lima@Example.COM ", "ana.lima@example.com"],
    ["\tana@example.com\n", "ana@example.com"],
    ["\u00a0ana@example.com\u3000", "ana@example.com"],
    ["ANA@EXAMPLE.COM", "ana@example.com"],
    ["   ", ""],
    ["Ünal@Example.com", "ünal@example.com"],
    ["İpek@example.com", "ipek@example.com"],
  ])("email %j → %j", (raw, expected) => {
    expect(normalizeEmail(raw)).toBe(expected);
  });

  it.each([
    ["Élodie", "elodie"],
    ["  José  María ", "jose maria"],
    ["NÚÑEZ", "nunez"],
    ["o'brien", "o'brien"],
    ["Ångström", "angstrom"],
    ["Łukasz", "łukasz"], // Ł has no decomposition: lower-cased, not stripped
    ["Øyvind", "øyvind"],
    ["STRAẞE", "straße"],
    ["ΟΔΥΣΣΕΥΣ", "οδυσσευσ"], // per code point: no final-sigma rule
    ["Иван", "иван"],
    ["Anne\u2003\tMarie", "anne marie"],
    ["E\u0301lodie", "elodie"], // already decomposed
    ["", ""],
    ["   ", ""],
    [null, ""],
    [undefined, ""],
  ])("name %j → %j", (raw, expected) => {
    expect(normalizeName(raw)).toBe(expected);
  });

  it("lower-cases one code point at a time", () => {
    expect(lowerCase("ABC")).toBe("abc");
    expect(lowerCase("ÀÉÎ")).toBe("àéî");
    expect(lowerCase("İ")).toBe("i");
  });
});

describe("the name an account is matched by", () => {
  it.each([
    ["given and family", { givenName: " Ana ", familyName: "LIMA" }, "ana|lima"],
    [
      "given and family win over displayName",
      { givenName: "Ana", familyName: "Lima", displayName: "Someone Else" },
      "ana|lima",
    ],
    ["displayName: first and last word", { displayName: "Ana Maria de Lima" }, "ana|lima"],
    ["displayName with odd spacing", { displayName: "  Ana \t Lima  " }, "ana|lima"],
    [
      "only a given name: falls back to displayName",
      { givenName: "Ana", familyName: " ", displayName: "Ana Lima" },
      "ana|lima",
    ],
    ["a one-word displayName is no name", { displayName: "deploy-bot" }, null],
    ["nothing at all", {}, null],
    ["blank names", { givenName: " ", familyName: "", displayName: "  " }, null],
  ] as const)("%s", (_label, account, expected) => {
    const name = accountPersonName(account);
    expect(name ? `${name.given}|${name.family}` : null).toBe(expected);
  });
});

const users: (MappableUser & { status: string })[] = [
  {
    id: "ana",
    email: "Ana.Lima@example.com",
    givenName: "Ana",
    familyName: "Lima",
    status: "ACTIVE",
  },
  {
    id: "ana-work",
    email: "ana@work.example",
    givenName: "Ana",
    familyName: "Costa",
    status: "ACTIVE",
  },
  {
    id: "elodie",
    email: "elodie@example.com",
    givenName: "Élodie",
    familyName: "Dupré",
    status: "ACTIVE",
  },
  {
    id: "gone",
    email: "gone@example.com",
    givenName: "Gone",
    familyName: "Away",
    status: "DEPROVISIONED",
  },
  {
    id: "paused",
    email: "paused@example.com",
    givenName: "Pau",
    familyName: "Sed",
    status: "SUSPENDED",
  },
  // Two people with the same name.
  {
    id: "sam-1",
    email: "sam.lee@example.com",
    givenName: "Sam",
    familyName: "Lee",
    status: "ACTIVE",
  },
  {
    id: "sam-2",
    email: "samuel.lee@example.com",
    givenName: "SAM",
    familyName: " lee ",
    status: "ACTIVE",
  },
  // Nameless users never match by name.
  { id: "blank", email: "blank@example.com", givenName: "", familyName: "Blank", status: "ACTIVE" },
];
const index = buildUsersIndex(users);

const email = (ownerId: string, value: string): OwnerMatch => ({
  ownerId,
  rule: "EMAIL",
  value,
  ambiguous: false,
});
const name = (ownerId: string, value: string): OwnerMatch => ({
  ownerId,
  rule: "NAME",
  value,
  ambiguous: false,
});
const ambiguous = (value: string): OwnerMatch => ({
  ownerId: null,
  rule: "NAME",
  value,
  ambiguous: true,
});
const none: OwnerMatch = { ownerId: null, rule: null, value: null, ambiguous: false };

describe("matchAccountOwner (SPEC §4.2)", () => {
  const cases: [string, MappableAccount, OwnerMatch, OwnerMatch][] = [
    // label, account, NARROW, BROAD
    [
      "email in another case and with whitespace",
      { emails: ["  ANA.LIMA@Example.com "] },
      email("ana", "ana.lima@example.com"),
      email("ana", "ana.lima@example.com"),
    ],
    [
      "a secondary email matches when the primary does not",
      { emails: ["ana.personal@gmail.example", "ana@work.example"] },
      email("ana-work", "ana@work.example"),
      email("ana-work", "ana@work.example"),
    ],
    [
      "the primary email decides when both match different users",
      { emails: ["ana@work.example", "ana.lima@example.com"] },
      email("ana-work", "ana@work.example"),
      email("ana-work", "ana@work.example"),
    ],
    [
      "email wins over the name in BROAD",
      { emails: ["ana@work.example"], givenName: "Élodie", familyName: "Dupré" },
      email("ana-work", "ana@work.example"),
      email("ana-work", "ana@work.example"),
    ],
    [
      "a deprovisioned user still matches",
      { emails: ["gone@example.com"] },
      email("gone", "gone@example.com"),
      email("gone", "gone@example.com"),
    ],
    [
      "a suspended user still matches, by name too",
      { emails: [], givenName: "pau", familyName: "SED" },
      none,
      name("paused", "pau sed"),
    ],
    [
      "accented and differently cased name",
      { emails: ["e.dupre@old.example"], givenName: "ELODIE", familyName: "dupre" },
      none,
      name("elodie", "elodie dupre"),
    ],
    [
      "displayName with a middle name",
      { emails: [], displayName: "Élodie Marie  Dupré" },
      none,
      name("elodie", "elodie dupre"),
    ],
    [
      "two people with the same name: ambiguous, no owner",
      { emails: ["s.lee@contractor.example"], givenName: "Sam", familyName: "Lee" },
      none,
      ambiguous("sam lee"),
    ],
    [
      "the same name, but an email settles it",
      { emails: ["samuel.lee@example.com"], givenName: "Sam", familyName: "Lee" },
      email("sam-2", "samuel.lee@example.com"),
      email("sam-2", "samuel.lee@example.com"),
    ],
    [
      "a service account with no person's email or name",
      { emails: ["ci@build.example"], displayName: "deploy-bot" },
      none,
      none,
    ],
    [
      "a service account carrying a person's email is theirs",
      { emails: ["Ana.Lima@example.com"], displayName: "Reporting Service" },
      email("ana", "ana.lima@example.com"),
      email("ana", "ana.lima@example.com"),
    ],
    ["no emails and no names", { emails: [] }, none, none],
    ["blank emails are skipped", { emails: ["  ", ""] }, none, none],
    [
      "a user with no given name is never matched by name",
      { emails: [], displayName: "X Blank" },
      none,
      none,
    ],
    [
      "only a given name on the account: displayName decides",
      { emails: [], givenName: "Ana", familyName: null, displayName: "Ana Lima" },
      none,
      name("ana", "ana lima"),
    ],
    [
      "given and family are not swapped",
      { emails: [], givenName: "Lima", familyName: "Ana" },
      none,
      none,
    ],
  ];

  it.each(cases)("%s", (_label, account, narrow, broad) => {
    expect(matchAccountOwner(account, index, "NARROW")).toEqual(narrow);
    expect(matchAccountOwner(account, index, "BROAD")).toEqual(broad);
  });

  it("a name split differently between given and family is another name", () => {
    const idx = buildUsersIndex([
      { id: "u1", email: "u1@x.example", givenName: "Mary Ann", familyName: "Smith" },
    ]);
    expect(
      matchAccountOwner({ emails: [], givenName: "Mary", familyName: "Ann Smith" }, idx, "BROAD"),
    ).toEqual(none);
    expect(
      matchAccountOwner({ emails: [], givenName: "mary  ann", familyName: "SMITH" }, idx, "BROAD"),
    ).toEqual(name("u1", "mary ann smith"));
  });
});
