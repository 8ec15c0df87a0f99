import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@lantern/db";
import { createApp, createEntitlement, createOrganization, createUser } from "@lantern/seed";
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
  const member = await createUser(p, org, { givenName: "Max", familyName: "Member" });
  const outsider = await createUser(p, other, {
    givenName: "Otto",
    familyName: "Outsider",
    role: "SUPER_ADMIN",
  });
  const github = await createApp(p, org, { name: "GitHub" });
  const write = await createEntitlement(p, github, {
    slug: "repo-write",
    displayName: "Repository write",
    description: "Push to product repositories.",
    provisioningStrategy: "CONNECTOR",
  });
  const secret = await createApp(p, other, { name: "Globex Secret" });
  const hidden = await createEntitlement(p, secret, { slug: "vault" });
  Object.assign(ids, {
    member: member.id,
    outsider: outsider.id,
    github: github.id,
    write: write.id,
    hidden: hidden.id,
  });
});

afterAll(async () => {
  await db?.close();
});

describe("entitlements.byId", () => {
  it("returns the entitlement with its app", async () => {
    const caller = await callerFor(ids.member!);
    expect(await caller.entitlements.byId({ id: ids.write! })).toEqual({
      id: ids.write,
      slug: "repo-write",
      displayName: "Repository write",
      description: "Push to product repositories.",
      provisioningStrategy: "CONNECTOR",
      deprovisioningStrategy: "MANUAL",
      app: { id: ids.github, name: "GitHub", iconUrl: null, status: "MANAGED" },
      owners: [],
      policies: { request: null, revocation: null },
      settings: {
        requestPolicyId: null,
        revocationPolicyId: null,
        inherited: { request: null, revocation: null },
      },
      liveGrantCount: 0,
      viewerCanManage: false,
      // A member's Grants tab lists their own and their reports' accounts only (SPEC §8).
      viewerGrantsScope: "OWN_AND_REPORTS",
    });
  });

  it("answers NOT_FOUND for another organization's entitlement, even to its super admin", async () => {
    const caller = await callerFor(ids.outsider!);
    await expect(caller.entitlements.byId({ id: ids.write! })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    const member = await callerFor(ids.member!);
    await expect(member.entitlements.byId({ id: ids.hidden! })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("answers BAD_REQUEST for a malformed id and UNAUTHORIZED when signed out", async () => {
    const caller = await callerFor(ids.member!);
    await expect(caller.entitlements.byId({ id: "nope" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    const signedOut = await callerFor(null);
    await expect(signedOut.entitlements.byId({ id: ids.write! })).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
  });
});
