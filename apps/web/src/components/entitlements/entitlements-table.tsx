"use client";

import { useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { X } from "lucide-react";
import type { LoadedApp } from "~/server/apps";
import { Checkbox } from "~/components/ui/checkbox";
import { DataTable, srOnly, TableFrame } from "~/components/ui/table";
import { formatCount } from "~/lib/format";
import { BulkEditDialog, type BulkDialog } from "./bulk-edit-dialogs.tsx";
import { STRATEGY_LABEL } from "./labels.ts";
import type { AppInheritedPolicies } from "./policy-inherit.ts";
import { RequestAction, type ViewerAccess } from "./request-action.tsx";
import { LazyInlineMarkdown } from "~/components/ui/inline-markdown-lazy";

/** While entitlements are selected: how many, Set strategy…, Set policy…, and a way to clear. */
function BulkBar({
  count,
  onOpen,
  onClear,
}: {
  count: number;
  onOpen: (dialog: BulkDialog) => void;
  onClear: () => void;
}) {
  const action = "rounded-md px-2 py-1.5 font-medium whitespace-nowrap hover:bg-zinc-800 sm:px-2.5";
  return (
    <div
      role="region"
      aria-label="Bulk actions"
      className="mb-3 flex items-center gap-1 rounded-lg bg-zinc-900 py-1.5 pr-1.5 pl-3 text-sm text-white shadow-sm sm:pl-4"
    >
      <p className="mr-auto font-medium whitespace-nowrap tabular-nums sm:mr-2" aria-live="polite">
        {count} selected
      </p>
      <button type="button" className={action} onClick={() => onOpen("strategy")}>
        Set strategy…
      </button>
      <button type="button" className={action} onClick={() => onOpen("policy")}>
        Set policy…
      </button>
      <span className="mx-1 hidden h-5 w-px bg-zinc-700 sm:block" aria-hidden />
      <button
        type="button"
        onClick={onClear}
        className="text-inverse-muted inline-flex size-8 items-center justify-center rounded-md hover:bg-zinc-800 hover:text-white"
        aria-label="Clear the selection"
        title="Clear the selection"
      >
        <X className="size-4" aria-hidden />
      </button>
    </div>
  );
}

/**
 * An app's entitlements (the Entitlements tab): name (to the entitlement page), slug,
 * description, how it is granted and removed, how many accounts hold it, Request access.
 * With `bulkEdit` (the app's managers), rows have checkboxes and a bulk bar sets a strategy
 * or a policy on the selected ones.
 */
export function EntitlementsTable({
  app,
  viewer,
  framed = true,
  bulkEdit = null,
}: {
  app: Pick<LoadedApp, "id" | "name" | "status" | "entitlements">;
  viewer: Map<string, ViewerAccess>;
  /** False inside a card that frames it already (the app's Overview). */
  framed?: boolean;
  /**
   * For the app's managers: rows get checkboxes and a bulk bar; what an entitlement of the app
   * inherits, for Set policy….
   */
  bulkEdit?: { inherited: AppInheritedPolicies } | null;
}) {
  const selectable = bulkEdit !== null;
  const router = useRouter();
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());
  const [dialog, setDialog] = useState<BulkDialog | null>(null);
  // Entitlements gone since the selection was made drop out of it.
  const selected = app.entitlements.filter((e) => picked.has(e.id)).map((e) => e.id);
  const toggle = (id: string, on: boolean) =>
    setPicked((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const toggleAll = (on: boolean) =>
    setPicked(on ? new Set(app.entitlements.map((e) => e.id)) : new Set());

  const request = (e: (typeof app.entitlements)[number]) => (
    <RequestAction entitlement={e} managed={app.status === "MANAGED"} viewer={viewer.get(e.id)} />
  );
  const table = (
    <DataTable
      caption={`Entitlements of ${app.name}`}
      rows={app.entitlements}
      rowKey={(e) => e.id}
      columns={[
        selectable && {
          key: "select",
          header: (
            <Checkbox
              label="Select all on this page"
              checked={app.entitlements.length > 0 && selected.length === app.entitlements.length}
              indeterminate={selected.length > 0}
              onCheckedChange={toggleAll}
              className="align-middle"
            />
          ),
          unpadded: true,
          head: "w-11 py-2.5 pr-1 pl-4",
          body: "py-3 pr-1 pl-4",
          cell: (e) => (
            <Checkbox
              label={`Select ${e.displayName}`}
              checked={picked.has(e.id)}
              onCheckedChange={(on) => toggle(e.id, on)}
              className="mt-0.5"
            />
          ),
        },
        {
          key: "entitlement",
          header: "Entitlement",
          cell: (e) => (
            <>
              <p className="flex flex-wrap items-baseline gap-x-2">
                <Link
                  href={`/apps/${app.id}/entitlements/${e.id}`}
                  className="font-medium text-zinc-900 hover:underline"
                >
                  {e.displayName}
                </Link>
                <span className="text-muted font-mono text-xs">{e.slug}</span>
              </p>
              {e.description ? (
                <p className="mt-0.5 text-xs leading-5 text-zinc-600">
                  <LazyInlineMarkdown>{e.description}</LazyInlineMarkdown>
                </p>
              ) : null}
              <p className="text-muted mt-1 text-xs md:hidden">
                {STRATEGY_LABEL[e.provisioningStrategy]} ·{" "}
                {STRATEGY_LABEL[e.deprovisioningStrategy]}
              </p>
              <div className="mt-2 sm:hidden">{request(e)}</div>
            </>
          ),
        },
        {
          key: "strategies",
          header: "Granted by · Removed by",
          from: "md",
          head: "w-44",
          body: "text-xs leading-5 text-zinc-600",
          cell: (e) => (
            <>
              <p>
                <span className="text-muted">Granted by </span>
                {STRATEGY_LABEL[e.provisioningStrategy]}
              </p>
              <p>
                <span className="text-muted">Removed by </span>
                {STRATEGY_LABEL[e.deprovisioningStrategy]}
              </p>
            </>
          ),
        },
        {
          key: "grants",
          header: (
            <>
              <span className="sm:hidden">Grants</span>
              <span className="hidden sm:inline">Live grants</span>
            </>
          ),
          align: "right",
          head: "w-20 sm:w-28",
          body: "tabular-nums",
          cell: (e) => (
            <Link
              href={`/apps/${app.id}/entitlements/${e.id}`}
              className="text-zinc-700 hover:underline"
              aria-label={`${formatCount(e.liveGrantCount)} accounts hold ${e.displayName}`}
            >
              {formatCount(e.liveGrantCount)}
            </Link>
          ),
        },
        {
          key: "request",
          header: srOnly("Request"),
          from: "sm",
          align: "right",
          head: "w-40",
          cell: request,
        },
      ]}
    />
  );
  return (
    <>
      {selected.length > 0 ? (
        <BulkBar count={selected.length} onOpen={setDialog} onClear={() => setPicked(new Set())} />
      ) : null}
      {framed ? <TableFrame>{table}</TableFrame> : <div className="-mx-5 -my-4">{table}</div>}
      {dialog && bulkEdit ? (
        <BulkEditDialog
          inherited={bulkEdit.inherited}
          which={dialog}
          app={app}
          entitlementIds={selected}
          onOpenChange={(open) => !open && setDialog(null)}
          onDone={() => {
            setPicked(new Set());
            router.refresh();
          }}
        />
      ) : null}
    </>
  );
}
