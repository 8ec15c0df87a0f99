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
import { encodeCursor, whoCanRevoke } from "@lantern/domain";
import { callerFor as callerForUser } from "../testing.ts";

// The Grants tab of an entitlement (SPEC §5) and its header (entitlements.byId) on a real
// database: who holds it, newest grant first, keyset pages, search, the pending revocation of
// each row and whether the viewer may revoke it (canRevokeGrant), which holders each viewer
// sees (entitlementGrantsScope, SPEC §8), organization isolation.

let db: Database;
const callerFor = (user: { id: string }) => callerForUser(db.prisma, user.id);

const people: Record<string, User> = {};
let org: { id: string };
let admin: Entitlement;
let other: Entitlement;
const accounts: Record<string, Account> = {};
const grants: Record<string, Grant> = {};
/** The tab's order: newest grant first (grant ids are UUIDv7, so by id, descending). */
const newestFirst = (...keys: string[]) =>
  keys.map((k) => grants[k]!.id).sort((a, b) => (a < b ? 1 : -1));

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
  org = await createOrganization(p, { name: "Acme", slug: "acme-entitlement-grants" });
  const globex = await createOrganization(p, { name: "Globex", slug: "globex-entitlement-grants" });
  const person = (key: string, givenName: string, familyName: string, extra = {}) =>
    createUser(p, org, { givenName, familyName, ...extra }).then((u) => (people[key] = u));
  await person("admin", "Ada", "Admin", { role: "SUPER_ADMIN" });
  await person("appOwner", "Olive", "Owner");
  await person("entOwner", "Enzo", "Entowner");
  await person("boss", "Bea", "Boss");
  await person("emp", "Eli", "Employee", { managerId: people.boss!.id });
  await person("solo", "Sol", "Nomanager");
  await person("stranger", "Stan", "Stranger");
  people.outsider = await createUser(p, globex, {
    givenName: "Otto",
    familyName: "Outsider",
    role: "SUPER_ADMIN",
  });

  const orgRevocation = await createPolicy(p, org, { name: "Org revocation" });
  await p.organization.update({
    where: { id: org.id },
    data: { defaultRevocationPolicyId: orgRevocation.id },
  });
  const appRequest = await createPolicy(p, org, {
    name: "GitHub requests",
    steps: [{ approverKind: "MANAGER" }],
  });
  const ownRevocation = await createPolicy(p, org, {
    name: "Admin removal",
    steps: [{ approverKind: "APP_OWNERS" }],
  });
  const app = await createApp(p, org, {
    name: "GitHub",
    owners: [people.appOwner!],
    defaultRequestPolicyId: appRequest.id,
  });
  admin = await createEntitlement(p, app, {
    slug: "admin",
    displayName: "Org admin",
    owners: [people.entOwner!],
    revocationPolicyId: ownRevocation.id,
  });
  other = await createEntitlement(p, app, { slug: "read", displayName: "Read" });

  accounts.emp = await createAccount(p, app, { owner: people.emp!, login: "eli.employee" });
  accounts.solo = await createAccount(p, app, { owner: people.solo!, login: "sol.n" });
  accounts.svc = await createAccount(p, app, {
    login: "deploy_bot",
    displayName: "Deploy 100% bot",
    emails: ["Deploy-Bot@Acme.example"],
    type: "SERVICE",
  });
  accounts.gone = await createAccount(p, app, { login: "gone.person" });
  grants.emp = await createGrant(p, accounts.emp, admin, {
    source: "REQUEST",
    expiresAt: new Date("2027-01-01T00:00:00Z"),
  });
  grants.solo = await createGrant(p, accounts.solo, admin);
  grants.svc = await createGrant(p, accounts.svc, admin, { source: "MANUAL" });
  // Not on the tab: an ended grant, and a grant of another entitlement.
  await createGrant(p, accounts.gone, admin, { revokedAt: new Date() });
  await createGrant(p, accounts.gone, other);
});

afterAll(async () => {
  await db?.close();
});

describe("entitlements.byId", () => {
  it("names its owners, effective policies and where they come from, and live grants", async () => {
    const result = await (await callerFor(people.stranger!)).entitlements.byId({ id: admin.id });
    expect(result.owners.map((o) => o.displayName)).toEqual(["Enzo Entowner"]);
    expect(result.policies).toEqual({
      request: {
        id: expect.any(String),
        name: "GitHub requests",
        summary: expect.stringMatching(/^The manager .* approves, then it is provisioned\.$/),
        source: "APP",
      },
      revocation: {
        id: expect.any(String),
        name: "Admin removal",
        summary: "An app owner approves, then it is deprovisioned.",
        source: "ENTITLEMENT",
      },
    });
    expect(result.liveGrantCount).toBe(3);
    expect(result.viewerCanManage).toBe(false);
    expect(result.viewerGrantsScope).toBe("OWN_AND_REPORTS");
    const read = await (await callerFor(people.appOwner!)).entitlements.byId({ id: other.id });
    expect(read.policies.revocation).toMatchObject({
      name: "Org revocation",
      source: "ORGANIZATION",
      summary: "No approval needed: it goes straight to deprovisioning.",
    });
    expect(read.viewerCanManage).toBe(true);
    expect(read.viewerGrantsScope).toBe("ALL");
  });
});

describe("entitlements.grants", () => {
  it("lists the accounts holding it, newest grant first, with owner, source and dates", async () => {
    const page = await (
      await callerFor(people.entOwner!)
    ).entitlements.grants({ entitlementId: admin.id });
    expect(page.nextCursor).toBeNull();
    expect(page.items.map((r) => r.grantId)).toEqual(newestFirst("svc", "solo", "emp"));
    const svc = page.items.find((r) => r.grantId === grants.svc!.id);
    const emp = page.items.find((r) => r.grantId === grants.emp!.id);
    expect(svc).toMatchObject({
      source: "MANUAL",
      expiresAt: null,
      account: {
        id: accounts.svc!.id,
        label: "deploy_bot",
        login: "deploy_bot",
        displayName: "Deploy 100% bot",
        primaryEmail: "Deploy-Bot@Acme.example",
        status: "ACTIVE",
        type: "SERVICE",
      },
      owner: null,
      pending: null,
    });
    expect(emp).toMatchObject({
      source: "REQUEST",
      expiresAt: new Date("2027-01-01T00:00:00Z"),
      owner: {
        id: people.emp!.id,
        displayName: "Eli Employee",
        email: people.emp!.email,
        status: "ACTIVE",
      },
      ownerSource: "MATCHED",
    });
    expect(emp!.grantedAt).toBeInstanceOf(Date);
  });

  it("says per row whether the viewer may revoke, with the rule's reason when not", async () => {
    const canRevoke = async (key: string) => {
      const page = await (
        await callerFor(people[key]!)
      ).entitlements.grants({ entitlementId: admin.id });
      return Object.fromEntries(page.items.map((r) => [r.account.login, r.viewerCanRevoke]));
    };
    const all = { deploy_bot: true, "sol.n": true, "eli.employee": true };
    expect(await canRevoke("admin")).toEqual(all);
    expect(await canRevoke("appOwner")).toEqual(all);
    expect(await canRevoke("entOwner")).toEqual(all);
    // A manager and a member see only their reports' and their own accounts (SPEC §8).
    expect(await canRevoke("boss")).toEqual({ "eli.employee": true });
    expect(await canRevoke("emp")).toEqual({ "eli.employee": false });

    const page = await (
      await callerFor(people.emp!)
    ).entitlements.grants({ entitlementId: admin.id });
    const emp = page.items.find((r) => r.account.login === "eli.employee")!;
    expect(emp.viewerCanRevoke).toBe(false);
    expect(emp.revokeRefusal).toBe(
      whoCanRevoke({
        organizationId: org.id,
        appName: "GitHub",
        entitlementName: "Org admin",
        appOwnerIds: [people.appOwner!.id],
        entitlementOwnerIds: [people.entOwner!.id],
        accountOwner: {
          id: people.emp!.id,
          displayName: "Eli Employee",
          managerId: people.boss!.id,
        },
      }),
    );
    expect(emp.revokeRefusal).toMatch(/Eli Employee/);
    const admins = await (
      await callerFor(people.admin!)
    ).entitlements.grants({ entitlementId: admin.id });
    expect(admins.items.every((r) => r.revokeRefusal === null)).toBe(true);
  });

  it("pages by keyset without gaps or repeats, and refuses a tampered cursor", async () => {
    const caller = await callerFor(people.appOwner!);
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await caller.entitlements.grants({ entitlementId: admin.id, limit: 2, cursor });
      seen.push(...page.items.map((r) => r.grantId));
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor);
    expect(pages).toBe(2);
    expect(seen).toEqual(newestFirst("svc", "solo", "emp"));

    for (const bad of [
      "nonsense",
      encodeCursor({ key: "x", id: "y" }),
      encodeCursor({ key: "2026-01-01T00:00:00.000Z", id: grants.emp!.id }),
    ]) {
      await expectError(
        caller.entitlements.grants({ entitlementId: admin.id, cursor: bad }),
        "BAD_REQUEST",
        "This page link is no longer valid. Go back to the first page.",
      );
    }
  });

  it("searches by login, email address or name, case-insensitively and literally", async () => {
    const caller = await callerFor(people.appOwner!);
    const logins = async (search: string) =>
      (await caller.entitlements.grants({ entitlementId: admin.id, search })).items.map(
        (r) => r.account.login,
      );
    expect(await logins("ELI.EMP")).toEqual(["eli.employee"]);
    expect(await logins("deploy-bot@acme")).toEqual(["deploy_bot"]);
    expect(await logins(people.solo!.email.toUpperCase())).toEqual(["sol.n"]);
    expect(await logins("Sol Nomanager")).toEqual(["sol.n"]);
    expect(await logins("100%")).toEqual(["deploy_bot"]);
    expect(await logins("%")).toEqual(["deploy_bot"]);
    expect(await logins("_")).toEqual(["deploy_bot"]);
    expect(await logins("gone")).toEqual([]);
    // A search that pages too.
    const first = await caller.entitlements.grants({
      entitlementId: admin.id,
      search: "l",
      limit: 1,
    });
    expect(first.items).toHaveLength(1);
    expect(first.nextCursor).not.toBeNull();
  });

  it("marks a grant whose revocation is in flight, with its task", async () => {
    const result = await (
      await callerFor(people.boss!)
    ).grants.revoke({ grantId: grants.emp!.id, reason: "Moved to sales" });
    expect(result.task?.kind).toBe("APPROVAL");
    const page = await (
      await callerFor(people.appOwner!)
    ).entitlements.grants({ entitlementId: admin.id });
    const emp = page.items.find((r) => r.grantId === grants.emp!.id)!;
    expect(emp.pending).toEqual({
      requestId: result.requestId,
      state: "PENDING_APPROVAL",
      description: `waiting for approval (task #${result.task!.number})`,
      task: { number: result.task!.number, kind: "APPROVAL", viewerCanOpen: true },
      requester: { id: people.boss!.id, displayName: "Bea Boss" },
      requestedAt: expect.any(Date),
    });
    // The entitlement's owner sees every holder, but has no part in this revocation: the
    // list names its task without a link to a page that would refuse them (canViewTask).
    const entOwnerRow = (
      await (await callerFor(people.entOwner!)).entitlements.grants({ entitlementId: admin.id })
    ).items.find((r) => r.grantId === grants.emp!.id)!;
    expect(entOwnerRow.pending?.task).toEqual({
      number: result.task!.number,
      kind: "APPROVAL",
      viewerCanOpen: false,
    });
    await expectError(
      (await callerFor(people.entOwner!)).tasks.byNumber({ number: result.task!.number }),
      "NOT_FOUND",
    );
    expect(page.items.filter((r) => r.pending !== null)).toHaveLength(1);
    // The grant stays live (and listed) until the revocation is approved and carried out.
    expect(page.items).toHaveLength(3);
    // The account's owner sees it pending on their own row.
    const own = await (
      await callerFor(people.emp!)
    ).entitlements.grants({ entitlementId: admin.id });
    expect(own.items.map((r) => [r.grantId, r.pending?.requestId])).toEqual([
      [grants.emp!.id, result.requestId],
    ]);
    expect(own.items[0]!.pending?.task?.viewerCanOpen).toBe(true);
  });

  it("lists only the holders the viewer may see: members their own accounts, managers their reports' too", async () => {
    const visible = async (key: string, search?: string) =>
      (
        await (
          await callerFor(people[key]!)
        ).entitlements.grants({ entitlementId: admin.id, search })
      ).items.map((r) => r.account.login);
    const everyone = ["deploy_bot", "sol.n", "eli.employee"];
    expect(await visible("admin")).toEqual(everyone);
    expect(await visible("appOwner")).toEqual(everyone);
    expect(await visible("entOwner")).toEqual(everyone);
    expect(await visible("boss")).toEqual(["eli.employee"]);
    expect(await visible("emp")).toEqual(["eli.employee"]);
    expect(await visible("solo")).toEqual(["sol.n"]);
    expect(await visible("stranger")).toEqual([]);
    // Search and paging stay inside what the viewer may see.
    expect(await visible("stranger", "deploy")).toEqual([]);
    expect(await visible("emp", "sol")).toEqual([]);
    const first = await (
      await callerFor(people.solo!)
    ).entitlements.grants({ entitlementId: admin.id, limit: 1 });
    expect(first.items.map((r) => r.account.login)).toEqual(["sol.n"]);
    expect(first.nextCursor).toBeNull();
    // An owner of another entitlement of the app is a member here.
    const reads = await (
      await callerFor(people.entOwner!)
    ).entitlements.grants({ entitlementId: other.id });
    expect(reads.items).toEqual([]);
  });

  it("is NOT_FOUND for another organization, BAD_REQUEST for a bad id, UNAUTHORIZED signed out", async () => {
    await expectError(
      (await callerFor(people.outsider!)).entitlements.grants({ entitlementId: admin.id }),
      "NOT_FOUND",
    );
    await expectError(
      (await callerFor(people.stranger!)).entitlements.grants({ entitlementId: "nope" }),
      "BAD_REQUEST",
    );
    await expectError(
      (await callerForUser(db.prisma, null)).entitlements.grants({ entitlementId: admin.id }),
      "UNAUTHORIZED",
    );
  });
});
