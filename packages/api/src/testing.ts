import type { PrismaClient } from "@lantern/db";
import type { Actor, SessionClaim } from "@lantern/domain";
import { createContext, loadActor } from "./context.ts";
import { createCaller } from "./root.ts";
import type { SecretsKey } from "./services/connectors/secrets.ts";

/**
 * What the session cookie of `userId` claims right after they sign in: their current session
 * generation (null: signed out, or nobody by that id).
 */
export async function freshSession(
  db: PrismaClient,
  userId: string | null,
): Promise<SessionClaim | null> {
  if (!userId) return null;
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { sessionGeneration: true },
  });
  return { userId, sessionGeneration: user?.sessionGeneration ?? 0 };
}

/** The actor of a fresh session of `userId`, as a request loads it (null: may not sign in). */
export async function actorFor(db: PrismaClient, userId: string): Promise<Actor | null> {
  return loadActor(db, await freshSession(db, userId));
}

/**
 * A caller of the whole API as `userId` (null: signed out), as a production request of a
 * session signed in just now would be (with the server's connector secrets key, if given).
 */
export async function callerFor(
  db: PrismaClient,
  userId: string | null,
  secretsKey: SecretsKey | null = null,
) {
  return createCaller(
    await createContext({
      db,
      session: await freshSession(db, userId),
      production: true,
      secretsKey,
    }),
  );
}

/** A caller of the whole API under a given session cookie (e.g. one from before a sign-out). */
export async function callerWithSession(db: PrismaClient, session: SessionClaim | null) {
  return createCaller(await createContext({ db, session, production: true }));
}
