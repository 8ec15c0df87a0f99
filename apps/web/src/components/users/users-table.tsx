"use client";

import Link from "next/link";
import { useSuspenseInfiniteQuery } from "@tanstack/react-query";
import { SearchX, Users } from "lucide-react";
import type { RouterOutputs } from "@lantern/api";
import { Avatar } from "~/components/ui/avatar";
import { Badge } from "~/components/ui/badge";
import { EmptyState } from "~/components/ui/empty-state";
import { SearchInput } from "~/components/ui/search-input";
import { formatCount } from "~/lib/format";
import { useUrlSearch } from "~/lib/use-url-search";
import { PersonLabel } from "~/components/ui/people";
import { ShowMore } from "~/components/ui/show-more";
import { TableFrame, tableClass, theadClass } from "~/components/ui/table";
import { useTRPC } from "~/trpc/react";
import { STATUS_FILTERS, usersInput, type DirectoryFilters } from "./users-list.ts";
import { nextPage } from "~/trpc/pages";
import { ROLE_LABEL } from "./person-labels.ts";

type DirectoryUser = RouterOutputs["users"]["list"]["items"][number];

const STATUS: Record<
  DirectoryUser["status"],
  { label: string; tone: "green" | "brand" | "neutral" }
> = {
  ACTIVE: { label: "Active", tone: "green" },
  SUSPENDED: { label: "Suspended", tone: "brand" },
  DEPROVISIONED: { label: "Deprovisioned", tone: "neutral" },
};

const headCell = "px-3 py-2.5 first:pl-4 last:pr-4";
const bodyCell = "px-3 py-3 first:pl-4 last:pr-4";

/**
 * The people directory: search (kept in the URL), the filters, the table and "Show more".
 * Each person links to their page.
 */
export function UsersTable({
  filters,
  initialSearch,
  toolbar,
}: {
  filters: DirectoryFilters;
  initialSearch: string;
  /** The filters, next to the search box. */
  toolbar?: React.ReactNode;
}) {
  const trpc = useTRPC();
  const filter = filters.status;
  const narrowed = !!(filters.role || filters.managerId || filters.noManager);
  const { input, setInput, search, isPending } = useUrlSearch(initialSearch);
  const query = useSuspenseInfiniteQuery(
    trpc.users.list.infiniteQueryOptions(usersInput(filters, search), nextPage),
  );
  const people = query.data.pages.flatMap((p) => p.items);
  const filterLabel = STATUS_FILTERS.find((f) => f.id === filter)!.label.toLowerCase();

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-x-6 gap-y-3">
        <SearchInput
          value={input}
          onChange={setInput}
          label="Search people"
          placeholder="Search by name, email or title"
        />
        {toolbar}
      </div>

      {people.length === 0 ? (
        search ? (
          <EmptyState icon={<SearchX className="size-8" />} title={`Nobody matches “${search}”`}>
            Search by name, email address or job title
            {filter === "all" ? "." : `, or look among everyone instead of ${filterLabel} people.`}
          </EmptyState>
        ) : narrowed ? (
          <EmptyState icon={<SearchX className="size-8" />} title="Nobody matches these filters">
            Change the role or manager filters, or look among everyone.
          </EmptyState>
        ) : (
          <EmptyState icon={<Users className="size-8" />} title={`No ${filterLabel} people`}>
            {filter === "all"
              ? "People appear here once they are imported from your identity provider."
              : `Nobody in your organization is ${filterLabel} right now.`}
          </EmptyState>
        )
      ) : (
        <TableFrame pending={isPending}>
          <table className={tableClass}>
            <thead className={theadClass}>
              <tr>
                <th scope="col" className={headCell}>
                  Person
                </th>
                <th scope="col" className={`hidden w-[21%] md:table-cell ${headCell}`}>
                  Title
                </th>
                <th scope="col" className={`hidden w-[17%] sm:table-cell ${headCell}`}>
                  Manager
                </th>
                <th scope="col" className={`hidden w-24 sm:table-cell xl:w-28 ${headCell}`}>
                  Role
                </th>
                <th scope="col" className={`w-28 xl:w-32 ${headCell}`}>
                  Status
                </th>
                <th
                  scope="col"
                  className={`hidden w-28 text-right whitespace-nowrap xl:table-cell ${headCell}`}
                >
                  Direct reports
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-100">
              {people.map((person) => (
                <tr key={person.id} className="hover:bg-zinc-50">
                  <td className={bodyCell}>
                    <Link
                      href={`/users/${person.id}`}
                      className="block rounded-md hover:underline focus-visible:outline-2 focus-visible:outline-zinc-900"
                    >
                      <PersonLabel person={person} size="md" />
                    </Link>
                  </td>
                  <td className={`hidden md:table-cell ${bodyCell}`}>
                    {person.title || person.department ? (
                      <>
                        <span className="block truncate text-zinc-800">
                          {person.title ?? person.department}
                        </span>
                        {person.title && person.department ? (
                          <span className="text-muted block truncate text-xs">
                            {person.department}
                          </span>
                        ) : null}
                      </>
                    ) : (
                      <span className="text-muted">—</span>
                    )}
                  </td>
                  <td className={`hidden sm:table-cell ${bodyCell}`}>
                    {person.manager ? (
                      <span className="flex min-w-0 items-center gap-2">
                        <Avatar name={person.manager.displayName} size="sm" />
                        <span className="truncate text-zinc-700">{person.manager.displayName}</span>
                      </span>
                    ) : (
                      <span className="text-muted">—</span>
                    )}
                  </td>
                  <td className={`hidden sm:table-cell ${bodyCell}`}>
                    {person.role === "MEMBER" ? (
                      <span className="text-zinc-600">{ROLE_LABEL.MEMBER}</span>
                    ) : (
                      <Badge tone="brand">{ROLE_LABEL[person.role]}</Badge>
                    )}
                  </td>
                  <td className={bodyCell}>
                    <Badge tone={STATUS[person.status].tone}>{STATUS[person.status].label}</Badge>
                  </td>
                  <td
                    className={`hidden text-right text-zinc-700 tabular-nums xl:table-cell ${bodyCell}`}
                  >
                    {person.directReportCount > 0 ? (
                      formatCount(person.directReportCount)
                    ) : (
                      <span className="text-muted">—</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <ShowMore query={query} label="Show more people" />
        </TableFrame>
      )}
    </div>
  );
}
