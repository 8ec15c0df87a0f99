import "server-only";
import { cache } from "react";
import { dehydrate, HydrationBoundary, type QueryClient } from "@tanstack/react-query";
import { createTRPCOptionsProxy, type TRPCQueryOptions } from "@trpc/tanstack-react-query";
import { appRouter, createCaller, type Context } from "@lantern/api";
import { devMailboxAccess, env } from "~/env";
import { getActor } from "~/server/auth/session";
import { getPrisma } from "~/server/db";
import { createQueryClient } from "./query-client.ts";

/** The tRPC context for server components: same rules as over HTTP. */
const createRscContext = cache(async (): Promise<Context> => {
  const result = await getActor();
  return {
    db: await getPrisma(),
    actor: result.state === "active" ? result.actor : null,
    now: () => new Date(),
    production: env.NODE_ENV === "production",
    devMailbox: devMailboxAccess,
  };
});

/** One QueryClient per request. */
export const getQueryClient = cache(createQueryClient);

export const trpc = createTRPCOptionsProxy({
  ctx: createRscContext,
  router: appRouter,
  queryClient: getQueryClient,
});

/** Direct calls from server components (no cache sharing with the client). */
export const serverCaller = cache(async () => createCaller(await createRscContext()));

/**
 * Hands the server's prefetched queries to the client. Layouts render in parallel with
 * their pages, so a layout passes its own `client` (see `prefetchInto`) and never
 * dehydrates a page's half-finished queries.
 */
export function HydrateClient({
  children,
  client,
}: {
  children: React.ReactNode;
  client?: QueryClient;
}) {
  return (
    <HydrationBoundary state={dehydrate(client ?? getQueryClient())}>{children}</HydrationBoundary>
  );
}

/** Prefetches into a separate QueryClient, for a layout's HydrateClient. */
export async function prefetchInto(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  queries: Array<ReturnType<TRPCQueryOptions<any>>>,
): Promise<QueryClient> {
  const client = createQueryClient();
  await Promise.all(queries.map((q) => client.prefetchQuery(q)));
  return client;
}

/**
 * Starts fetching a query on the server so the client hydrates it instead of fetching.
 * Await the result where the client reads the query with suspense (infinite queries
 * must be complete when dehydrated).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function prefetch<T extends ReturnType<TRPCQueryOptions<any>>>(
  queryOptions: T,
): Promise<void> {
  const queryClient = getQueryClient();
  if (queryOptions.queryKey[1]?.type === "infinite") {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    return queryClient.prefetchInfiniteQuery(queryOptions as any);
  }
  return queryClient.prefetchQuery(queryOptions);
}
