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

/** Below this width a column hides (its facts then show under the row's first cell). */
const SHOWN_FROM = {
  sm: "hidden sm:table-cell",
  md: "hidden md:table-cell",
  lg: "hidden lg:table-cell",
} as const;

/**
 * Cell padding: `edge` 4 or 5 lines the first and last columns up with a card's own padding
 * (px-4 lists, px-5 cards); `even` pads every cell alike.
 */
const PADDING = {
  4: { head: "px-3 py-2.5 first:pl-4 last:pr-4", body: "px-3 py-3 first:pl-4 last:pr-4" },
  5: { head: "px-3 py-2.5 first:pl-5 last:pr-5", body: "px-3 py-3 first:pl-5 last:pr-5" },
  even: { head: "px-4 py-2.5", body: "px-4 py-3" },
} as const;

export interface Column<Row> {
  key: string;
  header: React.ReactNode;
  cell: (row: Row) => React.ReactNode;
  /** The width from which the column shows, header and cells alike. */
  from?: keyof typeof SHOWN_FROM;
  align?: "right";
  /** More classes of the header cell (its width). */
  head?: string;
  /** More classes of each body cell. */
  body?: string;
  /** The column pads its cells itself (in `head` and `body`). */
  unpadded?: boolean;
}

/** A column whose header is for screen readers only (e.g. a row's actions). */
export const srOnly = (text: string) => <span className="sr-only">{text}</span>;

/**
 * A list table from its columns: the shared table, header and row styles, each column shown
 * from its breakpoint on, cells aligned at the top. Rows get `rowClassName` (a hover tint by
 * default) and whatever `rowProps` gives them (data attributes).
 */
export function DataTable<Row>({
  caption,
  columns,
  rows,
  rowKey,
  edge = 4,
  alignTop = true,
  rowClassName = "hover:bg-zinc-50",
  rowProps,
}: {
  caption?: React.ReactNode;
  columns: Array<Column<Row> | false | null>;
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  edge?: keyof typeof PADDING;
  alignTop?: boolean;
  rowClassName?: string;
  rowProps?: (row: Row) => Record<`data-${string}`, string>;
}) {
  const shown = columns.filter((c): c is Column<Row> => !!c);
  const padding = PADDING[edge];
  const classes = (column: Column<Row>, part: "head" | "body") =>
    cn(
      column.from && SHOWN_FROM[column.from],
      column[part],
      column.align === "right" && "text-right",
      !column.unpadded && padding[part],
      part === "body" && alignTop && "align-top",
    );
  return (
    <table className={tableClass}>
      {caption ? <caption className="sr-only">{caption}</caption> : null}
      <thead className={theadClass}>
        <tr>
          {shown.map((column) => (
            <th key={column.key} scope="col" className={classes(column, "head")}>
              {column.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="divide-y divide-zinc-100">
        {rows.map((row) => (
          <tr key={rowKey(row)} className={rowClassName || undefined} {...rowProps?.(row)}>
            {shown.map((column) => (
              <td key={column.key} className={classes(column, "body")}>
                {column.cell(row)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
