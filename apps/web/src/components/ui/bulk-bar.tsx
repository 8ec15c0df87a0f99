"use client";

import { X } from "lucide-react";

/**
 * The bar of bulk actions (the inboxes, SPEC §3.7; the reviews queue, SPEC §10), at the
 * bottom left of the page while rows are selected: how many, the actions (the first is the
 * main one), and a way to clear.
 */
export function BulkBar<A extends string>({
  count,
  actions,
  onAction,
  onClear,
}: {
  count: number;
  actions: ReadonlyArray<{ id: A; label: string }>;
  onAction: (action: A) => void;
  onClear: () => void;
}) {
  return (
    <div
      role="region"
      aria-label="Bulk actions"
      className="fixed bottom-5 left-4 z-30 flex max-w-[calc(100vw-2rem)] items-center gap-1 overflow-x-auto rounded-xl bg-zinc-900 py-1.5 pr-1.5 pl-4 text-sm whitespace-nowrap text-white shadow-xl ring-1 ring-zinc-950/10 md:left-[calc(14rem+1.5rem)] xl:left-[calc(15rem+2rem)]"
    >
      <p className="mr-2 font-medium tabular-nums" aria-live="polite">
        {count} selected
      </p>
      {actions.map((action, i) => (
        <button
          key={action.id}
          type="button"
          onClick={() => onAction(action.id)}
          className={
            i === 0
              ? "rounded-lg bg-white px-3 py-1.5 font-medium text-zinc-900 hover:bg-zinc-100"
              : "rounded-lg px-3 py-1.5 font-medium text-zinc-100 hover:bg-zinc-800"
          }
        >
          {action.label}
        </button>
      ))}
      <span className="mx-1 h-5 w-px bg-zinc-700" aria-hidden />
      <button
        type="button"
        onClick={onClear}
        className="text-inverse-muted inline-flex size-8 items-center justify-center rounded-lg hover:bg-zinc-800 hover:text-white"
        aria-label="Clear the selection"
        title="Clear the selection"
      >
        <X className="size-4" aria-hidden />
      </button>
    </div>
  );
}
