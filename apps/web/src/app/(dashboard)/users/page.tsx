import type { Metadata } from "next";
import { TRPCError } from "@trpc/server";
import { PageHeader } from "~/components/ui/page-header";
import { ImportPeopleButton } from "~/components/imports/import-people-button";
import { AddPersonButton } from "~/components/users/add-person-dialog";
import { UserStatusTabs } from "~/components/users/user-status-tabs";
import { UsersFilters } from "~/components/users/users-filters";
import { filtersKey, resolveFilters, usersInput } from "~/components/users/users-list";
import { UsersTable } from "~/components/users/users-table";
import { searchParam } from "~/server/search-param";
import { getQueryClient, HydrateClient, prefetch, trpc } from "~/trpc/server";
import { RefusedPage } from "~/components/shell/refused";
import { nextPage } from "~/trpc/pages";

export const metadata: Metadata = { title: "Users" };

type Param = string | string[] | undefined;
type SearchParams = Promise<{
  status?: Param;
  q?: Param;
  role?: Param;
  manager?: Param;
  nomanager?: Param;
}>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function UsersPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const filters = resolveFilters({
    status: first(params.status),
    role: first(params.role),
    manager: first(params.manager),
    nomanager: first(params.nomanager),
  });
  const search = searchParam(params.q);
  const list = trpc.users.list.infiniteQueryOptions(usersInput(filters, search), nextPage);
  const [organization, me, manager] = await Promise.all([
    getQueryClient().fetchQuery(trpc.organization.get.queryOptions()),
    getQueryClient().fetchQuery(trpc.me.get.queryOptions()),
    filters.managerId
      ? getQueryClient()
          .fetchQuery(trpc.users.byId.queryOptions({ userId: filters.managerId }))
          .catch(() => null)
      : null,
    prefetch(list),
  ]);

  // The API decides who may browse the directory (canViewDirectory); the page shows its answer.
  const error = getQueryClient().getQueryState(list.queryKey)?.error;
  if (error) {
    if (error instanceof TRPCError && error.code === "FORBIDDEN") {
      return (
        <RefusedPage
          page="Users"
          title={error.message.replace(/\.$/, "")}
          back={{ href: "/apps", label: "Back to Applications" }}
        >
          Ask a Lantern super admin when you need to look someone up or change their access.
        </RefusedPage>
      );
    }
    throw error;
  }

  const { members } = organization;
  return (
    <>
      <PageHeader
        title="Users"
        description={`The people of ${organization.name}: their title, manager, role in Lantern and status.`}
        actions={
          <>
            {me.can.manageOrganization ? (
              <ImportPeopleButton organizationName={organization.name} />
            ) : null}
            {me.can.managePeople ? <AddPersonButton organizationName={organization.name} /> : null}
          </>
        }
      >
        <UserStatusTabs
          filters={filters}
          counts={{
            all: members.total,
            active: members.active,
            suspended: members.suspended,
            deprovisioned: members.deprovisioned,
          }}
        />
      </PageHeader>
      <div className="px-6 py-6 xl:px-8">
        <HydrateClient>
          <UsersTable
            key={filtersKey(filters)}
            filters={filters}
            initialSearch={search}
            toolbar={<UsersFilters filters={filters} managerName={manager?.displayName ?? null} />}
          />
        </HydrateClient>
      </div>
    </>
  );
}
