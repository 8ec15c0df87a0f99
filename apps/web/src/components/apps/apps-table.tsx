"use client";

import { useEffect, useState, useTransition } from "react";
import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useSuspenseInfiniteQuery } from "@tanstack/react-query";
import { AppWindow, Search } from "lucide-react";
import { AppIcon } from "~/components/ui/app-icon";
import { EmptyState } from "~/components/ui/empty-state";
import { PeopleStack } from "~/components/ui/people";
import { formatCount } from "~/lib/format";
import { useTRPC } from "~/trpc/react";
import { APP_LIST_PAGE_SIZE } from "./apps-list.ts";

export function AppsTable({ initialSearch }: { initialSearch: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const pathname = usePathname();
  const [input, setInput] = useState(initialSearch);
  const [search, setSearch] = useState(initialSearch);
  const [isPending, startTransition] = useTransition();

  // Debounce typing, and keep the search in the URL so it can be shared and reloaded.
  useEffect(() => {
    const handle = setTimeout(() => {
      const next = input.trim();
      if (next === search) return;
      startTransition(() => {
        setSearch(next);
        router.replace(next ? `${pathname}?q=${encodeURIComponent(next)}` : pathname, {
          scroll: false,
        });
      });
    }, 250);
    return () => clearTimeout(handle);
  }, [input, search, pathname, router]);

  const query = useSuspenseInfiniteQuery(
    trpc.apps.list.infiniteQueryOptions(
      { status: "MANAGED", search: search || undefined, limit: APP_LIST_PAGE_SIZE },
      { getNextPageParam: (page) => page.nextCursor },
    ),
  );
  const apps = query.data.pages.flatMap((p) => p.items);

  return (
    <div className="space-y-4">
      <label className="relative block max-w-sm">
        <span className="sr-only">Search applications</span>
        <Search className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-zinc-400" />
        <input
          type="search"
          value={input}
          onChange={(e) => setInput(e.target.value)}
          placeholder="Search applications"
          className="w-full rounded-md border border-zinc-300 bg-white py-2 pr-3 pl-9 text-sm shadow-xs placeholder:text-zinc-400 focus:border-zinc-400 focus:outline-none"
        />
      </label>

      {apps.length === 0 ? (
        <EmptyState
          icon={<AppWindow className="size-8" />}
          title={search ? `No applications match “${search}”` : "No managed applications yet"}
        >
          {search ? "Try another name." : "Applications appear here once a super admin adds them."}
        </EmptyState>
      ) : (
        <div
          className={`overflow-hidden rounded-xl border border-zinc-200 bg-white shadow-xs ${isPending ? "opacity-70" : ""}`}
        >
          <table className="w-full table-fixed text-left text-sm">
            <thead className="border-b border-zinc-200 bg-zinc-50/80 text-xs font-medium text-zinc-500">
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
                        <p className="truncate text-xs text-zinc-500">{app.description}</p>
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
          {query.hasNextPage ? (
            <div className="border-t border-zinc-100 p-3 text-center">
              <button
                type="button"
                onClick={() => void query.fetchNextPage()}
                disabled={query.isFetchingNextPage}
                className="rounded-md border border-zinc-300 bg-white px-3 py-1.5 text-sm font-medium text-zinc-700 hover:bg-zinc-50 disabled:opacity-50"
              >
                {query.isFetchingNextPage ? "Loading…" : "Show more applications"}
              </button>
            </div>
          ) : null}
        </div>
      )}
    </div>
  );
}
