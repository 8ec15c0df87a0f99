"use client";

import { useCallback } from "react";
import { useRouter } from "next/navigation";
import { useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "~/trpc/react";
import { refreshQueries } from "~/trpc/refresh";

/**
 * After an account's owner or type changed: every account list and account page reloads, and
 * the server-rendered figures (the tab counts, "Without an owner" on the overview) refresh.
 */
export function useAccountsChanged() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  return useCallback(async () => {
    await refreshQueries(queryClient, [trpc.accounts.pathKey()]);
    router.refresh();
  }, [queryClient, router, trpc]);
}
