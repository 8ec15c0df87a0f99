"use client";

import Link from "next/link";
import { useSuspenseInfiniteQuery } from "@tanstack/react-query";
import { AppWindow } from "lucide-react";
import { AppIcon } from "~/components/ui/app-icon";
import { EmptyState } from "~/components/ui/empty-state";
import { PeopleStack } from "~/components/ui/people";
import { SearchInput } from "~/components/ui/search-input";
import { formatCount } from "~/lib/format";
import { useUrlSearch } from "~/lib/use-url-search";
import { ShowMore } from "~/components/ui/show-more";
import { TableFrame, tableClass, theadClass } from "~/components/ui/table";
import { useTRPC } from "~/trpc/react";
import { APP_LIST_PAGE_SIZE } from "./apps-list.ts";
import { LazyInlineMarkdown } from "~/components/ui/inline-markdown-lazy";

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
          <table className={tableClass}>
            <thead className={theadClass}>
              <tr>
                <th scope="col" className="w-[44%] px-4 py-2.5">
                  Application
                </th>
                <th scope="col" className="w-[28%] px-4 py-2.5">
                  Owners
                </th>
                <th scope="col" className="px-4 py-2.5 text-right">
                  Accounts
                </th>
                <th scope="col" className="px-4 py-2.5 text-right">
                  Entitlements
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-100">
              {apps.map((app) => (
                <tr key={app.id} className="group relative hover:bg-zinc-50">
                  <td className="px-4 py-3">
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
                  </td>
                  <td className="px-4 py-3">
                    <PeopleStack people={app.owners} empty="No owner" />
                  </td>
                  <td className="px-4 py-3 text-right text-zinc-700 tabular-nums">
                    {formatCount(app.accountCount)}
                  </td>
                  <td className="px-4 py-3 text-right text-zinc-700 tabular-nums">
                    {formatCount(app.entitlementCount)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <ShowMore query={query} label="Show more applications" />
        </TableFrame>
      )}
    </div>
  );
}
