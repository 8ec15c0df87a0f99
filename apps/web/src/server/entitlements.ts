import "server-only";
import { cache } from "react";
import { notFound } from "next/navigation";
import { TRPCError } from "@trpc/server";
import { requireActor } from "~/server/auth/session";
import { serverCaller } from "~/trpc/server";

/**
 * One entitlement of one app for the entitlement pages (layout, tabs and metadata share one
 * load per request). Unknown, of another organization, or of another app than the URL's: 404.
 */
export const loadEntitlement = cache(async (appId: string, entitlementId: string) => {
  await requireActor();
  let entitlement;
  try {
    entitlement = await (await serverCaller()).entitlements.byId({ id: entitlementId });
  } catch (error) {
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST"))
      notFound();
    throw error;
  }
  if (entitlement.app.id !== appId) notFound();
  return entitlement;
});

export type LoadedEntitlement = Awaited<ReturnType<typeof loadEntitlement>>;
