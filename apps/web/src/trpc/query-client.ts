import { defaultShouldDehydrateQuery, QueryClient } from "@tanstack/react-query";
import superjson from "superjson";

export function createQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Data prefetched on the server stays fresh long enough not to refetch on hydrate.
        staleTime: 30 * 1000,
        retry: (failureCount, error) => {
          // Over HTTP a TRPCClientError carries data.code; on the server (prefetch) a
          // TRPCError carries code.
          const code =
            (error as { data?: { code?: string } }).data?.code ?? (error as { code?: string }).code;
          // Typed refusals are answers, not glitches: never retry them.
          if (
            code &&
            ["UNAUTHORIZED", "FORBIDDEN", "NOT_FOUND", "BAD_REQUEST", "CONFLICT"].includes(code)
          ) {
            return false;
          }
          return failureCount < 2;
        },
      },
      dehydrate: {
        serializeData: superjson.serialize,
        shouldDehydrateQuery: (query) =>
          defaultShouldDehydrateQuery(query) || query.state.status === "pending",
      },
      hydrate: { deserializeData: superjson.deserialize },
    },
  });
}
