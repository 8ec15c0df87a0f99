import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { QUEUES, type Database } from "@lantern/db";
import { createAccounts, createApp, createOrganization, createUser } from "@lantern/seed";
import { createTestDatabase, makeJobsDue } from "@lantern/db/testing";
import { loadNotifyConfig } from "@lantern/notify";
import { startBackgroundWork } from "../../background.ts";
import { actorFor, callerFor as callerForUser } from "../../testing.ts";
import { setAccountMappingMode } from "./mapping-settings.ts";
import { lockAppForRemap, remapOrQueue, runRemapJobs } from "./remap-jobs.ts";

// Account mapping settings (SPEC §4.2): the mode saved with its Event and the app re-mapped at
// once — inline for a small app, as a queued job with progress for a large one.

let db: Database;
const ids: Record<string, string> = {};
const callerFor = (userId: string) => callerForUser(db.prisma, userId);

beforeAll(async () => {
  db = await createTestDatabase();
  const p = db.prisma;
  const org = await createOrganization(p, { name: "Acme", slug: "acme-mapping" });
  const other = await createOrganization(p, { name: "Globex", slug: "globex-mapping" });
  const users = {
    admin: await createUser(p, org, { givenName: "Ada", familyName: "Admin", role: "SUPER_ADMIN" }),
    owner: await createUser(p, org, { givenName: "Olga", familyName: "Owner" }),
    member: await createUser(p, org, { givenName: "Max", familyName: "Member" }),
    ana: await createUser(p, org, {
      givenName: "Ana",
      familyName: "Lima",
      email: "ana@acme.test",
    }),
    bea: await createUser(p, org, { givenName: "Bea", familyName: "Sousa" }),
    sam1: await createUser(p, org, { givenName: "Sam", familyName: "Lee" }),
    sam2: await createUser(p, org, { givenName: "Sám", familyName: "LEE" }),
    outsider: await createUser(p, other, {
      givenName: "Otto",
      familyName: "Outsider",
      role: "SUPER_ADMIN",
    }),
  };
  for (const [key, user] of Object.entries(users)) ids[key] = user.id;
  ids.org = org.id;
});

afterAll(async () => {
  await db?.close();
});

/** An app owned by Olga with: an email match, a name-only match, an ambiguous name, a manual
 * owner and a cleared one (both name-matchable), and `extra` accounts nobody matches. */
async function appWithAccounts(extra = 0) {
  const p = db.prisma;
  const app = await createApp(p, ids.org!, { owners: [ids.owner!] });
  const accounts = await createAccounts(p, app, [
    { externalId: "email", emails: [" ANA@acme.test"], givenName: "Ana", familyName: "Lima" },
    { externalId: "name", emails: ["bea@old.example"], displayName: "Bea  Sousa" },
    { externalId: "twin", emails: [], givenName: "Sam", familyName: "Lee" },
    {
      externalId: "manual",
      emails: [],
      givenName: "Bea",
      familyName: "Sousa",
      ownerSource: "MANUAL",
      ownerId: ids.admin!,
    },
    {
      externalId: "cleared",
      emails: [],
      givenName: "Bea",
      familyName: "Sousa",
      ownerSource: "CLEARED",
    },
    ...Array.from({ length: extra }, (_, i) => ({
      externalId: `bot-${i}`,
      emails: [`bot${i}@nowhere.example`],
      displayName: `deploy-bot-${i}`,
    })),
  ]);
  // Start as the import would leave it: mapped in NARROW.
  await (await callerFor(ids.owner!)).apps.setAccountMappingMode({ appId: app.id, mode: "BROAD" });
  await (await callerFor(ids.owner!)).apps.setAccountMappingMode({ appId: app.id, mode: "NARROW" });
  const byExternalId = async (externalId: string) =>
    p.account.findFirstOrThrow({ where: { appId: app.id, externalId } });
  return { app, accounts, byExternalId };
}

const events = (appId: string, action: string) =>
  db.prisma.event.findMany({ where: { targetId: appId, action }, orderBy: { at: "asc" } });

async function ctxFor(userId: string) {
  const actor = await actorFor(db.prisma, userId);
  return { db: db.prisma, actor: actor!, now: () => new Date() };
}

describe("apps.setAccountMappingMode, a small app: re-mapped in the same transaction", () => {
  it("switching to BROAD gives name-only accounts their owner at once; MANUAL and CLEARED stay", async () => {
    const { app, byExternalId } = await appWithAccounts();
    expect(await byExternalId("name")).toMatchObject({ ownerId: null, matchRule: null });

    const answer = await (
      await callerFor(ids.owner!)
    ).apps.setAccountMappingMode({ appId: app.id, mode: "BROAD" });
    expect(answer).toMatchObject({
      mode: "BROAD",
      previousMode: "NARROW",
      changed: true,
      result: { accounts: 5, matched: 4, matchedByName: 3, ambiguous: 1, changed: 4 },
      remap: { state: "SUCCEEDED", total: 5, done: 5, matchedByName: 3, reason: "mode" },
    });

    expect(await byExternalId("email")).toMatchObject({ ownerId: ids.ana, matchRule: "EMAIL" });
    expect(await byExternalId("name")).toMatchObject({
      ownerId: ids.bea,
      matchRule: "NAME",
      matchValue: "bea sousa",
    });
    expect(await byExternalId("twin")).toMatchObject({ ownerId: null, matchAmbiguous: true });
    expect(await byExternalId("manual")).toMatchObject({
      ownerSource: "MANUAL",
      ownerId: ids.admin,
      matchedOwnerId: ids.bea,
    });
    expect(await byExternalId("cleared")).toMatchObject({
      ownerSource: "CLEARED",
      ownerId: null,
      matchedOwnerId: ids.bea,
    });

    const [event] = (await events(app.id, "app.account_mapping_changed")).slice(-1);
    expect(event).toMatchObject({
      actorId: ids.owner,
      organizationId: ids.org,
      before: { accountMappingMode: "NARROW" },
      after: {
        accountMappingMode: "BROAD",
        remapId: answer.remap!.id,
        remap: { accounts: 5, matchedByName: 3, ambiguous: 1 },
      },
    });
    expect(await db.prisma.app.findUniqueOrThrow({ where: { id: app.id } })).toMatchObject({
      accountMappingMode: "BROAD",
    });
    expect(await (await callerFor(ids.member!)).apps.remapStatus({ appId: app.id })).toMatchObject({
      id: answer.remap!.id,
      state: "SUCCEEDED",
    });

    // Back to NARROW: the name matches go, the people's decisions still stand.
    const back = await (
      await callerFor(ids.admin!)
    ).apps.setAccountMappingMode({ appId: app.id, mode: "NARROW" });
    expect(back.result).toMatchObject({ matched: 1, matchedByName: 0, ambiguous: 0 });
    expect(await byExternalId("name")).toMatchObject({ ownerId: null, matchRule: null });
    expect(await byExternalId("manual")).toMatchObject({
      ownerId: ids.admin,
      matchedOwnerId: null,
    });
  });

  it("saving the mode the app already has changes nothing and records nothing", async () => {
    const { app } = await appWithAccounts();
    const before = await events(app.id, "app.account_mapping_changed");
    expect(
      await (
        await callerFor(ids.owner!)
      ).apps.setAccountMappingMode({ appId: app.id, mode: "NARROW" }),
    ).toMatchObject({ changed: false, remap: null, result: null });
    expect(await events(app.id, "app.account_mapping_changed")).toHaveLength(before.length);
  });

  it("refuses members, strangers and bad input, and changes nothing", async () => {
    const { app } = await appWithAccounts();
    const before = await events(app.id, "app.account_mapping_changed");
    await expect(
      (await callerFor(ids.member!)).apps.setAccountMappingMode({ appId: app.id, mode: "BROAD" }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: "Only the app's owners and super admins can change this app.",
    });
    await expect(
      (await callerFor(ids.outsider!)).apps.setAccountMappingMode({ appId: app.id, mode: "BROAD" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      (await callerFor(ids.outsider!)).apps.remapStatus({ appId: app.id }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      (await callerFor(ids.owner!)).apps.setAccountMappingMode({
        appId: app.id,
        mode: "WIDE" as never,
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(
      (await callerFor(ids.owner!)).apps.setAccountMappingMode({ appId: "nope", mode: "BROAD" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await db.prisma.app.findUniqueOrThrow({ where: { id: app.id } })).toMatchObject({
      accountMappingMode: "NARROW",
    });
    expect(await events(app.id, "app.account_mapping_changed")).toHaveLength(before.length);
  });
});

describe("a large app: a queued re-map, run batch by batch with its progress", () => {
  it("queues the re-map, reports progress per batch, and finishes with an Event", async () => {
    const { app, byExternalId } = await appWithAccounts(20);
    const answer = await setAccountMappingMode(
      await ctxFor(ids.owner!),
      { appId: app.id, mode: "BROAD" },
      { inlineLimit: 10 },
    );
    expect(answer).toMatchObject({
      changed: true,
      result: null,
      remap: { state: "QUEUED", total: 25, done: 0, reason: "mode" },
    });
    // Saved, but nobody re-mapped yet.
    expect(await byExternalId("name")).toMatchObject({ ownerId: null });
    expect((await events(app.id, "app.account_mapping_changed")).at(-1)).toMatchObject({
      after: { accountMappingMode: "BROAD", remap: { state: "QUEUED", total: 25 } },
    });

    const progress: number[] = [];
    const caller = await callerFor(ids.member!);
    const summary = await runRemapJobs(db.prisma, {
      batchSize: 10,
      afterBatch: async () => {
        const status = await caller.apps.remapStatus({ appId: app.id });
        expect(status).toMatchObject({ state: "RUNNING", total: 25 });
        progress.push(status!.done);
      },
    });
    expect(summary).toMatchObject({ claimed: 1, batches: 3, succeeded: 1 });
    expect(progress).toEqual([10, 20]);
    expect(await caller.apps.remapStatus({ appId: app.id })).toMatchObject({
      id: answer.remap!.id,
      state: "SUCCEEDED",
      total: 25,
      done: 25,
      matched: 4,
      matchedByName: 3,
      ambiguous: 1,
      changed: 4,
    });
    expect(await byExternalId("name")).toMatchObject({ ownerId: ids.bea, matchRule: "NAME" });
    expect(await byExternalId("manual")).toMatchObject({
      ownerId: ids.admin,
      ownerSource: "MANUAL",
    });
    expect(await byExternalId("cleared")).toMatchObject({ ownerId: null, ownerSource: "CLEARED" });
    expect((await events(app.id, "app.remapped")).at(-1)).toMatchObject({
      actorId: null,
      after: {
        remapId: answer.remap!.id,
        mode: "BROAD",
        requestedById: ids.owner,
        result: { accounts: 25, matchedByName: 3 },
      },
    });
    // Nothing left to run.
    expect(await runRemapJobs(db.prisma)).toMatchObject({ claimed: 0 });
  });

  it("a newer mode change supersedes a running re-map, which stops", async () => {
    const { app, byExternalId } = await appWithAccounts(20);
    const ctx = await ctxFor(ids.owner!);
    const first = await setAccountMappingMode(
      ctx,
      { appId: app.id, mode: "BROAD" },
      { inlineLimit: 10 },
    );
    let second: Awaited<ReturnType<typeof setAccountMappingMode>> | null = null;
    const summary = await runRemapJobs(db.prisma, {
      batchSize: 10,
      afterBatch: async () => {
        // Between batches: the owner goes back to NARROW.
        second ??= await setAccountMappingMode(
          ctx,
          { appId: app.id, mode: "NARROW" },
          { inlineLimit: 10 },
        );
      },
    });
    expect(summary).toMatchObject({ claimed: 1, batches: 1, stopped: 1, succeeded: 0 });
    expect(
      await db.prisma.accountRemap.findUniqueOrThrow({ where: { id: first.remap!.id } }),
    ).toMatchObject({ state: "SUPERSEDED", done: 10 });
    expect((await events(app.id, "app.account_mapping_changed")).at(-1)).toMatchObject({
      after: { accountMappingMode: "NARROW", superseded: [first.remap!.id] },
    });
    // The newer one runs to the end under NARROW.
    expect(await runRemapJobs(db.prisma, { batchSize: 10 })).toMatchObject({ succeeded: 1 });
    expect(await (await callerFor(ids.owner!)).apps.remapStatus({ appId: app.id })).toMatchObject({
      id: second!.remap!.id,
      state: "SUCCEEDED",
      mode: "NARROW",
      done: 25,
    });
    expect(await byExternalId("name")).toMatchObject({ ownerId: null, matchRule: null });
    expect(await byExternalId("twin")).toMatchObject({ matchAmbiguous: false });
  });

  it("a re-map whose worker died is taken over and continues from its last batch", async () => {
    const { app, byExternalId } = await appWithAccounts(20);
    const started = new Date();
    const queued = await setAccountMappingMode(
      await ctxFor(ids.owner!),
      { appId: app.id, mode: "BROAD" },
      { inlineLimit: 10 },
    );
    // Worker 1 does one batch, then "dies" (stops, leaving the re-map RUNNING and claimed).
    const dying = await runRemapJobs(db.prisma, {
      batchSize: 10,
      workerId: "00000000-0000-4000-8000-000000000001",
      afterBatch: () => {
        throw new Error("worker 1 crashed");
      },
    }).catch(() => null);
    // The thrown error counted as a failed batch: it went back to the queue with backoff…
    expect(dying).toMatchObject({ retried: 1 });
    // …so make it look like the crash the error stands for: still RUNNING under worker 1.
    await db.prisma.accountRemap.update({
      where: { id: queued.remap!.id },
      data: { state: "RUNNING", lockedBy: "00000000-0000-4000-8000-000000000001" },
    });
    // Its retry comes due while the claim is fresh: another worker leaves it alone, and looks
    // again once the claim would be stale …
    expect(await makeJobsDue(db, QUEUES.remap)).toBe(1);
    expect(await runRemapJobs(db.prisma, { batchSize: 10 })).toMatchObject({ claimed: 0 });
    // … when it takes it over, continuing from the cursor.
    expect(await makeJobsDue(db, QUEUES.remap)).toBe(1);
    const later = () => new Date(started.getTime() + 3 * 60_000);
    const batches: number[] = [];
    const takeover = await runRemapJobs(db.prisma, {
      batchSize: 10,
      now: later,
      afterBatch: ({ done }) => {
        batches.push(done);
      },
    });
    expect(takeover).toMatchObject({ claimed: 1, succeeded: 1, batches: 2 });
    expect(batches).toEqual([20]);
    expect(
      await db.prisma.accountRemap.findUniqueOrThrow({ where: { id: queued.remap!.id } }),
    ).toMatchObject({ state: "SUCCEEDED", done: 25, attempts: 2 });
    expect(await byExternalId("name")).toMatchObject({ ownerId: ids.bea });
  });

  it("the background work runs a queued re-map to the end", async () => {
    const { app, byExternalId } = await appWithAccounts(20);
    const queued = await setAccountMappingMode(
      await ctxFor(ids.owner!),
      { appId: app.id, mode: "BROAD" },
      { inlineLimit: 10 },
    );
    const work = await startBackgroundWork({
      database: db,
      config: loadNotifyConfig({}),
      digestCron: null,
      publicUrl: "https://lantern.acme.test",
      remapIntervalMs: 100,
      log: () => {},
    });
    try {
      await expect
        .poll(
          async () =>
            (await db.prisma.accountRemap.findUniqueOrThrow({ where: { id: queued.remap!.id } }))
              .state,
          { timeout: 30_000, interval: 100 },
        )
        .toBe("SUCCEEDED");
    } finally {
      await work.stop();
    }
    expect(await byExternalId("name")).toMatchObject({ ownerId: ids.bea, matchRule: "NAME" });
  });

  // Two sessions at once: PostgreSQL only (PGlite is one session, its transactions take turns).
  it.skipIf(!process.env.DATABASE_URL)(
    "a batch waits for a change of the app in flight, and stops when that change supersedes it",
    async () => {
      const { app } = await appWithAccounts(20);
      const first = await setAccountMappingMode(
        await ctxFor(ids.owner!),
        { appId: app.id, mode: "BROAD" },
        { inlineLimit: 10 },
      );
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      let locked!: () => void;
      const isLocked = new Promise<void>((resolve) => (locked = resolve));
      // A change of the app (as an import or a mode change makes it) holds the app's lock…
      const change = db.prisma.$transaction(async (tx) => {
        await lockAppForRemap(tx, ids.org!, app.id);
        locked();
        await held;
        await tx.app.update({ where: { id: app.id }, data: { accountMappingMode: "NARROW" } });
        return remapOrQueue(tx, {
          organizationId: ids.org!,
          appId: app.id,
          reason: "mode",
          requestedById: ids.owner!,
          at: new Date(),
          inlineLimit: 10,
        });
      });
      await isLocked;
      // … while a worker claims the queued re-map: its first batch waits.
      const run = runRemapJobs(db.prisma, { batchSize: 10 });
      await expect
        .poll(
          async () =>
            (await db.prisma.accountRemap.findUniqueOrThrow({ where: { id: first.remap!.id } }))
              .state,
        )
        .toBe("RUNNING");
      release();
      const outcome = await change;
      expect(outcome.superseded).toEqual([first.remap!.id]);
      expect(await run).toMatchObject({ claimed: 1, batches: 0, stopped: 1 });
      expect(
        await db.prisma.accountRemap.findUniqueOrThrow({ where: { id: first.remap!.id } }),
      ).toMatchObject({ state: "SUPERSEDED", done: 0 });
    },
  );
});
