"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useQueryClient } from "@tanstack/react-query";
import type { RouterOutputs } from "@lantern/api";
import { apiError, type ApiError } from "~/trpc/errors";
import { toast } from "~/components/ui/toast";
import { useTRPC } from "~/trpc/react";
import { refreshQueries } from "~/trpc/refresh";

export type AppSettings = RouterOutputs["apps"]["settings"];

/**
 * Saving one section of App settings: runs the call, keeps its answer as the page's settings,
 * says so in a toast and refreshes the server-rendered parts (the header, the Overview).
 * A refusal or bad input stays in `error` for the section to show; `problem` is its message
 * when it belongs to no field.
 */
export function useSettingsSave(appId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const save = async (
    call: () => Promise<{ changed: boolean; settings: AppSettings }>,
    words: { saved: string; unchanged: string },
  ): Promise<AppSettings | null> => {
    if (pending) return null;
    setPending(true);
    setError(null);
    try {
      const answer = await call();
      queryClient.setQueryData(trpc.apps.settings.queryKey({ appId }), answer.settings);
      if (answer.changed) {
        toast.success(words.saved);
        // The app's name, description and people show in lists and the request form.
        await refreshQueries(queryClient, [trpc.apps.pathKey(), trpc.requests.pathKey()]);
        router.refresh();
      } else {
        toast.success(words.unchanged);
      }
      return answer.settings;
    } catch (caught) {
      setError(apiError(caught));
      return null;
    } finally {
      setPending(false);
    }
  };
  const problem = error && !error.fieldErrors ? error.message : null;
  return { save, pending, error, problem };
}
