import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@lantern/db";
import {
  createAccount,
  createAccounts,
  createApp,
  createOrganization,
  createUser,
  type AccountInput,
} from "@lantern/seed";
import { createTestDatabase } from "@lantern/db/testing";
import { encodeCursor } from "@lantern/domain";
import type { TListAccountsInput } from "../schemas/accounts.ts";
import { remapApp } from "../services/accounts/remap.ts";
import { callerFor as callerForUser } from "../testing.ts";

// The Accounts tab (SPEC §4.1) and the owner and type actions (§4.3, §4.4), through the API.

let db: Database;
const callerFor = (userId: string) => callerForUser(db.prisma, userId);

const ids = {} as Record<
  | "org"
  | "admin"
  | "owner"
  | "member"
  | "ada"
  | "sam"
  | "dana"
  | "otherAdmin"
  | "otherPerson"
  | "app"
  | "ownerlessApp"
  | "otherApp"
  | "otherAccount"
  | "adaAccount"
  | "samAccount"
  | "ambiguous"
  | "deleted"
  | "disabled"
  | "service"
  | "loginOnly"
  | "givenFamily"
  | "percent",
  string
>;

/** Accounts made for paging: a mix of names, cases, ties and usage data. */
const PAGED = 23;

type Row = { id: string; name: string; lastLoginAt: Date | null };

beforeAll(async () => {
  db = await createTestDatabase();
  const p = db.prisma;
  const org = await createOrganization(p, { name: "Acme", slug: "acme-accounts" });
  const other = await createOrganization(p, { name: "Globex", slug: "globex-accounts" });
  const admin = await createUser(p, org, {
    givenName: "Ada",
    familyName: "Admin",
    email: "admin@acme.test",
    role: "SUPER_ADMIN",
  });
  const owner = await createUser(p, org, {
    givenName: "Olga",
    familyName: "Owner",
    email: "olga@acme.test",
  });
  const member = await createUser(p, org, {
    givenName: "Max",
    familyName: "Member",
    email: "max@acme.test",
  });
  const ada = await createUser(p, org, {
    givenName: "Ada",
    familyName: "Lovelace",
    email: "ada@acme.test",
  });
  const sam = await createUser(p, org, {
    givenName: "Sam",
    familyName: "Suspended",
    email: "sam@acme.test",
    status: "SUSPENDED",
  });
  const dana = await createUser(p, org, {
    givenName: "Dana",
    familyName: "Departed",
    email: "dana@acme.test",
    status: "DEPROVISIONED",
  });
  const otherAdmin = await createUser(p, other, {
    givenName: "Otto",
    familyName: "Outsider",
    email: "otto@globex.test",
    role: "SUPER_ADMIN",
  });
  const otherPerson = await createUser(p, other, {
    givenName: "Gina",
    familyName: "Globex",
    email: "gina@globex.test",
  });
  const app = await createApp(p, org, { name: "GitHub", owners: [owner] });
  const ownerlessApp = await createApp(p, org, { name: "Ownerless" });
  const otherApp = await createApp(p, other, { name: "Globex CRM", owners: [otherAdmin] });
  const otherAccount = await createAccount(p, otherApp, { owner: otherPerson });

  const base = new Date("2026-06-01T12:00:00.000Z").getTime();
  const paged: AccountInput[] = Array.from({ length: PAGED }, (_, i) => ({
    externalId: `paged-${String(i).padStart(2, "0")}`,
    // Three "twin" names (ties broken by id), mixed case, and a few without a display name.
    displayName: i < 3 ? "Twin" : i % 5 === 0 ? null : `${i % 2 ? "p" : "P"}erson ${i}`,
    givenName: i % 5 === 0 ? `given${i}` : null,
    familyName: i % 5 === 0 ? `family${i}` : null,
    login: `user${String(100 - i)}`,
    emails: [`paged${i}@acme.test`],
    // Every third has no usage data; others share dates in pairs (ties broken by id).
    lastLoginAt: i % 3 === 0 ? null : new Date(base - Math.floor(i / 2) * 86_400_000),
  }));
  await createAccounts(p, app, paged);

  const adaAccount = await createAccount(p, app, {
    externalId: "ada-1",
    owner: ada,
    login: "alovelace",
    emails: ["ada.lovelace@personal.test", "ADA@acme.test"],
    lastLoginAt: new Date(base),
  });
  const samAccount = await createAccount(p, app, { externalId: "sam-1", owner: sam });
  await createAccount(p, app, { externalId: "dana-1", owner: dana });
  const ambiguous = await createAccount(p, app, {
    externalId: "ambiguous-1",
    displayName: "Chris Common",
    login: "ccommon",
    matchAmbiguous: true,
    matchRule: "NAME",
    matchValue: "chris common",
  });
  const deleted = await createAccount(p, app, {
    externalId: "deleted-1",
    displayName: "Gone Person",
    status: "DELETED",
    deletedAt: new Date(base),
  });
  const disabled = await createAccount(p, app, {
    externalId: "disabled-1",
    displayName: "Dormant Person",
    status: "DISABLED",
  });
  const service = await createAccount(p, app, {
    externalId: "svc-deploy",
    displayName: "Deploy bot",
    login: "deploy-bot",
    type: "SERVICE",
  });
  const loginOnly = await createAccount(p, app, { externalId: "login-only", login: "zz-login" });
  const givenFamily = await createAccount(p, app, {
    externalId: "gf-1",
    givenName: "Grace",
    familyName: "Hopper",
    login: "ghopper",
  });
  const percent = await createAccount(p, app, {
    externalId: "pct-1",
    displayName: "100% Discount",
    login: "discount",
  });

  Object.assign(ids, {
    org: org.id,
    admin: admin.id,
    owner: owner.id,
    member: member.id,
    ada: ada.id,
    sam: sam.id,
    dana: dana.id,
    otherAdmin: otherAdmin.id,
    otherPerson: otherPerson.id,
    app: app.id,
    ownerlessApp: ownerlessApp.id,
    otherApp: otherApp.id,
    otherAccount: otherAccount.id,
    adaAccount: adaAccount.id,
    samAccount: samAccount.id,
    ambiguous: ambiguous.id,
    deleted: deleted.id,
    disabled: disabled.id,
    service: service.id,
    loginOnly: loginOnly.id,
    givenFamily: givenFamily.id,
    percent: percent.id,
  });
});

afterAll(async () => {
  await db?.close();
});

type ListInput = Omit<TListAccountsInput, "appId" | "sort" | "limit"> &
  Partial<Pick<TListAccountsInput, "sort" | "limit">>;

async function list(userId: string, input: ListInput = {}) {
  return (await callerFor(userId)).accounts.list({ appId: ids.app, ...input });
}

/** Every page of a list, in order. */
async function allPages(userId: string, input: ListInput) {
  const pages = [];
  let cursor: string | undefined;
  do {
    const page = await list(userId, { ...input, cursor });
    pages.push(page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor && pages.length < 100);
  return pages;
}

const idsOf = (rows: { id: string }[]) => rows.map((r) => r.id);

/** The order each sort promises, computed here from the rows themselves. */
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const EXPECTED: Record<
  TListAccountsInput["sort"],
  (
    a: Row & { login: string | null; externalId: string },
    b: Row & { login: string | null; externalId: string },
  ) => number
> = {
  name: (a, b) => cmp(a.name.toLowerCase(), b.name.toLowerCase()) || cmp(a.id, b.id),
  login: (a, b) =>
    cmp((a.login ?? a.externalId).toLowerCase(), (b.login ?? b.externalId).toLowerCase()) ||
    cmp(a.id, b.id),
  last_login_newest: (a, b) =>
    Number(a.lastLoginAt === null) - Number(b.lastLoginAt === null) ||
    (b.lastLoginAt?.getTime() ?? 0) - (a.lastLoginAt?.getTime() ?? 0) ||
    cmp(b.id, a.id),
  last_login_oldest: (a, b) =>
    Number(a.lastLoginAt === null) - Number(b.lastLoginAt === null) ||
    (a.lastLoginAt?.getTime() ?? 0) - (b.lastLoginAt?.getTime() ?? 0) ||
    cmp(a.id, b.id),
};

describe("accounts.list: who may see an app's accounts", () => {
  it("lets super admins and the app's owners see every account", async () => {
    for (const who of [ids.admin, ids.owner]) {
      const page = await list(who, { limit: 100 });
      expect(page.items.length).toBeGreaterThan(PAGED);
    }
  });

  it("refuses other members with FORBIDDEN naming who can", async () => {
    await expect(list(ids.member)).rejects.toMatchObject({
      code: "FORBIDDEN",
      message:
        "Only super admins and the owners of GitHub (Olga Owner) can see the accounts of GitHub.",
    });
  });

  it("says so when an app has no owner", async () => {
    await expect(
      (await callerFor(ids.member)).accounts.list({ appId: ids.ownerlessApp }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: "Only super admins (Ownerless has no owner) can see the accounts of Ownerless.",
    });
  });

  it("never shows another organization's app (NOT_FOUND), even to its super admin", async () => {
    await expect(list(ids.otherAdmin)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      (await callerFor(ids.admin)).accounts.list({ appId: ids.otherApp }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("validates its input", async () => {
    await expect(
      (await callerFor(ids.admin)).accounts.list({ appId: "not-a-uuid" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});

describe("accounts.list: rows", () => {
  it("shows the account, its owner, how the owner was set and the evidence", async () => {
    const rows = (await list(ids.admin, { limit: 100 })).items;
    const ada = rows.find((r) => r.id === ids.adaAccount)!;
    expect(ada).toMatchObject({
      externalId: "ada-1",
      name: "Ada Lovelace",
      login: "alovelace",
      email: "ada.lovelace@personal.test",
      status: "ACTIVE",
      type: "USER",
      typeSource: "INGESTED",
      owner: { id: ids.ada, displayName: "Ada Lovelace", email: "ada@acme.test", status: "ACTIVE" },
      ownerSource: "MATCHED",
      ownerState: "MATCHED",
      evidence: {
        matchRule: "EMAIL",
        matchValue: "ada@acme.test",
        matchAmbiguous: false,
        matchedOwner: null,
      },
    });
    expect(ada.lastLoginAt).toEqual(new Date("2026-06-01T12:00:00.000Z"));

    const sam = rows.find((r) => r.id === ids.samAccount)!;
    expect(sam.owner).toMatchObject({ id: ids.sam, status: "SUSPENDED" });

    const ambiguous = rows.find((r) => r.id === ids.ambiguous)!;
    expect(ambiguous).toMatchObject({
      owner: null,
      ownerState: "AMBIGUOUS",
      evidence: { matchRule: "NAME", matchValue: "chris common", matchAmbiguous: true },
    });

    expect(rows.find((r) => r.id === ids.givenFamily)!.name).toBe("Grace Hopper");
    expect(rows.find((r) => r.id === ids.loginOnly)!).toMatchObject({
      name: "zz-login",
      displayName: null,
      email: null,
      owner: null,
      ownerState: "NONE",
      lastLoginAt: null,
    });
  });
});

describe("accounts.list: filters", () => {
  it("leaves deleted accounts out unless asked for them", async () => {
    const every = idsOf((await list(ids.admin, { limit: 100 })).items);
    expect(every).not.toContain(ids.deleted);
    expect(every).toContain(ids.disabled);
    expect(idsOf((await list(ids.admin, { status: "DELETED" })).items)).toEqual([ids.deleted]);
    expect(idsOf((await list(ids.admin, { status: "DISABLED" })).items)).toEqual([ids.disabled]);
    const active = (await list(ids.admin, { status: "ACTIVE", limit: 100 })).items;
    expect(active.every((r) => r.status === "ACTIVE")).toBe(true);
    expect(active).toHaveLength(every.length - 1);
  });

  it("filters by type", async () => {
    expect(idsOf((await list(ids.admin, { type: "SERVICE" })).items)).toEqual([ids.service]);
    expect((await list(ids.admin, { type: "SYSTEM" })).items).toEqual([]);
  });

  it("filters by owner: set, unset, ambiguous, inactive", async () => {
    const set = (await list(ids.admin, { owner: "set", limit: 100 })).items;
    expect(set.map((r) => r.owner?.displayName).sort()).toEqual([
      "Ada Lovelace",
      "Dana Departed",
      "Sam Suspended",
    ]);
    const unset = (await list(ids.admin, { owner: "unset", limit: 100 })).items;
    expect(unset.every((r) => r.owner === null)).toBe(true);
    expect(unset.length + set.length).toBe((await list(ids.admin, { limit: 100 })).items.length);
    expect(idsOf((await list(ids.admin, { owner: "ambiguous" })).items)).toEqual([ids.ambiguous]);
    const inactive = (await list(ids.admin, { owner: "inactive" })).items;
    expect(inactive.map((r) => r.owner?.status).sort()).toEqual(["DEPROVISIONED", "SUSPENDED"]);
  });

  it("combines filters", async () => {
    expect((await list(ids.admin, { owner: "inactive", type: "SERVICE" })).items).toEqual([]);
    expect(
      idsOf((await list(ids.admin, { owner: "unset", type: "SERVICE", search: "deploy" })).items),
    ).toEqual([ids.service]);
  });

  it.each([
    ["login", "ALOVE", "adaAccount"],
    ["the primary email", "personal.test", "adaAccount"],
    ["a secondary email", "ada@ACME", "adaAccount"],
    ["the display name", "deploy B", "service"],
    ["the given name", "grace", "givenFamily"],
    ["the family name", "HOPPER", "givenFamily"],
    ["the external id", "svc-dep", "service"],
    ["a literal %", "100%", "percent"],
  ] as const)("searches %s, case-insensitively", async (_label, search, expected) => {
    expect(idsOf((await list(ids.admin, { search })).items)).toEqual([ids[expected]]);
  });

  it("treats LIKE wildcards literally", async () => {
    expect((await list(ids.admin, { search: "_" })).items).toEqual([]);
    expect((await list(ids.admin, { search: "%%" })).items).toEqual([]);
  });

  it("finds nothing, without error, for text nobody has", async () => {
    expect(await list(ids.admin, { search: "no such account" })).toEqual({
      items: [],
      nextCursor: null,
    });
  });
});

describe("accounts.count: how many accounts the filters match", () => {
  const count = async (input: ListInput = {}, who = ids.admin) =>
    (await (await callerFor(who)).accounts.count({ appId: ids.app, ...input })).count;
  const listed = async (input: ListInput) =>
    (await list(ids.admin, { ...input, limit: 100 })).items.length;

  it.each([
    ["no filter", {}],
    ["a type", { type: "SERVICE" }],
    ["a type nobody has", { type: "SYSTEM" }],
    ["a status", { status: "DELETED" }],
    ["an owner filter", { owner: "ambiguous" }],
    ["a search", { search: "ada@ACME" }],
    ["filters together", { owner: "unset", type: "SERVICE", search: "deploy" }],
  ] as const)("counts the rows the list shows for %s", async (_label, input) => {
    expect(await count(input)).toBe(await listed(input));
  });

  it("is for those who may see the accounts: FORBIDDEN for other members", async () => {
    expect(await count({}, ids.owner)).toBe(await listed({}));
    await expect(count({}, ids.member)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("accounts.list: sorts and keyset pages", () => {
  it.each(["name", "login", "last_login_newest", "last_login_oldest"] as const)(
    "sort %s: pages of 4 follow the sort, with no duplicates or gaps",
    async (sort) => {
      const everything = (await list(ids.admin, { sort, limit: 100 })).items;
      const expected = [...everything].sort(EXPECTED[sort]);
      expect(idsOf(everything)).toEqual(idsOf(expected));

      const pages = await allPages(ids.admin, { sort, limit: 4 });
      expect(pages.slice(0, -1).every((p) => p.length === 4)).toBe(true);
      const paged = pages.flat();
      expect(idsOf(paged)).toEqual(idsOf(expected));
      expect(new Set(idsOf(paged)).size).toBe(paged.length);
    },
  );

  it("puts accounts without usage data last, both ways", async () => {
    for (const sort of ["last_login_newest", "last_login_oldest"] as const) {
      const rows = (await list(ids.admin, { sort, limit: 100 })).items;
      const firstNull = rows.findIndex((r) => r.lastLoginAt === null);
      expect(firstNull).toBeGreaterThan(0);
      expect(rows.slice(firstNull).every((r) => r.lastLoginAt === null)).toBe(true);
    }
  });

  it("pages a filtered list, and a page boundary inside the accounts without usage data", async () => {
    const filtered = await allPages(ids.admin, {
      sort: "last_login_newest",
      limit: 2,
      search: "paged",
    });
    const rows = filtered.flat();
    expect(rows).toHaveLength(PAGED);
    expect(new Set(idsOf(rows)).size).toBe(PAGED);
    expect(rows.map((r) => r.lastLoginAt === null)).toEqual(
      [...rows].sort(EXPECTED.last_login_newest).map((r) => r.lastLoginAt === null),
    );
  });

  it("ends with nextCursor null on the last page", async () => {
    const page = await list(ids.admin, { status: "DELETED" });
    expect(page.nextCursor).toBeNull();
  });

  it.each([
    ["garbage", "not-a-cursor", "name"],
    ["an id that is not a UUID", encodeCursor({ key: "a", id: "1 OR 1=1" }), "name"],
    [
      "a name where a time belongs",
      encodeCursor({ key: "Ada", id: "0190f0c4-5b6a-7c3d-8e9f-0a1b2c3d4e5f" }),
      "last_login_newest",
    ],
  ] as const)("refuses a tampered cursor (%s) with BAD_REQUEST", async (_label, cursor, sort) => {
    await expect(list(ids.admin, { cursor, sort })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "This page link is no longer valid. Go back to the first page.",
    });
  });
});

async function events(accountId: string) {
  return db.prisma.event.findMany({
    where: { targetType: "Account", targetId: accountId },
    orderBy: { at: "asc" },
  });
}

async function account(accountId: string) {
  return db.prisma.account.findUniqueOrThrow({ where: { id: accountId } });
}

describe("owner actions (SPEC §4.3)", () => {
  it("set → MANUAL; again changes nothing; reset → MATCHED; clear → CLEARED; each with its event", async () => {
    const owner = await callerFor(ids.owner);

    const set = await owner.accounts.setOwner({ accountId: ids.adaAccount, userId: ids.member });
    expect(set).toEqual({
      changed: true,
      account: {
        id: ids.adaAccount,
        owner: { id: ids.member, displayName: "Max Member" },
        ownerSource: "MANUAL",
        type: "USER",
        typeSource: "INGESTED",
      },
    });
    const afterSet = await account(ids.adaAccount);
    expect(afterSet).toMatchObject({
      ownerId: ids.member,
      ownerSource: "MANUAL",
      matchedOwnerId: ids.ada,
      ownerSetById: ids.owner,
    });
    expect(afterSet.ownerSetAt).toBeInstanceOf(Date);

    // The list shows the manual owner and, as evidence, whom mapping matched.
    const row = (await list(ids.owner, { search: "alovelace" })).items[0]!;
    expect(row).toMatchObject({
      ownerState: "MANUAL",
      owner: { id: ids.member },
      evidence: { matchRule: "EMAIL", matchedOwner: { id: ids.ada, displayName: "Ada Lovelace" } },
    });

    const again = await owner.accounts.setOwner({ accountId: ids.adaAccount, userId: ids.member });
    expect(again.changed).toBe(false);

    // Re-mapping never overwrites a MANUAL owner.
    await remapApp(db.prisma, ids.app);
    expect(await account(ids.adaAccount)).toMatchObject({
      ownerId: ids.member,
      ownerSource: "MANUAL",
    });

    const reset = await owner.accounts.resetOwner({ accountId: ids.adaAccount });
    expect(reset).toMatchObject({
      changed: true,
      account: { owner: { id: ids.ada }, ownerSource: "MATCHED" },
    });
    expect(await account(ids.adaAccount)).toMatchObject({
      ownerId: ids.ada,
      ownerSource: "MATCHED",
      ownerSetById: null,
      ownerSetAt: null,
    });
    expect((await owner.accounts.resetOwner({ accountId: ids.adaAccount })).changed).toBe(false);

    const clear = await owner.accounts.clearOwner({ accountId: ids.adaAccount });
    expect(clear).toMatchObject({
      changed: true,
      account: { owner: null, ownerSource: "CLEARED" },
    });
    expect((await owner.accounts.clearOwner({ accountId: ids.adaAccount })).changed).toBe(false);
    const cleared = (await list(ids.owner, { search: "alovelace" })).items[0]!;
    expect(cleared).toMatchObject({
      owner: null,
      ownerState: "CLEARED",
      evidence: { matchedOwner: { id: ids.ada } },
    });

    // Re-mapping leaves a CLEARED owner alone too.
    await remapApp(db.prisma, ids.app);
    expect(await account(ids.adaAccount)).toMatchObject({ ownerId: null, ownerSource: "CLEARED" });

    const recorded = await events(ids.adaAccount);
    expect(recorded.map((e) => [e.action, e.actorId, e.before, e.after])).toEqual([
      [
        "account.owner_set",
        ids.owner,
        { ownerId: ids.ada, ownerName: "Ada Lovelace", ownerSource: "MATCHED" },
        { ownerId: ids.member, ownerName: "Max Member", ownerSource: "MANUAL" },
      ],
      [
        "account.owner_reset",
        ids.owner,
        { ownerId: ids.member, ownerName: "Max Member", ownerSource: "MANUAL" },
        { ownerId: ids.ada, ownerName: "Ada Lovelace", ownerSource: "MATCHED" },
      ],
      [
        "account.owner_cleared",
        ids.owner,
        { ownerId: ids.ada, ownerName: "Ada Lovelace", ownerSource: "MATCHED" },
        { ownerId: null, ownerName: null, ownerSource: "CLEARED" },
      ],
    ]);
    expect(recorded.every((e) => e.organizationId === ids.org)).toBe(true);

    // Back as it was, for the other tests.
    await owner.accounts.resetOwner({ accountId: ids.adaAccount });
  });

  it("pins the matched person by hand: setting the matched owner makes it MANUAL", async () => {
    const admin = await callerFor(ids.admin);
    const result = await admin.accounts.setOwner({ accountId: ids.adaAccount, userId: ids.ada });
    expect(result).toMatchObject({ changed: true, account: { ownerSource: "MANUAL" } });
    await admin.accounts.resetOwner({ accountId: ids.adaAccount });
  });

  it("resolves an ambiguous account by hand", async () => {
    // As BROAD mapping leaves it (the NARROW re-maps above cleared the flag).
    await db.prisma.account.update({
      where: { id: ids.ambiguous },
      data: { matchAmbiguous: true, matchRule: "NAME", matchValue: "chris common" },
    });
    const admin = await callerFor(ids.admin);
    await admin.accounts.setOwner({ accountId: ids.ambiguous, userId: ids.ada });
    expect((await list(ids.admin, { owner: "ambiguous" })).items).toEqual([]);
    await admin.accounts.resetOwner({ accountId: ids.ambiguous });
    expect(idsOf((await list(ids.admin, { owner: "ambiguous" })).items)).toEqual([ids.ambiguous]);
  });

  it("applies two changes at once one after the other: each event starts where the other ended", async () => {
    const [a, b] = [await callerFor(ids.owner), await callerFor(ids.admin)];
    const before = (await events(ids.samAccount)).length;
    await Promise.all([
      a.accounts.setOwner({ accountId: ids.samAccount, userId: ids.member }),
      b.accounts.clearOwner({ accountId: ids.samAccount }),
    ]);
    const pair = (await events(ids.samAccount)).slice(before);
    expect(pair).toHaveLength(2);
    // Whichever went first (the same millisecond is possible), the other starts from its end.
    const [first, second] =
      JSON.stringify(pair[1]!.before) === JSON.stringify(pair[0]!.after)
        ? [pair[0]!, pair[1]!]
        : [pair[1]!, pair[0]!];
    expect(second.before).toEqual(first.after);
    const final = await account(ids.samAccount);
    expect(second.after).toMatchObject({ ownerId: final.ownerId, ownerSource: final.ownerSource });
    await a.accounts.resetOwner({ accountId: ids.samAccount });
  });

  it("refuses a suspended or deprovisioned person (BAD_REQUEST) and someone of another organization (NOT_FOUND)", async () => {
    const admin = await callerFor(ids.admin);
    await expect(
      admin.accounts.setOwner({ accountId: ids.adaAccount, userId: ids.sam }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "Sam Suspended is suspended: choose an active person as the account's owner.",
    });
    await expect(
      admin.accounts.setOwner({ accountId: ids.adaAccount, userId: ids.dana }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "Dana Departed is deprovisioned: choose an active person as the account's owner.",
    });
    await expect(
      admin.accounts.setOwner({ accountId: ids.adaAccount, userId: ids.otherPerson }),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: "This person does not exist in your organization.",
    });
    expect(await account(ids.adaAccount)).toMatchObject({
      ownerId: ids.ada,
      ownerSource: "MATCHED",
    });
  });

  it("refuses members with FORBIDDEN naming who can, and changes nothing", async () => {
    const member = await callerFor(ids.member);
    const forbidden = {
      code: "FORBIDDEN",
      message:
        "Only super admins and the owners of GitHub (Olga Owner) can change the owner or type of accounts in GitHub.",
    };
    const before = await events(ids.samAccount);
    await expect(
      member.accounts.setOwner({ accountId: ids.samAccount, userId: ids.member }),
    ).rejects.toMatchObject(forbidden);
    await expect(member.accounts.resetOwner({ accountId: ids.samAccount })).rejects.toMatchObject(
      forbidden,
    );
    await expect(member.accounts.clearOwner({ accountId: ids.samAccount })).rejects.toMatchObject(
      forbidden,
    );
    await expect(
      member.accounts.setType({ accountId: ids.samAccount, type: "SYSTEM" }),
    ).rejects.toMatchObject(forbidden);
    expect(await account(ids.samAccount)).toMatchObject({
      ownerId: ids.sam,
      ownerSource: "MATCHED",
      type: "USER",
      typeSource: "INGESTED",
    });
    expect(await events(ids.samAccount)).toEqual(before);
  });

  it("answers NOT_FOUND for another organization's account, even to its super admin", async () => {
    const admin = await callerFor(ids.admin);
    const notFound = {
      code: "NOT_FOUND",
      message: "This account does not exist, or it belongs to another organization.",
    };
    await expect(
      admin.accounts.setOwner({ accountId: ids.otherAccount, userId: ids.ada }),
    ).rejects.toMatchObject(notFound);
    await expect(admin.accounts.clearOwner({ accountId: ids.otherAccount })).rejects.toMatchObject(
      notFound,
    );
    await expect(
      admin.accounts.setType({ accountId: ids.otherAccount, type: "SERVICE" }),
    ).rejects.toMatchObject(notFound);
    const outsider = await callerFor(ids.otherAdmin);
    await expect(outsider.accounts.resetOwner({ accountId: ids.adaAccount })).rejects.toMatchObject(
      notFound,
    );
    expect(await account(ids.otherAccount)).toMatchObject({ ownerSource: "MATCHED", type: "USER" });
  });

  it("refuses changes to a deleted account with a clear message", async () => {
    const admin = await callerFor(ids.admin);
    const deleted = {
      code: "BAD_REQUEST",
      message: "This account was deleted from GitHub: its owner and type can no longer be changed.",
    };
    await expect(
      admin.accounts.setOwner({ accountId: ids.deleted, userId: ids.ada }),
    ).rejects.toMatchObject(deleted);
    await expect(admin.accounts.clearOwner({ accountId: ids.deleted })).rejects.toMatchObject(
      deleted,
    );
    await expect(
      admin.accounts.setType({ accountId: ids.deleted, type: "SYSTEM" }),
    ).rejects.toMatchObject(deleted);
    expect(await events(ids.deleted)).toEqual([]);
  });
});

describe("setType (SPEC §4.4)", () => {
  it("sets the type by hand (MANUAL) with an event; the same again changes nothing", async () => {
    const owner = await callerFor(ids.owner);
    const result = await owner.accounts.setType({ accountId: ids.disabled, type: "SERVICE" });
    expect(result).toMatchObject({
      changed: true,
      account: { type: "SERVICE", typeSource: "MANUAL" },
    });
    expect(
      (await owner.accounts.setType({ accountId: ids.disabled, type: "SERVICE" })).changed,
    ).toBe(false);
    const row = (await list(ids.owner, { status: "DISABLED" })).items[0]!;
    expect(row).toMatchObject({ type: "SERVICE", typeSource: "MANUAL" });
    expect(idsOf((await list(ids.owner, { type: "SERVICE", limit: 100 })).items).sort()).toEqual(
      [ids.service, ids.disabled].sort(),
    );
    const recorded = await events(ids.disabled);
    expect(recorded.map((e) => [e.action, e.before, e.after])).toEqual([
      [
        "account.type_set",
        { type: "USER", typeSource: "INGESTED" },
        { type: "SERVICE", typeSource: "MANUAL" },
      ],
    ]);
  });

  it("pins an ingested type by hand when it is chosen again", async () => {
    const admin = await callerFor(ids.admin);
    const result = await admin.accounts.setType({ accountId: ids.service, type: "SERVICE" });
    expect(result).toMatchObject({ changed: true, account: { typeSource: "MANUAL" } });
  });

  it("refuses a type that does not exist", async () => {
    const admin = await callerFor(ids.admin);
    await expect(
      admin.accounts.setType({ accountId: ids.service, type: "ROBOT" as "USER" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});

describe("ownerCandidates", () => {
  it("offers active people of the organization only, searchable", async () => {
    const owner = await callerFor(ids.owner);
    const everyone = await owner.accounts.ownerCandidates({ appId: ids.app });
    const names = everyone.map((p) => p.displayName);
    expect(names).toEqual([...names].sort());
    expect(names).toContain("Ada Lovelace");
    expect(names).not.toContain("Sam Suspended");
    expect(names).not.toContain("Dana Departed");
    expect(names).not.toContain("Gina Globex");
    const found = await owner.accounts.ownerCandidates({ appId: ids.app, search: "LOVE" });
    expect(found.map((p) => p.id)).toEqual([ids.ada]);
    expect(await owner.accounts.ownerCandidates({ appId: ids.app, search: "%" })).toEqual([]);
  });

  it("is for those who may set owners", async () => {
    await expect(
      (await callerFor(ids.member)).accounts.ownerCandidates({ appId: ids.app }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      (await callerFor(ids.otherAdmin)).accounts.ownerCandidates({ appId: ids.app }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
