"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useMutation, useQueryClient, useSuspenseInfiniteQuery } from "@tanstack/react-query";
import { Inbox, Mail, MessageSquare, RotateCw } from "lucide-react";
import type { RouterOutputs } from "@lantern/api";
import { Badge } from "~/components/ui/badge";
import { secondaryButton } from "~/components/ui/button";
import { EmptyState } from "~/components/ui/empty-state";
import { PersonLabel } from "~/components/ui/people";
import { ShowMore } from "~/components/ui/show-more";
import { TableFrame, tableClass, theadClass } from "~/components/ui/table";
import { toast } from "~/components/ui/toast";
import { formatAgo, formatDateTime } from "~/lib/format";
import { useTRPC } from "~/trpc/react";
import {
  DELIVERY_FILTERS,
  deliveryInput,
  TEMPLATE_LABELS,
  type DeliveryFilterId,
} from "./delivery-list.ts";
import { refreshQueries } from "~/trpc/refresh";
import { nextPage } from "~/trpc/pages";

type Row = RouterOutputs["notifications"]["list"]["items"][number];

const STATE: Record<Row["state"], { label: string; tone: "green" | "red" | "neutral" | "blue" }> = {
  SENT: { label: "Sent", tone: "green" },
  PENDING: { label: "Pending", tone: "blue" },
  SKIPPED: { label: "Skipped", tone: "neutral" },
  FAILED: { label: "Failed", tone: "red" },
};

const EMPTY: Record<DeliveryFilterId, string> = {
  failed:
    "Nothing has failed. Notifications refused for good, or still failing after every retry, appear here.",
  pending: "Nothing is waiting to be delivered.",
  sent: "Nothing has been delivered yet.",
  skipped: "Nothing was skipped.",
  all: "Lantern has not sent any notification yet.",
};

const headCell = "px-3 py-2.5 first:pl-4 last:pr-4";
const bodyCell = "px-3 py-3 align-top first:pl-4 last:pr-4";

/** After a retry: the table reloads, and so do the page's counts (rendered on the server). */
function useDeliveryChanged() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  return async () => {
    await refreshQueries(queryClient, [trpc.notifications.pathKey()]);
    router.refresh();
  };
}

function RetryButton({ row }: { row: Row }) {
  const trpc = useTRPC();
  const changed = useDeliveryChanged();
  const retry = useMutation(
    trpc.notifications.retry.mutationOptions({
      onSuccess: async () => {
        toast.success(`Queued again for ${row.recipient.displayName}`);
        await changed();
      },
      onError: (error) => toast.error(error.message),
    }),
  );
  return (
    <button
      type="button"
      className={secondaryButton}
      disabled={retry.isPending}
      onClick={() => retry.mutate({ id: row.id })}
    >
      <RotateCw className="size-4" aria-hidden />
      Retry
    </button>
  );
}

/** "Retry all failed": puts every dead letter back in the outbox. */
export function RetryAllFailedButton({ failed }: { failed: number }) {
  const trpc = useTRPC();
  const changed = useDeliveryChanged();
  const [done, setDone] = useState(false);
  const retryAll = useMutation(
    trpc.notifications.retryAllFailed.mutationOptions({
      onSuccess: async ({ count }) => {
        setDone(true);
        toast.success(`${count} ${count === 1 ? "notification" : "notifications"} queued again`);
        await changed();
      },
      onError: (error) => toast.error(error.message),
    }),
  );
  if (failed === 0 || done) return null;
  return (
    <button
      type="button"
      className={secondaryButton}
      disabled={retryAll.isPending}
      onClick={() => retryAll.mutate()}
    >
      <RotateCw className="size-4" aria-hidden />
      Retry all failed ({failed})
    </button>
  );
}

/**
 * The deliveries of one state, newest first, with "Show more". `canRetry` (me.can
 * .manageNotifications): the Retry buttons show; an auditor reads the table without them.
 */
export function DeliveryTable({
  filter,
  canRetry = true,
}: {
  filter: DeliveryFilterId;
  canRetry?: boolean;
}) {
  const trpc = useTRPC();
  const query = useSuspenseInfiniteQuery(
    trpc.notifications.list.infiniteQueryOptions(deliveryInput(filter), nextPage),
  );
  const rows = query.data.pages.flatMap((p) => p.items);
  const label = DELIVERY_FILTERS.find((f) => f.id === filter)!.label;

  if (rows.length === 0) {
    return (
      <EmptyState
        icon={<Inbox className="size-8" />}
        title={`No ${label.toLowerCase()} notifications`}
      >
        {EMPTY[filter]}
      </EmptyState>
    );
  }
  return (
    <TableFrame>
      <table className={tableClass}>
        <thead className={theadClass}>
          <tr>
            <th scope="col" className={`w-[24%] ${headCell}`}>
              Recipient
            </th>
            <th scope="col" className={`w-[20%] ${headCell}`}>
              Notification
            </th>
            <th scope="col" className={`w-28 ${headCell}`}>
              State
            </th>
            <th scope="col" className={headCell}>
              Details
            </th>
            <th scope="col" className={`w-32 ${headCell}`}>
              Created
            </th>
            <th scope="col" className={`w-28 ${headCell}`}>
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100">
          {rows.map((row) => {
            const taskNumber = row.about?.match(/^Task #(\d+)$/)?.[1];
            return (
              <tr key={row.id} className="hover:bg-zinc-50">
                <td className={bodyCell}>
                  <PersonLabel person={row.recipient} />
                </td>
                <td className={bodyCell}>
                  <span className="flex items-center gap-1.5 text-zinc-900">
                    {row.channel === "EMAIL" ? (
                      <Mail className="text-muted size-4 shrink-0" aria-label="Email" />
                    ) : (
                      <MessageSquare className="text-muted size-4 shrink-0" aria-label="Slack" />
                    )}
                    <span className="truncate">
                      {TEMPLATE_LABELS[row.template] ?? row.template}
                    </span>
                  </span>
                  {row.about ? (
                    <span className="text-muted mt-0.5 block truncate text-xs">
                      {taskNumber ? (
                        <Link href={`/tasks/${taskNumber}`} className="hover:underline">
                          {row.about}
                        </Link>
                      ) : (
                        row.about
                      )}
                    </span>
                  ) : null}
                </td>
                <td className={bodyCell}>
                  <Badge tone={STATE[row.state].tone}>{STATE[row.state].label}</Badge>
                </td>
                <td className={`${bodyCell} text-zinc-700`}>
                  {row.lastError ? (
                    <p className="line-clamp-3 break-words" title={row.lastError}>
                      {row.lastError}
                    </p>
                  ) : row.state === "SENT" && row.sentAt ? (
                    <span className="text-muted">Delivered {formatAgo(row.sentAt)}</span>
                  ) : (
                    <span className="text-muted">—</span>
                  )}
                  {row.attempts > 1 || row.state === "FAILED" ? (
                    <span className="text-muted mt-0.5 block text-xs">
                      {row.attempts} {row.attempts === 1 ? "attempt" : "attempts"}
                    </span>
                  ) : null}
                </td>
                <td className={`${bodyCell} text-zinc-600`}>
                  <time
                    dateTime={new Date(row.createdAt).toISOString()}
                    title={formatDateTime(row.createdAt)}
                  >
                    {formatAgo(row.createdAt)}
                  </time>
                </td>
                <td className={`${bodyCell} text-right`}>
                  {row.state === "FAILED" && canRetry ? <RetryButton row={row} /> : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <ShowMore query={query} label="Show more notifications" />
    </TableFrame>
  );
}
