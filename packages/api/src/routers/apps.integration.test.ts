import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@lantern/db";
import {
  createAccounts,
  createApp,
  createEntitlement,
  createGrant,
  createOrganization,
  createPolicy,
  createRequestWithTasks,
  createUser,
} from "@lantern/seed";
import { createTestDatabase } from "@lantern/db/testing";
import { callerFor as callerForUser } from "../testing.ts";

let db: Database;
const ids: Record<string, string> = {};

const callerFor = (userId: string | null) => callerForUser(db.prisma, userId);

beforeAll(async () => {
  db = await createTestDatabase();
  const p = db.prisma;
  const org = await createOrganization(p, { name: "Acme", slug: "acme" });
  const other = await createOrganization(p, { name: "Globex", slug: "globex" });
  const admin = await createUser(p, org, {
    givenName: "Ada",
    familyName: "Admin",
    role: "SUPER_ADMIN",
  });
  const owner = await createUser(p, org, { givenName: "Olive", familyName: "Owner" });
  const member = await createUser(p, org, { givenName: "Max", familyName: "Member" });
  ids.auditor = (
    await createUser(p, org, { givenName: "Avery", familyName: "Auditor", role: "AUDITOR" })
  ).id;
  const suspended = await createUser(p, org, {
    givenName: "Sam",
    familyName: "Suspended",
    status: "SUSPENDED",
  });
  const outsider = await createUser(p, other, {
    givenName: "Otto",
    familyName: "Outsider",
    role: "SUPER_ADMIN",
  });
  Object.assign(ids, {
    admin: admin.id,
    owner: owner.id,
    member: member.id,
    suspended: suspended.id,
    outsider: outsider.id,
  });

  const github = await createApp(p, org, {
    name: "GitHub",
    description: "Source code",
    owners: [owner, admin],
  });
  await createApp(p, org, { name: "figma", owners: [owner] });
  await createApp(p, org, { name: "Zoom" });
  await createApp(p, org, { name: "Shadow notes", status: "DISCOVERED" });
  const secret = await createApp(p, other, { name: "Globex Secret", owners: [outsider] });
  ids.github = github.id;
  ids.secret = secret.id;

  const [memberAccount] = await createAccounts(p, github, [
    { externalId: "1", status: "ACTIVE", ownerId: member.id, matchedOwnerId: member.id },
    { externalId: "2", status: "ACTIVE", ownerId: suspended.id, matchedOwnerId: suspended.id },
    { externalId: "3", status: "DISABLED" },
    { externalId: "4", status: "DELETED" },
  ]);
  const write = await createEntitlement(p, github, {
    slug: "repo-write",
    displayName: "Repository write",
  });
  const grant = await createGrant(p, memberAccount!, write);
  await createEntitlement(p, github, {
    slug: "org-admin",
    displayName: "Organization admin",
    provisioningStrategy: "CONNECTOR",
  });

  // Tasks assigned to the member: one open of each kind, one done, one reassigned away.
  const policy = await createPolicy(p, org, {
    name: "Manager approval",
    steps: [{ approverKind: "MANAGER" }],
  });
  const open = (kind: "APPROVAL" | "PROVISION" | "DEPROVISION") =>
    createRequestWithTasks(p, {
      kind: kind === "DEPROVISION" ? "REVOKE" : "GRANT",
      requester: admin,
      entitlement: write,
      ...(kind === "DEPROVISION" ? { grant } : { targetUser: member }),
      policy,
      tasks: [{ kind, stepIndex: kind === "APPROVAL" ? 0 : 1, assignees: [member, owner] }],
    });
  await open("APPROVAL");
  await open("PROVISION");
  await open("PROVISION");
  await open("DEPROVISION");
  await createRequestWithTasks(p, {
    requester: admin,
    entitlement: write,
    targetUser: member,
    policy,
    tasks: [{ kind: "APPROVAL", stepIndex: 0, assignees: [member], state: "DONE" }],
  });
  await createRequestWithTasks(p, {
    requester: admin,
    entitlement: write,
    targetUser: member,
    policy,
    tasks: [
      {
        kind: "PROVISION",
        stepIndex: 1,
        assignees: [member],
        reassignments: [{ from: member, to: owner, by: member, reason: "On leave" }],
      },
    ],
  });
});

afterAll(async () => {
  await db?.close();
});

describe("apps.list", () => {
  it("lists the organization's managed apps by name, with owners and live account counts", async () => {
    const caller = await callerFor(ids.member!);
    const page = await caller.apps.list({});
    expect(page.items.map((a) => a.name)).toEqual(["GitHub", "Zoom", "figma"]);
    const github = page.items[0]!;
    expect(github.owners.map((o) => o.displayName).sort()).toEqual(["Ada Admin", "Olive Owner"]);
    expect(github.accountCount).toBe(3); // DELETED accounts do not count
    expect(github.entitlementCount).toBe(2);
    expect(page.nextCursor).toBeNull();
  });

  it("never shows another organization's apps, even to its super admin", async () => {
    const outsider = await callerFor(ids.outsider!);
    const page = await outsider.apps.list({});
    expect(page.items.map((a) => a.name)).toEqual(["Globex Secret"]);
  });

  it("lists discovered apps separately", async () => {
    const page = await (await callerFor(ids.member!)).apps.list({ status: "DISCOVERED" });
    expect(page.items.map((a) => a.name)).toEqual(["Shadow notes"]);
  });

  it("pages with keyset cursors: every app exactly once", async () => {
    const caller = await callerFor(ids.member!);
    const first = await caller.apps.list({ limit: 2 });
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).not.toBeNull();
    const second = await caller.apps.list({ limit: 2, cursor: first.nextCursor! });
    expect([...first.items, ...second.items].map((a) => a.name)).toEqual([
      "GitHub",
      "Zoom",
      "figma",
    ]);
    expect(second.nextCursor).toBeNull();
  });

  it("searches names case-insensitively", async () => {
    const page = await (await callerFor(ids.member!)).apps.list({ search: "  git " });
    expect(page.items.map((a) => a.name)).toEqual(["GitHub"]);
  });

  it("matches typed wildcards literally", async () => {
    const caller = await callerFor(ids.member!);
    expect((await caller.apps.list({ search: "%" })).items).toEqual([]);
    expect((await caller.apps.list({ search: "_" })).items).toEqual([]);
  });

  it("refuses a tampered cursor with BAD_REQUEST and a human message", async () => {
    const caller = await callerFor(ids.member!);
    await expect(caller.apps.list({ cursor: "garbage" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "This page link is no longer valid. Go back to the first page.",
    });
  });

  it("refuses out-of-range input", async () => {
    const caller = await callerFor(ids.member!);
    await expect(caller.apps.list({ limit: 1000 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});

describe("apps.byId", () => {
  it("returns the app with its people, policies and account figures", async () => {
    const app = await (await callerFor(ids.owner!)).apps.byId({ id: ids.github! });
    expect(app.name).toBe("GitHub");
    expect(app.viewerIsOwner).toBe(true);
    // No provisioners named: the owners act (SPEC §1).
    expect(app.provisionersAreOwners).toBe(true);
    expect(app.provisioners.map((p) => p.id).sort()).toEqual([ids.admin, ids.owner].sort());
    expect(app.accounts).toEqual({
      active: 2,
      disabled: 1,
      deleted: 1,
      withoutOwner: 1,
      ownedByInactivePeople: 1,
    });
    expect(app.entitlements.map((e) => e.slug)).toEqual(["org-admin", "repo-write"]);
    // What the app inherits where it sets no default of its own: the organization's.
    expect(app.defaultRequestPolicy).toBeNull();
    const { organizationId } = await db.prisma.app.findUniqueOrThrow({ where: { id: app.id } });
    const policy = await createPolicy(db.prisma, organizationId, { name: "Org standard" });
    await db.prisma.organization.update({
      where: { id: organizationId },
      data: { defaultRequestPolicyId: policy.id },
    });
    try {
      const again = await (await callerFor(ids.owner!)).apps.byId({ id: ids.github! });
      expect(again.organizationDefaults).toEqual({
        request: { id: policy.id, name: "Org standard" },
        revocation: null,
      });
    } finally {
      await db.prisma.organization.update({
        where: { id: organizationId },
        data: { defaultRequestPolicyId: null },
      });
      await db.prisma.policy.delete({ where: { id: policy.id } });
    }
  });

  it("says whether the viewer may open its Accounts tab and Settings, as accounts.list decides", async () => {
    for (const [who, can] of [
      ["admin", true],
      ["owner", true],
      ["member", false],
    ] as const) {
      const caller = await callerFor(ids[who]!);
      const app = await caller.apps.byId({ id: ids.github! });
      expect([who, app.viewerCanViewAccounts, app.viewerCanManage]).toEqual([who, can, can]);
      // The flag and the list agree: no tab that leads to a refusal.
      const list = caller.accounts.list({ appId: ids.github! });
      if (can) await expect(list).resolves.toMatchObject({ items: expect.any(Array) });
      else await expect(list).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
  });

  it("answers NOT_FOUND for another organization's app", async () => {
    const caller = await callerFor(ids.member!);
    await expect(caller.apps.byId({ id: ids.secret! })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("answers BAD_REQUEST for a malformed id", async () => {
    const caller = await callerFor(ids.member!);
    await expect(caller.apps.byId({ id: "not-a-uuid" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });
});

describe("authentication", () => {
  it("refuses signed-out callers", async () => {
    const caller = await callerFor(null);
    await expect(caller.apps.list({})).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("treats a suspended person's session as signed out", async () => {
    const caller = await callerFor(ids.suspended!);
    await expect(caller.me.get()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("treats an unknown user id as signed out", async () => {
    const caller = await callerFor("00000000-0000-7000-8000-000000000000");
    await expect(caller.apps.list({})).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});

describe("me", () => {
  it("returns the person with their organization and role", async () => {
    const me = await (await callerFor(ids.admin!)).me.get();
    expect(me).toMatchObject({
      displayName: "Ada Admin",
      role: "SUPER_ADMIN",
      organization: { name: "Acme" },
    });
    // What the shell may offer comes from the shared permission rules.
    const can = (reads: boolean, changes: boolean) => ({
      readEverything: reads,
      viewDirectory: reads,
      viewOrganizationSettings: reads,
      manageOrganization: changes,
      viewNotifications: reads,
      manageNotifications: changes,
      createApp: changes,
      viewPolicies: reads,
      managePolicies: changes,
      managePeople: changes,
      viewAuditLog: reads,
      viewReviews: reads,
      startReviews: changes,
    });
    expect(me.can).toEqual(can(true, true));
    expect((await (await callerFor(ids.member!)).me.get()).can).toEqual(can(false, false));
    // An auditor reads what a super admin reads and changes nothing.
    expect((await (await callerFor(ids.auditor!)).me.get()).can).toEqual(can(true, false));
  });

  it("counts the open tasks assigned to the viewer, for the navigation badges", async () => {
    const counts = await (await callerFor(ids.member!)).me.openTaskCounts();
    // Done and reassigned-away tasks do not count.
    expect(counts).toEqual({
      requests: 3,
      awaitingApproval: 1,
      awaitingProvisioning: 2,
      revocations: 1,
      reviews: 0,
    });
    const ownerCounts = await (await callerFor(ids.owner!)).me.openTaskCounts();
    expect(ownerCounts).toEqual({
      requests: 4,
      awaitingApproval: 1,
      awaitingProvisioning: 3,
      revocations: 1,
      reviews: 0,
    });
  });
});
