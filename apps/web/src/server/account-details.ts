import "server-only";
import { cache } from "react";
import { notFound } from "next/navigation";
import { TRPCError } from "@trpc/server";
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
  try {
    const account = await caller.accounts.byId({ id: accountId });
    if (account.app.id !== appId) notFound();
    return { account, refusal: null };
  } catch (error) {
    if (error instanceof TRPCError) {
      if (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST") notFound();
      if (error.code === "FORBIDDEN") return { account: null, refusal: error.message };
    }
    throw error;
  }
});
