"use client";

import { useSuspenseInfiniteQuery } from "@tanstack/react-query";
import { CircleCheck, History, SearchX } from "lucide-react";
import { EmptyState } from "~/components/ui/empty-state";
import { SearchInput } from "~/components/ui/search-input";
import { useUrlSearch } from "~/lib/use-url-search";
import { ShowMore } from "~/components/ui/show-more";
import { TableFrame } from "~/components/ui/table";
import { useTRPC } from "~/trpc/react";
import { INBOXES, inboxInput, type InboxBox, type InboxTab } from "./inbox.ts";
import { TaskTable } from "./task-table.tsx";

/** One tab of an inbox: search (kept in the URL), the task table and "Show more". */
export function TaskInbox({
  box,
  tab,
  initialSearch,
}: {
  box: InboxBox;
  tab: InboxTab;
  initialSearch: string;
}) {
  const trpc = useTRPC();
  const { input, setInput, search, isPending } = useUrlSearch(initialSearch, { tab });
  const query = useSuspenseInfiniteQuery(
    trpc.tasks.inbox.infiniteQueryOptions(inboxInput(box, tab, search), {
      getNextPageParam: (page) => page.nextCursor,
    }),
  );
  const rows = query.data.pages.flatMap((p) => p.items);
  const tabDef = INBOXES[box].tabs.find((t) => t.id === tab)!;
  const completed = tab === "completed";

  return (
    <div className="space-y-4">
      {rows.length > 0 || search || input ? (
        <SearchInput
          value={input}
          onChange={setInput}
          label="Search tasks"
          placeholder="Search by task number, app, entitlement or person"
        />
      ) : null}

      {rows.length === 0 ? (
        search ? (
          <EmptyState icon={<SearchX className="size-8" />} title={`No tasks match “${search}”`}>
            Search by task number (#1042), app, entitlement, requester or the person whose access it
            is.
          </EmptyState>
        ) : (
          <EmptyState
            icon={completed ? <History className="size-8" /> : <CircleCheck className="size-8" />}
            title={tabDef.empty.title}
          >
            {tabDef.empty.body}
          </EmptyState>
        )
      ) : (
        <TableFrame pending={isPending}>
          <TaskTable rows={rows} completed={completed} showKind={completed && box === "requests"} />
          <ShowMore query={query} label="Show more tasks" />
        </TableFrame>
      )}
    </div>
  );
}
