import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import type { Database, User } from "@lantern/db";
import { createOrganization, createUser } from "@lantern/seed";
import { createTestDatabase } from "@lantern/db/testing";
import type { SessionClaim } from "@lantern/domain";
import { loadActor } from "../context.ts";
import { recordSignIn, recordSignOut } from "../services/sessions.ts";
import { callerFor, callerWithSession, freshSession } from "../testing.ts";

// Revocable sessions (issue 13, item 6): a session cookie carries the person's session
// generation from sign-in; sign-out, Sign out everywhere, a role change and any status change
// move the generation on, and a cookie of an older generation loads no actor — through
// loadActor, which the tRPC route, the pages and the upload/export routes all use.

let db: Database;
let org: { id: string };
let other: { id: string };
let admin: User;
let outsider: User;
let seq = 0;

beforeAll(async () => {
  db = await createTestDatabase();
  org = await createOrganization(db.prisma, { name: "Acme", slug: "acme-sessions" });
  other = await createOrganization(db.prisma, { name: "Globex", slug: "globex-sessions" });
  admin = await createUser(db.prisma, org, {
    givenName: "Ada",
    familyName: "Admin",
    role: "SUPER_ADMIN",
  });
  // A second super admin, so the first can be demoted or suspended in tests.
  await createUser(db.prisma, org, { givenName: "Abe", familyName: "Admin", role: "SUPER_ADMIN" });
  outsider = await createUser(db.prisma, other, {
    givenName: "Otto",
    familyName: "Outsider",
    role: "SUPER_ADMIN",
  });
});

afterAll(async () => {
  await db?.close();
});

async function member(extra: Parameters<typeof createUser>[2] = {}) {
  seq += 1;
  return createUser(db.prisma, org, {
    givenName: "Pat",
    familyName: `Session${String(seq).padStart(3, "0")}`,
    ...extra,
  });
}

/** The person's session as the sign-in cookie carries it (what recordSignIn returns). */
async function signIn(user: { id: string }): Promise<SessionClaim> {
  const person = await recordSignIn(db.prisma, { userId: user.id, method: "email" });
  return { userId: person.id, sessionGeneration: person.sessionGeneration };
}

const generationOf = async (user: { id: string }) =>
  (
    await db.prisma.user.findUniqueOrThrow({
      where: { id: user.id },
      select: { sessionGeneration: true },
    })
  ).sessionGeneration;

/** Whether a request under this cookie is signed in (me.get answers, or UNAUTHORIZED). */
async function opens(session: SessionClaim): Promise<boolean> {
  if (!(await loadActor(db.prisma, session))) {
    await expect((await callerWithSession(db.prisma, session)).me.get()).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
    return false;
  }
  await (await callerWithSession(db.prisma, session)).me.get();
  return true;
}

async function codeOf(promise: Promise<unknown>): Promise<string | null> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  return error instanceof TRPCError ? error.code : null;
}

describe("a session's generation", () => {
  it("a new person starts at generation 0, and signing in carries it without moving it", async () => {
    const pat = await member();
    const laptop = await signIn(pat);
    expect(laptop.sessionGeneration).toBe(0);
    // Signing in on a second device leaves the first signed in.
    const phone = await signIn(pat);
    expect(phone).toEqual(laptop);
    expect(await opens(laptop)).toBe(true);
  });

  it("a cookie of an older or a later generation, or of none, loads no actor", async () => {
    const pat = await member();
    await db.prisma.user.update({ where: { id: pat.id }, data: { sessionGeneration: 5 } });
    expect(await opens({ userId: pat.id, sessionGeneration: 5 })).toBe(true);
    expect(await opens({ userId: pat.id, sessionGeneration: 4 })).toBe(false);
    expect(await opens({ userId: pat.id, sessionGeneration: 6 })).toBe(false);
    expect(await opens({ userId: pat.id, sessionGeneration: undefined })).toBe(false);
    expect(await loadActor(db.prisma, null)).toBeNull();
  });
});

describe("sign-out", () => {
  it("ends every session of the person, with a user.signed_out event", async () => {
    const pat = await member();
    const laptop = await signIn(pat);
    const phone = await signIn(pat);

    expect(await recordSignOut(db.prisma, laptop)).toBe(true);

    expect(await generationOf(pat)).toBe(1);
    expect(await opens(laptop)).toBe(false);
    expect(await opens(phone)).toBe(false);
    const events = await db.prisma.event.findMany({
      where: { targetId: pat.id, action: "user.signed_out" },
    });
    expect(events).toMatchObject([{ actorId: pat.id, organizationId: org.id }]);
    // Signing in again works, under the new generation.
    const again = await signIn(pat);
    expect(again.sessionGeneration).toBe(1);
    expect(await opens(again)).toBe(true);
  });

  it("an ended cookie signing out changes nothing (it cannot end the newer sessions)", async () => {
    const pat = await member();
    const old = await signIn(pat);
    await recordSignOut(db.prisma, old);
    const current = await signIn(pat);
    const events = await db.prisma.event.count({ where: { targetId: pat.id } });

    expect(await recordSignOut(db.prisma, old)).toBe(false);
    expect(await recordSignOut(db.prisma, { userId: pat.id, sessionGeneration: null })).toBe(false);

    expect(await generationOf(pat)).toBe(1);
    expect(await opens(current)).toBe(true);
    expect(await db.prisma.event.count({ where: { targetId: pat.id } })).toBe(events);
  });
});

describe("users.signOutEverywhere", () => {
  it("a super admin ends every session of a person; the event names who did it", async () => {
    const pat = await member();
    const session = await signIn(pat);

    expect(
      await (await callerFor(db.prisma, admin.id)).users.signOutEverywhere({ userId: pat.id }),
    ).toEqual({ id: pat.id, displayName: pat.displayName });

    expect(await opens(session)).toBe(false);
    expect(await generationOf(pat)).toBe(1);
    const events = await db.prisma.event.findMany({
      where: { targetId: pat.id, action: "user.signed_out_everywhere" },
    });
    expect(events).toMatchObject([
      { actorId: admin.id, organizationId: org.id, targetType: "User" },
    ]);
    // The person can sign in again.
    expect(await opens(await signIn(pat))).toBe(true);
  });

  it("a super admin may sign themselves out everywhere: their own session ends too", async () => {
    const ada2 = await member({ role: "SUPER_ADMIN" });
    const session = await signIn(ada2);
    await (
      await callerWithSession(db.prisma, session)
    ).users.signOutEverywhere({
      userId: ada2.id,
    });
    expect(await opens(session)).toBe(false);
  });

  it("is refused to members (FORBIDDEN), across organizations (NOT_FOUND), and changes nothing", async () => {
    const pat = await member();
    const max = await member();
    const session = await signIn(pat);
    const events = await db.prisma.event.count();

    expect(
      await codeOf(
        (await callerFor(db.prisma, max.id)).users.signOutEverywhere({ userId: pat.id }),
      ),
    ).toBe("FORBIDDEN");
    expect(
      await codeOf(
        (await callerFor(db.prisma, outsider.id)).users.signOutEverywhere({ userId: pat.id }),
      ),
    ).toBe("NOT_FOUND");
    expect(
      await codeOf(
        (await callerFor(db.prisma, admin.id)).users.signOutEverywhere({
          userId: "00000000-0000-7000-8000-000000000000",
        }),
      ),
    ).toBe("NOT_FOUND");
    expect(
      await codeOf((await callerFor(db.prisma, null)).users.signOutEverywhere({ userId: pat.id })),
    ).toBe("UNAUTHORIZED");
    expect(
      await codeOf(
        (await callerFor(db.prisma, admin.id)).users.signOutEverywhere({ userId: "not-a-uuid" }),
      ),
    ).toBe("BAD_REQUEST");

    expect(await generationOf(pat)).toBe(0);
    expect(await opens(session)).toBe(true);
    expect(await db.prisma.event.count()).toBe(events);
  });
});

describe("people changes end the person's sessions", () => {
  it("a role change (either way) ends them; the person signs in again with the new role", async () => {
    const pat = await member();
    const before = await signIn(pat);
    const caller = await callerFor(db.prisma, admin.id);

    await caller.users.setRole({ userId: pat.id, role: "SUPER_ADMIN" });
    expect(await opens(before)).toBe(false);
    const promoted = await signIn(pat);
    expect(await opens(promoted)).toBe(true);

    await caller.users.setRole({ userId: pat.id, role: "MEMBER" });
    expect(await opens(promoted)).toBe(false);
    expect(await generationOf(pat)).toBe(2);
  });

  it("asking for the role a person already has ends nothing", async () => {
    const pat = await member();
    const session = await signIn(pat);
    await (await callerFor(db.prisma, admin.id)).users.setRole({ userId: pat.id, role: "MEMBER" });
    expect(await opens(session)).toBe(true);
  });

  it.each(["SUSPENDED", "DEPROVISIONED"] as const)(
    "%s, then reactivated: the cookie from before stays dead",
    async (status) => {
      const pat = await member();
      const before = await signIn(pat);
      const caller = await callerFor(db.prisma, admin.id);

      await caller.users.setStatus({ userId: pat.id, status, reason: "Left the team" });
      expect(await opens(before)).toBe(false);
      await caller.users.setStatus({ userId: pat.id, status: "ACTIVE" });

      expect(await opens(before)).toBe(false);
      expect(await generationOf(pat)).toBe(2);
      expect(await opens(await signIn(pat))).toBe(true);
    },
  );

  it("a reactivation ends sessions even when the suspension was written outside Lantern", async () => {
    const pat = await member();
    const before = await signIn(pat);
    await db.prisma.$executeRaw`UPDATE "User" SET status = 'SUSPENDED' WHERE id = ${pat.id}::uuid`;
    await (
      await callerFor(db.prisma, admin.id)
    ).users.setStatus({
      userId: pat.id,
      status: "ACTIVE",
    });
    expect(await opens(before)).toBe(false);
  });

  it("a manager change ends nothing", async () => {
    const pat = await member();
    const session = await signIn(pat);
    await (
      await callerFor(db.prisma, admin.id)
    ).users.setManager({
      userId: pat.id,
      managerId: admin.id,
    });
    expect(await opens(session)).toBe(true);
  });

  it("the people import ends the sessions of the people whose status it changes, and no one else's", async () => {
    const lee = await member({ email: `lee.${seq}@sessions.example` });
    const dana = await member({ email: `dana.${seq}@sessions.example` });
    const leeSession = await signIn(lee);
    const danaSession = await signIn(dana);
    const caller = await callerFor(db.prisma, admin.id);
    const file = (leeStatus: string, danaTitle: string) =>
      [
        "email,givenName,familyName,title,status",
        `${lee.email},${lee.givenName},${lee.familyName},,${leeStatus}`,
        // Dana's title changes; her status does not.
        `${dana.email},${dana.givenName},${dana.familyName},${danaTitle},ACTIVE`,
      ].join("\n");

    expect(
      await caller.imports.people({ format: "csv", content: file("SUSPENDED", "Engineer") }),
    ).toMatchObject({ updated: 2 });
    expect(await opens(leeSession)).toBe(false);
    expect(await opens(danaSession)).toBe(true);

    await caller.imports.people({ format: "csv", content: file("ACTIVE", "Senior engineer") });
    expect(await opens(leeSession)).toBe(false);
    expect(await generationOf(lee)).toBe(2);
    expect(await generationOf(dana)).toBe(0);
    expect(await opens(danaSession)).toBe(true);
  });
});

describe("freshSession (the test helper)", () => {
  it("claims the person's current generation", async () => {
    const pat = await member();
    await db.prisma.user.update({ where: { id: pat.id }, data: { sessionGeneration: 7 } });
    expect(await freshSession(db.prisma, pat.id)).toEqual({
      userId: pat.id,
      sessionGeneration: 7,
    });
  });
});
