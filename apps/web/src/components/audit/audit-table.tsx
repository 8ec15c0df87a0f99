"use client";

import Link from "next/link";
import { useSuspenseInfiniteQuery } from "@tanstack/react-query";
import { ScrollText } from "lucide-react";
import { EmptyState } from "~/components/ui/empty-state";
import { ShowMore } from "~/components/ui/show-more";
import { TableFrame, tableClass, theadClass } from "~/components/ui/table";
import { formatDateTime } from "~/lib/format";
import { useTRPC } from "~/trpc/react";
import { AuditChanges } from "./audit-changes";
import { auditHref, auditListInput, type AuditParams } from "./audit-filters";
import { nextPage } from "~/trpc/pages";

const headCell = "px-3 py-2.5 first:pl-4 last:pr-4";
const bodyCell = "px-3 py-3 align-top first:pl-4 last:pr-4";

/** The events matching the URL's filters, newest first, with "Load more events". */
export function AuditTable({ params }: { params: AuditParams }) {
  const trpc = useTRPC();
  const query = useSuspenseInfiniteQuery(
    trpc.audit.list.infiniteQueryOptions(auditListInput(params), nextPage),
  );
  const events = query.data.pages.flatMap((p) => p.items);
  const filtered = Object.keys(params).length > 0;

  if (events.length === 0) {
    return (
      <EmptyState
        icon={<ScrollText className="size-8" />}
        title={filtered ? "No events match these filters" : "No events yet"}
      >
        {filtered
          ? "Widen the dates or clear a filter."
          : "Every change made in Lantern is recorded here, by whom and when."}
      </EmptyState>
    );
  }
  return (
    <TableFrame>
      <div className="overflow-x-auto">
        <table className={`${tableClass} min-w-[920px]`}>
          <caption className="sr-only">Audit log events, newest first</caption>
          <thead className={theadClass}>
            <tr>
              <th scope="col" className={`w-44 ${headCell}`}>
                When
              </th>
              <th scope="col" className={`w-40 ${headCell}`}>
                Actor
              </th>
              <th scope="col" className={`w-56 ${headCell}`}>
                Action
              </th>
              <th scope="col" className={`w-52 ${headCell}`}>
                Target
              </th>
              <th scope="col" className={headCell}>
                Changes
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100">
            {events.map((event) => (
              <tr key={event.id} className="hover:bg-zinc-50/60">
                <td className={`${bodyCell} whitespace-nowrap text-zinc-700 tabular-nums`}>
                  <time dateTime={new Date(event.at).toISOString()}>
                    {formatDateTime(event.at)}
                  </time>
                </td>
                <td className={bodyCell}>
                  {event.actor ? (
                    <Link
                      href={auditHref({ ...params, actor: event.actor.id })}
                      className="block truncate font-medium text-zinc-900 hover:underline"
                      title={`${event.actor.displayName} (${event.actor.email}): only their events`}
                    >
                      {event.actor.displayName}
                    </Link>
                  ) : (
                    <span className="text-muted">System</span>
                  )}
                </td>
                <td className={bodyCell}>
                  <span className="font-mono text-xs break-words text-zinc-800">
                    {event.action}
                  </span>
                  {event.task ? (
                    <Link
                      href={`/tasks/${event.task.number}`}
                      className="text-muted mt-0.5 block text-xs hover:text-zinc-900"
                    >
                      Task #{event.task.number}
                    </Link>
                  ) : null}
                </td>
                <td className={bodyCell}>
                  <span className="text-muted block text-xs">{event.targetType}</span>
                  {event.target?.href ? (
                    <Link
                      href={event.target.href}
                      className="block truncate font-medium text-zinc-900 hover:underline"
                    >
                      {event.target.label}
                    </Link>
                  ) : (
                    <span
                      className="block truncate font-mono text-xs text-zinc-600"
                      title={event.targetId}
                    >
                      {event.target?.label ?? event.targetId}
                    </span>
                  )}
                </td>
                <td className={bodyCell}>
                  <AuditChanges before={event.before} after={event.after} reason={event.reason} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ShowMore query={query} label="Load more events" />
    </TableFrame>
  );
}
