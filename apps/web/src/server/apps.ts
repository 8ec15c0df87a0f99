import "server-only";
import { cache } from "react";
import { orNotFound } from "~/server/page-load";
import { requireActor } from "~/server/auth/session";
import { serverCaller } from "~/trpc/server";

/**
 * One app for the app pages (layout, tabs and metadata share one load per request). The
 * layout renders alongside its pages, so the session is checked here too: a signed-out
 * visit redirects instead of failing. An unknown app (or one of another organization) is 404.
 */
export const loadApp = cache(async (appId: string) => {
  await requireActor();
  const caller = await serverCaller();
  return orNotFound(() => caller.apps.byId({ id: appId }));
});

export type LoadedApp = Awaited<ReturnType<typeof loadApp>>;
