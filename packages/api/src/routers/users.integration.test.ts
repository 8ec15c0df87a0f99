import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@lantern/db";
import { createApp, createOrganization, createUser } from "@lantern/seed";
import { createTestDatabase } from "@lantern/db/testing";
import { callerFor as callerForUser } from "../testing.ts";

let db: Database;
const ids: Record<string, string> = {};

const callerFor = (userId: string | null) => callerForUser(db.prisma, userId);

beforeAll(async () => {
  db = await createTestDatabase();
  const p = db.prisma;
  const org = await createOrganization(p, {
    name: "Acme",
    slug: "acme",
    publicUrl: "https://lantern.acme.test",
  });
  const other = await createOrganization(p, { name: "Globex", slug: "globex" });
  const admin = await createUser(p, org, {
    givenName: "Ada",
    familyName: "Admin",
    email: "ada@acme.test",
    role: "SUPER_ADMIN",
    title: "IT Director",
    department: "IT",
  });
  const hannah = await createUser(p, org, {
    givenName: "Hannah",
    familyName: "Okafor",
    email: "hannah@acme.test",
    title: "Engineering Manager",
    department: "Engineering",
    manager: admin,
  });
  const member = await createUser(p, org, {
    givenName: "Max",
    familyName: "Member",
    email: "max@acme.test",
    title: "Software Engineer",
    department: "Engineering",
    manager: hannah,
  });
  await createUser(p, org, {
    givenName: "Sam",
    familyName: "Suspended",
    email: "sam@acme.test",
    title: "Account Executive",
    department: "Sales",
    status: "SUSPENDED",
    manager: hannah,
  });
  await createUser(p, org, {
    givenName: "Dana",
    familyName: "Departed",
    email: "dana@acme.test",
    title: "Software Engineer",
    department: "Engineering",
    status: "DEPROVISIONED",
    manager: hannah,
  });
  await createUser(p, org, {
    givenName: "Bea",
    familyName: "Second-Admin",
    email: "bea@acme.test",
    role: "SUPER_ADMIN",
    status: "SUSPENDED",
  });
  const outsider = await createUser(p, other, {
    givenName: "Otto",
    familyName: "Outsider",
    email: "otto@globex.test",
    role: "SUPER_ADMIN",
  });
  Object.assign(ids, { admin: admin.id, member: member.id, outsider: outsider.id });

  await createApp(p, org, { name: "GitHub" });
  await createApp(p, org, { name: "Zoom" });
  await createApp(p, org, { name: "Shadow notes", status: "DISCOVERED" });
  await createApp(p, org, { name: "Ignored tool", status: "IGNORED" });
  await createApp(p, other, { name: "Globex Secret" });
});

afterAll(async () => {
  await db?.close();
});

const ACME_PEOPLE = [
  "Ada Admin",
  "Bea Second-Admin",
  "Dana Departed",
  "Hannah Okafor",
  "Max Member",
  "Sam Suspended",
];

describe("users.list", () => {
  it("lists the organization's people by name, with their facts", async () => {
    const page = await (await callerFor(ids.admin!)).users.list({});
    expect(page.items.map((u) => u.displayName)).toEqual(ACME_PEOPLE);
    expect(page.nextCursor).toBeNull();
    const hannah = page.items.find((u) => u.displayName === "Hannah Okafor");
    expect(hannah).toEqual({
      id: expect.any(String),
      displayName: "Hannah Okafor",
      email: "hannah@acme.test",
      title: "Engineering Manager",
      department: "Engineering",
      manager: { id: ids.admin, displayName: "Ada Admin" },
      role: "MEMBER",
      status: "ACTIVE",
      // Max and Sam; Dana has left.
      directReportCount: 2,
    });
    expect(page.items.find((u) => u.displayName === "Ada Admin")).toMatchObject({
      role: "SUPER_ADMIN",
      manager: null,
      directReportCount: 1,
    });
  });

  it.each([
    ["ACTIVE", ["Ada Admin", "Hannah Okafor", "Max Member"]],
    ["SUSPENDED", ["Bea Second-Admin", "Sam Suspended"]],
    ["DEPROVISIONED", ["Dana Departed"]],
  ] as const)("filters by status %s", async (status, expected) => {
    const page = await (await callerFor(ids.admin!)).users.list({ status });
    expect(page.items.map((u) => u.displayName)).toEqual(expected);
  });

  it.each([
    ["a name, any case", "OKAFOR", ["Hannah Okafor"]],
    ["an email", "max@", ["Max Member"]],
    ["a title", "software engineer", ["Dana Departed", "Max Member"]],
    ["text with wildcards", "%", []],
  ])("searches %s", async (_label, search, expected) => {
    const page = await (await callerFor(ids.admin!)).users.list({ search });
    expect(page.items.map((u) => u.displayName)).toEqual(expected);
  });

  it("combines search and status", async () => {
    const page = await (
      await callerFor(ids.admin!)
    ).users.list({
      search: "engineer",
      status: "ACTIVE",
    });
    expect(page.items.map((u) => u.displayName)).toEqual(["Hannah Okafor", "Max Member"]);
  });

  it("pages with keyset cursors: everyone exactly once", async () => {
    const caller = await callerFor(ids.admin!);
    const names: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await caller.users.list({ limit: 4, cursor });
      names.push(...page.items.map((u) => u.displayName));
      cursor = page.nextCursor ?? undefined;
      pages += 1;
    } while (cursor);
    expect(names).toEqual(ACME_PEOPLE);
    expect(pages).toBe(2);
  });

  it("never shows another organization's people, even to its super admin", async () => {
    const page = await (await callerFor(ids.outsider!)).users.list({});
    expect(page.items.map((u) => u.displayName)).toEqual(["Otto Outsider"]);
  });

  it("refuses members with FORBIDDEN and the reason", async () => {
    const caller = await callerFor(ids.member!);
    await expect(caller.users.list({})).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: "Only super admins and auditors can browse the people directory.",
    });
  });

  it("refuses signed-out callers and tampered cursors", async () => {
    await expect((await callerFor(null)).users.list({})).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
    await expect(
      (await callerFor(ids.admin!)).users.list({ cursor: "garbage" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});

describe("organization.get", () => {
  it("returns the viewer's organization with its member and app counts", async () => {
    for (const viewer of [ids.member!, ids.admin!]) {
      const org = await (await callerFor(viewer)).organization.get();
      expect(org).toEqual({
        id: expect.any(String),
        name: "Acme",
        slug: "acme",
        publicUrl: "https://lantern.acme.test",
        createdAt: expect.any(Date),
        members: { active: 3, suspended: 2, deprovisioned: 1, total: 6 },
        // Bea is a super admin too, but suspended.
        superAdminCount: 1,
        // Discovered and ignored apps are not managed.
        managedAppCount: 2,
      });
    }
  });

  it("answers each organization with its own figures", async () => {
    const org = await (await callerFor(ids.outsider!)).organization.get();
    expect(org).toMatchObject({
      name: "Globex",
      publicUrl: null,
      members: { active: 1, suspended: 0, deprovisioned: 0, total: 1 },
      managedAppCount: 1,
    });
  });

  it("refuses signed-out callers", async () => {
    await expect((await callerFor(null)).organization.get()).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
  });
});
