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
import { callerFor as callerForUser } from "../testing.ts";

// My access (me.access, issue 14): every account the signed-in person owns, across the apps of
// their organization, with its live grants (source, granted, expires, revocation in flight) and
// the requests on their way — and nobody else's, and nothing of another organization.

let db: Database;
const callerFor = (user: { id: string } | null) => callerForUser(db.prisma, user?.id ?? null);

const people: Record<string, User> = {};
const accounts: Record<string, Account> = {};
const grants: Record<string, Grant> = {};
const ents: Record<string, Entitlement> = {};
let apps: Record<string, { id: string; organizationId: string; name: string }> = {};

const GRANTED = new Date("2026-03-02T09:00:00Z");
const EXPIRES = new Date("2027-03-02T09:00:00Z");

beforeAll(async () => {
  db = await createTestDatabase();
  const p = db.prisma;
  const org = await createOrganization(p, { name: "Acme", slug: "acme-my-access" });
  const globex = await createOrganization(p, { name: "Globex", slug: "globex-my-access" });
  const person = (key: string, givenName: string, familyName: string, extra = {}) =>
    createUser(p, org, { givenName, familyName, ...extra }).then((u) => (people[key] = u));
  await person("owner", "Olive", "Owner");
  await person("boss", "Bea", "Boss");
  await person("mia", "Mia", "Member", { managerId: people.boss!.id });
  await person("stan", "Stan", "Stranger");
  people.globex = await createUser(p, globex, { givenName: "Gus", familyName: "Globex" });

  // Requests go straight through (provisioned by a person); revocations wait for the manager.
  const straight = await createPolicy(p, org, { name: "Straight through" });
  const managerApproval = await createPolicy(p, org, {
    name: "Manager approval",
    steps: [{ approverKind: "MANAGER" }],
  });
  await p.organization.update({
    where: { id: org.id },
    data: { defaultRequestPolicyId: straight.id, defaultRevocationPolicyId: managerApproval.id },
  });

  const app = (name: string, o = org, owners = [people.owner!]) =>
    createApp(p, o, { name, owners }).then((a) => (apps[name] = a));
  apps = {};
  await app("Zoom");
  await app("GitHub");
  await app("Okta");
  await app("Figma");
  await app("Globex CRM", globex, [people.globex!]);

  ents.admin = await createEntitlement(p, apps.GitHub!, { slug: "admin", displayName: "Admin" });
  ents.read = await createEntitlement(p, apps.GitHub!, { slug: "read", displayName: "Read" });
  ents.write = await createEntitlement(p, apps.GitHub!, { slug: "write", displayName: "Write" });
  ents.zoomPro = await createEntitlement(p, apps.Zoom!, { slug: "pro", displayName: "Pro" });
  ents.okta = await createEntitlement(p, apps.Okta!, { slug: "user", displayName: "User" });
  ents.figma = await createEntitlement(p, apps.Figma!, { slug: "seat", displayName: "Seat" });
  ents.crm = await createEntitlement(p, apps["Globex CRM"]!, { slug: "crm", displayName: "CRM" });

  accounts.github = await createAccount(p, apps.GitHub!, { owner: people.mia!, login: "mia-m" });
  accounts.zoom = await createAccount(p, apps.Zoom!, {
    owner: people.mia!,
    login: null,
    emails: ["mia.member@acme.example"],
    status: "DISABLED",
  });
  // Someone else's account in the same app, and Mia's id on an account of another
  // organization (data no query of Acme may ever show).
  accounts.stan = await createAccount(p, apps.GitHub!, { owner: people.stan!, login: "stan" });
  accounts.globex = await createAccount(p, apps["Globex CRM"]!, {
    owner: people.mia!,
    login: "mia-at-globex",
  });

  grants.admin = await createGrant(p, accounts.github, ents.admin, {
    source: "REQUEST",
    grantedAt: GRANTED,
    expiresAt: EXPIRES,
  });
  grants.read = await createGrant(p, accounts.github, ents.read, { grantedAt: GRANTED });
  // Ended: not live, so not listed.
  await createGrant(p, accounts.github, ents.write, {
    grantedAt: GRANTED,
    revokedAt: new Date("2026-04-01T00:00:00Z"),
  });
  grants.zoom = await createGrant(p, accounts.zoom, ents.zoomPro, { source: "MANUAL" });
  await createGrant(p, accounts.stan, ents.admin);
  await createGrant(p, accounts.globex, ents.crm);
});

afterAll(async () => {
  await db?.close();
});

describe("me.access", () => {
  it("lists the viewer's accounts by app, with live grants only (source, granted, expires)", async () => {
    const mine = await (await callerFor(people.mia!)).me.access({});
    expect(mine.nextCursor).toBeNull();
    expect(mine.items.map((a) => [a.app.name, a.label, a.status])).toEqual([
      ["GitHub", "mia-m", "ACTIVE"],
      ["Zoom", "mia.member@acme.example", "DISABLED"],
    ]);
    const [github, zoom] = mine.items;
    expect(github!.anchor).toBe(`account-${accounts.github!.id}`);
    expect(github!.liveGrantCount).toBe(2);
    expect(github!.grants).toEqual([
      {
        grantId: grants.admin!.id,
        entitlement: { id: ents.admin!.id, slug: "admin", displayName: "Admin" },
        source: "REQUEST",
        grantedAt: GRANTED,
        expiresAt: EXPIRES,
        pending: null,
      },
      {
        grantId: grants.read!.id,
        entitlement: { id: ents.read!.id, slug: "read", displayName: "Read" },
        source: "INGESTED",
        grantedAt: GRANTED,
        expiresAt: null,
        pending: null,
      },
    ]);
    // A disabled account is listed as such, with what it still holds.
    expect(zoom!.grants.map((g) => [g.entitlement.slug, g.source])).toEqual([["pro", "MANUAL"]]);
    expect(mine.withoutAccount).toEqual([]);
  });

  it("never lists another person's accounts, nor anything of another organization", async () => {
    const stan = await (await callerFor(people.stan!)).me.access({});
    expect(stan.items.map((a) => a.id)).toEqual([accounts.stan!.id]);
    const all = (await (await callerFor(people.mia!)).me.access({})).items.map((a) => a.id);
    expect(all).not.toContain(accounts.stan!.id);
    expect(all).not.toContain(accounts.globex!.id);
    // The Globex person sees Globex only; the account of theirs that does not exist is none.
    const globex = await (await callerFor(people.globex!)).me.access({});
    expect(globex.items).toEqual([]);
    // Someone with no account: an empty list.
    expect((await (await callerFor(people.owner!)).me.access({})).items).toEqual([]);
  });

  it("shows requests on their way: for an account, and in an app where there is none yet", async () => {
    const mia = await callerFor(people.mia!);
    const forAccount = await mia.requests.create({
      entitlementId: ents.write!.id,
      reason: "Release duty",
      durationDays: 30,
    });
    const noAccount = await mia.requests.create({
      entitlementId: ents.okta!.id,
      reason: "Single sign-on",
    });
    const mine = await mia.me.access({});
    const github = mine.items.find((a) => a.id === accounts.github!.id)!;
    expect(github.requests).toEqual([
      {
        id: forAccount.requestId,
        state: "PROVISIONING",
        entitlement: { id: ents.write!.id, slug: "write", displayName: "Write" },
        requester: { id: people.mia!.id, displayName: "Mia Member" },
        requestedAt: expect.any(Date),
        durationDays: 30,
        task: { number: expect.any(Number), kind: "PROVISION", waitingFor: ["Olive Owner"] },
      },
    ]);
    expect(mine.withoutAccount).toEqual([
      expect.objectContaining({
        id: noAccount.requestId,
        app: { id: apps.Okta!.id, name: "Okta" },
        entitlement: expect.objectContaining({ slug: "user" }),
        task: expect.objectContaining({ kind: "PROVISION" }),
      }),
    ]);
    // The viewer may open every task it names (they are the person whose access it is).
    const task = await mia.tasks.byNumber({ number: github.requests[0]!.task!.number });
    expect(task.number).toBe(github.requests[0]!.task!.number);

    // Withdrawn or finished requests leave the list.
    await (
      await callerFor(people.owner!)
    ).tasks.close({ taskId: task.id, action: "mark_provisioned" });
    const after = await mia.me.access({});
    const write = after.items
      .find((a) => a.id === accounts.github!.id)!
      .grants.find((g) => g.entitlement.slug === "write");
    expect(write).toMatchObject({ source: "REQUEST", expiresAt: expect.any(Date) });
    expect(after.items.find((a) => a.id === accounts.github!.id)!.requests).toEqual([]);
  });

  it("shows a revocation in flight on its grant, with the task the viewer may open", async () => {
    const revoked = await (
      await callerFor(people.owner!)
    ).grants.revoke({ grantId: grants.read!.id, reason: "Read is folded into Write" });
    expect(revoked.task?.kind).toBe("APPROVAL");
    const mia = await callerFor(people.mia!);
    const github = (await mia.me.access({})).items.find((a) => a.id === accounts.github!.id)!;
    expect(github.grants.find((g) => g.grantId === grants.read!.id)!.pending).toMatchObject({
      requestId: revoked.requestId,
      state: "PENDING_APPROVAL",
      description: `waiting for approval (task #${revoked.task!.number})`,
      task: { number: revoked.task!.number, kind: "APPROVAL", viewerCanOpen: true },
      requester: { id: people.owner!.id, displayName: "Olive Owner" },
    });
    await expect(mia.tasks.byNumber({ number: revoked.task!.number })).resolves.toBeTruthy();
  });

  it("pages by keyset without gaps or repeats; later pages carry no account-less requests", async () => {
    const mia = await callerFor(people.mia!);
    const first = await mia.me.access({ limit: 1 });
    expect(first.items.map((a) => a.app.name)).toEqual(["GitHub"]);
    expect(first.nextCursor).not.toBeNull();
    expect(first.withoutAccount).not.toBeNull();
    const second = await mia.me.access({ limit: 1, cursor: first.nextCursor! });
    expect(second.items.map((a) => a.app.name)).toEqual(["Zoom"]);
    expect(second.nextCursor).toBeNull();
    expect(second.withoutAccount).toBeNull();
    await expect(mia.me.access({ cursor: "not-a-cursor" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(mia.me.access({ limit: 1000 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("is UNAUTHORIZED signed out", async () => {
    const error = await (await callerFor(null)).me.access({}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe("UNAUTHORIZED");
  });
});
