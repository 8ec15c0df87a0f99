import Link from "next/link";
import { ChevronRight } from "lucide-react";

/** Policies › current page, under a policy page's title. */
export function PolicyBreadcrumb({ current }: { current: string }) {
  return (
    <nav aria-label="Breadcrumb" className="text-muted -mt-2 mb-4 flex items-center gap-1 text-xs">
      <Link href="/policies" className="hover:text-zinc-800 hover:underline">
        Policies
      </Link>
      <ChevronRight className="size-3" aria-hidden />
      <span className="truncate text-zinc-700">{current}</span>
    </nav>
  );
}
