import type { PrismaClient } from "@lantern/db";
import { canSignIn, type Actor, type DevMailboxAccess } from "@lantern/domain";

/** What every procedure and service receives. Built per request from the session only. */
export interface Context {
  db: PrismaClient;
  /** The signed-in person, loaded fresh from the database (role and status are current). */
  actor: Actor | null;
  now: () => Date;
  /** Production hides internal error details. */
  production: boolean;
  /**
   * Who may read the dev mailbox (stored outgoing email): nobody ("off", the default), anyone
   * ("public": demo mode, where anyone may sign in as anyone), or signed-in people
   * ("signed-in": development against a real database). Decided by the web from its env.
   */
  devMailbox?: DevMailboxAccess;
}

export type { DevMailboxAccess };

export interface CreateContextOptions {
  db: PrismaClient;
  /** The user id from the verified session, or null when signed out. */
  sessionUserId: string | null;
  production: boolean;
  now?: () => Date;
  devMailbox?: DevMailboxAccess;
}

/**
 * Loads the actor for a session. A session whose person was suspended or removed since
 * sign-in counts as signed out: access ends the moment an admin changes the status.
 */
export async function loadActor(db: PrismaClient, userId: string | null): Promise<Actor | null> {
  if (!userId) return null;
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      organizationId: true,
      role: true,
      status: true,
      displayName: true,
      email: true,
    },
  });
  if (!user || !canSignIn(user).allowed) return null;
  return user;
}

export async function createContext(options: CreateContextOptions): Promise<Context> {
  return {
    db: options.db,
    actor: await loadActor(options.db, options.sessionUserId),
    now: options.now ?? (() => new Date()),
    production: options.production,
    devMailbox: options.devMailbox ?? "off",
  };
}
