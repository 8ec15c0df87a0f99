import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Account, Database, Prisma } from "@lantern/db";
import {
  createAccount,
  createApp,
  createOrganization,
  createRng,
  createUser,
  seedDemoOrganization,
  userData,
  type Rng,
} from "@lantern/seed";
import { createTestDatabase } from "@lantern/db/testing";
import {
  buildUsersIndex,
  matchAccountOwner,
  normalizeEmail,
  type AccountMappingMode,
} from "@lantern/domain";
import { remapAccounts, remapApp, type RemapResult } from "./remap.ts";

// The rules-vs-SQL agreement test (issue 5): the same generated users and accounts, full of
// the tricky cases, mapped by the pure rules and by the one SQL statement; every account
// must come out the same, in NARROW and in BROAD.

let db: Database;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db?.close();
});

const GIVEN = ["Ana", "Élodie", "José", "Zoë", "Łukasz", "Øyvind", "Sam", "Иван", "Mary Ann"];
const GIVEN_MORE = ["Jean-Luc", "Renée", "İpek", "Ñuño", "Σοφία", "Anne\u00a0Marie", "Bjørn"];
const FAMILY = ["Lima", "Dupré", "Núñez", "Müller", "Straße", "O'Brien", "Lee", "Ковалёв"];
const FAMILY_MORE = ["Σωκράτης", "de la Cruz", "Ångström", "Nguyễn", "Ólafsdóttir"];
const GIVEN_NAMES = [...GIVEN, ...GIVEN_MORE];
const FAMILY_NAMES = [...FAMILY, ...FAMILY_MORE];
const SPACES = [" ", "  ", "\t", "\u00a0", "\u2003", "\u3000", "\n"];

/** The same name as a person or system might type it: case, spacing, composed or not. */
function variant(rng: Rng, value: string): string {
  let out = value;
  const casing = rng.int(0, 3);
  if (casing === 1) out = out.toUpperCase();
  if (casing === 2) out = out.toLowerCase();
  if (rng.chance(0.3)) out = out.normalize("NFD");
  if (rng.chance(0.2)) out = out.replace(/ /g, () => rng.pick(SPACES));
  if (rng.chance(0.2)) out = rng.pick(SPACES) + out;
  if (rng.chance(0.2)) out += rng.pick(SPACES);
  if (rng.chance(0.1)) out = out.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  return out;
}

function emailVariant(rng: Rng, email: string): string {
  let out = email;
  const casing = rng.next();
  if (casing < 0.3) out = out.toUpperCase();
  else if (casing < 0.6) out = out.charAt(0).toUpperCase() + out.slice(1);
  if (rng.chance(0.2)) out = rng.pick(SPACES) + out;
  if (rng.chance(0.2)) out += rng.pick(SPACES);
  return out;
}

async function generate(seed: number, userCount: number, accountCount: number) {
  const rng = createRng(seed);
  const p = db.prisma;
  const org = await createOrganization(p);
  const other = await createOrganization(p);
  const app = await createApp(p, org);

  const users: Prisma.UserCreateManyInput[] = [];
  for (let i = 0; i < userCount; i++) {
    const given = rng.chance(0.03) ? rng.pick(["", "  "]) : variant(rng, rng.pick(GIVEN_NAMES));
    const family = rng.chance(0.03) ? "" : variant(rng, rng.pick(FAMILY_NAMES));
    const email = `${rng.pick(["p", "İ", "Ü", "x"])}${i}.${rng.string(4)}@Corp.example`;
    users.push({
      ...userData(org, { givenName: given, familyName: family, email }),
      emailNormalized: normalizeEmail(email),
      status: rng.pick(["ACTIVE", "ACTIVE", "SUSPENDED", "DEPROVISIONED"] as const),
    });
  }
  await p.user.createMany({ data: users });
  // Another organization with the same emails and names: never matched.
  await p.user.createMany({
    data: users.slice(0, 200).map((u) => ({
      ...userData(other, { givenName: u.givenName, familyName: u.familyName, email: u.email }),
      emailNormalized: u.emailNormalized,
    })),
  });
  const orgUsers = await p.user.findMany({ where: { organizationId: org.id } });

  const accounts: Prisma.AccountCreateManyInput[] = [];
  for (let i = 0; i < accountCount; i++) {
    const emails: string[] = [];
    for (let k = rng.int(0, 3); k > 0; k--) {
      const roll = rng.next();
      if (roll < 0.35) emails.push(emailVariant(rng, rng.pick(orgUsers).email));
      else if (roll < 0.9) emails.push(`nobody${rng.int(0, 99999)}@elsewhere.example`);
      else emails.push(rng.pick(["", "  ", "\t"]));
    }
    const names: Partial<Prisma.AccountCreateManyInput> = {};
    const shape = rng.int(0, 5);
    const given = variant(rng, rng.pick(GIVEN_NAMES));
    const family = variant(rng, rng.pick(FAMILY_NAMES));
    if (shape <= 1) Object.assign(names, { givenName: given, familyName: family });
    else if (shape === 2) {
      const middle = rng.chance(0.5) ? ` ${variant(rng, rng.pick(GIVEN_NAMES))} ` : " ";
      names.displayName = `${given}${middle}${family}`;
    } else if (shape === 3) {
      Object.assign(names, {
        givenName: rng.pick([given, "", " ", null]),
        familyName: rng.pick(["", null, family]),
        displayName: rng.pick([`${given} ${family}`, given, "", null]),
      });
    } else if (shape === 4) names.displayName = rng.pick(["deploy-bot", "svc", "  ", "Backup Job"]);
    const source = rng.pick(["MATCHED", "MATCHED", "MATCHED", "MANUAL", "CLEARED"] as const);
    accounts.push({
      organizationId: org.id,
      appId: app.id,
      externalId: `ext-${seed}-${i}`,
      login: `login${i}`,
      emails,
      ...names,
      type: rng.pick(["USER", "USER", "SERVICE", "SYSTEM"] as const),
      ownerSource: source,
      ownerId: source === "MANUAL" ? rng.pick(orgUsers).id : null,
    });
  }
  await p.account.createMany({ data: accounts });
  return { org, app };
}

/** The app re-mapped batch by batch over id ranges, as the job of a large app does. */
async function remapInBatches(appId: string, limit: number) {
  const total: RemapResult = {
    accounts: 0,
    matched: 0,
    matchedByName: 0,
    ambiguous: 0,
    changed: 0,
  };
  let after: string | null = null;
  let batches = 0;
  for (;;) {
    const batch = await db.prisma.$transaction((tx) => remapAccounts(tx, appId, { after, limit }));
    if (batch.accounts === 0) {
      expect(batch.lastId).toBeNull();
      break;
    }
    batches += 1;
    expect(batch.accounts).toBeLessThanOrEqual(limit);
    expect(batch.lastId! > (after ?? "")).toBe(true);
    for (const key of Object.keys(total) as (keyof RemapResult)[]) total[key] += batch[key];
    after = batch.lastId;
  }
  return { ...total, batches };
}

async function expectAgreement(
  appId: string,
  organizationId: string,
  mode: AccountMappingMode,
  batchSize?: number,
) {
  const p = db.prisma;
  await p.app.update({ where: { id: appId }, data: { accountMappingMode: mode } });
  const before = await p.account.findMany({ where: { appId }, orderBy: { id: "asc" } });
  const result = batchSize ? await remapInBatches(appId, batchSize) : await remapApp(p, appId);
  const after = await p.account.findMany({ where: { appId }, orderBy: { id: "asc" } });
  const index = buildUsersIndex(await p.user.findMany({ where: { organizationId } }));

  const mismatches: string[] = [];
  let matched = 0;
  let matchedByName = 0;
  let ambiguous = 0;
  after.forEach((account, i) => {
    const expected = matchAccountOwner(account, index, mode);
    if (expected.ownerId) matched += 1;
    if (expected.ownerId && expected.rule === "NAME") matchedByName += 1;
    if (expected.ambiguous) ambiguous += 1;
    const got = {
      ownerId: account.matchedOwnerId,
      rule: account.matchRule,
      value: account.matchValue,
      ambiguous: account.matchAmbiguous,
    };
    if (JSON.stringify(got) !== JSON.stringify(expected))
      mismatches.push(
        `${JSON.stringify({ emails: account.emails, g: account.givenName, f: account.familyName, d: account.displayName })}: rules ${JSON.stringify(expected)} sql ${JSON.stringify(got)}`,
      );
    const old = before[i]!;
    const owner = account.ownerSource === "MATCHED" ? expected.ownerId : old.ownerId;
    if (account.ownerId !== owner) mismatches.push(`${account.id}: owner ${account.ownerId}`);
  });
  expect(mismatches.slice(0, 10)).toEqual([]);
  expect(result).toMatchObject({ accounts: after.length, matched, matchedByName, ambiguous });
  return result;
}

describe("re-mapping an app: the SQL agrees with the rules", () => {
  it("on thousands of generated accounts, NARROW then BROAD then NARROW again", async () => {
    const { org, app } = await generate(20261122, 2500, 4000);
    const narrow = await expectAgreement(app.id, org.id, "NARROW");
    const broad = await expectAgreement(app.id, org.id, "BROAD");
    // The data is meant to exercise every branch.
    expect(narrow.matched).toBeGreaterThan(500);
    expect(broad.matched).toBeGreaterThan(narrow.matched);
    expect(broad.ambiguous).toBeGreaterThan(50);
    expect(broad.changed).toBeGreaterThan(0);
    const again = await expectAgreement(app.id, org.id, "NARROW");
    expect(again.changed).toBeGreaterThan(0);
    expect(again.ambiguous).toBe(0);
    expect(await remapApp(db.prisma, app.id)).toMatchObject({ changed: 0 });
  }, 180_000);

  it("batch by batch over id ranges, as a large app's re-map job runs", async () => {
    const { org, app } = await generate(20261123, 1500, 3000);
    // 3,000 accounts in batches of 700: five batches, the last one short.
    const narrow = await expectAgreement(app.id, org.id, "NARROW", 700);
    expect(narrow).toMatchObject({ accounts: 3000, batches: 5 });
    const broad = await expectAgreement(app.id, org.id, "BROAD", 700);
    expect(broad.matchedByName).toBeGreaterThan(20);
    expect(broad.ambiguous).toBeGreaterThan(20);
    // Batches and one statement agree on the same data: nothing left to change.
    expect(await remapApp(db.prisma, app.id)).toMatchObject({ changed: 0, accounts: 3000 });
    // A batch size that divides the accounts exactly ends with an empty batch.
    await db.prisma.app.update({ where: { id: app.id }, data: { accountMappingMode: "NARROW" } });
    expect(await remapInBatches(app.id, 1000)).toMatchObject({ accounts: 3000, batches: 3 });
  }, 180_000);
});

describe("re-mapping keeps what people decided", () => {
  async function scenario() {
    const p = db.prisma;
    const org = await createOrganization(p);
    const ana = await createUser(p, org, {
      givenName: "Ana",
      familyName: "Lima",
      email: "ana@acme.test",
    });
    const bea = await createUser(p, org, {
      givenName: "Bea",
      familyName: "Sousa",
      email: "bea@acme.test",
    });
    const app = await createApp(p, org, { accountMappingMode: "BROAD" });
    const account = (input: Partial<Account>) =>
      createAccount(p, app, { emails: [], ...input } as never);
    return { p, org, ana, bea, app, account };
  }

  it("never overwrites a MANUAL or CLEARED owner, but updates their matchedOwner", async () => {
    const { p, ana, bea, app, account } = await scenario();
    const manual = await account({
      emails: ["ANA@acme.test"],
      ownerSource: "MANUAL",
      ownerId: bea.id,
    });
    const cleared = await account({ emails: ["ana@acme.test"], ownerSource: "CLEARED" });
    const matched = await account({ emails: [" ana@ACME.test"] });
    const result = await remapApp(p, app.id);
    expect(result).toEqual({ accounts: 3, matched: 3, matchedByName: 0, ambiguous: 0, changed: 3 });
    const byId = async (id: string) => p.account.findUniqueOrThrow({ where: { id } });
    expect(await byId(manual.id)).toMatchObject({
      matchedOwnerId: ana.id,
      ownerId: bea.id,
      ownerSource: "MANUAL",
    });
    expect(await byId(cleared.id)).toMatchObject({
      matchedOwnerId: ana.id,
      ownerId: null,
      ownerSource: "CLEARED",
    });
    expect(await byId(matched.id)).toMatchObject({
      matchedOwnerId: ana.id,
      ownerId: ana.id,
      ownerSource: "MATCHED",
      matchRule: "EMAIL",
      matchValue: "ana@acme.test",
    });
    expect(await remapApp(p, app.id)).toMatchObject({ changed: 0 });
  });

  it("follows a renamed user and a removed one", async () => {
    const { p, org, ana, app, account } = await scenario();
    const byName = await account({ givenName: "ANA", familyName: "lima" });
    const twin = await account({ displayName: "Sam Q. Lee" });
    const sam1 = await createUser(p, org, { givenName: "Sam", familyName: "Lee" });
    const sam2 = await createUser(p, org, { givenName: "Sám", familyName: "LEE" });
    expect(await remapApp(p, app.id)).toMatchObject({ matched: 1, ambiguous: 1, changed: 2 });
    expect(await p.account.findUniqueOrThrow({ where: { id: byName.id } })).toMatchObject({
      ownerId: ana.id,
      matchRule: "NAME",
      matchValue: "ana lima",
    });
    expect(await p.account.findUniqueOrThrow({ where: { id: twin.id } })).toMatchObject({
      ownerId: null,
      matchAmbiguous: true,
      matchValue: "sam lee",
    });

    // Ana marries and changes her family name; one of the two Sams leaves.
    await p.user.update({ where: { id: ana.id }, data: { familyName: "Costa" } });
    await p.user.delete({ where: { id: sam2.id } });
    expect(await remapApp(p, app.id)).toMatchObject({ matched: 1, ambiguous: 0, changed: 2 });
    expect(await p.account.findUniqueOrThrow({ where: { id: byName.id } })).toMatchObject({
      ownerId: null,
      matchedOwnerId: null,
      matchRule: null,
      matchValue: null,
    });
    expect(await p.account.findUniqueOrThrow({ where: { id: twin.id } })).toMatchObject({
      ownerId: sam1.id,
      matchAmbiguous: false,
      matchRule: "NAME",
    });
    expect(await remapApp(p, app.id)).toMatchObject({ changed: 0 });
  });
});

describe("the demo organization", () => {
  it("is seeded as a re-map would leave it: re-mapping any of its apps changes nothing", async () => {
    const { organization } = await seedDemoOrganization(db.prisma);
    const apps = await db.prisma.app.findMany({
      where: { organizationId: organization.id, accounts: { some: {} } },
      select: { id: true, name: true, accountMappingMode: true },
    });
    expect(apps.some((a) => a.accountMappingMode === "BROAD")).toBe(true);
    for (const app of apps) {
      const result = await remapApp(db.prisma, app.id);
      expect({ app: app.name, changed: result.changed }).toEqual({ app: app.name, changed: 0 });
    }
  });
});
