import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@lantern/db";
import { createOrganization, createUser } from "@lantern/seed";
import { createTestDatabase } from "@lantern/db/testing";
import { recordSignIn } from "./sessions.ts";

let db: Database;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => db?.close());

describe("recordSignIn", () => {
  it("stamps lastSignInAt and writes a user.signed_in event with the method, together", async () => {
    const org = await createOrganization(db.prisma);
    const person = await createUser(db.prisma, org, { role: "SUPER_ADMIN" });
    const now = new Date("2026-11-21T09:30:00Z");

    const session = await recordSignIn(db.prisma, { userId: person.id, method: "oidc", now });

    expect(session).toMatchObject({ id: person.id, organizationId: org.id, role: "SUPER_ADMIN" });
    const stored = await db.prisma.user.findUniqueOrThrow({ where: { id: person.id } });
    expect(stored.lastSignInAt).toEqual(now);
    const events = await db.prisma.event.findMany({ where: { targetId: person.id } });
    expect(events).toMatchObject([
      {
        action: "user.signed_in",
        actorId: person.id,
        organizationId: org.id,
        after: { method: "oidc" },
        at: now,
      },
    ]);
  });

  it("changes nothing for an unknown person", async () => {
    const before = await db.prisma.event.count();
    await expect(
      recordSignIn(db.prisma, { userId: "00000000-0000-7000-8000-000000000000", method: "email" }),
    ).rejects.toThrow();
    expect(await db.prisma.event.count()).toBe(before);
  });
});
