import type { Metadata } from "next";
import { EntitlementGrantsTable } from "~/components/entitlements/entitlement-grants-table";
import { entitlementGrantsInput } from "~/components/entitlements/grants-list";
import { loadEntitlement } from "~/server/entitlements";
import { searchParam } from "~/server/search-param";
import { getQueryClient, HydrateClient, prefetch, trpc } from "~/trpc/server";
import { nextPage } from "~/trpc/pages";

export const metadata: Metadata = { title: "Grants" };

type Params = Promise<{ appId: string; entitlementId: string }>;
type SearchParams = Promise<{ q?: string | string[] }>;

/**
 * The Grants tab (SPEC §5): the accounts holding the entitlement, with Revoke — all of them for
 * super admins and the app's and entitlement's owners, else the viewer's own and their direct
 * reports' (SPEC §8), as the API lists them.
 */
export default async function EntitlementGrantsPage({
  params,
  searchParams,
}: {
  params: Params;
  searchParams: SearchParams;
}) {
  const { appId, entitlementId } = await params;
  const search = searchParam((await searchParams).q);
  const entitlement = await loadEntitlement(appId, entitlementId);
  // The Revoke dialog reads the entitlement's revocation policy from this query.
  getQueryClient().setQueryData(
    trpc.entitlements.byId.queryKey({ id: entitlement.id }),
    entitlement,
  );
  await prefetch(
    trpc.entitlements.grants.infiniteQueryOptions(
      entitlementGrantsInput(entitlement.id, search),
      nextPage,
    ),
  );
  return (
    <div className="px-6 py-6 xl:px-8">
      <HydrateClient>
        <EntitlementGrantsTable
          entitlement={{ id: entitlement.id, displayName: entitlement.displayName }}
          app={{ id: entitlement.app.id, name: entitlement.app.name }}
          scope={entitlement.viewerGrantsScope}
          holderCount={entitlement.liveGrantCount}
          initialSearch={search}
        />
      </HydrateClient>
    </div>
  );
}
