import Link from "next/link";
import { cn } from "~/lib/cn";
import { formatCount } from "~/lib/format";

/** Page-level tabs that are links: each tab has its own URL (SPEC §2). */
export function LinkTabs({
  tabs,
  active,
  label,
}: {
  tabs: Array<{ id: string; label: string; href: string; count?: number }>;
  active: string;
  label: string;
}) {
  return (
    // Scrolls sideways rather than widening the page when the tabs do not fit (phones).
    <nav aria-label={label} className="-mb-px flex gap-6 overflow-x-auto">
      {tabs.map((tab) => {
        const current = tab.id === active;
        return (
          <Link
            key={tab.id}
            href={tab.href}
            aria-current={current ? "page" : undefined}
            className={cn(
              "shrink-0 border-b-2 pb-3 text-sm font-medium whitespace-nowrap transition-colors",
              current
                ? "border-zinc-900 text-zinc-950"
                : "text-muted border-transparent hover:border-zinc-300 hover:text-zinc-800",
            )}
          >
            {tab.label}
            {tab.count !== undefined ? (
              <span className="ml-2 rounded-full bg-zinc-100 px-1.5 py-0.5 text-xs text-zinc-600">
                {formatCount(tab.count)}
              </span>
            ) : null}
          </Link>
        );
      })}
    </nav>
  );
}
