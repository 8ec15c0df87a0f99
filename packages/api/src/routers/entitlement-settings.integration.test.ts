import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@lantern/db";
import {
  createApp,
  createEntitlement,
  createOrganization,
  createPolicy,
  createUser,
} from "@lantern/seed";
import { createTestDatabase } from "@lantern/db/testing";
import { callerFor as callerForUser } from "../testing.ts";

let db: Database;
const ids: Record<string, string> = {};
const id = (key: string) => ids[key]!;

const callerFor = (userId: string) => callerForUser(db.prisma, userId);

beforeAll(async () => {
  db = await createTestDatabase();
  const p = db.prisma;
  const org = await createOrganization(p, { name: "Acme", slug: "acme" });
  const other = await createOrganization(p, { name: "Globex", slug: "globex" });
  const person = (givenName: string, extra: Parameters<typeof createUser>[2] = {}) =>
    createUser(p, org, { givenName, familyName: "Tester", ...extra });
  const admin = await person("Ada", { role: "SUPER_ADMIN" });
  const owner = await person("Olga");
  const slackOwner = await person("Sven");
  const entOwner = await person("Emil");
  const member = await person("Max");
  const requester = await person("Rita");
  const requester2 = await person("Rolf");
  const zed = await person("Zed");
  const suspended = await person("Sue", { status: "SUSPENDED" });
  const outsider = await createUser(p, other, {
    givenName: "Otto",
    familyName: "Outsider",
    role: "SUPER_ADMIN",
  });

  const orgDefault = await createPolicy(p, org, { name: "Organization default" });
  const appDefault = await createPolicy(p, org, {
    name: "GitHub default",
    steps: [{ approverKind: "MANAGER" }],
  });
  const special = await createPolicy(p, org, {
    name: "Owner approval",
    steps: [{ approverKind: "APP_OWNERS" }],
  });
  const foreignPolicy = await createPolicy(p, other, { name: "Globex policy" });
  await p.organization.update({
    where: { id: org.id },
    data: { defaultRequestPolicyId: orgDefault.id, defaultRevocationPolicyId: orgDefault.id },
  });

  const github = await createApp(p, org, {
    name: "GitHub",
    owners: [owner],
    defaultRequestPolicyId: appDefault.id,
  });
  const slack = await createApp(p, org, { name: "Slack", owners: [slackOwner] });
  const read = await createEntitlement(p, github, {
    slug: "repo-read",
    displayName: "Repository read",
    owners: [entOwner],
  });
  const write = await createEntitlement(p, github, { slug: "repo-write" });
  const admins = await createEntitlement(p, github, { slug: "org-admin" });
  const channels = await createEntitlement(p, slack, { slug: "channels" });
  const globexApp = await createApp(p, other, { name: "Globex Secret" });
  const vault = await createEntitlement(p, globexApp, { slug: "vault" });

  Object.assign(ids, {
    org: org.id,
    admin: admin.id,
    owner: owner.id,
    slackOwner: slackOwner.id,
    entOwner: entOwner.id,
    member: member.id,
    requester: requester.id,
    requester2: requester2.id,
    zed: zed.id,
    suspended: suspended.id,
    outsider: outsider.id,
    orgDefault: orgDefault.id,
    appDefault: appDefault.id,
    special: special.id,
    foreignPolicy: foreignPolicy.id,
    github: github.id,
    slack: slack.id,
    globexApp: globexApp.id,
    read: read.id,
    write: write.id,
    admins: admins.id,
    channels: channels.id,
    vault: vault.id,
  });
});

afterAll(async () => {
  await db?.close();
});

const eventsOf = (targetId: string) =>
  db.prisma.event.findMany({
    where: { targetType: "Entitlement", targetId },
    orderBy: [{ at: "asc" }, { id: "asc" }],
    select: { action: true, actorId: true, before: true, after: true },
  });

const entitlementCount = () => db.prisma.entitlement.count({ where: { appId: id("github") } });

describe("entitlements.inheritedPolicies", () => {
  it("tells a new entitlement's managers what it inherits: the app's default, else the organization's", async () => {
    const caller = await callerFor(id("owner"));
    expect(await caller.entitlements.inheritedPolicies({ appId: id("github") })).toEqual({
      request: { id: id("appDefault"), name: "GitHub default", source: "APP" },
      revocation: { id: id("orgDefault"), name: "Organization default", source: "ORGANIZATION" },
    });
    await expect(
      (await callerFor(id("member"))).entitlements.inheritedPolicies({ appId: id("github") }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      (await callerFor(id("outsider"))).entitlements.inheritedPolicies({ appId: id("github") }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("entitlements.create", () => {
  it("adds an entitlement with every field, and records entitlement.created", async () => {
    const caller = await callerFor(id("owner"));
    const created = await caller.entitlements.create({
      appId: id("github"),
      displayName: "Billing manager",
      slug: "billing.manager",
      description: "Sees and pays invoices.",
      provisioningStrategy: "MANUAL",
      deprovisioningStrategy: "CONNECTOR",
      requestPolicyId: id("special"),
      revocationPolicyId: null,
      ownerIds: [id("zed"), id("entOwner"), id("zed")],
    });
    expect(created).toMatchObject({
      appId: id("github"),
      slug: "billing.manager",
      displayName: "Billing manager",
    });

    const details = await caller.entitlements.byId({ id: created.id });
    expect(details).toMatchObject({
      description: "Sees and pays invoices.",
      provisioningStrategy: "MANUAL",
      deprovisioningStrategy: "CONNECTOR",
      settings: {
        requestPolicyId: id("special"),
        revocationPolicyId: null,
        inherited: {
          request: { id: id("appDefault"), name: "GitHub default", source: "APP" },
          revocation: {
            id: id("orgDefault"),
            name: "Organization default",
            source: "ORGANIZATION",
          },
        },
      },
      policies: {
        request: { name: "Owner approval", source: "ENTITLEMENT" },
        revocation: { name: "Organization default", source: "ORGANIZATION" },
      },
      viewerCanManage: true,
    });
    expect(details.owners.map((o) => o.id).sort()).toEqual([id("entOwner"), id("zed")].sort());

    expect(await eventsOf(created.id)).toEqual([
      {
        action: "entitlement.created",
        actorId: id("owner"),
        before: null,
        after: {
          appId: id("github"),
          slug: "billing.manager",
          displayName: "Billing manager",
          description: "Sees and pays invoices.",
          provisioningStrategy: "MANUAL",
          deprovisioningStrategy: "CONNECTOR",
          requestPolicyId: id("special"),
          revocationPolicyId: null,
          ownerIds: [id("entOwner"), id("zed")].sort(),
        },
      },
    ]);
  });

  it("makes the slug from the name when none is given, with Manual strategies and inherited policies", async () => {
    const admin = await callerFor(id("admin"));
    const created = await admin.entitlements.create({
      appId: id("github"),
      displayName: "  Café Admins (EU) ",
      slug: "",
    });
    expect(created.slug).toBe("cafe-admins-eu");
    expect(created.displayName).toBe("Café Admins (EU)");
    const row = await db.prisma.entitlement.findUniqueOrThrow({ where: { id: created.id } });
    expect(row).toMatchObject({
      description: "",
      provisioningStrategy: "MANUAL",
      deprovisioningStrategy: "MANUAL",
      requestPolicyId: null,
      revocationPolicyId: null,
    });
  });

  it("refuses a slug the app already has (CONFLICT), also when made from the name", async () => {
    const caller = await callerFor(id("owner"));
    await expect(
      caller.entitlements.create({ appId: id("github"), displayName: "X", slug: "repo-read" }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      message: "GitHub already has an entitlement with the slug “repo-read”. Choose another slug.",
    });
    await expect(
      caller.entitlements.create({ appId: id("github"), displayName: "Repo read" }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    // Another app may use the same slug.
    const slackOwner = await callerFor(id("slackOwner"));
    await expect(
      slackOwner.entitlements.create({ appId: id("slack"), displayName: "Repo read" }),
    ).resolves.toMatchObject({ slug: "repo-read" });
  });

  it.each([
    [{ displayName: "" }, "Give the entitlement a name."],
    [{ displayName: "x".repeat(121) }, "A name is limited to 120 characters."],
    [{ displayName: "Ok", slug: "Has Space" }, "A slug uses only lower-case letters"],
    [{ displayName: "Ok", slug: "a".repeat(101) }, "A slug is limited to 100 characters."],
    [{ displayName: "Ok", description: "d".repeat(2001) }, "limited to 2,000 characters"],
    [{ displayName: "日本語" }, "A slug cannot be made from this name"],
  ])("refuses bad input %#", async (fields, message) => {
    const caller = await callerFor(id("owner"));
    const before = await entitlementCount();
    await expect(
      caller.entitlements.create({ appId: id("github"), ...fields }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining(message) });
    expect(await entitlementCount()).toBe(before);
  });

  it("refuses policies and owners outside the organization, and inactive owners, creating nothing", async () => {
    const caller = await callerFor(id("owner"));
    const before = await entitlementCount();
    await expect(
      caller.entitlements.create({
        appId: id("github"),
        displayName: "Foreign policy",
        revocationPolicyId: id("foreignPolicy"),
      }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("The chosen revocation policy does not exist"),
    });
    await expect(
      caller.entitlements.create({
        appId: id("github"),
        displayName: "Foreign owner",
        ownerIds: [id("zed"), id("outsider")],
      }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("not a person of your organization"),
    });
    await expect(
      caller.entitlements.create({
        appId: id("github"),
        displayName: "Suspended owner",
        ownerIds: [id("suspended")],
      }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "Sue Tester is suspended: choose active people as owners.",
    });
    expect(await entitlementCount()).toBe(before);
  });

  it("is for super admins and the app's owners only", async () => {
    const before = await entitlementCount();
    for (const who of ["member", "slackOwner", "entOwner"]) {
      await expect(
        (await callerFor(id(who))).entitlements.create({
          appId: id("github"),
          displayName: `By ${who}`,
        }),
      ).rejects.toMatchObject({
        code: "FORBIDDEN",
        message: "Only the app's owners and super admins can change this app.",
      });
    }
    await expect(
      (await callerFor(id("outsider"))).entitlements.create({
        appId: id("github"),
        displayName: "By outsider",
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await entitlementCount()).toBe(before);
  });
});

describe("entitlements.update", () => {
  it("changes every field, recording only what changed (owners as sorted ids)", async () => {
    const caller = await callerFor(id("owner"));
    const result = await caller.entitlements.update({
      id: id("read"),
      displayName: "Repository reader",
      description: "Clone and browse.",
      provisioningStrategy: "CONNECTOR",
      deprovisioningStrategy: "CONNECTOR",
      requestPolicyId: id("special"),
      revocationPolicyId: id("special"),
      ownerIds: [id("zed"), id("admin")],
    });
    expect(result.changed).toBe(true);
    expect(result.fields.sort()).toEqual(
      [
        "deprovisioningStrategy",
        "description",
        "displayName",
        "ownerIds",
        "provisioningStrategy",
        "requestPolicyId",
        "revocationPolicyId",
      ].sort(),
    );
    const details = await caller.entitlements.byId({ id: id("read") });
    expect(details).toMatchObject({
      displayName: "Repository reader",
      description: "Clone and browse.",
      provisioningStrategy: "CONNECTOR",
      deprovisioningStrategy: "CONNECTOR",
      settings: { requestPolicyId: id("special"), revocationPolicyId: id("special") },
    });
    expect(details.owners.map((o) => o.id).sort()).toEqual([id("zed"), id("admin")].sort());

    const [event] = await eventsOf(id("read"));
    expect(event).toEqual({
      action: "entitlement.updated",
      actorId: id("owner"),
      before: {
        displayName: "Repository read",
        description: "",
        provisioningStrategy: "MANUAL",
        deprovisioningStrategy: "MANUAL",
        requestPolicyId: null,
        revocationPolicyId: null,
        ownerIds: [id("entOwner")],
      },
      after: {
        displayName: "Repository reader",
        description: "Clone and browse.",
        provisioningStrategy: "CONNECTOR",
        deprovisioningStrategy: "CONNECTOR",
        requestPolicyId: id("special"),
        revocationPolicyId: id("special"),
        ownerIds: [id("zed"), id("admin")].sort(),
      },
    });
  });

  it("records one field when one changes; the same values (owners in another order) change nothing", async () => {
    const caller = await callerFor(id("admin"));
    const before = (await eventsOf(id("read"))).length;
    expect(
      await caller.entitlements.update({
        id: id("read"),
        displayName: "Repository reader",
        ownerIds: [id("admin"), id("zed")],
        provisioningStrategy: "CONNECTOR",
      }),
    ).toEqual({ changed: false, fields: [] });
    expect(await eventsOf(id("read"))).toHaveLength(before);

    await caller.entitlements.update({ id: id("read"), ownerIds: [id("zed")] });
    const events = await eventsOf(id("read"));
    expect(events).toHaveLength(before + 1);
    expect(events.at(-1)).toMatchObject({
      before: { ownerIds: [id("admin"), id("zed")].sort() },
      after: { ownerIds: [id("zed")] },
    });
    expect(Object.keys(events.at(-1)!.after as object)).toEqual(["ownerIds"]);
  });

  it("changes nothing when one field is refused (a foreign policy or a suspended owner)", async () => {
    const caller = await callerFor(id("owner"));
    const before = await db.prisma.entitlement.findUniqueOrThrow({ where: { id: id("write") } });
    await expect(
      caller.entitlements.update({
        id: id("write"),
        displayName: "Renamed",
        requestPolicyId: id("foreignPolicy"),
      }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("The chosen request policy does not exist"),
    });
    await expect(
      caller.entitlements.update({
        id: id("write"),
        displayName: "Renamed",
        ownerIds: [id("suspended")],
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(
      caller.entitlements.update({ id: id("write"), displayName: "  " }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await db.prisma.entitlement.findUniqueOrThrow({ where: { id: id("write") } })).toEqual(
      before,
    );
    expect(await eventsOf(id("write"))).toEqual([]);
  });

  it("refuses members, owners of another app and entitlement owners who do not own the app", async () => {
    await db.prisma.entitlementOwner.create({
      data: { entitlementId: id("write"), userId: id("entOwner") },
    });
    for (const who of ["member", "slackOwner", "entOwner"]) {
      await expect(
        (await callerFor(id(who))).entitlements.update({ id: id("write"), description: "Mine" }),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    const member = await callerFor(id("member"));
    expect((await member.entitlements.byId({ id: id("write") })).viewerCanManage).toBe(false);
    await expect(
      (await callerFor(id("outsider"))).entitlements.update({
        id: id("write"),
        description: "Mine",
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      (await callerFor(id("admin"))).entitlements.update({ id: id("vault"), description: "Mine" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await eventsOf(id("write"))).toEqual([]);
  });
});

describe("entitlements.bulkUpdate", () => {
  it("sets a policy on several entitlements: one event per entitlement that changed", async () => {
    const caller = await callerFor(id("owner"));
    await caller.entitlements.update({ id: id("admins"), revocationPolicyId: id("special") });
    const result = await caller.entitlements.bulkUpdate({
      appId: id("github"),
      entitlementIds: [id("write"), id("admins"), id("write")],
      set: { revocationPolicyId: id("special") },
    });
    expect(result).toEqual({ changed: 1, unchanged: 1 });
    expect(await eventsOf(id("write"))).toEqual([
      {
        action: "entitlement.updated",
        actorId: id("owner"),
        before: { revocationPolicyId: null },
        after: { revocationPolicyId: id("special") },
      },
    ]);
    expect(await eventsOf(id("admins"))).toHaveLength(1);
  });

  it("sets strategies and clears policies (inherit)", async () => {
    const caller = await callerFor(id("admin"));
    const result = await caller.entitlements.bulkUpdate({
      appId: id("github"),
      entitlementIds: [id("write"), id("admins")],
      set: { provisioningStrategy: "CONNECTOR", revocationPolicyId: null },
    });
    expect(result).toEqual({ changed: 2, unchanged: 0 });
    const rows = await db.prisma.entitlement.findMany({
      where: { id: { in: [id("write"), id("admins")] } },
      select: { provisioningStrategy: true, revocationPolicyId: true },
    });
    expect(rows).toEqual([
      { provisioningStrategy: "CONNECTOR", revocationPolicyId: null },
      { provisioningStrategy: "CONNECTOR", revocationPolicyId: null },
    ]);
    expect((await eventsOf(id("write"))).at(-1)).toMatchObject({
      before: { provisioningStrategy: "MANUAL", revocationPolicyId: id("special") },
      after: { provisioningStrategy: "CONNECTOR", revocationPolicyId: null },
    });
  });

  it("changes nothing when one id is not an entitlement of the app (another app, another organization)", async () => {
    const caller = await callerFor(id("admin"));
    const snapshot = () =>
      db.prisma.entitlement.findMany({ where: { appId: id("github") }, orderBy: { id: "asc" } });
    const before = await snapshot();
    const eventsBefore = await db.prisma.event.count();
    await expect(
      caller.entitlements.bulkUpdate({
        appId: id("github"),
        entitlementIds: [id("write"), id("channels")],
        set: { deprovisioningStrategy: "CONNECTOR" },
      }),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
      message:
        "1 of the chosen entitlements was not found in GitHub: nothing was changed. Reload the page and try again.",
    });
    await expect(
      caller.entitlements.bulkUpdate({
        appId: id("github"),
        entitlementIds: [id("write"), id("vault"), id("channels")],
        set: { deprovisioningStrategy: "CONNECTOR" },
      }),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: expect.stringContaining("2 of the chosen entitlements were not found"),
    });
    await expect(
      caller.entitlements.bulkUpdate({
        appId: id("github"),
        entitlementIds: [id("write")],
        set: { requestPolicyId: id("foreignPolicy") },
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await snapshot()).toEqual(before);
    expect(await db.prisma.event.count()).toBe(eventsBefore);
  });

  it("refuses empty changes, empty or too long selections", async () => {
    const caller = await callerFor(id("admin"));
    await expect(
      caller.entitlements.bulkUpdate({
        appId: id("github"),
        entitlementIds: [id("write")],
        set: {},
      }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("Choose what to set"),
    });
    await expect(
      caller.entitlements.bulkUpdate({
        appId: id("github"),
        entitlementIds: [],
        set: { provisioningStrategy: "MANUAL" },
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(
      caller.entitlements.bulkUpdate({
        appId: id("github"),
        entitlementIds: Array.from({ length: 501 }, () => crypto.randomUUID()),
        set: { provisioningStrategy: "MANUAL" },
      }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("at most 500"),
    });
  });

  it("is for super admins and the app's owners only", async () => {
    const input = {
      appId: id("github"),
      entitlementIds: [id("write")],
      set: { provisioningStrategy: "MANUAL" as const },
    };
    for (const who of ["member", "slackOwner", "entOwner"]) {
      await expect((await callerFor(id(who))).entitlements.bulkUpdate(input)).rejects.toMatchObject(
        { code: "FORBIDDEN" },
      );
    }
    await expect(
      (await callerFor(id("outsider"))).entitlements.bulkUpdate(input),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("the policy a request runs under", () => {
  it("follows the override, and falls back to the app's, then the organization's default when cleared", async () => {
    const owner = await callerFor(id("owner"));
    await owner.entitlements.update({ id: id("admins"), requestPolicyId: id("special") });
    const first = await (
      await callerFor(id("requester"))
    ).requests.create({ entitlementId: id("admins"), reason: "On call" });
    expect(first.policyName).toBe("Owner approval");

    await owner.entitlements.update({ id: id("admins"), requestPolicyId: null });
    expect((await owner.entitlements.byId({ id: id("admins") })).policies.request).toMatchObject({
      name: "GitHub default",
      source: "APP",
    });
    const second = await (
      await callerFor(id("requester2"))
    ).requests.create({ entitlementId: id("admins"), reason: "On call too" });
    expect(second.policyName).toBe("GitHub default");
    // The running request keeps the policy it started under.
    expect(
      await db.prisma.request.findUniqueOrThrow({
        where: { id: first.requestId },
        select: { policyName: true },
      }),
    ).toEqual({ policyName: "Owner approval" });

    await db.prisma.app.update({
      where: { id: id("github") },
      data: { defaultRequestPolicyId: null },
    });
    const details = await owner.entitlements.byId({ id: id("admins") });
    expect(details.policies.request).toMatchObject({
      name: "Organization default",
      source: "ORGANIZATION",
    });
    expect(details.settings.inherited.request).toEqual({
      id: id("orgDefault"),
      name: "Organization default",
      source: "ORGANIZATION",
    });
  });
});
