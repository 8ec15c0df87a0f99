import { cn } from "~/lib/cn";

/** One labelled fact of a description list (`<dl>`): the label small and muted, the value below. */
export function Fact({
  label,
  children,
  truncate = false,
  strong = false,
  spaced = false,
}: {
  label: string;
  children: React.ReactNode;
  /** The value stays on one line, cut short. */
  truncate?: boolean;
  /** The value in medium weight. */
  strong?: boolean;
  /** A little more room between label and value (a roomier list). */
  spaced?: boolean;
}) {
  return (
    <div className="min-w-0">
      <dt className="text-muted text-xs">{label}</dt>
      <dd
        className={cn(
          spaced ? "mt-1" : "mt-0.5",
          truncate && "truncate",
          "text-sm",
          strong && "font-medium",
          "text-zinc-900",
        )}
      >
        {children}
      </dd>
    </div>
  );
}
