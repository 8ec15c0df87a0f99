import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@lantern/db";
import { createAccounts, createApp, createOrganization, createUser } from "@lantern/seed";
import { createTestDatabase } from "@lantern/db/testing";
import { actorFor } from "../../testing.ts";
import { importAppFile, importPeople } from "../imports/index.ts";
import { remapAfterPeopleChange } from "./people-change.ts";

// Re-mapping when people change (SPEC §4.2) and after an ingestion: in the change's own
// transaction, only for the apps the change can move.

let db: Database;
const ids: Record<string, string> = {};

beforeAll(async () => {
  db = await createTestDatabase();
  const p = db.prisma;
  const org = await createOrganization(p, { name: "Acme", slug: "acme-people-remap" });
  const admin = await createUser(p, org, {
    givenName: "Ada",
    familyName: "Admin",
    email: "ada@acme.test",
    role: "SUPER_ADMIN",
  });
  const ana = await createUser(p, org, {
    givenName: "Ana",
    familyName: "Lima",
    email: "ana@acme.test",
  });
  Object.assign(ids, { org: org.id, admin: admin.id, ana: ana.id });
});

afterAll(async () => {
  await db?.close();
});

async function ctx() {
  return { db: db.prisma, actor: (await actorFor(db.prisma, ids.admin!))!, now: () => new Date() };
}

const PEOPLE_HEADER = "email,givenName,familyName,displayName,title,department,managerEmail,status";
const people = async (rows: string[], options?: { remapInlineLimit?: number }) =>
  importPeople(
    await ctx(),
    { format: "csv", source: [PEOPLE_HEADER, ...rows].join("\n") },
    options,
  );
const account = (appId: string, externalId: string) =>
  db.prisma.account.findFirstOrThrow({ where: { appId, externalId } });
const remapsOf = (appId: string) =>
  db.prisma.accountRemap.findMany({ where: { appId }, orderBy: { createdAt: "asc" } });

describe("people added, renamed or removed re-map the apps they can move", () => {
  it("a renamed person gains and loses name matches in BROAD; NARROW apps are left alone", async () => {
    const p = db.prisma;
    const broad = await createApp(p, ids.org!, { accountMappingMode: "BROAD" });
    const narrow = await createApp(p, ids.org!, { accountMappingMode: "NARROW" });
    await createAccounts(p, broad, [
      { externalId: "lima", emails: [], givenName: "Ana", familyName: "Lima" },
      { externalId: "costa", emails: [], displayName: "Ana Costa" },
    ]);
    await createAccounts(p, narrow, [
      { externalId: "costa", emails: ["ana.costa@elsewhere.example"], displayName: "Ana Costa" },
    ]);
    // The people import re-maps: nothing changes here yet, but it sets the scene.
    await people(["ana@acme.test,Ana,Lima,,,,,ACTIVE", "zed@acme.test,Zed,Zed,,,,,ACTIVE"]);
    expect(await account(broad.id, "lima")).toMatchObject({ ownerId: ids.ana, matchRule: "NAME" });
    expect(await account(broad.id, "costa")).toMatchObject({ ownerId: null });
    const narrowRemaps = (await remapsOf(narrow.id)).length;

    // Ana marries: her family name becomes Costa.
    const summary = await people(["ana@acme.test,Ana,Costa,,,,,ACTIVE"]);
    expect(summary).toMatchObject({ updated: 1, created: 0, appsRemapQueued: 0 });
    expect(summary.appsRemapped).toBeGreaterThanOrEqual(1);
    expect(await account(broad.id, "lima")).toMatchObject({
      ownerId: null,
      matchedOwnerId: null,
      matchRule: null,
    });
    expect(await account(broad.id, "costa")).toMatchObject({
      ownerId: ids.ana,
      matchRule: "NAME",
      matchValue: "ana costa",
    });
    // A rename cannot move NARROW owners: that app was not re-mapped.
    expect(await remapsOf(narrow.id)).toHaveLength(narrowRemaps);
    expect((await remapsOf(broad.id)).at(-1)).toMatchObject({
      state: "SUCCEEDED",
      reason: "people",
      requestedById: ids.admin,
    });
    // A file that changes nobody's name or email re-maps nothing.
    expect(await people(["ana@acme.test,Ana,Costa,,Engineer,,,ACTIVE"])).toMatchObject({
      updated: 1,
      appsRemapped: 0,
      appsRemapQueued: 0,
    });
  });

  it("a new person's email matches their accounts, in NARROW apps too", async () => {
    const p = db.prisma;
    const narrow = await createApp(p, ids.org!, { accountMappingMode: "NARROW" });
    await createAccounts(p, narrow, [
      { externalId: "new", emails: ["old@elsewhere.example", " Nia.Obi@ACME.test "] },
    ]);
    expect(await account(narrow.id, "new")).toMatchObject({ ownerId: null });
    const summary = await people(["nia.obi@acme.test,Nia,Obi,,,,,ACTIVE"]);
    expect(summary).toMatchObject({ created: 1 });
    const nia = await p.user.findFirstOrThrow({ where: { emailNormalized: "nia.obi@acme.test" } });
    expect(await account(narrow.id, "new")).toMatchObject({
      ownerId: nia.id,
      matchRule: "EMAIL",
      matchValue: "nia.obi@acme.test",
    });
  });

  it("beyond the inline budget, the apps' re-maps are queued in the same transaction", async () => {
    const p = db.prisma;
    const big = await createApp(p, ids.org!, { accountMappingMode: "BROAD" });
    await createAccounts(
      p,
      big,
      Array.from({ length: 5 }, (_, i) => ({ externalId: `x${i}`, emails: [`x${i}@acme.test`] })),
    );
    const summary = await p.$transaction((tx) =>
      remapAfterPeopleChange(tx, {
        organizationId: ids.org!,
        change: { emails: false, names: true },
        actorId: ids.admin!,
        at: new Date(),
        inlineBudget: 3,
      }),
    );
    expect(summary.queued).toBeGreaterThanOrEqual(1);
    expect(summary.remaps.find((r) => r.appId === big.id)?.status).toMatchObject({
      state: "QUEUED",
      total: 5,
      reason: "people",
    });
    // Nothing to do for a change that moves nobody.
    expect(
      await p.$transaction((tx) =>
        remapAfterPeopleChange(tx, {
          organizationId: ids.org!,
          change: { emails: false, names: false },
          actorId: null,
          at: new Date(),
        }),
      ),
    ).toEqual({ remapped: 0, queued: 0, remaps: [] });
  });
});

describe("an import re-maps inside its own transaction", () => {
  const HEADER = "externalId,login,emails,givenName,familyName,displayName,status,type,lastLoginAt";

  it("commits the accounts with their owners; a refused file leaves neither", async () => {
    const app = await createApp(db.prisma, ids.org!, { owners: [ids.admin!] });
    const summary = await importAppFile(await ctx(), {
      appId: app.id,
      format: "csv",
      kind: "accounts",
      mode: "incremental",
      source: [HEADER, "A1,ana,ANA@acme.test,,,,ACTIVE,USER,"].join("\n"),
    });
    expect(summary.remap).toMatchObject({ accounts: 1, matched: 1, changed: 1 });
    expect(summary.remapQueued).toBeNull();
    expect(await account(app.id, "A1")).toMatchObject({ ownerId: ids.ana, matchRule: "EMAIL" });
    const remaps = (await remapsOf(app.id)).length;

    // A JSON document whose grants point nowhere: refused after its accounts were applied —
    // the account change and its re-map roll back together.
    await expect(
      importAppFile(await ctx(), {
        appId: app.id,
        format: "json",
        mode: "incremental",
        source: JSON.stringify({
          accounts: [{ externalId: "A2", emails: ["ada@acme.test"] }],
          grants: [{ accountExternalId: "A2", entitlementSlug: "missing" }],
        }),
      }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      details: { problems: [{ message: expect.stringContaining("no entitlement") }] },
    });
    expect(await db.prisma.account.count({ where: { appId: app.id } })).toBe(1);
    expect(await remapsOf(app.id)).toHaveLength(remaps);
  });

  it("queues the re-map of a large app with the import", async () => {
    const app = await createApp(db.prisma, ids.org!, { owners: [ids.admin!] });
    const summary = await importAppFile(
      await ctx(),
      {
        appId: app.id,
        format: "csv",
        kind: "accounts",
        mode: "incremental",
        source: [
          HEADER,
          "A1,ana,ana@acme.test,,,,ACTIVE,USER,",
          "A2,x,x@x.test,,,,ACTIVE,USER,",
        ].join("\n"),
      },
      { remapInlineLimit: 1 },
    );
    expect(summary.remap).toBeNull();
    expect(summary.remapQueued).toMatchObject({ total: 2 });
    expect(
      await db.prisma.accountRemap.findUniqueOrThrow({ where: { id: summary.remapQueued!.id } }),
    ).toMatchObject({ state: "QUEUED", reason: "import", requestedById: ids.admin });
    const event = await db.prisma.event.findFirstOrThrow({
      where: { targetId: app.id, action: "app.imported" },
    });
    expect(event.after).toMatchObject({ result: { remapQueued: { id: summary.remapQueued!.id } } });
  });
});
