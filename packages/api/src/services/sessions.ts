import type { PrismaClient } from "@lantern/db";
import {
  assertAllowed,
  canManagePeople,
  DomainError,
  type Actor,
  type SessionClaim,
} from "@lantern/domain";
import type { Context } from "../context.ts";
import type { TUserIdInput } from "../schemas/users.ts";
import { PERSON_NOT_FOUND } from "./people.ts";
import { recordEvents, transaction } from "./shared/records.ts";

// Sessions (next-auth JWT cookies) carry the person's session generation from sign-in on;
// loadActor (context.ts) refuses a cookie whose generation is not the person's current one.
// Here: what a sign-in records, and the two ways a session ends before it expires — the
// person signs out, or a super admin signs them out everywhere. (A role or status change
// moves the generation on too, in people.ts and the people import.)

export type SignInMethod = "email" | "oidc" | "demo";

/**
 * Records a sign-in: the person's lastSignInAt and an audit Event, in one transaction.
 * Returns what the session carries (organization, role and the session generation).
 */
export async function recordSignIn(
  db: PrismaClient,
  input: { userId: string; method: SignInMethod; now?: Date },
) {
  const at = input.now ?? new Date();
  return transaction({ db }, async (tx) => {
    const person = await tx.user.update({
      where: { id: input.userId },
      data: { lastSignInAt: at },
      select: {
        id: true,
        organizationId: true,
        role: true,
        displayName: true,
        email: true,
        sessionGeneration: true,
      },
    });
    await tx.event.create({
      data: {
        organizationId: person.organizationId,
        actorId: person.id,
        action: "user.signed_in",
        targetType: "User",
        targetId: person.id,
        after: { method: input.method },
        at,
      },
    });
    return person;
  });
}

/**
 * Sign-out: ends every session of the person (the generation moves on, so the cookie just
 * cleared, and any copy of it, no longer opens anything), with a user.signed_out Event, in one
 * transaction. A cookie that is already ended changes nothing: an old copy cannot be used to
 * sign the person out of their newer sessions. Answers whether a session was ended.
 */
export async function recordSignOut(
  db: PrismaClient,
  session: SessionClaim,
  now: Date = new Date(),
): Promise<boolean> {
  if (typeof session.sessionGeneration !== "number") return false;
  const generation = session.sessionGeneration;
  return transaction({ db }, async (tx) => {
    const ended = await tx.user.updateManyAndReturn({
      where: { id: session.userId, sessionGeneration: generation },
      data: { sessionGeneration: { increment: 1 } },
      select: { id: true, organizationId: true },
    });
    const [person] = ended;
    if (!person) return false;
    await recordEvents(tx, [
      {
        organizationId: person.organizationId,
        actorId: person.id,
        action: "user.signed_out",
        targetType: "User",
        targetId: person.id,
        at: now,
      },
    ]);
    return true;
  });
}

/**
 * Sign out everywhere (the person page, super admins): every session the person has ends at
 * its next request; they can sign in again (when active). One transaction with its Event.
 */
export async function signOutEverywhere(
  ctx: Pick<Context, "db" | "now"> & { actor: Actor },
  input: TUserIdInput,
): Promise<{ id: string; displayName: string }> {
  assertAllowed(canManagePeople(ctx.actor));
  return transaction(ctx, async (tx) => {
    const ended = await tx.user.updateManyAndReturn({
      where: { id: input.userId, organizationId: ctx.actor.organizationId },
      data: { sessionGeneration: { increment: 1 } },
      select: { id: true, displayName: true },
    });
    const [person] = ended;
    if (!person) throw new DomainError("NOT_FOUND", PERSON_NOT_FOUND);
    await recordEvents(tx, [
      {
        organizationId: ctx.actor.organizationId,
        actorId: ctx.actor.id,
        action: "user.signed_out_everywhere",
        targetType: "User",
        targetId: person.id,
        at: ctx.now(),
      },
    ]);
    return person;
  });
}
