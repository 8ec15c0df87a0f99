"use client";

import Link from "next/link";
import { useSuspenseInfiniteQuery } from "@tanstack/react-query";
import { AppWindow } from "lucide-react";
import type { RouterOutputs } from "@lantern/api";
import { AppIcon } from "~/components/ui/app-icon";
import { EmptyState } from "~/components/ui/empty-state";
import { PeopleStack } from "~/components/ui/people";
import { SearchInput } from "~/components/ui/search-input";
import { formatCount } from "~/lib/format";
import { useUrlSearch } from "~/lib/use-url-search";
import { ShowMore } from "~/components/ui/show-more";
import { DataTable, TableFrame, type Column } from "~/components/ui/table";
import { useTRPC } from "~/trpc/react";
import { APP_LIST_PAGE_SIZE } from "./apps-list.ts";
import { LazyInlineMarkdown } from "~/components/ui/inline-markdown-lazy";

type AppRow = RouterOutputs["apps"]["list"]["items"][number];

/** A right-aligned count. */
const countColumn = (
  key: string,
  header: string,
  count: (app: AppRow) => number,
): Column<AppRow> => ({
  key,
  header,
  align: "right",
  body: "text-zinc-700 tabular-nums",
  cell: (app) => formatCount(count(app)),
});

export function AppsTable({ initialSearch }: { initialSearch: string }) {
  const trpc = useTRPC();
  const { input, setInput, search, isPending } = useUrlSearch(initialSearch);

  const query = useSuspenseInfiniteQuery(
    trpc.apps.list.infiniteQueryOptions(
      { status: "MANAGED", search: search || undefined, limit: APP_LIST_PAGE_SIZE },
      { getNextPageParam: (page) => page.nextCursor },
    ),
  );
  const apps = query.data.pages.flatMap((p) => p.items);

  return (
    <div className="space-y-4">
      <SearchInput value={input} onChange={setInput} label="Search applications" />

      {apps.length === 0 ? (
        <EmptyState
          icon={<AppWindow className="size-8" />}
          title={search ? `No applications match “${search}”` : "No managed applications yet"}
        >
          {search ? "Try another name." : "Applications appear here once a super admin adds them."}
        </EmptyState>
      ) : (
        <TableFrame pending={isPending}>
          <DataTable
            edge="even"
            alignTop={false}
            rowClassName="group relative hover:bg-zinc-50"
            rows={apps}
            rowKey={(app) => app.id}
            columns={[
              {
                key: "app",
                header: "Application",
                head: "w-[44%]",
                cell: (app) => (
                  <div className="flex items-center gap-3">
                    <AppIcon name={app.name} />
                    <div className="min-w-0">
                      <Link
                        href={`/apps/${app.id}`}
                        className="font-medium text-zinc-950 group-hover:underline after:absolute after:inset-0"
                      >
                        {app.name}
                      </Link>
                      <p className="text-muted truncate text-xs">
                        <LazyInlineMarkdown>{app.description}</LazyInlineMarkdown>
                      </p>
                    </div>
                  </div>
                ),
              },
              {
                key: "owners",
                header: "Owners",
                head: "w-[28%]",
                cell: (app) => <PeopleStack people={app.owners} empty="No owner" />,
              },
              countColumn("accounts", "Accounts", (app) => app.accountCount),
              countColumn("entitlements", "Entitlements", (app) => app.entitlementCount),
            ]}
          />
          <ShowMore query={query} label="Show more applications" />
        </TableFrame>
      )}
    </div>
  );
}
