"use client";

import { useCallback } from "react";
import { useQueryClient, type InfiniteData } from "@tanstack/react-query";
import type { RouterOutputs } from "@lantern/api";
import { ACTION_REASON } from "@lantern/domain";
import { toast } from "~/components/ui/toast";
import { useTRPC, useTRPCClient } from "~/trpc/react";
import { ACTION_DONE, KIND_NOUN, type TaskAction } from "./actions.ts";
import { refreshQueries } from "~/trpc/refresh";

type InboxPage = RouterOutputs["tasks"]["inbox"];
type CloseResult = RouterOutputs["tasks"]["close"];
type ReassignResult = RouterOutputs["tasks"]["reassign"];
export type TaskActionResult =
  ({ type: "closed" } & CloseResult) | ({ type: "reassigned" } & ReassignResult);

/**
 * After tasks changed: they leave the awaiting tabs at once (no wait for the refetch), and
 * every task list, task page, the navigation badges and the requester's lists reload.
 */
export function useTasksChanged() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useCallback(
    async (removedIds: readonly string[] = []) => {
      if (removedIds.length > 0) {
        const removed = new Set(removedIds);
        queryClient.setQueriesData<InfiniteData<InboxPage>>(
          {
            queryKey: trpc.tasks.inbox.pathKey(),
            predicate: (query) =>
              (query.queryKey[1] as { input?: { tab?: string } } | undefined)?.input?.tab !==
              "completed",
          },
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
      // A closed task can change a request, a grant (an account's, an entitlement's).
      await refreshQueries(queryClient, [
        trpc.me.openTaskCounts.queryKey(),
        trpc.tasks.pathKey(),
        trpc.requests.pathKey(),
        trpc.accounts.pathKey(),
        trpc.entitlements.pathKey(),
      ]);
    },
    [queryClient, trpc],
  );
}

/** Runs one task action on the server. `text` is the note, the reason or the comment. */
export function useRunTaskAction() {
  const client = useTRPCClient();
  return useCallback(
    async (
      action: TaskAction,
      taskId: string,
      input: { text?: string; toUserId?: string },
    ): Promise<TaskActionResult> => {
      if (action === "reassign") {
        return {
          type: "reassigned",
          ...(await client.tasks.reassign.mutate({
            taskId,
            toUserId: input.toUserId ?? "",
            reason: input.text ?? "",
          })),
        };
      }
      const text = ACTION_REASON[action] ? (input.text ?? "") : input.text?.trim() || undefined;
      return { type: "closed", ...(await client.tasks.close.mutate({ taskId, action, text })) };
    },
    [client],
  );
}
/** The toast that says what happened: "Task #1042 marked provisioned". */
export function announceTaskAction(action: TaskAction, result: TaskActionResult) {
  if (result.type === "reassigned") {
    const to = result.assignees.map((a) => a.displayName).join(", ");
    toast.success(`Task #${result.number} reassigned to ${to}`, {
      description: "It has left your inbox; they have been notified.",
    });
    return;
  }
  const next = result.nextTask;
  toast.success(`Task #${result.number} ${ACTION_DONE[action]}`, {
    description: next
      ? `The request moved on: ${KIND_NOUN[next.kind]} #${next.number} is open.`
      : undefined,
  });
}
