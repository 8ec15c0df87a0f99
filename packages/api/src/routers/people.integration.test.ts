import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import type { Database, User } from "@lantern/db";
import {
  createAccount,
  createApp,
  createEntitlement,
  createOrganization,
  createPolicy,
  createRequestWithTasks,
  createUser,
} from "@lantern/seed";
import { createTestDatabase } from "@lantern/db/testing";
import { callerFor as callerForUser } from "../testing.ts";

// The people directory's filters, the person page and the people changes (users.byId, search,
// create, setRole, setManager, setStatus) through the API on a real database: every refusal,
// validation, the events with before and after, nothing partial, and a suspended owner shown
// on the accounts they own.

let db: Database;
let org: { id: string };
let other: { id: string };
const people: Record<string, User> = {};
let seq = 0;

const callerFor = (user: { id: string } | null) => callerForUser(db.prisma, user?.id ?? null);

async function expectError(promise: Promise<unknown>, code: string, message?: RegExp | string) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, `expected ${code}`).toBeInstanceOf(TRPCError);
  expect((error as TRPCError).code).toBe(code);
  if (message) expect((error as TRPCError).message).toMatch(message);
  return error as TRPCError;
}

/** A fresh active member (unique name) of Acme. */
async function person(extra: Parameters<typeof createUser>[2] = {}) {
  seq += 1;
  return createUser(db.prisma, org, {
    givenName: "Pat",
    familyName: `Person${String(seq).padStart(3, "0")}`,
    ...extra,
  });
}

const eventsAbout = (userId: string, action?: string) =>
  db.prisma.event.findMany({
    where: { targetType: "User", targetId: userId, ...(action ? { action } : {}) },
    orderBy: { at: "asc" },
  });

beforeAll(async () => {
  db = await createTestDatabase();
  const p = db.prisma;
  org = await createOrganization(p, { name: "Acme", slug: "acme-people" });
  other = await createOrganization(p, { name: "Globex", slug: "globex-people" });
  await p.organization.update({
    where: { id: org.id },
    data: { emailNotificationsDefault: false, slackNotificationsDefault: true },
  });
  const add = async (key: string, input: Parameters<typeof createUser>[2]) =>
    (people[key] = await createUser(p, org, input));
  await add("admin", { givenName: "Ada", familyName: "Admin", role: "SUPER_ADMIN" });
  await add("admin2", { givenName: "Abe", familyName: "Admin", role: "SUPER_ADMIN" });
  await add("lead", { givenName: "Hana", familyName: "Lead", manager: people.admin });
  await add("member", { givenName: "Max", familyName: "Member", manager: people.lead });
  await add("sam", { givenName: "Sam", familyName: "Suspended", status: "SUSPENDED" });
  people.outsider = await createUser(p, other, {
    givenName: "Otto",
    familyName: "Outsider",
    role: "SUPER_ADMIN",
  });
});

afterAll(async () => {
  await db?.close();
});

describe("users.list filters", () => {
  it("filters by role, manager and 'has no manager'", async () => {
    const caller = await callerFor(people.admin!);
    const names = async (input: Parameters<typeof caller.users.list>[0]) =>
      (await caller.users.list(input)).items.map((u) => u.displayName);
    expect(await names({ role: "SUPER_ADMIN" })).toEqual(["Abe Admin", "Ada Admin"]);
    expect(await names({ managerId: people.lead!.id })).toEqual(["Max Member"]);
    expect(await names({ noManager: true, status: "ACTIVE", search: "a" })).toEqual([
      "Abe Admin",
      "Ada Admin",
    ]);
    expect(await names({ managerId: people.outsider!.id })).toEqual([]);
  });
});

describe("users.byId", () => {
  it("shows manager, reports, accounts they own, open tasks and history", async () => {
    const p = db.prisma;
    const app = await createApp(p, org, { name: "GitHub", provisioners: [people.lead!] });
    const zoom = await createApp(p, org, { name: "Zoom" });
    await createAccount(p, zoom, { owner: people.lead!, login: "hana-zoom" });
    const account = await createAccount(p, app, { owner: people.lead!, login: "hana" });
    const requester = await person();
    const policy = await createPolicy(p, org, { name: "Byid policy" });
    const entitlement = await createEntitlement(p, app, { slug: "admin", displayName: "Admin" });
    const { tasks } = await createRequestWithTasks(p, {
      requester,
      entitlement,
      account,
      policy,
      reason: "Needed",
      tasks: [{ kind: "PROVISION", assignees: [people.lead!] }],
    });
    const page = await (await callerFor(people.admin!)).users.byId({ userId: people.lead!.id });
    expect(page).toMatchObject({
      displayName: "Hana Lead",
      role: "MEMBER",
      status: "ACTIVE",
      manager: { id: people.admin!.id, displayName: "Ada Admin" },
      reports: { items: [{ id: people.member!.id, displayName: "Max Member" }], total: 1 },
      accounts: {
        items: [
          { login: "hana", app: { name: "GitHub" }, status: "ACTIVE", type: "USER" },
          { login: "hana-zoom", app: { name: "Zoom" } },
        ],
        total: 2,
      },
      openTasks: {
        items: [{ number: tasks[0]!.number, kind: "PROVISION", app: { name: "GitHub" } }],
        total: 1,
      },
      history: [],
    });
  });

  it("refuses members (FORBIDDEN) and people of other organizations (NOT_FOUND)", async () => {
    await expectError(
      (await callerFor(people.member!)).users.byId({ userId: people.lead!.id }),
      "FORBIDDEN",
    );
    await expectError(
      (await callerFor(people.outsider!)).users.byId({ userId: people.lead!.id }),
      "NOT_FOUND",
    );
    await expectError(
      (await callerFor(people.admin!)).users.byId({ userId: "not-a-uuid" }),
      "BAD_REQUEST",
    );
  });
});

describe("users.search", () => {
  it("finds active people of the organization by name or email", async () => {
    const caller = await callerFor(people.admin!);
    expect((await caller.users.search({ search: "ADMIN" })).map((u) => u.displayName)).toEqual([
      "Abe Admin",
      "Ada Admin",
    ]);
    expect(await caller.users.search({ search: "Sam" })).toEqual([]);
    expect(await caller.users.search({ search: "Otto" })).toEqual([]);
    await expectError((await callerFor(people.member!)).users.search({}), "FORBIDDEN");
  });
});

describe("users.setRole", () => {
  it("changes the role with an event, and writes nothing when nothing changes", async () => {
    const pat = await person();
    const caller = await callerFor(people.admin!);
    const result = await caller.users.setRole({ userId: pat.id, role: "SUPER_ADMIN" });
    expect(result).toMatchObject({ changed: true, person: { role: "SUPER_ADMIN" } });
    expect(await caller.users.setRole({ userId: pat.id, role: "SUPER_ADMIN" })).toMatchObject({
      changed: false,
    });
    const events = await eventsAbout(pat.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: "user.role_changed",
      actorId: people.admin!.id,
      before: { role: "MEMBER" },
      after: { role: "SUPER_ADMIN" },
    });
  });

  it("keeps at least one active super admin", async () => {
    const p = db.prisma;
    const lone = await createOrganization(p, { name: "Lone", slug: "lone-people" });
    const only = await createUser(p, lone, { role: "SUPER_ADMIN" });
    await expectError(
      (await callerFor(only)).users.setRole({ userId: only.id, role: "MEMBER" }),
      "CONFLICT",
      /only active super admin/,
    );
    expect((await p.user.findUniqueOrThrow({ where: { id: only.id } })).role).toBe("SUPER_ADMIN");
    expect(await eventsAbout(only.id)).toEqual([]);
  });

  it("makes someone an auditor like any role change: an event, their sessions end", async () => {
    const pat = await person();
    const before = await db.prisma.user.findUniqueOrThrow({ where: { id: pat.id } });
    const caller = await callerFor(people.admin!);
    expect(await caller.users.setRole({ userId: pat.id, role: "AUDITOR" })).toMatchObject({
      changed: true,
      person: { role: "AUDITOR" },
    });
    const after = await db.prisma.user.findUniqueOrThrow({ where: { id: pat.id } });
    expect(after.sessionGeneration).toBeGreaterThan(before.sessionGeneration);
    expect(await eventsAbout(pat.id, "user.role_changed")).toMatchObject([
      { before: { role: "MEMBER" }, after: { role: "AUDITOR" } },
    ]);
    // The auditor reads the directory and the person page, and changes nobody, themself included.
    const auditor = await callerFor(after);
    expect((await auditor.users.byId({ userId: people.member!.id })).id).toBe(people.member!.id);
    await expectError(
      auditor.users.setRole({ userId: pat.id, role: "SUPER_ADMIN" }),
      "FORBIDDEN",
      "Only super admins can change people's roles, managers and status.",
    );
    expect((await db.prisma.user.findUniqueOrThrow({ where: { id: pat.id } })).role).toBe(
      "AUDITOR",
    );
  });

  it("does not let the last active super admin become an auditor", async () => {
    const p = db.prisma;
    const lone = await createOrganization(p, { name: "Lone audit", slug: "lone-audit-people" });
    const only = await createUser(p, lone, { role: "SUPER_ADMIN" });
    await expectError(
      (await callerFor(only)).users.setRole({ userId: only.id, role: "AUDITOR" }),
      "CONFLICT",
      /only active super admin/,
    );
    expect((await p.user.findUniqueOrThrow({ where: { id: only.id } })).role).toBe("SUPER_ADMIN");
  });

  it("refuses members, other organizations and bad roles", async () => {
    const pat = await person();
    await expectError(
      (await callerFor(people.member!)).users.setRole({ userId: pat.id, role: "SUPER_ADMIN" }),
      "FORBIDDEN",
      "Only super admins can change people's roles, managers and status.",
    );
    await expectError(
      (await callerFor(people.outsider!)).users.setRole({ userId: pat.id, role: "SUPER_ADMIN" }),
      "NOT_FOUND",
    );
    await expectError(
      (await callerFor(people.admin!)).users.setRole({
        userId: pat.id,
        role: "OWNER" as "MEMBER",
      }),
      "BAD_REQUEST",
    );
    expect(await eventsAbout(pat.id)).toEqual([]);
  });
});

describe("users.setManager", () => {
  it("sets and clears the manager, with the names in the events", async () => {
    const pat = await person();
    const caller = await callerFor(people.admin!);
    await caller.users.setManager({ userId: pat.id, managerId: people.lead!.id });
    await caller.users.setManager({ userId: pat.id, managerId: people.lead!.id });
    await caller.users.setManager({ userId: pat.id, managerId: null });
    const events = await eventsAbout(pat.id, "user.manager_changed");
    expect(events.map((e) => [e.before, e.after])).toEqual([
      [
        { managerId: null, managerName: null },
        { managerId: people.lead!.id, managerName: "Hana Lead" },
      ],
      [
        { managerId: people.lead!.id, managerName: "Hana Lead" },
        { managerId: null, managerName: null },
      ],
    ]);
  });

  it("refuses themselves, loops, inactive managers and other organizations' people", async () => {
    const top = await person();
    const mid = await person({ manager: top });
    const low = await person({ manager: mid });
    const caller = await callerFor(people.admin!);
    await expectError(
      caller.users.setManager({ userId: top.id, managerId: top.id }),
      "BAD_REQUEST",
      "A person cannot be their own manager.",
    );
    await expectError(
      caller.users.setManager({ userId: top.id, managerId: low.id }),
      "BAD_REQUEST",
      /reports to/,
    );
    await expectError(
      caller.users.setManager({ userId: top.id, managerId: people.sam!.id }),
      "BAD_REQUEST",
      /suspended: choose an active person/,
    );
    await expectError(
      caller.users.setManager({ userId: top.id, managerId: people.outsider!.id }),
      "NOT_FOUND",
    );
    expect((await db.prisma.user.findUniqueOrThrow({ where: { id: top.id } })).managerId).toBe(
      null,
    );
    expect(await eventsAbout(top.id)).toEqual([]);
  });
});

describe("users.setStatus", () => {
  it("suspends with a reason; the owner stays and the account page says who and why", async () => {
    const p = db.prisma;
    const pat = await person();
    const app = await createApp(p, org, { name: "Slack" });
    const account = await createAccount(p, app, { owner: pat });
    const caller = await callerFor(people.admin!);
    await caller.users.setStatus({ userId: pat.id, status: "SUSPENDED", reason: "On leave" });
    const [event] = await eventsAbout(pat.id, "user.status_changed");
    expect(event).toMatchObject({
      actorId: people.admin!.id,
      before: { status: "ACTIVE" },
      after: { status: "SUSPENDED" },
      reason: "On leave",
    });
    // Owners match among people of every status: nothing re-mapped, the owner stays.
    const details = await caller.accounts.byId({ id: account.id });
    expect(details.owner).toMatchObject({ id: pat.id, status: "SUSPENDED" });
    expect(details.ownerStatusChange).toEqual({
      at: event!.at,
      by: { id: people.admin!.id, displayName: "Ada Admin" },
      reason: "On leave",
    });
    // The Accounts tab flags the owner with when and by whom.
    const [row] = (await caller.accounts.list({ appId: app.id })).items;
    expect(row).toMatchObject({
      owner: { id: pat.id, status: "SUSPENDED" },
      ownerStatusChange: { at: event!.at, byName: "Ada Admin" },
    });
    // A suspended person is signed out.
    await expectError((await callerFor(pat)).me.get(), "UNAUTHORIZED");
    // Reactivated: no reason needed; the account page no longer flags the owner.
    await caller.users.setStatus({ userId: pat.id, status: "ACTIVE" });
    expect((await caller.accounts.byId({ id: account.id })).ownerStatusChange).toBeNull();
  });

  it("refuses without a reason, for yourself and for the last active super admin", async () => {
    const pat = await person();
    const caller = await callerFor(people.admin!);
    await expectError(
      caller.users.setStatus({ userId: pat.id, status: "DEPROVISIONED", reason: "  " }),
      "BAD_REQUEST",
      /Say why/,
    );
    await expectError(
      caller.users.setStatus({ userId: people.admin!.id, status: "SUSPENDED", reason: "x" }),
      "BAD_REQUEST",
      /cannot set yourself suspended/,
    );
    const p = db.prisma;
    const lone = await createOrganization(p, { name: "Solo", slug: "solo-people" });
    const only = await createUser(p, lone, { role: "SUPER_ADMIN" });
    const helper = await createUser(p, lone, { role: "SUPER_ADMIN", status: "SUSPENDED" });
    await p.user.update({ where: { id: helper.id }, data: { status: "ACTIVE" } });
    await (
      await callerFor(helper)
    ).users.setStatus({
      userId: only.id,
      status: "SUSPENDED",
      reason: "Audit",
    });
    // Now helper is the only active one; nobody else can take them away, and they cannot
    // demote themselves.
    await expectError(
      (await callerFor(helper)).users.setRole({ userId: helper.id, role: "MEMBER" }),
      "CONFLICT",
    );
    expect(await eventsAbout(pat.id)).toEqual([]);
  });
});

describe("users.create", () => {
  it("adds an active person with the organization's defaults, an event and matched accounts", async () => {
    const p = db.prisma;
    const app = await createApp(p, org, { name: "Notion" });
    const account = await createAccount(p, app, {
      emails: ["Riley.New@acme.test"],
      login: "riley",
    });
    const caller = await callerFor(people.admin!);
    const created = await caller.users.create({
      email: "riley.new@ACME.test",
      givenName: "Riley",
      familyName: "New",
      title: "Designer",
      managerId: people.lead!.id,
    });
    expect(created.displayName).toBe("Riley New");
    const row = await p.user.findUniqueOrThrow({ where: { id: created.id } });
    expect(row).toMatchObject({
      emailNormalized: "riley.new@acme.test",
      status: "ACTIVE",
      role: "MEMBER",
      managerId: people.lead!.id,
      department: null,
      emailNotifications: false,
      slackNotifications: true,
    });
    const [event] = await eventsAbout(created.id);
    expect(event).toMatchObject({
      action: "user.created",
      actorId: people.admin!.id,
      after: { displayName: "Riley New", managerName: "Hana Lead", role: "MEMBER" },
    });
    const matched = await p.account.findUniqueOrThrow({ where: { id: account.id } });
    expect(matched.ownerId).toBe(created.id);
  });

  it("refuses a taken email (any case), bad input and non-admins; nothing is written", async () => {
    const caller = await callerFor(people.admin!);
    const before = await db.prisma.user.count();
    await expectError(
      caller.users.create({
        email: people.lead!.email.toUpperCase(),
        givenName: "X",
        familyName: "Y",
      }),
      "CONFLICT",
      /Hana Lead already has the email address/,
    );
    await expectError(
      caller.users.create({ email: "not-an-email", givenName: "X", familyName: "Y" }),
      "BAD_REQUEST",
      /valid email/,
    );
    await expectError(
      caller.users.create({ email: "ok@acme.test", givenName: " ", familyName: "Y" }),
      "BAD_REQUEST",
      /given name/,
    );
    await expectError(
      caller.users.create({
        email: "ok@acme.test",
        givenName: "X",
        familyName: "Y",
        managerId: people.sam!.id,
      }),
      "BAD_REQUEST",
      /suspended/,
    );
    await expectError(
      caller.users.create({
        email: "ok@acme.test",
        givenName: "X",
        familyName: "Y",
        managerId: people.outsider!.id,
      }),
      "NOT_FOUND",
    );
    await expectError(
      (await callerFor(people.member!)).users.create({
        email: "ok@acme.test",
        givenName: "X",
        familyName: "Y",
      }),
      "FORBIDDEN",
    );
    expect(await db.prisma.user.count()).toBe(before);
  });
});
