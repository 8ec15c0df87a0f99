import { Fragment } from "react";
import Link from "next/link";
import { ChevronRight } from "lucide-react";
import { cn } from "~/lib/cn";

export interface Crumb {
  href: string;
  label: React.ReactNode;
}

/**
 * The trail under a page's title: each crumb a link, then the current page. `children` follow
 * the trail (e.g. the viewer's part in a task).
 */
export function Breadcrumb({
  trail,
  current,
  truncate = false,
  children,
}: {
  trail: Crumb[];
  current: React.ReactNode;
  /** A long name (a person's, an account's) is cut short rather than wrapped. */
  truncate?: boolean;
  children?: React.ReactNode;
}) {
  return (
    <nav
      aria-label="Breadcrumb"
      className="text-muted -mt-2 mb-4 flex flex-wrap items-center gap-1 text-xs"
    >
      {trail.map((crumb) => (
        <Fragment key={crumb.href}>
          <Link href={crumb.href} className="hover:text-zinc-800 hover:underline">
            {crumb.label}
          </Link>
          <ChevronRight className="size-3" aria-hidden />
        </Fragment>
      ))}
      <span
        className={cn("text-zinc-700", truncate && "max-w-[16rem] truncate")}
        aria-current="page"
      >
        {current}
      </span>
      {children}
    </nav>
  );
}
