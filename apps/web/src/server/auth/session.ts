import "server-only";
import { getServerSession } from "next-auth";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { authOptions } from "./options.ts";

export const getSession = () => getServerSession(authOptions);

/** The path the person asked for (set by src/proxy.ts), to come back to after sign-in. */
export async function requestedPath(): Promise<string> {
  const path = (await headers()).get("x-lantern-path");
  return path && path.startsWith("/") && !path.startsWith("//") ? path : "/apps";
}

/** The session, or a redirect to sign-in that returns to this page afterwards. */
export async function requireSession() {
  const session = await getSession();
  if (!session) {
    redirect(`/sign-in?callbackUrl=${encodeURIComponent(await requestedPath())}`);
  }
  return session;
}
