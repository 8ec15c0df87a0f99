import type { PrismaClient } from "@lantern/db";
import type { SecretsKey } from "./services/connectors/secrets.ts";
import {
  canUseSession,
  type Actor,
  type DevMailboxAccess,
  type SessionClaim,
} from "@lantern/domain";

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
  /** Seals and opens connector secrets (LANTERN_SECRETS_KEY); none: none can be stored. */
  secretsKey?: SecretsKey | null;
}

export type { DevMailboxAccess };

export interface CreateContextOptions {
  db: PrismaClient;
  /** What the verified session cookie claims (person and session generation); null: signed out. */
  session: SessionClaim | null;
  production: boolean;
  now?: () => Date;
  devMailbox?: DevMailboxAccess;
  secretsKey?: SecretsKey | null;
}

/** The columns of a person that make an Actor. */
export const actorSelect = {
  id: true,
  organizationId: true,
  role: true,
  status: true,
  displayName: true,
  email: true,
} as const;

/**
 * Loads the actor for a session. A session counts as signed out when its person was
 * suspended or removed since sign-in, or when its session generation is no longer the
 * person's (they signed out, an admin signed them out everywhere, their role or status
 * changed): access ends at the next request.
 */
export async function loadActor(
  db: PrismaClient,
  session: SessionClaim | null,
): Promise<Actor | null> {
  if (!session?.userId) return null;
  const user = await db.user.findUnique({
    where: { id: session.userId },
    select: { ...actorSelect, sessionGeneration: true },
  });
  if (!user || !canUseSession(user, session).allowed) return null;
  const { sessionGeneration: _generation, ...actor } = user;
  return actor;
}

export async function createContext(options: CreateContextOptions): Promise<Context> {
  return {
    db: options.db,
    actor: await loadActor(options.db, options.session),
    now: options.now ?? (() => new Date()),
    production: options.production,
    devMailbox: options.devMailbox ?? "off",
    secretsKey: options.secretsKey ?? null,
  };
}
