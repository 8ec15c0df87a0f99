"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { RouterOutputs } from "@lantern/api";
import { useTRPC } from "~/trpc/react";

export type ActivePerson = RouterOutputs["users"]["search"][number];

/** Active people of the organization matching `search` (users.search, 20 at a time). */
export function useActivePeople(search: string | undefined) {
  const trpc = useTRPC();
  return useQuery({
    ...trpc.users.search.queryOptions({ search }),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}
