import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "@lantern/db";
import { createApp, createGrant, createOrganization, createUser } from "@lantern/seed";
import { createTestDatabase } from "@lantern/db/testing";
import { importAppFile, importPeople } from "../services/imports/index.ts";
import { actorFor, callerFor as callerForUser } from "../testing.ts";

let db: Database;
const ids: Record<string, string> = {};
const callerFor = (userId: string) => callerForUser(db.prisma, userId);
const examples = join(import.meta.dirname, "..", "..", "..", "connectors", "examples");

const ACCOUNTS = [
  "externalId,login,emails,givenName,familyName,displayName,status,type,lastLoginAt,Region",
  "A1,dana,dana@acme.com;d.ortiz@acme.com,Dana,Ortiz,Dana Ortiz,ACTIVE,USER,2026-11-20T08:15:00Z,EMEA",
  "A2,lee,lee@acme.com,Lee,Chen,Lee Chen,ACTIVE,USER,,AMER",
  "A3,svc,,,,Sync bot,ACTIVE,SERVICE,,",
].join("\n");
const ENTITLEMENTS = "slug,displayName,description\nadmin,Admin,Everything\nuser,User,";
const GRANTS = [
  "accountExternalId,entitlementSlug,grantedAt,expiresAt",
  "A1,admin,2025-01-01,",
  "A1,user,2025-01-01,",
  "A2,user,,2027-01-01",
].join("\n");

/** A fresh app owned by `owner` for each test. */
let appId = "";
beforeEach(async () => {
  appId = (await createApp(db.prisma, ids.org!, { owners: [ids.owner!] })).id;
});

beforeAll(async () => {
  db = await createTestDatabase();
  const p = db.prisma;
  const org = await createOrganization(p, { name: "Acme", slug: "acme-imports" });
  const other = await createOrganization(p, { name: "Globex", slug: "globex-imports" });
  const admin = await createUser(p, org, {
    givenName: "Ada",
    familyName: "Admin",
    role: "SUPER_ADMIN",
  });
  const owner = await createUser(p, org, { givenName: "Olga", familyName: "Owner" });
  const member = await createUser(p, org, { givenName: "Max", familyName: "Member" });
  const outsider = await createUser(p, other, {
    givenName: "Otto",
    familyName: "Outsider",
    role: "SUPER_ADMIN",
  });
  Object.assign(ids, {
    org: org.id,
    admin: admin.id,
    owner: owner.id,
    member: member.id,
    outsider: outsider.id,
  });
});

afterAll(async () => {
  await db?.close();
});

async function run(
  kind: "accounts" | "entitlements" | "grants" | undefined,
  content: string,
  mode: "full" | "incremental" = "incremental",
  format: "csv" | "json" = "csv",
  as = ids.owner!,
) {
  return (await callerFor(as)).imports.run({ appId, format, kind, mode, content });
}

const accountsOf = () =>
  db.prisma.account.findMany({ where: { appId }, orderBy: { externalId: "asc" } });
const liveGrants = () =>
  db.prisma.grant.findMany({
    where: { account: { appId }, revokedAt: null },
    select: { account: { select: { externalId: true } }, entitlement: { select: { slug: true } } },
  });
const eventsOf = (action: string) =>
  db.prisma.event.findMany({ where: { organizationId: ids.org, action }, orderBy: { at: "asc" } });

async function seedAll() {
  await run("entitlements", ENTITLEMENTS);
  await run("accounts", ACCOUNTS);
  await run("grants", GRANTS);
}

describe("imports.run", () => {
  it("imports accounts with emails, type, last login and profile attributes", async () => {
    const summary = await run("accounts", ACCOUNTS);
    expect(summary.accounts).toEqual({ rows: 3, created: 3, updated: 0, unchanged: 0, deleted: 0 });
    expect(summary.remap).toMatchObject({ accounts: 3 });
    const [a1, a2, a3] = await accountsOf();
    expect(a1).toMatchObject({
      externalId: "A1",
      login: "dana",
      emails: ["dana@acme.com", "d.ortiz@acme.com"],
      givenName: "Dana",
      status: "ACTIVE",
      type: "USER",
      typeSource: "INGESTED",
      lastLoginAt: new Date("2026-11-20T08:15:00Z"),
      profile: { Region: "EMEA" },
      ownerSource: "MATCHED",
    });
    expect(a2!.lastLoginAt).toBeNull();
    expect(a3).toMatchObject({ type: "SERVICE", emails: [], profile: {} });
    // Ids are time-ordered UUIDs (version 7), like the rest of the schema's.
    expect(a1!.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const [event] = await eventsOf("app.imported");
    expect(event).toMatchObject({ actorId: ids.owner, targetId: appId });
  });

  it("imports the repository's example files, and a JSON document of all three kinds", async () => {
    const file = (name: string) => readFileSync(join(examples, name), "utf8");
    await run("entitlements", file("salesforce-entitlements.csv"));
    await run("accounts", file("salesforce-accounts.csv"));
    const grants = await run("grants", file("salesforce-grants.csv"));
    expect(grants.grants).toMatchObject({ rows: 4, created: 4 });

    appId = (await createApp(db.prisma, ids.org!, { owners: [ids.owner!] })).id;
    const summary = await run(undefined, file("salesforce.json"), "incremental", "json");
    expect(summary).toMatchObject({
      entitlements: { rows: 2, created: 2 },
      accounts: { rows: 2, created: 2 },
      grants: { rows: 2, created: 2 },
    });
    expect((await accountsOf())[0]!.profile).toEqual({
      Profile: "Sales User",
      Region: "EMEA",
      Licenses: ["Sales Cloud"],
    });
  });

  it("re-maps owners after the import, keeping manual owners", async () => {
    const dana = await createUser(db.prisma, ids.org!, {
      givenName: "Dana",
      familyName: "Ortiz",
      email: "D.Ortiz@acme.com",
    });
    const summary = await run("accounts", ACCOUNTS);
    expect(summary.remap).toMatchObject({ accounts: 3, matched: 1 });
    const [a1, a2] = await accountsOf();
    expect(a1).toMatchObject({
      ownerId: dana.id,
      matchedOwnerId: dana.id,
      matchRule: "EMAIL",
      ownerSource: "MATCHED",
    });
    await db.prisma.account.update({
      where: { id: a2!.id },
      data: { ownerId: dana.id, ownerSource: "MANUAL" },
    });
    expect(
      (await run("accounts", ACCOUNTS.replace("Lee Chen,ACTIVE", "Lee C.,ACTIVE"))).remap,
    ).not.toBeNull();
    expect((await accountsOf())[1]).toMatchObject({ ownerId: dana.id, ownerSource: "MANUAL" });
    // Nothing changed about accounts: no re-map.
    expect((await run("entitlements", ENTITLEMENTS)).remap).toBeNull();
  });

  it("reads an upload's body stream (what the upload route hands over)", async () => {
    const actor = (await actorFor(db.prisma, ids.owner!))!;
    const body = new Blob([new TextEncoder().encode(ACCOUNTS)]).stream();
    const summary = await importAppFile(
      { db: db.prisma, actor, now: () => new Date() },
      {
        appId,
        format: "csv",
        kind: "accounts",
        mode: "full",
        source: body as unknown as AsyncIterable<Uint8Array>,
      },
    );
    expect(summary.accounts).toMatchObject({ rows: 3, created: 3 });
  });

  it("refuses a bad file whole, with line and reason, and writes nothing", async () => {
    const bad = `${ACCOUNTS}\nA4,x,not-an-email,,,,,,,\nA1,dup,,,,,,,,`;
    const before = await db.prisma.event.count();
    await expect(run("accounts", bad)).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/^The file was refused: 2 problems, nothing was imported/),
      cause: {
        details: {
          truncated: false,
          problems: [
            { line: 5, message: 'emails "not-an-email" is not an email address' },
            { line: 6, message: 'duplicate account: externalId "A1" is already on line 2' },
          ],
        },
      },
    });
    expect(await accountsOf()).toEqual([]);
    expect(await db.prisma.event.count()).toBe(before);
  });

  it("refuses grants naming unknown accounts or entitlements, rolling back the whole file", async () => {
    await run("entitlements", ENTITLEMENTS);
    const json = JSON.stringify(
      {
        accounts: [{ externalId: "A1" }],
        grants: [
          { accountExternalId: "A1", entitlementSlug: "admin" },
          { accountExternalId: "nobody", entitlementSlug: "admin" },
          { accountExternalId: "A1", entitlementSlug: "nothing" },
        ],
      },
      null,
      2,
    );
    await expect(run(undefined, json, "incremental", "json")).rejects.toMatchObject({
      code: "BAD_REQUEST",
      cause: {
        details: {
          problems: [
            { line: 12, message: 'no account with externalId "nobody" in this app' },
            { line: 16, message: 'no entitlement with slug "nothing" in this app' },
          ],
        },
      },
    });
    // The accounts of the same document were rolled back with it.
    expect(await accountsOf()).toEqual([]);
  });

  it("re-importing the same file changes nothing; a changed file updates", async () => {
    await seedAll();
    const again = await run("accounts", ACCOUNTS);
    expect(again.accounts).toEqual({ rows: 3, created: 0, updated: 0, unchanged: 3, deleted: 0 });
    expect((await run("grants", GRANTS)).grants).toEqual({
      rows: 3,
      created: 0,
      updated: 0,
      ended: 0,
    });
    const changed = ACCOUNTS.replace("Lee Chen,ACTIVE", "Lee Chen,DISABLED").replace(
      "A3,svc,,,,Sync bot",
      "A3,svc,,,,Sync robot",
    );
    expect((await run("accounts", changed)).accounts).toMatchObject({ updated: 2, unchanged: 1 });
    const [, a2, a3] = await accountsOf();
    expect(a2!.status).toBe("DISABLED");
    expect(a3!.displayName).toBe("Sync robot");
    expect(await liveGrants()).toHaveLength(3);
  });

  it("keeps a type set by hand and owners set or cleared by hand", async () => {
    await run("accounts", ACCOUNTS);
    const [a1, a2] = await accountsOf();
    await db.prisma.account.update({
      where: { id: a1!.id },
      data: { type: "SYSTEM", typeSource: "MANUAL", ownerId: ids.admin, ownerSource: "MANUAL" },
    });
    await db.prisma.account.update({
      where: { id: a2!.id },
      data: { ownerId: null, ownerSource: "CLEARED" },
    });
    await run("accounts", ACCOUNTS.replace("Dana Ortiz,ACTIVE", "Dana O.,ACTIVE"));
    const [b1, b2] = await accountsOf();
    expect(b1).toMatchObject({
      displayName: "Dana O.",
      type: "SYSTEM",
      typeSource: "MANUAL",
      ownerId: ids.admin,
      ownerSource: "MANUAL",
    });
    expect(b2).toMatchObject({ ownerId: null, ownerSource: "CLEARED" });
  });

  it("a full import marks missing accounts DELETED and ends their grants, with events", async () => {
    await seedAll();
    const [a1] = await accountsOf();
    // A grant Lantern made through a request ends too: the account is gone from the app.
    await db.prisma.grant.updateMany({ where: { accountId: a1!.id }, data: { source: "REQUEST" } });
    const without = ACCOUNTS.split("\n")
      .filter((l) => !l.startsWith("A1,"))
      .join("\n");
    const summary = await run("accounts", without, "full");
    expect(summary.accounts).toEqual({ rows: 2, created: 0, updated: 0, unchanged: 2, deleted: 1 });
    expect(summary.grants.ended).toBe(2);
    const [gone] = await accountsOf();
    expect(gone).toMatchObject({ externalId: "A1", status: "DELETED" });
    expect(gone!.deletedAt).not.toBeNull();
    expect((await liveGrants()).map((g) => g.account.externalId)).toEqual(["A2"]);
    expect(
      (await eventsOf("account.deleted")).filter((e) => e.targetId === gone!.id),
    ).toMatchObject([{ before: { status: "ACTIVE" }, after: { status: "DELETED" } }]);
    const ended = await db.prisma.event.findMany({
      where: { action: "grant.ended", before: { path: ["accountId"], equals: gone!.id } },
    });
    expect(ended).toHaveLength(2);
    const [imported] = (await eventsOf("app.imported")).slice(-1);
    expect(imported).toMatchObject({
      before: { accounts: { ACTIVE: 3 }, liveGrants: 3 },
      after: { accounts: { ACTIVE: 2, DELETED: 1 }, liveGrants: 1 },
    });

    // Back in a later file: active again, access comes back only with its grants.
    await run("accounts", ACCOUNTS, "full");
    expect((await accountsOf())[0]).toMatchObject({ status: "ACTIVE", deletedAt: null });
    expect(await liveGrants()).toHaveLength(1);
  });

  it("an incremental import deletes nothing", async () => {
    await seedAll();
    const summary = await run("accounts", ACCOUNTS.split("\n").slice(0, 2).join("\n"));
    expect(summary.accounts).toMatchObject({ rows: 1, deleted: 0 });
    expect((await accountsOf()).map((a) => a.status)).toEqual(["ACTIVE", "ACTIVE", "ACTIVE"]);
    expect((await run("grants", GRANTS.split("\n").slice(0, 2).join("\n"))).grants.ended).toBe(0);
    expect(await liveGrants()).toHaveLength(3);
  });

  it("a full grants import ends the live grants missing from it and adds new ones", async () => {
    await seedAll();
    const [a1] = await accountsOf();
    const grant = await db.prisma.grant.findFirstOrThrow({
      where: { accountId: a1!.id, entitlement: { slug: "admin" } },
    });
    const summary = await run(
      "grants",
      "accountExternalId,entitlementSlug\nA1,admin\nA3,user",
      "full",
    );
    expect(summary.grants).toEqual({ rows: 2, created: 1, updated: 0, ended: 2 });
    expect(
      (await liveGrants()).map((g) => `${g.account.externalId}:${g.entitlement.slug}`).sort(),
    ).toEqual(["A1:admin", "A3:user"]);
    // The kept grant is the same row: its history is untouched.
    expect(await db.prisma.grant.findUnique({ where: { id: grant.id } })).toMatchObject({
      revokedAt: null,
      grantedAt: new Date("2025-01-01T00:00:00Z"),
    });
  });

  it("a full import with no rows is refused instead of deleting everything", async () => {
    await seedAll();
    await expect(run("accounts", "externalId,login\n", "full")).rejects.toMatchObject({
      code: "BAD_REQUEST",
      cause: { details: { problems: [{ line: 1, message: expect.stringMatching(/no rows/) }] } },
    });
    expect((await accountsOf()).every((a) => a.status === "ACTIVE")).toBe(true);
  });

  it("entitlements: a re-import updates names and keeps what the file does not give", async () => {
    await run("entitlements", ENTITLEMENTS);
    const summary = await run(
      "entitlements",
      "slug,displayName\nadmin,Administrator\nnew,",
      "full",
    );
    expect(summary.entitlements).toEqual({
      rows: 2,
      created: 1,
      updated: 1,
      unchanged: 0,
      missing: 1,
    });
    const all = await db.prisma.entitlement.findMany({
      where: { appId },
      orderBy: { slug: "asc" },
    });
    expect(all.map((e) => [e.slug, e.displayName, e.description])).toEqual([
      ["admin", "Administrator", "Everything"],
      ["new", "new", ""],
      ["user", "User", ""],
    ]);
  });

  it("lets super admins and app owners import; refuses members and other organizations", async () => {
    await expect(run("accounts", ACCOUNTS, "incremental", "csv", ids.admin)).resolves.toBeTruthy();
    await expect(run("accounts", ACCOUNTS, "incremental", "csv", ids.member)).rejects.toMatchObject(
      {
        code: "FORBIDDEN",
        message: "Only the app's owners and super admins can change this app.",
      },
    );
    await expect(
      run("accounts", ACCOUNTS, "incremental", "csv", ids.outsider),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      (await callerFor(ids.owner!)).imports.run({ appId, format: "csv", content: ACCOUNTS }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("kind") });
  });

  it("keeps existing grants from other sources and revokes nothing outside the app", async () => {
    await seedAll();
    const otherApp = await createApp(db.prisma, ids.org!, { owners: [ids.owner!] });
    const otherAccount = await db.prisma.account.create({
      data: { organizationId: ids.org!, appId: otherApp.id, externalId: "A1" },
    });
    const otherEnt = await db.prisma.entitlement.create({
      data: { organizationId: ids.org!, appId: otherApp.id, slug: "admin", displayName: "Admin" },
    });
    const kept = await createGrant(db.prisma, otherAccount, otherEnt);
    await run("accounts", "externalId\nA2", "full");
    await run("grants", "accountExternalId,entitlementSlug\nA2,admin", "full");
    expect(await db.prisma.grant.findUnique({ where: { id: kept.id } })).toMatchObject({
      revokedAt: null,
    });
    expect((await db.prisma.account.findUnique({ where: { id: otherAccount.id } }))!.status).toBe(
      "ACTIVE",
    );
  });
});

describe("imports.people", () => {
  const people = (as: string, content: string) =>
    callerFor(as).then((c) => c.imports.people({ format: "csv", content }));
  const PEOPLE = [
    "email,givenName,familyName,displayName,title,department,managerEmail,status",
    "lee.chen@acme.com,Lee,Chen,,VP Sales,Sales,,ACTIVE",
    "Dana.Ortiz@acme.com,Dana,Ortiz,Dana Ortiz,AE,Sales,LEE.chen@acme.com,ACTIVE",
  ].join("\n");

  it("creates people, resolves managers of the same file, and updates by email", async () => {
    expect(await people(ids.admin!, PEOPLE)).toEqual({
      rows: 2,
      created: 2,
      updated: 0,
      unchanged: 0,
      managersSet: 1,
      appsRemapped: expect.any(Number),
      appsRemapQueued: 0,
    });
    const dana = await db.prisma.user.findFirstOrThrow({
      where: { organizationId: ids.org, emailNormalized: "dana.ortiz@acme.com" },
      include: { manager: true },
    });
    expect(dana).toMatchObject({ title: "AE", role: "MEMBER", status: "ACTIVE" });
    expect(dana.manager?.displayName).toBe("Lee Chen");
    expect(dana.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/);

    expect(await people(ids.admin!, PEOPLE)).toMatchObject({
      unchanged: 2,
      managersSet: 0,
      appsRemapped: 0,
    });
    const moved = PEOPLE.replace("AE,Sales,LEE", "Senior AE,,LEE").replace(
      "VP Sales,Sales,,ACTIVE",
      "VP Sales,Sales,,SUSPENDED",
    );
    expect(await people(ids.admin!, moved)).toMatchObject({ updated: 2 });
    expect(
      await db.prisma.user.findFirstOrThrow({
        where: { organizationId: ids.org, emailNormalized: "dana.ortiz@acme.com" },
      }),
    ).toMatchObject({ title: "Senior AE", department: "Sales" });
    const events = await eventsOf("users.imported");
    expect(events).toHaveLength(3);
  });

  it("new people start with the organization's notification defaults; known people keep theirs", async () => {
    await db.prisma.organization.update({
      where: { id: ids.org },
      data: { emailNotificationsDefault: false, slackNotificationsDefault: true },
    });
    try {
      await people(
        ids.admin!,
        "email,givenName,familyName\nquiet.new@acme.com,Quiet,New\nlee.chen@acme.com,Lee,Chen",
      );
      const [quiet, lee] = await Promise.all(
        ["quiet.new@acme.com", "lee.chen@acme.com"].map((email) =>
          db.prisma.user.findFirstOrThrow({
            where: { organizationId: ids.org, emailNormalized: email },
          }),
        ),
      );
      expect(quiet).toMatchObject({ emailNotifications: false, slackNotifications: true });
      expect(lee).toMatchObject({ emailNotifications: true, slackNotifications: true });
    } finally {
      await db.prisma.organization.update({
        where: { id: ids.org },
        data: { emailNotificationsDefault: true, slackNotificationsDefault: true },
      });
    }
  });

  it("refuses unknown managers and self-deprovisioning, writing nothing; members may not", async () => {
    const count = await db.prisma.user.count();
    const admin = await db.prisma.user.findUniqueOrThrow({ where: { id: ids.admin } });
    await expect(
      people(
        ids.admin!,
        [
          "email,givenName,familyName,managerEmail,status",
          "new.person@acme.com,New,Person,ghost@acme.com,",
          `${admin.email.toUpperCase()},Ada,Admin,,SUSPENDED`,
        ].join("\n"),
      ),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      cause: {
        details: {
          problems: [{ line: 3, message: expect.stringContaining("you cannot suspend") }],
        },
      },
    });
    await expect(
      people(
        ids.admin!,
        "email,givenName,familyName,managerEmail\nnew.person@acme.com,New,Person,ghost@acme.com",
      ),
    ).rejects.toMatchObject({
      cause: {
        details: {
          problems: [
            {
              line: 2,
              message:
                'managerEmail "ghost@acme.com" is nobody in the organization or in this file',
            },
          ],
        },
      },
    });
    expect(await db.prisma.user.count()).toBe(count);
    await expect(people(ids.owner!, PEOPLE)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      (await callerFor(ids.admin!)).imports.run({
        appId,
        format: "csv",
        kind: "accounts",
        content: "email\nx@y.z",
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});

describe("broken and hostile files are refused with the line and why (issue 13)", () => {
  const bytesOf = (buffer: Uint8Array): AsyncIterable<Uint8Array> => Readable.from([buffer]);
  const SAVE = 'save it as UTF-8 (in Excel: "CSV UTF-8") and send it again';
  const PEOPLE_HEADER = "email,givenName,familyName\n";

  async function refusalOf(promise: Promise<unknown>) {
    try {
      await promise;
    } catch (error) {
      const e = error as { code?: string; cause?: { details?: unknown } };
      return {
        code: e.code,
        details: e.cause?.details ?? (error as { details?: unknown }).details,
      };
    }
    throw new Error("the file was accepted");
  }
  const asPeople = async (source: AsyncIterable<Uint8Array> | string, format: "csv" | "json") => {
    const actor = (await actorFor(db.prisma, ids.admin!))!;
    return importPeople({ db: db.prisma, actor, now: () => new Date() }, { format, source });
  };
  const asAccounts = async (source: AsyncIterable<Uint8Array>) => {
    const actor = (await actorFor(db.prisma, ids.owner!))!;
    return importAppFile(
      { db: db.prisma, actor, now: () => new Date() },
      { appId, format: "csv", kind: "accounts", mode: "incremental", source },
    );
  };
  const peopleCount = () => db.prisma.user.count({ where: { organizationId: ids.org } });

  it("a Latin-1 file of people or accounts: not UTF-8, on the line of the first such byte", async () => {
    const before = await peopleCount();
    const latin1 = Buffer.from(
      `${PEOPLE_HEADER}ok@acme.com,Ok,Fine\njose@acme.com,José,García\n`,
      "latin1",
    );
    const refusal = await refusalOf(asPeople(bytesOf(latin1), "csv"));
    expect(refusal).toEqual({
      code: "BAD_REQUEST",
      details: {
        truncated: false,
        problems: [{ line: 3, message: `the file is not UTF-8 (line 3): ${SAVE}` }],
      },
    });
    expect(await peopleCount()).toBe(before);

    const accounts = Buffer.from("externalId,displayName\nA1,José García\n", "latin1");
    expect(await refusalOf(asAccounts(bytesOf(accounts)))).toMatchObject({
      details: { problems: [{ line: 2, message: `the file is not UTF-8 (line 2): ${SAVE}` }] },
    });
    expect(await accountsOf()).toEqual([]);
  });

  it("a UTF-16 file is named as such, not 'the header lacks externalId'", async () => {
    const utf16 = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from("externalId,displayName\nA1,José García\n", "utf16le"),
    ]);
    expect(await refusalOf(asAccounts(bytesOf(utf16)))).toMatchObject({
      details: {
        problems: [
          {
            line: 1,
            message: `the file is UTF-16 (it starts with a UTF-16 byte-order mark), not UTF-8: ${SAVE}`,
          },
        ],
      },
    });
  });

  it("a UTF-8 file with its byte-order mark is read, accents and all", async () => {
    const utf8 = Buffer.from(`\uFEFF${PEOPLE_HEADER}jose.garcia@acme.com,José,García\n`);
    expect(await asPeople(bytesOf(utf8), "csv")).toMatchObject({ rows: 1, created: 1 });
    expect(
      await db.prisma.user.findFirst({
        where: { organizationId: ids.org, emailNormalized: "jose.garcia@acme.com" },
      }),
    ).toMatchObject({ givenName: "José", familyName: "García", displayName: "José García" });
  });

  it("NUL, control characters and broken Unicode in values are refused per column (Lantern's text rule)", async () => {
    const before = await peopleCount();
    const refusal = await refusalOf(
      asPeople(
        `${PEOPLE_HEADER}a@acme.com,A\u0000na,B\nb@acme.com,Bo,\u001b[31mRed\nc@acme.com,"two\nlines",C\n`,
        "csv",
      ),
    );
    expect(refusal).toMatchObject({
      code: "BAD_REQUEST",
      details: {
        problems: [
          { line: 2, message: "givenName contains a NUL character, which text cannot hold" },
          {
            line: 3,
            message: "familyName contains a control character (U+001B), which text cannot hold",
          },
          { line: 4, message: "givenName must be on one line" },
        ],
      },
    });
    const json = JSON.stringify({
      users: [{ email: "d@acme.com", givenName: "\ud800", familyName: "D" }],
    });
    expect(await refusalOf(asPeople(json, "json"))).toMatchObject({
      details: {
        problems: [
          {
            line: 1,
            message: "givenName is not valid Unicode text (it holds half of a surrogate pair)",
          },
        ],
      },
    });
    // Multi-line text where it belongs: an entitlement's description, a profile value.
    await run("entitlements", 'slug,description\nadmin,"Full access.\nAsk Ops first."');
    await run("accounts", 'externalId,Address\nA1,"1 Main St\nSpringfield"');
    expect((await accountsOf())[0]!.profile).toEqual({ Address: "1 Main St\nSpringfield" });
    expect(await peopleCount()).toBe(before);
  });

  it("a 1 MB value in an extra account column is refused, not stored as a profile attribute", async () => {
    const big = "x".repeat(1024 * 1023);
    await expect(run("accounts", `externalId,Notes\nA1,${big}`)).rejects.toMatchObject({
      code: "BAD_REQUEST",
      cause: {
        details: {
          problems: [
            {
              line: 2,
              message: `profile.Notes is ${big.length} characters long; a profile value holds at most 1000`,
            },
          ],
        },
      },
    });
    expect(await accountsOf()).toEqual([]);
  });

  it("JSON nested 20,000 levels deep is a 400 with the line, not an internal error", async () => {
    for (const text of [
      `{"users":\n${"[".repeat(20_000)}`,
      `{"users":[${"[".repeat(20_000)}${"]".repeat(20_000)}]}`,
    ]) {
      const refusal = await refusalOf(asPeople(bytesOf(Buffer.from(text)), "json"));
      expect(refusal).toMatchObject({
        code: "BAD_REQUEST",
        details: {
          problems: [
            {
              line: text.includes("\n") ? 2 : 1,
              message: expect.stringMatching(/^the document is nested deeper than 10 levels/),
            },
          ],
        },
      });
    }
  });
});

describe("dates the database cannot hold (issue 13)", () => {
  it("are refused with their line, not an internal error", async () => {
    await expect(
      run(
        "accounts",
        "externalId,lastLoginAt\nA1,2026-01-01\nA2,0000-01-01\nA3,9999-12-31T23:00:00-14:00",
      ),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      cause: {
        details: {
          problems: [
            {
              line: 3,
              message:
                'lastLoginAt "0000-01-01" is out of range: dates run from 0001-01-01 to 9999-12-31 (UTC)',
            },
            {
              line: 4,
              message:
                'lastLoginAt "9999-12-31T23:00:00-14:00" is out of range: dates run from 0001-01-01 to 9999-12-31 (UTC)',
            },
          ],
        },
      },
    });
    // The first and last days work (".NET's DateTime.MinValue" is a common "never").
    await run("accounts", "externalId,lastLoginAt\nA1,0001-01-01T00:00:00\nA2,9999-12-31");
    expect((await accountsOf()).map((a) => a.lastLoginAt?.toISOString())).toEqual([
      "0001-01-01T00:00:00.000Z",
      "9999-12-31T00:00:00.000Z",
    ]);
  });
});
