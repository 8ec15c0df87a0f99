import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@lantern/db";
import {
  createAccount,
  createApp,
  createEntitlement,
  createEvent,
  createGrant,
  createOrganization,
  createUser,
} from "./index.ts";
import { createTestDatabase } from "@lantern/db/testing";

// Rules the database itself enforces, beyond what Prisma's schema can say.
let db: Database;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => db?.close());

describe("database constraints", () => {
  it("keeps events append-only: no update, no delete, except with their organization", async () => {
    const org = await createOrganization(db.prisma);
    const event = await createEvent(db.prisma, {
      organization: org,
      action: "app.created",
      targetType: "App",
      targetId: "x",
    });
    await expect(
      db.prisma.event.update({ where: { id: event.id }, data: { action: "forged" } }),
    ).rejects.toThrow(/append-only/);
    await expect(db.prisma.event.delete({ where: { id: event.id } })).rejects.toThrow(
      /append-only/,
    );
    await db.prisma.organization.delete({ where: { id: org.id } });
    expect(await db.prisma.event.count({ where: { id: event.id } })).toBe(0);
  });

  it("allows at most one live grant per account and entitlement, and any number of ended ones", async () => {
    const org = await createOrganization(db.prisma);
    const app = await createApp(db.prisma, org);
    const entitlement = await createEntitlement(db.prisma, app);
    const account = await createAccount(db.prisma, app);
    await createGrant(db.prisma, account, entitlement, { revokedAt: new Date("2026-01-01") });
    await createGrant(db.prisma, account, entitlement, { revokedAt: new Date("2026-02-01") });
    await createGrant(db.prisma, account, entitlement);
    await expect(createGrant(db.prisma, account, entitlement)).rejects.toThrow();
  });

  it("requires approvers on APPROVAL steps and none on the PROVISION step", async () => {
    const org = await createOrganization(db.prisma);
    const policy = await db.prisma.policy.create({ data: { organizationId: org.id, name: "P" } });
    await expect(
      db.prisma.policyStep.create({ data: { policyId: policy.id, position: 0, kind: "APPROVAL" } }),
    ).rejects.toThrow();
    await expect(
      db.prisma.policyStep.create({
        data: { policyId: policy.id, position: 0, kind: "PROVISION", approverKind: "MANAGER" },
      }),
    ).rejects.toThrow();
    await db.prisma.policyStep.create({
      data: { policyId: policy.id, position: 0, kind: "APPROVAL", approverKind: "MANAGER" },
    });
  });

  it("keeps emails unique per organization, case-insensitively", async () => {
    const org = await createOrganization(db.prisma);
    await createUser(db.prisma, org, { email: "Ada@Example.com" });
    await expect(createUser(db.prisma, org, { email: " ada@example.COM" })).rejects.toThrow();
    const other = await createOrganization(db.prisma);
    await createUser(db.prisma, other, { email: "ada@example.com" });
  });
});
