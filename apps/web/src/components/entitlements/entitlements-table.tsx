import Link from "next/link";
import type { LoadedApp } from "~/server/apps";
import { TableFrame, tableClass, theadClass } from "~/components/ui/table";
import { formatCount } from "~/lib/format";
import { STRATEGY_LABEL } from "./labels.ts";
import { RequestAction, type ViewerAccess } from "./request-action.tsx";

const headCell = "px-3 py-2.5 first:pl-4 last:pr-4";
const bodyCell = "px-3 py-3 align-top first:pl-4 last:pr-4";

/**
 * An app's entitlements (the Entitlements tab): name (to the entitlement page), slug,
 * description, how it is granted and removed, how many accounts hold it, Request access.
 */
export function EntitlementsTable({
  app,
  viewer,
  framed = true,
}: {
  app: Pick<LoadedApp, "id" | "name" | "status" | "entitlements">;
  viewer: Map<string, ViewerAccess>;
  /** False inside a card that frames it already (the app's Overview). */
  framed?: boolean;
}) {
  const table = (
    <table className={tableClass}>
      <caption className="sr-only">Entitlements of {app.name}</caption>
      <thead className={theadClass}>
        <tr>
          <th scope="col" className={headCell}>
            Entitlement
          </th>
          <th scope="col" className={`hidden w-44 md:table-cell ${headCell}`}>
            Granted by · Removed by
          </th>
          <th scope="col" className={`w-20 text-right sm:w-28 ${headCell}`}>
            <span className="sm:hidden">Grants</span>
            <span className="hidden sm:inline">Live grants</span>
          </th>
          <th scope="col" className={`hidden w-40 text-right sm:table-cell ${headCell}`}>
            <span className="sr-only">Request</span>
          </th>
        </tr>
      </thead>
      <tbody className="divide-y divide-zinc-100">
        {app.entitlements.map((e) => (
          <tr key={e.id} className="hover:bg-zinc-50">
            <td className={bodyCell}>
              <p className="flex flex-wrap items-baseline gap-x-2">
                <Link
                  href={`/apps/${app.id}/entitlements/${e.id}`}
                  className="font-medium text-zinc-900 hover:underline"
                >
                  {e.displayName}
                </Link>
                <span className="font-mono text-xs text-zinc-500">{e.slug}</span>
              </p>
              {e.description ? (
                <p className="mt-0.5 text-xs leading-5 text-zinc-600">{e.description}</p>
              ) : null}
              <p className="mt-1 text-xs text-zinc-500 md:hidden">
                {STRATEGY_LABEL[e.provisioningStrategy]} ·{" "}
                {STRATEGY_LABEL[e.deprovisioningStrategy]}
              </p>
              <div className="mt-2 sm:hidden">
                <RequestAction
                  entitlement={e}
                  managed={app.status === "MANAGED"}
                  viewer={viewer.get(e.id)}
                />
              </div>
            </td>
            <td className={`hidden text-xs leading-5 text-zinc-600 md:table-cell ${bodyCell}`}>
              <p>
                <span className="text-zinc-500">Granted by </span>
                {STRATEGY_LABEL[e.provisioningStrategy]}
              </p>
              <p>
                <span className="text-zinc-500">Removed by </span>
                {STRATEGY_LABEL[e.deprovisioningStrategy]}
              </p>
            </td>
            <td className={`text-right tabular-nums ${bodyCell}`}>
              <Link
                href={`/apps/${app.id}/entitlements/${e.id}`}
                className="text-zinc-700 hover:underline"
                aria-label={`${formatCount(e.liveGrantCount)} accounts hold ${e.displayName}`}
              >
                {formatCount(e.liveGrantCount)}
              </Link>
            </td>
            <td className={`hidden text-right sm:table-cell ${bodyCell}`}>
              <RequestAction
                entitlement={e}
                managed={app.status === "MANAGED"}
                viewer={viewer.get(e.id)}
              />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  return framed ? <TableFrame>{table}</TableFrame> : <div className="-mx-5 -my-4">{table}</div>;
}
