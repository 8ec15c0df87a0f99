import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Account, Database, Entitlement, Grant, User } from "@lantern/db";
import {
  createAccount,
  createApp,
  createEntitlement,
  createGrant,
  createOrganization,
  createPolicy,
  createUser,
} from "@lantern/seed";
import { createTestDatabase } from "@lantern/db/testing";
import { encodeCursor, whoCanViewAccount } from "@lantern/domain";
import { callerFor as callerForUser } from "../testing.ts";

// The account details page through the API (SPEC §4.5, §8) on a real database: who may see
// an account (canViewAccount) and the FORBIDDEN naming who can, what the page shows (owner,
// match evidence, profile), the live grants page by page with pending revocations and
// viewerCanRevoke, and organization isolation.

let db: Database;
const callerFor = (user: { id: string }) => callerForUser(db.prisma, user.id);

const people: Record<string, User> = {};
let account: Account;
let unowned: Account;
const ents: Record<string, Entitlement> = {};
const grants: Record<string, Grant> = {};

async function expectError(promise: Promise<unknown>, code: string, message?: RegExp | string) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, `expected ${code}`).toBeInstanceOf(TRPCError);
  expect((error as TRPCError).code).toBe(code);
  if (message !== undefined) expect((error as TRPCError).message).toMatch(message);
  return error as TRPCError;
}

beforeAll(async () => {
  db = await createTestDatabase();
  const p = db.prisma;
  const org = await createOrganization(p, { name: "Acme", slug: "acme-account-details" });
  const globex = await createOrganization(p, { name: "Globex", slug: "globex-account-details" });
  const person = (key: string, givenName: string, familyName: string, extra = {}) =>
    createUser(p, org, { givenName, familyName, ...extra }).then((u) => (people[key] = u));
  await person("admin", "Ada", "Admin", { role: "SUPER_ADMIN" });
  await person("appOwner", "Olive", "Owner");
  await person("entOwner", "Enzo", "Entowner");
  await person("otherEntOwner", "Omar", "Otherowner");
  await person("boss", "Bea", "Boss");
  await person("emp", "Eli", "Employee", { managerId: people.boss!.id });
  await person("setter", "Sam", "Setter");
  await person("stranger", "Stan", "Stranger");
  people.outsider = await createUser(p, globex, {
    givenName: "Otto",
    familyName: "Outsider",
    role: "SUPER_ADMIN",
  });

  const orgRevocation = await createPolicy(p, org, {
    name: "Manager removal",
    steps: [{ approverKind: "MANAGER" }],
  });
  await p.organization.update({
    where: { id: org.id },
    data: { defaultRevocationPolicyId: orgRevocation.id },
  });
  const app = await createApp(p, org, { name: "Salesforce", owners: [people.appOwner!] });
  ents.admin = await createEntitlement(p, app, {
    slug: "sys-admin",
    displayName: "System administrator",
    owners: [people.entOwner!],
  });
  ents.reports = await createEntitlement(p, app, { slug: "reports", displayName: "Reports" });
  ents.api = await createEntitlement(p, app, { slug: "api", displayName: "API access" });
  ents.former = await createEntitlement(p, app, {
    slug: "former",
    displayName: "Former thing",
    owners: [people.otherEntOwner!],
  });

  account = await createAccount(p, app, {
    owner: people.emp!,
    externalId: "005Dn000001",
    login: "eli@acme.example",
    emails: ["Eli.Employee@Old.example", people.emp!.email],
    lastLoginAt: new Date("2026-11-01T09:30:00Z"),
    profile: { title: "Engineer", department: { name: "R&D", costCenter: 42 }, groups: ["a", "b"] },
    ownerSource: "MANUAL",
    ownerSetById: people.setter!.id,
    ownerSetAt: new Date("2026-10-01T00:00:00Z"),
  });
  unowned = await createAccount(p, app, { login: "integration-user", type: "SYSTEM" });
  grants.admin = await createGrant(p, account, ents.admin, {
    source: "REQUEST",
    expiresAt: new Date("2027-03-01T00:00:00Z"),
  });
  grants.reports = await createGrant(p, account, ents.reports);
  grants.api = await createGrant(p, account, ents.api, { source: "MANUAL" });
  // Ended: neither listed nor a reason for its entitlement's owner to see the account.
  await createGrant(p, account, ents.former, { revokedAt: new Date() });
  await createGrant(p, unowned, ents.reports);
});

afterAll(async () => {
  await db?.close();
});

describe("accounts.byId", () => {
  it("shows the account, its owner with how it was set, the match evidence and the profile", async () => {
    const details = await (await callerFor(people.appOwner!)).accounts.byId({ id: account.id });
    expect(details).toMatchObject({
      id: account.id,
      app: { name: "Salesforce" },
      externalId: "005Dn000001",
      login: "eli@acme.example",
      emails: ["Eli.Employee@Old.example", people.emp!.email],
      displayName: "Eli Employee",
      status: "ACTIVE",
      type: "USER",
      typeSource: "INGESTED",
      lastLoginAt: new Date("2026-11-01T09:30:00Z"),
      profile: {
        title: "Engineer",
        department: { name: "R&D", costCenter: 42 },
        groups: ["a", "b"],
      },
      owner: { id: people.emp!.id, displayName: "Eli Employee", status: "ACTIVE" },
      ownerSource: "MANUAL",
      ownerSetBy: { id: people.setter!.id, displayName: "Sam Setter" },
      ownerSetAt: new Date("2026-10-01T00:00:00Z"),
      match: {
        rule: "EMAIL",
        value: people.emp!.email.toLowerCase(),
        ambiguous: false,
        matchedOwner: { id: people.emp!.id, displayName: "Eli Employee" },
      },
      liveGrantCount: 3,
      viewerCanManage: true,
    });
    const none = await (await callerFor(people.admin!)).accounts.byId({ id: unowned.id });
    expect(none).toMatchObject({
      owner: null,
      type: "SYSTEM",
      lastLoginAt: null,
      match: { rule: null, value: null, matchedOwner: null },
      liveGrantCount: 1,
      viewerCanManage: true,
    });
  });

  it.each([
    ["a super admin", "admin", true, "ALL"],
    ["an app owner", "appOwner", true, "ALL"],
    ["the account's owner", "emp", false, "ALL"],
    ["the owner's direct manager", "boss", false, "ALL"],
    ["an owner of an entitlement it holds", "entOwner", false, "OWNED_ENTITLEMENTS"],
  ])("%s may see it", async (_label, key, manage, grantsScope) => {
    const details = await (await callerFor(people[key]!)).accounts.byId({ id: account.id });
    expect(details.id).toBe(account.id);
    expect(details.viewerCanManage).toBe(manage);
    expect(details.viewerGrantsScope).toBe(grantsScope);
  });

  it.each([
    ["an unrelated member", "stranger"],
    ["the owner of an entitlement it no longer holds", "otherEntOwner"],
    ["the person who once set its owner", "setter"],
  ])("%s is refused, naming who can", async (_label, key) => {
    await expectError(
      (await callerFor(people[key]!)).accounts.byId({ id: account.id }),
      "FORBIDDEN",
      whoCanViewAccount({ appName: "Salesforce" }),
    );
    await expectError(
      (await callerFor(people[key]!)).accounts.grants({ accountId: account.id }),
      "FORBIDDEN",
      whoCanViewAccount({ appName: "Salesforce" }),
    );
  });

  it("is NOT_FOUND for another organization, BAD_REQUEST for a bad id", async () => {
    await expectError(
      (await callerFor(people.outsider!)).accounts.byId({ id: account.id }),
      "NOT_FOUND",
    );
    await expectError(
      (await callerFor(people.outsider!)).accounts.grants({ accountId: account.id }),
      "NOT_FOUND",
    );
    await expectError(
      (await callerFor(people.admin!)).accounts.byId({ id: "not-an-id" }),
      "BAD_REQUEST",
    );
    await expectError(
      (await callerForUser(db.prisma, null)).accounts.byId({ id: account.id }),
      "UNAUTHORIZED",
    );
  });
});

describe("accounts.grants", () => {
  it("lists the live grants by entitlement name with source and dates", async () => {
    const page = await (await callerFor(people.emp!)).accounts.grants({ accountId: account.id });
    expect(page.nextCursor).toBeNull();
    expect(page.items.map((g) => g.entitlement.displayName)).toEqual([
      "API access",
      "Reports",
      "System administrator",
    ]);
    expect(page.items[2]).toMatchObject({
      grantId: grants.admin!.id,
      entitlement: { id: ents.admin!.id, slug: "sys-admin", deprovisioningStrategy: "MANUAL" },
      source: "REQUEST",
      expiresAt: new Date("2027-03-01T00:00:00Z"),
      pending: null,
    });
  });

  it("says per row whether the viewer may revoke (canRevokeGrant)", async () => {
    const revocable = async (key: string) =>
      Object.fromEntries(
        (
          await (await callerFor(people[key]!)).accounts.grants({ accountId: account.id })
        ).items.map((g) => [g.entitlement.slug, g.viewerCanRevoke]),
      );
    const all = { api: true, reports: true, "sys-admin": true };
    expect(await revocable("admin")).toEqual(all);
    expect(await revocable("appOwner")).toEqual(all);
    expect(await revocable("boss")).toEqual(all);
    // An entitlement owner sees the account, and only the grant of their entitlement (SPEC §8).
    expect(await revocable("entOwner")).toEqual({ "sys-admin": true });
    // The account's owner sees it but asks someone else to revoke.
    const own = await (await callerFor(people.emp!)).accounts.grants({ accountId: account.id });
    expect(own.items.every((g) => !g.viewerCanRevoke)).toBe(true);
    expect(own.items[0]!.revokeRefusal).toBe(
      "Only a super admin, an owner of Salesforce, an owner of API access, or the direct manager of the account's owner (Eli Employee) can revoke this access.",
    );
  });

  it("pages by keyset and refuses a tampered cursor", async () => {
    const caller = await callerFor(people.admin!);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await caller.accounts.grants({ accountId: account.id, limit: 1, cursor });
      expect(page.items.length).toBeLessThanOrEqual(1);
      seen.push(...page.items.map((g) => g.entitlement.slug));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(["api", "reports", "sys-admin"]);
    for (const bad of ["%%%", encodeCursor({ key: "Reports", id: "x' OR 1=1" })]) {
      await expectError(
        caller.accounts.grants({ accountId: account.id, cursor: bad }),
        "BAD_REQUEST",
        "This page link is no longer valid. Go back to the first page.",
      );
    }
  });

  it("marks a grant with a revocation in flight", async () => {
    const revoked = await (
      await callerFor(people.entOwner!)
    ).grants.revoke({ grantId: grants.admin!.id, reason: "No longer on call" });
    expect(revoked.task?.kind).toBe("APPROVAL");
    const page = await (await callerFor(people.boss!)).accounts.grants({ accountId: account.id });
    const pending = page.items.filter((g) => g.pending);
    expect(pending.map((g) => g.grantId)).toEqual([grants.admin!.id]);
    expect(pending[0]!.pending).toMatchObject({
      requestId: revoked.requestId,
      state: "PENDING_APPROVAL",
      description: `waiting for approval (task #${revoked.task!.number})`,
      task: { number: revoked.task!.number, kind: "APPROVAL" },
      requester: { id: people.entOwner!.id, displayName: "Enzo Entowner" },
    });
  });
});
