import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, User } from "@lantern/db";
import { createOrganization, createUser } from "@lantern/seed";
import { createTestDatabase } from "@lantern/db/testing";
import { callerFor as callerForUser } from "../testing.ts";

// The signed-in person's own notification preferences (me.notificationPreferences,
// me.updateNotificationPreferences): read, changed with an event, and only ever one's own.

let db: Database;
const callerFor = (user: { id: string } | null) => callerForUser(db.prisma, user?.id ?? null);
let dana: User;
let pat: User;

beforeAll(async () => {
  db = await createTestDatabase();
  const org = await createOrganization(db.prisma, { name: "Acme", slug: "acme-me" });
  dana = await createUser(db.prisma, org, { givenName: "Dana", familyName: "Ortiz" });
  pat = await createUser(db.prisma, org, { givenName: "Pat", familyName: "Lee" });
});

afterAll(async () => {
  await db?.close();
});

const stored = (user: User) =>
  db.prisma.user.findUniqueOrThrow({
    where: { id: user.id },
    select: { emailNotifications: true, slackNotifications: true },
  });

const changes = (user: User) =>
  db.prisma.event.findMany({
    where: { targetId: user.id, action: "user.notification_preferences_changed" },
    orderBy: [{ at: "asc" }, { id: "asc" }],
  });

describe("notification preferences", () => {
  it("everyone starts with email and Slack on", async () => {
    expect(await (await callerFor(dana)).me.notificationPreferences()).toEqual({
      email: true,
      slack: true,
    });
  });

  it("a person turns Slack off: stored, returned, and recorded with before and after", async () => {
    const me = await callerFor(dana);
    expect(await me.me.updateNotificationPreferences({ email: true, slack: false })).toEqual({
      email: true,
      slack: false,
    });
    expect(await stored(dana)).toEqual({ emailNotifications: true, slackNotifications: false });
    expect(await me.me.notificationPreferences()).toEqual({ email: true, slack: false });
    const events = await changes(dana);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      actorId: dana.id,
      targetType: "User",
      before: { email: true, slack: true },
      after: { email: true, slack: false },
    });

    // Saving the same choice again changes nothing and records nothing.
    await me.me.updateNotificationPreferences({ email: true, slack: false });
    expect(await changes(dana)).toHaveLength(1);

    await me.me.updateNotificationPreferences({ email: false, slack: true });
    expect(await stored(dana)).toEqual({ emailNotifications: false, slackNotifications: true });
    expect((await changes(dana)).at(-1)).toMatchObject({
      before: { email: true, slack: false },
      after: { email: false, slack: true },
    });
  });

  it("only acts on the actor: extra fields naming someone else are ignored", async () => {
    const before = await stored(pat);
    const me = await callerFor(dana);
    await me.me.updateNotificationPreferences({
      email: true,
      slack: true,
      // Not part of the input: zod strips it, the service only knows the actor.
      ...({ userId: pat.id } as object),
    } as { email: boolean; slack: boolean });
    expect(await stored(pat)).toEqual(before);
    expect(await changes(pat)).toHaveLength(0);
    expect(await stored(dana)).toEqual({ emailNotifications: true, slackNotifications: true });
  });

  it("refuses a signed-out caller and a malformed choice", async () => {
    const anonymous = await callerFor(null);
    for (const call of [
      anonymous.me.notificationPreferences(),
      anonymous.me.updateNotificationPreferences({ email: false, slack: false }),
    ]) {
      const error = await call.then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(TRPCError);
      expect((error as TRPCError).code).toBe("UNAUTHORIZED");
    }
    const bad = await (
      await callerFor(dana)
    ).me
      .updateNotificationPreferences({ email: "yes", slack: true } as never)
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect((bad as TRPCError).code).toBe("BAD_REQUEST");
  });
});
