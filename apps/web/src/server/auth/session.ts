import "server-only";
import { cache } from "react";
import { getServerSession } from "next-auth";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import type { Session } from "next-auth";
import { endedSessionState, loadActor } from "@lantern/api";
import type { SessionClaim } from "@lantern/domain";
import { getPrisma } from "~/server/db";
import { authOptions } from "./options.ts";
import { isCallbackUrlCookie } from "./route-input.ts";

/**
 * The signed session cookie's content (who signed in), not yet checked against the database.
 * next-auth reads the request's cookies and headers as given here: the callback-URL cookie,
 * which reading a session never needs, is left out (a planted one would make next-auth answer
 * 500 to every page).
 */
export async function getSession(): Promise<Session | null> {
  const [headerList, jar] = await Promise.all([headers(), cookies()]);
  const req = {
    headers: Object.fromEntries(headerList),
    cookies: Object.fromEntries(
      jar
        .getAll()
        .filter((c) => !isCallbackUrlCookie(c.name))
        .map((c) => [c.name, c.value]),
    ),
  };
  // Nothing is written back: pages cannot set cookies.
  const res = { getHeader() {}, setCookie() {}, setHeader() {} };
  return getServerSession(req as never, res as never, authOptions);
}

/** What a session claims, for loadActor to check against the database (null: signed out). */
export const sessionClaim = (session: Session | null): SessionClaim | null =>
  session ? { userId: session.user.id, sessionGeneration: session.user.sessionGeneration } : null;

/**
 * The signed-in person, if their session is valid AND current AND they are still an active
 * member: a person suspended or removed after signing in is signed out at once ("inactive");
 * a session ended since (sign-out, Sign out everywhere, a role change) counts as signed out.
 * Once per request.
 */
export const getActor = cache(async () => {
  const session = await getSession();
  if (!session) return { state: "signed-out" as const };
  const prisma = await getPrisma();
  const actor = await loadActor(prisma, sessionClaim(session));
  if (actor) return { state: "active" as const, actor };
  // Why not: a person who may no longer sign in is told so; an ended session signs in again.
  return (await endedSessionState(prisma, session.user.id)) === "inactive"
    ? { state: "inactive" as const }
    : { state: "signed-out" as const };
});

/** The path the person asked for (set by src/proxy.ts), to come back to after sign-in. */
export async function requestedPath(): Promise<string> {
  const path = (await headers()).get("x-lantern-path");
  return path && path.startsWith("/") && !path.startsWith("//") ? path : "/apps";
}

/**
 * The active person, or a redirect: to sign-in returning to this page afterwards when
 * signed out; to sign-in with the reason when the person is no longer active.
 */
export async function requireActor() {
  const result = await getActor();
  if (result.state === "signed-out") {
    redirect(`/sign-in?callbackUrl=${encodeURIComponent(await requestedPath())}`);
  }
  if (result.state === "inactive") redirect("/sign-in?error=AccountInactive");
  return result.actor;
}
