import "server-only";
import { cache } from "react";
import { notFound } from "next/navigation";
import { orNotFound } from "~/server/page-load";
import { requireActor } from "~/server/auth/session";
import { serverCaller } from "~/trpc/server";

/**
 * One entitlement of one app for the entitlement pages (layout, tabs and metadata share one
 * load per request). Unknown, of another organization, or of another app than the URL's: 404.
 */
export const loadEntitlement = cache(async (appId: string, entitlementId: string) => {
  await requireActor();
  const caller = await serverCaller();
  const entitlement = await orNotFound(() => caller.entitlements.byId({ id: entitlementId }));
  if (entitlement.app.id !== appId) notFound();
  return entitlement;
});

export type LoadedEntitlement = Awaited<ReturnType<typeof loadEntitlement>>;
