import "server-only";
import { cache } from "react";
import { notFound } from "next/navigation";
import { TRPCError } from "@trpc/server";
import { requireActor } from "~/server/auth/session";
import { serverCaller } from "~/trpc/server";

/**
 * One app for the app pages (layout, tabs and metadata share one load per request). The
 * layout renders alongside its pages, so the session is checked here too: a signed-out
 * visit redirects instead of failing. An unknown app (or one of another organization) is 404.
 */
export const loadApp = cache(async (appId: string) => {
  await requireActor();
  try {
    return await (await serverCaller()).apps.byId({ id: appId });
  } catch (error) {
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST"))
      notFound();
    throw error;
  }
});

export type LoadedApp = Awaited<ReturnType<typeof loadApp>>;
