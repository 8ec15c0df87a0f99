import "server-only";
import { cache } from "react";
import { getServerSession } from "next-auth";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { loadActor } from "@lantern/api";
import { getPrisma } from "~/server/db";
import { authOptions } from "./options.ts";

/** The signed session cookie's content (who signed in), not yet checked against the database. */
export const getSession = () => getServerSession(authOptions);

/**
 * The signed-in person, if their session is valid AND they are still an active member:
 * a person suspended or removed after signing in is signed out at once. Once per request.
 */
export const getActor = cache(async () => {
  const session = await getSession();
  if (!session) return { state: "signed-out" as const };
  const actor = await loadActor(await getPrisma(), session.user.id);
  return actor ? { state: "active" as const, actor } : { state: "inactive" as const };
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
