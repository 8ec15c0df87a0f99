import "server-only";
import { cache } from "react";
import { notFound } from "next/navigation";
import { orRefusal } from "~/server/page-load";
import { requireActor } from "~/server/auth/session";
import { serverCaller } from "~/trpc/server";

/**
 * One account of one app for its details page (page and metadata share one load). Unknown,
 * of another organization or of another app than the URL's: 404. Not the viewer's to see
 * (canViewAccount): the refusal, naming who can, for the page to show.
 */
export const loadAccountDetails = cache(async (appId: string, accountId: string) => {
  await requireActor();
  const caller = await serverCaller();
  const loaded = await orRefusal(() => caller.accounts.byId({ id: accountId }));
  if (loaded.refusal !== null) return { account: null, refusal: loaded.refusal };
  if (loaded.value.app.id !== appId) notFound();
  return { account: loaded.value, refusal: null };
});
