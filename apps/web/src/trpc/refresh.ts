import { useCallback } from "react";
import { useQueryClient, type QueryClient, type QueryKey } from "@tanstack/react-query";

/**
 * After a mutation, the queries under `keys` (tRPC path keys or query keys) that it changed:
 * those on screen refetch; those of pages not on screen are forgotten, so that going back to
 * such a page shows what the server renders now — never, for a second or two, the cached
 * answer from before the change while it refetches (which `invalidateQueries` alone does:
 * it only marks unmounted queries stale).
 */
export async function refreshQueries(
  queryClient: QueryClient,
  keys: readonly QueryKey[],
): Promise<void> {
  for (const queryKey of keys) queryClient.removeQueries({ queryKey, type: "inactive" });
  await Promise.all(
    keys.map((queryKey) => queryClient.invalidateQueries({ queryKey, type: "active" })),
  );
}

/** refreshQueries with this page's query client. */
export function useRefreshQueries(): (keys: readonly QueryKey[]) => Promise<void> {
  const queryClient = useQueryClient();
  return useCallback((keys) => refreshQueries(queryClient, keys), [queryClient]);
}
