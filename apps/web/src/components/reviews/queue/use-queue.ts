"use client";

import { useCallback } from "react";
import { useQueryClient, type InfiniteData } from "@tanstack/react-query";
import type { RouterOutputs } from "@lantern/api";
import { useTRPC } from "~/trpc/react";
import { refreshQueries } from "~/trpc/refresh";

type QueuePage = RouterOutputs["reviews"]["queue"];

/**
 * After decisions: the decided items leave the queue at once (no wait for the refetch), and
 * the queue, its groups, the Reviews badge, the campaign pages and — a Revoke opens a
 * request and maybe a task — the requests and tasks reload.
 */
export function useQueueChanged() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useCallback(
    async (removedIds: readonly string[] = []) => {
      if (removedIds.length > 0) {
        const removed = new Set(removedIds);
        queryClient.setQueriesData<InfiniteData<QueuePage>>(
          { queryKey: trpc.reviews.queue.pathKey() },
          (data) =>
            data && {
              ...data,
              pages: data.pages.map((page) => ({
                ...page,
                items: page.items.filter((row) => !removed.has(row.id)),
              })),
            },
        );
      }
      await refreshQueries(queryClient, [
        trpc.me.openTaskCounts.queryKey(),
        trpc.reviews.pathKey(),
        trpc.tasks.pathKey(),
        trpc.requests.pathKey(),
      ]);
    },
    [queryClient, trpc],
  );
}
