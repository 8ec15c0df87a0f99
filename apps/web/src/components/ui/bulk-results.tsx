"use client";

import { CircleCheck, CircleMinus } from "lucide-react";
import { cn } from "~/lib/cn";

/**
 * What a bulk action did, row by row (the inboxes' and the reviews queue's result dialogs):
 * how many were done, then each skipped row — what it was and why it was left as it is.
 */
export function BulkResults({
  done,
  skipped,
}: {
  /** "3 tasks marked provisioned"; null when none was done. */
  done: React.ReactNode | null;
  skipped: ReadonlyArray<{ key: string; what: React.ReactNode; reason: string }>;
}) {
  return (
    <div aria-live="polite">
      {done ? (
        <p className="flex items-center gap-2 text-sm text-zinc-800">
          <CircleCheck className="size-4 text-emerald-600" aria-hidden />
          {done}
        </p>
      ) : null}
      {skipped.length > 0 ? (
        <div className={cn(done ? "mt-4" : null)}>
          <p className="flex items-center gap-2 text-sm font-medium text-zinc-800">
            <CircleMinus className="text-brand-600 size-4" aria-hidden />
            {skipped.length} skipped
          </p>
          <ul className="mt-2 space-y-1.5 rounded-md bg-zinc-50 px-3 py-2.5 text-sm text-zinc-700 ring-1 ring-zinc-200 ring-inset">
            {skipped.map((row) => (
              <li key={row.key}>
                {row.what} — {row.reason}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
