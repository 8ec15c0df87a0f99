import { cn } from "~/lib/cn";

/**
 * A whole-page message: not found, not allowed, something went wrong. Says what happened
 * and offers the way on.
 */
export function Notice({
  icon,
  title,
  children,
  actions,
  tone = "neutral",
}: {
  icon: React.ReactNode;
  title: string;
  children?: React.ReactNode;
  actions?: React.ReactNode;
  tone?: "neutral" | "brand" | "red";
}) {
  return (
    <div className="mx-auto flex max-w-md flex-col items-center px-6 py-20 text-center">
      <div
        className={cn(
          "mb-4 flex size-12 items-center justify-center rounded-full ring-1",
          tone === "brand" && "bg-brand-50 text-brand-700 ring-brand-100",
          tone === "red" && "bg-rose-50 text-rose-700 ring-rose-100",
          tone === "neutral" && "text-muted bg-zinc-100 ring-zinc-200",
        )}
        aria-hidden
      >
        {icon}
      </div>
      <h1 className="text-base font-semibold text-zinc-950">{title}</h1>
      {children ? <div className="mt-1.5 text-sm text-zinc-600">{children}</div> : null}
      {actions ? <div className="mt-6 flex items-center gap-2">{actions}</div> : null}
    </div>
  );
}
