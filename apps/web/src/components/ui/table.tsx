import { cn } from "~/lib/cn";

/**
 * The frame of a list table: a rounded card that dims while the next search's rows load
 * (`pending`), with the shared table and header styles. Children: a <table> (use
 * `tableClass` / `theadClass`) and an optional footer such as <ShowMore>.
 */
export function TableFrame({
  pending = false,
  children,
}: {
  pending?: boolean;
  children: React.ReactNode;
}) {
  return (
    <div
      className={cn(
        "overflow-hidden rounded-xl border border-zinc-200 bg-white shadow-xs transition-opacity",
        pending && "opacity-70",
      )}
    >
      {children}
    </div>
  );
}

export const tableClass = "w-full table-fixed text-left text-sm";
export const theadClass = "border-b border-zinc-200 bg-zinc-50/80 text-xs font-medium text-muted";
