import type { Metadata } from "next";
import { KeyRound } from "lucide-react";
import { AddEntitlementButton } from "~/components/entitlements/add-entitlement-dialog";
import { EntitlementsTable } from "~/components/entitlements/entitlements-table";
import type { ViewerAccess } from "~/components/entitlements/request-action";
import { EmptyState } from "~/components/ui/empty-state";
import { loadApp } from "~/server/apps";
import { serverCaller } from "~/trpc/server";

export const metadata: Metadata = { title: "Entitlements" };

type Params = Promise<{ appId: string }>;

/**
 * The app's Entitlements tab (SPEC §5): every role, group or license Lantern knows in the app,
 * each leading to its page (Grants: who holds it, and Revoke). The app's managers add
 * entitlements and set a strategy or a policy on several at once.
 */
export default async function AppEntitlementsPage({ params }: { params: Params }) {
  const app = await loadApp((await params).appId);
  // What the viewer holds or asked for here (only managed apps can be requested).
  const requestable =
    app.status === "MANAGED"
      ? await (await serverCaller()).requests.requestable({ appId: app.id })
      : [];
  const viewer = new Map<string, ViewerAccess>(
    requestable.map((r) => [r.id, { held: r.held, pending: r.pending }]),
  );
  // What a new (or reset) entitlement of the app inherits, for the managers' dialogs.
  const bulkEdit = app.viewerCanManage
    ? { inherited: await (await serverCaller()).entitlements.inheritedPolicies({ appId: app.id }) }
    : null;
  const add = bulkEdit ? <AddEntitlementButton app={app} inherited={bulkEdit.inherited} /> : null;
  return (
    <div className="px-6 py-6 xl:px-8">
      {app.entitlements.length === 0 ? (
        <EmptyState icon={<KeyRound className="size-8" />} title="No entitlements yet">
          Entitlements appear when the app&apos;s connector or an import brings them in
          {add ? ", or when you add one." : "."}
          {add ? <div className="mt-4">{add}</div> : null}
        </EmptyState>
      ) : (
        <>
          {add ? <div className="mb-4 flex justify-end">{add}</div> : null}
          <EntitlementsTable app={app} viewer={viewer} bulkEdit={bulkEdit} />
        </>
      )}
    </div>
  );
}
