import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@lantern/db";
import { createApp, createOrganization, createPolicy, createUser } from "@lantern/seed";
import { createTestDatabase } from "@lantern/db/testing";
import { callerFor as callerForUser } from "../testing.ts";

// Add application and App settings (issue 6), through the API: who may, what is checked, and
// the Event each change leaves (before and after).

let db: Database;
const callerFor = (userId: string) => callerForUser(db.prisma, userId);

const ids = {} as Record<
  | "org"
  | "admin"
  | "owner"
  | "member"
  | "ada"
  | "sam"
  | "suspended"
  | "otherOwner"
  | "auditor"
  | "otherAdmin"
  | "otherPerson"
  | "app"
  | "otherApp"
  | "foreignApp"
  | "standard"
  | "strict"
  | "orgDefault"
  | "foreignPolicy",
  string
>;

beforeAll(async () => {
  db = await createTestDatabase();
  const p = db.prisma;
  const org = await createOrganization(p, { name: "Acme", slug: "acme-app-settings" });
  const other = await createOrganization(p, { name: "Globex", slug: "globex-app-settings" });
  const person = (given: string, family: string, extra: Record<string, unknown> = {}) =>
    createUser(p, org, {
      givenName: given,
      familyName: family,
      email: `${given.toLowerCase()}@acme.test`,
      ...extra,
    });
  const admin = await person("Ada", "Admin", { role: "SUPER_ADMIN" });
  const owner = await person("Olga", "Owner");
  const member = await person("Max", "Member");
  const ada = await person("Adele", "Lovelace");
  const sam = await person("Sam", "Sato");
  const suspended = await person("Sue", "Spended", { status: "SUSPENDED" });
  const otherOwner = await person("Oscar", "Other");
  const auditor = await person("Avery", "Auditor", { role: "AUDITOR" });
  const otherAdmin = await createUser(p, other, {
    email: "admin@globex.test",
    role: "SUPER_ADMIN",
  });
  const otherPerson = await createUser(p, other, { email: "gil@globex.test" });
  const orgDefault = await createPolicy(p, org, { name: "Manager approval" });
  await p.organization.update({
    where: { id: org.id },
    data: { defaultRequestPolicyId: orgDefault.id },
  });
  const standard = await createPolicy(p, org, { name: "Standard" });
  const strict = await createPolicy(p, org, { name: "Strict" });
  const foreignPolicy = await createPolicy(p, other, { name: "Foreign" });
  const app = await createApp(p, org, {
    name: "GitHub",
    description: "Code hosting",
    owners: [owner],
  });
  const otherApp = await createApp(p, org, { name: "Slack", owners: [otherOwner] });
  const foreignApp = await createApp(p, other, { name: "Jira", owners: [otherPerson] });
  Object.assign(ids, {
    auditor: auditor.id,
    org: org.id,
    admin: admin.id,
    owner: owner.id,
    member: member.id,
    ada: ada.id,
    sam: sam.id,
    suspended: suspended.id,
    otherOwner: otherOwner.id,
    otherAdmin: otherAdmin.id,
    otherPerson: otherPerson.id,
    app: app.id,
    otherApp: otherApp.id,
    foreignApp: foreignApp.id,
    standard: standard.id,
    strict: strict.id,
    orgDefault: orgDefault.id,
    foreignPolicy: foreignPolicy.id,
  });
});

afterAll(async () => {
  await db?.close();
});

function appEvents(appId: string) {
  return db.prisma.event.findMany({
    where: { targetType: "App", targetId: appId },
    orderBy: [{ at: "asc" }, { id: "asc" }],
  });
}

function appRow(appId: string) {
  return db.prisma.app.findUniqueOrThrow({
    where: { id: appId },
    include: { members: { orderBy: { userId: "asc" } } },
  });
}

/** The zod messages of a refused input, by field. */
async function zodMessages(call: Promise<unknown>): Promise<Record<string, string>> {
  const error = (await call.then(
    () => null,
    (e: unknown) => e,
  )) as { code: string; cause: { issues: Array<{ path: string[]; message: string }> } } | null;
  expect(error?.code).toBe("BAD_REQUEST");
  return Object.fromEntries(error!.cause.issues.map((i) => [i.path.join("."), i.message]));
}

describe("apps.create (Add application)", () => {
  it("a super admin adds an app, with or without owners; app.created says what it starts with", async () => {
    const admin = await callerFor(ids.admin);
    const bare = await admin.apps.create({ name: "  Figma  " });
    expect(bare.name).toBe("Figma");
    const row = await appRow(bare.id);
    expect(row).toMatchObject({
      organizationId: ids.org,
      name: "Figma",
      description: "",
      iconUrl: null,
      status: "MANAGED",
      members: [],
    });

    const owned = await admin.apps.create({
      name: "Notion",
      description: "Docs and wikis",
      iconUrl: "https://notion.example/icon.png",
      ownerIds: [ids.sam, ids.ada, ids.sam],
    });
    const notion = await appRow(owned.id);
    expect(notion.members.map((m) => [m.userId, m.role])).toEqual(
      [ids.ada, ids.sam].sort().map((id) => [id, "OWNER"]),
    );
    const [created, ...more] = await appEvents(owned.id);
    expect(more).toEqual([]);
    expect(created).toMatchObject({
      organizationId: ids.org,
      actorId: ids.admin,
      action: "app.created",
      before: null,
      after: {
        name: "Notion",
        description: "Docs and wikis",
        iconUrl: "https://notion.example/icon.png",
        status: "MANAGED",
        accountMappingMode: "NARROW",
        ownerIds: [ids.ada, ids.sam].sort(),
      },
    });
  });

  it("refuses a name another app has, whatever its case (CONFLICT), and writes nothing", async () => {
    const admin = await callerFor(ids.admin);
    await expect(admin.apps.create({ name: "github" })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "An app named “GitHub” already exists.",
    });
    expect(await db.prisma.app.count({ where: { name: "github" } })).toBe(0);
  });

  it("another organization's app name is free", async () => {
    const created = await (await callerFor(ids.admin)).apps.create({ name: "Jira" });
    expect((await appRow(created.id)).organizationId).toBe(ids.org);
  });

  it("refuses members and app owners: only super admins add applications", async () => {
    for (const who of [ids.member, ids.owner]) {
      await expect((await callerFor(who)).apps.create({ name: "Sneaky" })).rejects.toMatchObject({
        code: "FORBIDDEN",
        message: "Only super admins can add applications.",
      });
    }
    expect(await db.prisma.app.count({ where: { name: "Sneaky" } })).toBe(0);
  });

  it("validates name, description and icon URL", async () => {
    const admin = await callerFor(ids.admin);
    expect(
      await zodMessages(
        admin.apps.create({
          name: "   ",
          description: "x".repeat(2_001),
          iconUrl: "javascript:alert(1)",
        }),
      ),
    ).toEqual({
      name: "Give the app a name.",
      description: "A description is limited to 2,000 characters.",
      iconUrl: "The icon URL must be a web address starting with https:// or http://.",
    });
    expect(await zodMessages(admin.apps.create({ name: "x".repeat(101) }))).toEqual({
      name: "An app name is limited to 100 characters.",
    });
    expect(await zodMessages(admin.apps.create({ name: "Ok", iconUrl: "icon.png" }))).toEqual({
      iconUrl: "The icon URL must be a web address starting with https:// or http://.",
    });
  });

  it("refuses owners from another organization or not active, and writes nothing", async () => {
    const admin = await callerFor(ids.admin);
    await expect(
      admin.apps.create({ name: "Zoom", ownerIds: [ids.ada, ids.otherPerson] }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      admin.apps.create({ name: "Zoom", ownerIds: [ids.ada, ids.suspended] }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "Sue Spended is suspended: choose an active person as owner.",
    });
    expect(await db.prisma.app.count({ where: { name: "Zoom" } })).toBe(0);
  });
});

describe("apps.settings", () => {
  it("answers everything the page shows, with the organization's defaults", async () => {
    await db.prisma.appMember.create({
      data: { appId: ids.app, userId: ids.sam, role: "PROVISIONER" },
    });
    const settings = await (await callerFor(ids.owner)).apps.settings({ appId: ids.app });
    expect(settings).toMatchObject({
      id: ids.app,
      name: "GitHub",
      description: "Code hosting",
      iconUrl: null,
      status: "MANAGED",
      accountMappingMode: "NARROW",
      defaultRequestPolicy: null,
      defaultRevocationPolicy: null,
      organizationDefaults: {
        requestPolicy: { id: ids.orgDefault, name: "Manager approval" },
        revocationPolicy: null,
      },
      owners: [
        { id: ids.owner, displayName: "Olga Owner", email: "olga@acme.test", status: "ACTIVE" },
      ],
      provisioners: [{ id: ids.sam, displayName: "Sam Sato" }],
      deprovisioners: [],
      viewerCanManage: true,
    });
    await db.prisma.appMember.deleteMany({ where: { appId: ids.app, role: "PROVISIONER" } });
  });

  it("shows an auditor the page, and says they may change nothing on it", async () => {
    const auditor = await callerFor(ids.auditor);
    const settings = await auditor.apps.settings({ appId: ids.app });
    expect(settings).toMatchObject({ id: ids.app, viewerCanManage: false });
    expect(
      (await (await callerFor(ids.admin)).apps.settings({ appId: ids.app })).viewerCanManage,
    ).toBe(true);
    await expect(
      auditor.apps.update({ appId: ids.app, description: "Audited" }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: "Only the app's owners and super admins can change this app.",
    });
  });

  it("refuses members and owners of another app (FORBIDDEN), other organizations (NOT_FOUND)", async () => {
    for (const who of [ids.member, ids.otherOwner]) {
      await expect((await callerFor(who)).apps.settings({ appId: ids.app })).rejects.toMatchObject({
        code: "FORBIDDEN",
        message: "Only the app's owners, super admins and auditors can see this app's settings.",
      });
    }
    await expect(
      (await callerFor(ids.otherAdmin)).apps.settings({ appId: ids.app }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      (await callerFor(ids.admin)).apps.settings({ appId: ids.foreignApp }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("apps.update", () => {
  it("an owner edits details and instructions; app.updated holds only what changed", async () => {
    const owner = await callerFor(ids.owner);
    const answer = await owner.apps.update({
      appId: ids.app,
      name: "GitHub Enterprise",
      description: "Code hosting", // unchanged: not in the event
      iconUrl: "https://github.example/icon.svg",
      provisioningInstructions: "  1. Open **Settings**\n2. Invite the person  ",
    });
    expect(answer.changed).toBe(true);
    expect(answer.settings).toMatchObject({
      name: "GitHub Enterprise",
      iconUrl: "https://github.example/icon.svg",
      provisioningInstructions: "1. Open **Settings**\n2. Invite the person",
      deprovisioningInstructions: "",
    });
    const updated = (await appEvents(ids.app)).filter((e) => e.action === "app.updated");
    expect(updated).toHaveLength(1);
    expect(updated[0]).toMatchObject({
      actorId: ids.owner,
      before: {
        name: "GitHub",
        iconUrl: null,
        provisioningInstructions: "",
      },
      after: {
        name: "GitHub Enterprise",
        iconUrl: "https://github.example/icon.svg",
        provisioningInstructions: "1. Open **Settings**\n2. Invite the person",
      },
    });
    expect(Object.keys(updated[0]!.after as object).sort()).toEqual([
      "iconUrl",
      "name",
      "provisioningInstructions",
    ]);
  });

  it("the same values again change nothing and write no event", async () => {
    const before = (await appEvents(ids.app)).length;
    const answer = await (
      await callerFor(ids.admin)
    ).apps.update({
      appId: ids.app,
      name: "GitHub Enterprise",
      description: "Code hosting",
    });
    expect(answer.changed).toBe(false);
    expect(await appEvents(ids.app)).toHaveLength(before);
  });

  it("clears the icon with an empty URL, and sets the deprovisioning instructions", async () => {
    const admin = await callerFor(ids.admin);
    const answer = await admin.apps.update({
      appId: ids.app,
      iconUrl: "",
      deprovisioningInstructions: "Remove the seat.",
    });
    expect(answer.settings).toMatchObject({
      iconUrl: null,
      deprovisioningInstructions: "Remove the seat.",
    });
    const last = (await appEvents(ids.app)).at(-1)!;
    expect(last).toMatchObject({
      actorId: ids.admin,
      action: "app.updated",
      before: { iconUrl: "https://github.example/icon.svg", deprovisioningInstructions: "" },
      after: { iconUrl: null, deprovisioningInstructions: "Remove the seat." },
    });
  });

  it("sets and clears the default policies (organization policies only)", async () => {
    const admin = await callerFor(ids.admin);
    const set = await admin.apps.update({
      appId: ids.app,
      defaultRequestPolicyId: ids.standard,
      defaultRevocationPolicyId: ids.strict,
    });
    expect(set.settings).toMatchObject({
      defaultRequestPolicy: { id: ids.standard, name: "Standard" },
      defaultRevocationPolicy: { id: ids.strict, name: "Strict" },
    });
    expect((await appEvents(ids.app)).at(-1)).toMatchObject({
      action: "app.updated",
      before: { defaultRequestPolicyId: null, defaultRevocationPolicyId: null },
      after: { defaultRequestPolicyId: ids.standard, defaultRevocationPolicyId: ids.strict },
    });

    const cleared = await admin.apps.update({ appId: ids.app, defaultRevocationPolicyId: null });
    expect(cleared.settings).toMatchObject({
      defaultRequestPolicy: { id: ids.standard },
      defaultRevocationPolicy: null,
    });

    const before = await appRow(ids.app);
    await expect(
      admin.apps.update({
        appId: ids.app,
        description: "Would be partial",
        defaultRequestPolicyId: ids.foreignPolicy,
      }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message:
        "The default request policy you chose does not exist in your organization. Reload the page and choose again.",
    });
    expect(await appRow(ids.app)).toEqual(before);
  });

  it("refuses a name another app has (CONFLICT) and changes nothing else of that call", async () => {
    const before = await appRow(ids.app);
    const events = (await appEvents(ids.app)).length;
    await expect(
      (await callerFor(ids.owner)).apps.update({
        appId: ids.app,
        name: "SLACK",
        description: "Would be partial",
      }),
    ).rejects.toMatchObject({ code: "CONFLICT", message: "An app named “Slack” already exists." });
    expect(await appRow(ids.app)).toEqual(before);
    expect(await appEvents(ids.app)).toHaveLength(events);
  });

  it("lets an app be renamed in another case of its own name", async () => {
    const admin = await callerFor(ids.admin);
    const answer = await admin.apps.update({ appId: ids.app, name: "GITHUB Enterprise" });
    expect(answer.settings.name).toBe("GITHUB Enterprise");
    await admin.apps.update({ appId: ids.app, name: "GitHub Enterprise" });
  });

  it("validates lengths and the icon URL", async () => {
    const admin = await callerFor(ids.admin);
    expect(
      await zodMessages(
        admin.apps.update({
          appId: ids.app,
          name: "",
          iconUrl: "ftp://files.example/icon.png",
          provisioningInstructions: "x".repeat(20_001),
          defaultRequestPolicyId: "standard",
        }),
      ),
    ).toEqual({
      name: "Give the app a name.",
      iconUrl: "The icon URL must be a web address starting with https:// or http://.",
      provisioningInstructions: "Instructions are limited to 20,000 characters.",
      defaultRequestPolicyId: "That is not a valid policy id.",
    });
    const ok = await admin.apps.update({
      appId: ids.app,
      deprovisioningInstructions: "y".repeat(20_000),
    });
    expect(ok.settings.deprovisioningInstructions).toHaveLength(20_000);
  });

  it("refuses members, owners of another app and other organizations; writes nothing", async () => {
    const before = await appRow(ids.app);
    for (const who of [ids.member, ids.otherOwner]) {
      await expect(
        (await callerFor(who)).apps.update({ appId: ids.app, name: "Mine now" }),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    await expect(
      (await callerFor(ids.otherAdmin)).apps.update({ appId: ids.app, name: "Mine now" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await appRow(ids.app)).toEqual(before);
  });
});

describe("apps.setMembers", () => {
  it("replaces owners, provisioners and deprovisioners; each change writes the changed roles before and after", async () => {
    const owner = await callerFor(ids.owner);
    const owners = await owner.apps.setMembers({ appId: ids.app, ownerIds: [ids.ada, ids.owner] });
    expect(owners.changed).toBe(true);
    expect(owners.settings.owners.map((o) => o.displayName)).toEqual([
      "Adele Lovelace",
      "Olga Owner",
    ]);
    const ownersEvent = (await appEvents(ids.app)).at(-1)!;
    expect(ownersEvent).toMatchObject({
      actorId: ids.owner,
      action: "app.members_changed",
      before: { ownerIds: [ids.owner] },
      after: { ownerIds: [ids.ada, ids.owner].sort() },
    });
    expect(Object.keys(ownersEvent.after as object)).toEqual(["ownerIds"]);

    // Several roles at once; an unchanged role given again is not in the event.
    const both = await owner.apps.setMembers({
      appId: ids.app,
      ownerIds: [ids.owner, ids.ada],
      provisionerIds: [ids.sam, ids.member],
      deprovisionerIds: [ids.sam],
    });
    expect(both.settings.provisioners.map((p) => p.id)).toEqual([ids.member, ids.sam]);
    expect(both.settings.deprovisioners.map((p) => p.id)).toEqual([ids.sam]);
    const bothEvent = (await appEvents(ids.app)).at(-1)!;
    expect(bothEvent).toMatchObject({
      action: "app.members_changed",
      before: { provisionerIds: [], deprovisionerIds: [] },
      after: { provisionerIds: [ids.member, ids.sam].sort(), deprovisionerIds: [ids.sam] },
    });
    expect(Object.keys(bothEvent.after as object).sort()).toEqual([
      "deprovisionerIds",
      "provisionerIds",
    ]);

    const emptied = await owner.apps.setMembers({ appId: ids.app, provisionerIds: [] });
    expect(emptied.settings).toMatchObject({
      provisioners: [],
      deprovisioners: [{ id: ids.sam }],
    });
    expect((await appEvents(ids.app)).at(-1)).toMatchObject({
      before: { provisionerIds: [ids.member, ids.sam].sort() },
      after: { provisionerIds: [] },
    });
    const members = (await appRow(ids.app)).members.map((m) => `${m.role}:${m.userId}`).sort();
    expect(members).toEqual(
      [`OWNER:${ids.ada}`, `OWNER:${ids.owner}`, `DEPROVISIONER:${ids.sam}`].sort(),
    );
  });

  it("the same people in another order change nothing and write no event", async () => {
    const before = (await appEvents(ids.app)).length;
    const answer = await (
      await callerFor(ids.admin)
    ).apps.setMembers({
      appId: ids.app,
      ownerIds: [ids.owner, ids.ada, ids.ada],
      deprovisionerIds: [ids.sam],
    });
    expect(answer.changed).toBe(false);
    expect(await appEvents(ids.app)).toHaveLength(before);
  });

  it("refuses people of another organization and inactive newcomers, writing nothing of the call; keeps a suspended member", async () => {
    const admin = await callerFor(ids.admin);
    const before = await appRow(ids.app);
    const events = (await appEvents(ids.app)).length;
    await expect(
      admin.apps.setMembers({
        appId: ids.app,
        provisionerIds: [ids.member],
        ownerIds: [ids.otherPerson],
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      admin.apps.setMembers({
        appId: ids.app,
        ownerIds: [ids.owner, ids.member],
        provisionerIds: [ids.member, ids.suspended],
      }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "Sue Spended is suspended: choose an active person as provisioner.",
    });
    expect(await appRow(ids.app)).toEqual(before);
    expect(await appEvents(ids.app)).toHaveLength(events);

    // Someone suspended after being named stays until removed; the others can still change.
    await db.prisma.appMember.create({
      data: { appId: ids.app, userId: ids.suspended, role: "DEPROVISIONER" },
    });
    const kept = await admin.apps.setMembers({
      appId: ids.app,
      deprovisionerIds: [ids.suspended, ids.sam, ids.member],
    });
    expect(kept.settings.deprovisioners.map((d) => [d.displayName, d.status])).toEqual([
      ["Max Member", "ACTIVE"],
      ["Sam Sato", "ACTIVE"],
      ["Sue Spended", "SUSPENDED"],
    ]);
    await admin.apps.setMembers({ appId: ids.app, deprovisionerIds: [ids.sam] });
  });

  it("a managed app keeps at least one owner", async () => {
    const before = await appRow(ids.app);
    await expect(
      (await callerFor(ids.admin)).apps.setMembers({
        appId: ids.app,
        ownerIds: [],
        provisionerIds: [ids.member],
      }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "An app needs at least one owner: add someone else before removing the last owner.",
    });
    expect(await appRow(ids.app)).toEqual(before);
  });

  it("refuses members, owners of another app and other organizations", async () => {
    for (const who of [ids.member, ids.otherOwner]) {
      await expect(
        (await callerFor(who)).apps.setMembers({ appId: ids.app, ownerIds: [who] }),
      ).rejects.toMatchObject({
        code: "FORBIDDEN",
        message: "Only the app's owners and super admins can change this app.",
      });
    }
    await expect(
      (await callerFor(ids.otherAdmin)).apps.setMembers({
        appId: ids.app,
        ownerIds: [ids.otherPerson],
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      (await callerFor(ids.admin)).apps.setMembers({
        appId: ids.foreignApp,
        ownerIds: [ids.ada],
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("validates the ids, and that some list is given", async () => {
    const admin = await callerFor(ids.admin);
    expect(
      await zodMessages(
        admin.apps.setMembers({
          appId: ids.app,
          provisionerIds: ["nobody"],
          ownerIds: Array.from({ length: 101 }, () => ids.ada),
        }),
      ),
    ).toEqual({
      "provisionerIds.0": "That is not a valid person id.",
      ownerIds: "At most 100 people per role.",
    });
    expect(await zodMessages(admin.apps.setMembers({ appId: ids.app }))).toEqual({
      "": "Say whose list changes: ownerIds, provisionerIds or deprovisionerIds.",
    });
  });

  it("an owner who removes themselves gets the answer, then no longer manages the app", async () => {
    const owner = await callerFor(ids.owner);
    const answer = await owner.apps.setMembers({ appId: ids.app, ownerIds: [ids.ada] });
    expect(answer.settings.owners.map((o) => o.id)).toEqual([ids.ada]);
    await expect(owner.apps.settings({ appId: ids.app })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(owner.apps.update({ appId: ids.app, name: "Back" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });
});
