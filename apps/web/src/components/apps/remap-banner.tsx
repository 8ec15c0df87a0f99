"use client";

import { useEffect, useRef } from "react";
import { useRouter } from "next/navigation";
import { AlertTriangle, RefreshCw } from "lucide-react";
import { isRemapActive, remapProgressText, RemapProgressBar, useRemapStatus } from "./remap-status";

/**
 * The app page's banner while its accounts are being re-mapped in the background (a large
 * app after a mode change, an import or a people change): the progress, polled until it ends;
 * then the page's figures are refreshed. A re-map that failed is said to those who can retry.
 */
export function RemapBanner({ appId, canManage }: { appId: string; canManage: boolean }) {
  const { data: status } = useRemapStatus(appId);
  const router = useRouter();
  const wasActive = useRef(isRemapActive(status));
  const active = isRemapActive(status);

  useEffect(() => {
    if (wasActive.current && !active) router.refresh();
    wasActive.current = active;
  }, [active, router]);

  if (status && active) {
    return (
      <div
        role="status"
        className="border-b border-sky-100 bg-sky-50 px-6 py-3 text-sm text-sky-900 xl:px-8"
      >
        <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
          <RefreshCw className="size-4 shrink-0 animate-spin text-sky-600" aria-hidden />
          <p className="min-w-0 flex-1">
            <span className="font-medium">Account owners are being re-mapped</span>
            {status.mode === "BROAD" ? " (Broad mapping)" : " (Narrow mapping)"}.{" "}
            {remapProgressText(status)} Owners shown may change until it ends.
          </p>
          <div className="w-full sm:w-56">
            <RemapProgressBar status={status} label="Re-mapping progress" />
          </div>
        </div>
      </div>
    );
  }
  if (status?.state === "FAILED" && canManage) {
    return (
      <div
        role="alert"
        className="flex items-start gap-2 border-b border-rose-100 bg-rose-50 px-6 py-3 text-sm text-rose-900 xl:px-8"
      >
        <AlertTriangle className="mt-0.5 size-4 shrink-0 text-rose-600" aria-hidden />
        <p>
          <span className="font-medium">Re-mapping this app&apos;s account owners failed</span>
          {status.error ? `: ${status.error}` : "."} Owners may be out of date; save the account
          mapping settings again to retry.
        </p>
      </div>
    );
  }
  return null;
}
